"""Every lesson has the shape docs/authoring.md promises, and is stored clean.

nbval runs the notebooks; these tests read them as documents.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
EXERCISES = sorted((ROOT / "exercises").glob("[0-9][0-9]-*.ipynb"))
EXPECTED_LESSONS = [
    "00-start-here",
    "01-history",
    "02-structure",
    "03-three-evils",
    "04-kazakhstan",
    "05-drill-record",
    "06-balancing-theory",
]

sys.path.insert(0, str(ROOT / "tools"))
import nbclean  # noqa: E402


def cells(path: Path, kind: str) -> list[str]:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == kind]


def test_all_seven_lessons_exist() -> None:
    assert [p.stem for p in LESSONS] == EXPECTED_LESSONS


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_has_the_course_shape(path: Path) -> None:
    markdown = "\n".join(cells(path, "markdown"))
    code = "\n".join(cells(path, "code"))
    h1 = re.findall(r"^# \S.*$", markdown, flags=re.M)
    assert len(h1) == 1, f"{path.name}: expected one H1, found {h1}"
    assert markdown.lstrip().startswith("# "), f"{path.name}: the H1 must open the notebook"
    for heading in ("objectives", "estimated time", "prerequisites", "summary", "what next"):
        assert heading in markdown.lower(), f"{path.name}: no '{heading}'"
    assert f'sco.quiz("{path.stem}")' in code, f"{path.name}: no quiz for this lesson"
    assert "sco.disagreements(" in code, f"{path.name}: no 'When sources disagree' box"
    assert "sco.references(" in code, f"{path.name}: no reference list"
    assert "import sco_course as sco" in code
    if path.stem != "00-start-here":
        assert code.count("plots.show(") >= 3, f"{path.name}: fewer than three figures"
        assert "explorer(" in code or "widgets." in code, f"{path.name}: no interactive explorer"


@pytest.mark.parametrize("path", LESSONS + EXERCISES, ids=lambda p: p.parent.name + "/" + p.stem)
def test_notebook_is_stored_clean(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert nbclean.dumps(nbclean.clean(json.loads(text))) == text, (
        f"{path.name} has outputs or metadata noise: run python tools/nbclean.py {path}"
    )


@pytest.mark.parametrize("path", LESSONS + EXERCISES, ids=lambda p: p.parent.name + "/" + p.stem)
def test_notebook_does_no_network_or_pyplot(path: Path) -> None:
    code = "\n".join(cells(path, "code"))
    for forbidden in ("requests.", "urllib", "http://", "https://", "plt.show(", "pip install"):
        assert forbidden not in code, f"{path.name} uses {forbidden!r}"


def test_every_lesson_has_an_exercise_notebook() -> None:
    exercise_numbers = {p.stem[:2] for p in EXERCISES}
    assert {p.stem[:2] for p in LESSONS} <= exercise_numbers
