"""A static HTML rendering of the course, and the Binder links to the live one.

:func:`build_site` executes every lesson (``notebooks/NN-*.ipynb``) and every
exercise notebook (``exercises/NN-*.ipynb``) offline with nbclient, in a fresh
kernel each, exports each one with nbconvert's HTML exporter and writes an
``index.html`` that links the pages in course order with their titles::

    python -m sco_course site --out _site
    python -m sco_course.site --out _site          # the same, without the CLI

Widgets in a static page
    nbconvert renders ``application/vnd.jupyter.widget-view+json`` outputs only
    when the notebook carries saved widget state (``metadata.widgets``), and then
    as an empty ``<div>`` that JavaScript from a CDN fills in - blank offline.
    Without state, its ``WidgetsDataTypeFilter`` skips the widget view and uses
    the next format in ``display_data_priority``. This module makes that
    fallback certain: kernels run with ``store_widget_state=False``, any stored
    widget state is dropped, and the exporter's display priority lists neither
    the widget view nor ``application/javascript``. Quizzes therefore appear as
    their ``text/html`` questions and explorers as their default figure.

Binder
    :data:`BINDER_REPO` and :data:`BINDER_REF` are the one place that names the
    GitHub repository; :func:`binder_url` and :func:`binder_markdown` build the
    README badge and the per-lesson links from them.
"""

from __future__ import annotations

import argparse
import copy
import html
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "BINDER_REF",
    "BINDER_REPO",
    "STUDENT_EXERCISES",
    "Page",
    "SiteBuildError",
    "binder_markdown",
    "binder_url",
    "build_site",
    "course_notebooks",
    "find_root",
    "main",
    "notebook_title",
]

#: The GitHub repository Binder builds (``owner/name``). Replace OWNER when the course is published.
BINDER_REPO = "OWNER/sco-course"
#: The branch Binder builds.
BINDER_REF = "main"
#: The notebook the README badge opens.
START_NOTEBOOK = "notebooks/00-start-here.ipynb"
BINDER_BADGE = "https://mybinder.org/badge_logo.svg"
#: Where Binder's postBuild writes the student versions of exercises/ (solutions removed).
STUDENT_EXERCISES = "exercises-student"

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
#: nbconvert's HTML priority without the widget view and JavaScript (see the module docstring).
STATIC_PRIORITY: list[str] = [
    "text/html",
    "text/markdown",
    "image/svg+xml",
    "text/vnd.mermaid",
    "text/latex",
    "image/png",
    "image/jpeg",
    "text/plain",
]
_NOTEBOOK_NAME = re.compile(r"^\d\d-[A-Za-z0-9_-]+\.ipynb$")
_H1 = re.compile(r"^#(?!#)\s*(.+?)\s*#*\s*$", re.MULTILINE)
_IPYNB_HREF = re.compile(r'href="(?![a-z][a-z0-9+.-]*:|/|#)([^"#?]+)\.ipynb(#[^"]*)?"')


# --------------------------------------------------------------------------- the course


def find_root(start: Path | None = None) -> Path:
    """Return the course checkout: the first folder from ``start`` (default: the
    current folder, then this package's parent) upwards that holds ``notebooks/``."""
    candidates = [start] if start is not None else [Path.cwd(), Path(__file__).resolve().parent]
    for candidate in candidates:
        for folder in (candidate.resolve(), *candidate.resolve().parents):
            if (folder / "notebooks").is_dir():
                return folder
    raise FileNotFoundError(
        "no course checkout found (a folder with notebooks/); pass root= explicitly"
    )


def course_notebooks(root: Path, folders: Sequence[str] = ("notebooks", "exercises")) -> list[Path]:
    """The course notebooks (``NN-*.ipynb``) in ``folders``, folder by folder, in name order."""
    found: list[Path] = []
    for folder in folders:
        found += sorted(p for p in (root / folder).glob("*.ipynb") if _NOTEBOOK_NAME.match(p.name))
    return found


