"""Issue 13, round 19: the twenty-fifth set's misses, read by class: a preference without its 'of' ('use X instead
Y'); a spreadsheet's IF(ISBLANK(a), b, a) as a fallback (and PROPER() as title case, a formula's leading '=');
a formal verb of removal ('discharge'); a legal definition ('shall mean') with a fronted scope ('For purposes
of the X column, …'); 'whatever's after the @ in their email' as the email's domain; a date order said with 'goes'
('day then month'); and a clarify question naming a field with a complaint ('phones … in a bad format') answered by
that field's invalid values, not the date format. Each phrasing was written for this test and is none of
bench/language's corpora; the near neighbours change nothing or keep their old answer."""

from __future__ import annotations

import pytest

from ferry.recipe.clarify import answer_question
from ferry.recipe.editor import edit_recipe

from .dialogues import CONTACTS, SHEETS
from .effects import check_clarify, check_row, clarify_recipe, make_preview, unchanged, update_start

ROUND_19: list[tuple[int, str]] = [
    (2, "For the phone field take Mobile instead the Work Phone"),
    (3, "=IF(ISBLANK(Work Phone), Mobile, Work Phone)"),
    (3, "phone := if(isblank(Work Phone), Mobile, Work Phone)"),
    (8, "Kindly discharge the contacts that have no e-mail."),
    (11, "With respect to the Land column, 'USA' shall mean US and 'Deutschland' shall mean DE."),
    (11, "As regards Land, USA shall be deemed to mean US and Deutschland shall mean DE."),
    (13, "Organization empty? Then the company is whatever comes after the @ in their email."),
    (13, "If Organization is blank, company is whatever's after the @ in his email."),
    (5, "Signup Date runs day then month then year"),
    (5, "the signup dates go day, month, year"),
]


@pytest.mark.parametrize(("row", "text"), ROUND_19)
def test_a_round_19_class_does_what_its_row_requires(row: int, text: str) -> None:
    check_row(row, text)


def test_proper_of_a_field_is_title_case() -> None:
    e = edit_recipe(update_start(12), [CONTACTS], SHEETS, "last_name = PROPER(last_name)")
    assert e.changed and "title-cased" in e.summary, e.summary


# near neighbours: the same forms with nothing the editor can do, or nothing to apply
UNCHANGED_19: list[tuple[int, str]] = [
    (3, "phone = IFERROR(Work Phone, Mobile)"),  # an error is not an empty cell: asked
    (3, "phone = IF(ISBLANK(Work Phone), Work Phone, Mobile)"),  # branches the wrong way round: asked
    (3, "phone = IF(LEN(Work Phone) > 6, Work Phone, Mobile)"),  # another test: asked
    (2, "instead"),  # the word alone
    (11, "For purposes of this import, nothing shall mean anything."),  # a scope with no value pairs
    (5, "the signup date goes somewhere"),  # 'goes' without an order of date parts
]


@pytest.mark.parametrize(("row", "text"), UNCHANGED_19)
def test_a_near_neighbour_changes_nothing(row: int, text: str) -> None:
    e = edit_recipe(update_start(row), [CONTACTS], SHEETS, text)
    unchanged(e)


@pytest.mark.parametrize(
    "question",
    ["Which phone numbers are in a bad format?", "Do many phones have an invalid format?"],
)
def test_a_field_named_with_a_complaint_gets_its_invalid_values(question: str) -> None:
    check_clarify(7, question)


@pytest.mark.parametrize(
    "question", ["Which format is assumed for the dates?", "Is the signup date format wrong?", "What format is used?"]
)
def test_a_date_format_question_keeps_the_date_answer(question: str) -> None:
    check_clarify(6, question)


def test_a_phone_format_question_is_not_answered_with_dates() -> None:
    recipe = clarify_recipe("base")
    answer = answer_question(recipe, [CONTACTS], make_preview(recipe, None), "How many phones have a broken format?")
    assert "DD/MM" not in answer and "MM/DD" not in answer and "phone" in answer, answer
