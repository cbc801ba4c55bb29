"""Issue 13, round 17: the bag reading (`editor/bag.py`), a whole message no clause reading understood read from the
names it holds and one relation word of a family, in any order and with any filler around them; the checks that
turn the hunt's leftovers into questions (`fit.object_missed`, `fit.or_unordered`, `fit.two_topics`); a reason
said of people after the request ('not everyone gives one', `context.is_trailing_reason`); an off-topic question
(`api._off_topic`); and two clarify notions (a contracted negation said in full, pseudo-code asking 'X == ?').
Each phrasing was written for this test and is none of bench/language's corpora."""

from __future__ import annotations

import pytest

from ferry.recipe.editor import edit_recipe

from .dialogues import CONTACTS, SHEETS, first_recipe
from .effects import check_row, update_start

ROUND_17: list[tuple[int, str]] = [
    (12, "Scrub the uppercase out of the emails, lower case only."),
    (12, "The emails keep arriving in capitals from the web form. Make them lowercase from now on."),
    (9, "Two sign-ups with one email happen a lot; the first one should stay."),
    (9, "contacts.drop_duplicates(subset='email', keep='first')"),
    (4, "Notes column, totally irrelevant for this import, leave it out."),
    (4, "That Notes column we don't need, skip it please."),
    (5, "Signup Date: day before month, please parse it that way."),
    (8, "Please delete the rows which are not having an email address."),
    (8, "No email, no deal: kick those rows out."),
    (10, "If people didn't fill in the country, just mark them as US."),
    (15, "created_at is really the Signup Date column, map it."),
    (16, "Phone numbers are all German, except where they come with a country code."),
    (17, "Hmm, that wasn't what I meant, can you put it back?"),
    (17, "svn revert that"),
    (3, "When work phone no get number, make you take the mobile."),
    (3, "phone: the work line, or the mobile one if there isn't any"),
    (19, "Notes keep in whatever field you pick."),
    (18, "Could email be optional? Not everybody provides one."),
    (20, "Has anybody fixed the printer on the second floor?"),
]


@pytest.mark.parametrize(("row", "text"), ROUND_17)
def test_a_round_17_mechanism_does_what_its_row_requires(row: int, text: str) -> None:
    check_row(row, text)


def test_a_bag_reading_says_how_it_read_the_message() -> None:
    # a reading from the names alone never passes unseen: the summary names the command it was read as
    e = edit_recipe(update_start(12), [CONTACTS], SHEETS, "Scrub the uppercase out of the emails, lower case only.")
    assert e.changed and "I read the message as \u201clowercase email\u201d" in e.summary


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Set the email domain to the Organization", "the message sets email"),
        ("Default the country to US if the phone starts with +1", "the message sets country"),
        ("Notes or Organization for company", "comes first for company"),
        ("Mobile and Work Phone: use it", "could be about 'Mobile' or 'Work Phone'"),
    ],
)
def test_the_hunts_leftovers_ask_and_say_why(text: str, why: str) -> None:
    e = edit_recipe(first_recipe(), [CONTACTS], SHEETS, text)
    assert e.question is not None and why in e.question.question and not e.changed


def test_a_set_command_on_the_field_it_changes_and_an_or_with_the_own_column_first_still_apply() -> None:
    for text in ("Set company to the email domain", "Organization or the e-mail's domain for company"):
        assert edit_recipe(first_recipe(), [CONTACTS], SHEETS, text).changed, text
