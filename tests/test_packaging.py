"""The package works when installed non-editable (as on Binder), from any folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
UV = [sys.executable, "-m", "uv"] if shutil.which("uv") is None else ["uv"]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    try:
        subprocess.run(
            [*UV, "build", "--wheel", "--out-dir", str(out), str(ROOT)],
            check=True,
            capture_output=True,
            text=True,
            timeout=600,
        )
    except (FileNotFoundError, subprocess.CalledProcessError) as exc:  # pragma: no cover
        pytest.fail(f"building the wheel failed: {getattr(exc, 'stderr', exc)}")
    return next(out.glob("*.whl"))


def test_wheel_ships_data_banks_and_specs(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    data_files = {p.name for p in (ROOT / "data").iterdir() if p.suffix in {".csv", ".json"}}
    assert data_files, "no data files found in data/"
    for name in data_files:
        assert f"sco_course/data/{name}" in names
    for folder in ("banks", "checkspecs"):
        for path in (ROOT / "sco_course" / folder).glob("*.toml"):
            assert f"sco_course/{folder}/{path.name}" in names


def test_installed_wheel_loads_data_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([*UV, "venv", "--quiet", "--python", sys.executable, str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [*UV, "pip", "install", "--quiet", "--python", str(python), str(wheel)],
        check=True,
        timeout=900,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "SCO_COURSE_DATA"}
    code = (
        "import sco_course as s, pathlib; d = s.data_dir();"
        "assert 'site-packages' in str(d), d;"
        "print(len(s.load_members()), len(s.list_datasets()))"
    )
    result = subprocess.run(
        [str(python), "-c", code], cwd=elsewhere, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    members, tables = map(int, result.stdout.split())
    assert members > 0 and tables >= 10
