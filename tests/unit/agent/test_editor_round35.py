"""Issue 13, round 35: precision first — a column's judgement before a removal of 'it' is about the column, never
a value to filter rows on; then the forty-second set's misses by class (a pasted JSON Patch, spreadsheet formulas,
a label before the request, scene sentences with a pronoun subject, an interjection before a request, and plain
forms: a requirement relaxed, 'out of the <anything>', a place given, a split described by its parts, 'keep X where
it's there' after a fallback). Each phrasing was written for this test and is none of bench/language's corpora; the
near neighbours change nothing, or change what they always did."""

from __future__ import annotations

import pytest

from ferry.recipe.editor import edit_recipe
from ferry.recipe.editor.column_judgements import judged_column_removal
from ferry.recipe.editor.interjections import without_interjection
from ferry.recipe.editor.json_patch import patch_request
from ferry.recipe.editor.review_layouts import without_labels
from ferry.recipe.editor.scene_sentences import without_pronoun_scenes
from ferry.recipe.editor.sheet_formulas import formula_request

from .dialogues import CONTACTS, SHEETS, field_of
from .effects import check_row_alone, check_unchanged, update_start

# --- precision: '<the X column> is <judgement>. Drop it.' is the column ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Notes column is junk. Remove it.",
        "Honestly that Notes column is just baggage; bin it.",
        "Our Notes column is a total mess, so leave it out.",
    ],
)
def test_a_columns_judgement_before_removing_it_is_about_the_column(text: str) -> None:
    check_row_alone(4, text)  # Notes stays unimported, and no row is dropped on a 'junk' value


def test_a_judged_column_that_feeds_a_field_is_unmapped() -> None:
    e = edit_recipe(update_start(1), [CONTACTS], SHEETS, "The Organization column is rubbish. Scrap it.")
    assert e.recipe is not None and field_of(e.recipe, "company").get("column") is None
    assert not e.recipe.templates[0].filters


def test_a_real_value_filter_still_filters() -> None:
    for text in ("Rows whose Notes say 'call back' are noise. Drop them.", "Drop the rows where Notes is 'call back'."):
        e = edit_recipe(update_start(1), [CONTACTS], SHEETS, text)
        assert e.recipe is not None and len(e.recipe.templates[0].filters) == 1, text
    # rows spoken of, or a removal of 'them', is never rewritten as the column
    assert judged_column_removal("The Notes column is junk. Drop them.") == "The Notes column is junk. Drop them."
    assert judged_column_removal("The Notes column is junk. Keep it.") == "The Notes column is junk. Keep it."


# --- (a) a pasted JSON Patch ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "text"),
    [
        (2, 'Here you go:\n[{"op": "replace", "path": "/fields/phone/source", "value": ["Mobile"]}]'),
        (7, '[{"op": "add", "path": "/fields/status/value_map/Kunde", "value": "customer"},\n'
            ' {"op": "add", "path": "/fields/status/value_map/Interessent", "value": "lead"}]'),
        (10, '[ { "op": "add", "path": "/fields/country/default", "value": "US" } ]'),
        (16, '[{"op": "replace", "path": "/fields/phone/default_country", "value": "DE"}]'),
        (12, '[{"op": "test", "path": "/fields/email/source", "value": "E-mail"}]\nLowercase the emails.'),
    ],
)  # fmt: skip
def test_a_json_patch_is_the_change_it_states(row: int, text: str) -> None:
    check_row_alone(row, text)


def test_a_json_patch_the_editor_cannot_state_is_left_as_typed() -> None:
    for text in (
        '[{"op": "move", "from": "/fields/phone/source", "path": "/fields/email/source"}]',
        '[{"op": "replace", "path": "/settings/locale", "value": "de"}]',
        '[{"op": "replace", "path": "/fields/phone/source", "value": "Mobile"}',  # not closed: no JSON
    ):
        assert patch_request(text) == text
    check_unchanged(1, '[{"op": "copy", "from": "/a", "path": "/b"}]')


