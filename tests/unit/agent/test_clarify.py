"""Clarify answers on the scenario of shared/notes/agent-dialogues.md: every row of the clarify table in several
phrasings, honest about the preview sample, and never changing anything."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest

from ferry.engine import preview as engine_preview
from ferry.ingest import sniff
from ferry.recipe import Recipe
from ferry.recipe.clarify import HELP, answer_question
from ferry.recipe.editor import edit_recipe

from .dialogues import CONTACTS, FILE_ID, SHEET_ID, first_recipe, write_csv
from .effects import CLARIFY_ROWS, clarify_recipe, edited, make_preview

BASE = first_recipe()
FILTERED = clarify_recipe("filtered")
RECIPES = {"base": BASE, "filtered": FILTERED}


def ask(message: str, recipe: Recipe = BASE, dropped: dict[str, int] | None = None) -> str:
    return answer_question(recipe, [CONTACTS], make_preview(recipe, dropped), message)


# --- each row of the clarify table, in several phrasings ---------------------------------------------

TABLE: list[tuple[int, list[str]]] = [  # the row's recipe, preview and check: effects.CLARIFY_ROWS
    (1, [
        "Where does email come from?",
        "where does the Email address come from",  # label
        "wher does emial come from?",  # typos
        "what's the source of 'email'?",
        "email: where from?",
        "how is email filled",
    ]),
    (2, [
        "Why is row 12 flagged?",
        "what's wrong with row 12",
        "row #12 - why the error?",
        "why is line 12 invalid",
        "Why is rwo 12 flaged?",  # typos
    ]),
    (3, [
        "How many rows will be dropped?",
        "how many rows get filtered out",
        "will any records be removed?",
        "How many rows do we lose?",
        "how many rwos will be droped",  # typos
    ]),
    (4, [
        "Which columns are not imported?",
        "what columns are unused",
        "which columns are ignored?",
        "are we losing any columns",
        "list the unmapped columns",
        "Which colums aren't imported",  # typo
    ]),
    (5, [
        "What happens to duplicate emails?",
        "do you remove duplicates?",
        "what if the same email appears twice",
        "how are dupes handled",
        "What hapens to duplicat emails?",  # typos
    ]),
    (6, [
        "Which date format did you assume for Signup Date?",
        "how are dates parsed?",
        "is created_at day first?",
        "what format are the Created dates in",  # label
        "which date fromat did you asume",  # typos
    ]),
    (7, [
        "How many phone numbers are invalid?",
        "how many bad phones",
        "are there invalid phone numbers?",
        "phone errors?",
        "How many phnoe numbers are invaild?",  # typos
    ]),
    (8, [
        "Is anything mapped with low confidence?",
        "which mappings are you unsure about",
        "any uncertain mappings?",
        "what did you guess",
        "Is anyting mapped with low confidense?",  # typos
    ]),
]  # fmt: skip
CASES = [
    pytest.param(RECIPES[CLARIFY_ROWS[row].recipe], CLARIFY_ROWS[row].dropped, CLARIFY_ROWS[row].check, message,
                 id=f"{row}:{message}")
    for row, messages in TABLE
    for message in messages
]  # fmt: skip


@pytest.mark.parametrize(("recipe", "dropped", "check", "message"), CASES)
def test_clarify_table(
    recipe: Recipe, dropped: dict[str, int] | None, check: Callable[[str], None], message: str
) -> None:
    check(ask(message, recipe, dropped))


# --- honest about the sample, precise about the rules ------------------------------------------------


def test_row_beyond_the_preview() -> None:
    answer = ask("Why is row 120 flagged?")
    assert "beyond the 50 preview rows" in answer and "execute" in answer


def test_row_beyond_the_file() -> None:
    assert "only 120 data rows" in ask("why is row 500 flagged")


def test_row_without_errors() -> None:
    answer = ask("why is row 3 flagged?", FILTERED, {"filters": 4, "dedup": 2})
    assert "passes every check" in answer and "6 preview rows" in answer


def test_unique_error_explained() -> None:
    assert "already appears in an earlier row" in ask("what's wrong with row 30")


def test_dropped_without_rules() -> None:
    answer = ask("How many rows will be dropped?", BASE, {"filters": 0, "dedup": 0})
    assert "no rows are dropped" in answer and "flagged, not dropped" in answer


def test_dedup_policy_when_set() -> None:
    answer = ask("What happens to duplicate emails?", FILTERED, {"filters": 4, "dedup": 2})
    assert "are dropped, keeping the first one" in answer and "drops 2 rows" in answer


def test_dates_after_an_update_with_telling_values(tmp_path: Path) -> None:
    answer = engine_answer(tmp_path, "Which date format did you assume for Signup Date?", "Dates are day-first")
    assert "day first" in answer and "values like '25/03/2024' (read as 2024-03-25) can only be day first" in answer


def test_date_format_named() -> None:
    recipe = edited("Signup Date is DD/MM/YYYY")
    assert "the format DD/MM/YYYY" in ask("which date format for signup date?", recipe)


def test_columns_after_an_update() -> None:
    answer = ask("Which columns are not imported?", edited("Split Full Name into first and last name"))
    assert "'Full Name'" not in answer and "'Notes'" in answer


def test_field_described_after_updates() -> None:
    recipe = edited("If there's no work phone, use the mobile.", "Phone numbers are German",
                    "Use the company domain for any missing email")  # fmt: skip
    phone = ask("Where does phone come from?", recipe)
    assert "'Mobile' is used instead" in phone and "read as DE" in phone
    email = ask("where does email come from", recipe)
    assert "taken from 'Website'" in email and "'info@' put in front" in email


def test_unmapped_field_described() -> None:
    assert "not filled from any column" in ask("where does first name come from?")


def test_status_values_described() -> None:
    answer = ask("explain the status mapping", edited("Treat 'Kunde' as customer and 'Interessent' as lead"))
    assert "'Kunde' \u2192 customer" in answer and "'Lifecycle'" in answer


def test_invalid_overview() -> None:
    answer = ask("how many rows have errors?")
    assert "phone: 3" in answer and "first 50 preview rows" in answer


def test_summary() -> None:
    assert "6 of 8 fields" in ask("give me a summary")


# --- change requests, nonsense, and never changing anything -------------------------------------------


@pytest.mark.parametrize(
    "message",
    ["Lowercase the emails", "Can you lowercase the emails?", "please drop rows without an email",
     "The emails should be lowercase", "map Mobile to phone"],
)  # fmt: skip
def test_a_change_request_says_run_an_update(message: str) -> None:
    answer = ask(message)
    assert "To do that, run an update with:" in answer and "nothing was changed" in answer


@pytest.mark.parametrize("message", ["asdfgh", "", "hello", "what is the meaning of life"])
def test_not_understood_lists_what_can_be_answered(message: str) -> None:
    assert ask(message) == HELP


ALL_QUESTIONS = [m for _, messages in TABLE for m in messages] + ["Lowercase the emails", "asdfgh"]


@pytest.mark.parametrize("recipe", [BASE, FILTERED], ids=["base", "filtered"])
def test_clarify_never_changes_anything(recipe: Recipe) -> None:
    preview = make_preview(recipe, {"filters": 4, "dedup": 2})
    recipe_before, preview_before = recipe.model_dump(), copy.deepcopy(preview)
    for message in ALL_QUESTIONS:
        answer_question(recipe, [CONTACTS], preview, message)
    assert recipe.model_dump() == recipe_before and preview == preview_before


def engine_answer(tmp_path: Path, question: str, *messages: str) -> str:
    """Ask about a preview the real engine built from the scenario's CSV."""
    path = write_csv(tmp_path / "contacts.csv")
    manifest = sniff(path, "contacts.csv")
    recipe = first_recipe()
    for message in messages:
        e = edit_recipe(recipe, [CONTACTS], {(FILE_ID, SHEET_ID): manifest.sheets[0]}, message)
        assert e.recipe is not None
        recipe = e.recipe
    body = make_preview(recipe)
    body["sheets"] = engine_preview(recipe, [CONTACTS], {FILE_ID: (path, manifest)}, n=50)
    return answer_question(recipe, [CONTACTS], body, question)


