"""Issue 13, round 9: forms of wording the editor reads since round 9 (`ferry.recipe.editor.idioms`, and a few
changes to the families): 'remove X from the mapping', 'don't bother with X', people said for rows ('anyone without
an email'), an empty value as what rows lack, a non-native 'which have not X', 'the same X is coming multiple times',
'don't import duplicates' (a denied keep is a dedup), 'A and B need to be C and D', 'make X to lower case', 'from X
only', 'should stay out of the import', 'should end up split across', 'should take its value from', an adverb before
a modal, a preview line quoted with '(not mapped)', a trailing reason with 'never', a judgement of a column ('Notes
is not needed') never read as a value, an off-topic question read as not understood, and clarify's progressive
('not getting mapped'). The phrasings were written for this test; none is a phrasing of bench/language's corpora."""

from __future__ import annotations

import pytest

from ferry.recipe.clarify import answer_question
from ferry.recipe.editor import edit_recipe

from .dialogues import CONTACTS, SHEETS, first_recipe
from .effects import CLARIFY_ROWS, UPDATE_EFFECTS, clarify_recipe, make_preview, update_start

ROUND_9: list[tuple[int, str]] = [
    (4, "Notes isn't needed, take it out of the mapping"),
    (4, "don't bother with Notes at all"),
    (8, "Bin everybody with no email address"),
    (8, "skip the records that have a blank email"),
    (9, "Don't load duplicate emails, the first one stays"),
    (9, "if one email is showing up several times, keep just the first"),
    (11, "Land has Deutschland and USA, they should be DE and US respectively"),
    (12, "turn the email addresses to lower case"),
    (15, "created_at should take its values from Signup Date"),
    (19, "Notes too should go somewhere"),
    (1, "For people which have not an email, build one on the Website domain, keep them"),
    (6, "Full Name must end up divided between first and last name"),
    (14, "Lifecycle test rows need to stay out of the migration"),
    (2, "phone from Mobile only please, not Work Phone"),
    (20, "are you watching the football tonight?"),
    (15, "The line that says created_at (unmapped) should come from Signup Date"),
    (18, "Can email be optional? Many of them simply don't have one."),
    # the forms said of the whole message: a correction after a denial, a denied mixed case beside its case, rows
    # restated in apposition, 'every contact should have X: V if none', 'there is not X', 'after the @ of the email'
    (5, "Signup Date shows month first in the preview, it is not, it is day first"),
    (12, "please don't leave the e-mails in mixed case, lowercase them"),
    (14, "skip the dummy records, those with test in Lifecycle"),
    (10, "each contact needs to have a country: US if nothing is given"),
    (13, "when there is not Organization, take the company from what comes after the @ in the e-mail"),
]


@pytest.mark.parametrize(("row", "text"), ROUND_9)
def test_a_round_9_form_does_what_its_row_requires(row: int, text: str) -> None:
    UPDATE_EFFECTS[row](edit_recipe(update_start(row), [CONTACTS], SHEETS, text))


@pytest.mark.parametrize(
    "question", ["which source columns are not being mapped?", "tell me the columns that aren't going anywhere"]
)
def test_clarify_reads_the_progressive_of_not_imported(question: str) -> None:
    spec = CLARIFY_ROWS[4]
    recipe = clarify_recipe(spec.recipe)
    spec.check(answer_question(recipe, [CONTACTS], make_preview(recipe, spec.dropped), question))


def test_a_judgement_of_a_column_is_never_a_value_its_rows_are_filtered_on() -> None:
    # before round 9 'Website is not needed, do not import it' kept only the rows whose Website was 'needed'
    e = edit_recipe(first_recipe(), [CONTACTS], SHEETS, "Website is not needed, do not import it")
    assert not e.changed and e.recipe is None and "already not imported" in e.summary


def test_an_off_topic_question_is_not_understood_and_a_question_about_the_recipe_stays_a_question() -> None:
    off = edit_recipe(first_recipe(), [CONTACTS], SHEETS, "is the weather nice in Oslo?")
    assert off.question is not None and "did not understand" in off.question.question and not off.changed
    about = edit_recipe(first_recipe(), [CONTACTS], SHEETS, "Are the emails lowercased?")
    assert about.question is not None and "reads as a question" in about.question.question and not about.changed
