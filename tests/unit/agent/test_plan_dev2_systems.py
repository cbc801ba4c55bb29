"""The matcher on exports from seven more systems (the dev2 split of bench/mapping/real: WooCommerce, commercetools,
Bigcapital, Helpy, phpList, Chamilo, Canvas), one test per class of miss seen there, asserting what the user sees in
the plan: the mapping, or the question about that column. Files of the held-out test split are never used here.
"""

from __future__ import annotations

import re

from ferry.agent.planner import Plan
from tests.unit.agent.helpers import plan_real_file


def _plan(name: str) -> Plan:
    return plan_real_file(name, "dev2")


def _mapped(plan: Plan) -> dict[str, str]:
    return {m["field"]: m["source"]["column"] for m in plan.mappings if m["source"]}


def _asked(plan: Plan) -> dict[str, list[str]]:
    """field -> the option labels of the question about which column feeds it (column, conflict, other party)."""
    out: dict[str, list[str]] = {}
    for q in plan.questions:
        m = re.fullmatch(r"q_(\w+?)_(column|conflict|other_party)", q.id.split(".", 1)[1])
        if m:
            out[m.group(1)] = [o.label for o in q.options]
    return out


def test_a_header_that_only_resembles_the_field_gives_way_to_one_that_names_it() -> None:
    # Given: Bigcapital's items ('Sell Description' beside a free-text 'Note') and vendors (a 'Note' alone)
    items, vendors = _plan("bigcapital/items.csv"), _plan("bigcapital/vendors.csv")
    # Then: the sales description is the products' description; 'Note' is never applied to it beside a header that
    # names it; alone, in a companies template with no notes field, 'Note' has no better home and fills description
    # (round 7: a narrower kind of a text field the template has no field for)
    assert _mapped(items)["description"] == "Sell Description"
    assert "Note" not in _mapped(items).values()
    assert _mapped(vendors)["description"] == "Note"


def test_a_ticket_name_holding_sentences_is_not_the_requester() -> None:
    # Given: Helpy's topic import, whose 'name' is the ticket title ('Overriding bandwidth is not working!')
    plan = _plan("helpy/topics_import.csv")
    # Then: it is not applied as the requester's name, and 'kind' ('ticket') is not applied as the category
    mapped = _mapped(plan)
    assert mapped.get("requester_name") != "name"
    assert "category" not in mapped


def test_an_empty_column_with_an_ambiguous_one_word_header_is_asked() -> None:
    # Given: Helpy's users, whose 'title' column is empty (a job title or a salutation: nothing tells which)
    plan = _plan("helpy/user_import.csv")
    # Then: it is not applied to salutation; the person is asked
    assert "salutation" not in _mapped(plan)
    assert _asked(plan)["salutation"][0] == "'title'"


def test_two_look_alike_phone_columns_for_a_field_are_a_question() -> None:
    # Given: Bigcapital's customers with a work, a personal and a billing-address phone
    plan = _plan("bigcapital/customers.csv")
    mapped = _mapped(plan)
    # Then: the work phone is the phone; which one is the mobile is asked, not guessed
    assert mapped["phone"] == "Work Phone Number"
    assert "mobile" not in mapped
    assert {"'Personal Phone Number'", "'Billing Address Phone'"} <= set(_asked(plan)["mobile"])


def test_a_yes_no_question_header_is_not_the_quantity_it_asks_about() -> None:
    # Given: WooCommerce's sample products with 'In stock?' (1/0) and an empty 'Stock' column
    plan = _plan("woocommerce/sample_products.csv")
    # Then: the stock quantity comes from 'Stock', not from the yes/no flag
    assert _mapped(plan)["stock_quantity"] == "Stock"


def test_timestamps_with_a_zone_name_and_country_names_beyond_the_common_ones_fit() -> None:
    # Given: Helpy ('2017-01-24 19:35:10 UTC') and Bigcapital ('Ghana', 'Holy See (Vatican City State)')
    users, customers = _plan("helpy/user_import.csv"), _plan("bigcapital/customers.csv")
    # Then: created_at and country are mapped without a header/value question
    assert _mapped(users)["created_at"] == "created_at"
    assert _mapped(customers)["country"] == "Billing Address Country"
    assert "country" not in _asked(customers)


def test_language_suffixed_headers_map_to_the_field_in_the_first_language() -> None:
    # Given: commercetools' products with 'name.en', 'name.de', 'slug.en', ...
    plan = _plan("commercetools/products-ci.csv")
    # Then: 'name.en' is the name, with no question about name.de as a rival
    assert _mapped(plan)["name"] == "name.en"
    assert "name" not in _asked(plan)


def test_a_bare_name_beside_a_last_name_column_is_the_first_name() -> None:
    # Given: phpList's import file: email, name, lastname (tab-separated)
    plan = _plan("phplist/ImportCSV.csv")
    # Then: 'name' is the first name
    assert _mapped(plan) == {"email": "email", "first_name": "name", "last_name": "lastname"}


def test_an_account_number_is_the_customer_id() -> None:
    # Given: Helpy's users with an empty 'account_number' column
    plan = _plan("helpy/user_import.csv")
    # Then: it is the customer id (a clear header with no values is still mapped)
    assert _mapped(plan)["customer_id"] == "account_number"


def test_a_yes_no_column_named_after_a_status_value_is_asked_about() -> None:
    # Given: Bigcapital's items with 'Active' = TRUE (products' status can be 'active')
    plan = _plan("bigcapital/items.csv")
    # Then: status is not silently left out: mapped from 'Active' (round 18); every row says yes, so no row is left
    # for the person to decide and the confirm question is not put (round 50, `one_sided_flags`)
    assert _mapped(plan)["status"] == "Active"
    assert "status" not in _asked(plan)


def test_leading_dot_decimals_and_lists_of_image_addresses_fit_their_fields() -> None:
    # Given: WooCommerce's products: 'Weight (lbs)' of '.5' and '1.5', 'Height (in)' beside it, and 'Images'
    # holding comma-separated lists of picture addresses
    plan = _plan("woocommerce/sample_products.csv")
    mapped = _mapped(plan)
    # Then: the weight is mapped (and 'Height' is no misspelt 'weight'); the images are mapped without a
    # header/value question
    assert mapped["weight"] == "Weight (lbs)"
    assert "Height (in)" not in mapped.values()
    assert mapped["images"] == "Images"
    assert "images" not in _asked(plan)


def test_the_field_own_name_beats_a_synonym_of_it_even_when_both_are_empty() -> None:
    # Given: commercetools' products whose 'description.en' and 'details.en' are both empty
    plan = _plan("commercetools/products-ci.csv")
    # Then: the field's own name is the description, with no which-column question
    assert _mapped(plan)["description"] == "description.en"
    assert "description" not in _asked(plan)
