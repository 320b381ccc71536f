"""Reference answers for the checked exercise tasks, computed from the course data.

A checkspec task with ``reference = "name"`` is checked against ``name()``
from this module, called at check time. Each function loads what it needs
through :mod:`sco_course.datasets` and returns the expected answer, so a
corrected CSV file corrects the expected answers too: no number is retyped.

Conventions: one function per task, named ``exNN_qN_<what>``, no arguments,
a short docstring saying which data it reads. Return plain Python values
(``int``, ``float``, ``str``, ``set``, ``list``) or pandas objects for
``series``/``dataframe`` tasks. pandas is imported inside the functions.
"""

from __future__ import annotations

import re
from typing import Any

from . import datasets, queries


def ex00_q1_founding_count() -> int:
    """Number of distinct countries flagged ``founding`` in ``members``."""
    members = datasets.load("members")
    return int(members.loc[members["founding"].fillna(False).astype(bool), "country"].nunique())


def ex00_q2_founding_set() -> set[Any]:
    """Set of the countries flagged ``founding`` in ``members``."""
    members = datasets.load("members")
    return set(members.loc[members["founding"].fillna(False).astype(bool), "country"])


def ex00_q3_member_columns() -> list[str]:
    """Column names of ``members``, in order."""
    return [str(c) for c in datasets.load("members").columns]


# ------------------------------------------------------------------ ex01 (lesson 01-history)


def ex01_q1_members_per_year() -> Any:
    """Series year (2001-2024) -> number of member states on 31 December, from ``members``."""
    import pandas as pd

    counts = {year: len(queries.members_on(f"{year}-12-31")) for year in range(2001, 2025)}
    return pd.Series(counts, name="members")


def ex01_q2_accession_year() -> Any:
    """Series country -> year it became a member, for the current members in ``members``."""
    import pandas as pd

    members = datasets.load("members")
    current = members[(members["status"] == "member") & members["end_date"].isna()]
    return pd.Series(
        current["start_date"].dt.year.astype(int).values,
        index=current["country"].astype(str).values,
        name="joined",
    )


def ex01_q3_observer_to_member() -> set[str]:
    """Countries of ``members`` with both an ``observer`` and a ``member`` row."""
    members = datasets.load("members")
    observers = set(members.loc[members["status"] == "observer", "country"].astype(str))
    full = set(members.loc[members["status"] == "member", "country"].astype(str))
    return observers & full


def ex01_q4_years_as_observer() -> Any:
    """Series country -> member start year minus observer start year (``members``)."""
    import pandas as pd

    members = datasets.load("members")
    first = members.groupby(["country", "status"], observed=True)["start_date"].min().unstack()
    both = first.dropna(subset=["observer", "member"])
    years = both["member"].dt.year - both["observer"].dt.year
    return pd.Series(years.astype(int).values, index=both.index.astype(str), name="years")


def ex01_q5_biggest_growth_year() -> int:
    """The year (2002-2024) in which the number of members grew most (first such year)."""
    per_year = ex01_q1_members_per_year()
    return int(per_year.diff().idxmax())


def ex01_q6_summit_places() -> list[str]:
    """``place`` of every SCO summit held 2001-2025 (``events``, kind ``sco_summit``), by date."""
    events = datasets.load("events")
    summits = events[(events["kind"] == "sco_summit") & (events["date"].dt.year <= 2025)]
    return [str(p) for p in summits.sort_values("date")["place"]]


# ---------------------------------------------------------------- ex05 (lesson 05-drill-record)


def _table1() -> Any:
    """The Table 1 rows of ``drills`` (those with a ``table1_row``), used by ex05 and ex06."""
    drills = datasets.load("drills")
    return drills[drills["table1_row"].notna()]


def _ex05_confirmed(drill_ids: Any) -> Any:
    """Confirmed ``drill_participants`` rows for ``drill_ids``."""
    part = datasets.load("drill_participants")
    return part[part["drill_id"].isin(set(drill_ids)) & (part["certainty"] == "confirmed")]


def ex05_q1_drills_per_year() -> Any:
    """Series year (2002-2015) -> number of Table 1 exercises starting that year, zeros included."""
    import pandas as pd

    years = _table1()["start_date"].dt.year.astype(int)
    counts = years.value_counts().reindex(range(2002, 2016), fill_value=0).sort_index()
    return pd.Series(counts.astype(int).values, index=list(range(2002, 2016)), name="drills")


