"""The matcher's round-35 mechanisms, on small CSVs written here: the classes behind the dev25 split's wrong pair and
drops (dev25's files are not used here). A bare 'Group' or 'Role' of one role name per row is no team; a column whose
values name units is the team; values that are nearly all country names are asked about as the country, whatever the
header; a timestamp named for registering is the sign-up moment; the record's own id beside the e-mail key is the
external id. Near neighbours that must not change stay as they were. Asserts what the user sees in the plan.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from tests.unit.agent.helpers import applied_sources, named_in_questions, plan_text

ALL = {**TEMPLATES, **REAL_TEMPLATES}
PEOPLE = ALL["people"]  # a team, one per person
CONTACTS = ALL["contacts"]  # a country field
SUBSCRIBERS = ALL["subscribers"]  # the e-mail is the key; an external id and a sign-up moment beside it

_PEOPLE = [("Anna", "Berg"), ("Tom", "Hale"), ("Mia", "Lund"), ("Paul", "Roth")]


def _people(a: str, b: str, a_values: list[str], b_values: list[str]) -> str:
    rows = [
        f"{f},{s},{f.lower()}@example.com,{x},{y}" for (f, s), x, y in zip(_PEOPLE, a_values, b_values, strict=True)
    ]
    return f"First Name,Last Name,Email,{a},{b}\n" + "\n".join(rows) + "\n"


_UNITS = ["Department A", "Department B", "Department A", "Department C"]
_ROLES = ["Delegates", "Staff", "Delegates", "Observers"]


@pytest.mark.parametrize("header", ["Group", "Role"])
def test_a_group_of_role_names_is_no_team(tmp_path: Path, header: str) -> None:
    # Given: one permission group per person ('Delegates', 'Staff') beside a column of units under a header no
    # vocabulary reads
    plan = plan_text(tmp_path, _people("Placement", header, _UNITS, _ROLES), PEOPLE)
    # Then: the units are the team; the role names are not applied to it
    assert applied_sources(plan).get("team") == ["Placement"]


def test_a_group_of_role_names_alone_is_left_out(tmp_path: Path) -> None:
    # Given: role names under 'Group' with no unit column beside
    text = _people("Placement", "Group", ["North", "South", "East", "West"], _ROLES)
    # Then: the team stays empty rather than filled with permission groups
    assert "team" not in applied_sources(plan_text(tmp_path, text, PEOPLE))


def test_a_group_of_unit_names_stays_the_team(tmp_path: Path) -> None:
    # Near neighbour: 'Group' of one unit per person ('Sales', 'Finance') is still the team
    text = _people("Placement", "Group", ["North", "South", "East", "West"], ["Sales", "Finance", "Sales", "Support"])
    assert applied_sources(plan_text(tmp_path, text, PEOPLE)).get("team") == ["Group"]


def test_values_that_name_units_are_the_team(tmp_path: Path) -> None:
    # Given: a header no vocabulary reads over values that name units ('Department A')
    text = _people("Placement", "Comment", _UNITS, ["ok", "late", "ok", "new"])
    # Then: the team
    assert applied_sources(plan_text(tmp_path, text, PEOPLE)).get("team") == ["Placement"]


def test_values_of_place_words_are_no_units(tmp_path: Path) -> None:
    # Near neighbour: the unread header over words that name no unit is not the team
    text = _people("Placement", "Comment", ["North", "South", "East", "West"], ["ok", "late", "ok", "new"])
    assert "team" not in applied_sources(plan_text(tmp_path, text, PEOPLE))


_CONTACTS = "first_name,last_name,{h}\nFred,Nurk,{v[0]}\nJan,Jansen,{v[1]}\nJuan,Perez,{v[2]}\nMax,Muster,{v[3]}\n"
_COUNTRIES = ["Australia", "Belgium", "Chile", "Germany"]


def test_country_names_under_a_header_naming_nothing_are_asked_as_the_country(tmp_path: Path) -> None:
    # Given: a system's own word over values that are all country names
    plan = plan_text(tmp_path, _CONTACTS.format(h="delegation_level", v=_COUNTRIES), CONTACTS)
    # Then: offered for the country, not applied (a nationality holds countries too)
    assert named_in_questions(plan, "delegation_level")
    assert "country" not in applied_sources(plan)


def test_words_that_are_no_countries_are_not_asked_as_the_country(tmp_path: Path) -> None:
    # Near neighbour: the same header over unit names
    plan = plan_text(
        tmp_path, _CONTACTS.format(h="delegation_level", v=["Board", "Staff", "Board", "Guests"]), CONTACTS
    )
    assert not named_in_questions(plan, "delegation_level")


_SUBSCRIBERS = (
    "{i},email,{t}\n{ids[0]},a@example.com,2019-10-19T17:11:20Z\n{ids[1]},b@example.com,2020-05-01T07:57:55Z\n"
)
_SUBSCRIBERS += "{ids[2]},c@example.com,2021-09-22T14:24:45Z\n{ids[3]},d@example.com,2023-12-09T17:37:14Z\n"
_IDS = ["492", "913", "816", "544"]


@pytest.mark.parametrize("header", ["member_register_time", "account registration time"])
def test_a_registration_moment_is_the_sign_up(tmp_path: Path, header: str) -> None:
    # Given: timestamps named for registering
    applied = applied_sources(plan_text(tmp_path, _SUBSCRIBERS.format(i="user_id", t=header, ids=_IDS), SUBSCRIBERS))
    # Then: the moment the subscriber signed up
    assert applied.get("subscribed_at") == [header]


def test_a_registration_expiry_is_no_sign_up(tmp_path: Path) -> None:
    # Near neighbour: when a registration runs out is no sign-up moment
    text = _SUBSCRIBERS.format(i="user_id", t="registration_expiry_time", ids=_IDS)
    assert "subscribed_at" not in applied_sources(plan_text(tmp_path, text, SUBSCRIBERS))


def test_the_records_own_id_beside_the_email_key_is_the_external_id(tmp_path: Path) -> None:
    # Given: each subscriber's own number under 'user_id' beside the e-mail, the template's key
    text = _SUBSCRIBERS.format(i="user_id", t="member_register_time", ids=_IDS)
    # Then: applied to the external id
    assert applied_sources(plan_text(tmp_path, text, SUBSCRIBERS)).get("external_id") == ["user_id"]


def test_an_id_repeated_across_rows_is_not_applied_as_the_external_id(tmp_path: Path) -> None:
    # Near neighbour: the same id on several rows is no record's own (a reference to another record)
    text = _SUBSCRIBERS.format(i="user_id", t="member_register_time", ids=["7", "7", "9", "9"])
    assert "external_id" not in applied_sources(plan_text(tmp_path, text, SUBSCRIBERS))


def test_a_designer_on_products_is_the_brand(tmp_path: Path) -> None:
    # Given: fashion's word for the label a product is sold under ('designer': 'havaianas')
    text = "sku,name,designer,price\nA1,Flip Flop,havaianas,10\nA2,Shirt,rebel,20\nA3,Hat,havaianas,5\n"
    # Then: the brand
    assert applied_sources(plan_text(tmp_path, text, ALL["products"])).get("brand") == ["designer"]


def test_a_designer_as_a_job_stays_the_job_title(tmp_path: Path) -> None:
    # Near neighbour: 'Designer' as a value under 'Position' is a job title, whatever the header vocabulary says
    text = "first_name,last_name,Position\nAnn,Berg,Designer\nTom,Hale,Engineer\nMia,Lund,Designer\n"
    assert applied_sources(plan_text(tmp_path, text, ALL["employees"])).get("job_title") == ["Position"]
