"""Self-check quizzes: question banks -> ipywidgets, with a text fallback.

In a notebook::

    import sco_course as sco
    sco.quiz("01-history")            # interactive; progress saved locally
    sco.quiz("01-history", save=False)

Where widgets cannot run (GitHub, nbviewer, nbconvert HTML, plain text) the quiz
shows its questions as readable text, without the answers. Loading and
validating the banks, and the answer obfuscation, live in
:mod:`sco_course.quizbank`; their public names are re-exported here. The
quizzes are for self-checking only: anyone can decode the answers.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import i18n
from .i18n import t
from .quizbank import (
    TYPES,
    Bank,
    BankError,
    Option,
    Question,
    decode_answer,
    encode_answer,
    list_banks,
    load_bank,
)

if TYPE_CHECKING:
    import ipywidgets

__all__ = [
    "TYPES",
    "Bank",
    "BankError",
    "Option",
    "Question",
    "QuestionView",
    "Quiz",
    "decode_answer",
    "encode_answer",
    "list_banks",
    "load_bank",
    "quiz",
    "render_static",
]

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
    return [
        (t("quiz.items", lang=lang), [o.label(lang) for o in q.options]),
        (t("quiz.choices", lang=lang), [o.label(lang) for o in q.choices]),
    ]


def render_static(bank: Bank, lang: str, fmt: str) -> str:
    """Render ``bank`` as ``"markdown"``, ``"html"`` or ``"text"`` (questions only)."""
    total = len(bank.questions)
    title = t("quiz.title", lang=lang, title=bank.title[lang])
    note = t("quiz.static_note", lang=lang)
    out: list[str] = []
    if fmt == "html":
        out.append(
            f'<div class="sco-quiz-static" lang="{lang}">'
            f"<h3>{html.escape(title)}</h3><p><em>{html.escape(note)}</em></p>"
        )
    elif fmt == "markdown":
        out += [f"### {_md(title)}", "", f"*{_md(note)}*", ""]
    else:
        out += [title, "=" * len(title), note, ""]
    for n, q in enumerate(bank.questions, 1):
        head = t("quiz.question_n", lang=lang, n=n, total=total)
        hint = t(f"quiz.hint.{q.type}", lang=lang)
        blocks = _static_blocks(q, lang)
        if fmt == "html":
            out.append(
                f"<p><strong>{html.escape(head)}.</strong> "
                f"{html.escape(q.prompt[lang])} <em>{html.escape(hint)}</em></p>"
            )
            for label, lines in blocks:
                if label:
                    out.append(f"<p>{html.escape(label)}</p>")
                out.append("<ul>" + "".join(f"<li>{html.escape(x)}</li>" for x in lines) + "</ul>")
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
        """The questions of the bank, in order."""
        return list(self.bank.questions)

    @property
    def total(self) -> int:
        """Number of questions in the quiz."""
        return len(self.bank.questions)

    @property
    def score(self) -> int:
        """Number of questions whose latest checked answer is correct."""
        return sum(self.results.values())

    def score_text(self) -> str:
        """The score as a sentence in the quiz language, e.g. ``Score: 2 / 6``."""
        return t("quiz.score", lang=self.lang, correct=self.score, total=self.total)

    # -- widgets -------------------------------------------------------------------------

    @property
    def widget(self) -> ipywidgets.VBox:
        """The ipywidgets view of the quiz (built on first use)."""
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
            return [w.RadioButtons(options=options, value=None, description=answer_label, **wide)]
        if q.type == "truefalse":
            options = [(t("quiz.true", lang=lang), True), (t("quiz.false", lang=lang), False)]
            return [w.RadioButtons(options=options, value=None, description=answer_label, **wide)]
        if q.type == "multiple":
            return [
                w.Checkbox(
                    value=False, description=f"{_letter(i)}. {o.label(lang)}", indent=False, **wide
                )
                for i, o in enumerate(q.options)
            ]
        if q.type == "numeric":
            unit = f" ({q.unit[lang]})" if q.unit else ""
            return [w.FloatText(value=0.0, description=answer_label + unit, **wide)]
        if q.type == "ordering":
            options = [
                (t("quiz.choose", lang=lang), None),
                *((o.label(lang), o.key) for o in q.options),
            ]
            return [
                w.Dropdown(
                    options=options,
                    value=None,
                    description=t("quiz.position", lang=lang, n=i + 1),
                    **wide,
                )
                for i in range(len(q.options))
            ]
        options = [
            (t("quiz.choose", lang=lang), None),
            *((o.label(lang), o.key) for o in q.choices),
        ]
        return [
            w.Dropdown(options=options, value=None, description=o.label(lang), **wide)
            for o in q.options
        ]

    def _build(self) -> None:
        import ipywidgets as w

        lang, rows = self.lang, []
        title = t("quiz.title", lang=lang, title=self.bank.title[lang])
        rows.append(w.HTML(f"<h3>{html.escape(title)}</h3>"))
        for n, q in enumerate(self.bank.questions, 1):
            head = t("quiz.question_n", lang=lang, n=n, total=self.total)
            prompt = w.HTML(
                f"<p>{_label_html(head + '.', bold=True)} {_label_html(q.prompt[lang])} "
                f"<em>{_label_html(t(f'quiz.hint.{q.type}', lang=lang))}</em></p>"
            )
            inputs = self._inputs(q, w)
            button = w.Button(
                description=t("quiz.check", lang=lang),
                icon="check",
                tooltip=t("quiz.check_tooltip", lang=lang, n=n),
                button_style="primary",
            )
            feedback = w.HTML(value="")
            view = QuestionView(q, inputs, button, feedback)
            button.on_click(lambda _b, qid=q.id: self.check(qid))
            view.box = w.VBox(
                [prompt, *inputs, w.HBox([button]), feedback], layout=w.Layout(margin="0 0 1em 0")
            )
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
        if q.type == "truefalse":  # say which it is, so the explanation need not
            truth = t("quiz.true" if q.answer else "quiz.false", lang=lang).lower()
            verdict = t("quiz.correct_tf" if ok else "quiz.incorrect_tf", lang=lang, truth=truth)
        colour = "#1a7f37" if ok else "#b35900"  # an extra cue only; the words carry it
        source = t("quiz.source", lang=lang, source_id=q.source_id)
        view.feedback.value = (
            f'<div role="status"><p><b style="color:{colour}">{html.escape(verdict)}</b> '
            f"{html.escape(q.explanation[lang])}</p>"
            f"<p><small>{html.escape(source)}</small></p></div>"
        )
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

    def _repr_mimebundle_(
        self, include: Any = None, exclude: Any = None, **kwargs: Any
    ) -> dict[str, Any]:
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
