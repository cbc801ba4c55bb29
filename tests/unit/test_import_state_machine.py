"""statemachines/import.asl.json: lint-clean JSONPath ASL; execute -> park while flagged groups are open ->
approve: patch and review again / reject or timeout: the failure path (report kept) -> commit."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ferry.runs.tasks import _TASKS, MAX_ATTEMPTS, plain_error
from local.asl_lint import lint_definition

ASL_PATH = Path(__file__).resolve().parents[2] / "statemachines" / "import.asl.json"
ASL: dict[str, Any] = json.loads(ASL_PATH.read_text())
STATES: dict[str, Any] = ASL["States"]
TASKS = {name: state for name, state in STATES.items() if state["Type"] == "Task"}


def test_the_definition_lints_clean_and_is_jsonpath() -> None:
    assert lint_definition(ASL_PATH) == []
    assert "QueryLanguage" not in ASL


def test_every_task_is_bounded_retried_and_caught_into_the_failure_path() -> None:
    for name, state in TASKS.items():
        assert "TimeoutSeconds" in state or "TimeoutSecondsPath" in state, name
        (retry,) = state["Retry"]
        assert {"Lambda.ServiceException", "TransientStepError"} <= set(retry["ErrorEquals"]), name
        assert retry["MaxAttempts"] + 1 == MAX_ATTEMPTS, name
        if name == "Record the failure":
            assert "Catch" not in state and state["Next"] == "Import failed"
        else:
            assert state["Catch"][-1] == {"ErrorEquals": ["States.ALL"], "ResultPath": "$.error",
                                          "Next": "Record the failure"}  # fmt: skip


def test_every_step_the_machine_names_is_a_task_the_function_runs() -> None:
    steps = {state["Parameters"]["Payload"]["step"] for state in TASKS.values()}
    assert steps - {"start", "fail"} <= set(_TASKS)


def test_flagged_rows_wait_for_a_decision_with_a_configured_timeout() -> None:
    assert STATES["Run the import"]["Next"] == "Flagged rows to review?"
    assert STATES["Flagged rows to review?"]["Choices"] == [
        {"Variable": "$.review.outcome", "StringEquals": "review", "Next": "Wait for a decision"}
    ]
    assert STATES["Flagged rows to review?"]["Default"] == "Commit the import"
    wait = STATES["Wait for a decision"]
    assert wait["Resource"] == "arn:aws:states:::lambda:invoke.waitForTaskToken"
    assert wait["Parameters"]["Payload"]["task_token.$"] == "$$.Task.Token"
    assert wait["TimeoutSecondsPath"] == "$.limits.decision_timeout_seconds"
    assert wait["Catch"][0] == {"ErrorEquals": ["States.Timeout"], "ResultPath": "$.error",
                                "Next": "Note that nobody decided"}  # fmt: skip
    assert STATES["Note that nobody decided"]["Next"] == "Record the failure"


def test_approve_patches_and_reviews_again_reject_fails() -> None:
    choice = STATES["Approved or rejected?"]
    assert choice["Choices"] == [
        {"Variable": "$.decision.decision", "StringEquals": "approve", "Next": "Apply the patch"}
    ]
    assert choice["Default"] == "Note the rejection"
    assert STATES["Note the rejection"]["Result"]["Error"] == "Rejected"
    assert STATES["Note the rejection"]["Next"] == "Record the failure"
    patch = STATES["Apply the patch"]
    assert patch["Parameters"]["Payload"]["index.$"] == "$.decision.index"
    assert patch["Next"] == "Flagged rows to review?"
    assert STATES["Commit the import"]["Next"] == "Import finished"


def test_state_names_are_sentences() -> None:
    for name in STATES:
        assert " " in name and name[0].isupper(), name


def test_rejection_and_timeout_read_in_plain_language() -> None:
    assert plain_error({"Error": "Rejected"}) == "You rejected the import, so it stopped. Nothing was imported."
    assert plain_error({"Error": "DecisionTimeout"}).startswith("Nobody decided on the flagged rows in time")
