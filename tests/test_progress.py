"""Local quiz progress: atomic saves, corrupt files kept, summary across lessons."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from sco_course import progress
from sco_course.progress import progress_path, progress_summary, record


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "sco-home"
    monkeypatch.setenv("SCO_COURSE_HOME", str(folder))
    monkeypatch.setattr(progress, "_warned_paths", set())
    return folder


def _doc(home: Path) -> dict:
    return json.loads((home / "progress.json").read_text(encoding="utf-8"))


def test_path_follows_sco_course_home(home: Path) -> None:
    assert progress_path() == home / "progress.json"


def test_default_path_is_in_the_users_home(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("SCO_COURSE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert progress_path() == tmp_path / ".sco_course" / "progress.json"


def test_record_creates_the_folder_and_counts_attempts(home: Path) -> None:
    assert record("01-history", "founded", False) is True
    assert record("01-history", "founded", True) is True
    entry = _doc(home)["lessons"]["01-history"]["questions"]["founded"]
    assert entry["correct"] is True and entry["attempts"] == 2
    assert list(home.iterdir()) == [home / "progress.json"]  # no temp files left behind


def test_summary_across_lessons(home: Path) -> None:
    record("02-structure", "rats", True)
    record("01-history", "founded", True)
    record("01-history", "charter", False)
    record("01-history", "charter", True)
    record("01-history", "three-evils", False)
    summary = progress_summary()
    assert list(summary.columns) == ["lesson", "answered", "correct", "score", "last_updated"]
    assert list(summary["lesson"]) == ["01-history", "02-structure"]
    assert list(summary["answered"]) == [3, 1]
    assert list(summary["correct"]) == [2, 1]
    assert summary["score"].tolist() == pytest.approx([2 / 3, 1.0])
    assert str(summary["last_updated"].dtype).startswith("datetime64")
    assert summary["last_updated"].notna().all()


def test_empty_summary_has_the_columns(home: Path) -> None:
    summary = progress_summary()
    assert summary.empty
    assert list(summary.columns) == ["lesson", "answered", "correct", "score", "last_updated"]


def test_failed_write_keeps_the_earlier_file(home: Path, monkeypatch) -> None:
    record("01-history", "founded", True)
    before = (home / "progress.json").read_bytes()

    def broken_dump(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(progress.json, "dump", broken_dump)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert record("01-history", "charter", True) is False
    assert "disk full" in str(caught[0].message)
    assert (home / "progress.json").read_bytes() == before
    assert sorted(p.name for p in home.iterdir()) == ["progress.json"]


def test_corrupt_file_is_backed_up_not_overwritten(home: Path) -> None:
    home.mkdir()
    (home / "progress.json").write_text('{"lessons": {"01-hist', encoding="utf-8")
    with pytest.warns(RuntimeWarning, match="could not be read"):
        assert record("01-history", "founded", True) is True
    backups = list(home.glob("progress.json.corrupt-*"))
    assert len(backups) == 1
    assert backups[0].read_text(encoding="utf-8") == '{"lessons": {"01-hist'
    assert _doc(home)["lessons"]["01-history"]["questions"]["founded"]["correct"] is True


@pytest.mark.parametrize(
    "content", [b"[1, 2]", b'{"lessons": []}', b"\xff\xfe", b'{"lessons": {"x": 1}}']
)
def test_summary_of_a_corrupt_file_warns_and_leaves_it_alone(home: Path, content: bytes) -> None:
    home.mkdir()
    (home / "progress.json").write_bytes(content)
    with pytest.warns(RuntimeWarning, match="ignored"):
        assert progress_summary().empty
    assert (home / "progress.json").read_bytes() == content


def test_unwritable_folder_warns_once(tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("SCO_COURSE_HOME", str(blocker / "sub"))
    monkeypatch.setattr(progress, "_warned_paths", set())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert record("01-history", "a", True) is False
        assert record("01-history", "b", True) is False
    assert len(caught) == 1
    assert "SCO_COURSE_HOME" in str(caught[0].message)
