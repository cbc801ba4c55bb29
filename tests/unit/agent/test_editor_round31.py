"""Issue 13, round 31: the thirty-eighth set's misses, read by class: a column said over line breaks and referred back
to as 'it' ('The X column … — leave it out of the import, let nothing through') is a column not imported, never a
row filter; figures of new voices (rows that arrive without X, rows cut or cast out, a last change stood down on or
judged before an undo, 'let X be optional', a rope loosened, a guest list, a field without a source, an enclosure, a
split bucked into lengths, a particle that stays with the last name, a column not to be forgotten); a therapist's
framings; Tamil speakers' tags; clarify's journeys ('travelling into', 'left behind'); and the one negation guard
of every figure module. Each phrasing was written for this test and is none of bench/language's corpora; the near
neighbours change nothing."""

from __future__ import annotations

import re

import pytest

from ferry.recipe.editor.negation_guard import NEGATED_RE, unless_negated
from ferry.recipe.editor.scene_figures import scene_figured

from .effects import check_changes_nothing, check_clarify, check_row

ROUND_31: list[tuple[int, str]] = [
    # a column said over line breaks, then 'it': the column, not rows
    (4, "The Notes column dozes —\nleave it out of the import,\nlet nothing slip through."),
    (4, "The old Notes column —\nleave it out of the import,\nlet not a word get through."),
    (4, "The Internal column of Notes dreams —\nleave it out of the import,\nlet no line cross over."),
    # rows that arrive without something
    (1, "A few records showed up without an E-mail. Don't drop them: build them an address from the Website domain."),
    (13, "Several contacts arrived without an Organization. For those, take company from the email's domain."),
    (10, "Any contact who wandered in with no country, make them US."),
    # rows cut or cast out
    (14, "Rows whose Lifecycle is test are not of our herd. Drive them out of the import."),
    (14, "Every record where Lifecycle says test: kick them out of the corral."),
    # a last change stood down on, or judged before an undo
    (17, "Call off the previous change."),
    (17, "My last edit was a mistake —\nrevert it, please."),
    # optional
    (18, "Let email be optional from now on."),
    (18, "Ease the reins on email, please."),
    (18, "What if we let email be optional? I think that is what we need."),
    # a guest list, a field with no source
    (2, "Work Phone is not on the list for phone today. Mobile is."),
    (15, "created_at was left without a source. Give it Signup Date."),
    # an enclosure
    (4, "Notes remains in its pen: do not let it out into the import."),
    # a split bucked into lengths; a particle staying with the last name
    (6, "Saw Full Name into two pieces, first_name and last_name. The blade goes in just before the last word."),
    (6, "Split Full Name into first_name and last_name; a 'de' or 'van' sticks to the surname."),
    # a column not to be forgotten
    (19, "Notes must not be lost. Give them a home in any field you like."),
    # asides: a vocative, a musing, what rows with one keep, a tag
    (12, "Emails arrive in capitals, and I wonder why that is. Please lowercase them."),
    (12, "Friends, make every email lowercase."),
    # a row's fate at the door
    (9, "Same email twice? The earliest row gets in; every later one gets shown the door."),
    (11, "Land: Deutschland is DE and USA is US, na."),
]  # fmt: skip


@pytest.mark.parametrize(("row", "text"), ROUND_31)
def test_a_round_31_class_does_what_its_row_requires(row: int, text: str) -> None:
    check_row(row, text)


# a row filter said over line breaks or with 'it' for a row keeps filtering
ROW_FILTERS: list[str] = [
    "Rows with no email —\nleave them out of the import.",
    "If a contact has no email, leave it out of the import.",
    "Records without an email: cut them out of the herd.",
]


@pytest.mark.parametrize("text", ROW_FILTERS)
def test_a_row_filter_is_still_a_row_filter(text: str) -> None:
    check_row(8, text)


UNCHANGED: list[str] = [
    "The Notes column naps —\nshould I leave it out of the import?",  # asked about
    "Should we cast the test rows out of the flock?",  # a figure asked about
    "Don't stand down on the last change.",  # negated
    "What if we let email be optional?",  # a musing question alone
    "Never let email be optional.",
    "Some rows rode in without a country.",  # a situation, no request
    "Work Phone isn't on the list for phone tonight?",
    "Nobody gets shown the door: every contact stays.",  # a denied subject: rows kept
]


@pytest.mark.parametrize("text", UNCHANGED)
def test_a_near_neighbour_changes_nothing(text: str) -> None:
    check_changes_nothing(text)


@pytest.mark.parametrize(
    "question",
    [
        "Which columns aren't travelling over with the import?",
        "Which source columns is Ferry leaving behind?",
    ],
)
def test_columns_left_behind_are_the_unmapped_ones(question: str) -> None:
    check_clarify(4, question)


def test_one_negation_guard_covers_what_the_three_did() -> None:
    # craft / trade: a negation right before; spoken: one word between, 'no need to', 'should not'
    for before in ("not ", "never ", "no longer ", "don't ", "do not ", "shouldn't ", "should not ", "no need to ",
                   "don't just ", "dont ", "never really "):  # fmt: skip
        assert NEGATED_RE.search(before), before
    for before in ("please ", "nothing ", "cannot really maybe ", "", "I know "):
        assert not NEGATED_RE.search(before), before
    figure = re.compile(r"stand down on")
    assert figure.sub(unless_negated("undo"), "Don't stand down on it") == "Don't stand down on it"
    assert figure.sub(unless_negated("undo"), "Please stand down on it") == "Please undo it"


def test_a_figure_asked_about_is_left_as_typed() -> None:
    asked = "Can we cut them out of the herd?"
    assert scene_figured(asked) == asked
    plain = "No figure here, just Mobile for phone."
    assert scene_figured(plain) == plain
