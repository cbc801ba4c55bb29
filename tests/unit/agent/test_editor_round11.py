"""Issue 13, round 11: forms of wording the editor reads since round 11
(`ferry.recipe.editor.idioms.registers`): a legal
register's filler ('hereby') and withdrawal ('the last edit is revoked'), a requirement said of the records it holds
for, 'make X not obligatory', 'you will want (to) …', a place left open ('wherever they fit', 'any field is fine'),
a fronted topic wanted in a place, a non-native 'with X no have', 'rows must stay in the import', 'rows share an X
… only the first is kept', a source corrected mid-sentence ('from A - no wait, from B'), examples given as the value
map ('X values, e.g. A -> B') or as the column ('from a source column, e.g. Y'), a Spanish 'si … está vacío' and a
non-native 'divide on first and last name'. The phrasings were written for this test; none is a phrasing of
bench/language's corpora."""

from __future__ import annotations

import pytest

from ferry.recipe.editor import edit_recipe

from .dialogues import CONTACTS, SHEETS
from .effects import UPDATE_EFFECTS, update_start

ROUND_11: list[tuple[int, str]] = [
    (4, "The Notes field is hereby removed from the import."),
    (18, "E-mail should not be mandatory for the records"),
    (18, "make e-mail not obligatory"),
    (19, "You'll want to put Notes somewhere, I don't care where"),
    (15, "You'll want created_at to take its value from Signup Date"),
    (19, "Notes, we want them in some field, whichever field is fine"),
    (8, "Rows with e-mail no have, remove them"),
    (1, "If a contact has no email, build it from the website domain, but the rows must remain in the import."),
    (9, "If several contacts share the same email, only the first one should be kept."),
    (17, "Retract the previous edit"),
    (17, "The last modification is hereby revoked."),
    (2, "phone should come from Work Phone... wait, make that from Mobile"),
    (7, "Recode the Lifecycle values, for instance Kunde -> customer and Interessent -> lead"),
    (11, "Land should use country codes, e.g. Deutschland -> DE, USA -> US"),
    (15, "Fill created_at from some column, for example Signup Date"),
    (10, "Si Country está vacía, use US"),
    (6, "Full Name has to be separated in first and last name"),
    (3, "You will want Mobile whenever Work Phone is blank"),
]


@pytest.mark.parametrize(("row", "text"), ROUND_11)
def test_a_round_11_form_does_what_its_row_requires(row: int, text: str) -> None:
    UPDATE_EFFECTS[row](edit_recipe(update_start(row), [CONTACTS], SHEETS, text))
