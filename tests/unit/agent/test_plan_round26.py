"""The matcher's round-26 mechanism, on small CSVs written here: the class of wrong auto-applied mapping found on the
dev19 split. A header that names a person, not a name ('Person', 'Contact'), over a column with no values was split
into the first and the last name on the header alone; in an import template such a column often points at a user the
system already holds (a username or an e-mail). It is now asked. Near neighbours that must still be split: a header
that says 'name' ('Full Name', 'Contact Name') with no values, and 'Person' over values that are whole names.
And one class of labelled column the split left out: a person's part in the record written as the login it is
signed in with ('Assignee Username') is offered for the role; a login after a word of no role ('Customer Username')
stays a login. Asserts what the user sees in the plan. Files of the held-out test split are never used.
"""

from __future__ import annotations

from pathlib import Path

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from tests.unit.agent.helpers import CONTACTS, applied_sources, named_in_questions, plan_text, question_about

EMPLOYEES = REAL_TEMPLATES["employees"]
PEOPLE = TEMPLATES["people"]
TICKETS = {**TEMPLATES, **REAL_TEMPLATES}["tickets"]


def _split_applied(sources: dict[str, list[str]], column: str) -> bool:
    return sources.get("first_name") == [column] and sources.get("last_name") == [column]


def test_a_person_header_with_no_values_is_asked_not_split(tmp_path: Path) -> None:
    # Given: a staff import template, header only, whose 'Person' names the user the row is about
    text = '"Person","Initials","Type","Job Title","Qualifications","Biography"\n'
    plan = plan_text(tmp_path, text, EMPLOYEES)
    # Then: no name is split from it unasked; the split is offered in a question
    sources = applied_sources(plan)
    assert "first_name" not in sources and "last_name" not in sources
    assert "'Person'" in " ".join(question_about(plan, "first_name"))
    assert sources["job_title"] == ["Job Title"]


def test_a_contact_header_with_no_values_is_not_split(tmp_path: Path) -> None:
    # Given: a contacts import template whose 'Contact' column has no rows to show what it holds
    text = "Contact,Email,Phone,Company\n"
    plan = plan_text(tmp_path, text, CONTACTS)
    # Then: the first and last name are not applied from it
    sources = applied_sources(plan)
    assert "first_name" not in sources and "last_name" not in sources
    assert sources["email"] == ["Email"]


def test_a_full_name_header_with_no_values_is_still_split(tmp_path: Path) -> None:
    # Given: a user-import template, header only, with a 'Full Name' column (the header says it holds names)
    text = 'Username,Password,Email,"Full Name",Administrator,Manager\n'
    plan = plan_text(tmp_path, text, PEOPLE)
    # Then: it is split into the first and the last name without asking
    assert _split_applied(applied_sources(plan), "Full Name")


def test_a_contact_name_header_with_no_values_is_still_split(tmp_path: Path) -> None:
    text = "Contact Name,Email,Phone,Company\n"
    plan = plan_text(tmp_path, text, CONTACTS)
    assert _split_applied(applied_sources(plan), "Contact Name")


def test_a_person_header_over_whole_names_is_still_split(tmp_path: Path) -> None:
    # Given: 'Person' over values that are whole names
    text = (
        "Person,Job Title,Email\n"
        "Maria Garcia,Teacher,m.garcia@example.org\n"
        "John Smith,Librarian,j.smith@example.org\n"
        "Anna Keller,Counsellor,a.keller@example.org\n"
    )
    plan = plan_text(tmp_path, text, EMPLOYEES)
    # Then: the values decide: it is split
    assert _split_applied(applied_sources(plan), "Person")


def test_a_role_written_as_a_login_is_offered_for_the_role(tmp_path: Path) -> None:
    # Given: a task-import template, header only, whose assignee is written as a login ('Assignee Username')
    text = "Reference,Title,Description,Assignee Username,Priority,Tags\n"
    plan = plan_text(tmp_path, text, TICKETS)
    # Then: the column is offered for the assignee (it was left out: the login word hid the role)
    assert "'Assignee Username'" in " ".join(question_about(plan, "assignee"))


def test_a_login_after_a_word_of_no_role_stays_a_login(tmp_path: Path) -> None:
    # Given: a customer's login on a ticket ('Customer Username'): a company's account, not a person's role
    text = "Title,Description,Customer Username,Priority\n"
    plan = plan_text(tmp_path, text, TICKETS)
    # Then: it is not offered for the company or the assignee
    assert not named_in_questions(plan, "Customer Username")
    assert "assignee" not in applied_sources(plan)