# --- (b) spreadsheet formulas ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "text"),
    [
        (12, "email: =LOWER(B2), then drag it down the whole column"),
        (10, 'Put this in country: =IF(ISBLANK([@country]), "US", [@country])'),
        (3, "phone =IF([@[Work Phone]]<>\"\", [@[Work Phone]], [@Mobile])"),
        (5, "Signup Date is column G.\n=DATE(RIGHT(G7,4),MID(G7,4,2),LEFT(G7,2))"),
        (13, 'company =IF(LEN([@Organization])=0, MID([@[E-mail]], SEARCH("@", [@[E-mail]])+1, 99), [@Organization])'),
        (6, 'first_name: =LEFT(A2, FIND(" ", A2) - 1)\nlast_name: =MID(A2, FIND(" ", A2) + 1, 80)\n(A is Full Name)'),
    ],
)  # fmt: skip
def test_a_formulas_functions_name_the_transform(row: int, text: str) -> None:
    check_row_alone(row, text)


def test_a_formula_asked_about_or_unread_is_left_as_typed() -> None:
    for text in ("Does =LOWER() run on email?", "=SUM(A1:A9)", "score: =VLOOKUP([@Land], Codes, 2, FALSE)"):
        assert formula_request(text) == text
    # a month-first DATE is no day-first reading
    text = "=DATE(RIGHT(G2,4), LEFT(G2,2), MID(G2,4,2))"
    assert formula_request(text) == text


# --- (c) a label before the request ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "text"),
    [
        (15, "Strengths: the preview is clear. Weaknesses: created_at is useless as it is. "
             "Fix: map created_at to Signup Date."),
        (12, "Remark 7. Lowercase every email address."),
        (9, "Finding B) Keep only the first row for each email."),
        (11, "Point 3: the Land values should be converted into the country field's values, 'Deutschland' as DE and "
             "'USA' as US."),
    ],
)  # fmt: skip
def test_a_label_before_the_request_drops_out(row: int, text: str) -> None:
    check_row_alone(row, text)


def test_a_label_that_is_a_row_or_the_only_words_stays() -> None:
    assert without_labels("Row 12: drop it.") == "Row 12: drop it."
    assert without_labels("Remark 7.") == "Remark 7."
    assert without_labels("Pros: fast. Cons: is email mapped?") == "Pros: fast. Cons: is email mapped?"


# --- (d) scene sentences with a pronoun subject; plain forms -------------------------------------------------


@pytest.mark.parametrize(
    ("row", "text"),
    [
        (14, "Rows with Lifecycle 'test' are leftovers from a demo; they are not real. Filter them out."),
        (8, "Contacts lacking an email are ghosts; they are worthless. Remove them."),
        (4, "Notes is dead weight. Keep it out of the final load, not even piped through."),
        (19, "The Notes column deserves a spot somewhere in the new layout. Place it wherever suits."),
        (19, "Find Notes a seat in one of the fields; your call which."),
        (18, "Could you lift the requirement for email, so that it becomes optional?"),
        (6, "Split Full Name: the last word is the surname, the rest are the given names."),
        (3, "Use Mobile for phone whenever Work Phone is blank. Keep Work Phone where it is set."),
    ],
)
def test_the_forty_second_sets_plain_forms(row: int, text: str) -> None:
    check_row_alone(row, text)


def test_a_pronoun_scene_beside_a_question_stays() -> None:
    text = "Rows with no email: are they useful? They are not. Drop them."
    assert without_pronoun_scenes(text) == text
    check_unchanged(1, "Work Phone is old; it is unused.")


# --- (e) an interjection before a request ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "text"),
    [
        (17, "Nope, nope, nope. That edit made things worse; go back to the version before it."),
        (14, "Whoa! Lifecycle 'test' rows are not real contacts. Drop them."),
        (12, "Ugh. Lowercase the emails."),
    ],
)
def test_an_interjection_before_a_request_drops_out(row: int, text: str) -> None:
    check_row_alone(row, text)


@pytest.mark.parametrize("text", ["Nope.", "Stop! Is phone from Mobile?", "Nah, leave it."])
def test_an_interjection_alone_or_before_a_question_changes_nothing(text: str) -> None:
    assert without_interjection(text) == text
    check_unchanged(1, text)
