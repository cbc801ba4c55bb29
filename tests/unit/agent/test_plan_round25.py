"""The matcher's round-25 mechanisms, on small CSVs written here: the classes of labelled column still left out on the
dev18 split (people's jobs under a bare 'type'; a header naming the records' own key on a sheet whose question budget
guesses went to; a numbered division level in a qualified address block). Each beside a near neighbour that must not
change. Asserts what the user sees in the plan. Files of the held-out splits (test, dev19) are never used.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES
from tests.unit.agent.helpers import applied_sources, named_in_questions, plan_text, question_about

EMPLOYEES = REAL_TEMPLATES["employees"]
ASSETS = REAL_TEMPLATES["assets"]

_STAFF = (
    "given,family,type,email\n"
    "Kalla,Bwana,Social Worker,k.b@example.org\n"
    "Kenn,Moyo,Local Registrar,k.m@example.org\n"
    "Jon,Cole,National System Admin,j.c@example.org\n"
)


def test_jobs_under_a_bare_type_are_asked_for_the_job_title(tmp_path: Path) -> None:
    # Given: staff whose 'type' holds their jobs ('Social Worker', 'Local Registrar')
    plan = plan_text(tmp_path, _STAFF, EMPLOYEES)
    # Then: the job title is asked about, the 'type' column offered; never applied unasked
    assert "job_title" not in applied_sources(plan)
    assert "'type'" in " ".join(question_about(plan, "job_title"))
    assert applied_sources(plan)["email"] == ["email"]


def test_jobs_take_the_place_of_an_unsure_guess(tmp_path: Path) -> None:
    # Given: staff beside office ids (which the matcher only guesses to be their location), logins and role codes:
    # the sheet's budget is spent on the login question and the location guess
    text = (
        "primaryOfficeId,username,given,family,role,type,mobile,email\n"
        "39bc2a6e-697a-46dd-8c38-17e391098f60,k.b,Kalla,Bwana,FIELD_AGENT,Social Worker,+260911111111,k.b@example.org\n"
        "39bc2a6e-697a-46dd-8c38-17e391098f61,k.m,Kenn,Moyo,LOCAL_REGISTRAR,Local Registrar,+260933333333,"
        "k.m@example.org\n"
        "9485cc7f-0f65-4c7c-932a-f4fd3ee24fe4,j.c,Jon,Cole,NATIONAL_SYSTEM_ADMIN,National System Admin,+260921111111,"
        "j.c@example.org\n"
    )
    plan = plan_text(tmp_path, text, EMPLOYEES)
    # Then: the jobs are asked about instead of the guess; the role codes are offered for nothing
    assert "'type'" in " ".join(question_about(plan, "job_title"))
    assert not any(".q_location_" in q.id for q in plan.questions)
    assert not named_in_questions(plan, "role")
    assert "job_title" not in applied_sources(plan)


def test_a_role_of_permissions_is_no_job(tmp_path: Path) -> None:
    # Given: team members whose 'Role' says what they may do in the tool (Admin, Developer)
    text = "Full name,Email Address,Role\nJohn Doe,john@example.com,Admin\nJane Doe,jane@example.com,Developer\n"
    plan = plan_text(tmp_path, text, EMPLOYEES)
    # Then: nothing asks whether the role is their job title
    assert not named_in_questions(plan, "Role")
    assert "job_title" not in applied_sources(plan)


def test_codes_of_a_role_list_are_no_jobs(tmp_path: Path) -> None:
    # Given: the same staff, their 'type' now a system's role codes
    text = _STAFF.replace("Social Worker", "FIELD_AGENT").replace("Local Registrar", "LOCAL_REGISTRAR")
    text = text.replace("National System Admin", "NATIONAL_SYSTEM_ADMIN")
    plan = plan_text(tmp_path, text, EMPLOYEES)
    # Then: no job-title question offers them
    assert not named_in_questions(plan, "type")


def test_the_records_own_number_outranks_an_unsure_guess(tmp_path: Path) -> None:
    # Given: an asset import template (header only) whose budget of one question went to guesses at optional fields
    text = (
        "Organisation,Office,OfficeCode,Catalog,Asset No,Type,Category,Name,Room,Assigned To,Brand,Model,SN,"
        "Supplier,Date,Price,Comments\n"
    )
    plan = plan_text(tmp_path, text, ASSETS)
    # Then: the asset's own number fills the asset tag, not left for the person to notice (asked until issue 12's
    # vocabulary named an asset's number as its tag outright: 'Asset No', 'Inventory Number', 'Inventarnummer')
    assert applied_sources(plan)["asset_tag"] == ["Asset No"]
    assert applied_sources(plan)["serial_number"] == ["SN"]


def test_a_first_level_division_joins_its_address_block(tmp_path: Path) -> None:
    # Given: staff with a home and an office address, the home state written as Sahana's location level 'Home L1'
    text = (
        "First Name,Last Name,Home Address,Home Postcode,Home Country,Home L1,Home L2,"
        "Office Street address,Office City,Office Postcode,Office Country\n"
        "Ann,Lee,1 Elm St,12345,US,Texas,Travis County,2 Oak Rd,Austin,73301,US\n"
        "Bob,Ray,3 Ash Ln,54321,US,Ohio,Franklin County,4 Pine Av,Columbus,43004,US\n"
    )
    plan = plan_text(tmp_path, text, EMPLOYEES)
    home = next(o.label for q in plan.questions for o in q.options if o.label.startswith("The home address"))
    # Then: the home block offers 'Home L1' as its state; the second level (a county) is not read as anything
    assert "'Home L1'" in home
    assert "'Home L2'" not in home
    assert "state" not in applied_sources(plan)


def test_a_bare_level_outside_an_address_block_is_nothing(tmp_path: Path) -> None:
    # Given: a grade 'Level 1' column with no address beside it
    text = "First Name,Last Name,Level 1\nAnn,Lee,A\nBob,Ray,B\n"
    plan = plan_text(tmp_path, text, EMPLOYEES)
    # Then: it fills no state or country
    assert "state" not in applied_sources(plan)
    assert "country" not in applied_sources(plan)
