"""The matcher's round-22 mechanisms, on small CSVs written here: the bibliographic vocabulary of a publications
template (creator, genre, place of publication), a bug tracker's 'Component' and a shop's 'Taxons' for a category, a
slash-joined header of alternatives ('City/Village'), a relation named as a whole phrase ('Reporting Manager'), and a
sheet over its budget giving up first the question whose answer moves no value. Asserts what the user sees in the
plan. Files of the held-out test and dev17 splits are never used.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from tests.unit.agent.helpers import applied_sources, named_in_questions, plan_text

PUBLICATIONS = TEMPLATES["publications"]
LOCATIONS = TEMPLATES["locations"]
PROVIDERS = TEMPLATES["providers"]
TICKETS = REAL_TEMPLATES["tickets"]
PRODUCTS = REAL_TEMPLATES["products"]
EMPLOYEES = REAL_TEMPLATES["employees"]
ASSETS = REAL_TEMPLATES["assets"]


def test_a_bibliographic_export_maps_on_its_own_words(tmp_path: Path) -> None:
    # Given: works whose headers are a catalogue's words for author, year, journal, type and place
    text = (
        "Title,Creator,Publication Year,Periodical,Genre,Place of publication\n"
        "Deep sea fish,Ann Lee,2001,Marine Biology,Article,Paris\n"
        "Coral reefs,Bob Ray,2005,Nature,Review,Berlin\n"
        "Kelp forests,Cy Doe,2010,Oceanography,Article,Madrid\n"
    )
    plan = plan_text(tmp_path, text, PUBLICATIONS)
    # Then: each is applied to its field, and nothing is asked
    assert applied_sources(plan) == {
        "title": ["Title"],
        "authors": ["Creator"],
        "year": ["Publication Year"],
        "journal": ["Periodical"],
        "document_type": ["Genre"],
        "city": ["Place of publication"],
    }
    assert plan.questions == []


def test_a_bare_type_of_unlisted_words_is_asked_for_the_document_type(tmp_path: Path) -> None:
    # Given: a publication's 'Type' whose words are none of the document types the template allows
    text = "Title,Author,Year,Type\nA study,Ann Lee,2001,Mock subtype\nB study,Bob Ray,2003,Other kind\n"
    plan = plan_text(tmp_path, text, PUBLICATIONS)
    # Then: it is asked about (not applied, not dropped)
    assert "document_type" not in applied_sources(plan)
    assert [q.id for q in plan.questions] == ["publications.q_document_type_conflict"]
    assert named_in_questions(plan, "Type")


def test_a_trackers_component_and_a_shops_taxons_are_the_category(tmp_path: Path) -> None:
    # Given: tickets with a 'Component' and products with 'Taxons'
    tickets = "Summary,Component,Priority,Reporter\nCrash on save,Editor,high,Ann Lee\nSlow load,Backend,low,Bob Ray\n"
    products = "SKU,Name,Price,Taxons\nS1,Chair,49.90,Furniture > Chairs\nS2,Table,99.00,Furniture > Tables\n"
    # Then: both are applied to the category
    assert applied_sources(plan_text(tmp_path, tickets, TICKETS))["category"] == ["Component"]
    assert applied_sources(plan_text(tmp_path, products, PRODUCTS))["category"] == ["Taxons"]


def test_a_header_of_alternatives_names_the_field_its_parts_name(tmp_path: Path) -> None:
    # Given: clinics whose 'City/Village' is empty and whose 'County/District' holds districts
    text = (
        "Name,Address 1,City/Village,County/District,Postal Code\n"
        "Lake Clinic,1 Main St,,Siem Reap,\n"
        "Hill Clinic,2 High St,,Kampot,\n"
    )
    plan = plan_text(tmp_path, text, LOCATIONS)
    # Then: both are applied, and no question is asked about them
    applied = applied_sources(plan)
    assert applied["city"] == ["City/Village"]
    assert applied["county"] == ["County/District"]
    assert not named_in_questions(plan, "City/Village")


def test_alternatives_naming_two_fields_are_not_applied_to_either(tmp_path: Path) -> None:
    # Given: one column for a phone and a fax
    text = "Name,Phone/Fax,Address\nAcme Lab,030 1234567,1 Main St\nBeta Lab,040 7654321,2 High St\n"
    plan = plan_text(tmp_path, text, PROVIDERS)
    # Then: it fills neither without asking
    applied = applied_sources(plan)
    assert "phone" not in applied
    assert "fax" not in applied


def test_a_relation_named_as_a_whole_phrase_is_the_records_own(tmp_path: Path) -> None:
    # Given: employees with a 'Reporting Manager' and that manager's email
    text = (
        "First Name,Last Name,Email,Reporting Manager,Manager Email\n"
        "Ann,Lee,ann@example.com,Bob Ray,bob@example.com\n"
        "Cy,Doe,cy@example.com,Bob Ray,bob@example.com\n"
        "Dee,Fox,dee@example.com,Ann Lee,ann@example.com\n"
    )
    plan = plan_text(tmp_path, text, EMPLOYEES)
    # Then: the manager is applied without an is-it-someone-else's question; the manager's email fills no field
    applied = applied_sources(plan)
    assert applied["manager"] == ["Reporting Manager"]
    assert applied["email"] == ["Email"]
    assert not any(q.kind == "other_party" for q in plan.questions)


def test_over_budget_the_question_whose_answer_moves_no_value_goes_first(tmp_path: Path) -> None:
    # Given: sixteen columns of assets (a budget of one question) whose 'Sold Price' is empty and whose
    # 'Purchased Price' is already the purchase cost: a question about the current value moves no value
    text = (
        "Name,Description,Serial Number,Model Number,Manufacturer,Location,Quantity,Notes,Purchase From,"
        "Purchased Price,Purchased Time,Sold Price,Labels,Warranty Details,Lifetime Warranty,Warranty Expires\n"
        "Motion Sensor,Zigbee sensor,SN-1001,MS-200,Acme,Hallway,1,spare,Shop A,39.95,2021-03-01,,IOT;Home,,,"
        "2023-03-01\n"
        "Power Switch,Relay switch,SN-1002,PS-110,Acme,Kitchen,2,,Shop B,29.95,2021-04-02,,IOT,,,2023-04-02\n"
        "Door Lock,Smart lock,SN-1003,DL-300,Lockit,Front door,1,,Shop A,129.00,2021-05-03,,Security,,,2024-05-03\n"
    )
    plan = plan_text(tmp_path, text, ASSETS)
    # Then: the value question is gone, the purchase cost stays applied, the other questions stay
    ids = [q.id for q in plan.questions]
    assert "assets.q_value_column" not in ids
    assert "assets.q_warranty_months_column" in ids
    assert applied_sources(plan)["purchase_cost"] == ["Purchased Price"]
    assert not named_in_questions(plan, "Sold Price")