def test_on_a_real_engine_preview(tmp_path: Path) -> None:
    messages = ("Ignore the rows where Lifecycle is test", "keep only the first row for each email")
    dropped = engine_answer(tmp_path, "How many rows will be dropped?", *messages)
    assert "in all 7 rows, 2 rows are dropped: 1 by the filters" in dropped and "1 by dedup on email" in dropped
    flagged = engine_answer(tmp_path, "why is row 3 flagged", *messages)
    assert "email is empty but required" in flagged


# --- kinds of wording: each question class asked in words of our own (not the benchmark's) ---------------

KINDS: list[tuple[int, list[str]]] = [
    (2, ["what's wrong with #12", "explain row twelve to me"]),
    (3, ["How many contacts get deleted?", "how many lines are we going to lose", "how many records won't make it"]),
    (4, ["Which columns are we not bringing over?", "what columns don't get imported", "which columns go not in"]),
    (5, ["what if several contacts share the same email", "What happens when an email shows up two times?"]),
    (6, ["how do you read Created?"]),
    (7, ["how many phone numbers don't validate?", "are some phones not correct"]),
    (8, ["which mappings should I double-check?", "could any mapping be wrong?"]),
]
KIND_CASES = [
    pytest.param(RECIPES[CLARIFY_ROWS[row].recipe], CLARIFY_ROWS[row].dropped, CLARIFY_ROWS[row].check, message,
                 id=f"{row}:{message}")
    for row, messages in KINDS
    for message in messages
]  # fmt: skip


@pytest.mark.parametrize(("recipe", "dropped", "check", "message"), KIND_CASES)
def test_clarify_kinds_of_wording(
    recipe: Recipe, dropped: dict[str, int] | None, check: Callable[[str], None], message: str
) -> None:
    check(ask(message, recipe, dropped))


def test_clarify_how_many_by_filters_and_dedup_counts_both() -> None:
    answer = ask("how many rows do the filters and the dedup take out?", FILTERED, {"filters": 4, "dedup": 2})
    assert "6 rows are dropped" in answer or ("4 by the filters" in answer and "2 by dedup" in answer)
