"""The cheap paths of the single-cell rules (issue 16) decide exactly as the plain checks they shortcut."""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from ferry.core.domain import TemplateField
from ferry.engine.rules import rule_expr


def rules(field: dict[str, object], values: Sequence[str | None]) -> list[str | None]:
    f = TemplateField.model_validate({"key": "v", **field})
    frame = pl.DataFrame({"v": values}, schema={"v": pl.String})
    return frame.select(rule_expr(f, unique=False)).to_series().to_list()


def test_enum_matches_listed_spelling_other_case_and_rejects_the_rest() -> None:
    values = ["Gold", "GOLD", "gold", "Ärger", "ÄRGER", "Silver ", "Mars", None, "  ", "Gold"]
    got = rules({"type": "enum", "values": ["Gold", "Ärger"], "required": True}, values)
    assert got == [None, None, None, None, None, "enum", "enum", "required", "required", None]


def test_enum_column_with_only_listed_spellings_and_nulls() -> None:
    assert rules({"type": "enum", "values": ["A", "B"]}, ["A", None, "B"]) == [None, None, None]


def test_enum_column_with_no_listed_spelling() -> None:
    assert rules({"type": "enum", "values": ["A", "B"]}, ["a", "c", "b"]) == [None, "enum", None]


def test_date_checks_the_day_exists_for_many_repeated_values() -> None:
    values = ["2020-02-29", "2021-02-29", "2021-04-31", "2021-13-01", "2021-1-01", "20201-01-1"] * 50
    got = rules({"type": "date"}, values)
    assert got == [None, "type", "type", "type", "type", "type"] * 50


def test_datetime_still_checks_the_date_part() -> None:
    values = ["2020-02-29T10:00:00Z", "2021-02-29T10:00:00Z"]
    assert rules({"type": "datetime"}, values) == [None, "type"]


def test_boolean_takes_only_the_two_lower_case_words() -> None:
    values = ["true", "false", "True", "FALSE", "yes", "1", None, " "]
    assert rules({"type": "boolean"}, values) == [None, None, "type", "type", "type", "type", None, None]
