"""Questions the lessons ask of the data again and again, answered in one place.

* :func:`members_on` and :func:`status_on`: who held which SCO status on a given day;
* :func:`designations`: the ``groups`` table's designations as a long table.

Everything here is computed from the tables that :mod:`sco_course.datasets`
loads; nothing is stored twice.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from .datasets import DataError, load

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DESIGNATION_AUTHORITIES", "designations", "members_on", "status_on"]


def _as_day(when: str | date | Any) -> pd.Timestamp:
    """``when`` as a :class:`pandas.Timestamp`, or a :class:`DataError` naming the bad value."""
    import pandas as pd

    try:
        day = pd.Timestamp(when)
    except (TypeError, ValueError):
        raise DataError(f"{when!r} is not a date (write it as YYYY-MM-DD)") from None
    if pd.isna(day):
        raise DataError(f"{when!r} is not a date (write it as YYYY-MM-DD)")
    return day


def status_on(when: str | date | Any) -> pd.DataFrame:
    """Every country linked to the SCO on the date ``when``, with the status it held.

    Returns a DataFrame with the columns ``country`` and ``status`` (the
    categorical dtypes of :func:`load_members`), one row per country, ordered
    by status (member first) and then by name. The rule is the one of
    :func:`members_on`: a status interval includes its start date and excludes
    its end date. ``when`` is anything :func:`pandas.Timestamp` understands.

    >>> sco.status_on("2005-12-31").query("status == 'observer'")  # doctest: +SKIP
    """
    day = _as_day(when)
    members = load("members")
    held = (members["start_date"] <= day) & (
        members["end_date"].isna() | (members["end_date"] > day)
    )
    rows = members.loc[held, ["country", "status"]].sort_values(
        ["status", "country"],
        key=lambda column: column.cat.codes if column.name == "status" else column.astype(str),
    )
    return rows.reset_index(drop=True)


#: Designating authorities recognised by :func:`designations`, in the order lessons show them.
DESIGNATION_AUTHORITIES: tuple[str, ...] = (
    "UN",
    "US",
    "UK",
    "China",
    "Russia",
    "Kazakhstan",
    "Kyrgyzstan",
    "Tajikistan",
    "Uzbekistan",
)
_DESIGNATION_YEAR = re.compile(r"\b(19[5-9]\d|20[0-2]\d)\b")


def designations() -> pd.DataFrame:
    """The ``designations`` of ``groups`` as a long table: one row per (designation, authority).

    Each text of ``load_groups()["designations"]`` (e.g. ``'US FTO 2000
    (effective 2000-09-25, redesignated 2004)'``) is split by three rules:

    * **authority**: every name of :data:`DESIGNATION_AUTHORITIES` that occurs
      (as a word) before the first digit of the text, so ``'Uzbekistan and
      Kyrgyzstan bans ...'`` gives two rows; missing if none is named;
    * **year**: the first year (1950-2029) in the text, missing if there is none;
    * **action**: ``'revoked'`` when the word *revoked* comes before that year
      (the entry records a revocation), else ``'listed'``; **ended_later** is
      true when the text mentions a revocation or suspension at all.

    Columns: ``group`` (abbreviation, or name when there is none), ``name``,
    ``authority`` (categorical, in the order of :data:`DESIGNATION_AUTHORITIES`),
    ``year`` (Int64), ``action`` (categorical: listed, revoked), ``ended_later``
    (bool) and ``text`` (the designation as written). Groups without any
    designation have no rows. Rows keep the order of the ``groups`` table.
    """
    import pandas as pd

    groups = load("groups")
    records: list[dict[str, Any]] = []
    for name, abbreviation, texts in zip(
        groups["name"], groups["abbreviation"], groups["designations"], strict=True
    ):
        group = str(name) if pd.isna(abbreviation) else str(abbreviation)
        for text in texts or []:
            prefix = re.split(r"\d", text, maxsplit=1)[0]
            who = [a for a in DESIGNATION_AUTHORITIES if re.search(rf"\b{a}\b", prefix)]
            found = _DESIGNATION_YEAR.search(text)
            before_year = text[: found.start()] if found else text
            for authority in who or [None]:
                records.append(
                    {
                        "group": group,
                        "name": str(name),
                        "authority": authority,
                        "year": int(found.group()) if found else None,
                        "action": "revoked" if "revoked" in before_year else "listed",
                        "ended_later": bool(re.search(r"revoked|suspended", text)),
                        "text": text,
                    }
                )
    columns = ["group", "name", "authority", "year", "action", "ended_later", "text"]
    table = pd.DataFrame.from_records(records, columns=columns)
    return table.astype(
        {
            "group": "string",
            "name": "string",
            "authority": pd.CategoricalDtype(list(DESIGNATION_AUTHORITIES), ordered=True),
            "year": "Int64",
            "action": pd.CategoricalDtype(["listed", "revoked"]),
            "ended_later": "bool",
            "text": "string",
        }
    )


def members_on(when: str | date | Any, status: str = "member") -> list[str]:
    """Countries holding ``status`` (default: member) on the date ``when``, sorted by name.

    ``when`` is anything :func:`pandas.Timestamp` understands (``"2017-06-09"``,
    a ``datetime``). A status interval includes its start date and excludes its
    end date, so on the day India became a member it is a member, not an observer.
    """
    held = status_on(when)
    return sorted(set(held.loc[held["status"] == status, "country"].astype(str)))