def ex05_q2_participation_share() -> Any:
    """Series country -> share of the Table 1 exercises it took part in (confirmed only)."""
    import pandas as pd

    table1 = _table1()
    part = _ex05_confirmed(table1["drill_id"])
    counts = part.groupby(part["country"].astype(str))["drill_id"].nunique()
    return pd.Series((counts / len(table1)).values, index=list(counts.index), name="share")


def ex05_q3_china_without_russia() -> set[str]:
    """Table 1 drill_ids with China and a Central Asian state but not Russia (confirmed only)."""
    countries = datasets.load("countries")
    central_asia = set(countries.loc[countries["region"] == "Central Asia", "name"].astype(str))
    part = _ex05_confirmed(_table1()["drill_id"])
    sets = part.groupby("drill_id")["country"].agg(lambda s: set(s.astype(str)))
    return {
        str(d) for d, s in sets.items() if "China" in s and "Russia" not in s and s & central_asia
    }


def ex05_q4_largest_by_series() -> Any:
    """Series series -> ``name`` of the exercise with the most troops (all drills with a figure)."""
    import pandas as pd

    drills = datasets.load("drills").dropna(subset=["troops"])
    drills = drills.assign(series=drills["series"].astype(str), troops=drills["troops"].astype(int))
    biggest = drills.loc[drills.groupby("series")["troops"].idxmax()]
    return pd.Series(
        biggest["name"].astype(str).values, index=list(biggest["series"]), name="largest"
    )


def ex05_q5_uzbekistan_share_later() -> float:
    """Share of the post-Table-1 exercises (no ``table1_row``) with Uzbekistan confirmed."""
    drills = datasets.load("drills")
    later = drills.loc[drills["table1_row"].isna(), "drill_id"]
    part = _ex05_confirmed(later)
    return float(part.loc[part["country"] == "Uzbekistan", "drill_id"].nunique() / len(later))


def ex05_q6_countries_per_drill() -> Any:
    """Series drill_id -> number of confirmed participating countries, for every exercise."""
    import pandas as pd

    drills = datasets.load("drills")
    part = _ex05_confirmed(drills["drill_id"])
    counts = part.groupby("drill_id").size().reindex(drills["drill_id"], fill_value=0)
    return pd.Series(
        counts.astype(int).values, index=[str(d) for d in drills["drill_id"]], name="countries"
    )


# ---------------------------------------------------------------- ex02 (lesson 02-structure)


def _ex02_name_ru() -> dict[str, str]:
    """English name -> official Russian short name of each member (``countries.name_ru``)."""
    countries = datasets.load("countries").dropna(subset=["name_ru"])
    return dict(zip(countries["name"].astype(str), countries["name_ru"].astype(str), strict=True))


def _ex02_members_on(day: Any) -> list[str]:
    """Member states on ``day`` (from ``members``), in Russian alphabetical order."""
    return sorted(queries.members_on(day), key=_ex02_name_ru().__getitem__)


def _ex02_summits() -> Any:
    """SCO summits 2001-2025 from ``events``: year, host, last day, in date order."""
    events = datasets.load("events")
    summits = events[(events["kind"] == "sco_summit") & (events["date"].dt.year <= 2025)]
    summits = summits.sort_values("date")
    return summits.assign(
        year=summits["date"].dt.year.astype(int),
        host=summits["country"].astype(str),
        last_day=summits["end_date"].fillna(summits["date"]),
    ).reset_index(drop=True)


def ex02_q1_scale_totals() -> Any:
    """Series scale -> sum of ``share_pct`` in ``budget_shares``."""
    import pandas as pd

    budget = datasets.load("budget_shares")
    totals = budget.groupby(budget["scale"].astype(str))["share_pct"].sum()
    return pd.Series(totals.to_dict(), name="share_pct")


def ex02_q2_founders_share_2025() -> float:
    """Combined 2025 budget share (%) of the six founding members."""
    budget = datasets.load("budget_shares")
    members = datasets.load("members")
    founders = set(
        members.loc[members["founding"].fillna(False).astype(bool), "country"].astype(str)
    )
    rows = budget[(budget["scale"] == "sco-2025") & budget["country"].astype(str).isin(founders)]
    return float(rows["share_pct"].sum())


def ex02_q3_russian_order_2020() -> list[str]:
    """Member states on 1 January 2020 in Russian alphabetical order (English names)."""
    import pandas as pd

    return _ex02_members_on(pd.Timestamp("2020-01-01"))


