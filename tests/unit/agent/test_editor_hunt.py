"""Issue 13, the hunt for misapplied readings: the near neighbours of the messages that changed the recipe wrongly
(tests/unit/agent/test_editor_probes.py, PROBES_HUNT) must still do their row's effect, so the narrowed checks
(`ferry.recipe.editor.fit`: a denial with 'would', rows picked by place, a named column the change does not use,
values that cannot fit the field, a partial undo) take out only the wrong readings."""

from __future__ import annotations

import pytest

from ferry.recipe.editor import edit_recipe

from .dialogues import CONTACTS, SHEETS, first_recipe
from .effects import check_row


@pytest.mark.parametrize(
    ("row", "text"),
    [
        (8, "Drop rows without an email"),
        (8, "if email != null keep the row"),
        (8, "if email is empty then drop the row"),
        (12, "Can you lowercase the emails?"),
        (2, "phone = Mobile"),
        (3, "phone = Work Phone ?? Mobile"),
        (3, "Use Mobile when Work Phone is empty"),
        (13, "If Organization is empty, use the email domain for company"),
        (10, "Please use US as the country when none is given"),  # 'none' is no naming of the Notes column
        (14, "Drop rows where Lifecycle is test"),
        (7, "Kunde means customer and Interessent means lead"),
        (6, "Split Full Name into first and last name"),
        (1, "When the email is missing, use info@ plus the website domain"),
        (9, "Keep only the first row per email"),
        (17, "Undo the last change"),
        (17, "cancel what you just did"),
    ],
)
def test_a_near_neighbour_of_a_hunted_message_still_does_its_row(row: int, text: str) -> None:
    check_row(row, text)


@pytest.mark.parametrize(
    ("message", "why"),
    [
        ("Default the country to US for the first 10 rows", "cannot limit a change"),
        ("Email from Website or Organization", "'Organization', which that change does not use"),
        ("Company from Signup Date", "holds created_at values"),
        ("Company from Land", "holds country values"),
        ("Split the Organization into first and last name", "does not hold people's names"),
        ("Put +49 in front of the country", "text around them does not fit"),
        ("Combine Mobile and Work Phone into phone", "does not give one value"),
        ("Map Lead to customer", "not one the file holds"),
        ("Drop rows where Lifecycle is Mobile", "the name of a column"),
        ("Take the domain from Organization for email", "no web or e-mail address"),
    ],
)
def test_a_hunted_reading_asks_and_says_why(message: str, why: str) -> None:
    e = edit_recipe(first_recipe(), [CONTACTS], SHEETS, message)
    assert e.question is not None and why in e.question.question and not e.changed, e.summary


def test_a_literal_format_or_keep_policy_in_code_is_still_applied() -> None:
    e = edit_recipe(first_recipe(), [CONTACTS], SHEETS, "dedup(email, keep=last)")
    assert e.changed and e.recipe is not None and e.recipe.templates[0].dedup is not None
    assert e.recipe.templates[0].dedup.keep == "last"


# Issue 13, the second hunt: plain commands (with a ', no …' idiom, a typo, a request said as a question, a time
# turned to now) that must still apply after the bag reading learned to leave questions, other times, reports and
# suppositions alone (`editor/bag.py` `not_a_request`, `editor/fit.py` `not_now`).
@pytest.mark.parametrize(
    ("row", "text"),
    [
        (12, "lowercase the emails, don't dedupe them"),
        (8, "drop rows without email, not the ones without phone"),
        (12, "Lowercase the emals"),
        (2, "Map Mobil to phone instead of Work Phone"),
        (9, "dedupe on mail keeping the first"),
        (8, "drop rows without email, no questions asked"),
        (9, "keep the first row for each email, no duplicates"),
        (12, "No problem, lowercase the emails"),
        (5, "no worries, Signup Date is day first"),
        (12, "all emails in small letters please"),
        (12, "email addresses: lowercase them"),
        (9, "dupes by email, first one stays"),
        (9, "one row per email, the first one wins"),
        (8, "get rid of rows with no email"),
        (3, "if no work phone, grab the mobile"),
        (10, "missing country means US"),
        (15, "Signup Date feeds created_at"),
        (17, "revert pls"),
        (19, "Put the notes in some field"),
        (12, "The emails came in with capitals last time; this time make them lowercase"),
        (17, "Hmm, that was not right, could you put it back how it was?"),
        (9, "Same email twice? First one makes the team, the others get cut"),
        (12, "Emails all lower case, no capital letters on the menu"),
    ],
)
def test_a_plain_command_beside_the_second_hunt_still_does_its_row(row: int, text: str) -> None:
    check_row(row, text)
