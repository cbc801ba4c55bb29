"""The matcher's round-39 mechanisms, on small CSVs written here: the classes behind the dev28 and dev29 splits' wrong
pairs and drops (their files are not used here). An empty 'custom_<field>' copy gives way to the standard column; the
key people quote ('key' TP-8, a hex 'code') beside the system's bare 'id' is asked among them; account ids under a
person's header, whole-number type ids and upper-case constants under a category's header are left out; an
'<entity>_country' header over hashed values is asked for the country. Near neighbours that must not change stay as
they were. Asserts what the user sees in the plan.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from tests.unit.agent.helpers import applied_sources, csv_text, named_in_questions, plan_text, question_about

ALL = {**TEMPLATES, **REAL_TEMPLATES}
TICKETS = ALL["tickets"]
CUSTOMERS = ALL["customers"]
PRODUCTS = ALL["products"]

_HEX = ["acbd18db4cc2f85cedef654fccc4a4d8", "49a30d03c669a09f2c01c3655032af3e", "4fcc02eca5c3995e6c615ff5932d8bc5"]
_ACCOUNTS = ["5c3326c24b248c315badf3ee", "5ed0edbe2999b60c23255b4f", "557058:a9572f6a-3041-435a-96ed-5286e3811b33"]
# A site's custom fields, as a marketing tool lands them: many 'custom_*' columns, most of them empty.
_CUSTOM = "custom_phone,custom_state,custom_source,custom_flow,custom_quiz"


# An empty 'custom_<field>' copy beside the standard column.


def test_an_empty_custom_copy_gives_way_to_the_standard_columns(tmp_path: Path) -> None:
    # Given: filled 'phone_number' and 'region' beside empty 'custom_phone' and 'custom_state'
    rows = ["1,ann@x.org,+15165555555,New York,,,,,", "2,bo@x.org,+15165555556,Kansas,,,,,"]
    plan = plan_text(tmp_path, csv_text(f"id,email,phone_number,region,{_CUSTOM}", rows), CUSTOMERS)
    # Then: the standard columns hold the fields
    applied = applied_sources(plan)
    assert applied.get("phone") == ["phone_number"]
    assert applied.get("state") == ["region"]


def test_an_empty_custom_column_without_a_standard_twin_stays_as_it_was(tmp_path: Path) -> None:
    # Near neighbour: no other column reads the phone: the empty 'custom_phone' is still the phone's column
    rows = ["1,ann@x.org,New York,,,,,", "2,bo@x.org,Kansas,,,,,"]
    plan = plan_text(tmp_path, csv_text(f"id,email,region,{_CUSTOM}", rows), CUSTOMERS)
    assert applied_sources(plan).get("phone") == ["custom_phone"]


# The key people quote beside the system's bare 'id'.


def test_an_issue_key_beside_the_internal_id_is_asked(tmp_path: Path) -> None:
    # Given: Jira-like numeric 'id' beside the 'key' people quote (TP-8)
    rows = ["10011,TP-8,Test permissions,3", "10015,TP-12,Part of an epic,3", "10018,TCP-1,This is a story,1"]
    plan = plan_text(tmp_path, csv_text("id,key,summary,status", rows), TICKETS)
    # Then: the ticket's key is not applied from 'id'; the 'key' is offered
    assert "ticket_id" not in applied_sources(plan)
    assert named_in_questions(plan, "key")


def test_a_hex_code_beside_a_hex_id_is_offered_for_the_key(tmp_path: Path) -> None:
    # Given: a bare 'code' the merchant sets, beside the system's own hex 'id'
    rows = [f"{h},{c},Ann,ann{n}@x.org" for n, (h, c) in enumerate(zip(_HEX, reversed(_HEX), strict=True))]
    plan = plan_text(tmp_path, csv_text("id,code,first_name,email", rows), CUSTOMERS)
    # Then: the customer's key is asked, the code offered for it
    assert "customer_id" not in applied_sources(plan)
    assert "'code'" in question_about(plan, "customer_id")


def test_a_word_key_beside_the_id_stays_as_it_was(tmp_path: Path) -> None:
    # Near neighbour: a 'key' of words (no digit) is a code of a list, no quoted key: the 'id' keeps the field
    rows = ["10011,alpha,Test permissions,3", "10015,beta,Part of an epic,3", "10018,gamma,This is a story,1"]
    plan = plan_text(tmp_path, csv_text("id,key,summary,status", rows), TICKETS)
    assert applied_sources(plan).get("ticket_id") == ["id"]


def test_a_long_licence_key_beside_the_id_stays_as_it_was(tmp_path: Path) -> None:
    # Near neighbour: a '... key' of long values is a secret or a licence, no key people quote: 'id' keeps the field
    keys = ["AB12C-DE34F-GH56I-JK78L-MN90P", "QR12S-TU34V-WX56Y-ZA78B-CD90E", "FG12H-IJ34K-LM56N-OP78Q-RS90T"]
    rows = [f"1001{n},{k},Licence renewal {n},3" for n, k in enumerate(keys)]
    plan = plan_text(tmp_path, csv_text("id,license_key,summary,status", rows), TICKETS)
    assert applied_sources(plan).get("ticket_id") == ["id"]


# Account ids under a person's header.


def test_account_ids_under_reporter_are_no_requester(tmp_path: Path) -> None:
    # Given: 'reporter' of Atlassian-style account ids
    rows = [f"T-{n},Subject {n},{a}" for n, a in enumerate(_ACCOUNTS)]
    plan = plan_text(tmp_path, csv_text("key,summary,reporter", rows), TICKETS)
    # Then: not applied as the requester's name
    assert "requester_name" not in applied_sources(plan)


def test_names_under_reporter_stay_the_requester(tmp_path: Path) -> None:
    # Near neighbour: people's names under the same header
    rows = ["T-1,Subject 1,Ann Lee", "T-2,Subject 2,Bo Li", "T-3,Subject 3,Cy Ma"]
    plan = plan_text(tmp_path, csv_text("key,summary,reporter", rows), TICKETS)
    assert applied_sources(plan).get("requester_name") == ["reporter"]


# Whole-number type ids and upper-case constants under a category's header.


def test_numeric_type_ids_are_no_category(tmp_path: Path) -> None:
    # Given: 'issue_type' of Jira's lookup ids
    rows = ["T-1,Subject 1,10103", "T-2,Subject 2,10104", "T-3,Subject 3,10103"]
    plan = plan_text(tmp_path, csv_text("ticket_id,summary,issue_type", rows), TICKETS)
    # Then: not applied as the category
    assert "category" not in applied_sources(plan)


def test_worded_types_stay_the_category(tmp_path: Path) -> None:
    # Near neighbour: the type's words
    rows = ["T-1,Subject 1,Bug", "T-2,Subject 2,Story", "T-3,Subject 3,Bug"]
    plan = plan_text(tmp_path, csv_text("ticket_id,summary,issue_type", rows), TICKETS)
    assert applied_sources(plan).get("category") == ["issue_type"]


def test_record_kind_constants_are_no_category(tmp_path: Path) -> None:
    # Given: Amazon-style listing structure codes under 'item_classification'
    rows = ["SKU-1,Laptop Stand,BASE_PRODUCT", "SKU-2,Desk Lamp,VARIATION_PARENT", "SKU-3,Mouse Pad,OTHER"]
    plan = plan_text(tmp_path, csv_text("sku,item_name,item_classification", rows), PRODUCTS)
    # Then: not applied as the category
    assert "category" not in applied_sources(plan)


def test_upper_case_category_words_stay_the_category(tmp_path: Path) -> None:
    # Near neighbour: one upper-case word per category, no constant joined by '_'
    rows = ["SKU-1,Laptop Stand,ELECTRONICS", "SKU-2,Desk Lamp,LIGHTING", "SKU-3,Mouse Pad,ELECTRONICS"]
    plan = plan_text(tmp_path, csv_text("sku,item_name,item_classification", rows), PRODUCTS)
    assert applied_sources(plan).get("category") == ["item_classification"]


# An '<entity>_country' header over hashed values.


def test_a_country_header_over_hashed_values_is_asked(tmp_path: Path) -> None:
    # Given: 'account_country' of MD5 hashes
    rows = [f"C{n},ann{n}@x.org,{h}" for n, h in enumerate(_HEX)]
    plan = plan_text(tmp_path, csv_text("customer_id,email,account_country", rows), CUSTOMERS)
    # Then: asked for the country (not for the company its first word names), not applied
    assert "'account_country'" in question_about(plan, "country")
    assert "country" not in applied_sources(plan)


def test_a_country_header_over_countries_stays_applied(tmp_path: Path) -> None:
    # Near neighbour: countries under the same header: still the country's (asked beside the company, as before)
    rows = ["C1,ann@x.org,Germany", "C2,bo@x.org,France", "C3,cy@x.org,Spain"]
    plan = plan_text(tmp_path, csv_text("customer_id,email,account_country", rows), CUSTOMERS)
    assert "company" not in applied_sources(plan)
    assert applied_sources(plan).get("country") == ["account_country"] or named_in_questions(plan, "account_country")
