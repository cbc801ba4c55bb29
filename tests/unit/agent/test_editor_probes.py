"""Issue 13, round 5: adversarial but realistic phrasings that must never change the recipe. Each one either has no
change to make or cannot be read safely: a denial over the whole command ("I don't want the domain of the website
for the email"), a question about the recipe said like a command ("Are duplicate emails dropped?"), a description
that only states a fact, a relation whose two sides name the same value ("customer is Kunde"), a verb applied to a
column whose values do not fit it ("separate the notes", "lowercase the Signup Date", "map Signup Date to phone"),
a filter on a value of another column, and columns or fields that do not exist. The expected outcome is no change:
a question back, or a note saying why not (`ferry.recipe.editor.fit` holds the checks)."""

from __future__ import annotations

import pytest

from ferry.core.outcomes import Answer
from ferry.recipe.editor import answer_edit_question, edit_recipe
from ferry.recipe.editor.fit import affirmed, state_question

from .dialogues import CONTACTS, SHEETS, first_recipe

PROBES = [
    "I don't want the domain of the website for the email",
    "customer is Kunde",
    "separate the notes",
    "Do not build emails from the website",
    "We never want the mobile as the phone",
    "Don't split the Full Name",
    "I don't want Kunde translated to customer",
    "No need to lowercase the emails",
    "Don't drop rows without an email",
    "Please don't dedupe on email",
    "don't set the country to US when it's empty",
    "Do not treat phone numbers as German",
    "Should I map Mobile to phone?",
    "Is Mobile mapped to phone?",
    "Can you tell me if the emails are lowercased?",
    "Why is the phone from Work Phone?",
    "The Fax column goes to phone",
    "Map Fax to phone",
    "Use the Twitter column for company",
    "Split Address into street and city",
    "lowercase the Notes",
    "lowercase the Signup Date",
    "split the Signup Date into first and last name",
    "split the Website into first and last name",
    "Deutschland is Deutschland",
    "US is US",
    "lead is lead",
    "Interessent is Interessent",
    "map Mobile to Mobile",
    "phone is phone",
    "Drop rows where Notes is Kunde",
    "Set country to XX when empty",
    "Set status to banana when empty",
    "Treat 'Kunde' as banana",
    "Some contacts have a mobile number",
    "The Website column holds the company's homepage",
    "Our emails sometimes have capitals",
    "Lifecycle has test values",
    "Mobile is often empty",
    "if the email is missing, never use the website",
    "Use the website domain for email only if we decide so later",
    "Maybe map Mobile to phone, not sure yet",
    "I was thinking about splitting Full Name but let's not",
    "Don't import the Website column's domain as email",
    "We used to map Mobile to phone but that's wrong",
    "Are duplicate emails dropped?",
    "What if we dropped rows without email?",
    "Notes are customer comments",
    "Kunde is not customer",
    "USA is not US",
    "Deutschland isn't DE",
    "The emails should not be lowercased",
    "Don't use Mobile instead of Work Phone",
    "Please do not fall back to the mobile",
    "separate the website",
    "split the email",
    "lowercase the phone",
    "Country should not default to US",
    "Interessent means nothing to us",
    "We might split the Full Name later",
    "The Mobile column is not reliable",
    "Work Phone is fine as it is",
    "Keep the phone as Work Phone",
    "Leave the emails as they are",
    "The website is not the company's domain",
    "Lifecycle test means a real customer for us",
    "Don't drop the test rows",
    "Test rows should stay",
    "We keep the test contacts",
    "Never dedupe",
    "The emails are already lowercase",
    "Signup Date is not day-first",
    "The dates are not DD/MM/YYYY",
    "Full Name is not to be split",
    "Organization is always filled",
    "Land is always empty",
    "Don't fill the country with US",
    "I don't need a default country",
    "If Organization is blank, don't use the email domain",
    "Don't translate Deutschland",
    "Notes should not go anywhere",
    "Don't put the notes anywhere",
    "Only the email matters",
    "Mobile numbers are not German",
    "The phones are not from Germany",
    "Use the Mobile only for the Fax field",
    "Put the Website into the phone field",
    "Map Signup Date to phone",
    "Set the phone to Mobile when the email is missing",
    "Kunde is a lead? no, a customer",
    "Kunde, Interessent",
    "Drop rows where Land is Kunde",
    "Delete everything",
    "remove all rows",
    "Never use the mobile number",
    "do not take the domain of the email for company",
    "we shouldn't lower-case emails",
    "You must not split Full Name",
    "dates shouldn't be read day first",
    "Email should not come from the website",
    "The email can't be built from the website",
    "Don't use info@ for emails",
    "Lifecycle should not be translated",
    "Don't treat Kunde as customer",
    "Don't convert USA to US",
    "The company doesn't come from the email domain",
    "Do we have duplicate emails?",
    "Has the phone a country code?",
    "Does Full Name get split?",
    "Were the Notes imported?",
    "Should we use the mobile when work phone is missing?",
    "What if Land is empty?",
    "How come the emails are uppercase?",
    "I wonder whether the dates are day first",
    "Mobile is the number sales uses",
    "The Work Phone column is a landline",
    "Website is where the company's domain is",
    "Lifecycle holds the status",
    "Land contains the country names",
    "Signup Date is when they signed up",
    "E-mail is sometimes uppercase",
    "Organization is the company name",
    "Don't make the email lowercase",
    "Don't read the dates day first",
    "We won't split the names",
    "I don't want US as the default country",
    "Please don't translate Kunde to customer",
    "No, don't use the mobile",
    "Don't remove duplicates",
    "Don't drop anything",
    "Who wrote the Notes?",
    "Is Land mapped to country?",
    "Does the phone use Germany as region?",
    "Did you lowercase the emails?",
    "Has the company a fallback?",
    "Do you split the Full Name?",
    "Are test rows dropped?",
    "Why did you split the name?",
    "Split the Website",
    "Translate Organization",
    "Set Mobile to US when empty",
    "Set the created_at to Kunde",
    "map Lifecycle to created_at",
    "map Full Name to email",
    "map Notes to phone",
    "Use Organization for email",
    "lowercase the country",
    "make Lifecycle lowercase",
    "Treat Deutschland as customer",
    "Drop rows where Land is test",
    "Drop rows without a fax",
    "If the email is missing, use the mobile",
    "Thanks for the preview. The emails look fine, no need to change them.",
    "Hi, I checked the result. Dates look right to me. Best, Anna",
    "We talked about splitting the names yesterday but decided against it.",
    "The last change was good, keep it",
    "I don't think Mobile should be the phone",
    "It's not true that dates are day-first",
    "Please ignore my previous message about the Notes",
    "Kunde and Interessent are German words",
    "USA and Deutschland are in the Land column",
    "The website domain is not a good source for emails",
    "Some emails are missing, that's ok",
    "Test rows are fine to import",
    "Don't worry about duplicates",
    "The country is always filled in our file",
    "Not all phone numbers are German",
    "I don't want you to lowercase anything",
    "You don't have to split Full Name",
    "Never mind the company domain",
    "Forget what I said about Mobile",
    "Could you explain why the email comes from E-mail?",
    "Would the Mobile be better for phone?",
    "Should the notes go to company?",
    "Do I need to translate Kunde?",
    "Is it okay to drop test rows?",
    "Map the Notes to created_at",
    "Use Lifecycle for country",
    "Fill country with Kunde when empty",
    "Translate USA to lead",
    "Drop rows where Website is Deutschland",
]

