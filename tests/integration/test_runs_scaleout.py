"""A large execute scales out on the real state machine: above FERRY_CHUNK_ROWS the file is split into parts at
record boundaries, each part is checked by its own Lambda in a Distributed Map (moto's interpreter, ItemReader
over the chunk manifest in S3), and a reduce decides dedup and unique across the parts before one commit.

The file is small (5,000 rows, parts of ~800) so the suite stays fast; bench/engine/chunked.py runs 3M rows.
"""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from moto.stepfunctions.parser.asl.component.common.retry import retrier_decl

from ferry.core.outcomes import TransientStepError
from ferry.runs import tasks
from local import lambdas
from local.stack import LocalStack
from tests.integration.runs_support import wait_for_status
from tests.integration.uploads import upload_and_wait

CUSTOMERS: dict[str, Any] = {
    "name": "Customers",
    "sheet_id": "customers",
    "fields": [
        {"key": "first_name", "type": "string", "required": True},
        {"key": "email", "type": "email"},
        {"key": "customer_id", "type": "string", "unique": True},
    ],
}
ROWS = 5_000
CHUNK_ROWS = "800"


def _csv() -> bytes:
    """5,000 customers: every 7th repeats the email of a row ~2,000 rows earlier (another part: dedup must see
    it), every 11th the customer id of a row ~1,500 rows earlier (unique), some notes hold quoted line
    breaks and commas, names carry accents (multibyte UTF-8), some first names are blank (invalid)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["First Name", "Email", "Customer ID", "Notes"])
    for i in range(ROWS):
        email = f"user{i - 2000 if i % 7 == 0 and i >= 2000 else i}@example.com"
        customer = f"C{i - 1500 if i % 11 == 0 and i >= 1500 else i:05d}"
        name = "" if i % 97 == 0 else ("Zoë" if i % 3 else "Ángel") + f" {i}"
        notes = f'line one\nline two, {i}\n"quoted"' if i % 5 == 0 else f"note {i}"
        writer.writerow([name, email.upper() if i % 13 == 0 else email, customer, notes])
    return out.getvalue().encode("utf-8")


def run_preview(api: TestClient, headers: dict[str, str], migration_id: str) -> list[dict[str, Any]]:
    mappings: list[dict[str, Any]] = api.get(f"/v1/migrations/{migration_id}/preview", headers=headers).json()[
        "mappings"
    ]
    return mappings


def _run(api: TestClient, headers: dict[str, str], migration_id: str, **body: object) -> str:
    response = api.post(f"/v1/migrations/{migration_id}/runs", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return str(response.json()["run_id"])


def _settle(api: TestClient, headers: dict[str, str], migration_id: str, run_id: str) -> dict[str, Any]:
    statuses = ("awaiting_approval", "completed", "failed", "blocked")
    return wait_for_status(api, headers, migration_id, run_id, *statuses, timeout=120)


def _texts(api: TestClient, headers: dict[str, str], migration_id: str, run_id: str) -> list[str]:
    thread = api.get(f"/v1/migrations/{migration_id}/runs/{run_id}/thread", headers=headers).json()
    return [e["text"] for e in thread["events"]]


def _exports(api: TestClient, headers: dict[str, str], migration_id: str, run_id: str) -> dict[str, bytes]:
    url = f"/v1/migrations/{migration_id}/runs/{run_id}/export"
    out = {}
    for name in ("valid", "invalid", "all"):
        response = api.get(url, params={"filter": name}, headers=headers)
        assert response.status_code == 200, response.text
        out[name] = response.content
    return out


def _staged_keys(stack: LocalStack, run_id: str) -> list[str]:
    s3 = stack.client("s3")
    keys: list[str] = []
    for prefix in (f"exports/{run_id}/", f"runs/{run_id}/output/", f"runs/{run_id}/chunks/"):
        keys += [o["Key"] for o in s3.list_objects_v2(Bucket=stack.bucket_name, Prefix=prefix).get("Contents", [])]
    return keys


def _map_runs(stack: LocalStack, run_id: str) -> list[dict[str, Any]]:
    sfn = stack.client("stepfunctions")
    (machine,) = [m for m in sfn.list_state_machines()["stateMachines"] if m["name"] == "RunStateMachine"]
    execution = f"{machine['stateMachineArn'].replace(':stateMachine:', ':execution:')}:{run_id}"
    return list(sfn.list_map_runs(executionArn=execution)["mapRuns"])


def _failure_history(stack: LocalStack, run_id: str) -> list[Any]:
    sfn = stack.client("stepfunctions")
    (machine,) = [m for m in sfn.list_state_machines()["stateMachines"] if m["name"] == "RunStateMachine"]
    execution = f"{machine['stateMachineArn'].replace(':stateMachine:', ':execution:')}:{run_id}"
    events = sfn.get_execution_history(executionArn=execution, maxResults=1000)["events"]
    return [{k: v for k, v in e.items() if k.endswith("Details")} for e in events if "Fail" in e["type"]]


@pytest.fixture
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """moto waits a Retry's intervals for real; the same attempts, each wait cut to 20 ms."""

    class Quick:
        @staticmethod
        def sleep(_seconds: float) -> None:
            time.sleep(0.02)

    monkeypatch.setattr(retrier_decl, "time", Quick)
    yield
    lambdas.drain()


