"""A change no update row asks for, made beside the row's own (the language benchmark's side-change check).

A row's predicate (tests/unit/agent/effects.py) checks that the row's change is there, not that nothing else
changed: 'Split Full Name … and a 'van der' or similar stays stuck to the surname' split the name and also gave
last_name a default of "similar stays stuck" — a wrong value written silently, which the predicate passed. Every
change is compared as an item (a field's column, a field's op added or removed, a filter, the dedup), by value, not
position; an item that one of the dialogue table's own instructions also makes is a second request the message may
have said ('lowercase the emails and drop rows without one'), not a side change.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from ferry.recipe import Recipe
from ferry.recipe.editor import edit_recipe
from tests.unit.agent.dialogues import CONTACTS, SHEETS, UPDATE_INSTRUCTIONS
from tests.unit.agent.effects import update_start

# The table's own instructions for the rows that change the recipe: not row 4 (Notes is unmapped in the first recipe
# already) nor rows 17-20 (an undo, the template's call, a question back, nonsense).
TABLE_INSTRUCTIONS: dict[int, tuple[str, ...]] = {
    row: texts for row, texts in UPDATE_INSTRUCTIONS.items() if row <= 16 and row != 4
}

Item = tuple[str, ...]


def items(recipe: Recipe) -> set[Item]:
    """The recipe as a set of comparable items: each field's column and ops, each filter, the dedup."""
    out: set[Item] = set()
    for template in recipe.model_dump(mode="json", exclude_none=True)["templates"]:
        for field in template["fields"]:
            out.add(("column", field["field"], str(field.get("column"))))
            out |= {("op", field["field"], json.dumps(_compared(op), sort_keys=True)) for op in field.get("ops", [])}
        out |= {("filter", json.dumps(f, sort_keys=True)) for f in template.get("filters", [])}
        if template.get("dedup"):
            out.add(("dedup", json.dumps(template["dedup"], sort_keys=True)))
    return out


def _compared(op: dict[str, Any]) -> dict[str, Any]:
    """An op as compared: a date's formats are the message's own spelling of its order ('DD-MM-YYYY' or
    'DD/MM/YYYY', both day first), so only the order counts."""
    return {k: v for k, v in op.items() if k != "formats"} if op.get("op") == "parse_date" else op


def changes(start: Recipe, result: Recipe | None) -> set[Item]:
    """What `result` adds to and takes from `start`, item by item."""
    before, after = items(start), items(result) if result is not None else items(start)
    return {("+", *x) for x in after - before} | {("-", *x) for x in before - after}


@functools.cache
def asked_for() -> frozenset[Item]:
    """Every change one of the table's own instructions makes, each on the recipe its row starts from."""
    made: set[Item] = set()
    for row, texts in TABLE_INSTRUCTIONS.items():
        for text in texts:
            made |= changes(update_start(row), edit_recipe(update_start(row), [CONTACTS], SHEETS, text).recipe)
    return frozenset(made)


def side_changes(start: Recipe, result: Recipe | None) -> list[str]:
    """The changes from `start` to `result` that no row of the table asks for, readable ('+ op last_name {…}')."""
    return sorted(" ".join(item) for item in changes(start, result) - asked_for())
