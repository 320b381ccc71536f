"""sco.check(): every task kind, every feedback message, strict mode and the real specs."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import sco_course as sco
from sco_course import checks, reference_answers
from sco_course.checks import STRICT_ENV, CheckSpecError, UnknownTaskError, encode_answer

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = ROOT / "exercises"

FAKE_SPEC = f"""
[[task]]
id = "num"
kind = "number"
reference = "fake_number"
tolerance = 0.01
hint.en = "Divide the total by the count."
hint.id = "Bagi total dengan jumlahnya."

[[task]]
id = "int"
kind = "integer"
reference = "fake_integer"
hint.en = "Count the rows."

[[task]]
id = "str"
kind = "string"
expected = "{encode_answer("Tashkent")}"
hint.en = "Where is RATS?"

[[task]]
id = "set"
kind = "set"
reference = "fake_set"
hint.en = "Use set()."

[[task]]
id = "list"
kind = "list"
reference = "fake_list"
hint.en = "Order matters."

[[task]]
id = "series"
kind = "series"
reference = "fake_series"
hint.en = "Use value_counts()."

[[task]]
id = "frame"
kind = "dataframe"
reference = "fake_frame"
hint.en = "Group by year."

[[task]]
id = "choice"
kind = "choice"
choices = ["A", "B", "C"]
expected = "{encode_answer("B")}"
hint.en = "Read the charter."

