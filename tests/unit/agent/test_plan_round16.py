"""The matcher's round-16 mechanisms, each on a small CSV written here, asserting what the user sees in the plan (the
mapping, or the question with the right column in it). Files of the held-out test and dev14 splits are never used.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from tests.unit.agent.helpers import applied_sources, named_in_questions, plan_text

PRODUCTS = REAL_TEMPLATES["products"]
CUSTOMERS = REAL_TEMPLATES["customers"]
COMPANIES = TEMPLATES["companies"]
PUBLICATIONS = TEMPLATES["publications"]


def test_a_bare_code_of_distinct_values_is_the_products_sku(tmp_path: Path) -> None:
    # Given: products whose only key column is headed 'Code', each row its own code
    text = "Code,Name,Price\nTS-01,Red T-shirt,19.90\nTS-02,Blue T-shirt,19.90\nMG-07,Coffee mug,8.50\n"
    plan = plan_text(tmp_path, text, PRODUCTS)
    # Then: 'Code' is applied to the SKU and nothing asks about it
    assert applied_sources(plan).get("sku") == ["Code"]
    assert not any(".q_sku_" in q.id for q in plan.questions)


def test_an_identifier_of_distinct_values_is_the_publications_key(tmp_path: Path) -> None:
    # Given: books with an 'Identifier' column of distinct ids
    text = (
        "Identifier,Title,Creator\n"
        "book-001,Moby Dick,Herman Melville\nbook-002,Emma,Jane Austen\nbook-003,Ulysses,James Joyce\n"
    )
    plan = plan_text(tmp_path, text, PUBLICATIONS)
    # Then: it is applied to the publication's id
    assert applied_sources(plan).get("eid") == ["Identifier"]


def test_a_bare_code_that_repeats_is_not_taken_as_the_key(tmp_path: Path) -> None:
    # Given: a 'Code' column whose values repeat (a category code, not the product's own)
    text = "Code,Name,Price\nTS,Red T-shirt,19.90\nTS,Blue T-shirt,19.90\nMG,Coffee mug,8.50\n"
    plan = plan_text(tmp_path, text, PRODUCTS)
    # Then: it is not applied as the SKU
    assert "sku" not in applied_sources(plan)


def test_the_one_key_beside_paths_into_other_records_is_the_records_own(tmp_path: Path) -> None:
    # Given: partners whose 'importId' sits beside the import ids of their user, team and source
    text = (
        "importId,name,firstName,user.importId,team.importId,source.id\n"
        "101,Doe,John,7,3,1\n102,Roe,Jane,7,3,2\n103,Poe,Max,8,4,3\n"
    )
    plan = plan_text(tmp_path, text, CUSTOMERS)
    # Then: 'importId' is applied as the customer's id; the other records' ids are not
    assert applied_sources(plan).get("customer_id") == ["importId"]


def test_a_header_ending_in_the_fields_name_is_asked_about(tmp_path: Path) -> None:
    # Given: products with a 'T_shirt_cotton_brand' column the lexicon cannot read as a whole
    text = "sku,name,T_shirt_cotton_brand\nTS-01,Red T-shirt,Acme\nTS-02,Blue T-shirt,Acme\nTS-03,Green T-shirt,Bolt\n"
    plan = plan_text(tmp_path, text, PRODUCTS)
    # Then: it is not applied, but a question offers it for the brand
    assert "brand" not in applied_sources(plan)
    assert named_in_questions(plan, "T_shirt_cotton_brand")
    assert any(".q_brand_" in q.id for q in plan.questions)


def test_an_address_line_beside_its_city_and_postcode_is_the_street(tmp_path: Path) -> None:
    # Given: venues whose 'Venue Address' sits beside 'Venue City' and 'Venue Zip'
    text = (
        "Venue Name,Venue Address,Venue Address 2,Venue City,Venue Zip\n"
        "Town Hall,1 Main St,,Springfield,12345\nOpera,22 Elm Road,Floor 2,Shelbyville,23456\n"
        "Museum,5 Oak Avenue,,Capital City,34567\n"
    )
    plan = plan_text(tmp_path, text, COMPANIES)
    # Then: 'Venue Address' is the street, applied; the city and postcode come from their columns
    sources = applied_sources(plan)
    assert sources.get("street") == ["Venue Address"]
    assert sources.get("city") == ["Venue City"]


def test_an_address_line_without_neighbours_is_still_asked(tmp_path: Path) -> None:
    # Given: the same venues without a city or postcode column
    text = (
        "Venue Name,Venue Address,Venue Address 2\n"
        "Town Hall,1 Main St,\nOpera,22 Elm Road,Floor 2\nMuseum,5 Oak Avenue,\n"
    )
    plan = plan_text(tmp_path, text, COMPANIES)
    # Then: nothing confirms the line, so it is not applied unasked
    assert "street" not in applied_sources(plan)


def test_a_vocabulary_term_is_matched_on_the_term(tmp_path: Path) -> None:
    # Given: books described in Dublin Core terms ('Dublin Core:Title', 'dcterms:title' style headers)
    text = (
        "Dublin Core:Title,dcterms:publisher\n"
        "Moby Dick,Harper & Brothers\nEmma,John Murray\nUlysses,Shakespeare and Company\n"
    )
    plan = plan_text(tmp_path, text, PUBLICATIONS)
    # Then: the title is applied from 'Dublin Core:Title'
    assert applied_sources(plan).get("title") == ["Dublin Core:Title"]


def test_a_colon_with_a_space_is_a_labels_punctuation(tmp_path: Path) -> None:
    # Given: a header such as 'Checked Out To: Username'
    from ferry.agent.namespaces import without_namespace

    # Then: only a colon touching both words marks a vocabulary's prefix
    assert without_namespace("Checked Out To: Username") == "Checked Out To: Username"
    assert without_namespace("dcterms:creator") == "creator"
    assert without_namespace("http://example.com/x") == "http://example.com/x"
