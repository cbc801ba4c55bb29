"""`make check` lints every state machine with cfn-lint's ASL rules; a broken definition must be caught."""

import json
from pathlib import Path

from local.asl_lint import lint_definition

FIXTURE_ASL = Path(__file__).parents[1] / "integration" / "local_fixture" / "sm" / "machine.asl.json"


def test_a_valid_definition_has_no_problems() -> None:
    assert lint_definition(FIXTURE_ASL) == []


def test_a_missing_next_state_and_an_unknown_type_are_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.asl.json"
    bad.write_text(json.dumps({"StartAt": "Nope", "States": {"A": {"Type": "Bogus"}}}))
    problems = " ".join(lint_definition(bad))
    assert "Nope" in problems
    assert "Bogus" in problems
