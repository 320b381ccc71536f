"""The static HTML site (``python -m sco_course site``) shows every lesson readably.

The site is built once for the module into a temporary folder: every lesson and
exercise is executed offline, so this is one of the slower tests. Set
``SCO_COURSE_TEST_ROOT`` to point it at another course checkout.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup

from sco_course import site
from sco_course.quizzes import load_bank

ROOT = Path(os.environ.get("SCO_COURSE_TEST_ROOT") or Path(__file__).resolve().parents[1])
LESSONS = site.course_notebooks(ROOT, ("notebooks",))
NOTEBOOKS = site.course_notebooks(ROOT)
# sco.quiz("01-history") / quiz('01-history', save=False) / load_bank("...toml")
QUIZ_CALL = re.compile(r"""\b(?:quiz|load_bank)\(\s*["']([^"']+)["']""")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
FIGURE_CALL = re.compile(r"\b(?:plots\.)?(?:show|explorer)\(")

pytestmark = pytest.mark.skipif(not LESSONS, reason="no lessons in notebooks/ yet")


def _words(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def code_of(path: Path) -> str:
    """All code cells of a notebook, joined."""
    nb = nbformat.read(path, as_version=4)
    return "\n".join(cell.source for cell in nb.cells if cell.cell_type == "code")


def quiz_banks(path: Path) -> list[str]:
    """The question banks a notebook displays (lesson ids or .toml paths)."""
    return QUIZ_CALL.findall(code_of(path))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    out = tmp_path_factory.mktemp("site")
    return out, site.build_site(out, root=ROOT)


@pytest.fixture(scope="module")
def pages(built: tuple[Path, list[Path]]) -> dict[Path, BeautifulSoup]:
    out, _files = built
    return {
        nb: BeautifulSoup(
            (out / nb.parent.name / f"{nb.stem}.html").read_text("utf-8"), "html.parser"
        )
        for nb in NOTEBOOKS
    }


def test_every_notebook_has_a_page_and_the_index_links_them_in_order(
    built: tuple[Path, list[Path]],
) -> None:
    out, files = built
    assert files[0] == out / "index.html"
    expected = [out / nb.parent.name / f"{nb.stem}.html" for nb in NOTEBOOKS]
    assert files[1:] == expected
    for path in expected:
        assert path.is_file() and path.stat().st_size > 0, path
    index = BeautifulSoup((out / "index.html").read_text("utf-8"), "html.parser")
    hrefs = [a["href"] for a in index.find_all("a") if not a["href"].startswith("http")]
    assert hrefs == [p.relative_to(out).as_posix() for p in expected]
    for a, nb in zip(index.find_all("a"), NOTEBOOKS, strict=False):
        title = site.notebook_title(nbformat.read(nb, as_version=4), default=nb.stem)
        assert a.get_text(strip=True) == title


@pytest.mark.parametrize("lesson", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_page_is_readable(lesson: Path, pages: dict[Path, BeautifulSoup]) -> None:
    page = pages[lesson]
    h1s = page.find_all("h1")
    assert h1s, f"{lesson.name}: no <h1> in the page"
    title = site.notebook_title(nbformat.read(lesson, as_version=4))
    assert title, f"{lesson.name}: the notebook has no H1"
    assert _words(h1s[0].get_text().replace("¶", "")) == _words(title)
    assert page.title is not None and _words(page.title.get_text()) == _words(title)

    # figures: every image has a non-empty alt text; a lesson that shows figures has images
    images = page.find_all("img")
    if FIGURE_CALL.search(code_of(lesson)):
        assert images, f"{lesson.name}: shows figures but the page has no <img>"
    missing = [str(img)[:80] for img in images if not (img.get("alt") or "").strip()]
    assert not missing, f"{lesson.name}: images without alt text: {missing}"

    # outputs: no tracebacks, no empty widget placeholders
    outputs = page.select(".jp-OutputArea-output")
    assert outputs, f"{lesson.name}: the page has no outputs (was it executed?)"
    for output in outputs:
        assert "Traceback" not in output.get_text(), output.get_text()[:2000]
    assert WIDGET_VIEW not in str(page), f"{lesson.name}: an empty widget placeholder"


@pytest.mark.parametrize("lesson", LESSONS, ids=[p.stem for p in LESSONS])
def test_quiz_questions_are_shown_as_text(lesson: Path, pages: dict[Path, BeautifulSoup]) -> None:
    banks = quiz_banks(lesson)
    if not banks:
        pytest.skip(f"{lesson.name} shows no quiz")
    text = _words(pages[lesson].get_text(" "))
    for name in banks:
        bank = load_bank(name)
        for question in bank.questions:
            assert _words(question.prompt["en"]) in text, (
                f"{lesson.name}: quiz question {question.id!r} is not on the page"
            )


def test_some_lesson_has_a_quiz() -> None:
    assert any(quiz_banks(p) for p in LESSONS), "no lesson displays a quiz"
