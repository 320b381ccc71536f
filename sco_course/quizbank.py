"""Question banks: load and validate the bilingual TOML banks; obfuscate their answers.

One bank per lesson lives in ``sco_course/banks/<lesson>.toml`` (see
``docs/quizzes.md`` for the format). :func:`load_bank` turns a bank into a
:class:`Bank` of :class:`Question` objects, or raises one :class:`BankError`
naming the file and the question.

The answers in the banks and in the exercise checkspecs are *obfuscated*
(``"enc:" + base64(JSON XOR 0x2A)``, see :func:`encode_answer`), not secret:
anyone can decode them. :mod:`sco_course.checks` uses the same two functions,
so ``python -m sco_course encode VALUE`` serves both.
"""

from __future__ import annotations

import base64
import json
import math
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from .i18n import LANGUAGES

__all__ = [
    "ENC_PREFIX",
    "TYPES",
    "Bank",
    "BankError",
    "Option",
    "Question",
    "decode_answer",
    "encode_answer",
    "list_banks",
    "load_bank",
]

TYPES = ("single", "multiple", "truefalse", "numeric", "ordering", "matching")
ENC_PREFIX = "enc:"
_XOR_KEY = 0x2A  # obfuscation only, not a secret
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
# keys each question type may / must have (besides the common ones)
_COMMON = {"id", "type", "prompt", "explanation", "source_id", "answer"}
_EXTRA: dict[str, tuple[set[str], set[str]]] = {  # type -> (required, optional)
    "single": ({"options"}, set()),
    "multiple": ({"options"}, set()),
    "truefalse": (set(), set()),
    "numeric": ({"tolerance"}, {"unit"}),
    "ordering": ({"items"}, set()),
    "matching": ({"left", "right"}, set()),
}


class BankError(ValueError):
    """A question bank is malformed. The message names the file and the question."""

    def __init__(
        self, message: str, *, file: str | None = None, question: str | None = None
    ) -> None:
        self.file, self.question, self.reason = file, question, message
        where = file or "<bank>"
        if question is not None:
            where += f": question {question!r}"
        super().__init__(f"{where}: {message}")


# --------------------------------------------------------------------------- answers


def _xor(data: bytes) -> bytes:
    return bytes(b ^ _XOR_KEY for b in data)


def encode_answer(value: Any) -> str:
    """Return the obfuscated form (``"enc:..."``) of an answer for a TOML bank.

    ``value`` is what the plain ``answer`` would be: an option key (``"b"``), a
    list of keys (multiple choice, ordering), ``True``/``False``, a number, or a
    dict ``{left_key: right_key}`` (matching). The result is
    ``"enc:" + base64(JSON XOR 0x2A)``. The exercise checkspecs use this same
    function (:func:`sco_course.checks.encode_answer` is this one), so
    ``python -m sco_course encode VALUE`` serves both. This is obfuscation, not
    encryption: :func:`decode_answer` reverses it without any secret.

    >>> encode_answer("b")
    'enc:CEgI'
    """
    if isinstance(value, tuple):
        value = list(value)
    try:
        raw = json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"cannot encode answer {value!r}: {exc}") from None
    return ENC_PREFIX + base64.b64encode(_xor(raw.encode("utf-8"))).decode("ascii")


def decode_answer(text: str) -> Any:
    """Reverse :func:`encode_answer`. Raises ``ValueError`` if ``text`` is not valid."""
    if not isinstance(text, str) or not text.startswith(ENC_PREFIX):
        raise ValueError(f"an encoded answer starts with {ENC_PREFIX!r}")
    try:
        data = base64.b64decode(text[len(ENC_PREFIX) :].encode("ascii"), validate=True)
        return json.loads(_xor(data).decode("utf-8"))
    except (ValueError, UnicodeError) as exc:
        raise ValueError(f"not a valid encoded answer ({exc})") from None


# --------------------------------------------------------------------------- model


@dataclass(frozen=True)
class Option:
    """A choice, an ordering item or a matching item: a key and its texts per language."""

    key: str
    text: dict[str, str]

    def label(self, lang: str) -> str:
        """The text of this option in ``lang`` (``"en"`` or ``"id"``)."""
        return self.text[lang]


@dataclass(frozen=True)
class Question:
    """One question of a bank; ``answer`` is already decoded."""

    id: str
    type: str
    prompt: dict[str, str]
    explanation: dict[str, str]
    source_id: str
    answer: Any
    options: tuple[Option, ...] = ()  # single/multiple: options; ordering: items; matching: left
    choices: tuple[Option, ...] = ()  # matching: right-hand choices
    tolerance: float | None = None
    unit: dict[str, str] | None = None
    obfuscated: bool = True

    def is_correct(self, response: Any) -> bool:
        """Whether ``response`` (in the form of the plain ``answer``) is right."""
        a = self.answer
        if self.type == "multiple":
            return isinstance(response, list | tuple | set) and set(response) == set(a)
        if self.type == "truefalse":
            return isinstance(response, bool) and response is a
        if self.type == "numeric":
            try:
                value = float(response)
            except (TypeError, ValueError):
                return False
            return math.isfinite(value) and abs(value - a) <= self.tolerance + 1e-9
        if self.type == "ordering":
            return isinstance(response, list | tuple) and list(response) == a
        if self.type == "matching":
            return isinstance(response, dict) and dict(response) == a
        return response == a