# Round 7: the same kinds in other voices (SQL and regex shorthand, dictation, a manager delegating, requests said as
# questions, hedges of a speaker who has not decided, lists, non-native word order, off-topic lines), and three
# pre-existing misreadings they found: a denied removal read as the removal ("we should not drop rows without an
# email"), a date format said of a column no date field reads ("Notes format is ..."), and "never mind, leave it as
# it is" read as an undo.
PROBES_ROUND_7 = [
    "SELECT * FROM contacts",
    "WHERE Fax IS NOT NULL",
    "email = COALESCE(E-mail, Fax)",
    "CASE Lifecycle WHEN 'Kunde' THEN 'banana' END",
    "s/Deutschland/Deutschland/",
    "-- TODO: decide about the notes later",
    "SELECT DISTINCT ON (Fax) *",
    "DROP TABLE contacts",
    "TRUNCATE contacts",
    "phone = lower(phone)",
    "created_at = to_date(Notes, 'DD/MM/YYYY')",
    "testing testing one two three period",
    "don't lowercase the emails period",
    "never mind comma leave it as it is",
    "dates are not day first period",
    "Make sure nothing changes for now.",
    "Make sure we don't drop rows without an email.",
    "Make sure the emails aren't lowercased.",
    "Have someone check the dates.",
    "Could Mobile be better for phone?",
    "Could the dates be the problem?",
    "Could it be that test rows are dropped?",
    "Can rows without an email be imported too?",
    "I think maybe we should split Full Name later",
    "Probably the dates are day first, but I'm not sure yet",
    "Perhaps lowercase the emails? Not sure whether that's needed",
    "I guess we might drop the test rows at some point",
    "I'm not sure if Kunde means customer",
    "maybe Mobile for phone, still thinking about it",
    "To do:\n1) nothing yet\n2) we'll see",
    "- don't split Full Name\n- don't lowercase the emails",
    "Two things: • don't drop the test rows • leave the dates alone",
    "what's the weather in Madrid",
    "the Full Name I don't want to split it",
    "the emails you must not put in small letters",
    "Test rows are already dropped",
    "The emails are already lowercased",
    "Phone numbers are usually treated as German",
    "Have the Notes not imported anywhere",
    "Could the Fax be used for phone?",
    "we should not drop rows without an email",
    "Notes format is 'DD/MM/YYYY'",
    "never mind, leave it as it is",
    "I won't need a default country",
    "we will not need the mobile for phone",
    "nothing should be imported",
    "any chance Mobile would be better for phone?",
    "Work Phone is not used",
    "1. nothing for now",
    "Requirement: nothing changes",
    "any chance we could maybe split Full Name later?",
    "configure phone = Fax",
    "phone = Work Phone ?? Fax",
]