@pytest.fixture
def deduplicated(api: TestClient, account):  # type: ignore[no-untyped-def]
    """A migration of the customers file, previewed, with dedup by email asked for in plain words."""
    acct = account()
    created = api.post("/v1/migrations", json={"name": "Customers", "templates": [CUSTOMERS]}, headers=acct.headers)
    migration_id = created.json()["migration_id"]
    file = upload_and_wait(api, acct.headers, migration_id, "customers.csv", _csv())
    assert file["status"] == "ready", file
    generate = _run(api, acct.headers, migration_id, kind="generate")
    while (run := _settle(api, acct.headers, migration_id, generate))["status"] == "blocked":
        answers = [{"question_id": q["id"], "option_id": q["options"][0]["id"]} for q in run["questions"]]
        url = f"/v1/migrations/{migration_id}/runs/{generate}/messages"
        assert api.post(url, json={"answers": answers}, headers=acct.headers).status_code == 200
    assert run["status"] == "awaiting_approval", run
    sources = {m["field"]: (m["source"] or {}).get("column") for m in run_preview(api, acct.headers, migration_id)}
    assert sources == {"first_name": "First Name", "email": "Email", "customer_id": "Customer ID"}, sources
    update = _run(api, acct.headers, migration_id, kind="update", message="each email should appear only once")
    assert _settle(api, acct.headers, migration_id, update)["status"] == "awaiting_approval"
    recipe = api.get(f"/v1/migrations/{migration_id}/preview", headers=acct.headers).json()["recipe"]
    assert recipe["templates"][0]["dedup"]["keys"] == ["email"], recipe
    return acct, migration_id


