"""The matcher's round-42 mechanisms, on small CSVs written here: the classes behind the dev32 and dev33 splits'
misses (their files are not used here). The date a work came out ('date', 'publish_date') is asked for an integer
year when the template has no date field; capitalised words alike under a header naming a field are no data row; a
name in catalogue form with life dates is no sentence; 'PIN code' is the postal code; a type qualified by another
thing ('PackageType') is no kind of category, and ids of a list the file lacks are not asked for a text field. Near
neighbours that must not change stay as they were. Asserts what the user sees in the plan.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from ferry.agent.evidence import headerless
from tests.unit.agent.helpers import applied_sources, csv_text, named_in_questions, plan_text, question_about, sheet

ALL = {**TEMPLATES, **REAL_TEMPLATES}
PUBLICATIONS = ALL["publications"]
ASSETS = ALL["assets"]
CUSTOMERS = ALL["customers"]


# The date a work came out, for a year field.


def test_a_publish_date_is_asked_for_the_year(tmp_path: Path) -> None:
    # Given: newsletter issues with a publish date and time
    rows = ["Plain post,2023-01-02 16:55:00+00:00,plain-post", "Fancy post,2023-01-05 13:00:00+00:00,fancy-post"]
    plan = plan_text(tmp_path, csv_text("subject,publish_date,slug", rows), PUBLICATIONS)
    # Then: it is offered for the year, never applied (the date is cut to its year)
    assert "year" not in applied_sources(plan)
    assert "'publish_date'" in question_about(plan, "year")


def test_a_bare_date_header_of_years_is_asked_for_the_year(tmp_path: Path) -> None:
    # Given: Dublin Core records whose 'date' holds bare years
    rows = ["Village on a hillside,1930,Image", "River crossing,1931,Image"]
    plan = plan_text(tmp_path, csv_text("title,date,type", rows), PUBLICATIONS)
    # Then: 'date' is offered for the year
    assert "'date'" in question_about(plan, "year")


def test_a_date_header_of_words_is_not_asked_for_the_year(tmp_path: Path) -> None:
    # Near neighbour: a 'date' of words holds no year
    rows = ["Village on a hillside,undated,Image", "River crossing,circa,Image"]
    plan = plan_text(tmp_path, csv_text("title,date,type", rows), PUBLICATIONS)
    assert not named_in_questions(plan, "date")


# Capitalised words alike are no data row when the header names a field.


def test_a_header_naming_fields_over_capitalised_words_is_a_header(tmp_path: Path) -> None:
    # Given: configuration items whose states are capitalised words, as 'Deployment State' is
    rows = [f'"TestConfigItem{n}","Production","Operational"' for n in range(4)]
    plan = plan_text(tmp_path, csv_text('"Name","Deployment State","Incident State"', rows), ASSETS)
    # Then: the first row is read as the header and 'Name' is the asset's name
    assert applied_sources(plan).get("name") == ["Name"]


def test_a_first_row_of_names_over_names_is_still_data() -> None:
    # Near neighbour: a first row of people's names over more of them names no field: there is no header row
    columns = {
        "Mary Jones": ["Peter Smith", "Anna Lee"],
        "Paul Brown": ["Carl White", "Lena Gray"],
        "Kim Bell": ["Tom Hill", "Ada Ross"],
    }
    assert headerless(sheet(columns))


# A name in catalogue form.


def test_a_creator_in_catalogue_form_is_the_author(tmp_path: Path) -> None:
    # Given: a creator written surname first with life dates
    rows = ["Village on a hillside,'Andrews, John Nevins 1891-1980'", "River crossing,'Smith, Mary Ann 1900-1975'"]
    text = csv_text("title,creator", rows).replace("'", '"')
    plan = plan_text(tmp_path, text, PUBLICATIONS)
    # Then: it is applied to the authors, with no question about its values
    assert applied_sources(plan).get("authors") == ["creator"]
    assert not named_in_questions(plan, "creator")


def test_sentences_under_creator_are_still_doubted(tmp_path: Path) -> None:
    # Near neighbour: sentences are no names
    rows = ["Village,This photo was taken in the village.", "River,It shows the river crossing at dawn."]
    plan = plan_text(tmp_path, csv_text("title,creator", rows), PUBLICATIONS)
    assert applied_sources(plan).get("authors") != ["creator"] or named_in_questions(plan, "creator")


# 'PIN code', India's postal code.


def test_a_pin_code_is_the_postal_code(tmp_path: Path) -> None:
    rows = ["Asha,Rao,12 MG Road,Bengaluru,560001", "Ravi,Iyer,4 Park Street,Kolkata,700016"]
    plan = plan_text(tmp_path, csv_text("first_name,last_name,street,city,PIN Code", rows), CUSTOMERS)
    assert applied_sources(plan).get("postal_code") == ["PIN Code"]


# A type qualified by another thing, and ids of a list the file lacks, for a product's category.

PRODUCTS = ALL["products"]


def test_the_type_of_another_thing_is_not_offered_for_the_category(tmp_path: Path) -> None:
    # Given: electronic parts whose package type is a word of its own
    rows = ["LM358,Op amp,8-DIP,5", "NE555,Timer,8-SOIC,9"]
    plan = plan_text(tmp_path, csv_text("PartNumber,Description,PackageType,Quantity", rows), PRODUCTS)
    # Then: the package's type is not put to the person as the product's category
    assert not named_in_questions(plan, "PackageType")


def test_a_bare_type_is_still_read_for_the_category(tmp_path: Path) -> None:
    # Near neighbour: a 'Type' of its own names the product's kind
    rows = ["LM358,Op amp,Amplifier,5", "NE555,Timer,Timer IC,9"]
    plan = plan_text(tmp_path, csv_text("PartNumber,Description,Type,Quantity", rows), PRODUCTS)
    assert applied_sources(plan).get("category") == ["Type"] or named_in_questions(plan, "Type")


def test_ids_of_a_list_the_file_lacks_are_not_asked_for_a_text_field(tmp_path: Path) -> None:
    # Given: parts whose part and mounting types are ids into lists the file does not hold
    rows = ["LM358,Op amp,14,1,5", "NE555,Timer,12,2,9"]
    plan = plan_text(tmp_path, csv_text("PartNumber,Description,PartTypeId,MountingTypeId,Quantity", rows), PRODUCTS)
    # Then: no question asks which of them holds the category (the answer would import numbers)
    assert not named_in_questions(plan, "PartTypeId")
    assert not named_in_questions(plan, "MountingTypeId")
