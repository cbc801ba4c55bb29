"""The matcher's round-5 mechanisms, each on a real export that shows its class (the dev3 and dev4 splits of
bench/mapping/real: Salesforce Data Loader, Medusa, Tine 2.0, Zurmo, Jorani, EC-CUBE), asserting what the user sees in
the plan. Files of the held-out test split are never used here.
"""

from __future__ import annotations

import re

from ferry.agent.normalize import tokens
from ferry.agent.planner import Plan
from ferry.agent.synonyms import header_words
from tests.unit.agent.helpers import applied_sources, plan_real_file


def _plan(name: str) -> Plan:
    return plan_real_file(name, "dev3", "dev4")


def _offered(plan: Plan, field_label: str) -> list[str]:
    """The columns the questions about one field offer (by the field's key or label in the question)."""
    return [
        c
        for q in plan.questions
        if field_label in q.question
        for o in q.options
        for c in re.findall(r"'([^']*)'", o.label)
    ]


def _every_offered(plan: Plan) -> set[str]:
    return {c for q in plan.questions for o in q.options for c in re.findall(r"'([^']*)'", o.label)}


def test_the_records_own_noun_in_another_language_or_run_together_is_a_qualifier() -> None:
    # Given: Jorani's seed users ('idusers': id + the record noun, glued) and Tine's German payroll export
    # ('Strasse /Postfach des Mitarbeiters': the employee's street / PO box)
    jorani, tine = _plan("jorani/users.csv"), _plan("tine20/employee.csv")
    # Then: the users' id is the employee id, applied; the employee's street is the home address, applied since
    # round 16 because 'Ort des Mitarbeiters' and 'Postleitzahl des Mitarbeiters' give the city and postcode
    # (agent/address_line.py)
    assert applied_sources(jorani)["employee_id"] == ["idusers"]
    assert applied_sources(tine)["street"] == ["Strasse /Postfach des Mitarbeiters"]
    assert header_words("idusers") == ("id", "users")


def test_a_header_that_names_only_a_broader_concept_is_never_applied_to_the_narrower_field() -> None:
    # Given: Medusa's product export, whose prices are 'Variant Price EUR/USD/DKK' and which has no sale price
    plan = _plan("medusa/exported-products-comma.csv")
    # Then: no price column is applied as the sale price (values that are numbers cannot tell a sale price), and
    # the sale price is not asked about either
    assert "sale_price" not in applied_sources(plan)
    assert not any("sale_price" in q.question for q in plan.questions)


def test_one_column_in_several_currencies_is_a_choice_not_a_silent_pick() -> None:
    # Given: the same Medusa export with the variant price in EUR, USD and DKK
    plan = _plan("medusa/exported-products-comma.csv")
    # Then: price is not applied from whichever currency came first; the person picks, the currencies offered
    assert "price" not in applied_sources(plan)
    assert {"Variant Price EUR", "Variant Price USD"} <= set(_offered(plan, "Selling price"))


def test_the_inventory_number_is_the_asset_tag() -> None:
    # Given: Tine's inventory import with a German 'Inventarnummer' (inventory number) and an assets template whose
    # key is the asset tag (no field is called an id)
    plan = _plan("tine20/inv_tine_import.csv")
    # Then: the inventory number fills the asset tag: an asset register's inventory number is its tag by name, in
    # German as in English ('Inventory Number'; issue 12, lexicon_depth), no longer only a number offered as a key
    assert applied_sources(plan)["asset_tag"] == ["Inventarnummer"]


def test_a_short_prefix_several_headers_share_is_noise_and_odd_values_never_veto_the_header() -> None:
    # Given: Zurmo's contact import test file: 'paCity', 'paCountry' ... (pa = primary address), whose country
    # column holds the placeholders 'country1'..'country3'
    plan = _plan("zurmo/contacts_importTest.csv")
    # Then: 'paCountry' is the country, and its unknown values are put to the person, not silently dropped
    assert applied_sources(plan)["country"] == ["paCountry"]
    assert any("'paCountry'" in q.question and "country" in q.question for q in plan.questions)


def test_look_alike_spellings_and_other_records_ids_are_not_worth_a_question() -> None:
    # Given: Medusa's export ('Product Material', 'Product Height' only look like 'supplier') and Tine's leads
    # ('container_id', 'leadtype_id': ids of other records, not the lead's own)
    medusa, leads = _plan("medusa/exported-products-comma.csv"), _plan("tine20/leads.csv")
    # Then: neither is put to the person as a candidate
    assert not {"Product Material", "Product Height", "Product Length"} & _every_offered(medusa)
    assert not _offered(leads, "external_id")


def test_japanese_headers_are_read_word_by_word_and_a_partial_reading_is_not_applied() -> None:
    # Given: EC-CUBE's product CSV, whose headers are Japanese ('商品名' product name, '販売価格' sale price,
    # '在庫数無制限フラグ' stock-quantity-unlimited flag)
    plan = _plan("ec-cube/product.csv")
    sources = applied_sources(plan)
    # Then: the product name and the stock come from their columns; the unlimited-stock flag, read only in part, is
    # not taken for the stock quantity
    assert sources["name"] == ["商品名"]
    assert sources["stock_quantity"] == ["在庫数"]
    assert tokens("販売価格") == ("sale", "price")
    assert "unread" in tokens("在庫数無制限フラグ")


def test_full_names_written_last_name_first_are_split() -> None:
    # Given: Tine's payroll export, whose 'Name, Vorname' column holds 'Clever, Susan' (last name, comma, first)
    plan = _plan("tine20/employee.csv")
    # Then: the column feeds both name fields through a split, read as the comma says
    sources = applied_sources(plan)
    assert sources["first_name"] == ["Name, Vorname"] and sources["last_name"] == ["Name, Vorname"]
    split = next(m for m in plan.mappings if m["field"] == "first_name")
    assert any(op.get("op") == "split_name" for op in split["transform"])


def test_a_column_named_exactly_like_the_field_is_mapped_though_a_long_export_leaves_it_empty() -> None:
    # Given: OpenBoxes' 57-row product catalogue, whose 'Description' column is empty in every row
    plan = _plan("openboxes/products.csv")
    # Then: it is mapped on its header (there is nothing to doubt it with), not put to the person
    assert applied_sources(plan)["description"] == ["Description"]
    assert not _offered(plan, "description")


def test_a_date_column_whose_header_leaves_out_the_word_date_is_read_with_it() -> None:
    # Given: Tine's inventory import, whose 'Anschaffung' (acquisition; 'Anschaffungsdatum' is the purchase date)
    # holds ISO dates, and Shopware's 5-row customer file, whose 'billing_phone_number' is empty
    tine, shopware = _plan("tine20/inv_tine_import.csv"), _plan("shopware/customers.csv")
    # Then: the acquisition column is the purchase date; the empty phone column is mapped on its header alone
    assert applied_sources(tine)["purchase_date"] == ["Anschaffung"]
    assert applied_sources(shopware)["phone"] == ["billing_phone_number"]
