"""Issue 12's third hunt for wrong auto-applied mappings (bench/mapping/hunt, files h4_*): each class of column the
matcher applied to a field it does not hold, on one hunt file and on phrasings written here, and a near neighbour
that must not change. Asserts what the user sees in the plan. No file of a benchmark split is used except the hunt's
own (split hunt4; heldout4 is never read here).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from ferry.core.domain import Template
from tests.unit.agent.helpers import applied_sources, csv_text, named_in_questions, plan_text

HUNT_FILES = Path(__file__).resolve().parents[3] / "bench" / "mapping" / "hunt" / "files"
PEOPLE = TEMPLATES["people"]
CONTACTS = TEMPLATES["contacts"]
EMPLOYEES = REAL_TEMPLATES["employees"]
CUSTOMERS = REAL_TEMPLATES["customers"]

NAMES = ["Anna Meyer", "Ben Okafor", "Carla Silva", "Jonas Brandt"]


def _hunt_text(name: str) -> str:
    return (HUNT_FILES / name).read_text(encoding="utf-8")


def _names_under(header: str, column: str) -> str:
    """A small upload whose `column` holds full names; ids, e-mails and a team in the other columns."""
    rows = []
    for n, full in enumerate(NAMES):
        cells = [f"E{n}" if "id" in h else f"p{n}@corp.io" if "mail" in h else "Sales" for h in header.split(",")]
        cells[header.split(",").index(column)] = full
        rows.append(",".join(cells))
    return csv_text(header, rows)


# A whole name the header gives to someone else, split into the record's first and last name (agent/others_names.py).


def test_a_managers_dotted_name_is_not_split_into_the_employees_name(tmp_path: Path) -> None:
    # Given: the hunt's staff export with dotted paths, 'employee.manager.name' holding the managers' full names
    plan = plan_text(tmp_path, _hunt_text("h4_22_emp_dotted.csv"), EMPLOYEES)
    sources = applied_sources(plan)
    # Then: the manager's name fills neither of the employee's names; it is still offered as the manager
    assert "first_name" not in sources and "last_name" not in sources
    assert named_in_questions(plan, "employee.manager.name")
    assert sources["email"] == ["employee.contact.email"]


@pytest.mark.parametrize(
    ("template", "header", "column"),
    [
        (PEOPLE, "Supervisor Name,Email,Team", "Supervisor Name"),
        (EMPLOYEES, "staff.id,staff.email,staff.spouse.name,staff.department", "staff.spouse.name"),
        (EMPLOYEES, "Employee ID,Email,Emergency Contact,Department", "Emergency Contact"),
        (CUSTOMERS, "Customer No,Email,Account Owner Name,City", "Account Owner Name"),
        (CONTACTS, "Emergency Contact Name,Email,Company", "Emergency Contact Name"),
    ],
)
def test_a_name_given_to_someone_else_is_not_split(
    tmp_path: Path, template: Template, header: str, column: str
) -> None:
    # Given: full names under a header naming a role or a relation (written for the test)
    sources = applied_sources(plan_text(tmp_path, _names_under(header, column), template))
    # Then: no first or last name is applied from it
    assert "first_name" not in sources and "last_name" not in sources


@pytest.mark.parametrize(
    ("template", "header", "column"),
    [
        (PEOPLE, "Full Name,Email,Team", "Full Name"),
        (EMPLOYEES, "staff.id,staff.email,staff.name,staff.department", "staff.name"),
        (CONTACTS, "Contact Name,Email,Company", "Contact Name"),
    ],
)
def test_the_records_own_whole_name_is_still_split(
    tmp_path: Path, template: Template, header: str, column: str
) -> None:
    # Given (near neighbour): the same names under a header naming the record itself
    sources = applied_sources(plan_text(tmp_path, _names_under(header, column), template))
    # Then: both names are split from it, as before
    assert sources["first_name"] == [column] and sources["last_name"] == [column]
