"""Issue 13, round 22: the twenty-seventh set's misses, read by class: a bare 'no' before a verb as its negation
('no delete them'), never the verb itself; a hedge of understatement around a request ('might as well be', "I'd
rather X didn't …", 'it wouldn't hurt if …', 'I gather', a doubt about one column with a better one after it); a wish
relayed for someone else ('X asked me to let you know that …', 'X requests that … be …', an honorific's full stop);
a ticket's or commit's prefix ('Story: as the …, … I want …, so …', 'refactor(scope): …'); a notice frame ('Do note:
…'); a naval 'belay'. Each phrasing was written for this test and is none of bench/language's corpora (each fails on
the code before); the near neighbours change nothing or keep their old meaning."""

from __future__ import annotations

import pytest

from ferry.recipe.editor import edit_recipe
from ferry.recipe.editor.wrappers import unwrapped

from .dialogues import CONTACTS, SHEETS
from .effects import check_row, unchanged, update_start

ROUND_22: list[tuple[int, str]] = [
    # a hedge of understatement around the request
    (7, "Kunde and Interessent are, I gather, customer and lead."),
    (2, "I'm not convinced Work Phone is the right source for phone; Mobile would do better."),
    (10, "Empty countries might as well be US."),
    (14, "We'd rather the test rows in Lifecycle weren't imported."),
    (14, "I'd sooner the Lifecycle test rows didn't tag along."),
    (18, "It wouldn't hurt if email weren't mandatory."),
    (4, "It would be a shame if the Notes column were imported."),  # a refusal: Notes stays out
    # a wish relayed for someone else, with an honorific's full stop inside the sentence
    (4, "Dr. Weiss has asked me to let you know that the Notes column should stay out of the import."),
    (4, "Hi team, Ms. Okafor asked me to pass on that the Notes column should stay out of the import."),
    (14, "Please note Dr. Ito requests that rows whose Lifecycle is test be left out."),
    # a ticket's or commit's prefix
    (13, "Story: as the finance lead, when Organization is empty I want the company taken from the email domain, "
         "so nothing stays blank."),
    (6, "refactor(names): split Full Name into first and last name"),
    # a notice before a statement; a naval undo
    (5, "Do note: Signup Date is written day first."),
    (17, "Belay my last change."),
    (17, "Belay the last change, over."),
]  # fmt: skip


@pytest.mark.parametrize(("row", "text"), ROUND_22)
def test_a_round_22_class_does_what_its_row_requires(row: int, text: str) -> None:
    check_row(row, text)


# a bare 'no' (or 'never', "don't") before a removal verb denies it: the rows are kept, never dropped
DENIED_REMOVALS = [
    "Contacts without email, no delete them.",
    "Contacts without email: no delete.",
    "Contacts without email, never remove them.",
]


@pytest.mark.parametrize("text", DENIED_REMOVALS)
def test_a_denied_removal_never_drops_the_rows(text: str) -> None:
    e = edit_recipe(update_start(8), [CONTACTS], SHEETS, text)
    unchanged(e)


def test_a_bare_no_before_a_verb_is_its_negation() -> None:
    assert unwrapped("make one from the website domain, no delete them") == (
        "make one from the website domain, do not delete them"
    )
    assert unwrapped("no import the Website column") == "do not import the Website column"
    assert unwrapped("Contacts without email: no delete.") == "Contacts without email: do not delete them."
    # a reply 'No,' before a command, 'no' before a noun, and 'no import' with no object are left alone
    assert unwrapped("No, delete the rows without email.") == "No, delete the rows without email."
    assert unwrapped("rows with no email") == "rows with no email"
    assert unwrapped("no email, no import") == "no email, no import"


def test_a_hedge_keeps_its_polarity() -> None:
    assert unwrapped("I'd rather you didn't import the Notes.") == "don't import the Notes."
    assert unwrapped("I'd rather the Notes were kept.") == "the Notes should be kept."
    assert unwrapped("It would be a pity if the test rows were dropped.") == "the test rows should not be dropped."
    assert unwrapped("It would be no tragedy if the test rows were dropped.") == "the test rows should be dropped."
    assert unwrapped("I'd rather not import the Notes.") == "I'd rather not import the Notes."  # left to the reader


def test_a_story_needs_a_persons_role() -> None:
    said = "As a fallback, I want Mobile used, so calls get through."  # a role of a column, not a story's
    assert unwrapped(said) == said
    assert unwrapped("Story: as an auditor, I want the Notes kept, so nothing is lost.") == "I want the Notes kept."


def test_a_denial_or_a_question_relays_no_wish() -> None:
    for said in ("Nobody asked me to drop the Notes.", "Who asked me to drop the Notes?"):
        assert unwrapped(said) == said
    assert unwrapped("Dr. Ito asked me to drop the Notes.") == "drop the Notes."


def test_the_near_neighbour_reply_still_deletes() -> None:
    check_row(8, "No, delete the rows without email.")  # 'No,' is a reply before the command, no negation of it


# near neighbours: the same frames around nothing the editor can do, or a refusal of a change
UNCHANGED_22: list[tuple[int, str]] = [
    (6, "I'd rather the Full Name weren't split."),  # a refusal: never the split
    (12, "It would be a shame if email were lowercased."),  # a refusal: never the lower-casing
    (4, "Ms. Okafor asked me to pass on that the coffee machine is broken."),
    (4, "as the ops lead, I want coffee, so that I stay awake"),
    (4, "Kindly note the weather is nice."),
    (17, "belay"),
    (4, "fix(ui): the button is blue"),
]


@pytest.mark.parametrize(("row", "text"), UNCHANGED_22)
def test_a_near_neighbour_changes_nothing(row: int, text: str) -> None:
    e = edit_recipe(update_start(row), [CONTACTS], SHEETS, text)
    unchanged(e)
