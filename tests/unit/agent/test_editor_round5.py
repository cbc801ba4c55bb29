"""Issue 13, round 5: kinds of wording the fifth dev set (written before the round) failed on, each read through a
mechanism rather than a rule per wording, with phrasings that appear in no corpus: a letter's frame (a greeting and
a sign-off), a speaker's 'you' before the verb, a trailing time phrase, 'no more from X' for 'instead of X', a list
trailing off in 'etc', a fronted object before what the speaker wants done with it, a swap said 'X out, Y in', a
fallback after 'if there's none', 'import them that way' after a described format, a reason after the instruction
('many contacts don't have one'), and for clarify an ordinal row and 'dup' for duplicate."""

from __future__ import annotations

import pytest

from ferry.recipe.editor import edit_recipe
from ferry.recipe.editor.lexicon import canonical

from .dialogues import CONTACTS, SHEETS
from .effects import UPDATE_EFFECTS, check_clarify, update_start

SAID: list[tuple[int, str]] = [
    (13, "Hello Ferry team, when Organization is empty please derive the company from the e-mail domain. Regards, Tom"),
    (12, "Good morning all, the e-mail addresses have to be lowercase. Cheers"),
    (6, "please you split the Full Name in first and last name"),
    (2, "phone should come from Mobile going forward"),
    (2, "phone must read from Mobile and no longer from Work Phone"),
    (16, "numbers without +49, +33 etc are German"),
    (4, "The Notes we do not want to take, they are private."),
    (2, "Work Phone out, Mobile in"),
    (3, "take Work Phone, and if there is nothing then the Mobile"),
    (5, "Signup Date values come from our Dublin office, so 04/05/2024 means the 4th of May. Read them that way."),
    (18, "Please make email optional. Some contacts have no address at all."),
]


@pytest.mark.parametrize(("row", "text"), SAID)
def test_a_kind_of_wording_dev5_failed_on_does_what_its_row_requires(row: int, text: str) -> None:
    UPDATE_EFFECTS[row](edit_recipe(update_start(row), [CONTACTS], SHEETS, text))


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("divide Full Name", "split Full Name"),
        ("reads from Mobile and no more from Work Phone", "reads from Mobile instead of Work Phone"),
        ("phones without +49 etc are german", "phones without +49 are german"),
        ("The notes we don't want to import", "don't import The notes"),
        ("The Notes I want to keep", "keep The Notes"),
        ("Work Phone out, Mobile in for phone", "use Mobile instead of Work Phone for phone"),
    ],
)
def test_the_lexicon_reads_the_new_kinds(typed: str, said: str) -> None:
    assert canonical(typed) == said


def test_a_trailing_reason_is_never_read_alone_as_an_instruction() -> None:
    e = edit_recipe(update_start(1), [CONTACTS], SHEETS, "Many contacts don't have one")
    assert not e.changed and e.question is not None  # alone it is a description: asked about, nothing changed


@pytest.mark.parametrize(
    ("row", "question"), [(2, "What is the problem with the 12th row?"), (5, "dup e-mails: what then?")]
)
def test_clarify_reads_an_ordinal_row_and_dup(row: int, question: str) -> None:
    check_clarify(row, question)
