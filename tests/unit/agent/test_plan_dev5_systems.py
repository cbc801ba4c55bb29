"""The matcher's round-6 mechanisms, each on a real export that shows its class (the dev5 split of bench/mapping/real:
Crown Commercial Service's data submission API, OpenEMR, solidus_importer's Shopify layout, Gather), asserting what
the user sees in the plan and what an answer changes. Files of the held-out test split are never used here.
"""

from __future__ import annotations

import re

from ferry.agent.left_out import COLUMNS_PER_QUESTION
from ferry.agent.planner import HeuristicPlanner, Plan
from ferry.core.outcomes import Answer, Question
from tests.unit.agent.helpers import applied_sources, plan_real_file


def _plan(name: str) -> Plan:
    return plan_real_file(name, "dev5")


def _asking(plan: Plan, column: str) -> Question:
    """The one question whose options name the column."""
    found = [q for q in plan.questions if any(f"'{column}'" in o.label for o in q.options)]
    assert len(found) == 1, [q.question for q in plan.questions]
    return found[0]


def _yes(plan: Plan, question: Question) -> Plan:
    return HeuristicPlanner().answer(plan, [Answer(question_id=question.id, option_id=question.options[0].id)])


def test_a_column_whose_header_points_at_an_unfilled_field_is_asked_not_left_out() -> None:
    # Given: CCS's supplier fixture ('salesforce_id', the supplier's own Salesforce id: a vendor word before 'id', so
    # it might be another record's key) and OpenEMR's patients ('pid', an abbreviation of the record's id)
    for name, column in (("ccs-datasubmission/suppliers.csv", "salesforce_id"), ("openemr/patient_data.csv", "pid")):
        plan = _plan(name)
        # Then: nothing applies it, but the person is asked about it rather than left to notice it alone
        assert "external_id" not in applied_sources(plan)
        question = _asking(plan, column)
        assert question.id.endswith("q_external_id_conflict")
        # And: a yes maps that very column to the record's id
        assert applied_sources(_yes(plan, question))["external_id"] == [column]


def test_questions_that_only_save_a_column_stay_within_the_sheets_budget() -> None:
    # Given: Gather's 26-column member export, whose many phone, e-mail and household columns point at fields
    plan = _plan("gather/users_as_admin.csv")
    # Then: at most one question per ten columns is spent on them
    assert 1 <= len(plan.questions) <= max(1, 26 // COLUMNS_PER_QUESTION)


def test_a_yes_no_column_named_by_a_word_for_a_status_value_is_asked_and_a_yes_maps_its_values() -> None:
    # Given: Shopify's product layout, whose 'Published' column says true (or nothing) for a status that can be active
    plan = _plan("solidus-importer/jewelery.csv")
    question = _asking(plan, "Published")
    assert applied_sources(plan)["status"] == ["Published"]  # mapped and asked to be confirmed (round 18)
    # When: the person says yes
    answered = _yes(plan, question)
    # Then: status reads 'Published', its 'true' values become 'active'
    assert applied_sources(answered)["status"] == ["Published"]
    status = next(f for t in answered.recipe.templates for f in t.fields if f.field == "status")
    value_maps = [op.model_dump() for op in status.ops if op.op == "map_values"]
    assert value_maps and value_maps[0]["mapping"] == {"true": "active"}


def test_a_unit_of_weight_names_the_weight() -> None:
    # Given: Shopify's 'Variant Grams' (numbers)
    plan = _plan("solidus-importer/jewelery.csv")
    # Then: it is the product's weight, applied
    assert applied_sources(plan)["weight"] == ["Variant Grams"]
    assert re.search(r"grams", next(m["rationale"] for m in plan.mappings if m["field"] == "weight"), re.I)
