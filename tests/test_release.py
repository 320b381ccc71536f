"""The release tool: student versions hide every solution, are valid and run to the end."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from sco_course.__main__ import main
from sco_course.checks import STRICT_ENV
from sco_course.release import (
    MARKDOWN_PLACEHOLDER,
    ReleaseError,
    release,
    release_notebook,
)

ROOT = Path(__file__).resolve().parents[1]
EXERCISES = ROOT / "exercises"
NOTEBOOKS = sorted(EXERCISES.glob("*.ipynb"))
SPECS = {
    tomllib.loads(p.read_text(encoding="utf-8"))["notebook"]: p.stem
    for p in (ROOT / "sco_course" / "checkspecs").glob("ex*.toml")
}
MARKER = re.compile(r"^\s*#+\s*(BEGIN|END) SOLUTION\s*$")


def split_source(nb: nbformat.NotebookNode) -> tuple[list[str], set[str]]:
    """Return (solution lines, all other lines) of a solution notebook, stripped."""
    solution: list[str] = []
    other: set[str] = set()
    for cell in nb.cells:
        lines = [line.strip() for line in cell.source.splitlines()]
        if "solution" in cell.metadata.get("tags", []):
            solution += lines
            continue
        inside = False
        for line in lines:
            if MARKER.match(line):
                inside = line.split()[-2] == "BEGIN"
            elif inside:
                solution.append(line)
            else:
                other.add(line)
    return [s for s in solution if s], other


def student_lines(nb: nbformat.NotebookNode) -> set[str]:
    return {line.strip() for cell in nb.cells for line in cell.source.splitlines()}


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("student")
    assert main(["release", str(EXERCISES), "--out", str(out)]) == 0
    return out


def test_there_are_exercise_notebooks() -> None:
    assert NOTEBOOKS, "exercises/ has no notebooks"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_solution_text_survives(path: Path, released: Path) -> None:
    source = nbformat.read(path, as_version=4)
    solution, other = split_source(source)
    assert solution, f"{path.name} marks no solution"
    student = student_lines(nbformat.read(released / path.name, as_version=4))
    leaked = [s for s in solution if s not in other and s in student]
    assert not leaked, f"solution lines left in the student version: {leaked}"
    assert not any(MARKER.match(line) for line in student)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_student_version_is_valid_clean_and_labelled(path: Path, released: Path) -> None:
    nb = nbformat.read(released / path.name, as_version=4)
    nbformat.validate(nb)
    assert "Student version" in nb.cells[0].source
    assert path.name in nb.cells[0].source
    for cell in nb.cells:
        assert "solution" not in cell.metadata.get("tags", [])
        assert "instructor" not in cell.metadata.get("tags", [])
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None


def test_release_is_idempotent(tmp_path: Path, released: Path) -> None:
    main(["release", str(EXERCISES), "--out", str(tmp_path)])
    for path in NOTEBOOKS:
        assert (tmp_path / path.name).read_bytes() == (released / path.name).read_bytes()


def test_release_refuses_the_source_folder(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    src = tmp_path / "exercises"
    src.mkdir()
    notebook = src / "01-x.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")]), notebook)
    before = notebook.read_bytes()
    assert main(["release", str(src), "--out", str(src)]) == 1
    assert "is the source folder" in capsys.readouterr().err
    with pytest.raises(ReleaseError, match="source folder or inside it"):
        release(src, src / "student")
    assert notebook.read_bytes() == before
    assert sorted(p.name for p in src.iterdir()) == ["01-x.ipynb"]


def test_cli_needs_a_command(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as info:
        main([])
    assert info.value.code == 2
    assert "COMMAND" in capsys.readouterr().err


def test_cli_encode_prints_an_enc_value(capsys: pytest.CaptureFixture) -> None:
    from sco_course.checks import decode_answer

    assert main(["encode", "B"]) == 0
    assert decode_answer(capsys.readouterr().out.strip()) == "B"
    assert main(["encode", '["A", 2]']) == 0
    assert decode_answer(capsys.readouterr().out.strip()) == ["A", 2]


# ------------------------------------------------------------------ the stripping rules


def one_cell_release(source: str, *later: str, tags: tuple[str, ...] = ()) -> list[str]:
    cells = [nbformat.v4.new_code_cell(source), *(nbformat.v4.new_code_cell(c) for c in later)]
    cells[0].metadata["tags"] = list(tags)
    student = release_notebook(nbformat.v4.new_notebook(cells=cells), "t.ipynb")
    return [c.source for c in student.cells[1:]]


def test_markers_keep_targets_used_later_and_indentation() -> None:
    source = (
        "def f(df):\n    # BEGIN SOLUTION\n    tmp = df.dropna()\n    out = len(tmp)\n"
        "    # END SOLUTION\n    return out\n"
    )
    assert one_cell_release(source)[0] == (
        "def f(df):\n    out = ...  # your code here\n    return out"
    )


def test_markers_without_later_use_leave_a_bare_placeholder() -> None:
    source = "# BEGIN SOLUTION\nprint(members.head())\n# END SOLUTION\nx = 1"
    assert one_cell_release(source)[0] == "...  # your code here\nx = 1"


def test_solution_tagged_code_cell_keeps_targets_used_in_later_cells() -> None:
    cells = one_cell_release("a = 1\nb, c = 2, 3\n", 'sco.check("ex00.q1", c)', tags=("solution",))
    assert cells[0] == "c = ...  # your code here"
    assert cells[1] == 'sco.check("ex00.q1", c)'


def test_markdown_solution_and_instructor_cells() -> None:
    cells = [
        nbformat.v4.new_markdown_cell("The answer is 42."),
        nbformat.v4.new_markdown_cell("Note for teachers."),
        nbformat.v4.new_markdown_cell("Question?"),
    ]
    cells[0].metadata["tags"] = ["solution"]
    cells[1].metadata["tags"] = ["instructor"]
    student = release_notebook(nbformat.v4.new_notebook(cells=cells), "t.ipynb")
    assert [c.source for c in student.cells[1:]] == [MARKDOWN_PLACEHOLDER, "Question?"]
    assert student.cells[1].metadata["tags"] == ["answer"]


@pytest.mark.parametrize(
    "source",
    [
        "# BEGIN SOLUTION\nx = 1\n",
        "x = 1\n# END SOLUTION\n",
        "# BEGIN SOLUTION\n# BEGIN SOLUTION\nx = 1\n# END SOLUTION\n",
    ],
)
def test_broken_markers_name_the_cell(source: str) -> None:
    with pytest.raises(ReleaseError, match=r"t\.ipynb, cell 1: .*SOLUTION"):
        one_cell_release(source)


# ------------------------------------------------------------------ executing notebooks


def execute(path: Path) -> nbformat.NotebookNode:
    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    return nb


def check_results(nb: nbformat.NotebookNode) -> list[str]:
    """The text/plain result of every cell that calls sco.check (one per such cell)."""
    results = []
    for cell in nb.cells:
        if cell.cell_type == "code" and "sco.check(" in cell.source:
            shown = [
                o["data"]["text/plain"]
                for o in cell.outputs
                if o["output_type"] == "execute_result"
            ]
            assert len(shown) == 1, f"no check result shown for:\n{cell.source}"
            results.append(shown[0])
    return results


FAKE_PACKAGE = {
    "name": "fake",
    "resources": [
        {
            "name": "members",
            "path": "members.csv",
            "schema": {
                "fields": [
                    {"name": "country", "type": "string", "constraints": {"required": True}},
                    {
                        "name": "status",
                        "type": "string",
                        "constraints": {"enum": ["member", "observer", "dialogue_partner"]},
                    },
                    {"name": "founding", "type": "boolean"},
                ]
            },
        }
    ],
}
FAKE_MEMBERS = """country,status,founding
China,member,true
Russia,member,true
Kazakhstan,member,true
Kyrgyzstan,member,true
Tajikistan,member,true
Uzbekistan,member,true
India,member,false
Mongolia,observer,false
"""


@pytest.fixture
def fake_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A tiny members table, so the warm-up runs whatever the real data hold."""
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "datapackage.json").write_text(json.dumps(FAKE_PACKAGE), encoding="utf-8")
    (folder / "members.csv").write_text(FAKE_MEMBERS, encoding="utf-8")
    monkeypatch.setenv("SCO_COURSE_DATA", str(folder))
    return folder


