"""`python -m ferry execute|preview` on the example file."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from ferry.__main__ import main
from ferry.core.domain import Template
from ferry.recipe import recipe_from_mapping

from .conftest import EXAMPLE, PEOPLE_MAPPING


@pytest.fixture
def args(tmp_path: Path, people: Template) -> list[str]:
    templates = tmp_path / "templates.json"
    templates.write_text(json.dumps([people.model_dump(exclude_none=True)]))
    recipe = tmp_path / "recipe.json"
    recipe.write_text(recipe_from_mapping(PEOPLE_MAPPING, people, "f1", "sheet_1").model_dump_json(by_alias=True))
    return [str(EXAMPLE), "--templates", str(templates), "--recipe", str(recipe)]


def test_execute_writes_exports_and_report(args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["execute", *args, "--out", str(out)]) == 0
    report = json.loads((out / "report.json").read_text())
    assert report["totalRows"] == 1000
    valid = list(csv.DictReader((out / "people" / "valid.csv").open(encoding="utf-8", newline="")))
    invalid = list(csv.DictReader((out / "people" / "invalid.csv").open(encoding="utf-8", newline="")))
    every = list(csv.DictReader((out / "people" / "all.csv").open(encoding="utf-8", newline="")))
    assert len(valid) + len(invalid) == 1000 and len(invalid) == report["invalidCellCount"]
    assert {r["_row"] for r in invalid} >= {"420", "474", "526"}
    assert len(every) == 1000 and [r["_row"] for r in every] == [str(i) for i in range(1, 1001)]
    assert list((out / "people" / "rows").glob("*.parquet")) and not (out / ".ferry-work").exists()
    assert "1000 rows" in capsys.readouterr().out


def test_preview_prints_json(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["preview", *args, "-n", "3"]) == 0
    (sheet,) = json.loads(capsys.readouterr().out)
    assert len(sheet["rows"]) == 3


def test_bad_recipe_column_is_a_clear_error(
    args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    recipe = Path(args[4])
    recipe.write_text(recipe.read_text().replace('"column":"years"', '"column":"age_years"'))
    assert main(["preview", *args]) == 2
    assert "age_years" in capsys.readouterr().err