# Round 9: messages that look like the forms round 9 reads ('remove X from the mapping', 'anyone without X', 'the same
# X is coming multiple times', 'A and B need to be C and D', 'should stay out of the import', 'should end up split',
# 'chuck', '(not mapped)' in a quoted preview line, an off-topic question) but name what does not exist, deny the
# command or describe the data; the last two were pre-existing misreadings round 9 found and fixed ('Website is not
# needed, do not import it' kept only the rows whose Website is 'needed').
PROBES_ROUND_9 = [
    "Website is not needed, don't import it",
    "Don't keep duplicates of the Fax",
    "Never import duplicate faxes",
    "Don't chuck the notes anywhere",
    "Chuck the Fax in a field",
    "don't remove the Work Phone from the mapping",
    "remove Fax from the mapping",
    "the mobile we don't want that one",
    "Keep everyone without an email",
    "Don't ditch anyone without an email",
    "anyone without an email is welcome",
    "Nothing without a Fax gets imported",
    "Notes should stay out of the import",
    "Full Name should not end up split",
    "Full Name shouldn't end up split across first and last name",
    "the same email is coming multiple times, that's fine",
    "same email appears many times, and that is ok for us",
    "Fax is coming multiple times",
    "each email appears once already",
    "make the Signup Date to lower case",
    "take phone from Fax only",
    "please to not change anything",
    "Notes is in the proper British format",
    "Full Name also should not be split",
    "Kunde and Interessent need to be banana and lead",
    "Fax and Pager need to be DE and US",
    "contacts which have not been checked should stay",
    "is the import going to be fast?",
    "The row that says created_at (not mapped) should stay that way",
    "The row that says Fax (not mapped) should use Notes",
    "Most of our contacts never had a fax",
    "no need for a default country",
    "phone should pull from Fax",
    "Keep the Fax in any field",
    "Don't bother with splitting anything",
    "don't import contacts that have an empty Fax",
    "The client says they don't want duplicates removed",
    "Deutschland and USA, those should not be DE and US",
    "each Fax should appear once",
    "Notes should come somewhere? no, leave it",
    "Website is not needed, do not import it",
    "Notes is not needed, please don't import it",
    "Signup Date is it, it isn't, it's fine",
    "don't keep the Notes in mixed case",
    "every contact should have a Fax — US if none is given",
    "every contact should have a country — Narnia if none is given",
    "If there is not a problem, leave it",
    "take company from after the @ of the Notes",
    "Don't keep the test contacts, the ones with test in Fax.",
    "The preview shows Signup Date as day first — it isn't wrong, it's fine.",
]

# round 10 (editor/idioms/topics.py): each new reading said of a column the file lacks, as a description, a question
# alone, or with nothing to act on
PROBES_ROUND_10 = [
    "The Fax, remove it",
    "Rows without a fax, remove them",
    "The rows, keep them",
    "The test rows, keep them",
    "Fax we want from Mobile",
    "Mobile we want from nowhere",
    "Phone we want",
    "Website we need, don't import it",
    "the Fax not be brought over",
    "that the notes be kept secret",
    "the Notes not be touched",
    "can u check the fax",
    "u know what, never mind",
    "asap",
    "split Fax -> first + last name asap",
    "sort it like Excel does",
    "run LOWER() on Fax",
    "run `UPPER()` on `Fax`",
    "make Fax to small letters",
    "the emails are in small letters",
    "Fax needs to land in some column",
    "Why is created_at empty?",
    "Why is Fax empty? Leave it.",
    "Why is phone empty? Don't worry about it.",
    "Where could the fax go? Put it somewhere.",
    "Where could the notes go? Nowhere, leave them out.",
    "Fax is no have, use Mobile",
    "rows which do not have a fax, drop them",
    "Rows which do not have issues, keep them",
    "The contacts, we love them",
    "Email, I never liked it",
    "Full Name, split it into Fax and Pager",
    "Lifecycle, don't import it unless told",
    "Is Notes imported? If so, drop it.",
    "Some rows have a fax. In that case drop them.",
    "The Website is odd, right? In that case leave it.",
    "Lifecycle has test rows, right? If so, tell me.",
    "Emails are sometimes uppercase. When that happens, leave them.",
    "Can't we get the fax out of Notes?",
    "Couldn't you just leave it?",
    "Can't we get Lifecycle out of the way?",
    "put DE in country, sorry, no, leave it",
]

