"""Issue 13, round 4: the mechanisms that read wordings no rule was written for. The lexicon says everyday verbs and
relations in the grammar's words ("chop" → split, "take them over" → import); the fallback reader recognises a clause
no rule read from the names it holds and its cue words, applies a reading only when exactly one fits, and asks with
the readings as options when two do. Descriptions, denials and clauses naming something the reading does not use
change nothing: a wrong change is worse than a question."""

from __future__ import annotations

import pytest

from ferry.core.outcomes import Answer
from ferry.recipe.editor import answer_edit_question, edit_recipe
from ferry.recipe.editor import fallback as fallback_module
from ferry.recipe.editor.fallback import Entities, negated
from ferry.recipe.editor.lexicon import canonical
from ferry.recipe.editor.resolver import Ctx

from .dialogues import CONTACTS, SHEETS, first_recipe
from .effects import UPDATE_EFFECTS, check_row, unchanged


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("chop Full Name into first and last name", "split Full Name into first and last name"),
        ("The Notes, please do not take them over", "The Notes, please do not import them"),
        ("phone numbers belong to Germany", "phone numbers are german"),
        ("dont drop the row", "don't drop the row"),
        ("import also the notes", "import the notes"),
        ("company gets the domain of the email", "company comes from the domain of the email"),
        ("treat the phones as German (+49)", "treat the phones as German"),
        ("get rid of the notes", "drop the notes"),  # an idiom holding a synonym ('get') keeps its meaning
    ],
)
def test_the_lexicon_says_everyday_words_in_the_grammars_vocabulary(typed: str, said: str) -> None:
    assert canonical(typed) == said


FRESH: list[tuple[int, str]] = [
    (3, "use Work Phone first, and the Mobile where it is blank"),
    (3, "If there is nothing in work phone, the mobile number should be taken instead"),
    (3, "a lot of contacts only have a mobile, use it as phone for them"),
    (2, "Mobile is the number we need, not the Work Phone"),
    (1, "contacts without any e-mail: generate an address from the domain of their Website"),
    (7, "in Lifecycle Kunde stands for customer and Interessent for lead, translate them into status"),
    (11, "Deutschland signifies DE and USA US in the country column, translate them"),
    (10, "no Land given means United States"),
    (8, "Contacts with no e-mail we will not import"),
    (6, "first_name and last_name both come out of Full Name"),
    (6, "Full Name has two names in it, chop it up"),
    (4, "The Notes we won't take"),
    (16, "the phone numbers without a country prefix belong to Germany"),
    (12, "e-mail addresses should not have capitals"),
    (17, "that's not what I wanted"),
    (18, "contacts can have no email"),
    (2, "change the phone over to the Mobile column"),
    (3, "where Work Phone holds nothing, then the Mobile"),
    (10, "US is the country wherever Land is not filled in"),
    (10, "If Land is blank, then it is US"),
    (4, "we can do without the Notes"),
]


@pytest.mark.parametrize(("row", "text"), FRESH)
def test_a_wording_no_rule_was_written_for_does_what_its_row_requires(row: int, text: str) -> None:
    check_row(row, text)


@pytest.mark.parametrize(
    "text",
    [
        "Contacts without email have a website",  # a description, nothing asked
        "Kunde is not customer",  # a denial turns the value pair around
        "Kunde isn't customer and Interessent isn't lead",
        "rows where Lifecycle is test should not be dropped",
        "don't lowercase the emails",
        "Mobile numbers are often empty",
        "Work Phone is empty for most contacts",
        "Some contacts have no email and no website",
        "If there's no mobile, use the work phone",  # the missing one is the new column: not guessed
        "Some contacts have no work phone; use Mobile for phone",  # the fallback, or Mobile for every row?
        "Mobile as a fallback",  # a word of the grammar is never read as a typo of a value ('call back')
        "if the company is empty, country is US",  # the default of another field than the one said missing
    ],
)
def test_a_description_or_a_denial_changes_nothing(text: str) -> None:
    e = edit_recipe(first_recipe(), [CONTACTS], SHEETS, text)
    unchanged(e)


def test_a_description_and_the_instruction_pointing_back_at_it_are_one_instruction() -> None:
    # the description alone is never applied: the instruction after it says what to do with those rows
    text = "Some contacts have no work phone but they have a mobile; take the mobile for them."
    UPDATE_EFFECTS[3](edit_recipe(first_recipe(), [CONTACTS], SHEETS, text))


def test_two_readings_become_a_question_with_both_as_options(monkeypatch: pytest.MonkeyPatch) -> None:
    def as_fallback(ctx: Ctx, e: Entities) -> str | None:
        return "if there is no phone, use Mobile" if any(c == "Mobile" for _, c in e.columns) else None

    def as_mapping(ctx: Ctx, e: Entities) -> str | None:
        return "map Mobile to phone" if any(c == "Mobile" for _, c in e.columns) else None

    monkeypatch.setattr(fallback_module, "FRAMES", [as_fallback, as_mapping])
    e = edit_recipe(first_recipe(), [CONTACTS], SHEETS, "Mobile, something something")
    assert not e.changed and e.recipe is None and e.question is not None and e.pending is not None
    assert [o.label for o in e.question.options] == [
        "if there is no phone, use Mobile",
        "map Mobile to phone",
        "Leave the recipe as it is",
    ]


def test_a_denial_is_told_from_a_row_kept() -> None:
    assert negated("Kunde is not customer") and negated("we don't want them")
    assert not negated("use the domain, don't drop the row") and not negated("we don't want to lose them")


def test_a_described_condition_beside_a_command_for_every_row_asks_and_the_answer_applies_only_the_choice() -> None:
    message = "Lowercase the emails. Some contacts have no work phone; use Mobile for phone"
    asked = edit_recipe(first_recipe(), [CONTACTS], SHEETS, message)
    assert not asked.changed and asked.question is not None and asked.pending is not None
    labels = [o.label for o in asked.question.options]
    assert labels == ["if there is no phone, use Mobile", "map Mobile to phone", "Leave the recipe as it is"]
    chosen = asked.question.options[0].id
    e = answer_edit_question(
        first_recipe(), [CONTACTS], SHEETS, asked.pending, Answer(question_id=asked.question.id, option_id=chosen)
    )
    UPDATE_EFFECTS[3](e)  # the fallback, and not Mobile for every row after it
    UPDATE_EFFECTS[12](e)  # the instruction before the question is applied with the answer
