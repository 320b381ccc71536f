"""Immediate feedback on exercise answers: ``sco.check("ex05.q2", answer)``.

Each exercise notebook ``exercises/NN-*.ipynb`` has a spec
``sco_course/checkspecs/exNN.toml`` listing its tasks. A task's expected
answer is either computed at check time by a named function in
:mod:`sco_course.reference_answers` (``reference = "name"``: facts from the course
data, so the CSV files stay the single source of truth) or stored as an
obfuscated literal (``expected = "enc:..."``, made with
``python -m sco_course encode VALUE``; the scheme is shared with the quiz
banks, see :func:`sco_course.quizbank.encode_answer`). ``kind = "text"``
tasks need neither.

Set ``SCO_COURSE_STRICT_CHECKS=1`` to make every failing or unanswered
check raise :class:`AssertionError` (the test suite does this so that a
wrong solution notebook fails).
"""

from __future__ import annotations

import html
import os
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from .i18n import get_language
from .quizbank import ENC_PREFIX, decode_answer, encode_answer

__all__ = [
    "CheckResult",
    "CheckSpecError",
    "Task",
    "UnknownTaskError",
    "check",
    "decode_answer",
    "encode_answer",
    "is_strict",
    "known_exercises",
    "load_spec",
]

SPEC_DIR = Path(__file__).resolve().parent / "checkspecs"
STRICT_ENV = "SCO_COURSE_STRICT_CHECKS"
KINDS = ("number", "integer", "string", "set", "list", "series", "dataframe", "choice", "text")
_OPTIONS = {
    "tolerance",
    "rel_tolerance",
    "show_difference",
    "case_sensitive",
    "choices",
    "min_words",
    "keywords",
    "check_order",
    "check_name",
    "check_index",
    "check_column_order",
    "sort_by",
}
_TASK_KEYS = {"id", "kind", "reference", "expected", "hint", "title"} | _OPTIONS
_ID = re.compile(r"^(ex\d+)\.([A-Za-z0-9_-]+)$")

Status = Literal["correct", "incorrect", "unanswered"]


class CheckSpecError(ValueError):
    """A checkspec TOML file is malformed (the message names file and task)."""


