"""The matcher's round-32 mechanisms, on small CSVs written here: the classes behind dev22's question overflow (dev22's
files are not used here). Headers written as paths through a person ('person.lastName') on a template of people name
the record's own fields; a which-column question offering only the members of a numbered list of sub-records
('packagings_1_weight', 'packagings_2_weight') asks about another record's values and is not asked. Near neighbours
that must not change stay as they were. Asserts what the user sees in the plan.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from tests.unit.agent.helpers import applied_sources, named_in_questions, plan_text

ALL = {**TEMPLATES, **REAL_TEMPLATES}
CUSTOMERS = ALL["customers"]  # first and last name: a person's record, whose own word is 'customer'
COMPANIES = ALL["companies"]  # no person's name: a company's record
PRODUCTS = ALL["products"]  # weight, unit, barcode
CONTACTS = ALL["contacts"]

_PARTICIPANTS = (
    "Otto,Holtkohlen,MALE,Bonn,Hauptstr. 1\n"
    "Oskar,Hartmann,MALE,Koeln,Ringstr. 5\n"
    "Oona,Vogel,FEMALE,Aachen,Marktplatz 3\n"
    "Lena,Becker,FEMALE,Trier,Domfreihof 2\n"
)


def test_paths_through_a_person_fill_a_customers_own_fields(tmp_path: Path) -> None:
    # Given: most headers are paths through 'person' on a customers template (whose records are people)
    text = "person.firstName,person.lastName,person.sex,person.address.city,person.address.street\n" + _PARTICIPANTS
    applied = applied_sources(plan_text(tmp_path, text, CUSTOMERS))
    # Then: 'person' is the record itself, and the path's last words name the field, as bare headers would
    assert applied.get("last_name") == ["person.lastName"]
    assert applied.get("gender") == ["person.sex"]
    assert applied.get("city") == ["person.address.city"]


def test_a_few_person_paths_among_other_headers_stay_as_they_were(tmp_path: Path) -> None:
    # Near neighbour: two 'person.' paths among five headers are no prefix the sheet shares: still not applied
    text = "person.lastName,person.sex,Wohnort,Strasse,Vorname\n" + "\n".join(
        f"{r[1]},{r[2]},{r[3]},{r[4]},{r[0]}" for r in (line.split(",") for line in _PARTICIPANTS.splitlines())
    )
    applied = applied_sources(plan_text(tmp_path, text, CUSTOMERS))
    assert "last_name" not in applied
    assert "gender" not in applied


def test_paths_through_a_contact_on_a_companies_template_stay_another_party(tmp_path: Path) -> None:
    # Near neighbour: a company's record has no person's name; 'contact.' paths there are its contact person's
    text = (
        "contact.email,contact.phone,contact.city,name\n"
        "anna@acme.example,+49 228 1234567,Bonn,Acme GmbH\n"
        "jonas@globex.example,+49 221 7654321,Koeln,Globex AG\n"
        "lena@initech.example,+49 241 5556667,Aachen,Initech KG\n"
    )
    applied = applied_sources(plan_text(tmp_path, text, COMPANIES))
    assert "email" not in applied


_PACKAGED = (
    "code,product_name,categories,packagings_1_material,packagings_1_weight_measured,packagings_2_material,"
    "packagings_2_weight_measured,packagings_1_quantity_per_unit,packagings_2_quantity_per_unit\n"
    "2001112223331,Dark chocolate,Sweets,paper,4.5,plastic,1.2,100g,10g\n"
    "2001112223332,Milk chocolate,Sweets,paper,4.1,plastic,1.1,100g,10g\n"
    "2001112223333,Oat biscuits,Biscuits,cardboard,12.0,plastic,2.5,250g,25g\n"
    "2001112223334,Rye bread,Bread,paper,6.3,plastic,1.9,500g,50g\n"
)


def test_no_question_offers_only_a_numbered_sub_records_columns(tmp_path: Path) -> None:
    # Given: two packagings per product, numbered, each with its own weight and quantity per unit
    plan = plan_text(tmp_path, _PACKAGED, PRODUCTS)
    # Then: the packagings' weights and units are not put to the person as the product's
    assert not named_in_questions(plan, "packagings_1_weight_measured")
    assert not named_in_questions(plan, "packagings_1_quantity_per_unit")
    # and the slot goes to the product's own article number, asked for the barcode
    assert named_in_questions(plan, "code")


def test_numbered_members_of_a_field_named_group_stay_offered(tmp_path: Path) -> None:
    # Near neighbour: 'Phone 1 - Value', 'Phone 2 - Value': the group word is the field itself
    text = (
        "Given Name,Family Name,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value\n"
        "Anna,Becker,Work,+49 228 1234567,Home,+49 228 7654321\n"
        "Jonas,Hartmann,Work,+49 221 7654321,Home,+49 221 1112223\n"
        "Lena,Vogel,Work,+49 241 5556667,Home,+49 241 9998887\n"
    )
    plan = plan_text(tmp_path, text, CONTACTS)
    assert "phone" in applied_sources(plan) or named_in_questions(plan, "Phone 1 - Value")


def test_the_word_for_producer_in_another_language_names_the_supplier(tmp_path: Path) -> None:
    # Given: a Dutch supplier list whose makers stand under 'producent', as English 'producer' would
    text = (
        "artikelnaam,producent,prijs\n"
        "Appelsap,Het warme woud,2.34\n"
        "Peren,Appelgaarde,1.99\n"
        "Boerenkool,De rode hof,3.10\n"
        "Walnoten,Het grote bomenbos,5.45\n"
    )
    applied = applied_sources(plan_text(tmp_path, text, PRODUCTS))
    assert applied.get("supplier") == ["producent"]
    # Near neighbour: the product's own name is still its name, not its maker
    assert applied.get("name") == ["artikelnaam"]
