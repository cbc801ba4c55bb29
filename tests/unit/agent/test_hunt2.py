"""Issue 12's second hunt for wrong auto-applied mappings (bench/mapping/hunt, files h2_*): each class of column the
matcher applied to a field it does not hold, on one hunt file and on a phrasing written here, and a near neighbour
that must not change. Asserts what the user sees in the plan. No file of a benchmark split is used except the hunt's
own (split hunt2; heldout2 is never read here).
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import TEMPLATES
from tests.unit.agent.helpers import applied_sources, plan_text, question_about

HUNT_FILES = Path(__file__).resolve().parents[3] / "bench" / "mapping" / "hunt" / "files"
CONTACTS = TEMPLATES["contacts"]
PEOPLE = TEMPLATES["people"]
COMPANIES = TEMPLATES["companies"]


def _hunt_text(name: str) -> str:
    return (HUNT_FILES / name).read_text(encoding="utf-8")


# A header read only through a one-letter correction, over numbers (agent/misspelt_headers.py).


def test_a_register_number_one_letter_from_a_place_word_is_not_the_place(tmp_path: Path) -> None:
    # Given: the hunt's Polish companies, whose 'REGON' (a register number) is one letter from 'region'
    sources = applied_sources(plan_text(tmp_path, _hunt_text("h2_34_pl_firmy.csv"), COMPANIES))
    # Then: the register number fills no state
    assert "state" not in sources


def test_a_misspelt_region_over_long_numbers_is_left_out(tmp_path: Path) -> None:
    # Given: staff with a header one letter from 'region' over eight-digit numbers (written for the test)
    text = (
        "First Name,Last Name,Regoin,Email\n"
        "Anna,Meyer,44100231,anna@corp.io\n"
        "Ben,Okafor,55209312,ben@corp.io\n"
        "Carla,Silva,66301125,carla@corp.io\n"
    )
    sources = applied_sources(plan_text(tmp_path, text, PEOPLE))
    # Then: the numbers fill no state; the names and e-mails still map
    assert "state" not in sources
    assert sources["email"] == ["Email"]


def test_a_misspelt_region_over_region_names_still_maps(tmp_path: Path) -> None:
    # Given (near neighbour): the same misspelling over regions
    text = (
        "Company Name,Regoin,Phone\n"
        "Acme GmbH,Bavaria,+49 30 1234567\n"
        "Blue Fjord AS,Oslo,+47 22 12 34 56\n"
        "Cobalt Labs,California,+1 415 555 0100\n"
    )
    # Then: the correction stands, as before
    assert applied_sources(plan_text(tmp_path, text, COMPANIES))["state"] == ["Regoin"]


# One address part named for home and for work, with no other part (agent/home_or_work.py).


def test_an_office_zip_beside_a_home_zip_is_asked_home_first(tmp_path: Path) -> None:
    # Given: the hunt's people with an 'Office Zip' and a 'Home Zip' and no other address column
    plan = plan_text(tmp_path, _hunt_text("h2_56_zip_in_people.csv"), PEOPLE)
    # Then: neither is applied; the person's home is offered first
    assert "postal_code" not in applied_sources(plan)
    assert question_about(plan, "postal_code")[0] == "'Home Zip'"


def test_a_work_city_beside_a_home_city_is_asked(tmp_path: Path) -> None:
    # Given: staff with a work and a home city only (written for the test)
    text = (
        "Employee ID,First Name,Last Name,Work City,Home City\n"
        "E1,Anna,Meyer,Berlin,Potsdam\n"
        "E2,Ben,Okafor,London,Reading\n"
        "E3,Carla,Silva,Paris,Versailles\n"
    )
    plan = plan_text(tmp_path, text, PEOPLE)
    assert "city" not in applied_sources(plan)
    assert question_about(plan, "city")[:2] == ["'Home City'", "'Work City'"]


def test_a_plain_zip_beside_an_office_zip_is_still_the_record_own(tmp_path: Path) -> None:
    # Given (near neighbour): a plain 'Zip' beside an 'Office Zip'
    text = (
        "Employee ID,First Name,Last Name,Zip,Office Zip\n"
        "E1,Anna,Meyer,10115,14467\n"
        "E2,Ben,Okafor,20095,22041\n"
        "E3,Carla,Silva,80331,85540\n"
    )
    assert applied_sources(plan_text(tmp_path, text, PEOPLE))["postal_code"] == ["Zip"]


def test_a_business_contact_keeps_the_work_country(tmp_path: Path) -> None:
    # Given (near neighbour): business contacts with a work and a home country: the work one is the contact's
    text = (
        "First Name,Last Name,Email,Work Country,Home Country\n"
        "Anna,Meyer,anna@corp.io,DE,FR\n"
        "Ben,Okafor,ben@corp.io,GB,US\n"
        "Carla,Silva,carla@corp.io,FR,DE\n"
    )
    assert applied_sources(plan_text(tmp_path, text, CONTACTS))["country"] == ["Work Country"]