class UnknownTaskError(LookupError):
    """``check()`` was given a task id that no checkspec defines."""

    def __str__(self) -> str:  # LookupError would quote the message like a KeyError
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True)
class Task:
    """One checked task of an exercise, as read from its checkspec."""

    id: str
    kind: str
    reference: str | None = None
    expected: Any = None
    options: dict[str, Any] = field(default_factory=dict)
    hint: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check. Truthy when the answer passed."""

    task_id: str
    passed: bool
    message: str
    status: Status = "incorrect"
    hint: str = ""

    def __bool__(self) -> bool:
        return self.passed

    @property
    def headline(self) -> str:
        """``✔ Correct`` / ``✘ Not quite`` / ``✘ Not answered yet``."""
        if self.passed:
            return "✔ Correct"
        return "✘ Not answered yet" if self.status == "unanswered" else "✘ Not quite"

    def __str__(self) -> str:
        text = f"{self.headline} ({self.task_id})"
        if self.message:
            text += f": {self.message}"
        if self.hint and not self.passed:
            text += f"\n{_hint_label()}: {self.hint}"
        return text

    def __repr__(self) -> str:
        return str(self)

    def _repr_markdown_(self) -> str:
        text = f"**{self.headline}** (`{self.task_id}`)"
        if self.message:
            text += f": {self.message}"
        if self.hint and not self.passed:
            text += f"\n\n*{_hint_label()}:* {self.hint}"
        return text

    def _repr_html_(self) -> str:
        colour = {"correct": "#1a7f37", "incorrect": "#b35900", "unanswered": "#57606a"}
        body = f"<strong>{html.escape(self.headline)}</strong> (<code>{self.task_id}</code>)"
        if self.message:
            body += f": {html.escape(self.message)}"
        if self.hint and not self.passed:
            body += f"<br><em>{_hint_label()}:</em> {html.escape(self.hint)}"
        return (
            f'<div role="status" class="sco-check sco-check-{self.status}" '
            f'style="border-left:4px solid {colour[self.status]};padding:0.3em 0.6em">'
            f"{body}</div>"
        )


# ------------------------------------------------------------------ helpers


def is_strict() -> bool:
    """True when ``SCO_COURSE_STRICT_CHECKS`` is set to 1/true/yes."""
    return os.environ.get(STRICT_ENV, "").strip().lower() in {"1", "true", "yes"}


def _hint_label() -> str:
    return "Petunjuk" if get_language() == "id" else "Hint"


# ------------------------------------------------------------------ specs


def known_exercises(spec_dir: Path | None = None) -> list[str]:
    """Return the exercise ids (``ex00``, ...) that have a checkspec."""
    return sorted(p.stem for p in (spec_dir or SPEC_DIR).glob("ex*.toml"))


def _parse_task(raw: dict[str, Any], label: str) -> Task:
    task_id = raw.get("id")
    where = f"{label}, task {task_id!r}"
    if not isinstance(task_id, str) or not re.fullmatch(r"[A-Za-z0-9_-]+", task_id):
        raise CheckSpecError(f"{label}: every [[task]] needs an id such as 'q1' (got {task_id!r})")
    unknown = set(raw) - _TASK_KEYS
    if unknown:
        raise CheckSpecError(
            f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(_TASK_KEYS)}"
        )
    kind = raw.get("kind")
    if kind not in KINDS:
        raise CheckSpecError(f"{where}: kind must be one of {list(KINDS)}, got {kind!r}")
    has_ref, has_exp = "reference" in raw, "expected" in raw
    if kind != "text" and has_ref == has_exp:
        raise CheckSpecError(f"{where}: give exactly one of 'reference' or 'expected'")
    if kind == "choice" and not raw.get("choices"):
        raise CheckSpecError(f'{where}: a choice task needs \'choices = ["A", "B", ...]\'')
    hint = raw.get("hint", {})
    if not isinstance(hint, dict) or "en" not in hint:
        raise CheckSpecError(f"{where}: needs at least hint.en (and hint.id)")
    return Task(
        id=task_id,
        kind=kind,
        reference=raw.get("reference"),
        expected=raw.get("expected"),
        options={k: v for k, v in raw.items() if k in _OPTIONS},
        hint=dict(hint),
    )


@lru_cache(maxsize=32)
def _load_spec_file(path: Path, mtime_ns: int) -> dict[str, Task]:
    label = f"checkspecs/{path.name}"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise CheckSpecError(f"{label}: invalid TOML ({exc})") from None
    tasks: dict[str, Task] = {}
    for raw in data.get("task", []):
        task = _parse_task(raw, label)
        if task.id in tasks:
            raise CheckSpecError(f"{label}: task id {task.id!r} appears twice")
        tasks[task.id] = task
    if not tasks:
        raise CheckSpecError(f"{label}: defines no [[task]]")
    return tasks


def load_spec(exercise: str, spec_dir: Path | None = None) -> dict[str, Task]:
    """Return the tasks of ``exercise`` (e.g. ``"ex05"``) keyed by task id (``"q2"``)."""
    path = (spec_dir or SPEC_DIR) / f"{exercise}.toml"
    if not path.is_file():
        known = ", ".join(known_exercises(spec_dir)) or "none"
        raise UnknownTaskError(
            f"No checks exist for exercise {exercise!r}. Known exercises: {known}."
        )
    return _load_spec_file(path, path.stat().st_mtime_ns)


def _find_task(task_id: Any) -> Task:
    match = _ID.match(task_id) if isinstance(task_id, str) else None
    if match is None:
        raise UnknownTaskError(f"{task_id!r} is not a task id; task ids look like 'ex05.q2'.")
    exercise, name = match.groups()
    tasks = load_spec(exercise)
    if name not in tasks:
        known = ", ".join(f"{exercise}.{t}" for t in tasks)
        raise UnknownTaskError(
            f"Unknown task id {task_id!r}. The tasks of {exercise} are: {known}."
        )
    return tasks[name]


def expected_value(task: Task) -> Any:
    """Compute (reference) or decode (expected) the right answer of ``task``."""
    if task.reference is not None:
        from . import reference_answers

        func = getattr(reference_answers, task.reference, None)
        if not callable(func):
            raise CheckSpecError(
                f"task {task.id!r}: sco_course.reference_answers has no function {task.reference!r}"
            )
        return func()
    if isinstance(task.expected, str) and task.expected.startswith(ENC_PREFIX):
        return decode_answer(task.expected)
    return task.expected


# ------------------------------------------------------------------ check


def _is_unanswered(answer: Any, kind: str) -> bool:
    if answer is Ellipsis or answer is None:
        return True
    return kind == "text" and isinstance(answer, str) and not answer.strip()


def _evaluate(task: Task, task_id: str, answer: Any) -> CheckResult:
    from ._checkkinds import COMPARERS, Wrong

    hint = task.hint.get(get_language()) or task.hint.get("en", "")
    if _is_unanswered(answer, task.kind):
        return CheckResult(
            task_id,
            False,
            "not answered yet: replace the ... with your answer.",
            "unanswered",
            hint,
        )
    expected = None if task.kind == "text" else expected_value(task)
    try:
        COMPARERS[task.kind](answer, expected, task.options)
    except Wrong as exc:
        return CheckResult(task_id, False, str(exc), "incorrect", hint)
    except Exception as exc:  # a student's odd object must not end in a traceback
        return CheckResult(
            task_id,
            False,
            f"Your answer could not be checked ({type(exc).__name__}"
            f": {exc}). Check that it is a {task.kind}.",
            "incorrect",
            hint,
        )
    message = ""
    if task.kind == "text":
        message = (
            "Answer recorded. This check only looks at the length and the key terms; "
            "your teacher reads the content."
        )
    return CheckResult(task_id, True, message, "correct")


def check(task_id: str, answer: Any) -> CheckResult:
    """Check ``answer`` for task ``task_id`` (e.g. ``"ex05.q2"``) and return the feedback.

    A wrong or unanswered task gives a failed :class:`CheckResult` (never an
    exception) unless ``SCO_COURSE_STRICT_CHECKS=1``, when it raises
    :class:`AssertionError` with the same message. An unknown ``task_id``
    raises :class:`UnknownTaskError` naming the known ids.
    """
    task = _find_task(task_id)
    result = _evaluate(task, task_id, answer)
    if not result.passed and is_strict():
        raise AssertionError(str(result))
    return result
