"""statemachines/run.asl.json: lint-clean JSONPath ASL, every Task bounded in time, retried on Lambda service
errors and our transient errors, and caught into the one failure path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ferry.runs.tasks import MAX_ATTEMPTS, plain_error
from local.asl_lint import lint_definition

ASL_PATH = Path(__file__).resolve().parents[2] / "statemachines" / "run.asl.json"
ASL: dict[str, Any] = json.loads(ASL_PATH.read_text())
TASKS = {name: state for name, state in ASL["States"].items() if state["Type"] == "Task"}


def test_the_definition_lints_clean_and_is_jsonpath() -> None:
    assert lint_definition(ASL_PATH) == []
    assert "QueryLanguage" not in ASL  # moto runs JSONPath only


def test_every_task_has_a_timeout() -> None:
    for name, state in TASKS.items():
        assert "TimeoutSeconds" in state or "TimeoutSecondsPath" in state, name


def test_every_task_retries_service_and_transient_errors_as_often_as_the_message_says() -> None:
    for name, state in TASKS.items():
        (retry,) = state["Retry"]
        assert {"Lambda.ServiceException", "Lambda.TooManyRequestsException", "TransientStepError"} <= set(
            retry["ErrorEquals"]
        ), name
        assert retry["MaxAttempts"] + 1 == MAX_ATTEMPTS, name
        assert retry["IntervalSeconds"] <= 2, name


def test_every_task_but_the_failure_path_is_caught_into_it() -> None:
    for name, state in TASKS.items():
        if name == "Record the failure":
            assert "Catch" not in state and state["Next"] == "Run failed"
            continue
        assert state["Catch"][-1] == {
            "ErrorEquals": ["States.ALL"],
            "ResultPath": "$.error",
            "Next": "Record the failure",
        }


def test_the_wait_for_answers_passes_the_token_and_has_a_bounded_wait() -> None:
    wait = ASL["States"]["Wait for answers"]
    assert wait["Resource"] == "arn:aws:states:::lambda:invoke.waitForTaskToken"
    assert wait["Parameters"]["Payload"]["task_token.$"] == "$$.Task.Token"
    assert wait["TimeoutSecondsPath"] == "$.limits.answer_timeout_seconds"
    assert wait["Catch"][0]["Next"] == "Note that nobody answered"


def test_state_names_are_sentences() -> None:
    for name in ASL["States"]:
        assert " " in name and name[0].isupper(), name


def test_failures_read_in_plain_language() -> None:
    cause = json.dumps({"errorType": "StepFailed", "errorMessage": "The file is gone.", "stackTrace": ["x"]})
    assert plain_error({"Error": "StepFailed", "Cause": cause}) == "The file is gone."
    assert "took too long" in plain_error({"Error": "States.Timeout", "Cause": ""})
    assert "Nobody answered" in plain_error({"Error": "AnswerTimeout"})
    leaked = plain_error({"Error": "KeyError", "Cause": json.dumps({"errorMessage": "secret internals"})})
    assert "secret" not in leaked and "Nothing was imported" in leaked
    assert "Nothing was imported" in plain_error(None)
