"""Issue 13, round 27: the thirty-third set's misses, read by class: more trade figures ("don't send it back:",
'fail / roll over to Y', 'when that is empty, Y is the fallback', "X won't make the cut", 'is not to be imported',
'excluded from the policy', 'dead empty', 'no place to go; route them to some field'); a headed note's verdict; a
calendar invite's body; pairs described then 'treat them accordingly', formal 'is to be construed as'; a fallback
said in one sentence with 'use'; learners' 'link F to C column, that is where …'; a polite question's apology and
tag; 'bring X down to lowercase'; a change put up for discussion asks back; clarify notions for rows withdrawn and
values that fail an inspection. Each phrasing was written for this test and is none of bench/language's corpora
(each fails on the code before); the near neighbours change nothing."""

from __future__ import annotations

import pytest

from .effects import check_changes_nothing, check_clarify, check_row

ROUND_27: list[tuple[int, str]] = [
    # trade figures
    (1, "If a contact is missing its Email, never send it back: make an address from their Website's domain and "
        "keep the row."),
    (3, "Work Phone is the primary line for phone; if it's blank, roll over to Mobile."),
    (3, "phone comes from Work Phone; if that is empty, Mobile is our backup."),
    (4, "The Notes column won't make the team; leave it out of the import."),
    (4, "Following an audit, Notes is excluded from the policy and is not to be imported."),
    (13, "If Organization is dead empty, wire company to the domain of the email instead."),
    (19, "The Notes have no address to go to: post them to some field of your choosing."),
    (19, "Notes has no home to go to: drop them off in some field you like."),
    # a headed note's verdict
    (5, "Findings on Signup Date: Observation: 13/04/2024 occurs, and no month is 13. Verdict: the day comes first."),
    (5, "Report on Signup Date - Reason: 14/02/2024 exists. Conclusion: Signup Date is day first."),
    # a calendar invite's body
    (13, "Title: Company source\nTime: Mon 15:00\nDetails: where Organization is blank, take company from the email "
         "domain."),
    (3, "Meeting: Phones\nDate: 4 June\nAgenda:\n1. phone from Work Phone\n2. Mobile when Work Phone is empty"),
    (11, "Meeting: Country cleanup\nAgenda:\n- Deutschland -> DE\n- USA -> US\nWhere: room 2"),
    # spoken and formal forms
    (7, "The Kunde entries in Lifecycle are customers and the Interessent entries are leads; please treat them "
        "accordingly."),
    (11, "'USA' in Land is to be construed as US, and 'Deutschland' as DE."),
    (3, "Use Work Phone for phone and Mobile if Work Phone is blank."),
    (15, "Kindly link created_at to Signup Date column, that is where the creation date lives."),
    (18, "Apologies, is there any way to have the email field not required, eh?"),
    (18, "Is there some way to make the email optional, hey?"),
    (12, "Knock every email down to lowercase, not one capital left in them."),
]  # fmt: skip


@pytest.mark.parametrize(("row", "text"), ROUND_27)
def test_a_round_27_class_does_what_its_row_requires(row: int, text: str) -> None:
    check_row(row, text)


CLARIFY_27: list[tuple[int, str]] = [
    (3, "How many rows get screened out before loading, and by which rule?"),
    (3, "How many records are held back from the import?"),
    (7, "How many phone numbers flunk the audit? Give an example or two."),
    (7, "Which phone values won't pass quality control?"),
]


@pytest.mark.parametrize(("row", "question"), CLARIFY_27)
def test_a_round_27_question_is_answered(row: int, question: str) -> None:
    check_clarify(row, question)


# neighbours read as before: rows said not to be imported are a filter, never the rows' column left out; a value
# 'pulled from' or 'taken out of' a column is its source, never rows withdrawn
def test_rows_not_to_be_imported_stay_a_filter() -> None:
    check_row(14, "Rows flagged test in Lifecycle are not to be imported.")


@pytest.mark.parametrize("question", ["Which column does the email get pulled from?", "What is email taken out of?"])
def test_a_source_question_keeps_its_class(question: str) -> None:
    check_clarify(1, question)


# near neighbours: a figure asked about, denied or said with no request; a note with no verdict; an invite that
# only discusses or asks; pairs or a reading asked about; a learner's verb about a person; a question with a tag
UNCHANGED: list[str] = [
    "What happens when Work Phone fails over to Mobile?",
    "Notes makes the cut.",
    "Does Notes make the cut?",
    "Is the Notes column not to be imported?",
    "When Organization is dead blank, what does company get?",
    "The Notes have no address to go to.",
    "Case notes on Signup Date. Evidence: 25/03/2024 appears twice.",
    "Subject: Phone fallback\nWhen: Tue 14:00\nDescription: discuss whether to use Mobile when Work Phone is empty.",
    "Subject: Lifecycle values\nWhen: Wed 10:00\nDescription: which Lifecycle values are customers?",
    # a change put up for discussion (each was a wrong change before this round)
    "We will talk about using Mobile when Work Phone is empty.",
    "Discuss: should rows without an email be dropped?",
    "To be discussed on Friday: splitting Full Name into first and last name.",
    "Should 'USA' in Land be read as US?",
    "The Kunde values in Lifecycle are customers, and the Interessent ones are leads?",
    "Connect me with whoever owns the Signup Date column.",
    "Is there any way to see which rows are dropped, eh?",
    "Take every email down to lowercase? Not sure about that.",
]


@pytest.mark.parametrize("text", UNCHANGED)
def test_a_near_neighbour_changes_nothing(text: str) -> None:
    check_changes_nothing(text)
