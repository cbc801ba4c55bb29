"""Issue 13, round 24: the thirtieth set's misses, read by class: a message stating several value pairs is read
whole or asked ('X is for us the Y' beside 'Z is W'); a heading or label line before the request (a log's or
record's label, a minutes' heading and its '- Action:' items); a chat paste's '[hh:mm] Name:' prefixes and an arrow
to two parts; a reason or comparison after the request; a negated removal frame before a request that keeps the
rows; 'cut X from the …' / 'trim X off' as a removal; duplicates 'stand' / 'stricken'; 'done in lowercase'; 'is dark'
for blank; undo said 'take that last change back' / 'strike that last change'; clarify's 'go overboard', 'dead'
values and a closing simile. Each phrasing was written for this test and is none of bench/language's corpora (each
fails on the code before); the near neighbours change nothing."""

from __future__ import annotations

import pytest

from ferry.recipe.editor import edit_recipe

from .dialogues import CONTACTS, SHEETS
from .effects import check_clarify, check_row, check_unchanged, update_start

ROUND_24: list[tuple[int, str]] = [
    # several value pairs, one said with 'is for us (the)'
    (7, "Interessent is for us a lead and Kunde is customer."),
    # a heading or label line before the request
    (3, "Watch log: where Work Phone is dark, use the Mobile for phone."),
    (10, "Note for the night shift: an empty country defaults to US."),
    (13, "Let the minutes show: if Organization is empty, take company from the email domain."),
    (15, "Meeting notes (Friday review)\n- Discussed: where created_at should come from\n- Decision: use Signup Date "
         "for created_at"),
    # a chat paste's times, an arrow to two parts
    (6, "[08:03] Tomas: split Full Name into first and last name\n[08:04] Tomas: ty"),
    (6, "[13:20] Ines: Full Name \u2192 first + last\n[13:21] Ines: ta"),
    # a reason or comparison after the request
    (2, "Take phone from the Mobile column, Work Phone is not reliable for this."),
    (5, "Mela, Signup Date is day then month, like we do it here, not the US way."),
    # a negated removal frame before a request that keeps the rows
    (1, "Do not throw them away: when email is missing, build it from the Website domain and keep the contacts."),
    # a removal said 'cut X from the …' / 'trim X off'
    (4, "Cut Notes from the lineup."),
    (4, "Cut the Notes column from the lineup, it doesn't go into the import."),
    # duplicates
    (9, "No two contacts may share an email: keep the first row and drop the rest of the repeats."),
    (9, "When an email is repeated, the earliest row stands and the others are struck out."),
    # 'done in lowercase'
    (12, "Could all the emails be done in lowercase?"),
    # 'X is dark' for blank
    (3, "Log entry: where Work Phone is quiet, phone falls back on Mobile."),
    # undo
    (17, "Hold, hold. Take that last change back."),
    (17, "Strike the last edit from the log."),
]  # fmt: skip


@pytest.mark.parametrize(("row", "text"), ROUND_24)
def test_a_round_24_class_does_what_its_row_requires(row: int, text: str) -> None:
    check_row(row, text)


CLARIFY_24: list[tuple[int, str]] = [
    (3, "How many rows are thrown overboard?"),
    (7, "Which phone numbers are dead ones?"),
    (5, "What happens when two rows have one email, like two coats on a peg?"),
]


@pytest.mark.parametrize(("row", "question"), CLARIFY_24)
def test_clarify_reads_rows_overboard_dead_values_and_a_closing_simile(row: int, question: str) -> None:
    check_clarify(row, question)


def test_a_pair_like_clause_left_unread_beside_an_applied_pair_is_asked() -> None:
    # ('X is for us the Y' was read as background while 'Z is W' was applied: a partial change)
    e = edit_recipe(
        update_start(7), [CONTACTS], SHEETS, "Kunde in Lifecycle is what we call our customer, and Interessent is lead."
    )
    assert not e.changed and e.recipe is None and e.question is not None, e.summary


# near neighbours: a label with nothing after it to do, minutes that decided nothing, a chat question, a negation
# with no request that keeps the rows, an undo refused, a trade remark
UNCHANGED: list[tuple[int, str]] = [
    (1, "Ship's log: calm seas all day."),
    (2, "Minutes, weekly sync\n- Discussed: phone sources\n- Owner: Ana"),
    (6, "[10:10] Kim: would Full Name -> first + last work?"),
    (8, "Don't drop the contacts without email."),
    (17, "Don't take the last change back."),
    (17, "Should we strike that last change from the record?"),
    (17, "Nobody said to strike that last change."),
    (9, "The first row stands out because it is red."),
    (4, "Cut the Notes column?"),
    (3, "The lighthouse is dark tonight."),
    (2, "Cut the country code from the phone."),
    (9, "Two contacts can share one email: keep them all."),
    (7, "This is for us to decide."),
]  # fmt: skip


@pytest.mark.parametrize(("row", "text"), UNCHANGED)
def test_a_near_neighbour_changes_nothing(row: int, text: str) -> None:
    check_unchanged(row, text)
