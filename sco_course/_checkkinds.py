"""Comparison rules behind :func:`sco_course.check`, one function per task kind.

Each ``compare_<kind>(answer, expected, options)`` returns ``None`` when the
answer is right and otherwise raises :class:`Wrong` with a message for the
student. Messages describe *what* is wrong (type, length, columns, how far
off, which of the student's own items are extra) but never print the
expected value. pandas is imported inside the functions that need it.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Callable, Iterable
from typing import Any

__all__ = ["COMPARERS", "Wrong", "describe_type"]

MAX_SHOWN = 5


class Wrong(Exception):
    """The answer is wrong; ``str(exc)`` is the feedback for the student."""


def describe_type(value: Any) -> str:
    """Name the type of ``value`` the way a student would say it."""
    module = type(value).__module__.split(".")[0]
    name = type(value).__name__
    if module == "pandas" and name in {"Series", "DataFrame", "Index"}:
        shape = value.shape
        if name == "DataFrame":
            return f"a pandas DataFrame ({shape[0]} rows x {shape[1]} columns)"
        return f"a pandas {name} ({shape[0]} values)"
    if module == "numpy" and name == "ndarray":
        return f"a NumPy array (shape {value.shape})"
    if isinstance(value, str):
        return "a string (text)"
    if isinstance(value, bool):
        return "a boolean (True/False)"
    if isinstance(value, dict):
        return f"a dict ({len(value)} items)"
    if isinstance(value, list | tuple | set | frozenset):
        return f"a {name} ({len(value)} items)"
    article = "an" if name[:1].lower() in "aeiou" else "a"
    return f"{article} {name}"


def _show(items: Iterable[Any]) -> str:
    items = list(items)
    shown = ", ".join(repr(_plain(i)) for i in items[:MAX_SHOWN])
    more = f" and {len(items) - MAX_SHOWN} more" if len(items) > MAX_SHOWN else ""
    return shown + more


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _sentence(parts: list[str]) -> str:
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "."


def _plain(value: Any) -> Any:
    """Turn NumPy scalars into Python ones so that reprs read naturally."""
    item = getattr(value, "item", None)
    if callable(item) and type(value).__module__ == "numpy":
        try:
            return item()
        except (ValueError, TypeError):
            return value
    return value


def _is_number(value: Any) -> bool:
    return (
        isinstance(value, numbers.Real)
        and not isinstance(value, bool)
        and (type(value).__name__ != "bool_")
    )


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if _is_number(value):
        return math.isnan(float(value))
    return type(value).__name__ in {"NAType", "NaTType"}


def _close(a: float, b: float, options: dict[str, Any]) -> bool:
    tol = float(options.get("tolerance", 0.0))
    rel = float(options.get("rel_tolerance", 1e-9))
    return math.isclose(float(a), float(b), rel_tol=rel, abs_tol=tol)


def _fmt(x: float) -> str:
    return f"{x:,.6g}" if isinstance(x, float) and not float(x).is_integer() else f"{x:,.0f}"


def _how_far(yours: float, expected: float) -> str:
    diff = float(yours) - float(expected)
    return f"{_fmt(abs(diff))} too {'high' if diff > 0 else 'low'}"


def _not_a_single_value(answer: Any, what: str) -> Wrong:
    hint = ""
    if hasattr(answer, "shape") or isinstance(answer, list | tuple | set | dict):
        hint = " Reduce it to one value (for example with len(), .sum() or .iloc[0])."
    if isinstance(answer, str):
        hint = " Remove the quotes."
    return Wrong(f"Expected {what}, but you gave {describe_type(answer)}.{hint}")


# ------------------------------------------------------------------ scalars


def compare_number(answer: Any, expected: Any, options: dict[str, Any]) -> None:
    """A real number, equal within ``tolerance`` (absolute) / ``rel_tolerance``."""
    if not _is_number(answer):
        raise _not_a_single_value(answer, "a single number")
    if math.isnan(float(answer)):
        raise Wrong("Your answer is NaN (a missing value), not a number.")
    if not _close(answer, expected, options):
        tol = options.get("tolerance")
        allowed = f" (allowed error: ±{tol})" if tol else ""
        if options.get("show_difference", True):
            raise Wrong(
                f"Your answer {_fmt(float(answer))} is {_how_far(answer, expected)}{allowed}."
            )
        raise Wrong(f"Your answer {_fmt(float(answer))} is not right{allowed}.")


def compare_integer(answer: Any, expected: Any, options: dict[str, Any]) -> None:
    """A whole number, exactly. An integral float such as ``6.0`` counts."""
    if not _is_number(answer):
        raise _not_a_single_value(answer, "a whole number")
    if isinstance(answer, float) and not float(answer).is_integer():
        raise Wrong(f"Expected a whole number, but your answer {answer!r} has a fractional part.")
    if int(answer) != int(expected):
        if options.get("show_difference", True):
            raise Wrong(f"Your answer {int(answer)} is {_how_far(answer, expected)}.")
        raise Wrong(f"Your answer {int(answer)} is not right.")


def _norm_text(value: str, options: dict[str, Any]) -> str:
    value = " ".join(value.split())
    return value if options.get("case_sensitive", False) else value.casefold()


def compare_string(answer: Any, expected: Any, options: dict[str, Any]) -> None:
    """A short text, compared ignoring surrounding spaces (and case, by default)."""
    if not isinstance(answer, str):
        raise Wrong(f"Expected a string (text in quotes), but you gave {describe_type(answer)}.")
    accepted = expected if isinstance(expected, list) else [expected]
    if _norm_text(answer, options) not in {_norm_text(str(e), options) for e in accepted}:
        raise Wrong(f"{answer.strip()!r} is not the expected answer.")


def compare_choice(answer: Any, expected: Any, options: dict[str, Any]) -> None:
    """One option letter (or label) out of ``choices``; case does not matter."""
    choices = [str(c) for c in options["choices"]]
    listed = ", ".join(repr(c) for c in choices)
    if not isinstance(answer, str):
        raise Wrong(
            f"Expected one of {listed} (as a string), but you gave {describe_type(answer)}."
        )
    folded = {c.casefold(): c for c in choices}
    picked = folded.get(answer.strip().casefold())
    if picked is None:
        raise Wrong(f"{answer!r} is not one of the choices {listed}.")
    if picked.casefold() != str(expected).casefold():
        raise Wrong(f"{picked!r} is not the right choice.")


# ------------------------------------------------------------------ collections


def _norm_item(item: Any, options: dict[str, Any]) -> Any:
    item = _plain(item)
    if isinstance(item, str):
        return _norm_text(item, options)
    if isinstance(item, float) and item.is_integer():
        return int(item)
    return item


def _as_items(answer: Any, what: str, *, ordered: bool) -> list[Any]:
    if answer is None or isinstance(answer, str | bytes | dict) or _is_number(answer):
        extra = (
            " Put the items in a list, e.g. ['China', 'Russia']." if isinstance(answer, str) else ""
        )
        raise Wrong(f"Expected {what}, but you gave {describe_type(answer)}.{extra}")
    if type(answer).__name__ == "DataFrame":
        raise Wrong(
            f"Expected {what}, but you gave {describe_type(answer)}. "
            "Select one column first, e.g. df['country']."
        )
    if ordered and isinstance(answer, set | frozenset):
        raise Wrong(f"Expected {what}, but you gave a set, which has no order. Use a list.")
    if not isinstance(answer, Iterable):
        raise Wrong(f"Expected {what}, but you gave {describe_type(answer)}.")
    return list(answer)


def compare_set(answer: Any, expected: Any, options: dict[str, Any]) -> None:
    """A collection whose order and repetitions do not matter."""
    items = _as_items(answer, "a collection of items (a list or set)", ordered=False)
    try:
        yours = {_norm_item(i, options) for i in items}
    except TypeError:
        raise Wrong(
            "Your collection holds items that cannot be compared "
            "(lists or dicts inside it?). Give a flat list of values."
        ) from None
    want = {_norm_item(i, options) for i in expected}
    missing, extra = want - yours, yours - want
    problems = []
    if missing:
        problems.append(f"{len(missing)} item{'s are' if len(missing) > 1 else ' is'} missing")
    if extra:
        originals = [i for i in items if _norm_item(i, options) in extra]
        problems.append(
            f"{len(extra)} item{'s' if len(extra) > 1 else ''} should not be there: "
            f"{_show(dict.fromkeys(originals))}"
        )
    if problems:
        raise Wrong(_sentence(problems))


def _items_equal(a: Any, b: Any, options: dict[str, Any]) -> bool:
    if _is_missing(a) and _is_missing(b):
        return True
    if _is_number(a) and _is_number(b):
        return _close(a, b, options)
    return _norm_item(a, options) == _norm_item(b, options)


def compare_list(answer: Any, expected: Any, options: dict[str, Any]) -> None:
    """A sequence whose order matters."""
    items = _as_items(answer, "a list (order matters)", ordered=True)
    want = list(expected)
    if len(items) != len(want):
        raise Wrong(f"Your list has {_n(len(items), 'item')}; expected {len(want)}.")
    wrong = [
        i
        for i, (a, b) in enumerate(zip(items, want, strict=True))
        if not _items_equal(a, b, options)
    ]
    if not wrong:
        return
    try:
        same_items = sorted(map(repr, (_norm_item(i, options) for i in items))) == sorted(
            map(repr, (_norm_item(i, options) for i in want))
        )
    except TypeError:
        same_items = False
    if same_items:
        raise Wrong(
            f"The items are right but the order is not: position {wrong[0]} "
            "(counting from 0) is the first one out of place."
        )
    first = wrong[0]
    raise Wrong(
        f"{len(wrong)} of {len(want)} items are wrong; the first is at position {first} "
        f"(counting from 0): {_plain(items[first])!r}."
    )


# ------------------------------------------------------------------ pandas


def _index_problems(yours: Any, want: Any, what: str, options: dict[str, Any]) -> None:
    """Compare two pandas Index objects as label sets, then (optionally) order."""
    y_labels, w_labels = list(map(_plain, yours)), list(map(_plain, want))
    if set(map(str, y_labels)) == set(map(str, w_labels)) and set(y_labels) != set(w_labels):
        y_types = sorted({type(v).__name__ for v in y_labels})
        w_types = sorted({type(v).__name__ for v in w_labels})
        raise Wrong(
            f"The {what} labels look right but have the wrong type: yours are "
            f"{', '.join(y_types)}, expected {', '.join(w_types)}."
        )
    y_set, w_set = set(y_labels), set(w_labels)
    missing = [v for v in w_labels if v not in y_set]
    extra = [v for v in y_labels if v not in w_set]
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"{len(missing)} expected {what} label(s) are missing")
        if extra:
            parts.append(f"{len(extra)} {what} label(s) should not be there: {_show(extra)}")
        raise Wrong(_sentence(parts))
    if options.get("check_order", False) and y_labels != w_labels:
        raise Wrong(
            f"The {what} labels are right but in a different order "
            "(sort_index() or sort_values() may help)."
        )


def _value_problems(yours: Any, want: Any, options: dict[str, Any], where: str = "") -> None:
    """Compare two Series with the same labels, value by value."""
    bad: list[str] = []
    count = 0
    for label in want.index:
        a, b = _plain(yours.loc[label]), _plain(want.loc[label])
        if _items_equal(a, b, options):
            continue
        count += 1
        if len(bad) < 3:
            if _is_number(a) and _is_number(b) and not _is_missing(a) and not _is_missing(b):
                bad.append(f"at {label!r} yours is {_how_far(a, b)}")
            else:
                bad.append(f"at {label!r} yours is {a!r}")
    if count:
        raise Wrong(f"{where}{count} of {len(want)} values differ: {'; '.join(bad)}.")


def _require_series(answer: Any) -> None:
    kind = type(answer).__name__
    if kind == "Series" and type(answer).__module__.startswith("pandas"):
        return
    if kind == "DataFrame":
        cols = list(answer.columns)
        if len(cols) == 1:
            raise Wrong(
                f"Expected a pandas Series, but you gave a DataFrame with one column "
                f"({cols[0]!r}). Select that column, e.g. df[{cols[0]!r}]."
            )
        raise Wrong(f"Expected a pandas Series, but you gave {describe_type(answer)}.")
    extra = (
        " A Series has an index; build it with pandas, not a plain list."
        if isinstance(answer, list | tuple | dict) or hasattr(answer, "shape")
        else ""
    )
    raise Wrong(f"Expected a pandas Series, but you gave {describe_type(answer)}.{extra}")


def compare_series(answer: Any, expected: Any, options: dict[str, Any]) -> None:
    """A pandas Series: length, index labels, then values (numbers within tolerance)."""
    _require_series(answer)
    if answer.index.has_duplicates:
        raise Wrong(
            "Your Series has repeated index labels "
            f"({_show(answer.index[answer.index.duplicated()].unique())})."
        )
    if len(answer) != len(expected):
        raise Wrong(f"Your Series has {_n(len(answer), 'value')}; expected {len(expected)}.")
    _index_problems(answer.index, expected.index, "index", options)
    if options.get("check_name", False) and answer.name != expected.name:
        raise Wrong(
            f"The values may be right, but the Series should be named {expected.name!r} "
            f"(yours is {answer.name!r}); use .rename()."
        )
    _value_problems(answer, expected, options)


def compare_dataframe(answer: Any, expected: Any, options: dict[str, Any]) -> None:
    """A pandas DataFrame: columns, rows, index (unless ``check_index = false``), values."""
    if type(answer).__name__ != "DataFrame":
        extra = (
            " Use .to_frame() or df[[...]] with double brackets."
            if type(answer).__name__ == "Series"
            else ""
        )
        raise Wrong(f"Expected a pandas DataFrame, but you gave {describe_type(answer)}.{extra}")
    want_cols, your_cols = list(expected.columns), list(answer.columns)
    missing = [c for c in want_cols if c not in your_cols]
    extra_cols = [c for c in your_cols if c not in want_cols]
    index_names = [n for n in expected.index.names if n is not None]
    if missing or extra_cols:
        parts = []
        if missing:
            parts.append(f"missing column(s): {_show(missing)}")
        if extra_cols:
            parts.append(f"unexpected column(s): {_show(extra_cols)}")
        moved = [n for n in index_names if n in extra_cols]
        tip = f" ({moved[0]!r} should be the index: try .set_index({moved[0]!r}).)" if moved else ""
        raise Wrong("Your DataFrame has " + "; ".join(parts) + "." + tip)
    if options.get("check_column_order", False) and your_cols != want_cols:
        raise Wrong("The columns are right but in a different order.")
    if len(answer) != len(expected):
        raise Wrong(f"Your DataFrame has {_n(len(answer), 'row')}; expected {len(expected)}.")
    sort_by = options.get("sort_by")
    if sort_by:
        answer = answer.sort_values(sort_by)
        expected = expected.sort_values(sort_by)
    if options.get("check_index", True) and not sort_by:
        if answer.index.has_duplicates:
            raise Wrong("Your DataFrame has repeated index labels.")
        _index_problems(answer.index, expected.index, "row", options)
    else:
        answer = answer.reset_index(drop=True)
        expected = expected.reset_index(drop=True)
    for column in want_cols:
        _value_problems(answer[column], expected[column], options, where=f"Column {column!r}: ")


def compare_text(answer: Any, expected: Any, options: dict[str, Any]) -> None:
    """A written answer: at least ``min_words`` words and every required keyword."""
    if not isinstance(answer, str):
        raise Wrong(
            f"Expected your written answer as a string (text in quotes), "
            f"but you gave {describe_type(answer)}."
        )
    words = re.findall(r"\w+", answer)
    need = int(options.get("min_words", 20))
    if len(words) < need:
        raise Wrong(f"Your answer has {_n(len(words), 'word')}; write at least {need}.")
    folded = answer.casefold()
    absent = [k for k in options.get("keywords", []) if str(k).casefold() not in folded]
    if absent:
        raise Wrong(f"Your answer does not yet mention: {', '.join(map(repr, absent))}.")


COMPARERS: dict[str, Callable[[Any, Any, dict[str, Any]], None]] = {
    "number": compare_number,
    "integer": compare_integer,
    "string": compare_string,
    "choice": compare_choice,
    "set": compare_set,
    "list": compare_list,
    "series": compare_series,
    "dataframe": compare_dataframe,
    "text": compare_text,
}
