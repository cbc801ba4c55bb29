"""Issue 13, round 23: the twenty-eighth and twenty-ninth sets' misses, read by class: a value pair led by a verb of
translation or rendering ('X translates to Y', 'render X as Y', 'let X be shown as Y', "A's B and C's D", 'has A and
B; list those as C and D'); a suggestion said as a question ('might I suggest …?'); undo in other words ('walk back',
'rewind'); 'an optional field' said of a field; a reply under a quoted e-mail question (its 'them' is what was asked
about; a question cut short takes the quoted question's predicate); a no-op list item beside a real one ('rest
imported as usual'); a softening 'just' after a fronted phrase. Each phrasing was written for this test and is none
of bench/language's corpora (each fails on the code before); the near neighbours change nothing."""

from __future__ import annotations

import pytest

from .effects import check_clarify, check_row, check_unchanged

ROUND_23: list[tuple[int, str]] = [
    # a value pair led by a verb of translation or rendering
    (7, "Lifecycle is German: Interessent translates into lead, Kunde into customer."),
    (7, "In Lifecycle, 'Interessent' is rendered as lead and 'Kunde' as customer."),
    (7, "In Lifecycle, let Interessent be shown as lead and Kunde as customer."),
    (11, "Land column: please write USA as US and Deutschland as DE."),
    (11, "In Land, USA's US and Deutschland's DE."),
    (11, "The Land column holds Deutschland and USA; show them as DE and US."),
    # a suggestion said as a question
    (15, "For created_at, might I suggest Signup Date?"),
    (2, "For phone, could I recommend the Mobile column?"),
    (15, "Would Signup Date serve for created_at?"),
    (15, "What about using Signup Date as created_at?"),
    # undo in other words
    (17, "Walk back that last change, please."),
    (17, "Rewind the last edit."),
    (17, "Pretend the last edit never happened."),
    # 'an optional field' said of a field
    (18, "Email should be an optional field of our records."),
    # a reply under a quoted e-mail question
    (4, "> And what about the Notes column?\nLeave it out of the import."),
    (19, "> What shall we do about Notes?\nFind them a home somewhere."),
    (4, "> Would you like the Notes column brought over?\nNo, leave it behind."),
    (4, "> Notes: import or not?\nLeave them out."),  # misapplied before (rows without Notes dropped)
    # a no-op list item beside a real one
    (8, "Steps:\n1. drop the contacts that have no email\n2. all other rows imported as usual"),
    (14, "Rows whose Lifecycle is test excluded; the rest imported as normal."),
    (14, "1. drop the test rows in Lifecycle\n2. nothing else to change"),
    # a softening 'just' after a fronted phrase
    (14, "The Lifecycle test rows, just leave them out."),
    (14, "Those Lifecycle test rows, leave them out, quick quick."),
]  # fmt: skip


@pytest.mark.parametrize(("row", "text"), ROUND_23)
def test_a_round_23_class_does_what_its_row_requires(row: int, text: str) -> None:
    check_row(row, text)


def test_a_question_cut_short_under_a_quoted_question_takes_its_predicate() -> None:
    check_clarify(4, "> Is everything coming over?\nWhich ones aren't, then?")
    check_clarify(4, "> Is it all coming through?\nWhich columns aren't?")


# dev28's clarify misses by class: columns left at home, values out of tune
CLARIFY_23: list[tuple[int, str]] = [
    (4, "What columns are left at home?"),
    (7, "How many phone numbers are out of tune? A couple of examples too."),
]


@pytest.mark.parametrize(("row", "question"), CLARIFY_23)
def test_clarify_reads_a_column_left_at_home_and_a_value_out_of_tune(row: int, question: str) -> None:
    check_clarify(row, question)


# near neighbours: a question about a translation, a suggestion asked of Ferry, a quoted question the answer refuses,
# a list item that is a question, a possessive that is no pair
UNCHANGED: list[tuple[int, str]] = [
    (7, "what does Kunde translate to?"),
    (7, "Does 'Interessent' translate as lead?"),
    (11, "Should I render Deutschland as DE?"),
    (15, "Would you suggest Signup Date for created_at?"),
    (14, "> Shall I exclude the test rows?\nNo."),
    (8, "> Should the contacts without email be dropped?\nNo, keep them."),
    (14, "Go-live checklist\n1) are the Lifecycle 'test' rows excluded?\n2) rest imported as usual"),
    (11, "What is USA's code?"),
    (17, "Walk me through the last change."),
    # a value pair said as a question (each changed the recipe before)
    (7, "Kunde translates to customer?"),
    (7, "Should Kunde be rendered as customer?"),
]  # fmt: skip


@pytest.mark.parametrize(("row", "text"), UNCHANGED)
def test_a_near_neighbour_changes_nothing(row: int, text: str) -> None:
    check_unchanged(row, text)
