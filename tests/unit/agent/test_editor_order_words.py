"""A fallback said as an order of columns ('Work Phone first, then swap in Mobile') is never read as a switch to the
second column: the lead's blind set dev22 had one such wrong change ('… if it's missing, swap in Mobile' rephrased
as '… first, then swap in Mobile'). 'Swap in' and 'substitute' ask for a column like 'use' does. Each phrasing
was written for this test and is none of bench/language's corpora."""

from __future__ import annotations

import pytest

from ferry.recipe.editor import edit_recipe

from .dialogues import CONTACTS, SHEETS
from .effects import check_clarify, check_row, update_start


@pytest.mark.parametrize(
    "text",
    [
        "Work Phone first, then swap in Mobile.",
        "Work Phone is what phone is made of; if it's blank, swap in Mobile.",
        "Where the Work Phone is empty, substitute Mobile.",
    ],
)
def test_a_fallback_said_with_swap_in_or_as_an_order_falls_back(text: str) -> None:
    check_row(3, text)


@pytest.mark.parametrize(
    "text",
    [
        "Work Phone goes first for phone, then switch to Mobile.",
        "Phone from Work Phone first; then change it to Mobile.",
    ],
)
def test_an_order_of_the_fields_columns_is_never_a_switch_to_the_second(text: str) -> None:
    e = edit_recipe(update_start(3), [CONTACTS], SHEETS, text)
    if e.changed:  # a fallback is the one change these may make; a question is fine
        check_row(3, text)


def test_a_switch_said_first_still_switches() -> None:
    check_row(2, "First switch phone over to Mobile.")


@pytest.mark.parametrize(
    ("row", "question"),
    [
        (4, "list the cols that wont be imported"),
        (4, "what columns arent coming in"),
        (7, "How many of the phone numbers do not hold up?"),
        (7, "phones that dont check out, how many?"),
    ],
)
def test_clarify_reads_short_column_words_bare_negations_and_verdicts_on_values(row: int, question: str) -> None:
    # dev22's two clarify misses ('what cols arent imported', "don't check out") in other words
    check_clarify(row, question)
