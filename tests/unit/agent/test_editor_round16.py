"""Issue 13, round 16: mechanisms that read wordings nobody listed, each said in wordings written for this test (none
is a phrasing of bench/language's corpora): a trailing thank-you or tag in any language after a comma, a leading
interjection, a field said to come from a column with a verb of its own, a pronoun said with a noun that names
nothing, described rows removed in the passive or taken off a container, the object before a verb of removal, a
value 'the same in many rows', a user story's frame, a column said to hold a field's values, the progressive for
the passive before a date order, a value put 'there', a go-ahead to read as said, a phone region said with any
verb before 'by default', and the clarify notions of rows pulled off the load and columns not coming in
(`editor/idioms/general.py`, `adjuncts.trailing_word`, `asides.py`, `phone.py`, `fallback.py`,
`recipe/clarify_notions.py`)."""

from __future__ import annotations

import pytest

from ferry.recipe.editor import edit_recipe

from .dialogues import CONTACTS, SHEETS
from .effects import check_row, update_start

ROUND_16: list[tuple[int, str]] = [
    (16, "Numbers lacking a country code are German; treat them as DE, tack."),
    (15, "created_at should be pulled from Signup Date, tack."),
    (12, "Lowercase every email, gracias."),
    (17, "argh, undo that"),
    (17, "oops, revert that please"),
    (15, "created_at should be derived from Signup Date."),
    (15, "created_at is from the Signup Date column."),
    (13, "Company comes from Organization, and when that thing is empty, from the email's domain."),
    (14, "Rows with Lifecycle = test get filtered out."),
    (8, "Contacts without an email address are useless; strike them from the list."),
    (8, "Pull the rows without an email out of the batch."),
    (9, "Email is the same in several rows; keep the first row, the rest remove."),
    (9, "Remove duplicate emails and hang on to the earliest one."),
    (5, "Story: As an analyst, I read Signup Date as day/month/year."),
    (15, "Signup Date stores the created_at values."),
    (5, "Signup Date is formatting day/month/year."),
    (10, "Country blank should be US, so set US there."),
    (16, "Numbers with no country code are filed under Germany by default."),
    (5, "Signup Date is day first, please read it that way."),
    (2, "I prefer the cell numbers over the desk phones for phone."),
]


@pytest.mark.parametrize(("row", "text"), ROUND_16)
def test_a_round_16_mechanism_does_what_its_row_requires(row: int, text: str) -> None:
    check_row(row, text)


def test_a_pronoun_after_phone_numbers_with_no_country_code_never_sets_an_empty_country() -> None:
    for text in ("Numbers with no country code are German, read them as DE.", "Phones without a country code: DE."):
        e = edit_recipe(update_start(16), [CONTACTS], SHEETS, text)
        assert e.recipe is not None
        country = next(f for t in e.recipe.templates for f in t.fields if f.field == "country")
        assert "DE" not in country.model_dump_json(), text


def test_an_interjection_before_an_undo_is_no_instruction_left_unapplied() -> None:
    recipe = update_start(17)
    first = edit_recipe(recipe, [CONTACTS], SHEETS, "Split Full Name into first and last name.")
    assert first.recipe is not None
    e = edit_recipe(first.recipe, [CONTACTS], SHEETS, "ugh, undo that")
    assert e.revert and "other instructions" not in e.summary


@pytest.mark.parametrize(
    "text", ["company = Organization or domain(E-mail)", "company is Organization or the e-mail's domain"]
)
def test_a_column_or_the_email_domain_keeps_the_column_first(text: str) -> None:
    # 'A or the domain of B' is a fallback: the domain fills A's gaps (row 13), it never replaces A
    check_row(13, text)


def test_another_column_or_the_email_domain_asks_which_first() -> None:
    # Organization feeds company: 'Website or domain(E-mail)' names two new sources and not which wins
    e = edit_recipe(update_start(13), [CONTACTS], SHEETS, "company = Website or domain(E-mail)")
    assert e.question is not None and e.recipe is None
