"""The language benchmark's side-change check: a change beside the row's own that no row of the table asks for."""

from __future__ import annotations

import pytest

from bench.language.side_changes import TABLE_INSTRUCTIONS, side_changes
from ferry.recipe import Recipe
from ferry.recipe.editor import edit_recipe
from tests.unit.agent.dialogues import CONTACTS, SHEETS
from tests.unit.agent.effects import update_start


def edited(row: int, text: str) -> tuple[Recipe, Recipe | None]:
    start = update_start(row)
    return start, edit_recipe(start, [CONTACTS], SHEETS, text).recipe


@pytest.mark.parametrize("row", sorted(TABLE_INSTRUCTIONS))
def test_the_tables_own_instruction_changes_nothing_beside_its_row(row: int) -> None:
    for text in TABLE_INSTRUCTIONS[row]:
        start, result = edited(row, text)
        assert result is not None
        assert side_changes(start, result) == []


def test_a_second_request_the_table_knows_is_no_side_change() -> None:
    start, result = edited(12, "Lowercase the emails and drop rows without an email.")
    assert result is not None
    assert side_changes(start, result) == []


def test_a_value_no_row_asks_for_is_a_side_change() -> None:
    start, split = edited(6, "Split Full Name into first and last name.")
    assert split is not None
    result = edit_recipe(split, [CONTACTS], SHEETS, "When last_name is empty, set it to 'Unknown'.").recipe
    assert result is not None
    assert side_changes(start, result) == ['+ op last_name {"op": "default", "value": "Unknown"}']


def test_no_change_at_all_has_no_side_change() -> None:
    start = update_start(2)
    assert side_changes(start, None) == []
