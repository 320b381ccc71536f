"""Load the course dataset as typed pandas DataFrames.

This is the one module that knows where the data files are and what they
contain. The schema comes from ``datapackage.json`` (a Frictionless Data
Package): each CSV is read with the standard-library ``csv`` module, checked
cell by cell against its schema and converted to pandas dtypes:

============  ====================================================
schema type   pandas dtype
============  ====================================================
string        ``string`` (``category`` when the field has an enum)
integer/year  nullable ``Int64``
number        ``float64``
boolean       nullable ``boolean``
date          ``datetime64[ns]``
list          Python ``list`` of ``str`` per cell (``object``)
============  ====================================================

A file that breaks its schema raises :class:`DataError`, whose message names
the file, the row and the column, so an edited CSV never fails with a
traceback from deep inside pandas.
"""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DATA_AS_OF", "TABLES", "DataError", "cite", "data_dir", "list_datasets", "load"]

PACKAGE_FILE = "datapackage.json"
_HERE = Path(__file__).resolve().parent


class DataError(ValueError):
    """A data file is missing or does not match its schema.

    Attributes ``file``, ``row`` (1-based data row, the header is row 0) and
    ``column`` say where; any of them may be ``None``.
    """

    def __init__(
        self, message: str, *, file: str | None = None, row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.file, self.row, self.column = file, row, column
        where = []
        if file:
            where.append(file)
        if row is not None:
            where.append(f"row {row} (line {row + 1})")
        if column:
            where.append(f"column {column!r}")
        super().__init__(f"{', '.join(where)}: {message}" if where else message)


def data_dir() -> Path:
    """Return the folder holding ``datapackage.json`` and the CSV files.

    Looks, in order, at ``$SCO_COURSE_DATA``, the copy installed inside the
    package (``sco_course/data``, in a wheel) and the ``data/`` folder of a
    source checkout.
    """
    env = os.environ.get("SCO_COURSE_DATA")
    candidates = [Path(env)] if env else [_HERE / "data", _HERE.parent / "data"]
    for folder in candidates:
        if (folder / PACKAGE_FILE).is_file():
            return folder
    tried = ", ".join(str(c) for c in candidates)
    raise DataError(f"cannot find {PACKAGE_FILE}; looked in: {tried}")


@lru_cache(maxsize=8)
def _package(folder: Path, mtime_ns: int) -> dict[str, Any]:
    path = folder / PACKAGE_FILE
    try:
        package = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(f"invalid JSON at line {exc.lineno}: {exc.msg}", file=str(path)) from None
    if not isinstance(package.get("resources"), list):
        raise DataError("has no 'resources' list", file=str(path))
    return package


def _descriptor(folder: Path | None = None) -> dict[str, Any]:
    folder = folder or data_dir()
    path = folder / PACKAGE_FILE
    return _package(folder, path.stat().st_mtime_ns)


def _resource(name: str, folder: Path) -> dict[str, Any]:
    resources = {r.get("name"): r for r in _descriptor(folder)["resources"]}
    if name not in resources:
        known = ", ".join(sorted(n for n in resources if n))
        raise DataError(f"no table named {name!r}; the tables are: {known}")
    return resources[name]


# ---------------------------------------------------------------- cell parsers

_INT = re.compile(r"^[+-]?\d+$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _parse_integer(cell: str) -> int:
    if not _INT.match(cell):
        raise ValueError("is not a whole number")
    return int(cell)


def _parse_number(cell: str) -> float:
    try:
        return float(cell)
    except ValueError:
        raise ValueError("is not a number (use a point as the decimal mark)") from None


def _parse_boolean(cell: str) -> bool:
    if cell not in {"true", "false"}:
        raise ValueError("is not 'true' or 'false'")
    return cell == "true"


def _parse_date(cell: str) -> date:
    if not _DATE.match(cell):
        raise ValueError("is not a date written YYYY-MM-DD")
    try:
        return date.fromisoformat(cell)
    except ValueError as exc:
        raise ValueError(f"is not a valid date ({exc})") from None


_PARSERS: dict[str, Callable[[str], Any]] = {
    "string": str,
    "integer": _parse_integer,
    "year": _parse_integer,
    "number": _parse_number,
    "boolean": _parse_boolean,
    "date": _parse_date,
}


def _read_rows(path: Path, label: str, fields: list[dict[str, Any]]) -> list[list[str]]:
    """Read a CSV file, checking the header and the width of every row."""
    if not path.is_file():
        raise DataError("file not found", file=label)
    names = [f["name"] for f in fields]
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle, strict=True)
            header = next(reader, None)
            if header is None:
                raise DataError("the file is empty (no header row)", file=label)
            if header != names:
                missing = [n for n in names if n not in header]
                extra = [n for n in header if n not in names]
                detail = []
                if missing:
                    detail.append(f"missing {missing}")
                if extra:
                    detail.append(f"unexpected {extra}")
                if not detail:
                    detail.append(f"columns out of order; expected {names}")
                raise DataError(
                    "header does not match datapackage.json: " + "; ".join(detail), file=label, row=0
                )
            rows = []
            for number, row in enumerate(reader, start=1):
                if not row:  # a blank line
                    continue
                if len(row) != len(names):
                    raise DataError(
                        f"has {len(row)} cells but the header has {len(names)} "
                        "(a stray or missing comma? quote cells that contain commas)",
                        file=label, row=number,
                    )
                rows.append(row)
    except UnicodeDecodeError as exc:
        raise DataError(f"is not valid UTF-8 ({exc.reason} at byte {exc.start})", file=label) from None
    except csv.Error as exc:
        raise DataError(f"is not valid CSV ({exc})", file=label) from None
    return rows


def _convert_column(
    cells: list[str], field: dict[str, Any], label: str
) -> list[Any]:
    """Parse one column's cells and check the field's constraints."""
    name, kind = field["name"], field.get("type", "string")
    constraints = field.get("constraints", {})
    enum, pattern = constraints.get("enum"), constraints.get("pattern")
    lo, hi = constraints.get("minimum"), constraints.get("maximum")
    values: list[Any] = []
    for row, cell in enumerate(cells, start=1):
        cell = cell.strip()
        if cell == "":
            if constraints.get("required"):
                raise DataError("is empty but the field is required", file=label, row=row, column=name)
            values.append([] if kind == "list" else None)
            continue
        try:
            if kind == "list":
                value: Any = [item.strip() for item in cell.split(field.get("delimiter", ";"))]
                if "" in value:
                    raise ValueError("has an empty list item (a doubled or trailing ';'?)")
            elif kind in _PARSERS:
                value = _PARSERS[kind](cell)
            else:
                raise DataError(f"unsupported field type {kind!r}", file=PACKAGE_FILE, column=name)
            items = value if kind == "list" else [value]
            for item in items:
                if enum is not None and item not in enum:
                    raise ValueError(f"is not one of the allowed values {enum}")
                if pattern is not None and not re.fullmatch(pattern, str(item)):
                    raise ValueError(f"does not match the pattern {pattern!r}")
            if lo is not None and value < lo:
                raise ValueError(f"is below the minimum {lo}")
            if hi is not None and value > hi:
                raise ValueError(f"is above the maximum {hi}")
        except ValueError as exc:
            if isinstance(exc, DataError):
                raise
            raise DataError(f"{cell!r} {exc}", file=label, row=row, column=name) from None
        values.append(value)
    if constraints.get("unique"):
        _check_unique([(v,) for v in values], [name], label)
    return values


def _check_unique(keys: list[tuple[Any, ...]], names: list[str], label: str) -> None:
    seen: dict[tuple[Any, ...], int] = {}
    for row, key in enumerate(keys, start=1):
        if any(k is None for k in key):
            continue
        if key in seen:
            shown = ", ".join(f"{n}={k!r}" for n, k in zip(names, key, strict=True))
            raise DataError(
                f"duplicate key ({shown}); it already appears in row {seen[key]}",
                file=label, row=row, column=names[0] if len(names) == 1 else None,
            )
        seen[key] = row


def _as_list(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _check_references(
    name: str, columns: dict[str, list[Any]], schema: dict[str, Any], label: str, folder: Path
) -> None:
    """Check foreign keys, and that every item of a ``source_ids`` list is a source."""
    checks: list[tuple[str, str, str]] = []
    for fk in schema.get("foreignKeys", []):
        local, ref = _as_list(fk["fields"]), fk["reference"]
        remote = _as_list(ref["fields"])
        checks.extend(
            (col, ref.get("resource") or name, rcol) for col, rcol in zip(local, remote, strict=True)
        )
    if "source_ids" in columns and name != "sources":
        checks.append(("source_ids", "sources", "source_id"))
    for column, resource, remote in checks:
        if resource == name:
            allowed = set(columns[remote])
        else:
            allowed = set(_load_raw(resource, folder)[1][remote])
        for row, value in enumerate(columns[column], start=1):
            items = value if isinstance(value, list) else [value]
            for item in items:
                if item is not None and item not in allowed:
                    raise DataError(
                        f"{item!r} is not a known {remote} in {resource}.csv",
                        file=label, row=row, column=column,
                    )


@lru_cache(maxsize=64)
def _load_cached(
    name: str, folder: Path, stamp: tuple[int, int]
) -> tuple[list[dict[str, Any]], dict[str, list[Any]]]:
    resource = _resource(name, folder)
    schema = resource.get("schema", {})
    fields = schema.get("fields", [])
    path = folder / resource.get("path", f"{name}.csv")
    label = f"data/{path.name}"
    rows = _read_rows(path, label, fields)
    columns = {
        f["name"]: _convert_column([r[i] for r in rows], f, label) for i, f in enumerate(fields)
    }
    if schema.get("primaryKey"):
        key = _as_list(schema["primaryKey"])
        _check_unique(list(zip(*(columns[k] for k in key), strict=True)), key, label)
    _check_references(name, columns, schema, label, folder)
    return fields, columns


def _load_raw(name: str, folder: Path) -> tuple[list[dict[str, Any]], dict[str, list[Any]]]:
    path = folder / _resource(name, folder).get("path", f"{name}.csv")
    stat = path.stat() if path.is_file() else None
    stamp = (stat.st_mtime_ns, stat.st_size) if stat else (0, 0)
    return _load_cached(name, folder, stamp)


def _to_frame(fields: list[dict[str, Any]], columns: dict[str, list[Any]]) -> pd.DataFrame:
    import pandas as pd

    data: dict[str, Any] = {}
    for field in fields:
        name, kind = field["name"], field.get("type", "string")
        values = columns[name]
        enum = field.get("constraints", {}).get("enum")
        if kind == "list":
            data[name] = pd.Series([list(v) for v in values], dtype=object)
        elif enum is not None:
            data[name] = pd.Categorical(values, categories=enum)
        elif kind in {"integer", "year"}:
            data[name] = pd.array(values, dtype="Int64")
        elif kind == "number":
            data[name] = pd.array([float("nan") if v is None else v for v in values], dtype="float64")
        elif kind == "boolean":
            data[name] = pd.array(values, dtype="boolean")
        elif kind == "date":
            data[name] = pd.to_datetime(pd.Series(values, dtype=object)).astype("datetime64[ns]")
        else:
            data[name] = pd.array(values, dtype="string")
    return pd.DataFrame(data, columns=[f["name"] for f in fields])


def load(name: str, folder: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Return the table ``name`` (see :func:`list_datasets`) as a typed DataFrame.

    ``folder`` overrides where the data live (default: :func:`data_dir`).
    Each call returns a fresh copy, so changing it never changes the data
    that the next call sees.
    """
    folder_path = Path(folder) if folder is not None else data_dir()
    frame = _to_frame(*_load_raw(name, folder_path))
    frame.attrs["table"] = name
    return frame


def list_datasets() -> pd.DataFrame:
    """Return one row per table: name, title, rows, columns and description."""
    import pandas as pd

    folder = data_dir()
    rows = []
    for resource in _descriptor(folder)["resources"]:
        fields, columns = _load_raw(resource["name"], folder)
        first = next(iter(columns.values()), [])
        rows.append(
            {
                "name": resource["name"],
                "title": resource.get("title", ""),
                "rows": len(first),
                "columns": ", ".join(f["name"] for f in fields),
                "description": resource.get("description", ""),
            }
        )
    return pd.DataFrame(rows)


def cite(source_id: str) -> str:
    """Return a one-line reference for ``source_id`` from ``sources.csv``.

    >>> cite("seed-002")  # doctest: +SKIP
    'Akhli, Gumilar & Halkis (2018). Pola Perimbangan ... Jurnal Diplomasi Pertahanan.'
    """
    if not isinstance(source_id, str):
        raise TypeError(f"cite() expects a source_id string, got {type(source_id).__name__}")
    _, columns = _load_raw("sources", data_dir())
    ids = columns["source_id"]
    if source_id not in ids:
        close = [s for s in ids if source_id.split("-")[0] in s][:5]
        hint = f" Did you mean one of {close}?" if close else ""
        raise DataError(f"unknown source_id {source_id!r}.{hint}", file="data/sources.csv")
    i = ids.index(source_id)
    get = {k: v[i] for k, v in columns.items()}
    parts = [f"{get.get('authors') or 'Anon.'} ({get.get('year') or 'n.d.'}). {get['title']}."]
    if get.get("container"):
        parts.append(f"{get['container']}.")
    if get.get("url"):
        parts.append(str(get["url"]))
    return " ".join(parts)


def _data_as_of() -> str:
    try:
        return str(_descriptor().get("x_data_as_of") or _descriptor().get("created", ""))[:10]
    except DataError:
        return ""


def __getattr__(name: str) -> Any:
    if name == "DATA_AS_OF":
        return _data_as_of()
    if name == "TABLES":
        return tuple(r["name"] for r in _descriptor()["resources"])
    if name.startswith("load_"):
        table = name[len("load_"):]
        if table in {r["name"] for r in _descriptor()["resources"]}:
            return _make_loader(table)
    raise AttributeError(f"module 'sco_course.datasets' has no attribute {name!r}")


def _make_loader(table: str) -> Callable[[], pd.DataFrame]:
    resource = _resource(table, data_dir())

    def loader() -> pd.DataFrame:
        return load(table)

    lines = [resource.get("title", table) + ".", "", resource.get("description", ""), "",
             "Columns", "-------"]
    for field in resource.get("schema", {}).get("fields", []):
        lines.append(f"{field['name']} ({field.get('type', 'string')}): {field.get('description', '')}")
    loader.__name__ = loader.__qualname__ = f"load_{table}"
    loader.__doc__ = "\n".join(lines)
    return loader
