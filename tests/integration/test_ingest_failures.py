"""Issue 15: a file whose ingestion dies never stays `pending_upload` forever.

On AWS, a process abort (python-calamine allocating a sheet's whole declared range) failed the async S3
invocation and left the file pending. Now the failed event lands on the ingest function's on-failure SQS
queue, whose consumer (the same function) marks the file rejected; and the sweeper rejects files pending
past `FERRY_UPLOAD_STALE_AFTER_SECONDS`.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from local import lambdas
from local.stack import LocalStack
from local.template import load_raw
from tests.integration.uploads import (
    install_sniff_spy,
    invoke_ingest,
    put_bytes,
    s3_event,
    start_upload,
    upload_and_wait,
    wait_for_status,
)

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = b"name,email\nAda,ada@example.com\n"


def _file(api: TestClient, headers: dict[str, str], migration_id: str, file_id: str) -> dict[str, Any]:
    response = api.get(f"/v1/migrations/{migration_id}/files/{file_id}", headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def _failure_message(event: dict[str, Any]) -> dict[str, Any]:
    """What Lambda's on-failure destination puts on the queue, as SQS hands it to the consumer."""
    record = {
        "version": "1.0",
        "requestContext": {"condition": "RetriesExhausted", "approximateInvokeCount": 3},
        "requestPayload": event,
        "responseContext": {"statusCode": 200, "functionError": "Unhandled"},
        "responsePayload": {"errorType": "Runtime.ExitError", "errorMessage": "signal: aborted"},
    }
    return {"Records": [{"eventSource": "aws:sqs", "messageId": "m-1", "body": json.dumps(record)}]}


def test_a_failed_ingest_event_on_the_queue_rejects_the_file(api: TestClient, account, stack: LocalStack) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    mig = api.post("/v1/migrations", json={"name": "m"}, headers=acct.headers).json()["migration_id"]
    pending = start_upload(api, acct.headers, mig, "bomb.xlsx", b"x" * 5000)
    key = f"uploads/{acct.account_id}/{mig}/{pending['file_id']}/bomb.xlsx"
    event = s3_event(stack.bucket_name, key, "etag-of-the-crash", 5000)

    result = invoke_ingest(_failure_message(event))

    assert result == {"rejected": [pending["file_id"]]}
    file = _file(api, acct.headers, mig, pending["file_id"])
    assert file["status"] == "rejected"
    assert file["error"].startswith("Ferry could not read this file")
    # And: the message delivered again changes nothing
    assert invoke_ingest(_failure_message(event)) == {"rejected": []}


def test_a_failed_event_for_an_older_upload_leaves_a_newer_ready_file_alone(  # type: ignore[no-untyped-def]
    api: TestClient, account, stack: LocalStack, monkeypatch
) -> None:
    install_sniff_spy(monkeypatch)
    acct = account()
    mig = api.post("/v1/migrations", json={"name": "m"}, headers=acct.headers).json()["migration_id"]
    ready = upload_and_wait(api, acct.headers, mig, "people.csv", PEOPLE)
    key = f"uploads/{acct.account_id}/{mig}/{ready['file_id']}/people.csv"
    older = s3_event(stack.bucket_name, key, "an-older-object", 10, event_time="2000-01-01T00:00:00.000Z")

    assert invoke_ingest(_failure_message(older)) == {"rejected": []}
    assert _file(api, acct.headers, mig, ready["file_id"])["status"] == "ready"


def test_an_unreadable_failure_message_is_dropped() -> None:
    assert invoke_ingest({"Records": [{"eventSource": "aws:sqs", "body": "not json"}]}) == {"rejected": []}


def test_the_sweeper_rejects_files_pending_past_the_limit(  # type: ignore[no-untyped-def]
    api: TestClient, account, monkeypatch, setting
) -> None:
    install_sniff_spy(monkeypatch)
    acct = account()
    mig = api.post("/v1/migrations", json={"name": "m"}, headers=acct.headers).json()["migration_id"]
    ready = upload_and_wait(api, acct.headers, mig, "people.csv", PEOPLE)
    stuck = start_upload(api, acct.headers, mig, "stuck.csv", PEOPLE)
    setting("FERRY_UPLOAD_STALE_AFTER_SECONDS", "1")
    time.sleep(1.2)
    fresh = start_upload(api, acct.headers, mig, "fresh.csv", PEOPLE)

    result = lambdas.HANDLERS["SweeperFunction"]({"source": "aws.events"}, _context("SweeperFunction"))

    assert result == {"swept": [], "rejected_files": [stuck["file_id"]]}
    swept = _file(api, acct.headers, mig, stuck["file_id"])
    assert swept["status"] == "rejected"
    assert swept["error"].startswith("Ferry could not read this file, or its upload never finished, within 1 second")
    assert _file(api, acct.headers, mig, fresh["file_id"])["status"] == "pending_upload"
    assert _file(api, acct.headers, mig, ready["file_id"])["status"] == "ready"
    # And: a second sweep finds nothing more (the swept file left the pending index)
    again = lambdas.HANDLERS["SweeperFunction"]({"source": "aws.events"}, _context("SweeperFunction"))
    assert again == {"swept": []}
    # And: an upload that still arrives for the swept file is ingested over the rejection
    put_bytes(stuck["upload"], PEOPLE)
    lambdas.drain()
    assert wait_for_status(api, acct.headers, mig, stuck["file_id"])["status"] == "ready"


def test_the_template_sends_failed_ingest_events_to_a_queue_the_function_consumes() -> None:
    template = load_raw(ROOT / "template.yaml")
    resources = template["Resources"]
    ingest = resources["IngestFunction"]["Properties"]
    on_failure = ingest["EventInvokeConfig"]["DestinationConfig"]["OnFailure"]
    assert on_failure["Type"] == "SQS"
    queue = on_failure["Destination"]["Fn::GetAtt"][0]
    assert resources[queue]["Type"] == "AWS::SQS::Queue"
    consumers = [e for e in ingest["Events"].values() if e["Type"] == "SQS"]
    assert [c["Properties"]["Queue"]["Fn::GetAtt"][0] for c in consumers] == [queue]
    sweeper_env = resources["SweeperFunction"]["Properties"]["Environment"]["Variables"]
    assert "FERRY_UPLOAD_STALE_AFTER_SECONDS" in sweeper_env


def _context(name: str) -> Any:
    return lambdas.LambdaContext(
        function_name=name, invoked_function_arn=f"arn:aws:lambda:us-east-1:123456789012:function:{name}"
    )
