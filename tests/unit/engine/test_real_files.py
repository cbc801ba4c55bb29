"""The engine on the real files of shared/data/real: exact row counts, the rows that are really bad flagged,
leading zeros kept, cp1252/UTF-16/ISO-8859-7 read right, and no file that crashes it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
import pytest

from ferry.core.domain import FileManifest, Template
from ferry.core.errors import FileRejected
from ferry.engine import ERRORS, ROW, error_columns, execute, flagged_expr, read_output
from ferry.ingest import iter_rows, sniff
from ferry.recipe import Recipe
from ferry.recipe.spec import WHITESPACE

from .conftest import REAL

EVERY_FILE = sorted(p for p in REAL.rglob("*") if p.is_file() and p.name != "SOURCES.md")


def run(path: Path, fields: list[dict[str, Any]], recipe_fields: list[dict[str, Any]], tmp: Path, **extra: Any):  # type: ignore[no-untyped-def]
    """Execute a one-template recipe over the file's first sheet; (report, output frame)."""
    manifest = sniff(path, path.name)
    template = Template.model_validate({"name": "T", "sheet_id": "t", "fields": fields})
    recipe = Recipe.model_validate(
        {
            "templates": [
                {"sheet_id": "t", "source": {"file_id": "f", "sheet_id": manifest.sheets[0].sheet_id},
                 "fields": recipe_fields, **extra}
            ]
        }
    )  # fmt: skip
    result = execute(recipe, [template], {"f": (path, manifest)}, tmp)
    return result.report, read_output(result.outputs["t"])


def flagged_rows(frame: pl.DataFrame, column: str | None = None) -> list[int]:
    if column is None:
        return frame.filter(flagged_expr(error_columns(frame)))[ROW].to_list()
    return frame.filter(pl.col(ERRORS).struct.field(column).is_not_null())[ROW].to_list()


@pytest.mark.parametrize("path", EVERY_FILE, ids=[str(p.relative_to(REAL)) for p in EVERY_FILE])
def test_every_sheet_of_every_file_imports_every_row(path: Path, tmp_path: Path) -> None:
    try:
        manifest: FileManifest = sniff(path, path.name)
    except FileRejected:
        pytest.skip("rejected at ingestion (tested there)")
    for i, sheet in enumerate(manifest.sheets):
        fields = [{"key": f"c{j}", "type": "string"} for j in range(len(sheet.columns))]
        recipe_fields = [
            {"field": f"c{j}", "column": c.name, "ops": [{"op": "trim"}]} for j, c in enumerate(sheet.columns)
        ]
        template = Template.model_validate({"name": "T", "sheet_id": "t", "fields": fields})
        recipe = Recipe.model_validate(
            {
                "templates": [
                    {"sheet_id": "t", "source": {"file_id": "f", "sheet_id": sheet.sheet_id}, "fields": recipe_fields}
                ]
            }
        )
        result = execute(recipe, [template], {"f": (path, manifest)}, tmp_path / str(i))
        frame = read_output(result.outputs["t"])
        raw = list(iter_rows(path, manifest, sheet.sheet_id))
        # Then: exactly the sheet's data rows, in order, each cell as read (trimmed)
        assert result.report["totalRows"] == frame.height == sheet.row_count == len(raw)
        assert frame[ROW].to_list() == list(range(1, len(raw) + 1))
        expected = [tuple(c.strip(WHITESPACE) or None for c in r) for r in raw]
        assert frame.select([f"c{j}" for j in range(len(sheet.columns))]).rows() == expected


def test_example_file_flags_exactly_its_planted_errors(tmp_path: Path) -> None:
    path = REAL / "react-spreadsheet-import" / "exampleFile.csv"
    fields = [
        {"key": "age", "type": "integer", "min": 0},
        {"key": "manager", "type": "boolean"},
        {"key": "email", "type": "email", "required": True, "unique": True},
    ]
    ops = [
        {"field": "age", "column": "years", "ops": [{"op": "trim"}, {"op": "to_number"}]},
        {"field": "manager", "column": "manager", "ops": [{"op": "to_boolean"}]},
        {"field": "email", "column": "email", "ops": [{"op": "email_normalize"}]},
    ]
    report, frame = run(path, fields, ops, tmp_path)
    source = pl.read_csv(path, infer_schema=False).with_row_index(ROW, offset=1)
    not_integer = source.filter(~pl.col("years").str.strip_chars().str.contains(r"^-?[0-9]+$"))[ROW].to_list()
    assert flagged_rows(frame, "age") == not_integer and "I love pizza" in source["years"].to_list()
    # 'Yes'/'NO'/'TRUE'/'FALSE' are all booleans
    assert flagged_rows(frame, "manager") == []
    assert set(frame["manager"].to_list()) == {"true", "false"}
    spaced = source.filter(pl.col("email").str.contains(" "))[ROW].to_list()
    assert flagged_rows(frame, "email") == spaced and len(spaced) == 3
    assert report["invalidCellCount"] == len(set(not_integer) | set(spaced))


