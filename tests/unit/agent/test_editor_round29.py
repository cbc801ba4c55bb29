"""Issue 13, round 29: the thirty-fifth and thirty-sixth sets' misses, read by class: a removal named as the thing
not done ('instead of dropping the row') never drops rows; a correct English word is never 'corrected' into another;
a forum post's TL;DR / Title / EDIT, a bullet journal's day page, release notes, a Markdown table and a telegram's
STOP; figures and asides of new voices (cut away, walked off, undone, parted, patchy, proclaimed, a show's or a
trick's patter, a pirate's words, a reason left after the request); learners' word order; clarify notions for rows
knocked out, a proclamation's ask and a question word kept in place. Each phrasing was written for this test and is
none of bench/language's corpora; the near neighbours change nothing."""

from __future__ import annotations

import pytest

from ferry.recipe.editor.english_words import is_common_word
from ferry.recipe.editor.kept_rows import keeps_rows
from ferry.recipe.editor.resolver import fix_typos

from .effects import check_changes_nothing, check_clarify, check_row

ROUND_29: list[tuple[int, str]] = [
    # a removal named as the thing not done
    (1, "When E-mail is empty, build one on the Website domain, instead of removing the row."),
    (1, "Rather than dropping the rows with no Email, build an address from Website's domain."),
    (1, "Build an email from Website in place of removing rows without one."),
    # a forum post
    (10, "Title: blank countries\n\nRows from the old CRM export keep arriving with no country, which is "
         "annoying.\n\nTL;DR: if country is empty, set it to US."),
    (2, "Title: phone source\n\nPlease take phone from Mobile.\n\nEDIT: forgot to say, thanks!"),
    # a bullet journal page
    (9, "Fri 11 Dec\n\u25cb 14:00 call with finance\n\u2022 keep the first row per email, drop the rest"),
    (14, "Saturday, 12 December\n\u25cb 11:00 QA sync\n\u2022 drop rows where Lifecycle is test\n\u2013 QA leftovers"),
    # release notes
    (4, "## v3 notes\n\n### Removed\n- Notes: no longer imported"),
    (12, "Changed\n- Emails are now imported in lowercase (e.g. Ab@X.de becomes ab@x.de)."),
    # a Markdown table
    (2, "| field | new source |\n|---|---|\n| phone | Mobile |"),
    (11, "Country codes:\n\n| Land | country |\n|---|---|\n| Deutschland | DE |\n| USA | US |"),
    # a telegram
    (2, "WORK PHONE NOT WANTED STOP PHONE FROM MOBILE STOP"),
    # figures of the new voices
    (4, "Clip the Notes column off, please."),
    (4, "Heave the Notes overboard."),
    (14, "Each row whose Lifecycle is test disappears from the import."),
    (8, "Every contact without an email goes overboard."),
    (17, "Retract my last instruction, please."),
    (17, "Rewind my last move, please."),
    (6, "Full Name is one piece; I need two parts, first name and last name."),
    (13, "Patchy Organization forecast; in the gaps, company comes from the email domain."),
    (7, "By royal decree, whosoever is Kunde in Lifecycle shall be called customer; whosoever is Interessent, lead."),
    (18, "The final question: can email be optional? Not all contacts have one."),
    (2, "Hey presto: phone now comes from Mobile. Nothing up my sleeve."),
    (4, "Ahoy! Leave Notes out of the import, matey."),
    # a reason or aside after the request
    (10, "Country empty? Make it US. No rush."),
    (2, "Use Mobile for phone. Work Phone numbers usually are empty."),
    # learners' word order
    (8, "Contacts which email do not have, please delete."),
]  # fmt: skip


@pytest.mark.parametrize(("row", "text"), ROUND_29)
def test_a_round_29_class_does_what_its_row_requires(row: int, text: str) -> None:
    check_row(row, text)


CLARIFY_29: list[tuple[int, str]] = [
    (3, "How many rows walk the plank before the import, and by which rule?"),
    (3, "Which rule kicks them out, and how many rows are kicked out?"),
    (8, "Let it be known which fields have low confidence, and why."),
    (1, "Email field is filled from which column?"),
]


@pytest.mark.parametrize(("row", "question"), CLARIFY_29)
def test_a_round_29_question_is_answered(row: int, question: str) -> None:
    check_clarify(row, question)


# a removal named as the thing not done: whatever else the message is read as, it never adds a row filter
KEPT: list[str] = [
    "In place of removing the rows without an email, just count them for me.",
    "Never delete a contact; where Email is empty, leave it empty.",
    "Without dropping anyone, tell me how many rows lack an email.",
]


@pytest.mark.parametrize("text", KEPT)
def test_a_removal_not_done_never_drops_rows(text: str) -> None:
    assert keeps_rows(text)
    check_changes_nothing(text)


def test_a_removal_asked_for_is_no_removal_not_done() -> None:
    assert not keeps_rows("Drop the rows where Lifecycle is test instead of flagging them.")


@pytest.mark.parametrize("word", ["were", "weed", "form", "there", "sort"])
def test_a_common_english_word_is_never_corrected_into_another(word: str) -> None:
    assert is_common_word(word)
    vocabulary = ["where", "need", "from", "three", "short", "split", "phone"]
    assert fix_typos(f"the {word} column", vocabulary) == f"the {word} column"


def test_a_misspelling_is_still_corrected() -> None:
    assert fix_typos("splt the name", ["split", "name"]) == "split the name"


# near neighbours: a layout that says no action or only quotes; a figure asked about or denied; a day heading alone
UNCHANGED: list[str] = [
    "| field | source |\n|---|---|\n| email | E-mail |\n\nFor reference only, nothing to change.",
    "Sun 13 Dec\n\u25cb 09:00 dentist",
    "### Known issues\n- some phones have no country code",
    "Title: a question about duplicates\n\nHow are duplicate emails handled?",
    "Does 'walks the plank' mean the rows are dropped?",
    "Don't crop Notes out of the frame.",
    "What does 'belay that last order' mean?",
    "Instead of dropping rows, could we flag them?",
    "No rush.",
    "Hear ye, hear ye!",
]


@pytest.mark.parametrize("text", UNCHANGED)
def test_a_near_neighbour_changes_nothing(text: str) -> None:
    check_changes_nothing(text)


# The lead's mends after the merge (three earlier tests the round had broken): a hookup verb maps, now that 'wire' is
# no typo of 'were'; a 'keep the row' right after a condition is a filter, not rows said to stay; ', like <clause>'
# said in scorn is no comparison to cut. Phrasings written for this test; the near neighbours change nothing.
MENDS: list[tuple[int, str]] = [
    (13, "Where Organization is missing, hook up company to the domain of the email instead."),
    (13, "If Organization is blank, plug company into the email's domain instead."),
    (8, "when email is not empty keep the row"),
    (8, "if email is present keep the row"),
]


@pytest.mark.parametrize(("row", "text"), MENDS)
def test_a_mend_after_round_29_does_what_its_row_requires(row: int, text: str) -> None:
    check_row(row, text)


@pytest.mark.parametrize(
    "text",
    [
        "Lovely, Signup Date day first, like that will change anything",
        "Sure, make email optional, like that has ever worked",
    ],
)
def test_a_scornful_like_clause_changes_nothing(text: str) -> None:
    check_changes_nothing(text)


def test_a_kept_row_after_the_request_still_keeps_rows() -> None:
    assert keeps_rows("When E-mail is empty, build an address on the Website's domain and keep the row.")
    assert not keeps_rows("if email != null keep the row")
