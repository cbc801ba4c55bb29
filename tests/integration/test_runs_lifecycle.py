"""The run lifecycle on the real state machine (moto executes statemachines/run.asl.json, tasks run the real
handlers): one active run per migration, blocked -> answers -> preview, cancel, the sweeper, retries, events.

Only the planner is a double (tests.integration.runs_support.StepDouble), so each test controls when a
step finishes; the lifecycle, the ASL, DynamoDB conditions and Step Functions are real.
"""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from fastapi.testclient import TestClient

from ferry.aws.dynamo import Store, migration_scope
from ferry.core.config import get_settings
from ferry.core.outcomes import StepOutcome, TransientStepError
from ferry.runs import lifecycle as runs
from ferry.runs.lifecycle import Lifecycle
from local import lambdas
from local.stack import LocalStack
from tests.helpers import wait_for
from tests.integration.runs_support import QUESTION, StepDouble, draft, ready_migration, run_status, wait_for_status


@pytest.fixture
def double(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    planner = StepDouble(monkeypatch)
    yield planner
    planner.release()  # never leave an execution thread waiting at the gate


def _start(api: TestClient, headers: dict[str, str], migration_id: str, **body: Any) -> Any:
    return api.post(f"/v1/migrations/{migration_id}/runs", json={"kind": "generate", **body}, headers=headers)


def test_twenty_concurrent_starts_give_one_run(api: TestClient, account, double: StepDouble) -> None:  # type: ignore[no-untyped-def]
    # Given: a migration ready to generate, and a planner that holds the run open
    acct = account()
    migration_id = ready_migration(api, acct.headers)
    double.hold()
    # When: 20 clients start a run at the same moment
    barrier = threading.Barrier(20)

    def start(_: int) -> Any:
        barrier.wait()
        return _start(api, acct.headers, migration_id)

    with ThreadPoolExecutor(max_workers=20) as pool:
        responses = list(pool.map(start, range(20)))
    # Then: exactly one 201; nineteen 409s that all name the winner's run_id
    created = [r for r in responses if r.status_code == 201]
    conflicts = [r for r in responses if r.status_code == 409]
    assert len(created) == 1, [r.status_code for r in responses]
    assert len(conflicts) == 19
    winner = created[0].json()["run_id"]
    assert {r.json()["error"]["run_id"] for r in conflicts} == {winner}
    assert {r.json()["error"]["code"] for r in conflicts} == {"run_in_progress"}
    assert conflicts[0].json()["error"]["message"] == "A generate run is already in progress."
    # And: only one run exists, and it is the active one
    history = api.get(f"/v1/migrations/{migration_id}/runs", headers=acct.headers).json()
    assert [r["run_id"] for r in history["runs"]] == [winner]
    active = api.get(f"/v1/migrations/{migration_id}/runs", params={"status": "active"}, headers=acct.headers)
    assert active.json()["run"]["run_id"] == winner
    # And: re-issuing recovers the lost run_id; once the run ends the migration is free again
    assert _start(api, acct.headers, migration_id).json()["error"]["run_id"] == winner
    double.release()
    wait_for_status(api, acct.headers, migration_id, winner, "awaiting_approval")
    assert api.get(f"/v1/migrations/{migration_id}/runs?status=active", headers=acct.headers).json() == {"run": None}
    assert double.calls == {"generate": 1}


def test_a_blocked_run_resumes_with_answers_exactly_once(  # type: ignore[no-untyped-def]
    api: TestClient, account, double: StepDouble, stack: LocalStack, capfd: pytest.CaptureFixture[str]
) -> None:
    # Given: a planner that asks a question
    acct = account()
    migration_id = ready_migration(api, acct.headers)
    double.generate_outcome = lambda: StepOutcome(questions=[QUESTION])
    run_id = _start(api, acct.headers, migration_id).json()["run_id"]
    # When: the run parks on it
    blocked = wait_for_status(api, acct.headers, migration_id, run_id, "blocked")
    # Then: the poll shows the question in the contract's shape, and nothing else
    assert set(blocked) == {"run_id", "kind", "status", "created_at", "updated_at", "questions"}
    assert blocked["questions"] == [
        {
            "id": "contacts.q_email_column",
            "question": "Which column holds email?",
            "context": "Two columns look alike.",
            "options": [{"id": "opt_1", "label": "'Email'"}, {"id": "opt_2", "label": "'Email 2'"}],
            "allowCustom": True,
        }
    ]
    answers_url = f"/v1/migrations/{migration_id}/runs/{run_id}/messages"
    key = {"PK": {"S": f"MIG#{migration_id}"}, "SK": {"S": f"RUN#{run_id}"}}
    token = stack.client("dynamodb").get_item(TableName=stack.table_name, Key=key)["Item"]["task_token"]["S"]
    # And: answers to an unknown question, or with an unknown option, are 400 and change nothing
    unknown = api.post(
        answers_url, json={"answers": [{"question_id": "nope", "option_id": "opt_1"}]}, headers=acct.headers
    )
    assert unknown.status_code == 400 and "nope" in unknown.json()["error"]["message"]
    bad_option = {"answers": [{"question_id": QUESTION.id, "option_id": "opt_9"}]}
    assert api.post(answers_url, json=bad_option, headers=acct.headers).status_code == 400
    both = {"answers": [{"question_id": QUESTION.id, "option_id": "opt_1", "custom": "x"}]}
    assert api.post(answers_url, json=both, headers=acct.headers).status_code == 400
    assert run_status(api, acct.headers, migration_id, run_id)["status"] == "blocked"
    # When: two clients answer at the same moment
    barrier = threading.Barrier(2)

    def answer(option: str) -> Any:
        barrier.wait()
        body = {"answers": [{"question_id": QUESTION.id, "option_id": option}], "message": "use the first"}
        return api.post(answers_url, json=body, headers=acct.headers)

    with ThreadPoolExecutor(max_workers=2) as pool:
        first, second = pool.map(answer, ["opt_1", "opt_2"])
    # Then: one is accepted, the other is a 409; the planner resumes once, with the accepted answer
    assert sorted([first.status_code, second.status_code]) == [200, 409]
    accepted = first if first.status_code == 200 else second
    assert accepted.json()["status"] == "running"
    wait_for_status(api, acct.headers, migration_id, run_id, "awaiting_approval")
    assert double.calls == {"generate": 1, "resume": 1}
    assert len(double.answers) == 1
    # And: answering a run that is no longer blocked is a 409
    again = api.post(
        answers_url, json={"answers": [{"question_id": QUESTION.id, "option_id": "opt_1"}]}, headers=acct.headers
    )
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "run_not_blocked"
    # And: the thread tells the story, and never carries the task token
    thread = api.get(f"/v1/migrations/{migration_id}/runs/{run_id}/thread", headers=acct.headers).json()
    types = [e["type"] for e in thread["events"]]
    assert "question" in types and "answer" in types
    assert types[-1] == "status" and thread["events"][-1]["data"] == {"status": "awaiting_approval"}
    assert "token" not in json.dumps(thread).lower()
    # And: the task token never reached a log line
    out, err = capfd.readouterr()
    assert token not in out and token not in err


def test_cancel_while_running_frees_the_migration(
    api: TestClient, account, double: StepDouble, stack: LocalStack
) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    migration_id = ready_migration(api, acct.headers)
    double.hold()
    run_id = _start(api, acct.headers, migration_id).json()["run_id"]
    assert double.entered.wait(20)
    url = f"/v1/migrations/{migration_id}/runs/{run_id}"
    # Given: only {"status": "cancel_requested"} is a cancel
    for body in ({"status": "canceled"}, {"status": "cancel_requested", "extra": 1}, {}):
        assert api.patch(url, json=body, headers=acct.headers).status_code == 400
    # When: the running run is canceled
    canceled = api.patch(url, json={"status": "cancel_requested"}, headers=acct.headers)
    # Then: it answers in the canceled shape, the execution is stopped, and a new run can start at once
    assert canceled.status_code == 200
    assert canceled.json()["status"] == "canceled"
    assert set(canceled.json()) == {"run_id", "kind", "status", "created_at", "updated_at"}
    sfn = stack.client("stepfunctions")
    arn = runs.execution_arn(get_settings().run_state_machine_arn, run_id)
    double.release()
    wait_for(lambda: sfn.describe_execution(executionArn=arn)["status"] == "ABORTED", what="the execution to stop")
    nxt = _start(api, acct.headers, migration_id)
    assert nxt.status_code == 201, nxt.text
    # And: the canceled run stays canceled whatever its stopped execution still tries, and a second cancel
    # returns it unchanged
    assert api.patch(url, json={"status": "cancel_requested"}, headers=acct.headers).json() == canceled.json()
    wait_for_status(api, acct.headers, migration_id, nxt.json()["run_id"], "awaiting_approval")
    assert run_status(api, acct.headers, migration_id, run_id)["status"] == "canceled"


def test_a_killed_engine_is_swept_and_cannot_come_back(  # type: ignore[no-untyped-def]
    api: TestClient, account, double: StepDouble, stack: LocalStack, setting
) -> None:
    acct = account()
    migration_id = ready_migration(api, acct.headers)
    double.hold()
    run_id = _start(api, acct.headers, migration_id).json()["run_id"]
    assert double.entered.wait(20)
    # Given: the execution is stopped behind the API's back and the run's heartbeat is stale
    arn = runs.execution_arn(get_settings().run_state_machine_arn, run_id)
    stack.client("stepfunctions").stop_execution(executionArn=arn, error="Killed", cause="test")
    setting("FERRY_RUN_SWEEP_GRACE_SECONDS", "0")
    setting("FERRY_RUN_STALE_AFTER_SECONDS", "0")
    assert run_status(api, acct.headers, migration_id, run_id)["status"] == "running"
    # When: the scheduled sweeper runs
    result = lambdas.HANDLERS["SweeperFunction"]({"source": "aws.events"}, _context("SweeperFunction"))
    # Then: the run failed with "Import timed out" and the migration is free
    assert result == {"swept": [run_id]}
    failed = run_status(api, acct.headers, migration_id, run_id)
    assert failed["status"] == "failed" and failed["error"] == "Import timed out"
    assert api.get(f"/v1/migrations/{migration_id}/runs?status=active", headers=acct.headers).json() == {"run": None}
    nxt = _start(api, acct.headers, migration_id)
    assert nxt.status_code == 201
    # And: late writes from the dead run change nothing: not its status, not the new run's lock
    lc = Lifecycle()
    scope = migration_scope(migration_id)
    dead = Store().get_run(scope, run_id)
    assert dead is not None
    assert runs.complete_run(lc, dead, {"totalRows": 1}) is False
    assert runs.fail_run(lc, dead, "late") is False
    assert Store().release_lock(scope, run_id) is False
    assert Store().get_active_run_id(scope) == nxt.json()["run_id"]
    after = run_status(api, acct.headers, migration_id, run_id)
    assert (after["status"], after["error"]) == ("failed", "Import timed out")
    double.release()


def test_a_transient_error_is_retried_and_says_so(api: TestClient, account, double: StepDouble) -> None:  # type: ignore[no-untyped-def]
    # Given: a planner that fails once with a transient error
    attempts: list[int] = []

    def flaky() -> StepOutcome:
        attempts.append(1)
        if len(attempts) == 1:
            raise TransientStepError("throttled")
        return StepOutcome(preview=draft("after retry"))

    double.generate_outcome = flaky
    acct = account()
    migration_id = ready_migration(api, acct.headers)
    run_id = _start(api, acct.headers, migration_id).json()["run_id"]
    # When / Then: Step Functions retries it, the run says so, and it finishes
    wait_for_status(api, acct.headers, migration_id, run_id, "awaiting_approval")
    texts = [
        e["text"]
        for e in api.get(f"/v1/migrations/{migration_id}/runs/{run_id}/thread", headers=acct.headers).json()["events"]
    ]
    assert "Retrying (attempt 2 of 5)." in texts
    assert len(attempts) == 2


def test_a_failing_step_fails_the_run_in_plain_language(api: TestClient, account, double: StepDouble) -> None:  # type: ignore[no-untyped-def]
    def broken() -> StepOutcome:
        raise KeyError("internal detail that must not leak")

    double.generate_outcome = broken
    acct = account()
    migration_id = ready_migration(api, acct.headers)
    run_id = _start(api, acct.headers, migration_id).json()["run_id"]
    failed = wait_for_status(api, acct.headers, migration_id, run_id, "failed")
    assert set(failed) == {"run_id", "kind", "status", "created_at", "updated_at", "error"}
    assert "Nothing was imported" in failed["error"]
    assert "internal detail" not in failed["error"]
    assert api.get(f"/v1/migrations/{migration_id}/runs?status=active", headers=acct.headers).json() == {"run": None}


def test_every_status_change_is_put_on_the_event_bus(
    api: TestClient, account, double: StepDouble, stack: LocalStack
) -> None:  # type: ignore[no-untyped-def]
    # Given: a rule on Ferry's bus that forwards status changes to a queue
    sqs, events = stack.client("sqs"), stack.client("events")
    queue_url = sqs.create_queue(QueueName="run-status")["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    bus = get_settings().event_bus_name
    events.put_rule(
        Name="status", EventBusName=bus, EventPattern=json.dumps({"detail-type": ["ferry.run.status_changed"]})
    )
    events.put_targets(Rule="status", EventBusName=bus, Targets=[{"Id": "q", "Arn": queue_arn}])
    double.generate_outcome = lambda: StepOutcome(questions=[QUESTION])
    acct = account()
    migration_id = ready_migration(api, acct.headers)
    run_id = _start(api, acct.headers, migration_id).json()["run_id"]
    wait_for_status(api, acct.headers, migration_id, run_id, "blocked")
    answer = {"answers": [{"question_id": QUESTION.id, "custom": "Email"}]}
    assert (
        api.post(f"/v1/migrations/{migration_id}/runs/{run_id}/messages", json=answer, headers=acct.headers).status_code
        == 200
    )
    wait_for_status(api, acct.headers, migration_id, run_id, "awaiting_approval")
    # When: the queue is read
    seen: list[dict[str, Any]] = []

    def all_changes() -> bool:
        for message in sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10).get("Messages", []):
            seen.append(json.loads(message["Body"]))
        return len(seen) >= 5

    wait_for(all_changes, timeout=10, what="five status events")
    # Then: each change, in order, with the run's ids and kind
    transitions = [(e["detail"]["old_status"], e["detail"]["new_status"]) for e in seen]
    assert transitions == [
        ("", "queued"),
        ("queued", "running"),
        ("running", "blocked"),
        ("blocked", "running"),
        ("running", "awaiting_approval"),
    ]
    assert {e["source"] for e in seen} == {"ferry"}
    assert {(e["detail"]["run_id"], e["detail"]["migration_id"], e["detail"]["kind"]) for e in seen} == {
        (run_id, migration_id, "generate")
    }


def test_the_thread_long_polls_for_new_events(api: TestClient, account, double: StepDouble) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    migration_id = ready_migration(api, acct.headers)
    double.hold()
    run_id = _start(api, acct.headers, migration_id).json()["run_id"]
    assert double.entered.wait(20)
    url = f"/v1/migrations/{migration_id}/runs/{run_id}/thread"
    # Given: the events so far
    first = api.get(url, headers=acct.headers).json()
    assert [e["seq"] for e in first["events"]] == list(range(1, len(first["events"]) + 1))
    assert first["next_after"] == first["events"][-1]["seq"]
    # When: a client long-polls after them and the run moves on meanwhile
    with ThreadPoolExecutor(max_workers=1) as pool:
        polled = pool.submit(api.get, url, params={"after": first["next_after"], "wait": 15}, headers=acct.headers)
        double.release()
        body = polled.result(timeout=30).json()
    # Then: the poll answers with the new events only, and where to continue
    assert body["events"] and all(e["seq"] > first["next_after"] for e in body["events"])
    assert body["next_after"] == body["events"][-1]["seq"]
    # And: once the run is over, the SSE stream sends every event and ends
    wait_for_status(api, acct.headers, migration_id, run_id, "awaiting_approval")
    stream = api.get(url, headers={**acct.headers, "accept": "text/event-stream"})
    assert stream.status_code == 200 and stream.headers["content-type"].startswith("text/event-stream")
    ids = [int(line[4:]) for line in stream.text.splitlines() if line.startswith("id: ")]
    all_events = api.get(url, headers=acct.headers).json()["events"]
    assert ids == [e["seq"] for e in all_events]
    assert "event: status" in stream.text
    # And: Last-Event-ID resumes after the events already seen
    resumed = api.get(url, headers={**acct.headers, "accept": "text/event-stream", "last-event-id": str(ids[-2])})
    assert [int(line[4:]) for line in resumed.text.splitlines() if line.startswith("id: ")] == ids[-1:]


def _context(name: str) -> lambdas.LambdaContext:
    return lambdas.LambdaContext(
        function_name=name, invoked_function_arn=f"arn:aws:lambda:us-east-1:123456789012:function:{name}"
    )


def test_a_wait_nobody_answers_fails_the_run_and_frees_the_migration(  # type: ignore[no-untyped-def]
    api: TestClient, account, double: StepDouble, setting
) -> None:
    # Given: runs wait one second for answers
    setting("FERRY_RUN_ANSWER_TIMEOUT_SECONDS", "1")
    double.generate_outcome = lambda: StepOutcome(questions=[QUESTION])
    acct = account()
    migration_id = ready_migration(api, acct.headers)
    run_id = _start(api, acct.headers, migration_id).json()["run_id"]
    # When: nobody answers in time
    failed = wait_for_status(api, acct.headers, migration_id, run_id, "failed")
    # Then: the run failed saying so, a late answer is a 409, and the migration is free
    assert failed["error"].startswith("Nobody answered")
    late = {"answers": [{"question_id": QUESTION.id, "option_id": "opt_1"}]}
    assert (
        api.post(f"/v1/migrations/{migration_id}/runs/{run_id}/messages", json=late, headers=acct.headers).status_code
        == 409
    )
    assert api.get(f"/v1/migrations/{migration_id}/runs?status=active", headers=acct.headers).json() == {"run": None}