def test_salesforce_time_zones_parse_four_of_six_all_on_the_14th(tmp_path: Path) -> None:
    # upstream (forcedotcom/dataloader) expects 4 rows to parse and 2 to fail, every valid one on 14 July GMT
    path = REAL / "salesforce-dataloader" / "timeZoneFormatTestingWithErrors.csv"
    fields = [{"key": "name", "type": "string"}, {"key": "at", "type": "datetime", "required": True}]
    ops = [{"field": "name", "column": "Name"}, {"field": "at", "column": "Date", "ops": [{"op": "parse_datetime"}]}]
    _, frame = run(path, fields, ops, tmp_path)
    valid = frame.filter(pl.col(ERRORS).struct.field("at").is_null())
    assert sorted(valid["name"].to_list()) == ["A", "B", "C", "F"]
    assert all(v.startswith("2009-07-14T") and v.endswith("Z") for v in valid["at"].to_list())
    assert dict(zip(valid["name"], valid["at"], strict=True))["A"] == "2009-07-14T18:14:45Z"
    assert sorted(frame.filter(pl.col(ERRORS).struct.field("at").is_not_null())["name"].to_list()) == ["D", "E"]


def test_encodings_are_read_right(tmp_path: Path) -> None:
    cp1252 = REAL / "salesforce-dataloader" / "accountData.csv"
    _, accounts = run(
        cp1252, [{"key": "name", "type": "string"}], [{"field": "name", "column": "NAME"}], tmp_path / "a"
    )
    names = accounts["name"].to_list()
    assert "Crédito Inmobiliario Terras" in names and "Pébéo of America" in names
    assert not any("\ufffd" in (n or "") or "Ã" in (n or "") for n in names)  # no mojibake
    utf16 = REAL / "salesforce-dataloader" / "csvtext_BOM_UTF16LE.csv"
    _, rows = run(utf16, [{"key": "a", "type": "string"}], [{"field": "a", "column": "column1"}], tmp_path / "b")
    assert rows["a"].to_list() == ["row1-1", "row2-1"]
    greek = REAL / "frictionless-py" / "table-infer-iso-8859-7.csv"
    _, names = run(greek, [{"key": "n", "type": "string"}], [{"field": "n", "column": "name"}], tmp_path / "c")
    assert names["n"].to_list() == ["Λεωνιδας", "Αλεξανδρος", "Μυρων", "Ευστοργιος"]


def test_leading_zeros_unicode_spaces_and_null_tokens(tmp_path: Path) -> None:
    accent = REAL / "frictionless-py" / "accent.csv"
    _, stations = run(
        accent, [{"key": "insee", "type": "string"}], [{"field": "insee", "column": "code_insee"}], tmp_path / "a"
    )
    assert stations["insee"].to_list() == ["06090", "06090"]
    upsert = REAL / "salesforce-dataloader" / "upsertAccountSmallTemplate.csv"
    _, accounts = run(
        upsert,
        [{"key": "oracle_id", "type": "string"}],
        [{"field": "oracle_id", "column": "ORACLE_ID__C", "ops": [{"op": "trim"}]}],
        tmp_path / "b",
    )
    assert accounts["oracle_id"][0] == "1-000000"  # U+3000 ideographic spaces trimmed
    blanks = REAL / "csvkit" / "blanks.csv"
    fields = [{"key": k, "type": "string"} for k in "abcdef"]
    ops = [{"field": k, "column": k, "ops": [{"op": "null_tokens"}]} for k in "abcdef"]
    report, row = run(blanks, fields, ops, tmp_path / "c")
    assert row.select(list("abcdef")).row(0) == (None,) * 6
    assert all(c["output"]["filled"] == 0 for c in report["profile"]["columns"])


def test_duplicate_opportunities_dedup_and_unique(tmp_path: Path) -> None:
    path = REAL / "salesforce-dataloader" / "opportunityData.csv"
    manifest = sniff(path, path.name)
    names = [c.name for c in manifest.sheets[0].columns]
    name_col = next(n for n in names if n.upper() == "NAME")
    fields = [{"key": "name", "type": "string", "unique": True}]
    source = pl.read_csv(path, infer_schema=False, encoding="utf8-lossy")[name_col].str.strip_chars().to_list()
    # unique: every repeat after the first is flagged
    _, flagged = run(path, fields, [{"field": "name", "column": name_col, "ops": [{"op": "trim"}]}], tmp_path / "a")
    assert len(flagged_rows(flagged, "name")) == len(source) - len({s.lower() for s in source})
    # dedup keep first: one row per deal, none flagged
    report, deduped = run(
        path, fields, [{"field": "name", "column": name_col, "ops": [{"op": "trim"}]}], tmp_path / "b",
        dedup={"keys": ["name"], "keep": "first"},
    )  # fmt: skip
    assert report["totalRows"] == len({s.lower() for s in source}) and flagged_rows(deduped) == []
