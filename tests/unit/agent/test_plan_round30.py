"""The matcher's round-30 mechanisms, on small CSVs written here: the classes behind the blind dev21 split's wrong
pair, its questions worth the least and its dropped columns (dev21, no longer held out, is where they were found; its
files are not used here). A row of per-column instructions under the header is no data; a group of logins or of pay
('User Groups', 'Wage Group') is no department; 'Date of Registration' reads as 'Registration Date'; yes/no words
are no country codes ('no' is not Norway); decimal numbers are no state; a bare 'Status' of states alone points at
the yes/no active flag; 'institution' is a person's organisation; one lone block of a family's address parts is one
question. Near neighbours that must still map stay as they were. Asserts what the user sees in the plan.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from ferry.agent.instruction_rows import instruction_row
from tests.unit.agent.helpers import applied_sources, named_in_questions, plan_text, sheet

ALL = {**TEMPLATES, **REAL_TEMPLATES}
CUSTOMERS = ALL["customers"]  # company, created_at, birth_date, state, postal_code, country
EMPLOYEES = ALL["employees"]  # department, is_active and no status field


def test_a_row_of_instructions_under_the_header_is_no_data(tmp_path: Path) -> None:
    # Given: a bulk-upload template whose first row tells what each column takes
    text = (
        "Login,Full Name,Email Address,Mobile Number,Track Location\n"
        "Mandatory field,Mandatory field,Mandatory field,Mandatory field. Prefix the number with the country code,"
        '"Allowed values: yes, no. Default: no"\n'
        "user29@orgx,Ada Lovelace,ada@example.com,+919876543210,yes\n"
    )
    plan = plan_text(tmp_path, text, EMPLOYEES)
    # Then: the e-mail and the phone are read from the record's values, applied without a question
    assert applied_sources(plan)["email"] == ["Email Address"]
    assert applied_sources(plan)["phone"] == ["Mobile Number"]


def test_a_first_row_of_ordinary_values_is_data() -> None:
    # A first record with one long free-text value is no instruction row.
    rows = {
        "Name": ["Ada Lovelace", "Alan Turing"],
        "Notes": ["Met her at the conference in spring and talked about engines", "none"],
        "City": ["London", "Wilmslow"],
    }
    assert not instruction_row(sheet(rows))
    told = {"Name": ["Mandatory field", "Ada"], "Email": ["Mandatory field", "a@b.c"], "Age": ["Optional", "3"]}
    assert instruction_row(sheet(told))


def test_user_groups_are_no_department(tmp_path: Path) -> None:
    # Given: a user list whose groups are the ones a login's rights come from
    text = (
        "Username,Full Name,Email,User Groups\n"
        'u1,Ada Lovelace,ada@example.com,"Group 1,Group 2"\n'
        "u2,Alan Turing,alan@example.com,Group 1\n"
        'u3,Grace Hopper,grace@example.com,"Admins,Group 2"\n'
    )
    plan = plan_text(tmp_path, text, EMPLOYEES)
    assert "department" not in applied_sources(plan)


def test_a_wage_group_is_no_department_and_not_asked(tmp_path: Path) -> None:
    text = "Employee #,Wage Group,Type,Wage\n1001,Default,Salary,52000\n1002,Default,Hourly,21.50\n"
    plan = plan_text(tmp_path, text, EMPLOYEES)
    assert "department" not in applied_sources(plan)
    assert not named_in_questions(plan, "Wage Group")


def test_a_department_or_a_team_still_maps(tmp_path: Path) -> None:
    text = "Name,Email,Team\nAda Lovelace,ada@example.com,Sales\nAlan Turing,alan@example.com,Research\n"
    plan = plan_text(tmp_path, text, EMPLOYEES)
    assert applied_sources(plan)["department"] == ["Team"]


def test_a_date_of_registration_is_the_creation_date(tmp_path: Path) -> None:
    text = (
        "First Name,Last Name,Date Of Birth,Date Of Registration\n"
        "Ada,Lovelace,1990-12-10,2024-12-12\nAlan,Turing,1985-06-23,2024-11-02\nGrace,Hopper,1979-12-09,2024-10-01\n"
    )
    plan = plan_text(tmp_path, text, CUSTOMERS)
    # Then: the registration date fills created_at; the date of birth still fills the birth date
    assert applied_sources(plan)["created_at"] == ["Date Of Registration"]
    assert applied_sources(plan)["birth_date"] == ["Date Of Birth"]


def test_yes_no_words_are_no_country_codes(tmp_path: Path) -> None:
    text = "Name,Email,Enable Beneficiary mode\nAda Lovelace,ada@example.com,no\nAlan Turing,alan@example.com,no\n"
    plan = plan_text(tmp_path, text, EMPLOYEES)
    assert "country" not in applied_sources(plan)
    assert not named_in_questions(plan, "Enable Beneficiary mode")


def test_country_codes_with_norway_still_map(tmp_path: Path) -> None:
    text = "Name,Email,Land\nAda Lovelace,ada@example.com,NO\nAlan Turing,alan@example.com,DE\nGrace,g@x.org,FR\n"
    plan = plan_text(tmp_path, text, EMPLOYEES)
    assert applied_sources(plan)["country"] == ["Land"]


def test_decimal_numbers_are_no_state(tmp_path: Path) -> None:
    text = "First Name,Last Name,Registration Location\nAda,Lovelace,7.123\nAlan,Turing,9.09\nGrace,Hopper,8.21\n"
    plan = plan_text(tmp_path, text, CUSTOMERS)
    assert "state" not in applied_sources(plan)
    assert not named_in_questions(plan, "Registration Location") and not any(
        ".q_state_" in q.id for q in plan.questions
    )


_WIDE_HEADER = (
    "Status,Employee Number,First Name,Last Name,Branch,Department,Title,Hire Date,Home Phone,Work Email,City,Zip"
)
_WIDE_ROW = ",101,Ada,Lovelace,HQ,Research,Engineer,2020-01-06,555-0101,ada@example.com,London,NW1 6XE"


def test_a_bare_status_of_states_points_at_the_active_flag(tmp_path: Path) -> None:
    # Given: an employee import whose 'Status' says 'Active', the template keeping no status but a yes/no is_active
    plan = plan_text(tmp_path, f"{_WIDE_HEADER}\nActive{_WIDE_ROW}\n", EMPLOYEES)
    # Then: asked, not applied on the header alone
    assert "is_active" not in applied_sources(plan)
    assert any(".q_is_active_" in q.id for q in plan.questions)


def test_a_status_of_other_words_is_no_state(tmp_path: Path) -> None:
    plan = plan_text(tmp_path, f"{_WIDE_HEADER}\nExpected{_WIDE_ROW}\n", EMPLOYEES)
    assert "is_active" not in applied_sources(plan)
    assert not any(".q_is_active_" in q.id for q in plan.questions)


def test_an_institution_is_the_company(tmp_path: Path) -> None:
    text = (
        "first_name,last_name,email,institution\n"
        "Kathryn,Janeway,janeway@voyager.com,Starfleet Academy\nJean-Luc,Picard,picard@enterprise.com,Starfleet\n"
    )
    plan = plan_text(tmp_path, text, CUSTOMERS)
    assert applied_sources(plan)["company"] == ["institution"]


def test_a_lone_family_address_block_is_one_question(tmp_path: Path) -> None:
    # Given: a person export whose address is the family's, every part empty in this sample
    text = (
        "first_name,last_name,email,family_address1,family_address2,family_city,family_state,family_zip\n"
        "Ada,Lovelace,ada@example.com,,,,,\nAlan,Turing,alan@example.com,,,,,\n"
    )
    plan = plan_text(tmp_path, text, CUSTOMERS)
    # Then: one question offers the block whole, its state and postal code among its parts; no part is asked alone
    asked = [q for q in plan.questions if q.id.endswith(".q_address_block")]
    assert len(asked) == 1
    family = next(o.label for o in asked[0].options if "family" in o.label)
    assert all(f"'{c}'" in family for c in ("family_address1", "family_city", "family_state", "family_zip"))
    assert not any(f".q_{f}_" in q.id for q in plan.questions for f in ("street", "city", "state", "postal_code"))


def test_a_lone_applied_address_is_not_asked_as_a_block(tmp_path: Path) -> None:
    text = (
        "first_name,last_name,home_street,home_city,home_zip\n"
        "Ada,Lovelace,12 Baker Street,London,NW1 6XE\nAlan,Turing,3 Adlington Road,Wilmslow,SK9 1AB\n"
    )
    plan = plan_text(tmp_path, text, CUSTOMERS)
    assert not any(q.id.endswith(".q_address_block") for q in plan.questions)
    assert applied_sources(plan)["city"] == ["home_city"]
