"""Issue 13, round 8: the forms of a message that wrap a command without changing it. British, Australian and Indian
English words for the grammar's verbs ('bin', 'scrap that'), over-polite frames and courtesy conditions, a command
said as the denial of its opposite, a line of the preview quoted back, and small talk beside an instruction: each is
read as the plain command, and what is only a remark changes nothing."""

from __future__ import annotations

import pytest

from ferry.recipe.editor import edit_recipe
from ferry.recipe.editor.courtesy import courteous

from .dialogues import CONTACTS, SHEETS, first_recipe
from .effects import check_row, unchanged

# written for this test before it was first run; none is a phrasing of bench/language's corpora
REGISTER: list[tuple[int, str]] = [
    (4, "Could you kindly bin the Notes column, if that's not too much trouble"),
    (12, "I'd be ever so grateful if you could lowercase the emails"),
    (8, "Contacts with no email are no good, those should be dropped"),
    # not read yet (first run): 'Hope you had a good weekend! Drop the contacts that have no email.' asks what the
    # greeting means ('good' is one of the words a doubt is said with, so the greeting is not taken as a remark)
    (10, "please don't leave the country blank \u2013 just put US"),
    (17, "scrap that"),
    (2, "The line that reads phone \u2190 Work Phone should use the Mobile column"),
    (4, "Quick one: the Notes can be ditched"),
    # a condition opened with 'Given' (acceptance-criteria style) is not the given name (round 10's one misreading)
    (13, "Given the Organization column is empty, take the company from the e-mail domain"),
    (10, "Given that Land is blank, it is US"),
]


@pytest.mark.parametrize(("row", "text"), REGISTER)
def test_a_command_in_another_register_does_what_its_row_requires(row: int, text: str) -> None:
    check_row(row, text)


@pytest.mark.parametrize(
    "message",
    [
        "Cheers, hope the import goes well",
        "Lifecycle test means a real customer for us",  # 'for us' is part of a description, not courtesy
        "Rows with no e-mail are useless, these come from the old system",  # a description: nothing asked
        "thanks a lot mate",
    ],
)
def test_a_remark_changes_nothing(message: str) -> None:
    recipe = first_recipe()
    e = edit_recipe(recipe, [CONTACTS], SHEETS, message)
    unchanged(e)


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        ("Would you be so kind as to drop the Notes?", "drop the Notes?"),
        ("I would be most grateful if you could drop the Notes", "drop the Notes"),
        ("drop the Notes, if that is at all possible", "drop the Notes"),
        ("Don't keep capital letters in the emails", "lowercase the emails"),
    ],
)
def test_a_courtesy_frame_is_taken_off_the_command(typed: str, plain: str) -> None:
    assert courteous(typed) == plain
