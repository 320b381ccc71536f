"""``python -m sco_course validate`` and ``progress``: what an instructor runs after editing."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from sco_course import datasets, progress
from sco_course.__main__ import main


def test_validate_passes_on_the_shipped_course(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 0
    out = capsys.readouterr().out
    assert "FAIL" not in out
    assert "ok    data: drills" in out and "ok    quiz bank: 05-drill-record" in out
    assert "ok    checker spec: ex05" in out


def test_validate_names_the_broken_file_row_and_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "data"
    shutil.copytree(datasets.data_dir(), folder, ignore=shutil.ignore_patterns("_staging"))
    path = folder / "drills.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[1][rows[0].index("start_date")] = "2002-13-45"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    monkeypatch.setenv("SCO_COURSE_DATA", str(folder))

    assert main(["validate"]) == 1
    out = capsys.readouterr().out
    assert "FAIL  data: drills: data/drills.csv, row 1 (line 2), column 'start_date'" in out
    assert "ok    data: members" in out  # one broken file does not hide the others


def test_progress_reports_saved_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SCO_COURSE_HOME", str(tmp_path))
    assert main(["progress"]) == 0
    assert "No quiz results saved yet" in capsys.readouterr().out
    progress.record("01-history", "q1", True)
    progress.record("01-history", "q2", False)
    assert main(["progress"]) == 0
    out = capsys.readouterr().out
    assert "01-history" in out and "0.5" in out
