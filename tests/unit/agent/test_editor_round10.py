"""Issue 13, round 10: forms of wording the editor reads since round 10 (`ferry.recipe.editor.idioms.topics`, and
`clarify_voices` for questions): a topic fronted and pointed at again ('Contacts which don't have an e-mail, bin
them'), an object fronted before 'we want/need', a bare 'be' after 'asked that', chat 'u' and 'asap', 'split X ->
first + last', a spreadsheet program or function named as how ('the way Google Sheets does it', 'lower()'), 'small
letters', 'land in'/'end up' for a place, 'is no have', a 'why is X empty?' or 'where could X go?' before the
instruction that answers it, a statement then 'in that case' (its condition), and in clarify a relayed question and
'not bring over'. The phrasings were written for this test; none is a phrasing of bench/language's corpora."""

from __future__ import annotations

import pytest

from ferry.recipe.editor import edit_recipe

from .dialogues import CONTACTS, SHEETS
from .effects import UPDATE_EFFECTS, check_clarify, update_start

ROUND_10: list[tuple[int, str]] = [
    (8, "Contacts which don't have an e-mail, bin them"),
    (1, "For a missing email use the website's domain. The contacts, keep them all."),
    (2, "Phone I want from the Mobile column"),
    (4, "Our client asked that Notes not be imported."),
    (6, "split Full Name -> given + surname"),
    (9, "dedupe on email the way Google Sheets does it, first one stays"),
    (12, "apply lower() to E-mail"),
    (12, "convert the E-mail column into small letters"),
    (19, "the Notes column has to land somewhere sensible"),
    (15, "Why is created_at not mapped? Take it from Signup Date."),
    (19, "Where should Notes end up? Put them somewhere."),
    (3, "if the Work Phone is no have, take Mobile"),
    (18, "can u make e-mail not mandatory"),
    # a statement, then 'in that case': the statement is the condition
    (3, "Work Phone is blank for a few contacts, correct? If so, use the Mobile number."),
    (13, "Organization is missing on some rows. In those cases the company can come from the email domain."),
    # a code said again right replaces the one said wrong (before, 'US' was read as a remark and DE applied)
    (10, "if country is empty put DE, sorry, US"),
    (16, "numbers without a prefix are FR, correction, DE"),
    # a request asked in the negative, 'out of' for 'from'
    (6, "Couldn't you pull first and last name out of the Full Name column"),
    (12, "run `LOWER()` on `E-mail` please"),
]


@pytest.mark.parametrize(("row", "text"), ROUND_10)
def test_a_round_10_form_does_what_its_row_requires(row: int, text: str) -> None:
    UPDATE_EFFECTS[row](edit_recipe(update_start(row), [CONTACTS], SHEETS, text))


@pytest.mark.parametrize(
    ("row", "question"),
    [
        (4, "which of my columns does Ferry not bring over?"),
        (5, "The customer asked what you do when two contacts share an e-mail"),
    ],
)
def test_clarify_reads_a_relayed_question_and_a_column_not_carried_over(row: int, question: str) -> None:
    check_clarify(row, question)


def test_a_why_question_alone_stays_a_question() -> None:
    e = edit_recipe(update_start(15), [CONTACTS], SHEETS, "Why is created_at empty?")
    assert e.question is not None and not e.changed and e.recipe is None
