"""Bad input from a learner gets one clear message from the course, never a pandas traceback."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

import sco_course as sco
from sco_course.checks import STRICT_ENV, UnknownTaskError


def _figure() -> Any:
    fig, _ = sco.plots.figure()
    return fig


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: sco.check("nope.q1", 1), UnknownTaskError, r"'nope.q1' is not a task id.*ex05.q2"),
        (lambda: sco.check(5, 1), UnknownTaskError, r"5 is not a task id"),
        (lambda: sco.check("ex05.q99", 1), UnknownTaskError, r"The tasks of ex05 are: ex05.q1"),
        (
            lambda: sco.quiz("99-nothing"),
            sco.BankError,
            r"no question bank for lesson '99-nothing'; available: .*01-history",
        ),
        (
            lambda: sco.quiz(None),
            TypeError,
            r"expected a lesson id such as '01-history'.*got NoneType",
        ),
        (
            lambda: sco.load("drils"),
            sco.DataError,
            r"no table named 'drils'; the tables are: .*drills",
        ),
        (lambda: sco.cite(None), TypeError, r"cite\(\) expects a source_id string, got NoneType"),
        (
            lambda: sco.set_language("fr"),
            ValueError,
            r"unsupported language 'fr'; choose one of en, id",
        ),
        (
            lambda: sco.glossary("no such term"),
            sco.DataError,
            r"terms not in the glossary: \['no such term'\]\.$",
        ),
        (
            lambda: sco.glossary("rats"),
            sco.DataError,
            r"Did you mean \['Regional Anti-Terrorist Structure \(RATS\)'\]\?",
        ),
        (
            lambda: sco.disagreements("x-99"),
            sco.DataError,
            r"unknown discrepancy_id\(s\): \['x-99'\]",
        ),
        (lambda: sco.plots.show(_figure(), alt=""), ValueError, r"needs an alt text"),
        (lambda: sco.plots.show(_figure(), alt=5), ValueError, r"needs an alt text"),
        (
            lambda: sco.plots.show(None, alt="x"),
            TypeError,
            r"expects a matplotlib Figure, got NoneType\.$",
        ),
        (
            lambda: sco.plots.show(_figure().subplots(), alt="x"),
            TypeError,
            r"got Axes\. Pass ax\.figure",
        ),
    ],
)
def test_bad_input_raises_one_clear_error(
    call: Callable[[], Any], error: type, message: str
) -> None:
    with pytest.raises(error, match=message) as info:
        call()
    assert info.value.__cause__ is None  # no chained traceback from deep inside a library


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (
            [1, 2, 3],
            r"Expected a pandas Series, but you gave a list \(3 items\)\. A Series has an index",
        ),
        ("abc", r"Expected a pandas Series, but you gave a string"),
    ],
)
def test_check_reports_a_wrong_type_as_feedback(
    answer: Any, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(STRICT_ENV, "0")  # feedback as a result, as learners see it
    result = sco.check("ex05.q1", answer)
    assert not result.passed and result.status == "incorrect"
    assert re.search(message, result.message), result.message
