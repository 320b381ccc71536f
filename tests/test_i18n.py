"""Course language and UI strings: both languages complete, switching works."""

from __future__ import annotations

import string
import warnings

import pytest

import sco_course
from sco_course import i18n
from sco_course.i18n import STRINGS, get_language, set_language, t


@pytest.fixture(autouse=True)
def _fresh(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("SCO_COURSE_LANG", raising=False)
    monkeypatch.setattr(i18n, "_warned_env", set())
    i18n._reset()
    yield
    i18n._reset()


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_languages_define_the_same_ui_strings() -> None:
    assert set(STRINGS) == {"en", "id"} == set(i18n.LANGUAGES)
    assert set(STRINGS["en"]) == set(STRINGS["id"])
    for key, english in STRINGS["en"].items():
        indonesian = STRINGS["id"][key]
        assert english.strip() and indonesian.strip(), key
        assert _fields(english) == _fields(indonesian), key


def test_every_question_type_has_a_hint_in_both_languages() -> None:
    from sco_course.quizzes import TYPES

    for lang in ("en", "id"):
        for kind in TYPES:
            assert t(f"quiz.hint.{kind}", lang=lang)


def test_default_is_english() -> None:
    assert get_language() == "en"
    assert t("quiz.check") == "Check"


def test_set_language_switches_and_is_exported_at_top_level() -> None:
    sco_course.set_language("id")
    assert sco_course.get_language() == "id"
    assert t("quiz.score", correct=5, total=8) == "Skor: 5 / 8"
    set_language("en")
    assert t("quiz.score", correct=5, total=8) == "Score: 5 / 8"


@pytest.mark.parametrize(
    ("given", "expected"),
    [("ID", "id"), ("id-ID", "id"), ("id_ID", "id"), ("in", "id"), ("en-GB", "en"), (" EN ", "en")],
)
def test_region_variants_are_accepted(given: str, expected: str) -> None:
    set_language(given)
    assert get_language() == expected


@pytest.mark.parametrize("bad", ["fr", "", "indonesian"])
def test_unsupported_language_is_rejected(bad: str) -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        set_language(bad)
    assert get_language() == "en"


def test_environment_variable_sets_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCO_COURSE_LANG", "id")
    assert get_language() == "id"
    set_language("en")  # an explicit choice wins over the environment
    assert get_language() == "en"


def test_bad_environment_variable_warns_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCO_COURSE_LANG", "klingon")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert get_language() == "en"
        assert get_language() == "en"
    assert len(caught) == 1 and "klingon" in str(caught[0].message)


def test_t_lang_override_and_unknown_key() -> None:
    assert t("quiz.correct", lang="id") == "✔ Benar."
    assert t("quiz.correct") == "✔ Correct."
    with pytest.raises(KeyError, match=r"no\.such"):
        t("no.such")
    with pytest.raises(ValueError):
        t("quiz.check", lang="xx")