def _plain(markdown: str) -> str:
    """Markdown inline text -> plain text (links, emphasis and code marks removed)."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"(\*\*|__|\*|`)", "", text)
    return re.sub(r"\s+", " ", text).strip()


def notebook_title(nb: Any, default: str = "") -> str:
    """The text of the first H1 in a notebook's Markdown cells (``default`` if none)."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            match = _H1.search(cell.source)
            if match:
                return _plain(match.group(1))
    return default


# --------------------------------------------------------------------------- building


class SiteBuildError(RuntimeError):
    """A notebook failed while the site was built; the message names the notebook."""


@dataclass(frozen=True)
class Page:
    """One rendered notebook: its source, its HTML file (relative to the site) and title."""

    source: Path
    href: str
    title: str
    section: str


def _kernel_env(home: Path) -> dict[str, str]:
    """The environment of the kernels: the caller's, plus offline, quiet defaults."""
    env = dict(os.environ)
    env.setdefault("SCO_COURSE_HOME", str(home))  # never write progress into ~
    env.setdefault("SCO_COURSE_LANG", "en")
    env.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    env.setdefault("PYTHONHASHSEED", "0")
    return env


def execute_notebook(
    path: Path,
    *,
    env: dict[str, str] | None = None,
    timeout: int = 600,
    kernel_name: str = "python3",
) -> Any:
    """Run ``path`` top to bottom in a fresh kernel (cwd: its folder); return the notebook.

    Raises ``nbclient.exceptions.CellExecutionError`` on the first failing cell.
    Widget state is not stored (see the module docstring).
    """
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name=kernel_name,
        resources={"metadata": {"path": str(path.parent)}},
        store_widget_state=False,
    )
    kwargs: dict[str, Any] = {"cwd": str(path.parent)}
    if env is not None:
        kwargs["env"] = env
    client.execute(**kwargs)
    return nb


def _exporter() -> Any:
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    config = Config()
    config.NbConvertBase.display_data_priority = list(STATIC_PRIORITY)
    config.HTMLExporter.embed_images = True  # Markdown images become data: URIs
    return HTMLExporter(config=config, template_name="lab")


def _static_copy(nb: Any, title: str) -> Any:
    """A copy of ``nb`` without widget state or widget views, titled ``title``."""
    nb = copy.deepcopy(nb)
    nb.metadata.pop("widgets", None)
    nb.metadata["title"] = title
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data")
            if data and WIDGET_VIEW in data and len(data) > 1:
                del data[WIDGET_VIEW]
    return nb


def export_html(nb: Any, path: Path, title: str) -> str:
    """Export an executed notebook (at ``path``) to a standalone HTML page."""
    body, _resources = _exporter().from_notebook_node(
        _static_copy(nb, title),
        resources={"metadata": {"name": title, "path": str(path.parent)}},
    )
    # links between notebooks point at their pages
    return _IPYNB_HREF.sub(lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', body)


_SECTION_TITLES = {"notebooks": "Lessons", "exercises": "Exercises"}


def _index_html(pages: Iterable[Page], title: str) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        '<head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;"
        "padding:0 1rem;line-height:1.5}li{margin:.3rem 0}</style>",
        "</head>",
        "<body>",
        f"<h1>{html.escape(title)}</h1>",
        "<p>A static rendering of the course: every notebook was run once and saved with its "
        "outputs. Quizzes show their questions only; run the notebooks in Jupyter (locally or "
        "on Binder) to answer them and use the interactive figures.</p>",
    ]
    section = None
    for page in pages:
        if page.section != section:
            if section is not None:
                parts.append("</ol>")
            section = page.section
            heading = _SECTION_TITLES.get(section, section.title())
            parts += [f"<h2>{html.escape(heading)}</h2>", "<ol>"]
        parts.append(
            f'<li><a href="{html.escape(page.href, quote=True)}">{html.escape(page.title)}</a></li>'
        )
    if section is not None:
        parts.append("</ol>")
    parts += [
        f'<p><a href="{html.escape(binder_url(), quote=True)}">Open the course on Binder</a></p>',
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)