# round 11 (`idioms/registers.py`): each new reading said of a column the file lacks, denied, or with nothing to act on
PROBES_ROUND_11 = [
    "The Fax column is hereby excluded from the import.",
    "The notes are hereby mentioned.",
    "Make the fax not obligatory field.",
    "You will want to check the data first.",
    "You'll want the Fax in lower case.",
    "You will want a coffee after this.",
    "The Fax, I want it in some field.",
    "The Fax, I want them in some field, any field is okay.",
    "Contact with fax no have, please delete.",
    "The contacts must stay in the import.",
    "Where two rows share a fax number, only the first such row shall be retained.",
    "Where two rows share an email, that is fine.",
    "Only the first such row shall be retained.",
    "The preceding amendment is fine.",
    "Do not withdraw the last change.",
    "The previous change is not withdrawn.",
    "phone should come from Mobile \u2013 no wait, I mean from Fax.",
    "phone comes from Mobile, no, from nowhere.",
    "Translate the Fax values, e.g. A -> B, C -> D.",
    "Translate the Lifecycle values, e.g. Kunde, Interessent.",
    "Fill created_at from a source column, e.g. Fax.",
    "Si la vida es bella, ok.",
    "Fax need to divide on first and last name.",
    "wherever they fit",
    "any field is okay",
    "I don't care where.",
    "Lifecycle está vacío sometimes.",
    "I want the Fax to take its value from Mobile.",
    "We need the notes to be kept secret.",
    "I want the team to be happy.",
    "Nice to come from a long weekend.",
    "I want created_at to come from nowhere.",
]

# Round 12 (`idioms/shapes.py` and the session's narrative, label and judgement readings): each new reading said
# of a column the file lacks, of something that is not the migration, or with nothing to act on
PROBES_ROUND_12 = [
    "Fax please take from Mobile column.",
    "Pager fill from Signup Date.",
    "Column Fax please not bring into import.",
    "Contact not have fax, please not import it.",
    "If Fax not have number, phone take from Pager.",
    "the fax r useless lol, skip em",
    "notes r fine lol",
    "tbh ngl fr",
    "lowkey kinda mid fr fr",
    "I wouldn't not want a coffee, tbh.",
    "I wouldn't mind the Fax going somewhere.",
    "I wouldn't mind the weekend going somewhere nice.",
    "For the fax numbers, just leave them out.",
    "With the pizza, put it anywhere it fits.",
    "Could you, for the interns, keep them happy?",
    "AC: none.",
    "Goal: a clean import.",
    "Context: we are a bike shop.",
    "Ticket 42: nothing to do.",
    "Keep the fax one only.",
    "Every fax is lower case after import.",
    "The fax is lower case once imported.",
    "like the fourth of March is 04/03",
    "My birthday is day first, like 04/03.",
    "We are a bike shop. We sell bikes.",
    "We put some records in while testing.",
    "Our CRM is new. Half our team is remote.",
    "Take out the fax rows.",
    "Take out the trash, please.",
    "Put the pizza anywhere it fits.",
    "Lifecycle r sus",
    "per favore",
    "Notes per favore.",
    "Signup Date is wrong.",
    "The Fax is wrong, use Pager.",
    "Lifecycle is wrong, drop them.",
    "The pizza is bad, use the other one.",
    "Phone is wrong, it is fine.",
    "The weather is bad, the coffee is good.",
    "Signup Date is wrong, it is what it is.",
    "phone from Fax is kinda mid, use Pager fr",
    "They have Fax set to test. Please leave those out.",
    "They are nice people. Keep them.",
    "Can we get a fax out of the Pager? Split it please.",
    "Las filas con fax en Pager, please don't import them.",
    "El fax should not be obligatorio anymore.",
    "Fax viene en formato día/mes/año.",
    "Goal: the pizza. Context: lunch.",
    "Notes: keep as they are? no idea",
    "We love our customers. They are great.",
    "Our interns typed these by hand.",
    "Context: the fax is wrong.",
    "The fax from Pager is mid, use Telex.",
    "Some rows are tests. Drop those.",
    "Most rows are fine. Keep them.",
    "They have fax numbers. Remove those.",
    "The Fax is the wrong column for phone; Pager holds the number we want",
    "Signup Date is wrong. Notes holds the date we want",
    # a pre-existing misreading found while probing: 'hand' is a typo away from Land, and 'them' was read as Land
    "We typed these by hand. Drop them.",
    "These were typed by hand. Drop them.",
]


