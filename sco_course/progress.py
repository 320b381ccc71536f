"""A learner's quiz results, saved locally as JSON.

The file is ``$SCO_COURSE_HOME/progress.json`` when that variable is set,
otherwise ``~/.sco_course/progress.json``. It only ever holds what the learner
answered on this computer; nothing is sent anywhere. Layout::

    {"version": 1,
     "lessons": {"01-history": {
         "last_updated": "2025-05-01T10:00:00+00:00",
         "questions": {"founded": {"correct": true, "attempts": 2,
                                    "last_updated": "2025-05-01T10:00:00+00:00"}}}}}

Writes are atomic (a temporary file in the same folder, then ``os.replace``),
so an interrupted save never corrupts an earlier file. An existing file that
cannot be read is renamed to ``progress.json.corrupt-<timestamp>`` (with a
warning) before a new one is started; it is never silently overwritten.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import warnings
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .i18n import t

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ENV_VAR", "progress_path", "progress_summary", "record"]

ENV_VAR = "SCO_COURSE_HOME"
FILE_NAME = "progress.json"
VERSION = 1
COLUMNS = ["lesson", "answered", "correct", "score", "last_updated"]

_warned_paths: set[str] = set()


class _Unreadable(Exception):
    """The progress file exists but is not a valid progress document."""


def progress_path() -> Path:
    """Return the path of the progress file (it need not exist yet)."""
    home = os.environ.get(ENV_VAR, "").strip()
    base = Path(home).expanduser() if home else Path.home() / ".sco_course"
    return base / FILE_NAME


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _empty() -> dict[str, Any]:
    return {"version": VERSION, "lessons": {}}


def _read(path: Path) -> dict[str, Any]:
    """Return the document at ``path`` (empty if missing); raise ``_Unreadable``."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return _empty()
    except UnicodeDecodeError as exc:
        raise _Unreadable(f"not UTF-8: {exc.reason}") from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _Unreadable(f"invalid JSON: {exc.msg} at line {exc.lineno}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("lessons"), dict):
        raise _Unreadable("not a progress file (no 'lessons' table)")
    for lesson, entry in doc["lessons"].items():
        if not isinstance(entry, dict) or not isinstance(entry.get("questions"), dict):
            raise _Unreadable(f"lesson {lesson!r} has no 'questions' table")
    return doc


def _write_atomic(path: Path, doc: dict[str, Any]) -> None:
    """Write ``doc`` to ``path`` via a temporary file in the same folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(doc, fh, indent=1, sort_keys=True, ensure_ascii=False)
            fh.write("\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _backup(path: Path) -> Path:
    """Rename an unreadable progress file out of the way and return the new name."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    backup = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while backup.exists():
        n += 1
        backup = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    os.replace(path, backup)
    return backup


def _warn_once(key: str, message: str) -> None:
    if key not in _warned_paths:
        _warned_paths.add(key)
        warnings.warn(message, RuntimeWarning, stacklevel=3)


def record(lesson: str, question_id: str, correct: bool) -> bool:
    """Save one answer: ``correct`` is the result of the learner's latest attempt.

    Returns ``True`` when the result was written. If the progress folder is not
    writable (a read-only home, a locked-down lab machine), warns once and
    returns ``False`` instead of raising, so the quiz keeps working.
    """
    path = progress_path()
    try:
        try:
            doc = _read(path)
        except _Unreadable as exc:
            backup = _backup(path)
            warnings.warn(
                t("progress.corrupt", path=path, error=exc, backup=backup.name),
                RuntimeWarning,
                stacklevel=2,
            )
            doc = _empty()
        now = _now()
        entry = doc["lessons"].setdefault(str(lesson), {"questions": {}})
        question = entry["questions"].get(str(question_id))
        attempts = question.get("attempts", 0) if isinstance(question, dict) else 0
        entry["questions"][str(question_id)] = {
            "correct": bool(correct),
            "attempts": int(attempts) + 1,
            "last_updated": now,
        }
        entry["last_updated"] = now
        doc["version"] = VERSION
        _write_atomic(path, doc)
    except OSError as exc:
        _warn_once(f"save:{path}", t("progress.save_failed", path=path, error=exc))
        return False
    return True


def progress_summary() -> pd.DataFrame:
    """Return one row per lesson with saved answers, sorted by lesson.

    Columns: ``lesson`` (str), ``answered`` (questions answered at least once),
    ``correct`` (questions whose latest answer was right), ``score``
    (``correct / answered``, a float from 0 to 1) and ``last_updated``
    (UTC timestamp of the latest answer). An empty frame with these columns
    when nothing was saved yet; an unreadable file warns and counts as empty.
    """
    import pandas as pd

    path = progress_path()
    try:
        doc = _read(path)
    except (_Unreadable, OSError) as exc:
        _warn_once(f"read:{path}", t("progress.unreadable", path=path, error=exc))
        doc = _empty()
    rows = []
    for lesson, entry in sorted(doc["lessons"].items()):
        questions = [q for q in entry["questions"].values() if isinstance(q, dict)]
        answered = len(questions)
        correct = sum(1 for q in questions if q.get("correct") is True)
        rows.append(
            {
                "lesson": lesson,
                "answered": answered,
                "correct": correct,
                "score": correct / answered if answered else float("nan"),
                "last_updated": entry.get("last_updated"),
            }
        )
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["lesson"] = frame["lesson"].astype("string")
    frame["answered"] = frame["answered"].astype("int64")
    frame["correct"] = frame["correct"].astype("int64")
    frame["score"] = frame["score"].astype("float64")
    frame["last_updated"] = pd.to_datetime(frame["last_updated"], utc=True, errors="coerce")
    return frame
