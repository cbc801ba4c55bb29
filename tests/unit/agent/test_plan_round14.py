"""The matcher's round-14 mechanisms, each on a small CSV written here or a train-split file, asserting what the user
sees in the plan (the mapping, or the question with the right column first). Files of the held-out test and dev12
splits are never used.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import DEALS, PUBLICATIONS, REAL_TEMPLATES
from ferry.agent.synonyms import concepts_of, correct_typo
from tests.unit.agent.helpers import (
    CONTACTS,
    applied_sources,
    named_in_questions,
    plan_real_file,
    plan_text,
    question_about,
)

EMPLOYEES = REAL_TEMPLATES["employees"]
ASSETS = REAL_TEMPLATES["assets"]


def test_words_an_enum_does_not_list_under_a_header_naming_it_are_asked_about(tmp_path: Path) -> None:
    # Given: publications whose bare 'Type' holds the repository's own words ('Mock subtype'), none of the
    # template's document types
    text = "Title,Author,Year,Type\nA study,Nobody,2017,Mock subtype\nAnother,Somebody,2018,Mock subtype\n"
    plan = plan_text(tmp_path, text, PUBLICATIONS)
    # Then: not applied, but asked, 'Type' the column offered for the document type
    assert "document_type" not in applied_sources(plan)
    assert "Type" in question_about(plan, "document_type")[0]


def test_the_state_of_something_else_is_not_asked_about_for_the_records_status(tmp_path: Path) -> None:
    # Given: products with a 'Tax status' (taxable, none) and no status column
    text = "SKU,Name,Tax status\nA1,Chair,taxable\nA2,Table,none\nA3,Lamp,taxable\n"
    plan = plan_text(tmp_path, text, REAL_TEMPLATES["products"])
    # Then: nothing asks whether the tax status is the product's status (it may be asked about for the tax class)
    assert not any(".q_status_" in q.id for q in plan.questions)
    assert "'Tax status'" in question_about(plan, "tax_class")[0]


def test_a_short_word_is_not_corrected_into_another_word() -> None:
    # 'host' is not a typo of 'cost' (another first letter), while a slip inside the word still is
    assert correct_typo("host") is None
    assert correct_typo("pohne") == "phone"


def test_a_virtual_host_is_no_purchase_cost(tmp_path: Path) -> None:
    # Given: registered systems with a 'virtual_host' column (empty) beside their names
    text = "asset_tag,name,virtual_host\nS1,vm-one,\nS2,vm-two,\nS3,vm-three,\n"
    plan = plan_text(tmp_path, text, ASSETS)
    # Then: nothing offers it as the purchase cost
    assert not named_in_questions(plan, "virtual_host")
    assert "purchase_cost" not in applied_sources(plan)


def test_a_thing_and_its_name_name_the_same_field() -> None:
    # '<thing> name' is the thing where the field holds it by name; not for people or organisations
    assert concepts_of("Department Name")["department"] >= 0.9
    assert concepts_of("Manufacturer name")["manufacturer"] >= 0.9
    assert concepts_of("Customer Name").get("company", 0.0) < 0.9


def test_a_date_with_its_time_is_the_date(tmp_path: Path) -> None:
    # Given: companies exported with a 'Created Date Time' of timestamps and a 'Modified Date Time' beside it
    text = (
        "Name,Created Date Time,Modified Date Time\n"
        "Acme,2014-05-01 10:00:00,2014-06-01 11:00:00\nGlobex,2014-05-02 09:30:00,2014-06-03 12:00:00\n"
        "Initech,2014-05-03 08:15:00,2014-06-04 13:00:00\n"
    )
    plan = plan_text(tmp_path, text, REAL_TEMPLATES["customers"])
    # Then: the creation timestamp fills created_at, and the modification one does not
    assert applied_sources(plan)["created_at"] == ["Created Date Time"]


def test_a_french_country_word_does_not_make_pay_a_country() -> None:
    # 'pays' is French for country, not the plural of 'pay'; a shop's 'assets' are not an asset register's 'asset'
    assert "country" not in concepts_of("pay_rate")
    assert "country" in concepts_of("pays")
    assert "images" not in concepts_of("asset")


def test_a_header_naming_one_part_of_a_two_part_field_is_not_offered_for_it(tmp_path: Path) -> None:
    # Given: employees with a 'pay_rate' of amounts and a 'pay_type' of monthly/hourly (no currency anywhere)
    text = "first_name,last_name,pay_rate,pay_type\nAda,Park,75000,monthly\nBo,Chen,42,hourly\nCy,Diaz,61000,monthly\n"
    plan = plan_text(tmp_path, text, EMPLOYEES)
    # Then: nothing asks which column holds the salary currency
    assert not any(".q_salary_currency_" in q.id for q in plan.questions)


def test_values_that_are_a_flags_own_word_are_its_yes_and_no(tmp_path: Path) -> None:
    # Given: employees whose 'status' says 'active' or 'inactive' (the template's flag is is_active, 'Active')
    text = "first_name,last_name,status\nAda,Park,active\nBo,Chen,inactive\nCy,Diaz,active\n"
    plan = plan_text(tmp_path, text, EMPLOYEES)
    # Then (round 36, was asked): a current and an ended state are the flag's yes and no, applied with a value map
    assert applied_sources(plan)["is_active"] == ["status"]
    ops = next(f.ops for f in plan.recipe.templates[0].fields if f.field == "is_active")
    assert next(dict(op.mapping) for op in ops if op.op == "map_values") == {"active": "true", "inactive": "false"}


def test_phone_numbers_under_a_bare_header_are_asked_about(tmp_path: Path) -> None:
    # Given: contacts whose third column is a bare 'number' of phone-length digit runs
    text = "firstname,lastname,number\nAda,Park,1234561\nBo,Chen,1234562\nCy,Diaz,1234563\n"
    plan = plan_text(tmp_path, text, CONTACTS)
    # Then: not applied, but asked about for the phone
    assert "phone" not in applied_sources(plan)
    assert "'number'" in question_about(plan, "phone")[0]


def test_the_primary_one_of_several_is_offered_first() -> None:
    # Given: Roundcube's Outlook-style export with a business, a primary and two home phones (train split)
    plan = plan_real_file("roundcube/all.csv", "train")
    # Then: the phone question offers 'Primary Phone' first
    assert question_about(plan, "phone")[0] == "'Primary Phone'"


def test_the_thing_in_words_comes_before_its_id(tmp_path: Path) -> None:
    # Given: deals with a stage in words ('Leadstate') beside the id of that stage ('leadstate_id')
    text = "Name,leadstate_id,Leadstate\nBig deal,1,open\nSmall deal,2,won\nOther deal,1,open\nLast deal,3,lost\n"
    plan = plan_text(tmp_path, text, DEALS)
    # Then: the stage is asked about with 'Leadstate' first, never filled from the ids unasked
    assert "'Leadstate'" in question_about(plan, "stage")[0]
    assert "stage" not in applied_sources(plan)


def test_a_published_flag_beside_the_state_of_something_else_is_asked_about_for_the_status(tmp_path: Path) -> None:
    # Given: products with a 'Tax status' (taxable) and a yes/no 'Published' column
    text = "SKU,Name,Tax status,Published\nA1,Chair,taxable,1\nA2,Table,taxable,1\nA3,Lamp,none,0\n"
    plan = plan_text(tmp_path, text, REAL_TEMPLATES["products"])
    # Then: the status is not filled from the tax status; it is mapped from 'Published' (round 18), and the person
    # is asked to confirm it
    assert applied_sources(plan).get("status") == ["Published"]
    assert "'Published'" in question_about(plan, "status")[0]


def test_a_bare_reference_naming_no_field_here_is_offered_for_the_records_key(tmp_path: Path) -> None:
    # Given: event attendees (customers) with a bare 'reference' of their ids; the template has no SKU, which
    # 'reference' names in a catalogue
    text = "firstName,lastName,email,reference\nAda,Park,ada@x.com,id-1\nBo,Chen,bo@x.com,id-2\nCy,Diaz,cy@x.com,id-3\n"
    plan = plan_text(tmp_path, text, REAL_TEMPLATES["customers"])
    # Then: offered first for the customer's own id, no rival, values distinct in every row: applied since round 16
    # (agent/generic_key.py), so nothing asks about it
    assert applied_sources(plan)["customer_id"] == ["reference"]
    assert not any(".q_customer_id_" in q.id for q in plan.questions)


def test_a_login_is_no_ticket_id(tmp_path: Path) -> None:
    # Given: tickets with the requester's login ('user_name') and no ticket number
    text = "subject,user_name,status\nPrinter broken,jdoe,open\nNo wifi,asmith,closed\nLogin fails,bwayne,open\n"
    plan = plan_text(tmp_path, text, REAL_TEMPLATES["tickets"])
    # Then: nothing offers the login as the ticket's id (a login names a person, not a ticket)
    assert not any(".q_ticket_id_" in q.id for q in plan.questions)
    assert "ticket_id" not in applied_sources(plan)


def test_a_login_may_still_be_a_persons_own_id(tmp_path: Path) -> None:
    # Given: employees with a 'username' and no employee number
    text = "username,first_name,last_name\njdoe,John,Doe\nasmith,Ann,Smith\nbwayne,Bruce,Wayne\n"
    plan = plan_text(tmp_path, text, EMPLOYEES)
    # Then: it is still offered (asked, not applied) as the employee's id
    assert question_about(plan, "employee_id")[0] == "'username'"