@pytest.mark.parametrize(
    "message", PROBES + PROBES_ROUND_7 + PROBES_ROUND_9 + PROBES_ROUND_10 + PROBES_ROUND_11 + PROBES_ROUND_12
)
def test_a_probe_never_changes_the_recipe(message: str) -> None:
    recipe = first_recipe()
    before = recipe.model_dump()
    e = edit_recipe(recipe, [CONTACTS], SHEETS, message)
    assert not e.changed and e.recipe is None and not e.revert, e.summary
    assert recipe.model_dump() == before


@pytest.mark.parametrize(
    ("message", "why"),
    [
        ("separate the notes", "does not hold people's names"),
        ("lowercase the Signup Date", "date field"),
        ("Map Signup Date to phone", "not phone values"),
        ("Use Lifecycle for country", "not enum values for country"),
        ("Drop rows where Notes is Kunde", "not a value of 'Notes' but of 'Lifecycle'"),
    ],
)
def test_a_reading_that_does_not_fit_its_names_and_values_asks_and_says_why(message: str, why: str) -> None:
    e = edit_recipe(first_recipe(), [CONTACTS], SHEETS, message)
    assert e.question is not None and why in e.question.question and not e.changed


def test_a_relation_said_the_other_way_round_offers_the_right_way_and_never_maps_a_value_to_itself() -> None:
    recipe = first_recipe()
    e = edit_recipe(recipe, [CONTACTS], SHEETS, "customer is Kunde")
    assert e.question is not None and not e.changed and e.pending is not None
    assert [o.label for o in e.question.options] == ["Kunde becomes customer", "Leave the recipe as it is"]
    chosen = answer_edit_question(
        recipe, [CONTACTS], SHEETS, e.pending, Answer(question_id=e.question.id, option_id="opt_1")
    )
    assert chosen.changed and chosen.summary == "status maps 'Kunde' → customer."
    same = edit_recipe(recipe, [CONTACTS], SHEETS, "Interessent is Interessent")
    assert same.question is not None and "same value" in same.question.question and not same.changed


def test_a_denied_command_read_as_its_own_change_asks_instead() -> None:
    e = edit_recipe(first_recipe(), [CONTACTS], SHEETS, "Do not treat phone numbers as German")
    assert e.question is not None and "should not happen" in e.question.question and not e.changed


@pytest.mark.parametrize(
    "message",
    [
        "Don't import the Notes column.",  # the denial is the instruction: Notes stays out (already so)
        "Use the company domain for any missing Email, don't drop the row.",
        "e-mail addresses should not have capitals",
        "Rows without email we do not want, remove them.",
    ],
)
def test_a_denial_that_is_the_instruction_still_works(message: str) -> None:
    e = edit_recipe(first_recipe(), [CONTACTS], SHEETS, message)
    assert e.question is None, e.summary


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("I don't want the domain of the website for the email", "I want the domain of the website for the email"),
        ("do not treat phone numbers as German", "treat phone numbers as German"),
        ("Signup Date is not day-first", "Signup Date is day-first"),
        ("Not all phone numbers are German", "all phone numbers are German"),
        ("If Organization is blank, don't use the email domain", "If Organization is blank, use the email domain"),
        ("use Mobile when Work Phone is not set", None),  # a denial inside a condition is the condition's
    ],
)
def test_affirmed_takes_out_the_denial_of_the_command_only(text: str, said: str | None) -> None:
    assert affirmed(text) == said


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        ("Are duplicate emails dropped?", True),
        ("Can you tell me if the emails are lowercased?", True),
        ("Could you lowercase the emails?", False),  # a request said as a question is a command
        ("Is the work phone empty? Use the mobile then.", False),  # a question that sets the next one's condition
    ],
)
def test_a_question_about_the_recipe_is_not_a_command(message: str, asked: bool) -> None:
    assert (state_question(message) is not None) == asked
