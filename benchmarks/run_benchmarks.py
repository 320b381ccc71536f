"""Time the course: full execution, the kernel-start floor, ``import sco_course``, table loads.

Run from the repository root (not a test; it takes a few minutes)::

    .venv/bin/python benchmarks/run_benchmarks.py             # everything
    .venv/bin/python benchmarks/run_benchmarks.py --repeat 11 --importtime

It measures, in one run and on this machine:

* **course**: every notebook in ``notebooks/`` and ``exercises/`` executed top to
  bottom with nbclient, sequentially, in a fresh kernel each (as nbval does);
* **floor**: for each of those notebooks, one bare kernel started, ``pass``
  executed, kernel shut down - what the course would cost if the notebooks
  did nothing, so ``course - floor`` is the lessons' own work;
* **import**: ``import sco_course`` in fresh interpreters (median of ``--repeat``),
  optionally with the slowest modules from ``python -X importtime``;
* **tables**: loading every table in a fresh process (cold: parse the CSV and
  validate; pandas is imported first and timed apart) and again in the same
  process (warm: served from the cache).

It prints Markdown tables and writes everything to ``benchmarks/results.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results.json"
NOTEBOOK = re.compile(r"^\d\d-[A-Za-z0-9_-]+\.ipynb$")


# --------------------------------------------------------------------------- machine


def machine() -> dict[str, Any]:
    """CPU count and model, memory, OS and Python version."""
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        model = platform.processor()
    memory_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_gb = round(int(line.split()[1]) / 1024**2, 1)
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    return {
        "cpu_count": os.cpu_count(),
        "cpus_usable": usable,
        "cpu_model": model or "unknown",
        "memory_gb": memory_gb,
        "os": platform.platform(),
        "python": platform.python_version(),
        "python_implementation": platform.python_implementation(),
    }


# --------------------------------------------------------------------------- kernels


def kernel_env(home: Path) -> dict[str, str]:
    """The environment the test suite gives kernels (see conftest.py)."""
    env = dict(os.environ)
    env["SCO_COURSE_STRICT_CHECKS"] = "1"
    env.setdefault("SCO_COURSE_HOME", str(home))
    env.setdefault("SCO_COURSE_LANG", "en")
    env.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    env.setdefault("PYTHONHASHSEED", "0")
    return env


def notebooks(root: Path) -> list[Path]:
    """The course notebooks (``NN-*.ipynb``): lessons first, then exercises, by name."""
    found: list[Path] = []
    for folder in ("notebooks", "exercises"):
        found += sorted(p for p in (root / folder).glob("*.ipynb") if NOTEBOOK.match(p.name))
    return found


def run_notebook(path: Path, env: dict[str, str], timeout: int) -> tuple[float, str | None]:
    """Execute a notebook in a fresh kernel; return (seconds, error or None)."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    start = time.perf_counter()
    error = None
    try:
        client.execute(cwd=str(path.parent), env=env)
    except CellExecutionError as exc:
        error = str(exc).strip().splitlines()[-1][:200]
    return time.perf_counter() - start, error


def bare_kernel(env: dict[str, str], cwd: Path) -> float:
    """Start a kernel, execute ``pass``, shut it down; return the seconds."""
    from jupyter_client.manager import start_new_kernel

    start = time.perf_counter()
    km, kc = start_new_kernel(kernel_name="python3", env=env, cwd=str(cwd))
    try:
        kc.execute_interactive("pass", timeout=120)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    return time.perf_counter() - start


def course(timeout: int, root: Path = ROOT) -> dict[str, Any]:
    """Execute every notebook, then time a bare kernel for each (see the module docstring)."""
    paths = notebooks(root)
    per: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="sco-course-bench-") as home:
        env = kernel_env(Path(home))
        for path in paths:
            seconds, error = run_notebook(path, env, timeout)
            floor = bare_kernel(env, path.parent)
            per.append(
                {
                    "notebook": path.relative_to(root).as_posix(),
                    "seconds": round(seconds, 3),
                    "floor_seconds": round(floor, 3),
                    "error": error,
                }
            )
            status = f"  ERROR: {error}" if error else ""
            print(
                f"  {path.relative_to(root)}: {seconds:.2f} s (bare kernel {floor:.2f} s){status}",
                file=sys.stderr,
            )
    total = sum(p["seconds"] for p in per)
    floor_total = sum(p["floor_seconds"] for p in per)
    return {
        "notebooks": per,
        "count": len(per),
        "total_seconds": round(total, 3),
        "floor_seconds": round(floor_total, 3),
        "own_work_seconds": round(total - floor_total, 3),
        "failed": [p["notebook"] for p in per if p["error"]],
    }


# --------------------------------------------------------------------------- import


def _python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter of this Python (from the repository root)."""
    return subprocess.run(
        [sys.executable, *args, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )


def import_time(repeat: int, importtime: bool) -> dict[str, Any]:
    """Median ``import sco_course`` time in fresh interpreters (in-process and wall)."""
    code = "import time; t = time.perf_counter(); import sco_course; print(time.perf_counter() - t)"
    inner, wall, bare = [], [], []
    for _ in range(repeat):
        start = time.perf_counter()
        _python("pass")
        bare.append(time.perf_counter() - start)
        start = time.perf_counter()
        inner.append(float(_python(code).stdout))
        wall.append(time.perf_counter() - start)
    result: dict[str, Any] = {
        "repeat": repeat,
        "median_seconds": round(statistics.median(inner), 4),
        "median_wall_seconds": round(statistics.median(wall), 4),
        "median_bare_interpreter_seconds": round(statistics.median(bare), 4),
    }
    if importtime:
        stderr = _python("import sco_course", "-X", "importtime").stderr
        rows = []
        for line in stderr.splitlines():
            match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
            if match:
                rows.append((int(match.group(2)), match.group(4).strip()))
        rows.sort(reverse=True)
        result["slowest_cumulative_us"] = [{"module": m, "us": us} for us, m in rows[:10]]
    return result


# --------------------------------------------------------------------------- tables


_TABLES_CODE = r"""
import json, time
t0 = time.perf_counter()
import pandas
from sco_course import datasets
names = [r["name"] for r in datasets._descriptor()["resources"]]  # reads datapackage.json
out = {"setup": time.perf_counter() - t0, "cold": {}, "warm": {}, "rows": {}}
for name in names:
    t = time.perf_counter(); frame = datasets.load(name); out["cold"][name] = time.perf_counter() - t
    out["rows"][name] = len(frame)
