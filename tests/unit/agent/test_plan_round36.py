"""The matcher's round-36 mechanisms, on small CSVs written here: the classes behind the blind dev26 split's wrong pair
and drops (dev26's files are not used here). An empty column that names a place field gives it up to the filled
column beside it that holds such places; a yes/no question header ('isActive') is the flag of the status it asks
about; a run-together header of short forms ('empnum', 'emptype') reads as its expansion; a bare 'status' of worded
states, current and ended, is the active flag with a value map. Near neighbours that must not change stay as they
were. Asserts what the user sees in the plan.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from ferry.agent.planner import Plan
from tests.unit.agent.helpers import applied_sources, named_in_questions, plan_text

ALL = {**TEMPLATES, **REAL_TEMPLATES}
CONTACTS = ALL["contacts"]  # a country enum of codes, no state field
PRODUCTS = ALL["products"]  # a status of active/draft/archived
COMPANIES = ALL["companies"]  # a type of Prospect/Customer/Partner
EMPLOYEES = ALL["employees"]  # an is_active flag, no status field

_PEOPLE = [("Ann", "Lee", "ann@example.com"), ("Bo", "Li", "bo@example.com"), ("Cy", "Ma", "cy@example.com")]


def _people(header: str, extra: list[str]) -> str:
    rows = [f"{f},{la},{e},{x}" for (f, la, e), x in zip(_PEOPLE, extra, strict=True)]
    return f"first_name,last_name,email,{header}\n" + "\n".join(rows) + "\n"


def _value_map(plan: Plan, field: str) -> dict[str, Any]:
    template = plan.recipe.templates[0]
    ops = next(f.ops for f in template.fields if f.field == field)
    return next((dict(op.mapping) for op in ops if op.op == "map_values"), {})


# An empty column that names a place field, beside the filled one holding the places.


def test_an_empty_country_code_gives_the_country_to_the_region_of_codes(tmp_path: Path) -> None:
    # Given: 'country_code' empty on every row, 'region' of ISO country codes beside it
    plan = plan_text(tmp_path, _people("country_code,region", [",DE", ",US", ",DE"]), CONTACTS)
    # Then: the filled column is the country; the empty one is not applied
    assert applied_sources(plan).get("country") == ["region"]


def test_a_filled_country_code_keeps_the_country(tmp_path: Path) -> None:
    # Near neighbour: 'country_code' holds the codes itself: it names the field and its values agree
    plan = plan_text(tmp_path, _people("country_code,region", ["DE,Bavaria", "US,Ohio", "DE,Hesse"]), CONTACTS)
    assert applied_sources(plan).get("country") == ["country_code"]


def test_an_empty_country_beside_a_city_stays_as_it_was(tmp_path: Path) -> None:
    # Near neighbour: the filled column beside it holds no countries: the values give no other column the field
    plan = plan_text(tmp_path, _people("country_code,town", [",Ulm", ",Basel", ",Pisa"]), CONTACTS)
    assert "town" not in applied_sources(plan).get("country", [])


# A yes/no question header for a status.


def _goods(header: str, flags: list[str]) -> str:
    rows = [f"A-{n},Chair {n},{10 + n},{flag}" for n, flag in enumerate(flags, 1)]
    return f"sku,name,price,{header}\n" + "\n".join(rows) + "\n"


@pytest.mark.parametrize("header", ["isActive", "is_active", "Is Active"])
def test_an_is_active_flag_is_the_products_status(tmp_path: Path, header: str) -> None:
    # Given: 'isActive' of true on every row, a products template whose status can be 'active'
    plan = plan_text(tmp_path, _goods(header, ["true", "true", "true"]), PRODUCTS)
    # Then: the flag is the status, its 'true' becomes 'active'
    assert applied_sources(plan).get("status") == [header]
    assert _value_map(plan, "status") == {"true": "active"}


def test_is_flags_of_several_roles_are_no_type(tmp_path: Path) -> None:
    # Near neighbour: 'Is customer' beside 'Is supplier' on companies: roles a company may hold together, not its type
    text = "Company name,Is customer,Is supplier\nAcme,true,false\nGlobex,false,true\nInitech,true,true\n"
    plan = plan_text(tmp_path, text, COMPANIES)
    assert "type" not in applied_sources(plan)


# A run-together header of short forms.


def _staff(id_header: str, type_header: str) -> str:
    rows = ["1001,Ann,Lee,FTE", "1002,Bo,Li,CONTRACTOR", "1003,Cy,Ma,FTE"]
    return f"{id_header},firstname,surname,{type_header}\n" + "\n".join(rows) + "\n"


def test_glued_short_forms_name_the_employee_number_and_type(tmp_path: Path) -> None:
    # Given: 'empnum' (emp + num) of distinct numbers, 'emptype' (emp + type) of FTE/CONTRACTOR
    applied = applied_sources(plan_text(tmp_path, _staff("empnum", "emptype"), EMPLOYEES))
    # Then: read as 'employee number' and 'employee type'
    assert applied.get("employee_id") == ["empnum"]
    assert applied.get("employment_type") == ["emptype"]


def test_a_glued_word_of_no_short_form_names_nothing(tmp_path: Path) -> None:
    # Near neighbour: 'ranknum' has no known short form before 'num': nothing is read into it
    plan = plan_text(tmp_path, _staff("ranknum", "emptype"), EMPLOYEES)
    assert "employee_id" not in applied_sources(plan)


# A bare 'status' of worded states for the active flag.


def _employees(states: list[str]) -> str:
    rows = [f"{n},{f},{la},{s}" for n, ((f, la, _), s) in enumerate(zip(_PEOPLE, states, strict=True), 1)]
    return "employee_id,first_name,last_name,status\n" + "\n".join(rows) + "\n"


def test_worded_states_are_the_active_flag_with_a_value_map(tmp_path: Path) -> None:
    # Given: 'status' of 'Active', 'Former employee', 'Long-term leave' on the employees template (no status field)
    plan = plan_text(tmp_path, _employees(["Active", "Former employee", "Long-term leave"]), EMPLOYEES)
    # Then: applied to is_active, current -> true and ended -> false; the leave is asked as a value
    assert applied_sources(plan).get("is_active") == ["status"]
    assert _value_map(plan, "is_active") == {"Active": "true", "Former employee": "false"}
    question = next(q for q in plan.questions if ".q_is_active_values" in q.id)
    assert "Long-term leave" in question.question
    assert [o.label for o in question.options][:2] == ["Make it 'true'", "Make it 'false'"]


def test_one_state_word_alone_is_still_asked(tmp_path: Path) -> None:
    # Near neighbour (round 30): 'Active' on every row: no ended state to map, so asked as before, not applied
    plan = plan_text(tmp_path, _employees(["Active", "Active", "Active"]), EMPLOYEES)
    assert "is_active" not in applied_sources(plan)
    assert named_in_questions(plan, "status")


def test_a_status_of_other_words_is_no_flag(tmp_path: Path) -> None:
    # Near neighbour: 'Active' beside words that are no record state ('In a meeting'): no flag
    plan = plan_text(tmp_path, _employees(["Active", "In a meeting", "Former employee"]), EMPLOYEES)
    assert "is_active" not in applied_sources(plan)