def ex02_q4_predicted_hosts() -> list[str]:
    """Host predicted by the rotation rule for each summit 2005-2025, in date order.

    Next host = the member after the previous summit's host in Russian alphabetical
    order, among the members on the previous summit's last day.
    """
    summits = _ex02_summits()
    predicted = []
    for i in range(1, len(summits)):
        prev = summits.iloc[i - 1]
        ring = _ex02_members_on(prev["last_day"])
        if summits.iloc[i]["year"] >= 2005:
            predicted.append(ring[(ring.index(prev["host"]) + 1) % len(ring)])
    return predicted


def ex02_q5_n_rule_matches() -> int:
    """Number of summits 2005-2025 whose host matches the rule's prediction."""
    summits = _ex02_summits()
    actual = list(summits.loc[summits["year"] >= 2005, "host"])
    return sum(a == p for a, p in zip(actual, ex02_q4_predicted_hosts(), strict=True))


def ex02_q6_sg_tenures() -> Any:
    """Series name -> years in office (end_year - start_year + 1) for completed SG terms."""
    import pandas as pd

    sg = datasets.load("secretaries_general")
    done = sg[sg["end_year"].notna()]
    return pd.Series(
        (done["end_year"] - done["start_year"] + 1).astype(int).to_numpy(),
        index=done["name"].astype(str).to_numpy(),
        name="tenure_years",
    )


def ex02_q7_most_sg_terms() -> set[str]:
    """Countries that have held the Secretariat's top post most often."""
    sg = datasets.load("secretaries_general")
    counts = sg["country"].astype(str).value_counts()
    return set(counts[counts == counts.max()].index)


# ------------------------------------------------------------------ ex04 (04-kazakhstan)


def _ex04_members_in(year: int) -> list[str]:
    """Member states at the end of ``year`` (``members`` table)."""
    return queries.members_on(f"{year}-12-31")


def _ex04_latest_complete_year(indicator: str) -> int:
    """Latest year in which every member of that year has a value for ``indicator``."""
    data = datasets.load("indicators")
    data = data[data["indicator"] == indicator]
    for year in sorted(data["year"].dropna().unique(), reverse=True):
        have = set(data.loc[data["year"] == year, "country"].astype(str))
        if set(_ex04_members_in(int(year))) <= have:
            return int(year)
    raise ValueError(f"no complete year for {indicator!r}")


def _ex04_shares(indicator: str) -> Any:
    """Each member's share (%) of the members' total in the latest complete year."""
    year = _ex04_latest_complete_year(indicator)
    data = datasets.load("indicators")
    rows = data[(data["indicator"] == indicator) & (data["year"] == year)]
    rows = rows[rows["country"].astype(str).isin(_ex04_members_in(year))]
    values = rows.assign(country=rows["country"].astype(str)).set_index("country")["value"]
    return 100 * values / values.sum()


def ex04_q1_latest_gdp_year() -> int:
    """``indicators`` + ``members``: latest year with a GDP value for every member of that year."""
    return _ex04_latest_complete_year("gdp_usd")


def ex04_q2_kazakhstan_gdp_share() -> float:
    """Kazakhstan's share (%) of the members' GDP in the year of ex04_q1."""
    return float(_ex04_shares("gdp_usd")["Kazakhstan"])


def ex04_q3_population_shares() -> Any:
    """Series: each member's share (%) of the members' population, latest complete year."""
    return _ex04_shares("population")


def ex04_q4_seed_trade_growth() -> Any:
    """Series indexed by end year: compound annual growth (%) between consecutive seed-002
    China-Central Asia trade figures (``trade``)."""
    trade = datasets.load("trade")
    seed = trade[trade["source_id"] == "seed-002"].sort_values("year")
    years = [int(y) for y in seed["year"]]
    values = [float(v) for v in seed["value_usd_bn"]]
    import pandas as pd

    growth = {
        years[i]: 100 * ((values[i] / values[i - 1]) ** (1 / (years[i] - years[i - 1])) - 1)
        for i in range(1, len(years))
    }
    return pd.Series(growth, name="cagr_pct")


def ex04_q5_astana_summit_years() -> list[int]:
    """``events``: years of the SCO summits hosted by Kazakhstan up to ``DATA_AS_OF``, in order."""
    import pandas as pd

    events = datasets.load("events")
    as_of = pd.Timestamp(datasets.DATA_AS_OF)
    rows = events[
        (events["kind"] == "sco_summit")
        & (events["country"] == "Kazakhstan")
        & (events["date"] <= as_of)
    ].sort_values("date")
    return [int(y) for y in rows["date"].dt.year]