def test_a_large_execute_runs_as_parts_and_imports_what_one_invocation_would(  # type: ignore[no-untyped-def]
    api: TestClient, stack: LocalStack, deduplicated, setting
) -> None:
    acct, migration_id = deduplicated
    h = acct.headers
    # Given: the same preview executed in one invocation (the default threshold is far above 5,000 rows)
    single = _run(api, h, migration_id, kind="execute")
    done_single = _settle(api, h, migration_id, single)
    assert done_single["status"] == "completed", done_single
    assert _map_runs(stack, single) == []
    # When: executed again with parts of ~800 rows
    setting("FERRY_CHUNK_ROWS", CHUNK_ROWS)
    chunked = _run(api, h, migration_id, kind="execute")
    done = _settle(api, h, migration_id, chunked)
    # Then: it completed through a Distributed Map of at least 6 items, with the right totals
    assert done["status"] == "completed", (done, _failure_history(stack, chunked))
    counts = [
        stack.client("stepfunctions").describe_map_run(mapRunArn=m["mapRunArn"])["itemCounts"]
        for m in _map_runs(stack, chunked)
    ]
    assert len(counts) == 2  # stage 1 per part, then stage 3 per part
    parts = counts[0]["total"]
    assert parts >= 6 and all(c["total"] == c["succeeded"] == parts for c in counts), counts
    assert done["report"]["totalRows"] == done_single["report"]["totalRows"]
    assert done["report"] == done_single["report"]
    # And: the exports are byte for byte those of the single invocation (dedup and unique across parts)
    exports, expected = _exports(api, h, migration_id, chunked), _exports(api, h, migration_id, single)
    assert exports["valid"] == expected["valid"]
    assert exports["invalid"] == expected["invalid"] and exports["all"] == expected["all"]
    every = list(csv.DictReader(io.StringIO(exports["all"].decode("utf-8"), newline="")))
    emails = [r["email"] for r in every]
    assert len(emails) == len(set(emails)) < ROWS  # duplicates from other parts were dropped
    assert any(r["_errors"] == "customer_id: unique" for r in every)  # a repeat found in an earlier part
    assert sorted(int(r["_row"]) for r in every) == [int(r["_row"]) for r in every]  # source order, global rows
    # And: the thread names the parts, and nothing of them is left once committed
    texts = _texts(api, h, migration_id, chunked)
    assert {f"Checked part {n} of {parts}." for n in range(1, parts + 1)} <= set(texts)
    assert {f"Wrote part {n} of {parts}." for n in range(1, parts + 1)} <= set(texts)
    assert f"Saving the import: {done['report']['totalRows']:,} rows." in texts
    assert [k for k in _staged_keys(stack, chunked) if "/chunks/" in k] == []


@pytest.mark.parametrize("step", ["check_part", "write_part"])
def test_a_part_failing_every_retry_fails_the_run_with_nothing_imported(  # type: ignore[no-untyped-def]
    api: TestClient,
    stack: LocalStack,
    deduplicated,
    setting,
    quick_retries,
    monkeypatch: pytest.MonkeyPatch,
    step: str,
) -> None:
    acct, migration_id = deduplicated
    h = acct.headers
    setting("FERRY_CHUNK_ROWS", CHUNK_ROWS)
    attempts: list[int] = []
    task = tasks._TASKS[step]

    def third_part_always_fails(lc: Any, run: Any, event: dict[str, Any]) -> dict[str, Any]:
        if event["part"]["index"] == 2:
            attempts.append(int(event.get("attempt") or 0))
            raise TransientStepError("SlowDown")
        return task(lc, run, event)

    monkeypatch.setitem(tasks._TASKS, step, third_part_always_fails)
    # When: the third part fails on every attempt (checking it, or writing it while the others write theirs)
    run_id = _run(api, h, migration_id, kind="execute")
    done = _settle(api, h, migration_id, run_id)
    # Then: the run failed in plain words after every retry, and nothing was imported
    assert attempts == list(range(tasks.MAX_ATTEMPTS)), attempts
    assert done["status"] == "failed", done
    assert "Nothing was imported" in done["error"] and "Traceback" not in done["error"], done["error"]
    assert done.get("report") in (None, {})
    export = api.get(f"/v1/migrations/{migration_id}/runs/{run_id}/export", headers=h)
    assert export.status_code == 409, export.text
    assert _staged_keys(stack, run_id) == []  # the other parts' output rows and fragments were dropped too
    # And: the lock is free: the same execute, without the fault, completes with every row
    monkeypatch.setitem(tasks._TASKS, step, task)
    again = _run(api, h, migration_id, kind="execute")
    assert _settle(api, h, migration_id, again)["status"] == "completed"
