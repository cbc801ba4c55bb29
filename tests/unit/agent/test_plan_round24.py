"""The matcher's round-24 mechanisms, on small CSVs written here: the classes of wrong auto-applied mapping found on
the dev18 split (a real word read as a two-letter typo of a field's word; a bare 'Status' or 'Type' of no values for
an enum; a 'Region' of no address for a state; a word for money in general where the template holds two kinds of
money) and of missed mapping (a tag every header ends with). Each beside a near neighbour that must still map.
Asserts what the user sees in the plan. Files of the held-out test split are never used.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from ferry.agent.synonyms import correct_typo
from tests.unit.agent.helpers import CONTACTS, applied_sources, named_in_questions, plan_text, question_about

PEOPLE = TEMPLATES["people"]
COMPANIES = TEMPLATES["companies"]
DEALS = TEMPLATES["deals"]
EMPLOYEES = REAL_TEMPLATES["employees"]
ASSETS = REAL_TEMPLATES["assets"]


def test_a_real_word_two_letters_from_a_field_word_is_no_typo() -> None:
    # A word of eight or nine letters two edits from a vocabulary word is another word ('religion' is no 'region',
    # 'national' no 'nation'); one slip, or two in a long word, is still corrected
    assert correct_typo("religion") is None
    assert correct_typo("national") is None
    assert correct_typo("lasttname") == "last name"
    assert correct_typo("manfactuer") == "manufacturer"


def test_a_religion_column_is_no_state(tmp_path: Path) -> None:
    # Given: an employee import template, a header row and no rows, with a 'Religion' column
    text = "First Name,Last Name,Email,Religion,Blood Type,Job Title\n"
    plan = plan_text(tmp_path, text, EMPLOYEES)
    sources = applied_sources(plan)
    # Then: the religion fills no state, and is not asked about on its spelling alone; the names still map
    assert "state" not in sources
    assert not named_in_questions(plan, "Religion")
    assert sources["first_name"] == ["First Name"]
    assert sources["job_title"] == ["Job Title"]


def test_a_bare_status_of_no_values_is_asked_not_applied(tmp_path: Path) -> None:
    # Given: a user-import template (no rows) whose 'status' may be an account's (active/inactive)
    plan = plan_text(tmp_path, "username,email,first name,last name,status\n", CONTACTS)
    # Then: the status is asked, the column offered; not applied
    assert "status" not in applied_sources(plan)
    assert "'status'" in question_about(plan, "status")
    assert applied_sources(plan)["email"] == ["email"]


def test_a_bare_status_with_the_field_values_still_maps(tmp_path: Path) -> None:
    # Given: the same header over values that are the field's own states
    text = "email,first name,status\na@example.org,Ann,lead\nb@example.org,Bob,customer\nc@example.org,Cy,lead\n"
    plan = plan_text(tmp_path, text, CONTACTS)
    # Then: the values say whose states they are: applied
    assert applied_sources(plan)["status"] == ["status"]


def test_a_bare_type_of_no_values_is_not_a_company_type(tmp_path: Path) -> None:
    # Given: an organisation import template whose 'Type' is an organisation's kind (an NGO, a government body)
    text = "Organisation,Acronym,Type,Country,Website,Phone\n"
    plan = plan_text(tmp_path, text, COMPANIES)
    # Then: the type is not applied; the name and the country still are
    sources = applied_sources(plan)
    assert "type" not in sources
    assert sources["country"] == ["Country"]
    assert sources["website"] == ["Website"]


def test_a_region_of_no_address_is_no_state(tmp_path: Path) -> None:
    # Given: organisations with a country and a region (a grouping of countries), no street, city or postal code
    text = "Organisation,Country,Region,Website,Phone\n"
    plan = plan_text(tmp_path, text, COMPANIES)
    # Then: the region is not applied as the state
    assert "state" not in applied_sources(plan)
    assert applied_sources(plan)["country"] == ["Country"]


def test_a_region_beside_a_city_is_the_address_state(tmp_path: Path) -> None:
    # Given: the same template file with a street, a city and a postal code beside the region
    text = "Organisation,Street,City,Region,Postcode,Country,Website\n"
    plan = plan_text(tmp_path, text, COMPANIES)
    # Then: the region is the address's state
    assert applied_sources(plan)["state"] == ["Region"]


def test_a_price_is_not_an_asset_current_value(tmp_path: Path) -> None:
    # Given: assets with a bare 'Price', in a template with a purchase cost and a current value
    text = "Asset Tag,Name,Price\nA-1,Laptop,900\nA-2,Monitor,210\nA-3,Desk,150\n"
    plan = plan_text(tmp_path, text, ASSETS)
    # Then: which money it is is asked; never applied as the current value
    sources = applied_sources(plan)
    assert "value" not in sources
    assert named_in_questions(plan, "Price")
    assert sources["name"] == ["Name"]


def test_money_headers_that_name_their_field_still_map(tmp_path: Path) -> None:
    # Given: assets whose money headers name their fields, and deals with one money field
    assets = "Asset Tag,Name,Current Value,Purchase Price\nA-1,Laptop,500,900\nA-2,Desk,90,150\nA-3,Lamp,10,25\n"
    deals = "Deal Name,Price,Close Date\nRenewal,1200,2025-03-01\nUpsell,800,2025-04-01\nPilot,300,2025-05-01\n"
    asset_plan = plan_text(tmp_path, assets, ASSETS)
    deal_plan = plan_text(tmp_path, deals, DEALS)
    # Then: each maps where it names the field; a deal's price is its amount
    assert applied_sources(asset_plan)["value"] == ["Current Value"]
    assert applied_sources(asset_plan)["purchase_cost"] == ["Purchase Price"]
    assert applied_sources(deal_plan)["amount"] == ["Price"]


def test_a_tag_every_header_ends_with_is_read_off(tmp_path: Path) -> None:
    # Given: members whose headers all end with the same unknown tag ('_mbr'), in French
    text = (
        "nom_mbr;prenom_mbr;ville_mbr;courriel_mbr\n"
        "Lefebvre;Claire;Lyon;claire@example.org\nDupuis;Luc;Nantes;luc@example.org\nMoreau;Anne;Lille;anne@example.org\n"
    )
    plan = plan_text(tmp_path, text, PEOPLE)
    # Then: each maps on the words before the tag
    sources = applied_sources(plan)
    assert sources["last_name"] == ["nom_mbr"]
    assert sources["first_name"] == ["prenom_mbr"]
    assert sources["city"] == ["ville_mbr"]


def test_a_form_word_every_header_ends_with_stays(tmp_path: Path) -> None:
    # Given: employees whose date headers share their last word, a word the vocabulary knows
    text = (
        "First Name,Last Name,Start Date,End Date,Birth Date\n"
        "Ann,Lee,2020-01-06,2023-05-31,1990-04-02\nBob,Roe,2021-03-01,2024-01-15,1985-11-20\n"
        "Cy,Poe,2019-09-09,2022-02-28,1979-07-07\n"
    )
    plan = plan_text(tmp_path, text, EMPLOYEES)
    sources = applied_sources(plan)
    # Then: 'Date' is no tag: each date still maps to its own field
    assert sources["hire_date"] == ["Start Date"]
    assert sources["end_date"] == ["End Date"]
    assert sources["birth_date"] == ["Birth Date"]