# ------------------------------------------------------------------ ex06 (06-balancing-theory)


def ex06_q1_lamb_countries() -> set[Any]:
    """``schweller_roles``: countries whose role in the article starts with 'lamb'."""
    roles = datasets.load("schweller_roles")
    return set(
        roles.loc[roles["role_in_article"].astype(str).str.startswith("lamb"), "country"].astype(
            str
        )
    )


def ex06_q2_china_russia_budget() -> Any:
    """``budget_shares``: Series indexed by scale, China's plus Russia's share (%)."""
    budget = datasets.load("budget_shares")
    rows = budget[budget["country"].astype(str).isin(["China", "Russia"])]
    return rows.groupby(rows["scale"].astype(str))["share_pct"].sum()


def _table1_participants() -> Any:
    """Every ``drill_participants`` row (confirmed or uncertain) of a Table 1 exercise."""
    part = datasets.load("drill_participants")
    return part[part["drill_id"].isin(set(_table1()["drill_id"]))]


def ex06_q3_china_without_russia() -> int:
    """Table 1 exercises (``drills.table1_row`` set) China joined (confirmed) without Russia
    taking part in any form."""
    part = _table1_participants()
    china = set(
        part.loc[(part["country"] == "China") & (part["certainty"] == "confirmed"), "drill_id"]
    )
    russia = set(part.loc[part["country"] == "Russia", "drill_id"])
    return len(china - russia)


def ex06_q4_days_to_bishkek_summit() -> int:
    """Days from the start of Peace Mission 2007 (``drills``) to the 2007 Bishkek summit
    (``events``)."""
    drills = datasets.load("drills").set_index("drill_id")
    events = datasets.load("events").set_index("event_id")
    return int((events.loc["sco-2007-bishkek", "date"] - drills.loc["pm-2007", "start_date"]).days)


def ex06_q5_founder_participation() -> Any:
    """Series indexed by founding member: confirmed participations in Table 1 exercises."""
    part = _table1_participants()
    members = datasets.load("members")
    founders = sorted(
        members.loc[members["founding"].fillna(False).astype(bool), "country"].astype(str).unique()
    )
    confirmed = part[part["certainty"] == "confirmed"]
    counts = confirmed["country"].astype(str).value_counts()
    return counts.reindex(founders, fill_value=0).astype(int).rename("exercises")


# ---------------------------------------------------------------- ex03 (lesson 03-three-evils)


def ex03_q1_n_undesignated() -> int:
    """Number of groups in ``groups`` with an empty ``designations`` list."""
    groups = datasets.load("groups")
    return int((groups["designations"].str.len() == 0).sum())


def ex03_q2_china_2003_list() -> set[str]:
    """Names of the groups with a designation mentioning China's Ministry of Public Security."""
    groups = datasets.load("groups")
    hit = groups["designations"].apply(
        lambda items: any("China Ministry of Public Security" in d for d in items)
    )
    return set(groups.loc[hit, "name"].astype(str))


def ex03_q3_n_un_listed() -> int:
    """Number of groups with at least one designation text starting with 'UN '."""
    groups = datasets.load("groups")
    return int(
        groups["designations"].apply(lambda items: any(d.startswith("UN ") for d in items)).sum()
    )


def ex03_q4_earliest_year() -> Any:
    """Series name -> earliest of the first years (1950-2029) of its designation texts (designated groups only)."""
    import pandas as pd

    table = queries.designations()
    earliest = table.groupby("name", sort=False)["year"].min().dropna().astype(int)
    return pd.Series(earliest.to_dict(), name="earliest")


def ex03_q5_most_authorities() -> str:
    """Abbreviation of the group designated by the most different authorities.

    The authorities of a text are those of :func:`sco_course.datasets.designations`
    (the names of ``DESIGNATION_AUTHORITIES`` before its first digit), the rule the
    exercise gives students as ``authorities_in``.
    """
    table = queries.designations()
    counts = table.groupby("group", sort=False, observed=True)["authority"].nunique()
    return str(counts.idxmax())


def ex03_q6_violence_terms() -> set[str]:
    """Terms whose ``summary_en`` in ``convention_definitions`` contains 'violen' (any case)."""
    defs = datasets.load("convention_definitions")
    hit = defs["summary_en"].str.contains("violen", case=False, regex=False)
    return set(defs.loc[hit, "term"].astype(str))


#: Every reference function: public names of the form ``exNN_qN_<what>``.
__all__ = sorted(name for name in dir() if re.fullmatch(r"ex\d\d_q\d+_\w+", name))
