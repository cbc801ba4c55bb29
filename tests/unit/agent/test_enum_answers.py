"""Answers to the planner's "what should these values become?" question, on a real file: what the person sees is
the recipe's value map and a preview without enum errors for the values they answered about.

react-spreadsheet-import/exampleFile.csv (shared/data/real) has a `team` column with 'Developers', 'developer',
'worker', 'HR', 'Recruitment' and 'terminated'; the template's team is an enum none of them spells exactly.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ferry.agent.planner import HeuristicPlanner, Plan, value_answer_pairs
from ferry.core.domain import FileManifest, Template
from ferry.core.outcomes import Answer, Question
from ferry.engine import ERRORS, execute, preview, read_output
from ferry.ingest import sniff

FILE = Path(__file__).resolve().parents[4] / "shared" / "data" / "real" / "react-spreadsheet-import" / "exampleFile.csv"
PEOPLE = Template.model_validate(
    {
        "name": "People",
        "sheet_id": "people",
        "fields": [
            {"key": "first_name", "type": "string"},
            {"key": "last_name", "type": "string"},
            {"key": "email", "type": "email"},
            {"key": "team", "type": "enum", "values": ["Engineering", "Human Resources", "Recruiting", "Operations"]},
        ],
    }
)
UNMATCHED = {"Developers", "developer", "worker", "HR", "terminated"}


@pytest.fixture(scope="module")
def manifest() -> FileManifest:
    return sniff(str(FILE), FILE.name)


@pytest.fixture(scope="module")
def plan(manifest: FileManifest) -> Plan:
    return HeuristicPlanner().generate({"people.csv": manifest}, [PEOPLE], {"people.csv": FILE.name})


def _values_question(plan: Plan) -> Question:
    (question,) = [q for q in plan.questions if q.id == "people.q_team_values"]
    return question


def _value_map(plan: Plan) -> dict[str, str | None]:
    (team,) = [f for t in plan.recipe.templates for f in t.fields if f.field == "team"]
    maps = [op.model_dump()["mapping"] for op in team.ops if op.op == "map_values"]
    return maps[0] if maps else {}


def _team_enum_errors(plan: Plan, manifest: FileManifest) -> list[dict[str, Any]]:
    """The enum errors the preview flags on team, over every row of the file (1,000 rows)."""
    (sheet,) = preview(plan.recipe, [PEOPLE], {"people.csv": (FILE, manifest)}, n=1000)
    assert sheet["sampleRowCount"] == sheet["rowCount"]
    return [e for e in sheet["errors"] if e["column"] == "team" and e["error"] == "enum"]


def test_the_question_names_the_values_no_allowed_value_matches(plan: Plan) -> None:
    # Given: the plan of the file (only 'Recruitment' has an allowed counterpart)
    question = _values_question(plan)
    # Then: the person is asked about the others, with 'Leave empty' among the options
    assert "'worker'" in question.question and question.allow_custom
    assert "Leave empty" in [o.label for o in question.options]
    assert _value_map(plan) == {"Recruitment": "Recruiting"}


def test_leave_empty_nulls_the_values_asked_about(plan: Plan, manifest: FileManifest, tmp_path: Path) -> None:
    # When: the person answers 'Leave empty'
    question = _values_question(plan)
    (leave,) = [o for o in question.options if o.label == "Leave empty"]
    answered = HeuristicPlanner().answer(plan, [Answer(question_id=question.id, option_id=leave.id)])
    # Then: the recipe maps each of those values to null, and keeps the match it had
    assert _value_map(answered) == {"Recruitment": "Recruiting", **dict.fromkeys(UNMATCHED)}
    assert answered.questions == []
    # And: the preview flags none of them, and shows them empty
    assert [e["value"] for e in _team_enum_errors(answered, manifest) if e["value"] in UNMATCHED] == []
    (sheet,) = preview(answered.recipe, [PEOPLE], {"people.csv": (FILE, manifest)}, n=20)
    assert {r["team"] for r in sheet["rows"]} <= {None, "Recruiting"}
    # And: the import flags no team value either; the report says how many rows team is left empty in
    done = execute(answered.recipe, [PEOPLE], {"people.csv": (FILE, manifest)}, tmp_path)
    rows = read_output(done.outputs["people"]).to_dicts()
    assert [r[ERRORS]["team"] for r in rows if r[ERRORS]["team"]] == []
    assert {r["team"] for r in rows} == {None, "Recruiting"}
    (warning,) = [w for w in done.report["profile"]["warnings"] if w["column"] == "team"]
    assert warning["outputFillRate"] < warning["sourceFillRate"]


def test_make_them_maps_every_value_asked_about(plan: Plan, manifest: FileManifest) -> None:
    # When: the person answers "Make them 'Operations'"
    question = _values_question(plan)
    (make,) = [o for o in question.options if o.label == "Make them 'Operations'"]
    answered = HeuristicPlanner().answer(plan, [Answer(question_id=question.id, option_id=make.id)])
    # Then: every value asked about becomes Operations, and the preview flags none of them
    assert _value_map(answered) == {"Recruitment": "Recruiting", **dict.fromkeys(UNMATCHED, "Operations")}
    assert [e for e in _team_enum_errors(answered, manifest) if e["value"] in UNMATCHED] == []


@pytest.mark.parametrize(
    ("custom", "expected"),
    [
        ("Map team value 'worker' to 'Operations'", {"worker": "Operations"}),
        ("value 'worker' to 'Operations'", {"worker": "Operations"}),
        ("'worker' → 'Operations'", {"worker": "Operations"}),
        ("worker -> Operations", {"worker": "Operations"}),
        ("worker means Operations", {"worker": "Operations"}),
        ("team value worker means operations", {"worker": "Operations"}),
        ('map "worker" to "Operations"', {"worker": "Operations"}),
        ("worker=Operations", {"worker": "Operations"}),
        ("team: worker = Operations", {"worker": "Operations"}),
        (
            "Map team value 'worker' to 'Operations', 'HR' → 'Human Resources'; developer means engineering",
            {"worker": "Operations", "HR": "Human Resources", "developer": "Engineering"},
        ),
        (
            "worker to Operations and Developers to Engineering",
            {"worker": "Operations", "Developers": "Engineering"},
        ),
    ],
)
def test_a_custom_answer_maps_the_value_named(
    plan: Plan, manifest: FileManifest, custom: str, expected: dict[str, str]
) -> None:
    # When: the person types a mapping in their own words
    question = _values_question(plan)
    answered = HeuristicPlanner().answer(plan, [Answer(question_id=question.id, custom=custom)])
    # Then: the value map's keys are the values themselves (not 'team value worker') and the targets the allowed
    # values as the template spells them
    assert _value_map(answered) == {"Recruitment": "Recruiting", **expected}
    # And: the preview flags none of the values answered, and still flags the ones not answered
    flagged = {e["value"] for e in _team_enum_errors(answered, manifest)}
    assert flagged.isdisjoint(expected)
    assert UNMATCHED - set(expected) <= flagged


@pytest.mark.parametrize(
    ("custom", "expected"),
    [
        # a value of the file that starts like a prefix or a verb stays whole
        (
            "Value Proposition=Qualification, Make Ready to Closed, map Lost to closed",
            {"Value Proposition": "Qualification", "Make Ready": "Closed", "Lost": "Closed"},
        ),
        # several clauses joined by 'and' only when each is a pair
        ("Research and Development=Engineering", {"Research and Development": "Engineering"}),
        # quoted values keep their commas, arrows and case; 'empty' is null
        ("'Smith, Jones -> Co' to 'closed', 'x' → empty", {"Smith, Jones -> Co": "Closed", "x": None}),
    ],
)
def test_value_answer_pairs_reads_the_whole_value(custom: str, expected: dict[str, str | None]) -> None:
    # Given: a stage field whose file holds 'Value Proposition' and 'Make Ready' among its values
    allowed, known = ["Qualification", "Closed", "Engineering"], ["Value Proposition", "Make Ready"]
    # Then: each clause gives the value as the file spells it and the allowed value it names
    assert value_answer_pairs(custom, allowed, known, ["stage"]) == expected


@pytest.mark.parametrize(("custom", "target"), [("leave them empty", None), ("operations", "Operations")])
def test_a_custom_answer_of_one_target_maps_every_value_asked_about(
    plan: Plan, manifest: FileManifest, custom: str, target: str | None
) -> None:
    # When: the person answers with just a target ('operations', 'leave them empty')
    question = _values_question(plan)
    answered = HeuristicPlanner().answer(plan, [Answer(question_id=question.id, custom=custom)])
    # Then: every value asked about gets it, and the preview flags none of them
    assert _value_map(answered) == {"Recruitment": "Recruiting", **dict.fromkeys(UNMATCHED, target)}
    assert _team_enum_errors(answered, manifest) == []
