"""Pure parts of the run lifecycle: answer validation, the recipe diff, public shapes by status."""

from __future__ import annotations

import pytest

from ferry.api.schemas.runs import RunPublic
from ferry.aws.dynamo import RunRecord
from ferry.core.errors import InvalidRequest
from ferry.core.outcomes import Answer, Question, QuestionOption
from ferry.migrations.previews import json_diff
from ferry.runs.lifecycle import execution_arn, validate_answers

QUESTIONS = [
    Question(
        id="a", question="Which column?", options=[QuestionOption(id="opt_1", label="'Email'")], allow_custom=True
    ),
    Question(id="b", question="Day first?", options=[QuestionOption(id="opt_1", label="Yes")]),
]


def test_valid_answers_are_summarised() -> None:
    answers = [Answer(question_id="a", custom="Mail"), Answer(question_id="b", option_id="opt_1")]
    assert validate_answers(QUESTIONS, answers) == ["Which column? Mail", "Day first? Yes"]


@pytest.mark.parametrize(
    ("answers", "param"),
    [
        ([Answer(question_id="zz", option_id="opt_1")], "answers[0].question_id"),
        (
            [Answer(question_id="a", option_id="opt_1"), Answer(question_id="a", option_id="opt_1")],
            "answers[1].question_id",
        ),
        ([Answer(question_id="a", option_id="opt_7")], "answers[0].option_id"),
        ([Answer(question_id="a", option_id="opt_1"), Answer(question_id="b", custom="x")], "answers[1].custom"),
        ([Answer(question_id="a", option_id="opt_1")], "answers"),
    ],
)
def test_invalid_answers_are_400(answers: list[Answer], param: str) -> None:
    with pytest.raises(InvalidRequest) as raised:
        validate_answers(QUESTIONS, answers)
    assert raised.value.extra["param"] == param


def test_json_diff_reports_adds_removes_and_replacements() -> None:
    old = {"a": 1, "b": [1, 2], "c": {"x/y": True}}
    new = {"a": 2, "b": [1], "c": {}, "d": None}
    assert json_diff(old, new) == [
        {"op": "replace", "path": "/a", "old": 1, "new": 2},
        {"op": "remove", "path": "/b/1", "old": 2},
        {"op": "remove", "path": "/c/x~1y", "old": True},
        {"op": "add", "path": "/d", "new": None},
    ]
    assert json_diff(old, old) == []


def _run(**changes: object) -> RunRecord:
    base = {"account_id": "acct_x", "migration_id": "mig_x", "run_id": "run_x", "kind": "execute",
            "status": "running", "heartbeat_at": "t", "created_at": "t", "updated_at": "t"}  # fmt: skip
    return RunRecord.model_validate({**base, **changes})


def test_the_public_run_has_only_the_fields_of_its_status() -> None:
    common = {"run_id", "kind", "status", "created_at", "updated_at"}
    assert RunPublic.of(_run()).model_dump() == {**RunPublic.of(_run()).model_dump(), "message": None}
    assert set(RunPublic.of(_run(status="queued", message="m")).model_dump()) == common | {"message"}
    assert set(RunPublic.of(_run(status="failed", error="e", message="m")).model_dump()) == common | {"error"}
    assert set(RunPublic.of(_run(status="completed", report={"totalRows": 1})).model_dump()) == common | {"report"}
    assert set(RunPublic.of(_run(status="completed", kind="clarify")).model_dump()) == common
    assert set(RunPublic.of(_run(status="canceled", error="x")).model_dump()) == common


def test_the_execution_arn_is_known_before_the_start() -> None:
    arn = "arn:aws:states:us-east-1:123456789012:stateMachine:RunStateMachine"
    assert execution_arn(arn, "run_1") == "arn:aws:states:us-east-1:123456789012:execution:RunStateMachine:run_1"