[[task]]
id = "text"
kind = "text"
min_words = 6
keywords = ["RATS"]
hint.en = "Mention the Regional Anti-Terrorist Structure."
"""

EXPECTED: dict[str, Any] = {
    "fake_number": 2.5,
    "fake_integer": 6,
    "fake_set": {"China", "Russia", "Kazakhstan"},
    "fake_list": ["China", "Russia", "Kazakhstan"],
}


def fake_series() -> pd.Series:
    return pd.Series([1, 3, 2], index=[2005, 2006, 2007], name="count")


def fake_frame() -> pd.DataFrame:
    return pd.DataFrame({"year": [2005, 2006], "drills": [1, 3]}).set_index("year")


GOOD: dict[str, Any] = {
    "num": 2.504,
    "int": 6,
    "str": "  tashkent ",
    "set": ["Russia", "China", "Kazakhstan", "China"],
    "list": ("China", "Russia", "Kazakhstan"),
    "series": fake_series().sort_index(ascending=False).astype("float64"),
    "frame": fake_frame(),
    "choice": "b",
    "text": "The RATS in Tashkent coordinates joint work.",
}


@pytest.fixture(autouse=True)
def fake_spec(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Checks read a fake spec ex99 with fake reference functions; strict mode off."""
    (tmp_path / "ex99.toml").write_text(FAKE_SPEC, encoding="utf-8")
    (tmp_path / "ex98.toml").write_text(
        '[[task]]\nid = "q1"\nkind = "integer"\nreference = "fake_integer"\nhint.en = "x"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(checks, "SPEC_DIR", tmp_path)
    for name, value in EXPECTED.items():
        monkeypatch.setattr(reference_answers, name, lambda v=value: v, raising=False)
    monkeypatch.setattr(reference_answers, "fake_series", fake_series, raising=False)
    monkeypatch.setattr(reference_answers, "fake_frame", fake_frame, raising=False)
    monkeypatch.setenv(STRICT_ENV, "0")
    monkeypatch.setenv("SCO_COURSE_LANG", "en")


def wrong(task: str, answer: Any) -> str:
    """Check a wrong answer: it fails, is 'incorrect' and returns its message."""
    result = sco.check(f"ex99.{task}", answer)
    assert not result.passed and not result
    assert result.status == "incorrect"
    assert "✘ Not quite" in str(result)
    return result.message


# ------------------------------------------------------------------ right answers


@pytest.mark.parametrize("task", sorted(GOOD))
def test_right_answer_of_every_kind_passes(task: str) -> None:
    result = sco.check(f"ex99.{task}", GOOD[task])
    assert result.passed, result.message
    assert result.status == "correct"
    assert "✔ Correct" in result._repr_markdown_()
    assert "✔ Correct" in result._repr_html_()
    assert "Hint" not in str(result)


def test_integral_float_and_numpy_integer_count_as_integers() -> None:
    import numpy as np

    assert sco.check("ex99.int", 6.0).passed
    assert sco.check("ex99.int", np.int64(6)).passed


def test_text_feedback_says_only_length_and_keywords_are_checked() -> None:
    message = sco.check("ex99.text", GOOD["text"]).message
    assert "only looks at the length and the key terms" in message


# ------------------------------------------------------------------ scalar feedback


def test_integer_off_by_how_much() -> None:
    assert wrong("int", 8) == "Your answer 8 is 2 too high."
    assert wrong("int", 5) == "Your answer 5 is 1 too low."


def test_integer_fraction_and_wrong_types() -> None:
    assert "has a fractional part" in wrong("int", 6.5)
    assert "a string (text)" in wrong("int", "6") and "Remove the quotes" in wrong("int", "6")
    assert "a boolean" in wrong("int", True)
    message = wrong("int", pd.Series([1, 2, 3]))
    assert "a pandas Series (3 values)" in message and "len()" in message


def test_number_off_by_with_tolerance() -> None:
    assert wrong("num", 2.0) == "Your answer 2 is 0.5 too low (allowed error: ±0.01)."
    assert wrong("num", 2.75) == "Your answer 2.75 is 0.25 too high (allowed error: ±0.01)."
    assert "NaN" in wrong("num", float("nan"))
    assert "a list (2 items)" in wrong("num", [1, 2])


def test_string_wrong_value_and_type() -> None:
    assert wrong("str", "Beijing") == "'Beijing' is not the expected answer."
    assert "Expected a string" in wrong("str", 3)


def test_choice_outside_choices_and_wrong_choice() -> None:
    assert wrong("choice", "E") == "'E' is not one of the choices 'A', 'B', 'C'."
    assert wrong("choice", "a") == "'A' is not the right choice."
    assert "as a string" in wrong("choice", 2)


def test_text_too_short_missing_keyword_wrong_type() -> None:
    assert wrong("text", "RATS is in Tashkent.") == "Your answer has 4 words; write at least 6."
    assert wrong("text", "The structure in Tashkent coordinates joint work.") == (
        "Your answer does not yet mention: 'RATS'."
    )
    assert "written answer as a string" in wrong("text", 42)


# ------------------------------------------------------------------ collections


def test_set_missing_and_extra_items() -> None:
    assert wrong("set", ["China", "Russia"]) == "1 item is missing."
    assert wrong("set", ["China"]) == "2 items are missing."
    message = wrong("set", ["China", "Russia", "Kazakhstan", "Mongolia"])
    assert message == "1 item should not be there: 'Mongolia'."
    both = wrong("set", ["China", "Russia", "India"])
    assert both == "1 item is missing; 1 item should not be there: 'India'."


def test_set_wrong_types() -> None:
    assert "Put the items in a list" in wrong("set", "China")
    assert "Select one column first" in wrong("set", pd.DataFrame({"a": [1]}))
    assert "cannot be compared" in wrong("set", [["China"], ["Russia"]])


def test_list_wrong_length_order_and_item() -> None:
    assert wrong("list", ["China", "Russia"]) == "Your list has 2 items; expected 3."
    assert "order is not: position 0" in wrong("list", ["Russia", "China", "Kazakhstan"])
    message = wrong("list", ["China", "Russia", "Mongolia"])
    assert message == (
        "1 of 3 items are wrong; the first is at position 2 (counting from 0): 'Mongolia'."
    )
    assert "a set, which has no order" in wrong("list", {"China", "Russia", "Kazakhstan"})


# ------------------------------------------------------------------ pandas


def test_series_wrong_types() -> None:
    assert "Expected a pandas Series, but you gave a list (3 items)" in wrong("series", [1, 3, 2])
    assert "a dict" in wrong("series", {2005: 1})
    one_col = fake_series().to_frame()
    assert "Select that column, e.g. df['count']" in wrong("series", one_col)
    assert wrong("series", 3) == "Expected a pandas Series, but you gave an int."


def test_series_length_index_and_values() -> None:
    assert wrong("series", fake_series().iloc[:2]) == "Your Series has 2 values; expected 3."
    shifted = pd.Series([1, 3, 2], index=[2005, 2006, 2008])
    assert wrong("series", shifted) == (
        "1 expected index label(s) are missing; 1 index label(s) should not be there: 2008."
    )
    as_text = pd.Series([1, 3, 2], index=["2005", "2006", "2007"])
    assert "wrong type: yours are str, expected int" in wrong("series", as_text)
    off = pd.Series([1, 5, 2], index=[2005, 2006, 2007])
    assert wrong("series", off) == "1 of 3 values differ: at 2006 yours is 2 too high."
    dup = pd.Series([1, 3, 2], index=[2005, 2005, 2007])
    assert "repeated index labels" in wrong("series", dup)


def test_dataframe_wrong_type_columns_rows_values() -> None:
    assert "Use .to_frame()" in wrong("frame", pd.Series([1, 3]))
    assert "a list" in wrong("frame", [[2005, 1]])
    flat = fake_frame().reset_index()
    message = wrong("frame", flat)
    assert "unexpected column(s): 'year'" in message and ".set_index('year')" in message
    renamed = fake_frame().rename(columns={"drills": "n"})
    assert "missing column(s): 'drills'" in wrong("frame", renamed)
    assert wrong("frame", fake_frame().iloc[:1]) == "Your DataFrame has 1 row; expected 2."
    off = fake_frame().assign(drills=[1, 2])
    assert wrong("frame", off) == (
        "Column 'drills': 1 of 2 values differ: at 2006 yours is 1 too low."
    )


def test_odd_object_gives_feedback_not_traceback() -> None:
    class Broken:
        def __iter__(self) -> Any:
            raise RuntimeError("boom")

    message = wrong("set", Broken())
    assert message.startswith("Your answer could not be checked (RuntimeError: boom)")


def test_messages_never_reveal_the_expected_answer() -> None:
    assert "Tashkent" not in wrong("str", "Beijing")
    assert "Kazakhstan" not in wrong("set", ["China", "Russia"])
    assert "'B'" not in wrong("choice", "C")
    assert " 6" not in wrong("int", 8)


# ------------------------------------------------------------------ unanswered, strict


@pytest.mark.parametrize("placeholder", [..., None])
def test_placeholder_is_not_answered_yet(placeholder: Any) -> None:
    result = sco.check("ex99.set", placeholder)
    assert not result.passed and result.status == "unanswered"
    assert "not answered yet" in result.message
    assert "✘ Not answered yet" in result._repr_markdown_()
    assert "Hint:* Use set()." in result._repr_markdown_()


def test_empty_text_is_not_answered_yet() -> None:
    assert sco.check("ex99.text", "   ").status == "unanswered"


def test_strict_mode_raises_on_wrong_and_unanswered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(STRICT_ENV, "1")
    with pytest.raises(AssertionError, match=r"ex99.int\): Your answer 8 is 2 too high"):
        sco.check("ex99.int", 8)
    with pytest.raises(AssertionError, match="not answered yet"):
        sco.check("ex99.int", ...)
    assert sco.check("ex99.int", 6).passed


def test_hint_follows_the_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCO_COURSE_LANG", "id")
    text = str(sco.check("ex99.num", 1.0))
    assert "Petunjuk: Bagi total dengan jumlahnya." in text
    text = str(sco.check("ex99.int", 1))  # no hint.id: falls back to English
    assert "Petunjuk: Count the rows." in text


def test_html_repr_is_escaped_and_not_colour_only() -> None:
    html = sco.check("ex99.str", "<b>x</b>")._repr_html_()
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "<b>x</b>" not in html
    assert "✘ Not quite" in html and 'role="status"' in html


# ------------------------------------------------------------------ unknown ids, bad specs


def test_unknown_task_id_names_it_and_the_known_ids() -> None:
    with pytest.raises(UnknownTaskError) as info:
        sco.check("ex98.q7", 1)
    assert str(info.value) == "Unknown task id 'ex98.q7'. The tasks of ex98 are: ex98.q1."


def test_unknown_exercise_and_malformed_id() -> None:
    with pytest.raises(UnknownTaskError, match=r"exercise 'ex42'.*Known exercises: ex98, ex99"):
        sco.check("ex42.q1", 1)
    with pytest.raises(UnknownTaskError, match=r"task ids look like 'ex05\.q2'"):
        sco.check("q1", 1)
    with pytest.raises(UnknownTaskError, match="task ids look like"):
        sco.check(5, 1)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("body", "error"),
    [
        (
            'id = "q1"\nkind = "integer"\nreference = "f"\ntolerence = 1\nhint.en = "x"',
            r"unknown key\(s\) \['tolerence'\]",
        ),
        ('id = "q1"\nkind = "float"\nreference = "f"\nhint.en = "x"', "kind must be one of"),
        (
            'id = "q1"\nkind = "integer"\nreference = "f"\nexpected = 1\nhint.en = "x"',
            "exactly one of 'reference' or 'expected'",
        ),
        ('id = "q1"\nkind = "integer"\nreference = "f"', "needs at least hint.en"),
        ('id = "q1"\nkind = "choice"\nexpected = "A"\nhint.en = "x"', "needs 'choices"),
        ('kind = "integer"\nreference = "f"\nhint.en = "x"', "needs an id"),
    ],
)
def test_bad_spec_is_reported(tmp_path: Path, body: str, error: str) -> None:
    (tmp_path / "ex97.toml").write_text(f"[[task]]\n{body}\n", encoding="utf-8")
    with pytest.raises(CheckSpecError, match=error):
        sco.check("ex97.q1", 1)


