"""Issue 13, round 7: the same commands in other voices (`ferry.recipe.editor.voices` and the lexicon's round-7
rules) — code shorthand, dictation, lists, requests, delegation, hedges, non-native word order — each checked with
its row's predicate from tests/unit/agent/effects.py, and the safety fixes the new voices' probes found."""

from __future__ import annotations

import pytest

from ferry.recipe.editor import edit_recipe
from ferry.recipe.editor.fit import state_question
from ferry.recipe.editor.voices import clause_forms, message_forms

from .dialogues import CONTACTS, SHEETS, first_recipe
from .effects import UPDATE_EFFECTS, unchanged, update_start

# one or two phrasings per mechanism and row (written after the mechanisms, not taken from the dev sets)
BY_VOICE = [
    # code shorthand
    (3, "phone = IFNULL(Work Phone, Mobile)"),
    (10, "country := COALESCE(Land, 'US')"),
    (8, "DELETE FROM contacts WHERE email IS NULL"),
    (14, "WHERE Lifecycle != 'test'"),
    (11, "CASE Land WHEN 'Deutschland' THEN 'DE' WHEN 'USA' THEN 'US' END"),
    (7, "Lifecycle: s/Kunde/customer/; s/Interessent/lead/"),
    (7, 'Lifecycle map: {"Kunde": "customer", "Interessent": "lead"}'),
    (9, "SELECT DISTINCT ON (email) *"),
    (4, "SELECT * EXCEPT (Notes)"),
    (12, "UPDATE contacts SET email = LOWER(email)"),
    (5, "created_at = to_date(Signup Date, 'DD/MM/YYYY')"),
    (13, "company = NVL(Organization, domain(E-mail))"),
    (16, "phone.region = DE"),
    (18, "ALTER email DROP NOT NULL"),
    # dictation
    (3, "wear the work phone is empty use the mobile instead period"),
    (5, "signup date is day slash month slash year"),
    (10, "country blank comma set it to US"),
    (12, "make all the e mails lower case"),
    # lists
    (9, "to do:\n1) dedupe by email (first one stays)\n2) emails in lowercase"),
    (6, "- split Full Name into first + last\n- Signup Date is dd/mm"),
    (12, "Changes:\n• lowercase the e-mails\n• keep the Notes out"),
    (9, "dedupe emails (keep top row)"),
    # requests and delegation
    (8, "could contacts that have no email be removed?"),
    (19, "could the notes be stored somewhere?"),
    (13, "can the company come from the email domain if there's no Organization?"),
    (2, "Kindly arrange it so phone reads from the Mobile column instead of Work Phone."),
    (14, "make sure the test rows (Lifecycle is test) are not imported"),
    (6, "Have the full name broken into first and last."),
    (1, "is it possible that missing emails are generated from the Website? dont delete the rows"),
    (2, "I was told phone should use the mobile, could you do that?"),
    # hedges
    (9, "I suppose we should keep only the first row per email"),
    (16, "I'd say phone numbers are German when there's no country code"),
    (12, "I guess the emails should be lowercased"),
    (5, "Signup Date is formatted dd.mm.yyyy... sorry, dd/mm/yyyy"),
    # word order, the passive, labels, descriptions
    (16, "phone numbers without a country code should be treated as German"),
    (19, "the notes I want to keep them in some place"),
    (6, "the Full Name you have to divide in the name and the surname"),
    (15, "the created_at is the date of signup, column Signup Date"),
    (3, "the work phone is first choice, second choice is the mobile"),
    (19, "notes: put them in some field"),
    (6, "Full Name: split on space, last word is the last name"),
    (10, "country fallback: US"),
    (8, "filter: email not empty"),
    (8, "ensure no row is imported without an email"),
    (5, "the first number in Signup Date is the day"),
    (5, "the dates come from Excel in en-GB locale"),
    (14, "Test contacts, marked as test in Lifecycle, should be skipped"),
    (16, "phone default region DE, keep the ones that already have +"),
    (10, "country: fill blanks with US"),
    (4, "we won't be needing the Notes column"),
    (2, "the phone number we want is the mobile one, not the office one"),
    # written after the mechanisms above: 'any chance', requirement labels, numbered intents on one line, '??'
    (7, "any chance Kunde could be mapped to customer and Interessent to lead?"),
    (5, "Requirement: Signup Date parsed as DD/MM/YYYY."),
    (8, "1) drop rows with no email 2) lowercase emails"),
    (3, "Please configure phone = Work Phone ?? Mobile"),
    (4, "1. Notes \u2013 not needed"),
    (4, "Notes can go, we never use them"),
    (5, "if I'm not mistaken Signup Date is day/month/year"),
    (8, "rows missing an email shouldn't make it into the import"),
    (16, "Requirement: phone numbers default to Germany (+49) when no country code."),
    (1, "as far as I know contacts without email have a website so make the email from its domain"),
    (1, "any chance missing emails could be built from the website domain? keep those contacts though"),
]


