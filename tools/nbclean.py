"""Store notebooks clean: no outputs, no execution counts, no kernel noise.

The only outputs kept are those of cells whose first line is
``# NBVAL_CHECK_OUTPUT``: nbval compares those against a fresh run, so they
must be stored (run the notebook first, then clean it).

    python tools/nbclean.py notebooks/*.ipynb exercises/*.ipynb
    python tools/nbclean.py --check notebooks/*.ipynb   # exit 1 if any file would change
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

CHECK_MARK = "# NBVAL_CHECK_OUTPUT"
KEEP_METADATA = {"kernelspec", "language_info"}
KEEP_CELL_METADATA = {"tags"}


def _new_id(source: str, used: set[str]) -> str:
    """A cell id derived from the cell's source, so that cleaning is deterministic."""
    digest = hashlib.sha1(source.encode("utf-8")).hexdigest()
    for length in range(8, len(digest) + 1):
        if digest[:length] not in used:
            used.add(digest[:length])
            return digest[:length]
    raise ValueError("could not find a free cell id")


def clean(notebook: dict) -> dict:
    notebook["metadata"] = {
        k: v for k, v in notebook.get("metadata", {}).items() if k in KEEP_METADATA
    }
    info = notebook["metadata"].get("language_info")
    if info:
        notebook["metadata"]["language_info"] = {"name": info.get("name", "python")}
    used = {cell["id"] for cell in notebook.get("cells", []) if "id" in cell}
    for cell in notebook.get("cells", []):
        if "id" not in cell and (notebook.get("nbformat"), notebook.get("nbformat_minor", 0)) >= (
            4,
            5,
        ):
            cell["id"] = _new_id("".join(cell.get("source", [])), used)
        cell["metadata"] = {
            k: v for k, v in cell.get("metadata", {}).items() if k in KEEP_CELL_METADATA and v
        }
        if cell.get("cell_type") != "code":
            cell.pop("outputs", None)
            cell.pop("execution_count", None)
            continue
        source = "".join(cell.get("source", []))
        if source.startswith(CHECK_MARK):
            # nbval only compares cells that look run: keep a (normalised) count.
            cell["execution_count"] = 1
            for output in cell.get("outputs", []):
                if "execution_count" in output:
                    output["execution_count"] = 1
        else:
            cell["execution_count"] = None
            cell["outputs"] = []
    return notebook


def dumps(notebook: dict) -> str:
    return json.dumps(notebook, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--check", action="store_true", help="report dirty files, change nothing")
    args = parser.parse_args(argv)
    dirty = []
    for path in args.paths:
        text = path.read_text(encoding="utf-8")
        cleaned = dumps(clean(json.loads(text)))
        if cleaned != text:
            dirty.append(path)
            if not args.check:
                path.write_text(cleaned, encoding="utf-8")
    for path in dirty:
        print(f"{'not clean' if args.check else 'cleaned'}: {path}")
    return 1 if (args.check and dirty) else 0


if __name__ == "__main__":
    sys.exit(main())
