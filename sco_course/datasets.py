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

__all__ = [
    "DataError",
    "cite",
    "data_dir",
    "list_datasets",
    "load",
    "load_bodies",
    "load_budget_shares",
    "load_charter",
    "load_convention_definitions",
    "load_countries",
    "load_discrepancies",
    "load_drill_participants",
    "load_drills",
    "load_events",
    "load_glossary",
    "load_groups",
    "load_indicators",
    "load_leaders",
    "load_members",
    "load_observations",
    "load_schweller_roles",
    "load_secretaries_general",
    "load_sources",
    "load_theory",
    "load_trade",
]

PACKAGE_FILE = "datapackage.json"
_HERE = Path(__file__).resolve().parent


class DataError(ValueError):
    """A data file is missing or does not match its schema.

    Attributes ``file``, ``row`` (1-based data row, the header is row 0) and
    ``column`` say where; any of them may be ``None``.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        row: int | None = None,
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
                    "header does not match datapackage.json: " + "; ".join(detail),
                    file=label,
                    row=0,
                )
            rows = []
            for number, row in enumerate(reader, start=1):
                if not row:  # a blank line
                    continue
                if len(row) != len(names):
                    raise DataError(
                        f"has {len(row)} cells but the header has {len(names)} "
                        "(a stray or missing comma? quote cells that contain commas)",
                        file=label,
                        row=number,
                    )
                rows.append(row)
    except UnicodeDecodeError as exc:
        raise DataError(
            f"is not valid UTF-8 ({exc.reason} at byte {exc.start})", file=label
        ) from None
    except csv.Error as exc:
        raise DataError(f"is not valid CSV ({exc})", file=label) from None
    return rows


def _convert_column(cells: list[str], field: dict[str, Any], label: str) -> list[Any]:
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
                raise DataError(
                    "is empty but the field is required", file=label, row=row, column=name
                )
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
                file=label,
                row=row,
                column=names[0] if len(names) == 1 else None,
            )
        seen[key] = row


def _as_list(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _check_references(
    name: str, columns: dict[str, list[Any]], schema: dict[str, Any], label: str, folder: Path
) -> None:
    """Check foreign keys, and that every item of a ``*source_ids`` list is a source."""
    checks: list[tuple[str, str, str]] = []
    for fk in schema.get("foreignKeys", []):
        local, ref = _as_list(fk["fields"]), fk["reference"]
        remote = _as_list(ref["fields"])
        checks.extend(
            (col, ref.get("resource") or name, rcol)
            for col, rcol in zip(local, remote, strict=True)
        )
    if name != "sources":
        list_fields = [f["name"] for f in schema.get("fields", []) if f.get("type") == "list"]
        checks.extend(
            (col, "sources", "source_id") for col in list_fields if col.endswith("source_ids")
        )
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
                        file=label,
                        row=row,
                        column=column,
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
            data[name] = pd.array(
                [float("nan") if v is None else v for v in values], dtype="float64"
            )
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
        package = _descriptor()
        return str(package.get("x_data_as_of") or package.get("created", ""))[:10]
    except DataError:
        return ""


def __getattr__(name: str) -> Any:
    if name == "DATA_AS_OF":
        return _data_as_of()
    if name == "TABLES":
        return tuple(r["name"] for r in _descriptor()["resources"])
    raise AttributeError(f"module 'sco_course.datasets' has no attribute {name!r}")


# ------------------------------------------------------------------ loaders
# One function per table, so that help() and tab completion show the columns.
# tests/test_datasets.py checks that each docstring names every column of the schema.


def load_sources() -> pd.DataFrame:
    """Sources.

    Every work the data cite: the five seed texts, primary documents (treaties,
    declarations, official SCO pages), academic works, news reports and reference data.
    Every other table points here through source_id or source_ids.

    Columns:

    - source_id (string): Short stable identifier, a lower-case slug.
    - authors (string): Authors or issuing body, as cited.
    - year (Int64): Year of publication or adoption.
    - title (string): Title of the work.
    - container (string): Journal, book, publisher or website.
    - url (string): Where the work can be read, when known.
    - language (string): ISO 639-1 code of the work's language.
    - kind (category): seed = one of the five course seed texts; primary = treaty,
      declaration or official page; academic; news; reference = data or encyclopaedic
      reference.
    - note (string): Caveats about the source (e.g. citation errors in a seed).
    """
    return load("sources")


def load_countries() -> pd.DataFrame:
    """Countries in the SCO orbit.

    Every country that has held SCO member, observer, dialogue-partner or partner status
    through 2025 (Afghanistan included), with Indonesian name, UN M49 sub-region and rounded
    capital coordinates for map-like plots.

    Columns:

    - name (string): English short name; the key used by every other table.
    - iso3 (string): ISO 3166-1 alpha-3 code.
    - name_id (string): Country name as written in Indonesian.
    - name_ru (string): Official short name in Russian, for member states only (the Charter's
      summit rotation follows the Russian alphabet).
    - name_ru_source_ids (list of str): Source(s) of the Russian name.
    - region (category): UN M49 sub-region (short English form).
    - capital (string): Capital city.
    - lat (float): Latitude of the capital, 1 decimal.
    - lon (float): Longitude of the capital, 1 decimal.
    - source_id (string): Source for name, ISO code and region.
    - coord_source_id (string): Source for the capital coordinates.
    - note (string): Caveats (naming, coordinate corrections).
    """
    return load("countries")


def load_members() -> pd.DataFrame:
    """SCO membership and partnership history.

    One row per country per status interval (member, observer, dialogue partner, partner)
    from 2001 through 2025. On 1 September 2025 the Tianjin Declaration merged observers and
    dialogue partners into a single 'partner' status.

    Columns:

    - country (category): Country (countries.name).
    - iso3 (string): ISO 3166-1 alpha-3 code.
    - status (category): SCO status held during the interval.
    - start_date (datetime): Date the status took effect (first day of month/year if
      less precise).
    - end_date (datetime): Date the status ended; empty if ongoing.
    - date_precision (category): Precision of start_date.
    - founding (boolean): True for the six founding members of 15 June 2001.
    - start_event (category): What start_date records: founding, Heads of State Council
      decision, memorandum signed or approved, accession completed, or the 2025 status
      merger.
    - source_id (string): Source for the start of the interval.
    - end_source_id (string): Source for the end of the interval (empty if ongoing).
    - note (string): Decision and memorandum dates, caveats.
    """
    return load("members")


def load_events() -> pd.DataFrame:
    """Chronology: Shanghai Five to SCO.

    Shanghai Five summits and agreements (1996-2000), every SCO heads-of-state summit
    2001-2025 (and the planned 2026 summit), key agreements, institutional milestones,
    accessions and the 2005 Kyrgyz and Uzbek crises.

    Columns:

    - event_id (string): Slug identifier.
    - date (datetime): Start date (first day of month/year if less precise).
    - end_date (datetime): Last day for multi-day events; empty otherwise.
    - date_precision (category): Precision of date.
    - title (string): Short English title.
    - place (string): City, or 'videoconference'.
    - country (category): Host country (countries.name); for videoconferences the
      chairing country.
    - kind (category): Type of event.
    - summit_no (Int64): Ordinal of the SCO Heads of State Council meeting (sco_summit
      rows only).
    - description (string): Neutral factual description.
    - source_ids (list of str): Sources, separated by ';'.
    - note (string): Caveats and seed disagreements.
    """
    return load("events")


def load_bodies() -> pd.DataFrame:
    """SCO bodies.

    Councils, permanent bodies and ministerial meetings of the SCO as set out in the 2002
    Charter and later practice, with seats, meeting rhythm and role.

    Columns:

    - body_id (string): Slug identifier.
    - name (string): English name.
    - parent_id (category): Body it sits under for a tree view (the Heads of State
      Council is the top); empty for the top.
    - kind (category): Type of body.
    - seat (string): Seat or venue rule.
    - meets (string): How often it meets.
    - role (string): Functions, in neutral English.
    - source_id (string): Main source.
    - note (string): Charter provisions, seed comparisons, caveats.
    """
    return load("bodies")


def load_secretaries_general() -> pd.DataFrame:
    """Heads of the SCO Secretariat.

    Executive Secretaries and Secretaries-General of the SCO Secretariat in Beijing since
    2004.

    Columns:

    - name (string): Person.
    - country (category): Member state of citizenship (countries.name).
    - title (category): Title of the post at the time.
    - start_year (Int64): First year in office.
    - end_year (Int64): Last year in office; empty if serving.
    - source_id (string): Main source.
    - note (string): Exact dates and caveats.
    """
    return load("secretaries_general")


def load_leaders() -> pd.DataFrame:
    """Members of the SCO heads-of-state and heads-of-government councils.

    Two snapshots: the seed-000 list transcribed as written (seed_2018, mixed dates) and the
    current office holders of the ten member states as of the latest verifiable meetings
    (Sept and Nov 2025).

    Columns:

    - council (category): Council.
    - country (category): Member state (countries.name).
    - person (string): Office holder.
    - office (string): Office held.
    - as_of (datetime): Date the snapshot refers to (first day of year if precision is
      year).
    - date_precision (category): Precision of as_of.
    - snapshot (category): Which snapshot the row belongs to.
    - source_id (string): Source.
    - note (string): Dates in office, who actually represented the state, seed caveats.
    """
    return load("leaders")


def load_groups() -> pd.DataFrame:
    """Organisations named under the 'three evils'.

    Every organisation the seeds name as a terrorist, separatist or extremist threat, with
    verified designations. Neutral description; designations are facts with year (and date
    where verified).

    Columns:

    - name (string): English name
    - abbreviation (string): Usual abbreviation
    - founded (Int64): Year founded; empty when sources disagree or it was not verified
    - countries (list of str): Countries where it originated or operates (English short
      names)
    - designations (list of str): Verified bans and terrorist designations, each as
      'authority/list year (detail)'; empty if none
    - seed_claim (string): What the seeds say about it, with seed tags
    - note (string): Caveats and context
    - source_ids (list of str): Sources (see sources.csv)
    """
    return load("groups")


def load_convention_definitions() -> pd.DataFrame:
    """Definitions of the 'three evils' in the 2001 Shanghai Convention.

    Curator's paraphrase of the definitions in Art. 1(1) of the Shanghai Convention on
    Combating Terrorism, Separatism and Extremism (15 June 2001), with later SCO definitions
    in note.

    Columns:

    - term (category): Defined term
    - article (string): Article and paragraph of the Convention
    - summary_en (string): Curator's paraphrase, with at most a short quoted phrase
    - source_id (string): The Convention (shanghai-convention-2001)
    - related_source_ids (list of str): Other sources used in note (later conventions,
      other language versions, seeds)
    - note (string): What was checked, and later SCO definitions
    """
    return load("convention_definitions")


def load_drills() -> pd.DataFrame:
    """SCO joint military and anti-terror exercises.

    Rows with table1_row 1-21 transcribe Table 1 of seed [002] (Akhli, Gumilar & Halkis),
    which reproduces de Haas 2016, pp. 382-387, faithfully: dates, locations, troop numbers
    and participants are as printed (misspellings corrected, originals in note); outside
    information appears only in note and in discrepancies. These rows cite source_ids
    'seed-002;dehaas-2016' (the table was read in seed-002; de Haas 2016 is its source),
    plus any source used in the note. Later exercises (2016-2025, table1_row empty) come
    from news and official sources. The Peace Mission planned for August 2023 in Chelyabinsk
    is not included because it could not be confirmed that it took place.

    Columns:

    - drill_id (string): Readable slug, e.g. pm-2005 or east-antiterror-2012
    - table1_row (Int64): Row number 1-21 in Table 1 of seed [002]; empty for exercises
      after 2015
    - name (string): Standard English name of the exercise
    - name_as_written (string): Name exactly as printed in the source (typos included)
    - series (category): Series: Peace Mission, Antiterror (name or descriptor says
      antiterror/antiterrorist or counter-terrorism exercise of competent authorities),
      or Other
    - series_in_name (boolean): true if 'Peace Mission' or 'Antiterror' is part of the
      exercise's own name, false if the series was assigned from a descriptor
    - start_date (datetime): First day (or first day of the month when date_precision is
      month)
    - end_date (datetime): Last day; empty when only the month is known
    - date_precision (category): Precision of start_date/end_date
    - host_countries (list of str): Countries where the exercise took place, as given by
      the source; empty when the source gives none
    - locations (string): Places as given by the source (spelling corrected; originals
      in note)
    - troops (Int64): Number of troops only as stated by the source; empty when none is
      given
    - troops_qualifier (category): How the troop figure is qualified in the source
    - agencies_mentioned (boolean): Table 1 rows only: the row names intelligence,
      special-forces, law-enforcement or security units (observation 5)
    - heavy_equipment_mentioned (boolean): Table 1 rows only: the row names heavy or
      conventional capabilities (aircraft, artillery, armour, ships, missiles) or a
      conventional-war aim (observation 7)
    - summary (string): Curator's one- or two-sentence English summary
    - source_ids (list of str): Sources (see sources.csv); Table 1 rows:
      seed-002;dehaas-2016
    - note (string): Every quirk of the row: question marks, typos, inconsistencies,
      other reported figures
    """
    return load("drills")


def load_drill_participants() -> pd.DataFrame:
    """Participants in SCO exercises.

    One row per country per exercise. Only countries stated in the source are recorded:
    'Rusia dan ?' records Russia alone (the unknown partners are described in drills.note).
    A '?' after a country name, or conflicting reports, gives certainty=uncertain.

    Columns:

    - drill_id (string): Exercise (drills.drill_id)
    - country (string): Participating country, English short name as in countries.csv
    - certainty (category): confirmed = stated without doubt; uncertain = marked '?' in
      the source or reports conflict
    - note (string): Spelling as written, role (host, observer) or the reason for
      uncertainty
    - source_ids (list of str): Sources (see sources.csv)
    """
    return load("drill_participants")


def load_observations() -> pd.DataFrame:
    """The seven 'benang merah' on Table 1.

    The seven common threads ('benang merah') that seed [002] draws from Table 1, in the
    Indonesian original and a faithful English rendering, with a note on how to test each
    against drills.csv and drill_participants.csv.

    Columns:

    - observation_id (Int64): Number of the observation as in the article (1-7)
    - claim_en (string): Curator's faithful English rendering
    - claim_id (string): Indonesian original, quoted from seed [002]
    - topic (category): What the claim is about
    - source_id (string): Source of the claim (seed-002)
    - note (string): How to test the claim with the data and what the test shows
    """
    return load("observations")


def load_budget_shares() -> pd.DataFrame:
    """SCO budget contribution scales.

    Shares of the SCO regular budget paid by each member state under three official scales
    (2003 annex, 2003 as amended, 2025), with the seed's figures and spellings where the
    seed gives them.

    Columns:

    - scale (category): Which official contribution scale the row belongs to
    - country (category): Member state (English short name as in countries.csv)
    - share_pct (float): Share of the regular budget in percent
    - as_written (string): The seed's wording for this share (Indonesian), empty if the
      seed does not give it
    - period (string): Legal instrument and time span in which the scale applied
    - source_id (string): Primary source of the share
    - seed_source_id (string): Seed that reports this share, if any
    - note (string): Caveats for the reader
    """
    return load("budget_shares")


def load_trade() -> pd.DataFrame:
    """China-Central Asia trade volume.

    Total trade (exports plus imports) between China and Central Asia in US$ billion, from
    seed [002] (citing Yuan 2010) and later Chinese customs figures.

    Columns:

    - year (Int64): Calendar year of the trade flow
    - reporter (category): Reporting country
    - partner (category): Partner region (from 2012 explicitly the five Central Asian
      states including Turkmenistan)
    - value_usd_bn (float): Trade volume in billions of current US dollars
    - qualifier (category): Whether the source gives the figure as exact or approximate
    - as_written (string): The figure as printed in the source
    - source_id (string): Source of the figure
    - note (string): Caveats: coverage, original source, checks
    """
    return load("trade")


def load_indicators() -> pd.DataFrame:
    """Basic indicators of SCO members (World Bank WDI).

    Population, surface area (km2) and GDP (current US$) of the ten SCO member states from
    the World Bank's World Development Indicators: population for 2001, 2010, 2016, 2017 and
    2023; area for 2001, 2010, 2017 and 2023; GDP for 2001, 2010, 2016 and 2023. All
    population years come from one WDI release (2025) and all area years from one release;
    GDP still mixes releases (2001, 2010 and 2016 from an early-2018 release, 2023 from a
    newer one). Later releases revise earlier years (see source_id and note), so do not mix
    values across releases, and read GDP changes up to 2023 with care.

    Columns:

    - country (category): Member state (English short name as in countries.csv)
    - year (Int64): Reference year
    - indicator (category): Indicator
    - value (float): Value in the unit given in the unit column
    - unit (category): Unit of the value
    - wdi_code (category): World Bank WDI series code
    - source_id (string): WDI release the value comes from
    - note (string): Caveats (release, revisions)
    """
    return load("indicators")


def load_charter() -> pd.DataFrame:
    """SCO Charter: tasks and principles.

    The ten tasks (art. 1) and seven principles (art. 2) of the 2002 SCO Charter in close
    English paraphrase, with the seeds' renderings alongside.

    Columns:

    - provision_id (string): Identifier aim-N (art. 1) or principle-N (art. 2), in
      Charter order
    - article (Int64): Charter article number
    - kind (category): Task/goal or principle
    - text_en (string): Close English paraphrase of the Charter provision
    - seed_text_en (string): How the seeds render this provision, translated into
      English, with the seed tag
    - seed_source_ids (list of str): Seeds that render this provision
    - source_id (string): Source of the Charter text
    - note (string): Differences between Charter and seeds, verification caveats
    """
    return load("charter")


def load_theory() -> pd.DataFrame:
    """Balancing and regionalism concepts used in the course.

    Concepts from realist balancing theory (Waltz, Walt, Schweller) and from regionalism
    studies, defined in the course's own words, as used by seed [002].

    Columns:

    - concept_id (string): Slug identifier of the concept
    - theorist (category): Author(s) the concept is attributed to
    - work (string): Year and title of the work (page as cited by the seed)
    - concept (string): Name of the concept
    - definition_en (string): Definition in the course's own words
    - source_ids (list of str): The original work and the seed that uses it
    - note (string): Citation problems and verification status
    """
    return load("theory")


def load_schweller_roles() -> pd.DataFrame:
    """Schweller roles assigned to SCO members in seed [002].

    How Akhli, Gumilar and Halkis classify each founding SCO member in Schweller's
    lion/lamb/jackal/wolf typology, with the article's reason and a critique based on the
    article's own definitions. No member is classed as a wolf.

    Columns:

    - country (category): Founding member state
    - role_in_article (category): Role the article assigns
    - article_reason_en (string): Faithful English summary of the article's reason
    - critique_en (string): Where the reason strains the article's own definitions
    - critique_source_ids (list of str): Sources of the critique (the article itself, and the
      theory's original where it is used).
    - source_id (string): Seed containing the classification
    """
    return load("schweller_roles")


def load_glossary() -> pd.DataFrame:
    """Bilingual glossary (English / Bahasa Indonesia).

    Terms used in the course with English and Indonesian names and definitions written for
    the course.

    Columns:

    - term_en (string): Term in English
    - term_id (string): Term in Bahasa Indonesia
    - definition_en (string): Definition in English
    - definition_id (string): Definition in Bahasa Indonesia
    - source_id (string): Source where the term is defined or used
    - note (string): Seed mistranslations and caveats
    """
    return load("glossary")


def load_discrepancies() -> pd.DataFrame:
    """Discrepancies between sources.

    Where a seed text (or two sources) disagree: the claim, the verified value kept in the
    data, and an explanation for students. The lessons' 'When sources disagree' boxes are
    drawn from this table.

    Columns:

    - discrepancy_id (string): Identifier, curator tag plus number.
    - topic (string): What the disagreement is about.
    - table (string): The data table the disagreement concerns.
    - record (string): The row or key in that table.
    - claim (string): What the disputed source says (English; Indonesian quoted where
      useful).
    - claim_source_ids (list of str): Source(s) of the claim.
    - verified (string): The value the course data keep.
    - verified_source_ids (list of str): Source(s) of the verified value.
    - explanation (string): Why the sources differ and how the course decided.
    """
    return load("discrepancies")
