"""The examples in docs/recipes.md are true: each op on its input gives the documented output."""

from __future__ import annotations

import json
import re
from pathlib import Path

import polars as pl
import pytest
from pydantic import TypeAdapter

from ferry.engine.ops import apply_op, field_expr
from ferry.recipe import FieldRecipe
from ferry.recipe.model import OP_NAMES, Op

DOC = (Path(__file__).resolve().parents[3] / "docs" / "recipes.md").read_text(encoding="utf-8")
SECTION = DOC[DOC.index("## Examples, one per op") : DOC.index("## Rules")]
CELL = r"`([^`]+)`"
OP_ROWS = re.findall(rf"^\| {CELL} \| {CELL} \| {CELL} \|$", SECTION, flags=re.M)
FIELD_ROWS = re.findall(rf"^\| {CELL} \| {CELL} \|$", SECTION, flags=re.M)
ROW = json.loads(re.search(r"on the row `(.+?)`:", SECTION).group(1))  # type: ignore[union-attr]


def test_every_op_has_an_example() -> None:
    named = {json.loads(op)["op"] for op, _, _ in OP_ROWS} | {
        op["op"] for field, _ in FIELD_ROWS for op in json.loads(field).get("ops", [])
    }
    assert named == set(OP_NAMES)


@pytest.mark.parametrize(("op", "value", "expected"), OP_ROWS)
def test_op_example(op: str, value: str, expected: str) -> None:
    frame = pl.DataFrame({"v": [json.loads(value)]}, schema={"v": pl.String})
    out = frame.select(apply_op(TypeAdapter(Op).validate_python(json.loads(op)), pl.col("v"))).item()
    assert out == json.loads(expected)


@pytest.mark.parametrize(("field", "expected"), FIELD_ROWS)
def test_field_example(field: str, expected: str) -> None:
    frame = pl.DataFrame({k: [v] for k, v in ROW.items()}, schema=dict.fromkeys(ROW, pl.String))
    out = frame.select(field_expr(FieldRecipe.model_validate(json.loads(field)))).item()
    assert out == json.loads(expected)