def build_site(
    out: Path,
    *,
    root: Path | None = None,
    timeout: int = 600,
    title: str = "The Shanghai Cooperation Organization: an open course",
) -> list[Path]:
    """Execute every lesson and exercise offline and write a static HTML site to ``out``.

    Pages go to ``out/notebooks/NN-*.html`` and ``out/exercises/NN-*.html``;
    ``out/index.html`` links them in course order with their H1 titles. Returns
    the written files, the index first. A failing cell aborts the build with a
    :class:`SiteBuildError` naming the notebook (caused by nbclient's error).
    """
    import nbformat  # noqa: F401  (fail early with a clear ImportError)

    root = find_root(root)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    notebooks = course_notebooks(root)
    if not notebooks:
        raise FileNotFoundError(f"no NN-*.ipynb notebooks under {root}/notebooks or exercises")
    pages: list[Page] = []
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="sco-course-site-home-") as home:
        env = _kernel_env(Path(home))
        for path in notebooks:
            try:
                nb = execute_notebook(path, env=env, timeout=timeout)
            except Exception as exc:  # CellExecutionError, DeadKernelError, timeouts
                raise SiteBuildError(f"{path.relative_to(root)} failed:\n{exc}") from exc
            section = path.parent.name
            page_title = notebook_title(nb, default=path.stem)
            target = out / section / f"{path.stem}.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(export_html(nb, path, page_title), encoding="utf-8")
            written.append(target)
            pages.append(Page(path, f"{section}/{target.name}", page_title, section))
    index = out / "index.html"
    index.write_text(_index_html(pages, title), encoding="utf-8")
    return [index, *written]


# --------------------------------------------------------------------------- Binder


def binder_url(
    path: str = START_NOTEBOOK, *, repo: str = BINDER_REPO, ref: str = BINDER_REF
) -> str:
    """The mybinder.org link that opens ``path`` (relative to the repo) in JupyterLab."""
    return f"https://mybinder.org/v2/gh/{repo}/{ref}?urlpath=lab/tree/{path}"


def binder_markdown(root: Path | None = None) -> str:
    """The README snippet: the Binder badge and a table of per-lesson Binder links."""
    root = find_root(root)
    lines = [
        f"[![Binder]({BINDER_BADGE})]({binder_url()})",
        "",
        "| Lesson | Open in Binder | Exercises (student version on Binder) |",
        "|---|---|---|",
    ]
    exercises = {p.name[:2]: p for p in course_notebooks(root, ("exercises",))}
    import nbformat

    for path in course_notebooks(root, ("notebooks",)):
        rel = path.relative_to(root).as_posix()
        title = notebook_title(nbformat.read(path, as_version=4), default=path.stem)
        exercise = exercises.get(path.name[:2])
        student = f"{STUDENT_EXERCISES}/{exercise.name}" if exercise else ""
        ex_cell = (
            f"[{exercise.stem}]({binder_url(student)}) "
            f"([solutions]({exercise.relative_to(root).as_posix()}))"
            if exercise
            else ""
        )
        lines.append(
            f"| [{title.replace('|', '/')}]({rel}) | "
            f"[![Binder]({BINDER_BADGE})]({binder_url(rel)}) | {ex_cell} |"
        )
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- command line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``site`` options (``--out``, ``--root``, ``--timeout``) to ``parser``."""
    parser.add_argument(
        "--out", type=Path, default=Path("_site"), help="output folder (default: _site)"
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=None,
        help="course checkout (default: found from the current folder)",
    )
    parser.add_argument(
        "--timeout", type=int, default=600, help="seconds a single cell may run (default: 600)"
    )
    parser.add_argument(
        "--binder-markdown",
        action="store_true",
        help="print the README Binder badge and lesson table instead",
    )


def run(args: argparse.Namespace) -> int:
    """Run the ``site`` command for parsed ``args``; return the exit status."""
    if getattr(args, "binder_markdown", False):
        print(binder_markdown(args.root), end="")
        return 0
    try:
        files = build_site(args.out, root=args.root, timeout=args.timeout)
    except (SiteBuildError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {len(files)} pages to {args.out} (open {files[0]})")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m sco_course.site [--out _site]``: build the static site."""
    parser = argparse.ArgumentParser(
        prog="python -m sco_course.site", description=__doc__.split("\n\n")[0]
    )
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
