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

from typing import Any

from . import datasets

__all__ = ["ex00_q1_founding_count", "ex00_q2_founding_set", "ex00_q3_member_columns"]


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
