"""Issue 13, round 32: the thirty-ninth set's misses, read by class: a fallback whose condition names a missing value
(with a figure, a parenthesis or the word 'dropped' inside) is never a row filter; pasted frames (a unified diff's
headers and hunks, a prompt engineer's role, labels, rules and closing line); craft figures (bad material thrown
out, a case forged flat, a failed step undone, a date that 'reads day first') and an example date that shows the
order. Each phrasing was written for this test and is none of bench/language's corpora; the near neighbours change
nothing."""

from __future__ import annotations

import pytest

from ferry.recipe.editor.pasted_frames import unframed
from ferry.recipe.editor.workshop_figures import workshop_figured

from .effects import check_changes_nothing, check_row, check_unchanged

ROUND_32: list[tuple[int, str]] = [
    # a unified diff of any field, with its headers and hunk lines
    (2, "--- before\n+++ after\n@@ the phone field @@\n-phone: Work Phone\n+phone: Mobile"),
    (15, "--- today\n+++ tomorrow\n@@ created_at @@\n-created_at: (none)\n+created_at: Signup Date"),
    # a prompt engineer's framing
    (3, "You are a careful migration agent.\nTask: set the phone field.\nRules:\n1) Take Work Phone.\n"
        "2) When Work Phone is blank, fall back to Mobile.\nDo not touch anything else."),
    (12, "Instruction: make every email lowercase.\nDo not modify anything else."),
    (18, "Request: make the email field optional (currently required)."),
    # bad material thrown out
    (8, "Records without an email are defective stock. Toss them into the reject bin."),
    (8, "Every row without an email won't be counted, remove those rows."),
    # a case forged
    (12, "Beat every email into lowercase. Not a single capital left."),
    # a failed step undone
    (17, "My last edit broke in the kiln. Undo it."),
    (17, "Unravel it back to the version before, please."),
    # a date's order: a figure for day first, an example date whose reading shows it
    (5, "Signup Date is written day first. 07/02/2024 means the 7th of February."),
    (5, "For Signup Date, month is behind, day is in front? No: day in front, month behind."),
    (5, "Signup Date: 13/05/2024 is May 13th, please read it like that."),
]  # fmt: skip


@pytest.mark.parametrize(("row", "text"), ROUND_32)
def test_a_round_32_class_does_what_its_row_requires(row: int, text: str) -> None:
    check_row(row, text)


# a fallback whose condition names a missing value: the rows stay, the value is filled from elsewhere
FALLBACKS: list[tuple[int, str]] = [
    (13, "Weave company from Organization; where a row has a missing thread (no Organization), take it from the "
         "email's domain."),
    (13, "company comes from Organization, and where a row has a dropped value (Organization empty), fill it from "
         "the E-mail's domain instead."),
]  # fmt: skip


@pytest.mark.parametrize(("row", "text"), FALLBACKS)
def test_a_fallback_naming_a_missing_value_is_no_row_filter(row: int, text: str) -> None:
    check_row(row, text)


def test_a_dropped_stitch_with_a_source_never_drops_rows() -> None:
    # the dev39 shape with a different figure and field: never read as 'drop rows without company'
    check_unchanged(
        13, "Where a row has a dropped stitch there (no Organization at all), pick the stitch up from the domain."
    )


# a row filter said near the fallback's words keeps filtering
ROW_FILTERS: list[str] = [
    "Rows with no email are dropped.",
    "Where a row has no email, drop it.",
    "Where a record has a dropped email (no email at all), drop the record.",
]


@pytest.mark.parametrize("text", ROW_FILTERS)
def test_a_row_filter_is_still_a_row_filter(text: str) -> None:
    check_row(8, text)


UNCHANGED: list[str] = [
    "Are the rows with no email bad iron?",  # a figure asked about
    "Should I hammer every email flat into lowercase?",
    "Don't hammer every email flat into lowercase.",  # negated
    "Never throw them on the scrap heap.",
    "--- current\n+++ wanted",  # a diff's headers alone
    "You are a data-mapping assistant.",  # a role alone
    "Do not change anything else.",
    "The rows with no email are good iron.",  # no bad material, no removal
]


@pytest.mark.parametrize("text", UNCHANGED)
def test_a_near_neighbour_changes_nothing(text: str) -> None:
    check_changes_nothing(text)


def test_an_example_date_says_the_order_only_when_it_shows_it() -> None:
    assert workshop_figured("Signup Date: 09/10/2024 is the 9th of October.") == "Signup Date: day first."
    assert workshop_figured("Signup Date: 10/09/2024 is the 9th of October.") == "Signup Date: month first."
    same = "Signup Date: 05/05/2024 is the 5th of May."  # day and month alike: no order shown
    assert workshop_figured(same) == same
    wrong = "Signup Date: 05/06/2024 is the 9th of May."  # a reading that fits neither order
    assert workshop_figured(wrong) == wrong


def test_a_frame_needs_its_shape() -> None:
    bullets = "- phone from Mobile\n- lowercase email"  # a list, no '-field:' / '+field:' pair
    assert unframed(bullets) == bullets
    lone = "--- current\nphone: Mobile"  # no added line: no diff
    assert unframed(lone) == lone
    assert unframed("--- a\n+++ b\n-phone: Work Phone\n+phone: Mobile") == "-phone: Work Phone\n+phone: Mobile"
    assert unframed("-first_name: (not mapped)\n+first_name: Full Name") == "+first_name: Full Name"
