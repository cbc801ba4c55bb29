"""Field rules: one parametrised case per rule, plus ordering and case-insensitive uniqueness."""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest

from ferry.core.domain import Template, TemplateField
from ferry.engine.rules import cell_errors, rule_expr


def check(field: dict[str, Any], values: list[str | None]) -> list[str | None]:
    f = TemplateField.model_validate({"key": "v", **field})
    return pl.DataFrame({"v": values}, schema={"v": pl.String}).select(rule_expr(f)).to_series().to_list()


CASES: list[tuple[dict[str, Any], list[str | None], list[str | None]]] = [
    ({"type": "string", "required": True}, ["x", None, "  "], [None, "required", "required"]),
    ({"type": "string"}, [None, "x"], [None, None]),
    ({"type": "integer"}, ["12", "-3", "1.5", "x"], [None, None, "type", "type"]),
    ({"type": "number"}, ["1.5", "-2", "1e5", "1,5"], [None, None, None, "type"]),
    ({"type": "boolean"}, ["true", "false", "yes"], [None, None, "type"]),
    ({"type": "date"}, ["2020-02-29", "2021-02-29", "12/31/2020"], [None, "type", "type"]),
    ({"type": "datetime"}, ["2020-01-01T10:00:00Z", "2020-01-01T10:00:00+02:00", "2020-01-01"], [None, None, "type"]),
    ({"type": "email"}, ["o'neil@x.com", "a b@x.com", "a@x"], [None, "type", "type"]),
    ({"type": "phone"}, ["+14155550123", "4155550123"], [None, "type"]),
    ({"type": "url"}, ["https://x.org/a?b", "x.org"], [None, "type"]),
    ({"type": "enum", "values": ["Active", "Closed"]}, ["Active", "active", "open"], [None, None, "enum"]),
    ({"type": "string", "pattern": "^[A-Z]{2}$"}, ["US", "usa"], [None, "pattern"]),
    # Look-around is refused at the template (issue 15); a nested quantifier runs on the linear-time engine.
    ({"type": "string", "pattern": "^(A+)+$"}, ["AA", "B"], [None, "pattern"]),
    ({"type": "integer", "min": 0, "max": 10}, ["0", "-1", "11", "10"], [None, "min", "max", None]),
    ({"type": "number", "min": 0.5}, ["0.4", "0.5"], ["min", None]),
    ({"type": "string", "min": 2, "max": 3}, ["a", "ab", "abcd"], ["min_length", None, "max_length"]),
    ({"type": "integer", "max": 10}, ["x"], ["type"]),  # type is reported before max
    ({"type": "string", "unique": True}, ["A", "a", "b", None, None], [None, "unique", None, None, None]),
    ({"type": "email", "unique": True}, ["X@y.com", "x@Y.com"], [None, "unique"]),
    ({"type": "phone", "unique": True}, ["+14155550123", "+14155550123"], [None, "unique"]),
]


@pytest.mark.parametrize(("field", "values", "expected"), CASES)
def test_rule(field: dict[str, Any], values: list[str | None], expected: list[str | None]) -> None:
    assert check(field, values) == expected


def test_cell_errors_shape() -> None:
    t = Template.model_validate(
        {
            "name": "T",
            "sheet_id": "t",
            "fields": [{"key": "email", "type": "email", "required": True}, {"key": "age", "type": "integer"}],
        }
    )
    df = pl.DataFrame({"_row": [3, 7], "email": [None, "a@b.co"], "age": ["1", "x"]})
    assert cell_errors(df, t) == [
        {"row": 3, "column": "email", "rule": "required", "value": None},
        {"row": 7, "column": "age", "rule": "type", "value": "x"},
    ]
