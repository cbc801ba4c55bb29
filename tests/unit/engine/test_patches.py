"""The patch pass over a committed output, part by part: set values are checked again, deletions and dedups
re-check uniqueness across parts, exports and the report (with its source profile) follow the patch."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import polars as pl
import pytest

from ferry.core.domain import Template
from ferry.engine import ERRORS, ROW, execute, output_parts, read_output
from ferry.engine import executor as executor_module
from ferry.engine.parts import write_export_from_parts
from ferry.engine.report import build_report
from ferry.imports.patches import apply_patch, find_issues
from ferry.imports.review import PatchAction
from ferry.recipe import Recipe, recipe_from_mapping

from .conftest import sniffed

PEOPLE = Template.model_validate(
    {
        "name": "People",
        "sheet_id": "people",
        "fields": [
            {"key": "name", "type": "string", "required": True},
            {"key": "email", "type": "email", "required": True, "unique": True},
            {"key": "age", "type": "integer", "max": 120},
        ],
    }
)
CSV = """name,email,age
Ann,a@x.com,130
Bob,,40
Cid,a@x.com,40
Dee,bad-email,50
Eve,b@x.com,xx
Fay,B@X.com,60
Gus,c@x.com,70
"""


@pytest.fixture
def built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Recipe, Path, Path]:
    """The engine's output of CSV in parts of three rows, and the source hashes: (recipe, rows dir, sources dir)."""
    monkeypatch.setattr(executor_module, "CHUNK_ROWS", 3)
    path = tmp_path / "people.csv"
    path.write_text(CSV, encoding="utf-8")
    source = sniffed(path)
    recipe = recipe_from_mapping({"name": "name", "email": "email", "age": "age"}, PEOPLE, "f1", "sheet_1")
    result = execute(recipe, [PEOPLE], {"f1": source}, tmp_path / "out", keep_source_hashes=True)
    assert len(output_parts(result.outputs["people"])) == 3
    return recipe, result.outputs["people"], result.outputs["people"] / "sources"


def _errors(directory: Path) -> dict[int, dict[str, str]]:
    frame = read_output(directory)
    return {
        r[ROW]: {k: v for k, v in r[ERRORS].items() if v is not None}
        for r in frame.select(ROW, ERRORS).iter_rows(named=True)
        if any(r[ERRORS].values())
    }


def _action(column: str, error: str, action: str, **extra: str) -> PatchAction:
    return PatchAction(question_id=f"people.{column}.{error}", sheet_id="people", column=column, error=error,
                       action=action, **extra)  # type: ignore[arg-type]  # fmt: skip


def _csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def test_the_engine_flags_what_the_patches_work_on(built: tuple[Recipe, Path, Path]) -> None:
    _, rows, _ = built
    assert _errors(rows) == {
        1: {"age": "max"},
        2: {"email": "required"},
        3: {"email": "unique"},
        4: {"email": "type"},
        5: {"age": "type"},
        6: {"email": "unique"},
    }
    issues = {(i.column, i.rule): (i.count, i.samples) for i in find_issues(PEOPLE, rows)}
    assert issues == {
        ("age", "max"): (1, ["130"]),
        ("email", "required"): (1, []),
        ("email", "unique"): (2, ["a@x.com", "b@x.com"]),
        ("email", "type"): (1, ["bad-email"]),
        ("age", "type"): (1, ["xx"]),
    }


def test_deleting_the_first_of_a_repeated_value_frees_the_later_one(
    built: tuple[Recipe, Path, Path], tmp_path: Path
) -> None:
    recipe, rows, sources = built
    outcome = apply_patch(PEOPLE, recipe.templates[0], rows, sources, [_action("age", "max", "delete_invalid_rows")],
                          tmp_path / "patched")  # fmt: skip
    patched = tmp_path / "patched"
    # Row 1 is gone, so row 3's a@x.com is the first one now; everything else is as it was
    assert _errors(patched) == {2: {"email": "required"}, 4: {"email": "type"}, 5: {"age": "type"},
                                6: {"email": "unique"}}  # fmt: skip
    assert read_output(patched)[ROW].to_list() == [2, 3, 4, 5, 6, 7]
    assert (outcome.counts.rows_deleted, outcome.counts.cells_set, outcome.counts.duplicates_dropped) == (1, 0, 0)
    assert (outcome.stats.rows, outcome.stats.invalid_rows) == (6, 4)
    # And: the exports follow: valid has the clean rows only, all has every row with its errors
    assert [r["name"] for r in _csv(patched / "valid.csv")] == ["Cid", "Gus"]
    assert [r["_errors"] for r in _csv(_all_csv(patched, tmp_path))][:2] == ["email: required", ""]
    # And: the source profile counts the source values of the rows still imported
    profile = {c["column"]: c for c in build_report([outcome.stats])["profile"]["columns"]}
    assert profile["email"]["source"] == {"column": "email", "filled": 5, "distinct": 5, "total": 6}
    assert profile["age"]["source"]["filled"] == 6 and profile["age"]["output"]["filled"] == 6


def test_a_set_value_is_checked_like_any_cell_and_may_repeat(built: tuple[Recipe, Path, Path], tmp_path: Path) -> None:
    recipe, rows, sources = built
    actions = [
        _action("email", "type", "set_value", value="  C@x.com "),  # valid, but repeats row 7's c@x.com
        _action("age", "type", "set_value", value="abc"),  # still not a whole number
        _action("email", "required", "set_value", value="bob@x.com"),
    ]
    outcome = apply_patch(PEOPLE, recipe.templates[0], rows, sources, actions, tmp_path / "patched")
    frame = read_output(tmp_path / "patched")
    assert frame.filter(pl.col(ROW) == 4)["email"].item() == "C@x.com"
    assert _errors(tmp_path / "patched") == {
        1: {"age": "max"},
        3: {"email": "unique"},
        5: {"age": "type"},
        6: {"email": "unique"},
        7: {"email": "unique"},  # row 4 now holds the earlier c@x.com
    }
    assert outcome.counts.cells_set == 3 and outcome.counts.rows_deleted == 0


def test_dedup_keeps_the_first_of_each_value_across_parts(built: tuple[Recipe, Path, Path], tmp_path: Path) -> None:
    recipe, rows, sources = built
    dedup = _action("email", "unique", "dedup_keep_first", key_column="email")
    outcome = apply_patch(PEOPLE, recipe.templates[0], rows, sources, [dedup], tmp_path / "patched")
    assert read_output(tmp_path / "patched")[ROW].to_list() == [1, 2, 4, 5, 7]
    assert outcome.counts.duplicates_dropped == 2
    assert "unique" not in {rule for errors in _errors(tmp_path / "patched").values() for rule in errors.values()}


def test_keep_changes_nothing(built: tuple[Recipe, Path, Path], tmp_path: Path) -> None:
    recipe, rows, sources = built
    outcome = apply_patch(PEOPLE, recipe.templates[0], rows, sources, [_action("age", "type", "keep")],
                          tmp_path / "patched")  # fmt: skip
    assert read_output(tmp_path / "patched").equals(read_output(rows))
    assert _all_csv(tmp_path / "patched", tmp_path).read_bytes() == _all_csv(rows, tmp_path).read_bytes()
    assert (outcome.counts.cells_set, outcome.counts.rows_deleted, outcome.counts.duplicates_dropped) == (0, 0, 0)


def _all_csv(output: Path, tmp_path: Path) -> Path:
    """The `all` export of an output directory, as the API builds it from the parts."""
    dest = tmp_path / f"all-{output.name}.csv"
    write_export_from_parts(output_parts(output), dest)
    return dest
