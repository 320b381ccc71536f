"""sco_course: the helper library of the open SCO teaching course.

Everything a lesson needs is importable from the top level::

    import sco_course as sco
    members = sco.load_members()
    sco.quiz("01-history")
    sco.check("ex05.q2", answer)

Names are resolved lazily, so ``import sco_course`` stays fast: pandas,
matplotlib and ipywidgets are imported only when a function needs them.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# public name -> module that defines it
_LAZY: dict[str, str] = {
    # datasets.py: the only module that knows the files and their schema
    "DATA_AS_OF": "datasets",
    "DataError": "datasets",
    "list_datasets": "datasets",
    "load": "datasets",
    "cite": "datasets",
    "data_dir": "datasets",
    "members_on": "queries",
    "status_on": "queries",
    "designations": "queries",
    "DESIGNATION_AUTHORITIES": "queries",
    # i18n.py
    "set_language": "i18n",
    "get_language": "i18n",
    # quizzes.py (widgets) and quizbank.py (TOML banks)
    "quiz": "quizzes",
    "Quiz": "quizzes",
    "load_bank": "quizbank",
    "BankError": "quizbank",
    # progress.py
    "progress_summary": "progress",
    # lesson.py: text blocks built from the data
    "references": "lesson",
    "disagreements": "lesson",
    "glossary": "lesson",
    # checks.py
    "check": "checks",
    "CheckResult": "checks",
}

__all__ = sorted([*_LAZY, "plots", "__version__"])


def __getattr__(name: str) -> Any:
    """Import the module behind a public name on first use (PEP 562)."""
    if name in _LAZY:
        module = importlib.import_module(f".{_LAZY[name]}", __name__)
        return getattr(module, name)
    if name.startswith("load_"):
        module = importlib.import_module(".datasets", __name__)
        return getattr(module, name)
    if name in {
        "plots",
        "charts",
        "queries",
        "datasets",
        "quizzes",
        "quizbank",
        "checks",
        "progress",
        "i18n",
        "lesson",
    }:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'sco_course' has no attribute {name!r}")


def __dir__() -> list[str]:
    """The public names, including one ``load_<table>`` per data table."""
    from . import datasets

    return sorted(set(__all__) | {f"load_{n}" for n in datasets.TABLES})
