"""Local mode runs handlers in-process for S3 triggers and Step Functions tasks (a small fixture template)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest

from local import lambdas
from local.stack import LocalStack
from tests.helpers import wait_for

FIXTURE = Path(__file__).parent / "local_fixture" / "template.yaml"


@pytest.fixture(scope="module")
def fixture_stack(_session_stack: LocalStack) -> Iterator[LocalStack]:
    """A second bootstrap (of a small fixture template) on the running moto server."""
    _session_stack.reset()
    stack = LocalStack(template_path=FIXTURE, stage="fixture")
    stack.endpoint_url = _session_stack.endpoint_url
    stack.bootstrap()
    yield stack
    _session_stack.reset()  # give the session stack back its own resources


def test_s3_upload_runs_the_triggered_handler_in_process(fixture_stack: LocalStack) -> None:
    s3 = boto3.client("s3", endpoint_url=fixture_stack.endpoint_url)
    bucket = fixture_stack.template.physical["Bucket"]
    s3.put_object(Bucket=bucket, Key="in/a b.csv", Body=b"x\n1\n")
    s3.put_object(Bucket=bucket, Key="other/ignored.csv", Body=b"x\n")
    lambdas.drain()
    table = boto3.resource("dynamodb", endpoint_url=fixture_stack.endpoint_url).Table(
        fixture_stack.template.physical["Table"]
    )
    items = table.query(KeyConditionExpression="PK = :p", ExpressionAttributeValues={":p": "UPLOAD"})["Items"]
    assert [(i["SK"], i["G1"]) for i in items] == [("in/a b.csv", "ObjectCreated:Put")]


def test_state_machine_runs_tasks_and_resumes_on_a_task_token(fixture_stack: LocalStack) -> None:
    sfn = fixture_stack.client("stepfunctions")
    arn = fixture_stack.template.arns["Machine"]
    execution = sfn.start_execution(stateMachineArn=arn, name="run-ok", input=json.dumps({"n": 21}))
    table = boto3.resource("dynamodb", endpoint_url=fixture_stack.endpoint_url).Table(
        fixture_stack.template.physical["Table"]
    )
    token_item = wait_for(
        lambda: table.get_item(Key={"PK": "TOKEN", "SK": "run-ok"}).get("Item"), what="the parked task token"
    )
    assert sfn.describe_execution(executionArn=execution["executionArn"])["status"] == "RUNNING"
    sfn.send_task_success(taskToken=token_item["token"], output=json.dumps({"approved": True}))

    def finished() -> dict | None:
        desc = sfn.describe_execution(executionArn=execution["executionArn"])
        return desc if desc["status"] != "RUNNING" else None

    desc = wait_for(finished, what="the execution to finish")
    assert desc["status"] == "SUCCEEDED"
    output = json.loads(desc["output"])
    assert output["work"] == {"doubled": 42, "function": "WorkFunction"}
    assert output["answer"] == {"approved": True}
    with pytest.raises(sfn.exceptions.ClientError):  # a task token is single-use
        sfn.send_task_success(taskToken=token_item["token"], output="{}")


def test_a_handler_exception_reaches_the_state_machine_catch(fixture_stack: LocalStack) -> None:
    sfn = fixture_stack.client("stepfunctions")
    arn = fixture_stack.template.arns["Machine"]
    execution = sfn.start_execution(stateMachineArn=arn, name="run-fail", input=json.dumps({"n": 1, "fail": True}))

    def finished() -> dict | None:
        desc = sfn.describe_execution(executionArn=execution["executionArn"])
        return desc if desc["status"] != "RUNNING" else None

    desc = wait_for(finished, what="the execution to fail")
    assert desc["status"] == "FAILED"
    assert desc["error"] == "WorkFailed"
