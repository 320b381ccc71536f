"""Binder (repo2docker) builds the course, and the README's Binder links work.

repo2docker's Python buildpack installs ``requirements.txt`` with
``pip install -r requirements.txt`` from the repository root. A local
reference such as the final ``.`` line makes it copy the whole repository
before that step, so ``.`` installs the course package itself, on every
current repo2docker version (``pyproject.toml`` alone is only understood by
very recent ones). ``runtime.txt`` chooses the Python: the default (3.10) is
older than ``requires-python``.

Regenerate ``requirements.txt`` after changing dependencies::

    python3 -m uv export --format requirements-txt --no-hashes --no-emit-project \\
        --frozen --no-dev > requirements.txt && echo . >> requirements.txt
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.specifiers import SpecifierSet
from packaging.version import Version

from sco_course import site

ROOT = Path(__file__).resolve().parents[1]
EXPORT_ARGS = [
    "export",
    "--format",
    "requirements-txt",
    "--no-hashes",
    "--no-emit-project",
    "--frozen",
    "--no-dev",
]
REGENERATE = (
    "python3 -m uv " + " ".join(EXPORT_ARGS) + " > requirements.txt && echo . >> requirements.txt"
)
# [text](target) and bare https://mybinder.org/... links
MD_LINK = re.compile(r"\]\(([^)\s]+)\)")
BINDER_LINK = re.compile(
    r"https://mybinder\.org/v2/gh/(?P<repo>[^/\s]+/[^/\s]+)/(?P<ref>[^?\s)]+)"
    r"\?urlpath=lab/tree/(?P<path>[^)\s&#\"]+)"
)
# files that make repo2docker pick another buildpack and ignore requirements.txt
SHADOWING = [
    "environment.yml",
    "Pipfile",
    "Pipfile.lock",
    "Dockerfile",
    "default.nix",
    "Project.toml",
    "REQUIRE",
    "install.R",
    "DESCRIPTION",
    "flake.nix",
]


def _uv() -> list[str]:
    """A way to run uv: $UV (set by ``uv run``), ``uv`` on PATH or ``python -m uv``."""
    if os.environ.get("UV"):
        return [os.environ["UV"]]
    if shutil.which("uv"):
        return ["uv"]
    for python in (sys.executable, shutil.which("python3")):
        if (
            python
            and subprocess.run([python, "-m", "uv", "--version"], capture_output=True).returncode
            == 0
        ):
            return [python, "-m", "uv"]
    pytest.skip("uv is not available to re-export uv.lock")


def test_requirements_txt_is_in_sync_with_uv_lock() -> None:
    exported = subprocess.run(
        [*_uv(), *EXPORT_ARGS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "UV_NO_PROGRESS": "1"},
    )
    assert exported.returncode == 0, exported.stderr
    current = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert current == exported.stdout + ".\n", (
        f"requirements.txt is out of date with uv.lock; regenerate it:\n    {REGENERATE}"
    )


def test_requirements_txt_pins_everything_and_ends_with_the_project() -> None:
    lines = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert lines and lines[-1] == ".", "the last line of requirements.txt must be '.'"
    requirements = [line for line in lines[:-1] if line and not line.startswith((" ", "#"))]
    assert requirements, "requirements.txt pins no packages"
    unpinned = [line for line in requirements if "==" not in line]
    assert not unpinned, f"unpinned requirements: {unpinned}"
    names = {re.split(r"[=;\s]", line, maxsplit=1)[0].lower() for line in requirements}
    assert {"jupyterlab", "pandas", "matplotlib", "ipywidgets"} <= names
    assert "sco-course" not in names and "-e ." not in lines
    test_only = {"pytest", "nbval", "playwright", "ruff", "pytest-xdist", "jupytext"}
    assert not names & test_only, f"test/dev-only packages on Binder: {names & test_only}"


def test_runtime_txt_matches_requires_python() -> None:
    runtime = (ROOT / "runtime.txt").read_text(encoding="utf-8").strip()
    match = re.fullmatch(r"python-(3\.\d+)", runtime)
    assert match, f"runtime.txt must read 'python-3.X', not {runtime!r}"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert Version(match.group(1)) in SpecifierSet(project["requires-python"])


def test_nothing_shadows_requirements_txt() -> None:
    for folder in ("binder", ".binder"):
        assert not (ROOT / folder).exists(), (
            f"{folder}/ would make repo2docker ignore the root requirements.txt"
        )
    present = [name for name in SHADOWING if (ROOT / name).exists()]
    assert not present, f"these files make repo2docker ignore requirements.txt: {present}"
    post_build = ROOT / "postBuild"
    if post_build.exists():
        text = "\n".join(
            line
            for line in post_build.read_text(encoding="utf-8").splitlines()
            if not line.lstrip().startswith("#")
        )
        assert not re.search(r"jupyter[ -]lab\s+build", text), (
            "postBuild runs `jupyter lab build`: prebuilt extensions need no build"
        )


def test_post_build_makes_the_student_exercises() -> None:
    post_build = ROOT / "postBuild"
    assert os.access(post_build, os.X_OK), "postBuild must be executable"
    commands = [
        line
        for line in post_build.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert f"python -m sco_course release exercises --out {site.STUDENT_EXERCISES}" in commands
    snippet = (ROOT / "docs" / "binder.md").read_text(encoding="utf-8")
    for path in site.course_notebooks(ROOT, ("exercises",)):
        assert site.binder_url(f"{site.STUDENT_EXERCISES}/{path.name}") in snippet, path.name


def _links(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return MD_LINK.findall(text) + [m.group(0) for m in BINDER_LINK.finditer(text)]


@pytest.mark.parametrize("name", ["README.md", "docs/binder.md"])
def test_notebook_links_point_at_existing_notebooks(name: str) -> None:
    doc = ROOT / name
    links = _links(doc)
    targets: list[str] = []
    for link in links:
        binder = BINDER_LINK.fullmatch(link) or BINDER_LINK.match(link)
        if binder:
            assert binder["repo"] == site.BINDER_REPO, f"{name}: {link} (use site.BINDER_REPO)"
            assert binder["ref"] == site.BINDER_REF, f"{name}: {link} (use site.BINDER_REF)"
            targets.append(binder["path"])
        elif link.endswith(".ipynb") and "://" not in link:
            targets.append((doc.parent / link).resolve().relative_to(ROOT).as_posix())
    assert targets, f"{name} links no notebooks"
    # Binder's postBuild generates exercises-student/ from exercises/ (see test below).
    sources = [re.sub(rf"^{site.STUDENT_EXERCISES}/", "exercises/", t) for t in targets]
    missing = sorted({t for t in sources if not (ROOT / t).is_file()})
    assert not missing, f"{name} links notebooks that do not exist: {missing}"


def test_readme_snippet_opens_the_start_notebook_and_every_lesson() -> None:
    snippet = (ROOT / "docs" / "binder.md").read_text(encoding="utf-8")
    assert f"[![Binder]({site.BINDER_BADGE})]({site.binder_url()})" in snippet
    assert site.binder_url() == (
        f"https://mybinder.org/v2/gh/{site.BINDER_REPO}/"
        f"{site.BINDER_REF}?urlpath=lab/tree/"
        "notebooks/00-start-here.ipynb"
    )
    lessons = site.course_notebooks(ROOT, ("notebooks",))
    unlinked = [
        p.name for p in lessons if site.binder_url(p.relative_to(ROOT).as_posix()) not in snippet
    ]
    assert not unlinked, (
        f"docs/binder.md has no Binder link for {unlinked}; "
        "regenerate: python -m sco_course.site --binder-markdown"
    )


def test_readme_has_the_binder_badge() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert site.binder_url() in readme, (
        "README.md has no Binder badge: paste the snippet from docs/binder.md"
    )