for name in names:
    t = time.perf_counter(); datasets.load(name); out["warm"][name] = time.perf_counter() - t
print(json.dumps(out))
"""


def tables(repeat: int) -> dict[str, Any]:
    """Cold (first load in a fresh process) and warm (cached) load times of every table."""
    runs = [json.loads(_python(_TABLES_CODE).stdout) for _ in range(repeat)]
    names = list(runs[0]["cold"])
    per = [
        {
            "table": name,
            "rows": runs[0]["rows"][name],
            "cold_ms": round(1000 * statistics.median(r["cold"][name] for r in runs), 2),
            "warm_ms": round(1000 * statistics.median(r["warm"][name] for r in runs), 3),
        }
        for name in names
    ]
    return {
        "repeat": repeat,
        "tables": per,
        "count": len(per),
        "cold_total_ms": round(sum(p["cold_ms"] for p in per), 1),
        "warm_total_ms": round(sum(p["warm_ms"] for p in per), 2),
        "setup_ms": round(1000 * statistics.median(r["setup"] for r in runs), 1),
    }


# --------------------------------------------------------------------------- report


def markdown(results: dict[str, Any]) -> str:
    """The results as Markdown tables (the summary first, then per notebook and table)."""
    m, c, i, t = (results.get(k, {}) for k in ("machine", "course", "import", "tables"))
    lines = [
        f"Measured {results['date']} on {m['cpu_count']} CPUs ({m['cpu_model']}), "
        f"{m['memory_gb']} GB RAM, Python {m['python']}, {m['os']}.",
        "",
        "| Measurement | Time |",
        "|---|---|",
    ]
    if c:
        failed = f" ({len(c['failed'])} failed)" if c["failed"] else ""
        lines += [
            f"| Run the whole course: {c['count']} notebooks, fresh kernel each{failed} | "
            f"{c['total_seconds']:.1f} s |",
            f"| Floor: start a bare kernel, run `pass`, shut down, x{c['count']} | "
            f"{c['floor_seconds']:.1f} s |",
            f"| The notebooks' own work (course - floor) | {c['own_work_seconds']:.1f} s |",
        ]
    if i:
        lines += [
            f"| `import sco_course` (median of {i['repeat']} fresh interpreters) | "
            f"{1000 * i['median_seconds']:.0f} ms |",
        ]
    if t:
        lines += [
            f"| Load all {t['count']} tables, cold (fresh process, median of {t['repeat']}) | "
            f"{t['cold_total_ms']:.0f} ms |",
            f"| (before that: import pandas and read `datapackage.json`) | "
            f"{t['setup_ms']:.0f} ms |",
            f"| Load all {t['count']} tables, warm (cached) | {t['warm_total_ms']:.1f} ms |",
        ]
    if c and c["notebooks"]:
        lines += ["", "| Notebook | Run | Bare kernel |", "|---|---|---|"]
        lines += [
            f"| `{p['notebook']}` | {p['seconds']:.1f} s{' (error)' if p['error'] else ''}"
            f" | {p['floor_seconds']:.1f} s |"
            for p in c["notebooks"]
        ]
    if t:
        lines += ["", "| Table | Rows | Cold | Warm |", "|---|---|---|---|"]
        lines += [
            f"| `{p['table']}` | {p['rows']} | {p['cold_ms']:.1f} ms | {p['warm_ms']:.2f} ms |"
            for p in t["tables"]
        ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks; exit status 1 if a notebook failed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--repeat",
        type=int,
        default=7,
        help="fresh processes for the import and table timings (default 7)",
    )
    parser.add_argument("--timeout", type=int, default=600, help="seconds per cell")
    parser.add_argument(
        "--importtime",
        action="store_true",
        help="also list the slowest imports (python -X importtime)",
    )
    parser.add_argument(
        "--skip-course", action="store_true", help="skip executing the notebooks (the slow part)"
    )
    parser.add_argument("--out", type=Path, default=RESULTS, help="JSON output file")
    parser.add_argument(
        "--root",
        type=Path,
        default=ROOT,
        help="course checkout whose notebooks are run (default: this one)",
    )
    args = parser.parse_args(argv)

    results: dict[str, Any] = {"date": time.strftime("%Y-%m-%d"), "machine": machine()}
    print("import sco_course ...", file=sys.stderr)
    results["import"] = import_time(args.repeat, args.importtime)
    print("tables ...", file=sys.stderr)
    results["tables"] = tables(args.repeat)
    if not args.skip_course:
        print("course ...", file=sys.stderr)
        results["course"] = course(args.timeout, args.root)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(markdown(results))
    print(f"(written to {args.out})", file=sys.stderr)
    return 1 if results.get("course", {}).get("failed") else 0


if __name__ == "__main__":
    raise SystemExit(main())
