"""Issue 13, round 34: precision first — a removal's 'them' after rows described by a condition is those rows (not
the column the condition names), a description naming who the records are ('our customers') is no value map, and
one field's two changes in one message that undo each other are asked back; then the forty-first set's misses by
class (a sentence of scene or a rhetorical question beside a plain request, an INI config, passive removals,
'clear out', an undo to 'the previous <anything>', a requirement that ceases, a case 'sanded down to lowercase').
Each phrasing was written for this test and is none of bench/language's corpora; the near neighbours change
nothing, or change what they always did."""

from __future__ import annotations

import pytest

from ferry.recipe.editor import edit_recipe
from ferry.recipe.editor.nested_config import nested_config_request
from ferry.recipe.editor.rhetorical import without_rhetorical
from ferry.recipe.editor.row_pronouns import rows_meant
from ferry.recipe.editor.scene_sentences import is_scene

from .dialogues import CONTACTS, SHEETS, field_of
from .effects import check_changes_nothing, check_row, check_row_alone, check_unchanged, update_start

# --- (a) a removal's 'them' after rows described by a condition: the rows only ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Contacts lacking an e-mail are of no use to us. Please delete them.",
        "Records with no email: bin every last one of them.",
        "Rows missing an email address are dead weight; so discard them.",
    ],
)
def test_them_after_rows_without_a_value_is_the_rows(text: str) -> None:
    check_row_alone(8, text)


def test_them_after_a_column_is_still_the_column() -> None:
    e = edit_recipe(update_start(1), [CONTACTS], SHEETS, "The email column is rubbish. Delete it.")
    assert e.recipe is not None and field_of(e.recipe, "email").get("column") is None
    assert rows_meant("The email column is rubbish; delete it.") == "The email column is rubbish; delete it."


# --- (b) who the records are is no value ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "All of our leads live in Germany, so phone numbers without a country code are German.",
        "Our customers are all based in Germany; treat phone numbers without a country code as German.",
    ],
)
def test_a_record_word_in_a_scene_is_no_value_map(text: str) -> None:
    check_row_alone(16, text)


def test_a_value_of_the_file_is_still_mapped() -> None:
    check_row(7, "Kunde is customer, Interessent is lead")


# --- (c) two changes of one field that undo each other -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "phone should come from Mobile. Then phone comes from Work Phone.",
        "Map Mobile to phone; phone is taken from Work Phone.",
    ],
)
def test_a_field_moved_and_moved_back_is_asked(text: str) -> None:
    check_unchanged(2, text)


def test_a_fallback_beside_the_move_still_applies() -> None:
    check_row(2, "phone should come from Mobile instead of Work Phone.")


# --- a sentence of scene, or a rhetorical question, beside a plain request --------------------------------------


@pytest.mark.parametrize(
    ("row", "text"),
    [
        (17, "The last change looks odd. Go back to the previous version."),
        (14, "We've got a row called Demo Person. Demo Person's days are numbered. Drop rows where Lifecycle is test."),
        (18, "Does every contact really need an email? Surely not. Make email optional."),
        (13, "What is a firm, if not its mail domain? When Organization is blank, take company from the email domain."),
    ],
)
def test_a_scene_beside_a_request_sets_no_block(row: int, text: str) -> None:
    check_row(row, text)


@pytest.mark.parametrize(
    "text",
    [
        "Must every contact have an email? Absolutely. Make email optional.",  # answered yes: contradicts
        "Why would email ever be optional? Make email optional.",  # may object to the request
        "The phone column looks odd.",  # a scene alone
        "Is phone from Work Phone? Is email lowercased?",  # questions about state only
    ],
)
def test_a_contradicting_reason_or_a_scene_alone_changes_nothing(text: str) -> None:
    check_changes_nothing(text)


def test_a_scene_is_a_statement_that_asks_nothing() -> None:
    assert is_scene("That old export looks strange", None)
    assert not is_scene("Phone numbers without a code are German", None)  # may be the request
    assert not is_scene("The rows with Lifecycle 'demo' are junk", "bin them")  # says which rows 'them' are
    assert without_rhetorical("Is phone from Work Phone?", lambda q: False) == "Is phone from Work Phone?"


# --- an INI config, passive removals, 'clear out', undo to the previous <anything>, a requirement that ceases -----


@pytest.mark.parametrize(
    ("row", "text"),
    [
        (2, "[phone]\n# Work Phone was the old one\nsource = Mobile"),
        (7, "[status map]\nKunde = customer\nInteressent = lead"),
        (14, "Every row whose Lifecycle is 'test' is removed from the import."),
        (14, "Clear out every row where Lifecycle is test."),
        (17, "Take us back to the earlier draft."),
        (18, "We ask that email stop being mandatory."),
        (12, "Knock the emails down to lowercase."),
        (12, "The emails are a wild mix of upper and lower case. Lowercase them so they all line up."),
    ],
)
def test_the_forty_first_sets_classes(row: int, text: str) -> None:
    check_row(row, text)


def test_an_ini_value_left_open_is_left_as_typed() -> None:
    assert nested_config_request("[phone]\nsource = ?") == "[phone]\nsource = ?"
    check_changes_nothing("[phone]\nsource = ?")
