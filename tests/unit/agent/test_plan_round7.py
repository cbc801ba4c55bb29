"""The matcher's round-7 mechanisms, each on a real export that shows its class (files of the train and dev3 to dev5
splits of bench/mapping/real), asserting what the user sees in the plan and what an answer changes. Files of the
held-out test and dev6 splits are never used here.
"""

from __future__ import annotations

from ferry.agent.planner import HeuristicPlanner, Plan
from ferry.core.outcomes import Answer, Question
from tests.unit.agent.helpers import applied_sources, plan_real_file


def _asking(plan: Plan, column: str) -> Question:
    """The one question whose options name the column."""
    found = [q for q in plan.questions if any(f"'{column}'" in o.label for o in q.options)]
    assert len(found) == 1, [q.question for q in plan.questions]
    return found[0]


def _choose(plan: Plan, question: Question, column: str) -> Plan:
    option = next(o for o in question.options if f"'{column}'" in o.label)
    return HeuristicPlanner().answer(plan, [Answer(question_id=question.id, option_id=option.id)])


def test_a_login_name_is_asked_as_the_records_key_never_applied() -> None:
    # Given: GradeCraft's users ('Username' of handles such as 'csv_robert'; no other column names the record's id)
    plan = plan_real_file("gradecraft/users.csv", "dev5")
    # Then: a sign-in name is the key in some systems and only a handle in others: not applied as external_id...
    assert "external_id" not in applied_sources(plan)
    question = _asking(plan, "Username")
    assert question.id.endswith("q_external_id_column")
    # ...and a person who says it is the key gets exactly that
    assert applied_sources(_choose(plan, question, "Username"))["external_id"] == ["Username"]


def test_a_header_naming_a_thing_then_name_holds_the_thing_itself() -> None:
    # Given: GradeCraft's 'Team Name' ('Zeppelin') for the people template's team
    for name in ("gradecraft/users.csv", "gradecraft/internal_users.csv"):
        plan = plan_real_file(name, "dev5")
        # Then: the name of the team is the team: applied, not asked
        assert applied_sources(plan)["team"] == ["Team Name"]
        assert not any("'Team Name'" in o.label for q in plan.questions for o in q.options)


def test_surnames_that_are_given_names_too_are_read_by_their_header() -> None:
    # Given: 'Last Name' of 'Grant', 'Cole' beside 'First Name' of 'Peter', 'Richard' (GradeCraft) and 'lname' of
    # 'Rahman', 'Okafor' beside 'fname' of 'Amira', 'Daniel' (OpenEMR): the values could be given names as well
    for name, column in (("gradecraft/internal_users.csv", "Last Name"), ("openemr/patient_data.csv", "lname")):
        plan = plan_real_file(name, "dev5")
        # Then: the first-name column holds given names at least as often, so the header decides, without a question
        assert applied_sources(plan)["last_name"] == [column]
        assert not any(f"'{column}'" in o.label for q in plan.questions for o in q.options)


def test_a_row_of_field_keys_under_the_header_is_not_read_as_values() -> None:
    # Given: Frappe Books' item export, whose first data row repeats each column's field key ('Item.barcode')
    plan = plan_real_file("frappe-books/items.csv", "dev3")
    # Then: 'Barcode' is judged on its real values (none): its header names the field, so it is applied, not doubted
    assert applied_sources(plan)["barcode"] == ["Barcode"]
    assert not any("'Barcode'" in o.label for q in plan.questions for o in q.options)


def test_the_records_own_number_and_a_current_date_are_read_in_german() -> None:
    # Given: Tine 2.0's German payroll export ('Mitarbeiternummer', 'Eintrittsdatum aktuell')
    plan = plan_real_file("tine20/employee.csv", "dev4")
    applied = applied_sources(plan)
    # Then: the employee's number is the template's employee_id (a field named after the record and a key word), and
    # 'aktuell' (current) qualifies the hire date without changing it
    assert applied["employee_id"] == ["Mitarbeiternummer"]
    assert applied["hire_date"] == ["Eintrittsdatum aktuell"]


def test_a_second_address_line_with_no_first_line_is_asked_not_applied() -> None:
    # Given: Gather's member export: 'Unit Num' ('20') names an address line 2, but no column is a street
    plan = plan_real_file("gather/users_as_admin.csv", "dev5")
    # Then: alone it continues no address, so it is asked about rather than applied
    assert "street2" not in applied_sources(plan)
    question = _asking(plan, "Unit Num")
    assert question.id.endswith("q_street2_conflict")
    # And: a yes maps it
    answered = HeuristicPlanner().answer(plan, [Answer(question_id=question.id, option_id=question.options[0].id)])
    assert applied_sources(answered)["street2"] == ["Unit Num"]


def test_a_second_address_line_beside_a_street_is_still_applied() -> None:
    # Given: Shopify-format customers of solidus_importer ('Address1', 'Address2')
    plan = plan_real_file("solidus-importer/customers.csv", "dev5")
    applied = applied_sources(plan)
    # Then: with the first line filled, the second continues it and is applied without a question
    assert applied["street"] == ["Address1"]
    assert applied["street2"] == ["Address2"]
    assert not any(q.id.endswith("q_street2_conflict") for q in plan.questions)


def test_a_narrower_kind_of_a_text_field_with_no_field_of_its_own_is_applied() -> None:
    # Given: Part-DB's parts ('manufacturer', a kind of brand; the products template has no manufacturer field)
    plan = plan_real_file("part-db/part_import_example.csv", "train")
    # Then: the column has no better home and no value can confirm a text field: its header is enough
    assert applied_sources(plan)["brand"] == ["manufacturer"]
    # But: a one-word header of many meanings ('Type' of Frappe Books' items) names no kind of category on its own
    assert "category" not in applied_sources(plan_real_file("frappe-books/items.csv", "dev3"))


def test_a_login_name_fills_an_external_id_that_is_not_the_templates_key() -> None:
    # Given: Redmine's user import ('login' of 'user1'...) onto subscribers, whose external_id is not a unique key
    plan = plan_real_file("redmine/import_users.csv", "dev")
    # Then: a login is a kind of id with no field of its own here: applied (a key field would have been asked)
    assert applied_sources(plan)["external_id"] == ["login"]
