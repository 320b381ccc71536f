"""Self-check quizzes: bilingual TOML question banks -> ipywidgets, with a text fallback.

One bank per lesson lives in ``sco_course/banks/<lesson>.toml`` (see
``docs/quizzes.md`` for the format). In a notebook::

    import sco_course as sco
    sco.quiz("01-history")            # interactive; progress saved locally
    sco.quiz("01-history", save=False)

Where widgets cannot run (GitHub, nbviewer, nbconvert HTML, plain text) the quiz
shows its questions as readable text, without the answers. The answers in the
banks are *obfuscated* (base64 of XOR-ed JSON, see :func:`encode_answer`), not
secret: anyone can decode them. The quizzes are for self-checking only.
"""

from __future__ import annotations

import base64
import html
import json
import math
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import i18n
from .i18n import LANGUAGES, t

if TYPE_CHECKING:
    import ipywidgets

__all__ = ["TYPES", "Bank", "BankError", "Option", "Question", "Quiz", "decode_answer",
           "encode_answer", "list_banks", "load_bank", "quiz"]

TYPES = ("single", "multiple", "truefalse", "numeric", "ordering", "matching")
ENC_PREFIX = "enc:"
_XOR_KEY = 0x2A  # shared with checks.py; obfuscation only, not a secret
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

    def __init__(self, message: str, *, file: str | None = None,
                 question: str | None = None) -> None:
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
    ``"enc:" + base64(JSON XOR 0x2A)``, the same scheme as the exercise
    checkspecs, so ``python -m sco_course encode VALUE`` serves both. This is
    obfuscation, not encryption: :func:`decode_answer` reverses it without any secret.
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
        data = base64.b64decode(text[len(ENC_PREFIX):].encode("ascii"), validate=True)
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
            raise self.fail(f"{what} must be a table with one text per language "
                            f"({', '.join(LANGUAGES)})")
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
            raise self.fail(f"{what!r} must be a list of at least 2 tables "
                            f"{{ key = ..., en = ..., id = ... }}")
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
            "id": qid, "type": kind, "source_id": source, "obfuscated": obfuscated,
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
    :class:`BankError` naming the file and the question.
    """
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
            raise BankError(f"no question bank for lesson {text_arg!r}; "
                            f"available: {', '.join(list_banks()) or 'none'}", file=name)
        data = resource.read_bytes()
    try:
        doc = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise BankError(f"not valid TOML: {exc}", file=name) from None
    return _Parser(name).bank(doc, stem)


# --------------------------------------------------------------------------- text fallback


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _letter(i: int) -> str:
    return chr(ord("A") + i) if i < 26 else str(i + 1)


def _static_blocks(q: Question, lang: str) -> list[tuple[str, list[str]]]:
    """The parts of a question shown without widgets: (label, lines) - never the answer."""
    if q.type in ("single", "multiple"):
        return [("", [f"{_letter(i)}. {o.label(lang)}" for i, o in enumerate(q.options)])]
    if q.type == "truefalse":
        return [("", [t("quiz.true", lang=lang), t("quiz.false", lang=lang)])]
    if q.type == "numeric":
        unit = f" {q.unit[lang]}" if q.unit else ""
        return [("", [f"{t('quiz.your_answer', lang=lang)} ____{unit}"])]
    if q.type == "ordering":
        return [(t("quiz.items", lang=lang), [o.label(lang) for o in q.options])]
    return [(t("quiz.items", lang=lang), [o.label(lang) for o in q.options]),
            (t("quiz.choices", lang=lang), [o.label(lang) for o in q.choices])]


def render_static(bank: Bank, lang: str, fmt: str) -> str:
    """Render ``bank`` as ``"markdown"``, ``"html"`` or ``"text"`` (questions only)."""
    total = len(bank.questions)
    title = t("quiz.title", lang=lang, title=bank.title[lang])
    note = t("quiz.static_note", lang=lang)
    out: list[str] = []
    if fmt == "html":
        out.append(f'<div class="sco-quiz-static" lang="{lang}">'
                   f"<h3>{html.escape(title)}</h3><p><em>{html.escape(note)}</em></p>")
    elif fmt == "markdown":
        out += [f"### {_md(title)}", "", f"*{_md(note)}*", ""]
    else:
        out += [title, "=" * len(title), note, ""]
    for n, q in enumerate(bank.questions, 1):
        head = t("quiz.question_n", lang=lang, n=n, total=total)
        hint = t(f"quiz.hint.{q.type}", lang=lang)
        blocks = _static_blocks(q, lang)
        if fmt == "html":
            out.append(f"<p><strong>{html.escape(head)}.</strong> "
                       f"{html.escape(q.prompt[lang])} <em>{html.escape(hint)}</em></p>")
            for label, lines in blocks:
                if label:
                    out.append(f"<p>{html.escape(label)}</p>")
                out.append("<ul>" + "".join(f"<li>{html.escape(x)}</li>" for x in lines)
                           + "</ul>")
        elif fmt == "markdown":
            out += [f"**{_md(head)}.** {_md(q.prompt[lang])} *{_md(hint)}*", ""]
            for label, lines in blocks:
                if label:
                    out += [_md(label), ""]
                out += [*(f"- {_md(x)}" for x in lines), ""]
        else:
            out.append(f"{head}. {q.prompt[lang]} ({hint})")
            for label, lines in blocks:
                if label:
                    out.append(f"  {label}")
                out += [f"  - {x}" for x in lines]
            out.append("")
    if fmt == "html":
        out.append("</div>")
    return "\n".join(out).rstrip() + "\n"


# --------------------------------------------------------------------------- widgets


@dataclass
class QuestionView:
    """The widgets of one question: ``inputs``, the Check ``button``, the ``feedback``."""

    question: Question
    inputs: list[Any]
    button: Any
    feedback: Any
    box: Any = field(default=None)

    @property
    def input(self) -> Any:
        """The single input widget (RadioButtons, FloatText) of simple question types."""
        return self.inputs[0]


def _label_html(text: str, *, bold: bool = False) -> str:
    body = html.escape(text)
    return f"<b>{body}</b>" if bold else body


class Quiz:
    """An interactive quiz over one :class:`Bank`.

    ``questions`` lists the questions, ``widget`` is the ipywidgets view (built
    on first use), ``score`` counts questions whose latest check was right.
    Tests drive it like a learner: set ``controls[qid].input.value`` (or use
    :meth:`set_response`) and call ``controls[qid].button.click()``.
    """

    def __init__(self, bank: Bank, *, save: bool = True, lang: str | None = None) -> None:
        if lang is not None:
            code = i18n._normalise(lang)
            if code is None:
                raise ValueError(f"unsupported language {lang!r}")
            lang = code
        self.bank = bank
        self.lesson = bank.lesson
        self.save = save
        self.lang: str = lang or i18n.get_language()
        self.results: dict[str, bool] = {}
        self._widget: Any = None
        self._controls: dict[str, QuestionView] = {}
        self._score_label: Any = None

    # -- state ---------------------------------------------------------------------------

    @property
    def questions(self) -> list[Question]:
        return list(self.bank.questions)

    @property
    def total(self) -> int:
        return len(self.bank.questions)

    @property
    def score(self) -> int:
        """Number of questions whose latest checked answer is correct."""
        return sum(self.results.values())

    def score_text(self) -> str:
        return t("quiz.score", lang=self.lang, correct=self.score, total=self.total)

    # -- widgets -------------------------------------------------------------------------

    @property
    def widget(self) -> ipywidgets.VBox:
        if self._widget is None:
            self._build()
        return self._widget

    @property
    def controls(self) -> dict[str, QuestionView]:
        """Question id -> its :class:`QuestionView` (builds the widget if needed)."""
        _ = self.widget
        return self._controls

    def _inputs(self, q: Question, w: Any) -> list[Any]:
        lang = self.lang
        wide = {"layout": w.Layout(width="auto"), "style": {"description_width": "initial"}}
        answer_label = t("quiz.your_answer", lang=lang)
        if q.type == "single":
            options = [(f"{_letter(i)}. {o.label(lang)}", o.key) for i, o in enumerate(q.options)]
            return [w.RadioButtons(options=options, value=None, description=answer_label,
                                   **wide)]
        if q.type == "truefalse":
            options = [(t("quiz.true", lang=lang), True), (t("quiz.false", lang=lang), False)]
            return [w.RadioButtons(options=options, value=None, description=answer_label,
                                   **wide)]
        if q.type == "multiple":
            return [w.Checkbox(value=False, description=f"{_letter(i)}. {o.label(lang)}",
                               indent=False, **wide) for i, o in enumerate(q.options)]
        if q.type == "numeric":
            unit = f" ({q.unit[lang]})" if q.unit else ""
            return [w.FloatText(value=0.0, description=answer_label + unit, **wide)]
        if q.type == "ordering":
            options = [(t("quiz.choose", lang=lang), None),
                       *((o.label(lang), o.key) for o in q.options)]
            return [w.Dropdown(options=options, value=None,
                               description=t("quiz.position", lang=lang, n=i + 1), **wide)
                    for i in range(len(q.options))]
        options = [(t("quiz.choose", lang=lang), None),
                   *((o.label(lang), o.key) for o in q.choices)]
        return [w.Dropdown(options=options, value=None, description=o.label(lang), **wide)
                for o in q.options]

    def _build(self) -> None:
        import ipywidgets as w

        lang, rows = self.lang, []
        title = t("quiz.title", lang=lang, title=self.bank.title[lang])
        rows.append(w.HTML(f"<h3>{html.escape(title)}</h3>"))
        for n, q in enumerate(self.bank.questions, 1):
            head = t("quiz.question_n", lang=lang, n=n, total=self.total)
            prompt = w.HTML(
                f"<p>{_label_html(head + '.', bold=True)} {_label_html(q.prompt[lang])} "
                f"<em>{_label_html(t(f'quiz.hint.{q.type}', lang=lang))}</em></p>")
            inputs = self._inputs(q, w)
            button = w.Button(description=t("quiz.check", lang=lang), icon="check",
                              tooltip=t("quiz.check_tooltip", lang=lang, n=n),
                              button_style="primary")
            feedback = w.HTML(value="")
            view = QuestionView(q, inputs, button, feedback)
            button.on_click(lambda _b, qid=q.id: self.check(qid))
            view.box = w.VBox([prompt, *inputs, w.HBox([button]), feedback],
                              layout=w.Layout(margin="0 0 1em 0"))
            self._controls[q.id] = view
            rows.append(view.box)
        self._score_label = w.Label(value=self.score_text())
        rows.append(self._score_label)
        self._widget = w.VBox(rows)

    def response(self, question_id: str) -> Any:
        """The learner's current answer to a question, in the form of the plain ``answer``.

        ``None`` means nothing was chosen yet.
        """
        view = self.controls[question_id]
        q, inputs = view.question, view.inputs
        if q.type == "multiple":
            chosen = [o.key for o, box in zip(q.options, inputs, strict=True) if box.value]
            return chosen or None
        if q.type == "ordering":
            order = [d.value for d in inputs]
            return None if None in order else order
        if q.type == "matching":
            pairs = {o.key: d.value for o, d in zip(q.options, inputs, strict=True)}
            return None if None in pairs.values() else pairs
        return inputs[0].value

    def set_response(self, question_id: str, value: Any) -> None:
        """Set the widgets of a question as a learner would (for tests and demos)."""
        view = self.controls[question_id]
        q, inputs = view.question, view.inputs
        if q.type == "multiple":
            for o, box in zip(q.options, inputs, strict=True):
                box.value = o.key in set(value)
        elif q.type == "ordering":
            for d, key in zip(inputs, value, strict=True):
                d.value = key
        elif q.type == "matching":
            for o, d in zip(q.options, inputs, strict=True):
                d.value = value.get(o.key)
        else:
            inputs[0].value = value

    def check(self, question_id: str) -> bool | None:
        """Check the current answer (what the Check button does).

        Updates the feedback and the score, saves the result unless
        ``save=False``, and returns whether it was correct (``None`` when
        nothing was answered yet).
        """
        view = self.controls[question_id]
        q, lang = view.question, self.lang
        response = self.response(question_id)
        if response is None:
            view.feedback.value = f'<p role="status"><b>{t("quiz.no_answer", lang=lang)}</b></p>'
            return None
        ok = q.is_correct(response)
        self.results[q.id] = ok
        verdict = t("quiz.correct" if ok else "quiz.incorrect", lang=lang)
        colour = "#1a7f37" if ok else "#b35900"  # an extra cue only; the words carry it
        source = t("quiz.source", lang=lang, source_id=q.source_id)
        view.feedback.value = (
            f'<div role="status"><p><b style="color:{colour}">{html.escape(verdict)}</b> '
            f"{html.escape(q.explanation[lang])}</p>"
            f"<p><small>{html.escape(source)}</small></p></div>")
        if self._score_label is not None:
            self._score_label.value = self.score_text()
        if self.save:
            from .progress import record

            record(self.lesson, q.id, ok)
        return ok

    def feedback(self, question_id: str) -> str:
        """The feedback of a question as plain text (``""`` before the first check)."""
        text = re.sub(r"<[^>]+>", " ", self.controls[question_id].feedback.value)
        return re.sub(r"\s+", " ", html.unescape(text)).strip()

    # -- display -------------------------------------------------------------------------

    def to_markdown(self) -> str:
        """The questions (never the answers) as Markdown."""
        return render_static(self.bank, self.lang, "markdown")

    def to_html(self) -> str:
        """The questions (never the answers) as HTML."""
        return render_static(self.bank, self.lang, "html")

    def to_text(self) -> str:
        """The questions (never the answers) as plain text."""
        return render_static(self.bank, self.lang, "text")

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None,
                          **kwargs: Any) -> dict[str, Any]:
        """The widget view plus readable text/html/markdown fallbacks.

        A front end with a widget manager (JupyterLab, Notebook 7, VS Code)
        shows the widget; GitHub, nbviewer and nbconvert (without saved widget
        state) fall back to HTML/Markdown. ``text/plain`` never holds a model id.
        """
        bundle: dict[str, Any] = {
            "text/plain": self.to_text(),
            "text/markdown": self.to_markdown(),
            "text/html": self.to_html(),
        }
        try:
            view = self.widget._repr_mimebundle_(**kwargs) or {}
        except ImportError:  # pragma: no cover - ipywidgets is a dependency
            view = {}
        key = "application/vnd.jupyter.widget-view+json"
        if key in view:
            bundle[key] = view[key]
        return bundle

    def __repr__(self) -> str:
        return f"<Quiz {self.lesson!r}: {self.total} questions, {self.score_text()}>"


def quiz(lesson: str, *, save: bool = True, lang: str | None = None) -> Quiz:
    """Return the interactive quiz of ``lesson`` (e.g. ``"01-history"``).

    Results are saved locally when the learner checks an answer (see
    :mod:`sco_course.progress`); ``save=False`` turns that off. ``lang``
    overrides the course language (``"en"`` or ``"id"``) for this quiz.
    """
    return Quiz(load_bank(lesson), save=save, lang=lang)