@pytest.mark.parametrize(("row", "message"), BY_VOICE)
def test_a_command_in_another_voice_does_what_its_row_requires(row: int, message: str) -> None:
    UPDATE_EFFECTS[row](edit_recipe(update_start(row), [CONTACTS], SHEETS, message))


def test_the_forms_are_rewritten_before_any_family_reads_them() -> None:
    assert message_forms("WHERE E-mail IS NOT NULL") == "keep only rows where E-mail is not empty"
    assert message_forms("if e-mail is blank comma keep the row period") == "if e-mail is blank, keep the row."
    assert message_forms("- a\n- b") == "a\nb"
    assert clause_forms("could the notes go somewhere") == "the notes should go somewhere"
    assert clause_forms("make sure the Notes column isn't carried over") == (
        "the Notes column should not be carried over"
    )
    assert clause_forms("I think the dates are probably day-first") == "the dates are day-first"


@pytest.mark.parametrize(
    "message",
    [
        "Where the work number is missing, the mobile one should be used for phone",  # a condition, not SQL
        "where there's no organization, use the domain of the e-mail address as company",
    ],
)
def test_a_sentence_opening_with_where_is_code_only_with_an_operator(message: str) -> None:
    e = edit_recipe(first_recipe(), [CONTACTS], SHEETS, message)
    assert e.changed and e.recipe is not None and not e.recipe.templates[0].filters, e.summary


@pytest.mark.parametrize(
    "message",
    [
        "Maybe map Mobile to phone, not sure yet",
        "We might split the Full Name later",
        "can Mobile be the phone, or is that a bad idea?",
        "Could the Mobile be the phone? Just asking",
    ],
)
def test_an_undecided_speaker_or_a_request_for_an_opinion_changes_nothing(message: str) -> None:
    e = edit_recipe(first_recipe(), [CONTACTS], SHEETS, message)
    unchanged(e)


def test_an_opinion_tag_makes_the_message_a_question() -> None:
    assert state_question("map Mobile to phone, what do you think?") is not None
    assert state_question("Could the Mobile be the phone? Just asking") == "Could the Mobile be the phone?"
    assert state_question("Could you map Mobile to phone?") is None


def test_a_denied_removal_is_asked_about_not_applied() -> None:
    e = edit_recipe(first_recipe(), [CONTACTS], SHEETS, "we should not drop rows without an email")
    assert e.question is not None and not e.changed and "should not happen" in e.question.question


def test_a_date_format_of_a_column_no_date_field_reads_changes_nothing() -> None:
    e = edit_recipe(first_recipe(), [CONTACTS], SHEETS, "Notes format is 'DD/MM/YYYY'")
    assert not e.changed and e.recipe is None


def test_keeping_rows_named_by_a_value_keeps_them_rather_than_keeping_nothing_else() -> None:
    e = edit_recipe(first_recipe(), [CONTACTS], SHEETS, "keep the test rows")
    assert not e.changed and "already kept" in e.summary
    only = edit_recipe(first_recipe(), [CONTACTS], SHEETS, "keep only the test rows")
    assert only.changed and only.recipe is not None and only.recipe.templates[0].filters


def test_never_mind_with_leave_it_as_it_is_is_not_an_undo() -> None:
    e = edit_recipe(first_recipe(), [CONTACTS], SHEETS, "never mind, leave it as it is")
    assert not e.revert and not e.changed
