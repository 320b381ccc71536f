"""datapackage.json is a valid Frictionless Data Package that describes every file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sco_course import datasets

DATA = datasets.data_dir()
PACKAGE = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))


def test_frictionless_validates_the_package() -> None:
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(DATA / "datapackage.json"))
    problems = [
        f"{task.name}: {error.type}: {error.note}"
        for task in report.tasks
        for error in task.errors[:5]
    ] + [f"package: {error.type}: {error.note}" for error in report.errors]
    assert report.valid, "\n".join(problems)


def test_every_csv_is_described_and_every_resource_has_a_file() -> None:
    described = {r["path"] for r in PACKAGE["resources"]}
    on_disk = {p.name for p in Path(DATA).glob("*.csv")}
    assert described == on_disk


def test_every_field_is_documented_and_categoricals_are_enums() -> None:
    for resource in PACKAGE["resources"]:
        assert resource.get("title") and resource.get("description"), resource["name"]
        for field in resource["schema"]["fields"]:
            assert field.get("description"), (
                f"{resource['name']}.{field['name']} has no description"
            )
            if field["name"] in {"status", "series", "kind", "date_precision", "certainty"}:
                assert field.get("constraints", {}).get("enum"), (
                    f"{resource['name']}.{field['name']}"
                )


def test_every_table_points_to_sources() -> None:
    for resource in PACKAGE["resources"]:
        if resource["name"] == "sources":
            continue
        names = [f["name"] for f in resource["schema"]["fields"]]
        assert any(n.endswith(("source_id", "source_ids")) for n in names), resource["name"]


def test_data_as_of_is_declared() -> None:
    assert PACKAGE["x_data_as_of"] >= "2025-01-01"
