"""The recipe model: parsing, the planner's mapping shape, validate_against errors, the JSON Schema file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from ferry.core.domain import ColumnManifest, SheetManifest, Template
from ferry.recipe import Recipe, RecipeError, recipe_from_mapping, recipe_json_schema

SCHEMA = Path(__file__).resolve().parents[3] / "docs" / "recipe.schema.json"
T = Template.model_validate(
    {"name": "C", "sheet_id": "c", "fields": [{"key": "email", "type": "email"}, {"key": "d", "type": "date"}]}
)
SHEET = SheetManifest(
    sheet_id="sheet_1",
    name="s",
    columns=[ColumnManifest(name=n, header=n) for n in ("mail", "alt", "when")],
    row_count=1,
    header_row=0,
)
SHEETS = {("f1", "sheet_1"): SHEET}


def recipe(fields: object, sheet_id: str = "c", **extra: object) -> Recipe:
    return Recipe.model_validate(
        {
            "version": 1,
            "templates": [
                {"sheet_id": sheet_id, "source": {"file_id": "f1", "sheet_id": "sheet_1"}, "fields": fields, **extra}
            ],
        }
    )


def test_planner_shape_becomes_field_recipes() -> None:
    r = recipe({"email": {"columns": ["mail", "alt"]}, "d": {"columns": ["when"], "hints": {"date_order": "DMY"}}})
    email, d = r.templates[0].fields
    assert email.column == "mail" and email.source_columns() == ["mail", "alt"]
    assert [o.op for o in d.ops] == ["trim", "null_tokens", "parse_date"]
    r.validate_against([T], SHEETS)


def test_recipe_from_mapping_adds_type_ops() -> None:
    r = recipe_from_mapping({"email": "mail", "d": None}, T, "f1", "sheet_1")
    assert [o.op for o in r.templates[0].fields[0].ops] == ["trim", "null_tokens", "email_normalize"]
    assert r.templates[0].fields[1].column is None
    r.validate_against([T], SHEETS)


@pytest.mark.parametrize(
    ("fields", "sheet_id", "message"),
    [
        ([{"field": "email", "column": "nope"}], "c", "column 'nope'"),
        ([{"field": "email", "column": "mail", "ops": [{"op": "coalesce", "columns": ["gone"]}]}], "c", "'gone'"),
        ([{"field": "zzz", "column": "mail"}], "c", "no field 'zzz'"),
        ([{"field": "email"}], "other", "template 'other'"),
        (
            [{"field": "email", "column": "mail", "ops": [{"op": "fill_from", "column": "site"}]}],
            "c",
            "column 'site'",
        ),
    ],
)
def test_validate_against_names_the_problem(fields: object, sheet_id: str, message: str) -> None:
    with pytest.raises(RecipeError, match=message):
        recipe(fields, sheet_id).validate_against([T], SHEETS)


def test_filters_name_one_existing_target() -> None:
    with pytest.raises(RecipeError, match="column 'gone'"):
        recipe([], filters=[{"column": "gone", "op": "not_null"}]).validate_against([T], SHEETS)
    with pytest.raises(ValidationError, match="exactly one of"):
        recipe([], filters=[{"column": "mail", "field": "email", "op": "not_null"}])
    with pytest.raises(ValidationError, match="list"):
        recipe([], filters=[{"column": "mail", "op": "in", "value": "x"}])
    recipe([], filters=[{"column": "mail", "op": "eq", "value": "x"}]).validate_against([T], SHEETS)


def test_validate_against_missing_sheet_and_dedup_field() -> None:
    with pytest.raises(RecipeError, match="not among the ready files"):
        recipe([]).validate_against([T], {})
    with pytest.raises(RecipeError, match="unknown field 'x'"):
        recipe([], dedup={"keys": ["x"]}).validate_against([T], SHEETS)


@pytest.mark.parametrize(
    ("op", "message"),
    [
        ({"op": "explode"}, "unknown op 'explode'"),
        ({"op": "case", "to": "sideways"}, "to"),
        ({"op": "parse_date", "formats": ["%Y-%Q"]}, "%Q"),
        ({"op": "regex_extract", "pattern": "(?<=a)b"}, "lookaround"),
        ({"op": "regex_extract", "pattern": "a", "group": 1}, "no group 1"),
        ({"op": "json_extract", "path": "a.b"}, "path"),
        ({"op": "trim", "extra": 1}, "extra"),
    ],
)
def test_bad_ops_are_rejected(op: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        recipe([{"field": "email", "column": "mail", "ops": [op]}])


def test_round_trips_through_json() -> None:
    r = recipe(
        [{"field": "email", "column": "mail", "ops": [{"op": "concat", "columns": ["mail", "alt"], "sep": "-"}]}]
    )
    dumped = r.model_dump(mode="json", by_alias=True)
    assert dumped["templates"][0]["fields"][0]["ops"][0]["columns"] == ["mail", "alt"]
    assert Recipe.model_validate(dumped) == r


def test_schema_file_is_current() -> None:
    expected = json.dumps(recipe_json_schema(), indent=2, sort_keys=True) + "\n"
    assert SCHEMA.read_text(encoding="utf-8") == expected, "regenerate docs/recipe.schema.json (see docs/recipes.md)"


def test_recipe_from_plan_uses_field_types() -> None:
    from ferry.recipe import recipe_from_plan

    plan = {
        "version": 1,
        "templates": [
            {
                "sheet_id": "c",
                "source": {"file_id": "f1", "sheet_id": "sheet_1"},
                "fields": {"email": {"columns": ["mail"]}, "d": {"columns": ["when"]}},
            }
        ],
    }
    r = recipe_from_plan(plan, [T])
    assert [o.op for o in r.templates[0].fields[0].ops][-1] == "email_normalize"
    assert [o.op for o in r.templates[0].fields[1].ops][-1] == "parse_date"
