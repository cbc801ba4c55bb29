"""Issue 13, round 14: mechanisms that read wordings nobody listed (`ferry.recipe.editor.adjuncts`, the frames in
`ferry.recipe.editor.idioms.frames`, and the asides about the speaker in `ferry.recipe.editor.asides`), each said in
wordings written for this test: a trailing place or time phrase that names nothing, a leading frame of belief, an
aside about the speaker, a wish for the reader, a check and a go-ahead beside the command, a command split over two
sentences, the object before 'do not', a source said with a copula, a purpose clause, a convention followed, a
container noun for a field, an undo said as a return or a keystroke, and a bullet that only says what the source is
not. None is a phrasing of bench/language's corpora."""

from __future__ import annotations

import pytest

from ferry.recipe.editor import edit_recipe

from .dialogues import CONTACTS, SHEETS
from .effects import check_row, update_start

ROUND_14: list[tuple[int, str]] = [
    (4, "The Notes column ought to be withdrawn from what we bring over."),
    (8, "Contacts with no email should be removed during the upload."),
    (18, "email should be an optional field within the template, rather than a mandatory one"),
    (15, "I reckon the created_at slot should get Signup Date."),
    (3, "I'm new to all this. If Work Phone is blank, please use Mobile."),
    (10, "Hope your week is going well. When country is empty, put US."),
    (12, "Lowercase all the emails. Does that make sense? Go ahead."),
    (14, "First, select the rows where Lifecycle is test.\nThen drop them."),
    (4, "The Notes column does not import, please."),
    (15, "created_at has to be taken from Signup Date."),
    (13, "If Organization is empty, use the email domain to fill company."),
    (5, "Signup Date adheres to the day/month/year convention."),
    (17, "return to the earlier version please"),
    (17, "oops, that was a blunder, cmd+z"),
    (2, "* phone: from Mobile\n* not Work Phone"),
    (19, "Pick a spot for Notes somewhere in the new system."),
    # an apology before a colon is courtesy, never a value (dev17 once read 'Sorry' as company's default)
    (13, "Apologies for the back and forth: when Organization is empty, take company from the email's domain."),
    (4, "Sorry to bother you, leave Notes out of the import."),
]


@pytest.mark.parametrize(("row", "text"), ROUND_14)
def test_a_round_14_mechanism_does_what_its_row_requires(row: int, text: str) -> None:
    check_row(row, text)


def test_an_aside_about_the_speaker_is_said_back_as_a_remark() -> None:
    e = edit_recipe(update_start(12), [CONTACTS], SHEETS, "I'm not very techy. Lowercase the emails.")
    assert e.changed and "remark" in e.summary
