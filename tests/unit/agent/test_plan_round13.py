"""The matcher's round-13 mechanisms, each on a small CSV written here, asserting what the user sees in the plan (the
mapping, or the question with the right column first). Files of the held-out test and dev11 splits are never used.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES
from ferry.agent.planner import Plan
from ferry.agent.stems import same_stems, stem
from tests.unit.agent.helpers import CONTACTS, applied_sources, named_in_questions, plan_text

EMPLOYEES = REAL_TEMPLATES["employees"]
SUBSCRIBERS = REAL_TEMPLATES["subscribers"]
PRODUCTS = REAL_TEMPLATES["products"]
CUSTOMERS = REAL_TEMPLATES["customers"]


def first_option(plan: Plan, field: str) -> str:
    """The first option of the question about `field` (question ids read '<sheet>.q_<field>_<kind>')."""
    question = next(q for q in plan.questions if f".q_{field}_" in q.id)
    return question.options[0].label


def test_an_inflected_field_name_is_the_field(tmp_path: Path) -> None:
    # Given: employees with a 'hiring_date' of dates (the field is hire_date, labelled 'Start date')
    text = (
        "employee_id,first_name,last_name,hiring_date\n"
        "E1,Ada,Park,2023-01-15\nE2,Bo,Chen,2023-02-20\nE3,Cy,Diaz,2023-03-10\n"
    )
    plan = plan_text(tmp_path, text, EMPLOYEES)
    # Then: it fills the hire date
    assert applied_sources(plan)["hire_date"] == ["hiring_date"]


def test_a_qualified_form_is_not_the_field(tmp_path: Path) -> None:
    # Given: a billing flag beside the people ('billing-active' is not whether the employee is active)
    text = "first_name,last_name,billing-active\nAda,Park,true\nBo,Chen,false\nCy,Diaz,true\n"
    plan = plan_text(tmp_path, text, EMPLOYEES)
    # Then: it does not fill is_active
    assert "is_active" not in applied_sources(plan)


def test_stems_cut_one_ending_and_match_word_for_word() -> None:
    assert stem("hiring") == stem("hire") == "hir"
    assert same_stems("hiring_date", ["hire_date", "Start date"])
    assert not same_stems("hire_date", ["hire_date"])  # the same words are the name itself, not another form
    assert not same_stems("billing-active", ["is_active", "Active"])


def test_a_state_beside_a_city_is_no_status(tmp_path: Path) -> None:
    # Given: contacts with a city and the state it lies in (no address state in the template)
    text = (
        "first name,last name,email,city,state\n"
        "Ada,Park,ada@x.com,Hyderabad,Telangana\nBo,Chen,bo@x.com,Pune,Maharashtra\n"
        "Cy,Diaz,cy@x.com,Chennai,Tamil Nadu\n"
    )
    plan = plan_text(tmp_path, text, CONTACTS)
    # Then: the state fills no status, and nothing asks to turn places into statuses
    assert "status" not in applied_sources(plan)
    assert not any(".q_status_" in q.id for q in plan.questions)


def test_a_bare_state_beside_an_address_state_is_the_stage(tmp_path: Path) -> None:
    # Given: contacts with an address block of their own and a 'state' of lead stages
    text = (
        "firstName,lastName,email,paCity,paState,state\n"
        "Ada,Park,ada@x.com,Springfield,IL,Customer\nBo,Chen,bo@x.com,Salem,OR,Lead\n"
        "Cy,Diaz,cy@x.com,Dover,DE,Customer\n"
    )
    plan = plan_text(tmp_path, text, CONTACTS)
    # Then: the bare 'state' is still the status
    assert applied_sources(plan)["status"] == ["state"]


def test_values_that_are_the_statuses_are_asked_under_another_header(tmp_path: Path) -> None:
    # Given: a subscription upload whose 'action' holds subscribe/unsubscribe
    text = "id,email,action\n1,a@x.com,subscribe\n2,b@x.com,unsubscribe\n3,c@x.com,subscribe\n4,d@x.com,unsubscribe\n"
    plan = plan_text(tmp_path, text, SUBSCRIBERS)
    # Then: nothing applies it unasked, and a question offers it for the status
    assert "status" not in applied_sources(plan)
    assert "'action'" in first_option(plan, "status")


def test_page_metadata_fills_no_field(tmp_path: Path) -> None:
    # Given: products with their SEO metadata
    text = (
        "sku,name,description,Meta_keywords,Meta_description,SEO Title\n"
        "P1,Shirt,A cotton shirt,shirt|cotton,Buy a shirt,Shirts online\n"
        "P2,Cap,A summer cap,cap|summer,Buy a cap,Caps online\n"
        "P3,Belt,A leather belt,belt|leather,Buy a belt,Belts online\n"
    )
    plan = plan_text(tmp_path, text, PRODUCTS)
    sources = applied_sources(plan)
    # Then: no tags, description or name come from the page's metadata, and nothing asks about it
    assert sources["description"] == ["description"]
    assert "tags" not in sources
    for column in ("Meta_keywords", "Meta_description", "SEO Title"):
        assert not named_in_questions(plan, column)


def test_a_bare_code_is_offered_as_the_product_key(tmp_path: Path) -> None:
    # Given: products keyed by a bare 'Code'
    text = "Code,Name,Description\n123456,Shirt,A cotton shirt\n222333,Cap,A summer cap\n444555,Belt,A belt\n"
    plan = plan_text(tmp_path, text, PRODUCTS)
    # Then: a bare 'Code' of values distinct in every row, offered first for the sku with no rival, is the sku:
    # applied since round 16 (agent/generic_key.py), so nothing asks about it
    assert applied_sources(plan)["sku"] == ["Code"]
    assert not any(".q_sku_" in q.id for q in plan.questions)


def test_a_bare_code_comes_before_the_ids_of_other_records(tmp_path: Path) -> None:
    # Given: customers keyed by a bare 'code', beside the ids of their language and country
    text = (
        "code,languageid,countryid,firstname,lastname,email\n"
        "C-1,en,de,Ada,Park,ada@x.com\nC-2,de,de,Bo,Chen,bo@x.com\nC-3,fr,fr,Cy,Diaz,cy@x.com\n"
    )
    plan = plan_text(tmp_path, text, CUSTOMERS)
    # Then: the customer number question offers the code first
    if "customer_id" not in applied_sources(plan):
        assert first_option(plan, "customer_id") == "'code'"


def test_a_code_for_the_supplier_joins_after_the_names(tmp_path: Path) -> None:
    # Given: an empty product template with vendor and manufacturer columns, names and codes
    text = "ProductCode,Name,BrandName,Vendor,VendorName,VendorCode,Manufacturer,ManufacturerName\nP1,Shirt,,,,,,\n"
    plan = plan_text(tmp_path, text, PRODUCTS)
    # Then: the supplier question offers the names (the manufacturer's too) before any code
    question = next(q for q in plan.questions if ".q_supplier_" in q.id)
    labels = [o.label for o in question.options if o.label.startswith("'")]
    assert "'ManufacturerName'" in labels
    if "'VendorCode'" in labels:
        assert labels.index("'VendorCode'") > labels.index("'ManufacturerName'")
