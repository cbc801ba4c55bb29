"""Issue 13: the instruction editor reads kinds of wording, not the strings it was tuned on. Each case is a kind
(a preference, a description, arrows and lists, everyday verbs, another word order, a typo, German or French
speakers' English, undo in other words) said in words that appear in neither phrasing corpus, checked with the
same effect predicates as the update table's rows; wordings that name nothing the migration has, or say too
little, change nothing."""

from __future__ import annotations

import pytest

from ferry.recipe.editor import edit_recipe

from .dialogues import CONTACTS, SHEETS
from .effects import UNDO_FIRST_CHANGE, UPDATE_EFFECTS, unchanged, update_start

KINDS: list[tuple[str, int, str]] = [
    ("preference, the other column said loosely", 2, "I'd rather have the mobile numbers than the office ones"),
    ("preference between columns", 2, "for phone I prefer Mobile over Work Phone"),
    ("column said better for a field", 2, "Mobile is the better phone column"),
    ("everyday verb", 2, "switch phone over to the Mobile column"),
    ("description of a date format", 5, "Signup Date is written the European way"),
    ("description of the day's place", 5, "the day comes first in the signup dates"),
    ("a sample date read out", 5, "read 03/04/2024 as 3 April"),
    ("description of a name column", 6, "the Full Name column holds first and last names together"),
    ("names said first", 6, "first and last name are both in Full Name"),
    ("non-native split", 6, "Full name must be separated in first name and last name"),
    ("arrows and a list", 11, "Land \u2014 Deutschland => DE; USA => US"),
    ("lists paired in order", 11, "Land values Deutschland and USA are DE and US"),
    ("modal wish about a value", 11, "Deutschland must be DE and USA must be US"),
    ("value list with the verb left out", 7, "status: Kunde is a customer, Interessent a lead"),
    ("column and field around an arrow", 7, "Lifecycle Kunde -> status customer, Interessent -> lead"),
    ("everyday verb for case", 12, "put the emails in lowercase"),
    ("a problem described", 12, "Some emails are in capitals, like ANNA@Example.org; fix that"),
    ("rows a column marks", 14, "leave out the rows that Lifecycle marks as test"),
    ("value named before the rows", 14, "ignore Lifecyle test rows"),
    ("condition in brackets", 14, "test contacts (Lifecycle = test) must be dropped"),
    ("rows that must not be imported", 8, "Contacts without e-mail must not be imported"),
    ("a must, the rest dropped", 8, "email is a must, drop the rest"),
    ("dedup said as who wins", 9, "the first row wins when emails are the same"),
    ("dedup with a reason", 9, "remove duplicate emails but keep the first"),
    ("fallback with an arrow", 3, "Work Phone empty -> Mobile"),
    ("fallback as a backup", 3, "Mobile is the backup for phone"),
    ("fallback with 'then'", 3, "if work phone is empty then mobile"),
    ("default said as a description", 10, "a blank Land means US"),
    ("default as a verb", 10, "use US as the default country"),
    ("default after a colon", 10, "country: US by default"),
    ("German speaker's missing", 1, "E-Mail fehlt? then please build it from the website domain"),
    ("someone has no email", 1, "when someone has no e-mail, construct it as info@ and the domain of Website"),
    ("field described as in a column", 15, "the creation date is in Signup Date"),
    ("not importing, with a dash", 4, "Nots - don't import"),
    ("not importing, with a reason", 4, "skip the notes column, we don't need it"),
    ("not importing, asked and declined", 4, "Notes? no thanks"),
    ("template rule said as a description", 18, "email does not have to be filled in"),
    ("vague request", 19, "find a place for the Notes"),
    ("default said first", 10, "US is the default for country"),
    ("a reversed arrow", 15, "created_at <= Signup Date"),
    ("'like' for 'as'", 7, "treat Kunde like customer and Interessent like lead"),
    ("a must, or else dropped", 8, "email must exist, else drop the row"),
    ("a sample date with a day above 12", 5, "Signup Date looks like 31/12/2024"),
    ("dedup in brackets", 9, "unique emails only (first wins)"),
    ("an everyday name of a column", 2, "take the cell phone number for phone"),
    ("a reason after the instruction", 2, "phone should be Mobile, I don't trust the work numbers"),
    ("a filled cell is no value 'filled'", 8, "Only import rows where E-mail is filled."),
    ("'drop later duplicates' keeps the first", 9, "email must be unique, drop later duplicates"),
    ("the condition's column, the field after it", 10, "If Land is empty, country = US"),
    ("two rows with the same key", 9, "If there are two rows with the same email, keep the first."),
    # the second round of issue 13 (dev2): clauses leaning on each other, word order, roles of a column
    ("a topic, then a pronoun", 4, "The Notes column we don't need, drop it"),
    ("rows described, then a pronoun", 8, "A row with no e-mail is worthless, remove it"),
    ("a bare topic, then 'it'", 2, "The phone, it must come from Mobile"),
    ("background, then the instruction", 12, "Several addresses are written in capitals; lowercase the email field"),
    ("which row stays, after a dedup", 9, "Some emails appear twice; keep the earliest one"),
    ("a passive after a condition", 3, "If Work Phone is blank, then Mobile must be used"),
    ("a column as the backup", 3, "Mobile serves as a backup for phone when Work Phone is empty"),
    ("a priority list", 3, "Work Phone first and if that's empty, Mobile"),
    ("a default as a label", 10, "Country default: US"),
    ("a state is no value", 10, "If no country is provided, it is US"),
    ("a participle for the verb", 6, "Full Name separated into first and last name"),
    ("a column dated by an event", 15, "Signup Date is the date when the contact was created"),
    ("an object fronted", 7, "Kunde we must treat as customer, Interessent as lead"),
    ("a dialling code as example", 16, "numbers without +49 are German"),
    ("the field after the fallback", 3, "when Work Phone is empty, take Mobile for phone"),
    ("a missing value accepted", 18, "It's okay when a contact has no email"),
    ("a scope described", 7, "Lifecycle entries are German: Kunde -> customer, Interessent -> lead"),
    ("a contrast left out", 2, "For phone take the Mobile, not the Work Phone"),
    ("a short date order", 5, "Signup Date is DD/MM"),
    (
        "rows described by what they have",
        13,
        "Records with no Organization do have an e-mail; the company should come from its domain",
    ),
    # the third round of issue 13 (dev3): indirect requests, objects fronted without a modal, means and roles
    ("a request as a wonder", 12, "I was wondering whether you could lowercase the email addresses"),
    ("an object fronted, no modal, a pronoun after", 14, "The rows with Lifecycle test we drop them"),
    ("a field fronted with a wish", 2, "For phone I need the Mobile column"),
    ("a column as the one for a field", 2, "Mobile is the column to use for phone"),
    ("a passive with the field after it", 3, "If there is no Work Phone, the Mobile should be used for phone"),
    ("'none is given' as missing", 10, "Put US as country if none is set"),
    ("duplicates described by what they share", 9, "When several contacts have the same email, keep the first"),
    ("a split said as the means", 6, "first and last name must be derived from Full Name by splitting it"),
    ("who writes a column fronted", 5, "Signup Date they write with the day first"),
    ("a value before rows and in brackets", 14, "skip the test contacts (Lifecycle: test)"),
    (
        "what they lack, then what they have",
        13,
        "Some rows have no Organization but they have an email; use its domain for company",
    ),
    ("a speaker's need, then a pronoun", 4, "We don't really need the Notes, skip them"),
    ("the phone's own prefix says otherwise", 16, "numbers are from Germany unless they state otherwise"),
    (
        "a fronted field and a second instruction",
        1,
        "For the email, if empty, build it from the Website domain, and keep those rows",
    ),
    ("a reason after, said as 'not good'", 2, "For the phone we need the Mobile, the Work Phone is no good"),
]
UNDO = ["roll back the last change", "scrap the last change", "cancel the last edit", "go one version back",
        "revert the previous update", "make it like before",
        "back to the state from before"]  # fmt: skip


