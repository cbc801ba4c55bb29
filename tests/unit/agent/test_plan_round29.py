"""The matcher's round-29 mechanisms, on small CSVs written here: the classes behind dev20's wrong auto-applied
mappings and its questions worth the least (dev20, no longer held out, is where they were found; its files are not
used here). A column of percentages under a tax header is a rate, not a tax class; a yes/no column is nobody's text
(a 'company' flag is not the company's name); a real word one edit from a spelling only the crude English singular
makes ('notify' beside Dutch 'notities', cut to 'notity') is no typo of it; a note of one-word tags is no product
description; a path through another record's reference ('org_id->name') is not the record's own id; the word for
'name' in another language names the thing it follows or precedes ('categorienaam', 'nom catégorie'); English
'function' is the job title and 'additional information' the notes (dev20's dropped columns). Near neighbours
that must still map stay as they were. Asserts what the user sees in the plan.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from ferry.agent.synonyms import concepts_of
from tests.unit.agent.helpers import applied_sources, named_in_questions, plan_text

ALL = {**TEMPLATES, **REAL_TEMPLATES}
PRODUCTS = ALL["products"]  # a tax_class and a description, no notes field
CUSTOMERS = ALL["customers"]  # a company field (the company's name)
EMPLOYEES = ALL["employees"]  # employee_id, the template's key, and notes


def test_percentages_under_a_tax_header_are_no_tax_class(tmp_path: Path) -> None:
    # Given: a Dutch supplier list whose VAT column holds the rate in percent
    text = (
        "art nr;productnaam;prijs;btw (%)\n29932;Walnoten;2.34;9\n28391;Pijnboompitten;5.56;21\n1829;Appelsap;3.21;9\n"
    )
    plan = plan_text(tmp_path, text, PRODUCTS)
    # Then: the tax class is neither applied from it nor asked about with it
    assert "tax_class" not in applied_sources(plan)
    assert not named_in_questions(plan, "btw (%)")
    assert applied_sources(plan)["name"] == ["productnaam"]


def test_decimal_rates_under_a_tax_header_are_no_tax_class(tmp_path: Path) -> None:
    text = "SKU,Name,Price,Tax\nAB-1,Widget,9.99,21.00\nAB-2,Gadget,19.99,6.00\nAB-3,Gizmo,4.50,21.00\n"
    plan = plan_text(tmp_path, text, PRODUCTS)
    assert "tax_class" not in applied_sources(plan)


def test_named_tax_classes_still_map(tmp_path: Path) -> None:
    text = "SKU,Name,Price,Tax\nAB-1,Widget,9.99,GST-18\nAB-2,Gadget,19.99,GST-12\nAB-3,Gizmo,4.50,GST-18\n"
    plan = plan_text(tmp_path, text, PRODUCTS)
    assert applied_sources(plan)["tax_class"] == ["Tax"]


def test_a_yes_no_company_flag_is_not_the_company_name(tmp_path: Path) -> None:
    # Given: a person import whose 'company' says whether the row is a company, its name beside it
    text = (
        "first_name,last_name,company,company_name,email\n"
        "Velma,Hagenes,ja,Kling AG,velma@example.com\n"
        "Kaitlyn,Adams,nein,,kaitlyn@example.com\n"
        "Ramiro,Brown,ja,Stamm GmbH,ramiro@example.com\n"
        "Athena,Rippin,nein,,athena@example.com\n"
    )
    plan = plan_text(tmp_path, text, CUSTOMERS)
    # Then: the company is filled from the names, never from the flag
    assert applied_sources(plan)["company"] == ["company_name"]


def test_a_company_column_of_names_still_maps(tmp_path: Path) -> None:
    text = "first_name,last_name,company\nVelma,Hagenes,Kling AG\nKaitlyn,Adams,Stamm GmbH\nRamiro,Brown,Acme Ltd\n"
    plan = plan_text(tmp_path, text, CUSTOMERS)
    assert applied_sources(plan)["company"] == ["company"]


def test_notify_is_no_typo_of_a_made_up_singular() -> None:
    # 'notities' (Dutch notes) cut by the English singular rule spells 'notity', one edit from 'notify'
    assert "notes" not in concepts_of("notify")
    assert "notes" in concepts_of("notitie")  # one edit from the Dutch plural as written
    assert "notes" in concepts_of("Commnets")  # a real slip still corrected


def test_a_notify_column_is_not_the_notes(tmp_path: Path) -> None:
    # Given: how often the person is notified, one word a row
    text = (
        "first_name,last_name,email,notify\n"
        "Ana,Lopez,ana@example.com,daily\n"
        "Ben,Okafor,ben@example.com,weekly\n"
        "Cai,Wong,cai@example.com,never\n"
    )
    plan = plan_text(tmp_path, text, EMPLOYEES)
    assert "notes" not in applied_sources(plan)


def test_a_note_of_short_tags_is_no_description(tmp_path: Path) -> None:
    # Given: an article list whose 'Note' holds one-word labels (organic marks)
    text = "SKU,Name,Price,Note\nAB-1,Walnuts,2.34,bio\nAB-2,Pine nuts,5.56,dem\nAB-3,Apple juice,3.21,bio\n"
    plan = plan_text(tmp_path, text, PRODUCTS)
    # Then: the description is neither applied from it nor asked about with it
    assert "description" not in applied_sources(plan)
    assert not named_in_questions(plan, "Note")


def test_a_note_of_prose_still_fills_the_description(tmp_path: Path) -> None:
    text = (
        "SKU,Name,Price,Note\n"
        "AB-1,Walnuts,2.34,Raw walnuts from the Veluwe in a paper bag\n"
        "AB-2,Pine nuts,5.56,Roasted pine nuts for salads and pesto\n"
        "AB-3,Apple juice,3.21,Cloudy apple juice pressed from local apples\n"
    )
    plan = plan_text(tmp_path, text, PRODUCTS)
    assert applied_sources(plan)["description"] == ["Note"]


def test_a_description_of_short_words_still_maps(tmp_path: Path) -> None:
    text = "SKU,Name,Price,Description\nAB-1,Walnuts,2.34,raw\nAB-2,Pine nuts,5.56,roasted\nAB-3,Juice,3.21,cloudy\n"
    plan = plan_text(tmp_path, text, PRODUCTS)
    assert applied_sources(plan)["description"] == ["Description"]


def test_a_path_through_a_reference_is_not_the_record_id(tmp_path: Path) -> None:
    # Given: an export that flattens the person's organisation to its name under 'org_id->name'
    text = (
        "first_name,name,org_id->name,email\n"
        "Config,Manager,IT Department,config@example.com\n"
        "Power,Special,IT Special,power@example.com\n"
        "Agent,Portal,Demo,agent@example.com\n"
    )
    plan = plan_text(tmp_path, text, EMPLOYEES)
    # Then: it is never offered as the employee's own id
    assert "employee_id" not in applied_sources(plan)
    assert not named_in_questions(plan, "org_id->name")


def test_an_employee_id_column_still_maps(tmp_path: Path) -> None:
    text = "Employee ID,first_name,last_name\nE-101,Ana,Lopez\nE-102,Ben,Okafor\nE-103,Cai,Wong\n"
    plan = plan_text(tmp_path, text, EMPLOYEES)
    assert applied_sources(plan)["employee_id"] == ["Employee ID"]


def test_the_word_for_name_in_another_language_names_the_thing() -> None:
    assert concepts_of("categorienaam")["category"] >= 0.9  # Dutch, after the thing
    assert concepts_of("nom catégorie")["category"] >= 0.9  # French, before it
    assert concepts_of("Category Name")["category"] >= 0.9  # as before
    # English 'name' first qualifies what follows ('Name Type' is a type of name), as before
    assert concepts_of("name category").get("category", 0.0) < 0.9


def test_a_dutch_category_name_fills_the_category(tmp_path: Path) -> None:
    text = (
        "SKU;productnaam;prijs;categorienaam\n"
        "AB-1;Walnoten;2.34;Nuts\n"
        "AB-2;Sap;3.21;Drinks\n"
        "AB-3;Tomaten;1.20;Vegetables\n"
    )
    plan = plan_text(tmp_path, text, PRODUCTS)
    assert applied_sources(plan)["category"] == ["categorienaam"]


def test_an_english_function_column_is_the_job_title(tmp_path: Path) -> None:
    # Given: an HR export whose 'function' holds each person's job, as German 'Funktion' does
    text = (
        "first_name,last_name,email,function\n"
        "Ana,Lopez,ana@example.com,Service desk agent\n"
        "Ben,Okafor,ben@example.com,Configuration manager\n"
        "Cai,Wong,cai@example.com,Support engineer\n"
    )
    plan = plan_text(tmp_path, text, EMPLOYEES)
    assert applied_sources(plan)["job_title"] == ["function"]


def test_additional_information_is_the_notes(tmp_path: Path) -> None:
    text = (
        "first_name,last_name,email,additional_information\n"
        "Ana,Lopez,ana@example.com,Prefers to be called in the morning. Speaks Spanish.\n"
        "Ben,Okafor,ben@example.com,Met at the spring fair; interested in the yearly plan.\n"
        "Cai,Wong,cai@example.com,Asked for a copy of the invoice by post.\n"
    )
    plan = plan_text(tmp_path, text, CUSTOMERS)
    assert applied_sources(plan)["notes"] == ["additional_information"]
