"""`python -m ferry plan`: the plan as text or JSON, answers to its questions, and a recipe `execute` runs as is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ferry.__main__ import main
from ferry.recipe import Recipe
from tests.helpers import person_template

EXAMPLE = (
    Path(__file__).resolve().parents[4] / "shared" / "data" / "real" / "react-spreadsheet-import" / "exampleFile.csv"
)
PEOPLE = person_template("People", "people", {"key": "team", "type": "string"}, {"key": "signed_up", "type": "date"})


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    path = tmp_path / "templates.json"
    path.write_text(json.dumps([PEOPLE]))
    return path


@pytest.fixture
def day_or_month(tmp_path: Path) -> Path:
    """A small file whose dates read either day-first or month-first."""
    path = tmp_path / "signups.csv"
    path.write_text(
        "First Name,Email,Signup Date\nAda,ada@example.com,03/04/2024\nGrace,grace@example.com,05/06/2023\n",
        encoding="utf-8",
    )
    return path


def test_plan_prints_mappings_left_out_columns_and_the_recipe(
    templates: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # When: a new user plans the example file
    assert main(["plan", str(EXAMPLE), "--templates", str(templates)]) == 0
    out = capsys.readouterr().out
    # Then: each field with its column, confidence and why; the transform below; what is not imported
    assert out.startswith("Planned by the heuristic planner. People: 4 of 5 fields mapped from exampleFile.csv.")
    assert "  email       <- email" in out and "100% of samples are email addresses" in out
    assert "trim > null_tokens > email_normalize" in out
    assert "signed_up   <- (not mapped)" in out
    assert "Not imported from " in out and "years, manager" in out
    # And: the recipe at the end is JSON a recipe file can hold
    recipe = Recipe.model_validate_json(out.split("--recipe-out writes it to a file):\n", 1)[1])
    assert recipe.templates[0].source.file_id == "exampleFile.csv"


def test_the_written_recipe_runs_with_execute(
    templates: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given: a plan written to recipe.json
    recipe = tmp_path / "recipe.json"
    assert main(["plan", str(EXAMPLE), "--templates", str(templates), "--recipe-out", str(recipe)]) == 0
    # When: execute runs it on the same file
    out = tmp_path / "out"
    code = main(["execute", str(EXAMPLE), "--templates", str(templates), "--recipe", str(recipe), "--out", str(out)])
    # Then: every row is imported through the planned mapping
    assert code == 0
    report = json.loads((out / "report.json").read_text())
    assert report["totalRows"] == 1000
    header = (out / "people" / "valid.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == "first_name,last_name,email,team,signed_up"


def test_plan_as_json(templates: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", f"people={EXAMPLE}", "--templates", str(templates), "--json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert set(plan) == {"planner", "summary", "recipe", "mappings", "unmapped_columns", "questions", "files"}
    assert plan["files"] == {"people": str(EXAMPLE)}
    email = next(m for m in plan["mappings"] if m["field"] == "email")
    assert email["source"] == {"file_id": "people", "sheet_id": "sheet_1", "column": "email"}
    assert email["confidence"] >= 0.9 and email["rationale"]
    assert Recipe.model_validate(plan["recipe"]).templates[0].source.file_id == "people"


def test_questions_are_shown_and_answered_with_answer(
    templates: Path, day_or_month: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given: a file whose dates are ambiguous
    assert main(["plan", str(day_or_month), "--templates", str(templates)]) == 0
    out = capsys.readouterr().out
    # Then: the question is shown with its options and how to answer it
    assert "people.q_signed_up_date_order: Are the dates in 'Signup Date' day-first or month-first?" in out
    assert "opt_1  Day first (DD/MM/YYYY)" in out and "rerun with --answer ID=OPTION" in out
    # When: it is answered
    args = ["plan", str(day_or_month), "--templates", str(templates), "--json"]
    assert main([*args, "--answer", "people.q_signed_up_date_order=opt_1"]) == 0
    plan = json.loads(capsys.readouterr().out)
    # Then: no question is left and the dates are read day-first
    assert plan["questions"] == []
    signed_up = next(m for m in plan["mappings"] if m["field"] == "signed_up")
    assert {"op": "parse_date", "order": "DMY", "formats": ["%d/%m/%Y"]} in signed_up["transform"]
    # And: month-first, answered the other way, reads them month-first
    assert main([*args, "--answer", "people.q_signed_up_date_order=opt_2"]) == 0
    plan = json.loads(capsys.readouterr().out)
    signed_up = next(m for m in plan["mappings"] if m["field"] == "signed_up")
    assert {"op": "parse_date", "order": "MDY", "formats": ["%m/%d/%Y"]} in signed_up["transform"]


def test_an_answer_to_no_question_is_an_error(templates: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", str(EXAMPLE), "--templates", str(templates), "--answer", "people.q_nope=opt_1"]) == 2
    assert "answers no question of the plan" in capsys.readouterr().err


def test_a_file_ingestion_would_reject_is_an_error(
    templates: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert main(["plan", str(empty), "--templates", str(templates)]) == 2
    assert capsys.readouterr().err == "error: The file is empty.\n"
