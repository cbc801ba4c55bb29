"""A note beside a request sets nothing of its own (found by the language benchmark's side-change check): "a 'van der'
or similar stays stuck to the surname" was read as 'surname: a 'van der', fallback similar stays stuck' and gave
last_name the default "similar stays stuck". A fallback needs a first choice that names a column or a field."""

from __future__ import annotations

import pytest

from bench.language.side_changes import side_changes
from ferry.recipe.editor import edit_recipe
from tests.unit.agent.dialogues import CONTACTS, SHEETS
from tests.unit.agent.effects import check_changes_nothing, check_row, update_start


@pytest.mark.parametrize(
    "text",
    [
        "Split Full Name into first and last name, and a 'van der' or similar stays stuck to the surname.",
        "Cut Full Name in two: first_name and last_name. A 'de' or the like stays with the surname.",
    ],
)
def test_a_particle_note_beside_a_split_sets_no_default(text: str) -> None:
    check_row(6, text)
    start = update_start(6)
    assert side_changes(start, edit_recipe(start, [CONTACTS], SHEETS, text).recipe) == []


@pytest.mark.parametrize(
    "text", ["a 'van der' or similar stays stuck to the surname.", "'Kunde' or similar goes to the status."]
)
def test_a_value_or_similar_is_no_fallback(text: str) -> None:
    check_changes_nothing(text)


@pytest.mark.parametrize(
    ("row", "text"),
    [
        (3, "Work Phone or else Mobile for phone"),  # a first column: the fallback stays
        (3, "the work number, else the mobile"),
        (10, "country: Land, otherwise US"),  # a first column, then a value: the default stays
    ],
)
def test_a_fallback_after_a_named_first_choice_still_applies(row: int, text: str) -> None:
    check_row(row, text)
