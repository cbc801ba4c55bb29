"""Issue 13, round 12: shapes of a sentence the editor reads since round 12 (`ferry.recipe.editor.idioms.shapes`
and the session): the object before a bare verb and a bare 'not' (non-native word order), chat fillers and chat
spellings, a double negative that cancels and 'wouldn't mind X going somewhere', a prepositional topic pointed at
again, a word moved to the end ('the first row only'), a label before a colon ('Goal:'), a time phrase after a
desired state ('… after the import'), a date given as an example of the order, 'please' in another language, a
judgement of what is there before the correction, context told before the request, rows described with a pronoun
('They have test in Lifecycle, remove those'), a column as the antecedent of 'it' beside two fields, a second
language's closed-class words, and a row named by its number. The phrasings were written for this test; none is a
phrasing of bench/language's corpora."""

from __future__ import annotations

import pytest

from ferry.recipe.editor import edit_recipe

from .dialogues import CONTACTS, SHEETS
from .effects import UPDATE_EFFECTS, check_clarify, update_start

ROUND_12: list[tuple[int, str]] = [
    (2, "Phone please you take from Mobile."),
    (15, "created_at please take from the Signup Date column"),
    (13, "Company take from email domain when Organization is empty."),
    (3, "If Work Phone does not have a number, phone take from Mobile."),
    (4, "Notes column please not import."),
    (12, "emails r all caps lol, lowercase em"),
    (4, "the notes are pointless tbh, drop em"),
    (14, "test rows in Lifecycle r junk ngl, yeet em"),
    (18, "I don't not want the email to be optional."),
    (19, "We wouldn't mind the Notes ending up somewhere."),
    (8, "Would you, for contacts that have no email, please drop them?"),
    (19, "With Notes, could you put them wherever they belong?"),
    (9, "If two contacts have the same email, keep the first row only."),
    (12, "Goal: all emails are lowercase after the import."),
    (16, "Requirement: numbers without a country code are treated as German."),
    (5, "Signup Date is day first, e.g. 05/06/2024 is the fifth of June."),
    (5, "Signup Date (month first) is not right, it is day first."),
    (2, "phone from Work Phone looks wrong, use Mobile instead"),
    (2, "Work Phone is the wrong column for phone, Mobile has the number we need"),
    (14, "We loaded a few fake contacts for a demo. They have test in Lifecycle, please remove those."),
    (6, "Could we get the first name and the last name out of Full Name? Please split it."),
    (14, "Die Zeilen mit test in Lifecycle, don't import them."),
    (5, "In Signup Date the day comes first, por favor read it that way."),
]


@pytest.mark.parametrize(("row", "text"), ROUND_12)
def test_a_round_12_shape_does_what_its_row_requires(row: int, text: str) -> None:
    UPDATE_EFFECTS[row](edit_recipe(update_start(row), [CONTACTS], SHEETS, text))


def test_a_lower_case_fr_that_is_the_country_code_stays_the_value() -> None:
    e = edit_recipe(update_start(10), [CONTACTS], SHEETS, "If Land is empty, set country to fr")
    assert e.changed and e.recipe is not None and "'FR'" in e.summary


def test_context_told_before_the_request_is_said_back_as_a_remark() -> None:
    e = edit_recipe(update_start(12), [CONTACTS], SHEETS, "We run a bike shop in Leipzig. Lowercase the emails.")
    assert e.changed and ("read as a remark" in e.summary or "read as background" in e.summary)


@pytest.mark.parametrize(
    ("row", "question"),
    [(2, "Tell me what is wrong with row number 12."), (2, "What about the 12th row?"), (2, "line no. 12 - why?")],
)
def test_clarify_reads_a_row_named_by_its_number(row: int, question: str) -> None:
    check_clarify(row, question)
