"""What the matcher applies without asking, round 7 (issue 12): each class of wrong auto-applied pair seen on the
real files, on a real export that shows it (bench/mapping/real; files of the held-out test split are never used
here), asserting what the user sees in the plan: the pair is no longer applied, and a column a person would map is
offered in a question rather than left out.
"""

from __future__ import annotations

from ferry.agent.planner import HeuristicPlanner, Plan
from ferry.core.outcomes import Answer, Question
from tests.unit.agent.helpers import applied_sources, plan_real_file


def _plan(name: str) -> Plan:
    return plan_real_file(name)


def _asking(plan: Plan, column: str) -> Question:
    found = [q for q in plan.questions if any(f"'{column}'" in o.label for o in q.options)]
    assert len(found) == 1, [q.question for q in plan.questions]
    return found[0]


def test_a_code_column_does_not_fill_the_gaps_of_the_name_column_beside_it() -> None:
    # Given: solidus_importer's Shopify customers ('Province' of names beside 'Province Code' of 'QC', 'Country' of
    # names beside 'Country Code' of 'CA'; rows 2-3 are extra addresses with the names blank)
    plan = _plan("solidus-importer/customers.csv")
    # Then: state and country read the name columns only; a code is the same fact, not a stand-in for a blank name
    assert applied_sources(plan)["state"] == ["Province"]
    assert applied_sources(plan)["country"] == ["Country"]


def test_a_synonym_beside_a_column_that_names_the_field_too_is_a_choice() -> None:
    # Given: Medusa's product export ('Product Thumbnail' and 'Product Image 1', both web addresses)
    plan = _plan("medusa/exported-products-comma.csv")
    # Then: neither is applied to images on its own; the person picks, with both one click away
    assert "images" not in applied_sources(plan)
    question = _asking(plan, "Product Image 1")
    assert question.id.endswith("q_images_column")
    assert any("'Product Thumbnail'" in o.label for o in question.options)
    # And: choosing 'Product Image 1' maps it
    chosen = next(o for o in question.options if "'Product Image 1'" in o.label)
    answered = HeuristicPlanner().answer(plan, [Answer(question_id=question.id, option_id=chosen.id)])
    assert applied_sources(answered)["images"] == ["Product Image 1"]


def test_a_secondary_or_address_block_rival_keeps_the_primary_applied() -> None:
    # Given: Helpy's users ('work_phone' beside 'home_phone') and Bigcapital's customers ('Work Phone Number' beside
    # 'Billing Address Phone'): a home number and another address block are known secondaries, not a choice
    for name, column in (("helpy/user_import.csv", "work_phone"), ("bigcapital/customers.csv", "Work Phone Number")):
        # Then: the primary stays applied without a question
        plan = _plan(name)
        assert applied_sources(plan)["phone"] == [column]
        assert not any(q.id.endswith("q_phone_column") for q in plan.questions)


def test_a_compare_at_price_is_not_the_sale_price() -> None:
    # Given: Shopify's product layout ('Variant Price' and 'Variant Compare At Price', the struck-through regular one)
    plan = _plan("solidus-importer/jewelery.csv")
    # Then: the price is 'Variant Price' and nothing is applied to sale_price
    assert applied_sources(plan)["price"] == ["Variant Price"]
    assert "sale_price" not in applied_sources(plan)


def test_a_bare_consent_is_not_a_marketing_opt_in() -> None:
    # Given: Open Source POS's customer template ('Consent': GDPR consent to keep the data, of 0/1)
    plan = _plan("opensourcepos/importCustomers.csv")
    # Then: it is not applied to marketing_opt_in
    assert "marketing_opt_in" not in applied_sources(plan)