def test_warm_up_solution_passes_and_student_version_runs(
    fake_data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(STRICT_ENV, "1")
    solved = check_results(execute(EXERCISES / "00-warm-up.ipynb"))
    assert solved == [f"✔ Correct (ex00.q{i})" for i in range(1, 5)]

    monkeypatch.setenv(STRICT_ENV, "0")
    release(EXERCISES / "00-warm-up.ipynb", tmp_path / "student")
    unanswered = check_results(execute(tmp_path / "student" / "00-warm-up.ipynb"))
    assert [r.splitlines()[0] for r in unanswered] == [
        f"✘ Not answered yet (ex00.q{i}): not answered yet: replace the ... with your answer."
        for i in range(1, 5)
    ]


def real_data_available() -> bool:
    from sco_course import datasets

    try:
        datasets.data_dir()
    except datasets.DataError:
        return False
    return True


@pytest.mark.skipif(not real_data_available(), reason="data/datapackage.json not curated yet")
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_every_student_version_runs_to_the_end_with_each_task_unanswered(
    path: Path, released: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(STRICT_ENV, "0")
    results = check_results(execute(released / path.name))  # raises on any cell error
    exercise = SPECS[path.name]
    assert len(results) == len(
        tomllib.loads((ROOT / "sco_course" / "checkspecs" / f"{exercise}.toml").read_text())["task"]
    )
    for text in results:
        assert text.startswith("✘ Not answered yet (") and "not answered yet" in text