@dataclass(frozen=True)
class Bank:
    """A lesson's question bank as loaded from its TOML file."""

    lesson: str
    title: dict[str, str]
    questions: tuple[Question, ...]
    path: str = ""

    def question(self, question_id: str) -> Question:
        """The question with id ``question_id``; ``KeyError`` if there is none."""
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(f"{self.lesson}: no question {question_id!r}")


# --------------------------------------------------------------------------- loading


def _banks_dir() -> Any:
    return resources.files(__package__) / "banks"


def list_banks() -> list[str]:
    """Return the lesson ids of the shipped question banks, sorted."""
    return sorted(p.name[:-5] for p in _banks_dir().iterdir() if p.name.endswith(".toml"))


class _Parser:
    """Validate one bank document; every problem becomes a :class:`BankError`."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.qid: str | None = None

    def fail(self, message: str) -> BankError:
        return BankError(message, file=self.file, question=self.qid)

    def texts(self, value: Any, what: str) -> dict[str, str]:
        if not isinstance(value, dict):
            raise self.fail(
                f"{what} must be a table with one text per language ({', '.join(LANGUAGES)})"
            )
        unknown = sorted(set(value) - set(LANGUAGES))
        if unknown:
            raise self.fail(f"{what} has unknown language(s) {unknown}")
        for lang in LANGUAGES:
            text = value.get(lang)
            if not isinstance(text, str) or not text.strip():
                raise self.fail(f"{what} is missing the {lang!r} translation")
        return {lang: value[lang].strip() for lang in LANGUAGES}

    def options(self, value: Any, what: str) -> tuple[Option, ...]:
        if not isinstance(value, list) or len(value) < 2:
            raise self.fail(
                f"{what!r} must be a list of at least 2 tables {{ key = ..., en = ..., id = ... }}"
            )
        out: list[Option] = []
        for i, item in enumerate(value, 1):
            if not isinstance(item, dict):
                raise self.fail(f"{what}[{i}] must be a table {{ key = ..., en = ..., id = ... }}")
            key = item.get("key")
            if not isinstance(key, str) or not _KEY.match(key):
                raise self.fail(f"{what}[{i}] needs a 'key' (letters, digits, '-', '_')")
            if any(o.key == key for o in out):
                raise self.fail(f"{what} has duplicate key {key!r}")
            texts = {k: v for k, v in item.items() if k != "key"}
            out.append(Option(key, self.texts(texts, f"{what} {key!r}")))
        return tuple(out)

    def answer(self, raw: dict[str, Any]) -> tuple[Any, bool]:
        if "answer" not in raw:
            raise self.fail("missing 'answer'")
        value = raw["answer"]
        if isinstance(value, str) and value.startswith(ENC_PREFIX):
            try:
                return decode_answer(value), True
            except ValueError as exc:
                raise self.fail(f"answer could not be decoded: {exc}") from None
        return value, False

    def check_answer(self, q: dict[str, Any]) -> Any:
        """Validate the decoded answer against the question; return it normalised."""
        kind, a = q["type"], q["answer"]
        keys = [o.key for o in q.get("options", ())]
        if kind == "single":
            if a not in keys:
                raise self.fail(f"answer {a!r} is not among the option keys {keys}")
        elif kind == "multiple":
            if not isinstance(a, list) or not a:
                raise self.fail("answer must be a non-empty list of option keys")
            if len(set(a)) != len(a) or not set(a) <= set(keys):
                raise self.fail(f"answer {a!r} must list distinct option keys from {keys}")
        elif kind == "truefalse":
            if not isinstance(a, bool):
                raise self.fail("answer must be true or false")
        elif kind == "numeric":
            if isinstance(a, bool) or not isinstance(a, int | float) or not math.isfinite(a):
                raise self.fail("answer must be a number")
            return float(a)
        elif kind == "ordering":
            if not isinstance(a, list) or sorted(map(str, a)) != sorted(keys):
                raise self.fail(f"answer must list every item key exactly once; items {keys}")
        elif kind == "matching":
            right = {o.key for o in q["choices"]}
            if not isinstance(a, dict) or set(a) != set(keys):
                raise self.fail(f"answer must map every left key {keys} to a right key")
            bad = sorted(str(v) for v in a.values() if v not in right)
            if bad:
                raise self.fail(f"answer uses unknown right key(s) {bad}; right: {sorted(right)}")
        return a

    def question(self, raw: Any, index: int) -> Question:
        self.qid = f"#{index}"
        if not isinstance(raw, dict):
            raise self.fail("each [[questions]] entry must be a table")
        qid = raw.get("id")
        if not isinstance(qid, str) or not _SLUG.match(qid):
            raise self.fail("needs an 'id' of lower-case letters, digits and '-'")
        self.qid = qid
        kind = raw.get("type")
        if kind not in _EXTRA:
            raise self.fail(f"unknown type {kind!r}; use one of {', '.join(TYPES)}")
        required, optional = _EXTRA[kind]
        missing = sorted((_COMMON | required) - set(raw))
        if missing:
            raise self.fail(f"missing {', '.join(map(repr, missing))}")
        unknown = sorted(set(raw) - _COMMON - required - optional)
        if unknown:
            raise self.fail(f"unknown key(s) {unknown} for type {kind!r}")
        source = raw["source_id"]
        if not isinstance(source, str) or not _SLUG.match(source):
            raise self.fail("source_id must be a slug such as 'sco-charter-2002'")
        answer, obfuscated = self.answer(raw)
        q: dict[str, Any] = {
            "id": qid,
            "type": kind,
            "source_id": source,
            "obfuscated": obfuscated,
            "prompt": self.texts(raw["prompt"], "prompt"),
            "explanation": self.texts(raw["explanation"], "explanation"),
        }
        if kind in ("single", "multiple"):
            q["options"] = self.options(raw["options"], "options")
        elif kind == "ordering":
            q["options"] = self.options(raw["items"], "items")
        elif kind == "matching":
            q["options"] = self.options(raw["left"], "left")
            q["choices"] = self.options(raw["right"], "right")
        elif kind == "numeric":
            tol = raw["tolerance"]
            if isinstance(tol, bool) or not isinstance(tol, int | float) or not tol >= 0:
                raise self.fail("tolerance must be a number >= 0")
            q["tolerance"] = float(tol)
            if "unit" in raw:
                q["unit"] = self.texts(raw["unit"], "unit")
        q["answer"] = answer
        q["answer"] = self.check_answer(q)
        return Question(**q)

    def bank(self, doc: dict[str, Any], default_lesson: str) -> Bank:
        unknown = sorted(set(doc) - {"lesson", "title", "questions"})
        if unknown:
            raise self.fail(f"unknown top-level key(s) {unknown}")
        lesson = doc.get("lesson", default_lesson)
        if not isinstance(lesson, str) or not _SLUG.match(lesson):
            raise self.fail("'lesson' must be a lesson id such as '01-history'")
        title = self.texts(doc.get("title"), "title")
        raw_questions = doc.get("questions")
        if not isinstance(raw_questions, list) or not raw_questions:
            raise self.fail("no questions: add at least one [[questions]] table")
        questions: list[Question] = []
        for index, raw in enumerate(raw_questions, 1):
            try:
                question = self.question(raw, index)
            except BankError:
                raise
            except Exception as exc:  # a safety net: never a raw traceback
                raise self.fail(f"{type(exc).__name__}: {exc}") from exc
            if any(q.id == question.id for q in questions):
                raise self.fail("duplicate question id")
            questions.append(question)
        self.qid = None
        return Bank(lesson, title, tuple(questions), self.file)


def load_bank(lesson_or_path: str | Path) -> Bank:
    """Load and validate a question bank.

    ``lesson_or_path`` is a lesson id (``"01-history"``, looked up in the
    shipped banks) or the path of a ``.toml`` file. Any problem raises one
    :class:`BankError` naming the file and the question; an argument that is
    neither a string nor a path raises :class:`TypeError`.
    """
    if not isinstance(lesson_or_path, str | Path):
        raise TypeError(
            "expected a lesson id such as '01-history' or the path of a .toml bank, "
            f"got {type(lesson_or_path).__name__}"
        )
    text_arg = str(lesson_or_path)
    if isinstance(lesson_or_path, Path) or text_arg.endswith(".toml") or "/" in text_arg:
        path = Path(lesson_or_path)
        name, stem = str(path), path.stem
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise BankError(f"cannot read the bank: {exc.strerror or exc}", file=name) from None
    else:
        resource = _banks_dir() / f"{text_arg}.toml"
        name, stem = f"sco_course/banks/{text_arg}.toml", text_arg
        if not resource.is_file():
            raise BankError(
                f"no question bank for lesson {text_arg!r}; "
                f"available: {', '.join(list_banks()) or 'none'}",
                file=name,
            )
        data = resource.read_bytes()
    try:
        doc = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise BankError(f"not valid TOML: {exc}", file=name) from None
    return _Parser(name).bank(doc, stem)