def test_missing_reference_function_is_reported(tmp_path: Path) -> None:
    (tmp_path / "ex97.toml").write_text(
        '[[task]]\nid = "q1"\nkind = "integer"\nreference = "nope"\nhint.en = "x"\n'
    )
    with pytest.raises(CheckSpecError, match="reference_answers has no function 'nope'"):
        sco.check("ex97.q1", 1)


def test_reference_is_computed_at_check_time(monkeypatch: pytest.MonkeyPatch) -> None:
    assert sco.check("ex99.int", 6).passed
    monkeypatch.setattr(reference_answers, "fake_integer", lambda: 7)
    assert not sco.check("ex99.int", 6).passed


def test_encode_round_trip_hides_the_text() -> None:
    for value in ["B", "Tashkent", 2001, ["A", "C"]]:
        encoded = encode_answer(value)
        assert encoded.startswith("enc:") and str(value) not in encoded
        assert checks.decode_answer(encoded) == value


# ------------------------------------------------------------------ the real specs


def spec_files() -> list[Path]:
    return sorted((ROOT / "sco_course" / "checkspecs").glob("ex*.toml"))


@pytest.mark.parametrize("path", spec_files(), ids=lambda p: p.stem)
def test_real_spec_is_valid_and_matches_its_notebook(path: Path) -> None:
    tasks = checks.load_spec(path.stem, path.parent)
    for task in tasks.values():
        assert task.reference is None or callable(getattr(reference_answers, task.reference, None))
        assert set(task.hint) == {"en", "id"}, f"{task.id}: give hint.en and hint.id"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["exercise"] == path.stem
    notebook = json.loads((EXERCISES / data["notebook"]).read_text(encoding="utf-8"))
    code = "\n".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code")
    used = re.findall(r"""sco\.check\(\s*["'](ex\d+)\.([\w-]+)["']""", code)
    assert {e for e, _ in used} == {path.stem}
    assert sorted(t for _, t in used) == sorted(tasks), "every task is checked exactly once"


def test_every_exercise_notebook_has_a_spec() -> None:
    specs = {tomllib.loads(p.read_text(encoding="utf-8"))["notebook"] for p in spec_files()}
    assert {p.name for p in EXERCISES.glob("*.ipynb")} == specs


def test_importing_checks_and_release_stays_light() -> None:
    code = (
        "import sys, sco_course as sco; sco.check; sco.CheckResult; "
        "import sco_course.release, sco_course.__main__; "
        "heavy = {'pandas', 'nbformat', 'numpy'} & set(sys.modules); "
        "assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
