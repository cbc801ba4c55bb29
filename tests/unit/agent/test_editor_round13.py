"""Issue 13, round 13: root causes the editor reads since round 13 (`ferry.recipe.editor.idioms.paraphrase`, the
session's asides in `ferry.recipe.editor.asides`, and clarify's class notions in `ferry.recipe.clarify_notions`),
each said in wordings written for this test: a reason after the command with no comma, a consequence in the passive
of the row, a causative after a courtesy frame, a ranking of sources, a non-native 'have' negation and a modal's
stray 'to', a clause-opening conjunction, 'per' and 'keep the first for each', a bare fronted topic, a topic
sentence before the command, a topic before a colon, a hedge before the request, an example frame, a place left to
the reader, a run-on sentence, a politeness particle, professional verbs of removal, a gloss in brackets, 'FYI', a
labelled reason, a bare 'Not X.' after the source, a particle with its object between ('leave it behind'), a
column's label answered with a refusal ('Notes: nah'), a suggestion said as a question ('Shall we …?'), a wish
said as what would be nice, a requirement relaxed, where it could live, and asides
(a reason, not knowing, a complaint about the last change, a system's behaviour). None is a phrasing of
bench/language's corpora."""

from __future__ import annotations

import pytest

from ferry.recipe.editor import edit_recipe

from .dialogues import CONTACTS, SHEETS
from .effects import UPDATE_EFFECTS, check_clarify, update_start

ROUND_13: list[tuple[int, str]] = [
    (8, "If a contact has no email then that record is removed."),
    (8, "Drop rows without an email since nobody can reach them."),
    (12, "Lowercase the emails because the CRM treats upper case as different."),
    (6, "Would it be possible to have Full Name split into first and last name?"),
    (12, "Could we get the emails lowercased, please?"),
    (3, "work phone first, then mobile if empty"),
    (3, "Phone: Work Phone as the main source; Mobile as the fallback source when Work Phone is empty."),
    (10, "Country not have a value, put US please."),
    (1, "If E-mail is empty, you can to build it from the Website domain, but don't lose the row."),
    (9, "keep only the first per email"),
    (9, "If the same email appears in several rows, keep the first one and drop the others."),
    (19, "notes, stick them anywhere that fits"),
    (12, "emails, lowercase them please"),
    (4, "The Notes column. We don't need it in the import."),
    (12, "About the emails. Make them lowercase."),
    (4, "Re the Notes column: please exclude it from the import."),
    (10, "Not sure if this matters, but empty countries should be US."),
    (7, "For example Kunde should become customer and Interessent lead, in Lifecycle."),
    (18, "I'm wondering if email could be made optional."),
    (19, "No idea where Notes should go, your call."),
    (19, "Please find somewhere to keep the Notes."),
    (12, "the emails are full of capitals make them lowercase"),
    (12, "Make the emails lowercase po."),
    (8, "Entries without an email address are to be withdrawn from the import."),
    (5, "Dates in Signup Date are British style (day/month/year)."),
    (5, "Signup Date is stored in DD/MM/YYYY format."),
    (4, "I don't quite see what Notes is for. Leave it out of the import."),
    (17, "the last edit messed things up. please undo"),
    (9, "Our mailing tool hates duplicates. Keep the first row per email."),
    (6, "If there is a Full Name then first name and last name come from splitting it."),
    (2, "Phone = Mobile. Not Work Phone."),
    (4, "Notes is internal stuff, leave it behind."),
    (5, "FYI the Signup Date is in day-month-year order."),
    (6, "The Full Name column holds first and last names together; pull them apart."),
    (18, "Email shouldn't be a must-have."),
    (2, "Use Mobile for phone. Reason: Work Phone is mostly empty."),
    (4, "Notes: nah."),
    (2, "How about we take phone from Mobile rather than Work Phone?"),
    (12, "Why don't we lowercase every email?"),
    (4, "Shall we leave Notes out?"),
    (16, "It'd be nice if numbers lacking a country code were read as German."),
    (18, "Relax the email requirement, please."),
    (19, "Notes could go in some field, you pick."),
]


@pytest.mark.parametrize(("row", "text"), ROUND_13)
def test_a_round_13_root_cause_does_what_its_row_requires(row: int, text: str) -> None:
    UPDATE_EFFECTS[row](edit_recipe(update_start(row), [CONTACTS], SHEETS, text))


def test_a_causative_state_question_stays_a_question() -> None:
    e = edit_recipe(update_start(12), [CONTACTS], SHEETS, "Have the emails been lowercased?")
    assert not e.changed and e.question is not None


def test_an_aside_is_said_back_as_a_remark() -> None:
    e = edit_recipe(update_start(8), [CONTACTS], SHEETS, "Drop rows without an email since nobody can reach them.")
    assert e.changed and "remark" in e.summary


@pytest.mark.parametrize(
    ("row", "question"),
    [
        (3, "How many rows fall out of the import?"),
        (3, "What's the row attrition after the filters?"),
        (4, "Which columns are sidelined?"),
        (4, "What columns do you not bring in?"),
        (5, "What happens to rows with identical emails?"),
        (5, "If an email appears three times, which row wins?"),
        (6, "Which date notation did you go with for Signup Date?"),
        (7, "How many phone numbers are busted?"),
        (7, "Count of faulty phone numbers?"),
        (8, "Which mappings are a coin flip?"),
        (8, "which fields did you match up with a hunch"),
        (1, "Kindly indicate the origin of the data in the email field."),
        (3, "How many rows does the import shed?"),
        (4, "Which headers have no destination?"),
    ],
)
def test_clarify_finds_each_class_whatever_the_wording(row: int, question: str) -> None:
    check_clarify(row, question)


@pytest.mark.parametrize(
    ("row", "question"),
    [
        (1, "Where does email come from? Is it matched up right?"),
        (2, "Why is row 12 flagged? Is it busted?"),
        (3, "How many rows are dropped by the filters?"),
        (4, "Which columns are not imported?"),
        (6, "Which date format did you assume for Signup Date?"),
        (7, "How many phone numbers are invalid?"),
        (2, "Where does the value in row 12 come from, and why is it flagged?"),
        (6, "Where does the Signup Date format come from, which format did you assume?"),
    ],
)
def test_the_notions_never_pull_another_class_s_question_away(row: int, question: str) -> None:
    check_clarify(row, question)
