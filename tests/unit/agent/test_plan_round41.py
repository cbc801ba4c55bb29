"""The matcher's round-41 mechanisms, on small CSVs written here: the classes behind the dev30 and dev31 splits'
misses (their files are not used here). 'ExtID' is an external id; a name of several words beside e-mail addresses
is asked to be split; a column equal to an applied one under a header adding a word of its own is no copy; the
number people are shown beside a UUID 'id' is asked among them; a bare 'Name' of given names alone is the first
name; a custom-field namespace is read whole; two words for one field side by side name it; 'mobile telephone' is
the mobile; 'Name/ID' is asked for the name; a question whose answer moves no value is
not asked within the budget either; dates under a year's header are asked for the year. Near neighbours that must
not change stay as they were. Asserts what the user sees in the plan.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from ferry.agent.alternative_words import same_word_twice, thing_or_its_key
from ferry.agent.normalize import normalize_header
from ferry.agent.planner import Plan
from tests.unit.agent.helpers import applied_sources, csv_text, named_in_questions, plan_text, question_about

ALL = {**TEMPLATES, **REAL_TEMPLATES}
PEOPLE = ALL["people"]
CUSTOMERS = ALL["customers"]
CONTACTS = ALL["contacts"]
PRODUCTS = ALL["products"]
PUBLICATIONS = ALL["publications"]
LOCATIONS = ALL["locations"]

_UUIDS = ["9776b3ce-034c-4a6a-97bc-011df6e8facf", "1f0e7a52-5b8e-4c1a-9d1e-2a7c3b4d5e6f"]


def _asked(plan: Plan, column: str) -> bool:
    return named_in_questions(plan, column)


# 'ext' before a key word is external.


def test_ext_id_is_the_external_id(tmp_path: Path) -> None:
    # Given: invitees whose key column is headed 'ExtID'
    rows = ["Alice,alice@x.org,student,EXT001", "Bob,bob@x.org,assistant,EXT002", "Carl,carl@x.org,student,EXT003"]
    plan = plan_text(tmp_path, csv_text("Name,Email,Role,ExtID", rows), PEOPLE)
    # Then: it is applied as the external id
    assert applied_sources(plan).get("external_id") == ["ExtID"]


def test_a_phone_extension_stays_an_extension() -> None:
    # Near neighbour: 'ext' after a phone, or alone, is still a phone's extension
    assert normalize_header("Phone Ext") == "phone extension"
    assert normalize_header("ext") == "extension"
    assert normalize_header("ext_ref") == "external ref"


# A name of several words, none a given name, beside e-mail addresses.


def test_a_name_of_words_beside_email_addresses_is_asked_to_be_split(tmp_path: Path) -> None:
    # Given: students 'Super Man', 'Bat Man' with their e-mail addresses
    rows = ["Super Man,super@man.com,Awesome", "Bat Man,bat@man.com,Head"]
    plan = plan_text(tmp_path, csv_text("name,email,title", rows), PEOPLE)
    # Then: the split of 'name' is asked, not left out
    assert any("split" in q.question and "'name'" in q.question for q in plan.questions)


def test_warehouse_names_without_email_addresses_are_still_not_offered_to_split(tmp_path: Path) -> None:
    # Near neighbour: locations named 'Central Warehouse', no e-mail column: no person's name to split
    rows = ["Central Warehouse,400 Gentle Lane,New York", "Boston Warehouse,300 Apple St,Boston"]
    plan = plan_text(tmp_path, csv_text("name,streetAddress,city", rows), LOCATIONS)
    assert not [q for q in plan.questions if "split" in q.question]


# A column equal to the applied one under a header adding a word of its own.


def test_a_household_name_equal_to_the_last_name_is_not_taken_as_its_copy(tmp_path: Path) -> None:
    # Given: 'family_name' (the household's name) equal to each member's 'last_name' on every row
    rows = ["Adams,Adams,Jong", "Becker,Becker,Ronny", "Berge,Berge,Ngoc", "Adams,Adams,Nathan"]
    plan = plan_text(tmp_path, csv_text("family_name,last_name,first_name", rows), PEOPLE)
    # Then: the last name reads 'last_name' alone
    assert applied_sources(plan).get("last_name") == ["last_name"]


def test_a_copy_adding_only_a_suffix_word_is_still_read_as_a_twin(tmp_path: Path) -> None:
    # Near neighbour: 'company_name' repeats 'company' under a header adding only 'name': still used as its copy
    rows = ["Ann,ann@x.org,Acme,Acme", "Bo,bo@x.org,Globex,Globex", "Cy,cy@x.org,Initech,Initech"]
    plan = plan_text(tmp_path, csv_text("first_name,email,company,company_name", rows), CONTACTS)
    assert applied_sources(plan).get("company") == ["company", "company_name"]


# The number people are shown beside a UUID 'id'.


def test_a_display_id_beside_a_uuid_id_is_asked_first(tmp_path: Path) -> None:
    # Given: one patient with a UUID 'id' and the 'displayId' staff quote
    rows = [f"{_UUIDS[0]},12345,Chris,Tran"]
    plan = plan_text(tmp_path, csv_text("id,displayId,firstName,lastName", rows), PEOPLE)
    # Then: the external id is not applied from 'id'; 'displayId' is offered first
    assert "external_id" not in applied_sources(plan)
    assert question_about(plan, "external_id")[0] == "'displayId'"


def test_a_uuid_id_without_a_shown_number_stays_the_external_id(tmp_path: Path) -> None:
    # Near neighbour: no column says it is the number shown: the UUID 'id' keeps the field
    rows = [f"{_UUIDS[0]},12345,Chris,Tran", f"{_UUIDS[1]},12346,Ann,Lee"]
    plan = plan_text(tmp_path, csv_text("id,villageId,firstName,lastName", rows), PEOPLE)
    assert applied_sources(plan).get("external_id") == ["id"]


# A bare 'Name' of given names alone.


def test_a_bare_name_of_given_names_alone_is_the_first_name(tmp_path: Path) -> None:
    # Given: an invitation template whose 'Name' holds 'John', 'Mary'
    rows = ["John,test1@x.org,A0123456,student", "Mary,test2@x.org,A0123457,assistant"]
    plan = plan_text(tmp_path, csv_text("Name,Email,External ID,Role", rows), PEOPLE)
    # Then: it is the first name, with no split asked
    assert applied_sources(plan).get("first_name") == ["Name"]
    assert "last_name" not in applied_sources(plan)
    assert not [q for q in plan.questions if "split" in q.question]


def test_a_full_name_header_of_given_names_is_still_asked_to_be_split(tmp_path: Path) -> None:
    # Near neighbour: the header says whole names ('full_name'): its split is asked, as before
    rows = ["2,Adam,132 east Street", "3,Brandon,133 east Street", "4,Cherry,134 east Street"]
    plan = plan_text(tmp_path, csv_text("id,full_name,address", rows), PEOPLE)
    assert "first_name" not in applied_sources(plan)
    assert any("split" in q.question for q in plan.questions)


def test_one_given_name_is_too_little_to_say_there_is_no_surname(tmp_path: Path) -> None:
    # Near neighbour: a single row 'Brandy' may be a whole name: not applied as the first name
    plan = plan_text(tmp_path, csv_text("Name,Email", ["Brandy,brandy@x.org"]), PEOPLE)
    assert "first_name" not in applied_sources(plan)


# Headers: a custom-field namespace, two words for one field, 'mobile telephone'.


def test_a_custom_fields_namespace_is_read_whole(tmp_path: Path) -> None:
    # Given: a CRM's people with e-mail and phone kept as 'custom_fields_*'
    rows = ["John Smith,Acme,john@x.org,555-1234", "Jane Doe,Globex,jane@x.org,555-5678"]
    text = csv_text("name,company_name,custom_fields_emails,custom_fields_phones", rows)
    plan = plan_text(tmp_path, text, CONTACTS)
    # Then: the phones are the phone, applied like the e-mails
    assert applied_sources(plan).get("phone") == ["custom_fields_phones"]


def test_two_words_for_one_field_side_by_side_name_it(tmp_path: Path) -> None:
    # Given: an empty 'cityTown' beside a filled reference 'villageId'
    rows = ["12345,Chris,Tran,village-test,", "12346,Ann,Lee,village-other,"]
    plan = plan_text(tmp_path, csv_text("displayId,firstName,lastName,villageId,cityTown", rows), PEOPLE)
    # Then: 'cityTown' is the city; no question about it
    assert applied_sources(plan).get("city") == ["cityTown"]
    assert same_word_twice("cityTown") == {"city": 0.95}


def test_a_role_and_its_head_noun_are_no_two_alternatives() -> None:
    # Near neighbours: 'contactPerson' is a person in a role; 'phone mobile' names two fields
    assert same_word_twice("contactPerson") == {}
    assert same_word_twice("phone mobile") == {}


def test_a_mobile_telephone_is_the_mobile(tmp_path: Path) -> None:
    # Given: a church member's 'mobile_tel' beside work and home numbers
    rows = ["Mackie,John,jm@x.org,0433123456,99998888,88887777", "Mackie,Kate,km@x.org,0433123457,,"]
    plan = plan_text(tmp_path, csv_text("last_name,first_name,email,mobile_tel,work_tel,home_tel", rows), CUSTOMERS)
    # Then: 'mobile_tel' is applied as the mobile
    assert applied_sources(plan).get("mobile") == ["mobile_tel"]


# A thing or its key under one slash-joined header.


def test_a_name_or_id_header_is_asked_for_the_name(tmp_path: Path) -> None:
    # Given: 'Product Name/ID' of word-plus-number names
    rows = ["Refrigerator 001,4,25,Home Appliances", "Filing Cabinet 002,1,114,Furniture", "Desk Lamp 003,2,20,Light"]
    plan = plan_text(tmp_path, csv_text("Product Name/ID,Quantity,Unit Price,Category", rows), PRODUCTS)
    # Then: it is offered for the name, not applied and not dropped
    assert "name" not in applied_sources(plan)
    assert "'Product Name/ID'" in question_about(plan, "name")


def test_two_things_under_one_slash_say_nothing() -> None:
    # Near neighbour: 'Phone/Fax' names two fields, neither a key: nothing read from it
    assert thing_or_its_key({"phone", "fax"}) == {}
    assert thing_or_its_key({"product_name", "id"}) == {"product_name": 0.7}


# A question whose answer moves no value.


def test_a_question_offering_only_empty_look_alikes_is_not_asked_within_the_budget(tmp_path: Path) -> None:
    # Given: a 38-column customer sheet (budget three) whose '..._-_joined' dates are empty
    extra = [f"custom_{n}" for n in range(30)]
    joined = ["home_group_-_joined", "growth_type", "growth_pathway", "ministry_team_-_joined"]
    header = ",".join(["last_name", "first_name", "email", *joined, "note", *extra])
    rows = [",".join(["Mackie", n, f"{n.lower()}@x.org", "", "", "", "", "hi", *([""] * 30)]) for n in ("John", "Kate")]
    plan = plan_text(tmp_path, csv_text(header, rows), CUSTOMERS)
    # Then: no question offers them for when the customer was created: an answer would move no value
    assert not _asked(plan, "home_group_-_joined") and not _asked(plan, "ministry_team_-_joined")


def test_an_empty_column_naming_the_field_is_still_asked(tmp_path: Path) -> None:
    # Near neighbour: an empty column whose header names the field ('cityTown') beside a filled look-alike is asked
    rows = ["12345,Chris,Tran,village-test,,", "12346,Ann,Lee,village-other,,"]
    plan = plan_text(tmp_path, csv_text("displayId,firstName,lastName,villageId,town,city", rows), PEOPLE)
    assert "city" in applied_sources(plan) or _asked(plan, "city")


# Dates under a year's header.


def test_dates_under_a_year_header_are_asked_for_the_year(tmp_path: Path) -> None:
    # Given: books whose 'published' holds whole dates
    rows = ["12,Triangles,2020-01-12,12", "13,Rectangles,2020-04-20,20", "3,Rhombus,2019-10-25,5.5"]
    plan = plan_text(tmp_path, csv_text("id,name,published,price", rows), PUBLICATIONS)
    # Then: 'published' is offered for the year, never applied
    assert "year" not in applied_sources(plan)
    assert "'published'" in question_about(plan, "year")


def test_words_under_a_year_header_are_not_asked_for_the_year(tmp_path: Path) -> None:
    # Near neighbour: 'published' of yes/no words holds no year
    rows = ["12,Triangles,yes,12", "13,Rectangles,no,20", "3,Rhombus,yes,5.5"]
    plan = plan_text(tmp_path, csv_text("id,name,published,price", rows), PUBLICATIONS)
    assert not _asked(plan, "published")
