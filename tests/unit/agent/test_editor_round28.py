"""Issue 13, round 28: the thirty-fourth set's misses, read by class: rows said to stay are never dropped (a denied
removal or a kept row, and the request said around it); the other rows of a set of repeats said as kin ('its
companions') are no dedup key; a forwarded e-mail's body; a notes page's open toggles; a formal business e-mail's
courtesy and request frames; Tyneside words; a gardener's, a mapmaker's, a carrier's and a guide's figures; learners'
'make them A and B accordingly', 'P - is Q', 'translate C accordingly' after pairs; 'pull every row whose …'; a
pointer after 'use column C'; clarify notions for rows turned back and Tyneside words. Each phrasing was written for
this test and is none of bench/language's corpora; the near neighbours change nothing."""

from __future__ import annotations

import pytest

from ferry.recipe.editor.kept_rows import keeps_rows

from .effects import check_changes_nothing, check_clarify, check_row

ROUND_28: list[tuple[int, str]] = [
    # rows said to stay, the request around them
    (1, "Some contacts have an empty Email. Don't weed them out: build them one from their Website's domain."),
    (1, "Never throw those contacts out; where E-mail is empty, build one from the domain of Website. The rows stay."),
    # the others of a set of repeats said as kin
    (9, "Duplicate emails are like a binary star: keep the first row per email and drop its companion."),
    (9, "Keep the first row per email and remove its siblings."),
    # a forwarded e-mail's body
    (3, "Handing this one on.\n\n-----Original Message-----\nFrom: Pia Lund <pia@example.se>\nSent: Thursday, 3 "
        "December 2026 11:20\nTo: Ferry\nSubject: phones\n\nUse Work Phone for phone, and Mobile when Work Phone is "
        "empty."),
    (12, "Begin forwarded message:\n\nFrom: Ola Berg <ola@example.no>\nDate: 2 December 2026\nSubject: casing\n\n"
         "Please lowercase every email."),
    # a notes page's open toggles
    (5, "\U0001f4c4 Migration notes\n\u25be Signup Date\n    day first, please\n\u25b8 Archive"),
    # a formal business e-mail
    (15, "Dear Ferry team,\n\nI trust this email finds you well. We would be very grateful if you could kindly take "
         "created_at from Signup Date.\n\nYours sincerely,\nMika Sato"),
    (4, "Dear Ferry team,\n\nI hope this email finds you well. We humbly request that Notes be excluded.\n\n"
        "Yours faithfully,\nSora Kato"),
    (13, "We would be most grateful if, in the case where Organization is empty, you could take company from the "
         "email domain."),
    # Tyneside words
    (18, "Can ye make the email field optional, pet? Half wor contacts divvent have one."),
    (19, "Divvent just drop them Notes, man. Find them a home in one of the fields."),
    # figures
    (4, "Keep Notes off the chart; that column isn't ground we're mapping this time."),
    (17, "Wrong turn. Backtrack to the version before this one."),
    (10, "Where country is empty, label it US, just like local mail."),
    (13, "If Organization is blank, read company off the domain of the email."),
    (12, "Repaint every email in lowercase. It's a chart with no capitals on it."),
    (19, "The Notes are seedlings I don't want in the bin; plant them in some field, wherever they'll grow."),
    (1, "No Email? Sow them one on the Website's domain."),
    (16, "A phone number with no country code is domestic; domestic for us is Germany."),
    # learners' pairs and verbs
    (11, "Column Land contains Deutschland and USA, please make them DE and US respectively."),
    (7, "Lifecycle: Kunde \u2013 means customer, Interessent \u2013 means lead."),
    (7, "Kunde is customer and Interessent is lead. Please map Lifecycle accordingly."),
    (14, "Pull each row where Lifecycle is test."),
    (15, "For the created_at field, use column Signup Date, there is the joining date of each contact."),
]  # fmt: skip


@pytest.mark.parametrize(("row", "text"), ROUND_28)
def test_a_round_28_class_does_what_its_row_requires(row: int, text: str) -> None:
    check_row(row, text)


CLARIFY_28: list[tuple[int, str]] = [
    (3, "How many rows are sent back before the import, and by which rule?"),
    (4, "Which columns aren't gannin' ower to the import?"),
]


@pytest.mark.parametrize(("row", "question"), CLARIFY_28)
def test_a_round_28_question_is_answered(row: int, question: str) -> None:
    check_clarify(row, question)


# rows said to stay: whatever else the message is read as, it never adds a row filter (each was a wrong change or
# could read as one: a typo fix made 'weed' 'need', and "don't need them" rows not wanted)
KEPT: list[str] = [
    "Some contacts have no Email. Don't weed them out.",
    "Some contacts turned up without an Email, never weed them out.",
    "Rows without an email, keep the rows, drop nothing.",
    "Don't bin the rows without an Email, we need them.",
]


@pytest.mark.parametrize("text", KEPT)
def test_rows_said_to_stay_are_never_dropped(text: str) -> None:
    assert keeps_rows(text)
    check_changes_nothing(text)


def test_rows_kept_only_where_a_condition_holds_is_a_filter_not_a_keeping() -> None:
    assert not keeps_rows("Keep rows where Lifecycle is customer.")


# near neighbours: a forward that says no action; a closed toggle; a figure asked about, denied or said alone; a
# greeting or courtesy with nothing asked; pairs only described
UNCHANGED: list[str] = [
    "FYI only, no action needed.\n\n---------- Forwarded message ----------\nFrom: A Lee <a@example.com>\nSubject: "
    "dedup\n\nKeep the first row per email.",
    "\u25b8 Phone\n    use Mobile for phone",
    "Is leaving Notes off the map a good idea?",
    "Don't leave Notes off the map.",
    "Should we stamp it US where country is blank?",
    "Duplicate emails are like twins.",
    "Wrong trail.",
    "Howay man, how are ye?",
    "Dear Ferry team,\n\nThank you always for your kind support.\n\nBest regards,\nKen",
    "We would be grateful to know whether Mobile is used for phone.",
    "Land has Deutschland and USA.",
]


@pytest.mark.parametrize("text", UNCHANGED)
def test_a_near_neighbour_changes_nothing(text: str) -> None:
    check_changes_nothing(text)