@pytest.mark.parametrize(("kind", "row", "text"), KINDS, ids=[k for k, _, _ in KINDS])
def test_a_kind_of_wording_has_the_rows_effect(kind: str, row: int, text: str) -> None:
    UPDATE_EFFECTS[row](edit_recipe(update_start(row), [CONTACTS], SHEETS, text))


@pytest.mark.parametrize("text", UNDO)
def test_undo_in_other_words_asks_for_the_previous_version(text: str) -> None:
    first = edit_recipe(update_start(17), [CONTACTS], SHEETS, UNDO_FIRST_CHANGE)
    assert first.recipe is not None
    UPDATE_EFFECTS[17](edit_recipe(first.recipe, [CONTACTS], SHEETS, text))


def test_several_intents_in_one_message_are_each_applied_and_reported() -> None:
    e = edit_recipe(update_start(1), [CONTACTS], SHEETS, "lowercase the emails and drop rows without one")
    assert e.changed and e.recipe is not None
    assert "lower-cased" in e.summary and "without an email" in e.summary
    assert [f.model_dump(exclude_none=True) for f in e.recipe.templates[0].filters] == [
        {"field": "email", "op": "not_null"}
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Notes are in German",  # a description of the data, not a date format
        "ignore USA",  # names neither rows nor a column: not a row filter
        "Mobile",  # a bare column: where it goes stays a question
        "the dates are wrong",
        "Lifecycle test",
        "status must be customer",
    ],
)
def test_a_wording_that_names_too_little_changes_nothing(text: str) -> None:
    e = edit_recipe(update_start(1), [CONTACTS], SHEETS, text)
    unchanged(e)


def test_a_background_statement_is_reported_and_the_instruction_applied() -> None:
    e = edit_recipe(update_start(12), [CONTACTS], SHEETS, "Our contacts are mostly in Germany; lowercase the emails")
    UPDATE_EFFECTS[12](e)
    assert "\u201cOur contacts are mostly in Germany\u201d read as background" in e.summary


@pytest.mark.parametrize(
    "text",
    [
        "Some contacts have no work phone; use Mobile for phone",  # a condition, never background: no replacing
        "Our contacts are mostly in Germany",  # background alone is no instruction
        "It's fine if a contact has no phone",  # 'fine' is no phone number to default to
        "If no country is set, it is fine",
        "Dates are day first unless they say otherwise",  # 'otherwise' about dates is no phone country code
        "The Work Phone is not good",  # a reason with no instruction beside it
    ],
)
def test_a_description_that_would_widen_or_invent_a_change_changes_nothing(text: str) -> None:
    e = edit_recipe(update_start(3), [CONTACTS], SHEETS, text)
    unchanged(e)
