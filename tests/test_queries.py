"""The query helpers of ``sco_course.queries``: ``status_on`` and ``designations``."""

from __future__ import annotations

import pandas as pd
import pytest

import sco_course as sco
from sco_course import queries


def test_status_on_lists_every_linked_country_once() -> None:
    table = sco.status_on("2005-12-31")
    assert list(table.columns) == ["country", "status"]
    assert table["country"].is_unique
    observers = set(table.loc[table["status"] == "observer", "country"].astype(str))
    assert observers == {"India", "Iran", "Mongolia", "Pakistan"}
    # members first, then the other statuses, each sorted by name
    assert list(table["status"].astype(str))[:6] == ["member"] * 6
    assert table["status"].cat.codes.is_monotonic_increasing


def test_status_on_agrees_with_members_on_for_every_status() -> None:
    members = sco.load_members()
    for day in ["2001-06-15", "2017-06-09", "2024-12-31", sco.DATA_AS_OF]:
        table = sco.status_on(day)
        for status in members["status"].cat.categories:
            held = sorted(table.loc[table["status"] == status, "country"].astype(str))
            assert held == sco.members_on(day, status=status)


def test_status_on_includes_the_start_day_and_excludes_the_end_day() -> None:
    members = sco.load_members()
    for row in members.dropna(subset=["end_date"]).itertuples():
        before_end = sco.status_on(row.end_date - pd.Timedelta(days=1))
        on_end = sco.status_on(row.end_date)
        assert (row.country, row.status) in set(before_end.itertuples(index=False, name=None))
        assert (row.country, row.status) not in set(on_end.itertuples(index=False, name=None))


def test_status_on_rejects_what_is_not_a_date() -> None:
    with pytest.raises(sco.DataError, match="YYYY-MM-DD"):
        sco.status_on("sometime in 2005")


def test_designations_is_a_long_table_of_the_groups_texts() -> None:
    table = sco.designations()
    assert list(table.columns) == [
        "group",
        "name",
        "authority",
        "year",
        "action",
        "ended_later",
        "text",
    ]
    assert table["authority"].notna().all()
    assert list(table["authority"].cat.categories) == list(sco.DESIGNATION_AUTHORITIES)
    assert str(table["year"].dtype) == "Int64"
    groups = sco.load_groups()
    # every text appears, once per authority it names
    texts = [t for items in groups["designations"] for t in items]
    assert set(table["text"]) == set(texts)
    assert len(table) >= len(texts)
    # the group without designations has no rows; the Taliban (no abbreviation) keep their name
    assert "United Tajik Opposition" not in set(table["name"])
    assert "Taliban" in set(table["group"])


def test_designations_parses_authorities_years_and_revocations() -> None:
    table = sco.designations()
    two = table[table["text"] == "Uzbekistan and Kyrgyzstan bans (in force by 2005)"]
    assert sorted(two["authority"].astype(str)) == ["Kyrgyzstan", "Uzbekistan"]
    assert set(two["year"]) == {2005}
    revoked = table[table["action"] == "revoked"]
    assert set(
        zip(revoked["group"], revoked["authority"].astype(str), revoked["year"], strict=True)
    ) == {("ETIM", "US", 2020)}
    assert revoked["ended_later"].all()
    suspended = table[table["text"].str.contains("suspended")]
    assert (suspended["action"] == "listed").all() and suspended["ended_later"].all()


def test_designations_matches_the_exercise_rule() -> None:
    """The exercise's reference answer relies on sco.designations() for its authorities."""
    from sco_course import reference_answers

    table = queries.designations()
    per_group = table.groupby("group")["authority"].nunique()
    assert reference_answers.ex03_q5_most_authorities() == per_group.idxmax()
