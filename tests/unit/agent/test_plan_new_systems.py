"""The matcher on exports from eight more systems (the dev split of bench/mapping/real: Redmine, Ghost, PrestaShop,
GitLab, Aimeos, Moodle, ADempiere, OpenCATS), one test per class of miss, asserting what the user sees in the plan:
the mapping, or the question about that column. Files of the held-out test split are never used here.
"""

from __future__ import annotations

from typing import Any

from ferry.agent.planner import HeuristicPlanner, Plan
from ferry.core.outcomes import Answer
from tests.unit.agent.helpers import plan_real_file


def _plan(name: str) -> Plan:
    return plan_real_file(name, "dev")


def _mapped(plan: Plan) -> dict[str, str]:
    return {m["field"]: m["source"]["column"] for m in plan.mappings if m["source"]}


def _questions(plan: Plan) -> dict[str, Any]:
    return {q.id.split(".", 1)[1]: q for q in plan.questions}


def test_1_a_phone_header_over_bare_digits_is_mapped_and_the_person_asked_to_confirm() -> None:
    # Given: Aimeos' customer whose 'telephone' is '4912345678' (no '+', no spacing)
    plan = _plan("aimeos/customers.csv")
    # Then: the header decides: it is mapped, and a yes/no question asks the person to confirm it
    assert _mapped(plan)["phone"] == "telephone"
    question = _questions(plan)["q_phone_conflict"]
    assert question.options[0].label == "Yes, map 'telephone' to phone"
    # When: the person says no
    answered = HeuristicPlanner().answer(plan, [Answer(question_id=question.id, option_id="opt_2")])
    # Then: phone is left empty
    assert "phone" not in _mapped(answered)


def test_4_a_file_without_a_header_row_maps_unmistakable_values_on_their_own() -> None:
    # Given: ADempiere's business-partner example, whose first line is a record (…, CT, 06061, 203-333-8888)
    plan = _plan("adempiere/ExampleBPartner.csv")
    # Then: the phone numbers, the states and the postal codes fill their fields without a question
    mapped = _mapped(plan)
    assert {k: mapped.get(k) for k in ("phone", "state", "postal_code")} == {
        "phone": "203-333-8888",
        "state": "CT",
        "postal_code": "06061",
    }
    asked = [q.id.split(".", 1)[1] for q in plan.questions]
    assert not [a for a in asked for k in ("phone", "state", "postal_code") if a.startswith(f"q_{k}_")]


def test_5_vendor_words_and_dotted_headers_are_understood() -> None:
    # GitLab's export: the issue is the ticket, its author the requester
    mapped = _mapped(_plan("gitlab/csv_gitlab_export.csv"))
    assert {k: mapped[k] for k in ("ticket_id", "requester_name", "created_at", "updated_at")} == {
        "ticket_id": "Issue ID",
        "requester_name": "Author",
        "created_at": "Created At (UTC)",
        "updated_at": "Updated At (UTC)",
    }
    # Aimeos' suppliers: record-word prefixes and dots ('supplier.label' is its name, 'text.content' its description)
    mapped = _mapped(_plan("aimeos/suppliers.csv"))
    assert {k: mapped.get(k) for k in ("external_id", "name", "description", "city", "country")} == {
        "external_id": "supplier.code",
        "name": "supplier.label",
        "description": "text.content",
        "city": "supplier.address.city",
        "country": "supplier.address.countryid",
    }


def test_6_bracketed_format_hints_do_not_hide_a_header_that_names_the_field() -> None:
    # Given: PrestaShop's customer import sample, whose headers carry hints ('Birthday (yyyy-mm-dd)', '(0/1)')
    plan = _plan("prestashop/customers_import.csv")
    # Then: each maps as its name says, and 0/1 flags fill the yes/no field
    mapped = _mapped(plan)
    assert {k: mapped.get(k) for k in ("birth_date", "created_at", "customer_group", "marketing_opt_in", "email")} == {
        "birth_date": "Birthday (yyyy-mm-dd)",
        "created_at": "Registration date (yyyy-mm-dd)",
        "customer_group": "Groups (x,y,z...)",
        "marketing_opt_in": "Newsletter (0/1)",
        "email": "Email *",
    }
    # And: the record's own id in a supplier file is its external id
    assert _mapped(_plan("prestashop/suppliers_import.csv"))["external_id"] == "Supplier ID"


def test_7_title_ids_fill_salutation_with_a_value_map_question() -> None:
    # Given: PrestaShop's 'Titles ID (Mr = 1, Ms = 2, else 0)' holding 1 and 2
    plan = _plan("prestashop/customers_import.csv")
    # Then: it fills salutation, and the person is asked what each id is
    assert _mapped(plan)["salutation"] == "Titles ID (Mr = 1, Ms = 2, else 0)"
    assert _questions(plan)["q_salutation_values"].question.startswith("'Titles ID (Mr = 1, Ms = 2, else 0)' holds ids")


def test_a_one_row_delivery_address_is_not_taken_for_the_customers_own_fields() -> None:
    # Given: Aimeos' one customer, whose 'address …' columns repeat the billing values in its single row
    plan = _plan("aimeos/customers.csv")
    used = {s["column"] for m in plan.mappings for s in (m.get("sources") or [m["source"]]) if s}
    # Then: none of them is merged into the customer's own fields, and 'salutation' fills salutation, not gender
    assert not {c for c in used if c.startswith("address ")}
    assert _mapped(plan)["salutation"] == "salutation"
    assert "gender" not in _mapped(plan)


def test_a_second_address_line_of_house_numbers_is_still_the_second_line() -> None:
    # Given: Aimeos' customer whose 'address2' holds a house number (a second address line often holds a flat, a
    # floor or a number rather than a street)
    plan = _plan("aimeos/customers.csv")
    # Then: it fills street2 without a header/value question
    assert _mapped(plan)["street2"] == "address2"
    assert "q_street2_conflict" not in _questions(plan)


def test_a_vendor_consent_phrase_fills_the_consent_field() -> None:
    # Given: Ghost's members import with 'subscribed_to_emails' of true/false
    plan = _plan("ghost/valid-members-import.csv")
    # Then: it is the subscriber's consent
    assert _mapped(plan)["consent"] == "subscribed_to_emails"
