"""Course language (English ``en`` / Bahasa Indonesia ``id``) and UI strings.

The language is chosen, in order of precedence, by :func:`set_language`, the
environment variable ``SCO_COURSE_LANG`` and the default ``"en"``::

    import sco_course as sco
    sco.set_language("id")      # quizzes created from now on speak Indonesian

Every user-facing string of the library lives in :data:`STRINGS`, once per
language; :func:`t` looks one up and fills in its ``{placeholders}``. A test
checks that both languages define the same keys and the same placeholders.
"""

from __future__ import annotations

import os
import warnings
from typing import Any

__all__ = [
    "DEFAULT_LANGUAGE",
    "ENV_VAR",
    "LANGUAGES",
    "STRINGS",
    "get_language",
    "set_language",
    "t",
]

LANGUAGES: tuple[str, ...] = ("en", "id")
DEFAULT_LANGUAGE = "en"
ENV_VAR = "SCO_COURSE_LANG"

_current: str | None = None  # set by set_language(); None -> environment / default
_warned_env: set[str] = set()

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "quiz.title": "Quiz: {title}",
        "quiz.check": "Check",
        "quiz.check_tooltip": "Check your answer to question {n}",
        "quiz.correct": "✔ Correct.",
        "quiz.incorrect": "✘ Not quite.",
        "quiz.correct_tf": "✔ Correct: the statement is {truth}.",
        "quiz.incorrect_tf": "✘ Not quite: the statement is {truth}.",
        "quiz.no_answer": "⚠ Choose or enter an answer first.",
        "quiz.score": "Score: {correct} / {total}",
        "quiz.question_n": "Question {n} of {total}",
        "quiz.source": "Source: {source_id}",
        "quiz.hint.single": "Choose one answer.",
        "quiz.hint.multiple": "Choose all that apply.",
        "quiz.hint.truefalse": "True or false?",
        "quiz.hint.numeric": "Enter a number.",
        "quiz.hint.ordering": "Put the items in order.",
        "quiz.hint.matching": "Match each item on the left with one choice.",
        "quiz.true": "True",
        "quiz.false": "False",
        "quiz.your_answer": "Your answer:",
        "quiz.position": "Position {n}:",
        "quiz.choose": "(choose)",
        "quiz.items": "Items:",
        "quiz.choices": "Choices:",
        "quiz.static_note": (
            "This is a self-check quiz. Run the notebook in Jupyter (locally or on Binder) "
            "to answer the questions and get feedback; the answers are not shown here."
        ),
        "progress.save_failed": (
            "Could not save quiz progress to {path} ({error}). Your answers still count "
            "in this session; set SCO_COURSE_HOME to a writable folder to keep them."
        ),
        "progress.corrupt": (
            "The progress file {path} could not be read ({error}); it was kept as {backup} "
            "and a new progress file was started."
        ),
        "progress.unreadable": (
            "The progress file {path} could not be read ({error}); it is ignored."
        ),
    },
    "id": {
        "quiz.title": "Kuis: {title}",
        "quiz.check": "Periksa",
        "quiz.check_tooltip": "Periksa jawaban Anda untuk soal {n}",
        "quiz.correct": "✔ Benar.",
        "quiz.incorrect": "✘ Belum tepat.",
        "quiz.correct_tf": "✔ Benar: pernyataan itu {truth}.",
        "quiz.incorrect_tf": "✘ Belum tepat: pernyataan itu {truth}.",
        "quiz.no_answer": "⚠ Pilih atau isi jawaban terlebih dahulu.",
        "quiz.score": "Skor: {correct} / {total}",
        "quiz.question_n": "Soal {n} dari {total}",
        "quiz.source": "Sumber: {source_id}",
        "quiz.hint.single": "Pilih satu jawaban.",
        "quiz.hint.multiple": "Pilih semua jawaban yang benar.",
        "quiz.hint.truefalse": "Benar atau salah?",
        "quiz.hint.numeric": "Masukkan sebuah angka.",
        "quiz.hint.ordering": "Susun butir-butir berikut sesuai urutannya.",
        "quiz.hint.matching": "Pasangkan setiap butir di kiri dengan satu pilihan.",
        "quiz.true": "Benar",
        "quiz.false": "Salah",
        "quiz.your_answer": "Jawaban Anda:",
        "quiz.position": "Urutan {n}:",
        "quiz.choose": "(pilih)",
        "quiz.items": "Butir:",
        "quiz.choices": "Pilihan:",
        "quiz.static_note": (
            "Ini adalah kuis latihan mandiri. Jalankan notebook ini di Jupyter (di komputer "
            "Anda atau di Binder) untuk menjawab soal dan mendapatkan umpan balik; kunci "
            "jawaban tidak ditampilkan di sini."
        ),
        "progress.save_failed": (
            "Kemajuan kuis tidak dapat disimpan ke {path} ({error}). Jawaban Anda tetap "
            "dihitung dalam sesi ini; atur SCO_COURSE_HOME ke folder yang dapat ditulisi "
            "untuk menyimpannya."
        ),
        "progress.corrupt": (
            "Berkas kemajuan {path} tidak dapat dibaca ({error}); berkas itu disimpan sebagai "
            "{backup} dan berkas kemajuan baru dibuat."
        ),
        "progress.unreadable": (
            "Berkas kemajuan {path} tidak dapat dibaca ({error}); berkas itu diabaikan."
        ),
    },
}


def _normalise(lang: str) -> str | None:
    """Map ``"ID"``, ``"id-ID"``, ``"en_GB"`` ... to a supported code, else ``None``."""
    code = str(lang).strip().lower().replace("_", "-").split("-")[0]
    if code == "in":  # the old ISO 639 code for Indonesian
        code = "id"
    return code if code in LANGUAGES else None


def set_language(lang: str) -> None:
    """Switch the course language: ``"en"`` (English) or ``"id"`` (Bahasa Indonesia).

    Quizzes created afterwards use the new language. Region variants such as
    ``"id-ID"`` are accepted. Raises ``ValueError`` for any other language.
    """
    global _current
    code = _normalise(lang)
    if code is None:
        raise ValueError(f"unsupported language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    _current = code


def get_language() -> str:
    """Return the current language code (``"en"`` or ``"id"``).

    Without a call to :func:`set_language`, the environment variable
    ``SCO_COURSE_LANG`` decides (an unsupported value warns once and is
    ignored); otherwise English.
    """
    if _current is not None:
        return _current
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        code = _normalise(env)
        if code is not None:
            return code
        if env not in _warned_env:
            _warned_env.add(env)
            warnings.warn(
                f"{ENV_VAR}={env!r} is not a supported language "
                f"({', '.join(LANGUAGES)}); using {DEFAULT_LANGUAGE!r}",
                stacklevel=2,
            )
    return DEFAULT_LANGUAGE


def t(key: str, *, lang: str | None = None, **kw: Any) -> str:
    """Return the UI string ``key`` in ``lang`` (default: the current language).

    Keyword arguments fill the string's ``{placeholders}``::

        t("quiz.score", correct=5, total=8)   # 'Score: 5 / 8'

    An unknown key raises ``KeyError`` naming the key.
    """
    code = get_language() if lang is None else _normalise(lang)
    if code is None:
        raise ValueError(f"unsupported language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    try:
        template = STRINGS[code][key]
    except KeyError:
        raise KeyError(f"no UI string {key!r} for language {code!r}") from None
    return template.format(**kw) if kw else template


def _reset() -> None:
    """Forget :func:`set_language` (for tests): fall back to the environment/default."""
    global _current
    _current = None
