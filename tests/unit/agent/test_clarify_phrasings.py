"""Issue 13: clarify answers every question class of the dialogue corpus whatever the wording — kinds of asking
(no keyword of the class, a negated verb, a row number in words, a date read out, 'how sure') in words that appear
in neither phrasing corpus, checked with the answer checks of the clarify table's rows."""

from __future__ import annotations

import copy

import pytest

from ferry.recipe.clarify import HELP, answer_question

from .dialogues import CONTACTS
from .effects import CLARIFY_ROWS, clarify_recipe, make_preview

ASKED: list[tuple[int, str]] = [
    (1, "what feeds the email field?"),
    (1, "email = which source?"),
    (2, "row 12 is red, why?"),
    (2, "why is line twelve red?"),
    (3, "what's the number of rows you will skip?"),
    (3, "how many contacts won't be imported?"),
    (4, "which source columns won't make it in?"),
    (4, "What from the file is not used?"),
    (4, "which headers have no field?"),
    (4, "what do you leave out of the source?"),
    (4, "the headers that you never use, which?"),
    (4, "which headers stay behind?"),
    (4, "are there columns you don't take at all?"),
    (3, "The records, how many will go away?"),
    (3, "what is filtered out?"),
    (3, "how many contacts are thrown away"),
    (5, "double e-mails - what is done with them?"),
    (5, "what if the same email is there two times?"),
    (6, "did you read 03/04 as March or April?"),
    (6, "Signup Date: DMY or MDY?"),
    (7, "Which phone numbers don't work?"),
    (7, "how many phone numbers can't be parsed"),
    (8, "any mapping I should check?"),
    (8, "which mappings are you least sure of?"),
]


@pytest.mark.parametrize(("row", "question"), ASKED, ids=[q for _, q in ASKED])
def test_a_question_in_other_words_gets_its_classs_answer_and_changes_nothing(row: int, question: str) -> None:
    spec = CLARIFY_ROWS[row]
    recipe = clarify_recipe(spec.recipe)
    preview = make_preview(recipe, spec.dropped)
    before, preview_before = recipe.model_dump(), copy.deepcopy(preview)
    answer = answer_question(recipe, [CONTACTS], preview, question)
    assert answer != HELP
    spec.check(answer)
    assert recipe.model_dump() == before and preview == preview_before
