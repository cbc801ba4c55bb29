"""The matcher's round-15 mechanisms, each on a small CSV written here or a train-split file, asserting what the user
sees in the plan (the mapping, or the question with the right column first). Files of the held-out test and dev13
splits are never used.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES
from tests.unit.agent.helpers import applied_sources, named_in_questions, plan_real_file, plan_text, question_about

PRODUCTS = REAL_TEMPLATES["products"]
ASSETS = REAL_TEMPLATES["assets"]
CUSTOMERS = REAL_TEMPLATES["customers"]


def test_a_code_glued_to_the_thing_is_offered_as_the_records_key() -> None:
    # Given: a train-split transport-agency export whose key is 'codtrans' (codes that differ in every row)
    plan = plan_real_file("facturascripts/agenciastrans.csv", "train")
    # Then: nothing applies it, and the question about the record's id offers it first
    assert "external_id" not in applied_sources(plan)
    assert question_about(plan, "external_id")[0] == "'codtrans'"


def test_a_things_id_of_distinct_values_is_offered_for_the_key_nothing_fills(tmp_path: Path) -> None:
    # Given: servers registered as assets, each row with its own 'server_id' and no asset tag column
    text = "server_id,name\n1000020001,web-1\n1000020002,web-2\n1000020003,db-1\n"
    plan = plan_text(tmp_path, text, ASSETS)
    # Then: asked which column holds the asset tag, 'server_id' the one offered; never applied unasked
    assert "asset_tag" not in applied_sources(plan)
    assert question_about(plan, "asset_tag")[0] == "'server_id'"


def test_the_key_of_a_key_value_pair_is_no_records_key(tmp_path: Path) -> None:
    # Given: customers with a 'Metafield Key' / 'Metafield Value' pair (an attribute's name and value)
    text = (
        "First Name,Last Name,Email,Metafield Key,Metafield Value\n"
        "John,Doe,john@example.com,vip_status,TRUE\nJane,Roe,jane@example.com,email_list,weekly\n"
        "Max,Poe,max@example.com,corporate,true\n"
    )
    plan = plan_text(tmp_path, text, CUSTOMERS)
    # Then: nothing offers the pair's key as the customer's number
    assert not named_in_questions(plan, "Metafield Key")


def test_another_records_id_is_not_offered_as_the_key(tmp_path: Path) -> None:
    # Given: assets whose 'category_id' points at categories (the category is a field of the template)
    text = "category_id,name\n11,Laptop one\n12,Laptop two\n13,Monitor\n"
    plan = plan_text(tmp_path, text, ASSETS)
    # Then: it is not offered as the asset tag
    assert not any(".q_asset_tag_" in q.id and "'category_id'" in str(q.options) for q in plan.questions)


def test_a_synonym_of_the_field_beside_its_own_word_is_asked_not_applied(tmp_path: Path) -> None:
    # Given: products with a 'ProductType' (a synonym of category) and a 'CategoryPath' (the field's own word)
    text = (
        "Sku,Name,ProductType,CategoryPath\n"
        "A1,Chair,Furniture,Home/Furniture/Chairs\nA2,Lamp,Lighting,Home/Lighting\nA3,Desk,Furniture,Office/Desks\n"
    )
    plan = plan_text(tmp_path, text, PRODUCTS)
    # Then: the category is not applied unasked; the question offers both, the field's own word first (round 18)
    assert "category" not in applied_sources(plan)
    options = question_about(plan, "category")
    assert options[:2] == ["'CategoryPath'", "'ProductType'"]


def test_a_numbered_line_beside_a_synonym_does_not_unsettle_it(tmp_path: Path) -> None:
    # Given: customers with an 'address' (a synonym of street) and a numbered 'street_2' line
    text = (
        "first_name,last_name,address,street_2,city\n"
        "Ann,Lee,1 Main St,Apt 2,Springfield\nBob,Ray,5 Oak Ave,,Shelbyville\nCid,Moe,9 Elm Rd,Unit 4,Ogdenville\n"
    )
    plan = plan_text(tmp_path, text, CUSTOMERS)
    # Then: the address still fills the street
    assert applied_sources(plan)["street"] == ["address"]


def test_the_records_key_outranks_an_unsure_guess_when_the_budget_is_spent(tmp_path: Path) -> None:
    # Given: servers with their own 'server_id', a name, and a 'system_group' the matcher is unsure is the category,
    # three columns, so one question in all
    text = "server_id,name,system_group\n1000020001,web-1,Rebels\n1000020002,web-2,Empire\n1000020003,db-1,Rebels\n"
    plan = plan_text(tmp_path, text, ASSETS)
    # Then: the one question asks for the asset tag, 'server_id' first
    assert len(plan.questions) == 1
    assert question_about(plan, "asset_tag")[0] == "'server_id'"
