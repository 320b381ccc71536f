"""The loaders: typed frames, sources that resolve, clear errors for broken files."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

import sco_course as sco
from sco_course import datasets

DATA = datasets.data_dir()
PACKAGE = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = {r["name"]: r for r in PACKAGE["resources"]}
TABLES = sorted(RESOURCES)


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the data folder that the loaders read instead of the real one."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder, ignore=shutil.ignore_patterns("_staging"))
    monkeypatch.setenv("SCO_COURSE_DATA", str(folder))
    return folder


def rewrite(path: Path, edit) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    edit(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def first_field(table: str, kind: str) -> str | None:
    fields = RESOURCES[table]["schema"]["fields"]
    return next((f["name"] for f in fields if f.get("type") == kind), None)


@pytest.mark.parametrize("table", TABLES)
def test_every_table_loads_with_schema_dtypes(table: str) -> None:
    frame = getattr(sco, f"load_{table}")()
    fields = RESOURCES[table]["schema"]["fields"]
    assert list(frame.columns) == [f["name"] for f in fields]
    assert len(frame) > 0
    for field in fields:
        column = frame[field["name"]]
        kind, enum = field.get("type", "string"), field.get("constraints", {}).get("enum")
        if enum:
            assert isinstance(column.dtype, pd.CategoricalDtype)
            assert list(column.cat.categories) == enum
        elif kind in {"integer", "year"}:
            assert column.dtype == "Int64"
        elif kind == "date":
            assert pd.api.types.is_datetime64_any_dtype(column)
        elif kind == "number":
            assert column.dtype == "float64"
        elif kind == "boolean":
            assert column.dtype == "boolean"
        elif kind == "list":
            assert column.map(lambda v: isinstance(v, list)).all()


@pytest.mark.parametrize("table", [t for t in TABLES if t != "sources"])
def test_every_row_has_a_source_that_resolves(table: str) -> None:
    frame = sco.load(table)
    sources = set(sco.load_sources()["source_id"])
    columns = [c for c in frame.columns if c.endswith(("source_id", "source_ids"))]
    assert columns, f"{table} has no source_id or source_ids column"
    has_source = pd.Series(False, index=frame.index)
    for column in columns:
        cells = frame[column]
        if column.endswith("source_ids"):
            has_source |= cells.map(len) > 0
            items = cells.explode().dropna()
        else:
            has_source |= cells.notna()
            items = cells.dropna()
        assert set(items) <= sources, f"{table}.{column}: {set(items) - sources}"
    assert has_source.all(), f"{table}: rows without a source: {list(frame.index[~has_source])}"


def test_loader_docstrings_list_every_column() -> None:
    for table, resource in RESOURCES.items():
        doc = getattr(sco, f"load_{table}").__doc__ or ""
        for field in resource["schema"]["fields"]:
            assert field["name"] in doc, f"load_{table} docstring misses column {field['name']}"


def test_loaders_return_fresh_copies() -> None:
    first = sco.load_sources()
    first.loc[0, "title"] = "changed by a student"
    assert sco.load_sources().loc[0, "title"] != "changed by a student"


def test_list_datasets_counts_rows() -> None:
    listing = sco.list_datasets()
    assert set(listing["name"]) == set(TABLES)
    rows = dict(zip(listing["name"], listing["rows"], strict=True))
    assert rows["sources"] == len(sco.load_sources())


def test_cite_formats_a_reference_and_rejects_unknown_ids() -> None:
    sources = sco.load_sources()
    row = sources.iloc[0]
    text = sco.cite(row["source_id"])
    assert str(row["title"]) in text
    with pytest.raises(sco.DataError, match="unknown source_id 'no-such-source'"):
        sco.cite("no-such-source")
    with pytest.raises(TypeError, match="source_id string"):
        sco.cite(3)  # type: ignore[arg-type]


def test_data_as_of_is_an_iso_date() -> None:
    assert pd.Timestamp(sco.DATA_AS_OF).year >= 2025


def test_unknown_table_names_the_known_ones() -> None:
    with pytest.raises(sco.DataError, match=r"no table named 'drils'.*drills"):
        sco.load("drils")


# ------------------------------------------------------------ broken files


def test_bad_integer_names_file_row_and_column(data_copy: Path) -> None:
    table = next(t for t in TABLES if first_field(t, "integer"))
    column = first_field(table, "integer")
    path = data_copy / RESOURCES[table]["path"]

    def edit(rows: list[list[str]]) -> None:
        rows[2][rows[0].index(column)] = "about 7,000"

    rewrite(path, edit)
    with pytest.raises(sco.DataError) as info:
        sco.load(table)
    message = str(info.value)
    assert f"data/{path.name}, row 2 (line 3), column '{column}'" in message
    assert "'about 7,000' is not a whole number" in message
    assert (info.value.file, info.value.row, info.value.column) == (f"data/{path.name}", 2, column)


def test_bad_date_is_reported(data_copy: Path) -> None:
    table = next(t for t in TABLES if first_field(t, "date"))
    column = first_field(table, "date")
    path = data_copy / RESOURCES[table]["path"]
    rewrite(path, lambda rows: rows[1].__setitem__(rows[0].index(column), "1924-29 Agustus 2014"))
    with pytest.raises(sco.DataError, match=r"row 1 \(line 2\).*is not a date written YYYY-MM-DD"):
        sco.load(table)


def test_value_outside_enum_lists_allowed_values(data_copy: Path) -> None:
    path = data_copy / "members.csv"
    rewrite(path, lambda rows: rows[1].__setitem__(rows[0].index("status"), "memebr"))
    with pytest.raises(sco.DataError, match=r"members.csv, row 1.*'memebr' is not one of"):
        sco.load_members()


def test_ragged_row_is_reported_with_its_line(data_copy: Path) -> None:
    path = data_copy / "sources.csv"
    rewrite(path, lambda rows: rows[3].append("stray cell"))
    with pytest.raises(sco.DataError, match=r"sources.csv, row 3 \(line 4\): has \d+ cells"):
        sco.load_sources()


def test_missing_column_is_reported(data_copy: Path) -> None:
    path = data_copy / "members.csv"

    def drop(rows: list[list[str]]) -> None:
        i = rows[0].index("iso3")
        for row in rows:
            del row[i]

    rewrite(path, drop)
    with pytest.raises(sco.DataError, match=r"header does not match.*missing \['iso3'\]"):
        sco.load_members()


def test_dangling_source_id_is_reported(data_copy: Path) -> None:
    table = next(t for t in TABLES if t != "sources" and first_field(t, "list") == "source_ids")
    path = data_copy / RESOURCES[table]["path"]
    rewrite(path, lambda rows: rows[1].__setitem__(rows[0].index("source_ids"), "made-up-2099"))
    with pytest.raises(sco.DataError, match=r"row 1.*'made-up-2099' is not a known source_id"):
        sco.load(table)


def test_duplicate_primary_key_is_reported(data_copy: Path) -> None:
    path = data_copy / "sources.csv"
    rewrite(path, lambda rows: rows.append(list(rows[1])))
    with pytest.raises(sco.DataError, match="duplicate key"):
        sco.load_sources()


def test_required_cell_left_empty(data_copy: Path) -> None:
    path = data_copy / "sources.csv"
    rewrite(path, lambda rows: rows[1].__setitem__(rows[0].index("title"), ""))
    with pytest.raises(sco.DataError, match=r"row 1.*column 'title': is empty but the field"):
        sco.load_sources()


def test_not_utf8_and_missing_file(data_copy: Path) -> None:
    (data_copy / "sources.csv").write_bytes("source_id,\xe9\n".encode("latin-1"))
    with pytest.raises(sco.DataError, match="not valid UTF-8"):
        sco.load_sources()
    (data_copy / "members.csv").unlink()
    with pytest.raises(sco.DataError, match=r"members\.csv: file not found"):
        sco.load_members()


def test_edited_file_is_reloaded_not_served_from_cache(data_copy: Path) -> None:
    before = len(sco.load_sources())
    rewrite(data_copy / "sources.csv", lambda rows: rows.pop())
    assert len(sco.load_sources()) == before - 1


def test_no_recorded_fact_is_newer_than_data_as_of() -> None:
    as_of = pd.Timestamp(sco.DATA_AS_OF)
    for table in TABLES:
        frame = sco.load(table)
        if table == "events":  # announced future meetings are labelled as planned
            frame = frame[~frame["title"].str.contains("(planned)", regex=False)]
        for column in frame.columns:
            if pd.api.types.is_datetime64_any_dtype(frame[column]):
                latest = frame[column].max()
                assert pd.isna(latest) or latest <= as_of, f"{table}.{column}: {latest} > {as_of}"


def test_members_on_follows_the_membership_intervals() -> None:
    assert sco.members_on("2001-06-15") == sorted(
        ["China", "Russia", "Kazakhstan", "Kyrgyzstan", "Tajikistan", "Uzbekistan"]
    )
    members = sco.load_members().query("status == 'member'")
    for row in members.itertuples():
        assert row.country in sco.members_on(row.start_date)
        assert row.country not in sco.members_on(row.start_date - pd.Timedelta(days=1))
    assert len(sco.members_on(sco.DATA_AS_OF)) == members["country"].nunique()
    with pytest.raises(sco.DataError, match="not a date"):
        sco.members_on("sometime in 2005")


def test_every_source_is_cited_somewhere() -> None:
    """A source that nothing cites is noise in the bibliography: cite it or remove it."""
    cited: set[str] = set()
    for table in TABLES:
        if table == "sources":
            continue
        frame = sco.load(table)
        for column in frame.columns:
            if column.endswith("source_ids"):
                cited |= set(frame[column].explode().dropna())
            elif column.endswith("source_id"):
                cited |= set(frame[column].dropna())
    root = Path(__file__).resolve().parents[1]
    course_files = [
        *root.glob("notebooks/*.ipynb"),
        *root.glob("exercises/*.ipynb"),
        *root.glob("sco_course/banks/*.toml"),
        *root.glob("sco_course/checkspecs/*.toml"),
        *(p for p in DATA.glob("*.csv") if p.name != "sources.csv"),  # ids named in notes
    ]
    text = "\n".join(path.read_text(encoding="utf-8") for path in course_files)
    uncited = sorted(s for s in sco.load_sources()["source_id"] if s not in cited and s not in text)
    assert not uncited, f"sources nothing cites: {uncited}"
