"""Fault injection (issue 15 item 8): AWS calls made by a run's steps fail (throttling, a 500, provisioned
throughput exceeded) once or always, or the step is killed mid-write, on the real state machines and steps.

For every fault: the run ends `failed` with a plain error, or completes exactly once; nothing partial is
exported; the migration's (company's) active lock is freed; nothing is imported twice. The outcomes are
collected in MATRIX and printed at the end of the session (tests/integration/conftest.py).
"""

from __future__ import annotations

import csv
import io
import threading
import time
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import pytest
from botocore.exceptions import ClientError
from fastapi.testclient import TestClient
from moto.stepfunctions.parser.asl.component.common.retry import retrier_decl

from ferry.aws import clients
from ferry.core.config import get_settings
from ferry.runs import tasks
from local import lambdas
from local.stack import LocalStack
from tests.fakes import hubspot as hs
from tests.fakes.hubspot import FakeHubSpot
from tests.integration.imports_support import approved_migration, imports_url, post_import, read_csv, wait_for_import
from tests.integration.runs_support import CONTACTS, CSV, ready_migration, wait_for_status

# (fault, step, service.operation, outcome): printed by tests/integration/conftest.py
MATRIX: list[tuple[str, str, str, str]] = []

_STEP: ContextVar[str | None] = ContextVar("fault_injection_step", default=None)
_SERVICE_IDS = {"s3": "s3", "dynamodb": "dynamodb", "secretsmanager": "secrets-manager"}
PLAIN_LEAKS = ("Traceback", "ClientError", "botocore", "RuntimeError", "injected", "Exception", "InternalServerError")


@dataclass
class Fault:
    """Fails the `nth` call (and every later one when `always`) to one of `operations` made inside `step`."""

    name: str  # transient | persistent | kill
    service: str
    operations: tuple[str, ...]
    step: str
    error: str  # an AWS error code, or "kill" for a non-AWS exception
    nth: int = 1
    always: bool = False
    seen: int = 0
    fired: int = 0

    def __post_init__(self) -> None:
        self._lock = threading.Lock()

    @property
    def label(self) -> str:
        return f"{self.name} ({self.error}{', always' if self.always else ', once'})"

    @property
    def target(self) -> str:
        return f"{self.service} {'/'.join(self.operations)} #{self.nth}"

    def __call__(self, event_name: str, **_: Any) -> None:
        if event_name.rsplit(".", 1)[-1] not in self.operations or _STEP.get() != self.step:
            return
        with self._lock:
            self.seen += 1
            if self.seen < self.nth or (self.seen > self.nth and not self.always):
                return
            self.fired += 1
        if self.error == "kill":
            raise RuntimeError("worker killed mid-write (injected)")
        status = 500 if self.error == "InternalServerError" else 400
        error = {"Error": {"Code": self.error, "Message": "injected"}, "ResponseMetadata": {"HTTPStatusCode": status}}
        raise ClientError(error, event_name.rsplit(".", 1)[-1])  # type: ignore[arg-type]


class Injector:
    """Arms faults on the shared boto3 clients the steps use; knows which step is running (a ContextVar set
    around each task, so the API's own calls on the same clients are never hit)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self._armed: list[tuple[Any, str, Fault]] = []
        for name, task in list(tasks._TASKS.items()):
            monkeypatch.setitem(tasks._TASKS, name, self._wrap(name, task))

    @staticmethod
    def _wrap(name: str, task: tasks.Task) -> tasks.Task:
        def run(lc: Any, run: Any, event: dict[str, Any]) -> dict[str, Any]:
            token = _STEP.set(name)
            try:
                return task(lc, run, event)
            finally:
                _STEP.reset(token)

        return run

    def arm(self, fault: Fault) -> Fault:
        events = clients.client(fault.service).meta.events
        unique_id = f"fault-injection-{id(fault)}"
        events.register(f"before-call.{_SERVICE_IDS[fault.service]}", fault, unique_id=unique_id)
        self._armed.append((events, unique_id, fault))
        return fault

    def disarm(self) -> None:
        for events, unique_id, fault in self._armed:
            events.unregister(f"before-call.{_SERVICE_IDS[fault.service]}", unique_id=unique_id)
        self._armed.clear()


class _QuickRetries:
    """moto's Retry waits IntervalSeconds x BackoffRate^n for real (1+2+4+8 s for a persistent fault): here the
    same attempts, each wait cut to 20 ms."""

    @staticmethod
    def sleep(_seconds: float) -> None:
        time.sleep(0.02)


@pytest.fixture
def inject(stack: LocalStack, monkeypatch: pytest.MonkeyPatch) -> Iterator[Injector]:
    monkeypatch.setattr(retrier_decl, "time", _QuickRetries)
    injector = Injector(monkeypatch)
    yield injector
    injector.disarm()
    lambdas.drain()


def _record(fault: Fault, outcome: str) -> None:
    MATRIX.append((fault.label, fault.step, fault.target, outcome))


def _assert_plain(body: dict[str, Any]) -> None:
    assert body["status"] == "failed", body
    error = body["error"]
    assert isinstance(error, str) and error and "\n" not in error, error
    assert not any(leak in error for leak in PLAIN_LEAKS), error


def _expected_rows() -> list[dict[str, str]]:
    """The valid export of runs_support.CSV, independently of Ferry."""
    rows = csv.DictReader(io.StringIO(CSV.decode("utf-8"), newline=""))
    return [{"first_name": r["First Name"].strip(), "email": r["Email"].strip().lower()} for r in rows]


def _rows(body: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(body.decode("utf-8"), newline="")))


def _start(api: TestClient, headers: dict[str, str], migration_id: str, kind: str) -> str:
    response = api.post(f"/v1/migrations/{migration_id}/runs", json={"kind": kind}, headers=headers)
    assert response.status_code == 201, response.text  # a 409 would mean the lock was never freed
    return str(response.json()["run_id"])


def _no_active_run(api: TestClient, headers: dict[str, str], migration_id: str) -> None:
    active = api.get(f"/v1/migrations/{migration_id}/runs", params={"status": "active"}, headers=headers)
    assert active.json() == {"run": None}, active.text


def _staged_keys(stack: LocalStack, run_id: str) -> list[str]:
    s3 = stack.client("s3")
    keys: list[str] = []
    for prefix in (f"exports/{run_id}/", f"runs/{run_id}/output/"):
        keys += [o["Key"] for o in s3.list_objects_v2(Bucket=stack.bucket_name, Prefix=prefix).get("Contents", [])]
    return keys


def _assert_imported_once(api: TestClient, headers: dict[str, str], stack: LocalStack, mid: str, run: str) -> None:
    url = f"/v1/migrations/{mid}/runs/{run}/export"
    valid = api.get(url, headers=headers)
    assert valid.status_code == 200, valid.text
    assert _rows(valid.content) == _expected_rows()
    every = _rows(api.get(url, params={"filter": "all"}, headers=headers).content)
    assert sorted(int(r["_row"]) for r in every) == [1, 2]
    parts = [k for k in _staged_keys(stack, run) if k.endswith(".parquet")]
    assert [p.rsplit("/", 1)[-1] for p in parts] == ["part-00000.parquet"]


# ------------------------------------------------------------------------------------------ migration runs

S3_PUT = ("PutObject",)
DDB_WRITES = ("PutItem", "UpdateItem", "TransactWriteItems")


def _faults(step: str, service: str, ops: tuple[str, ...], nth: int, code: str, kill: bool) -> list[Fault]:
    out = [
        Fault("transient", service, ops, step, code, nth=nth),
        Fault("persistent", service, ops, step, code, nth=nth, always=True),
    ]
    if kill:
        out.append(Fault("kill", service, ops, step, "kill", nth=nth))
    return out


MIGRATION_FAULTS = [
    # execute: the engine's 2nd object (the first is already written) fails to upload
    *_faults("execute", "s3", S3_PUT, 2, "InternalServerError", kill=True),
    # commit: the run's completion (one transaction) is throttled; a kill reading the staged report
    *_faults("commit", "dynamodb", ("TransactWriteItems",), 1, "ProvisionedThroughputExceededException", kill=False),
    Fault("kill", "s3", ("GetObject",), "commit", "kill"),
    # generate: the step's DynamoDB writes (progress, thread)
    *_faults("generate", "dynamodb", DDB_WRITES, 1, "ProvisionedThroughputExceededException", kill=False),
    Fault("transient", "dynamodb", DDB_WRITES, "generate", "ThrottlingException", nth=2),
]


@pytest.mark.parametrize("fault", MIGRATION_FAULTS, ids=lambda f: f"{f.step}-{f.name}-{f.error}-{f.nth}")
def test_a_fault_in_a_migration_run(  # type: ignore[no-untyped-def]
    api: TestClient, account, stack: LocalStack, inject: Injector, fault: Fault
) -> None:
    acct = account()
    migration_id = ready_migration(api, acct.headers)
    kind = "generate" if fault.step == "generate" else "execute"
    if kind == "execute":
        preview = _start(api, acct.headers, migration_id, "generate")
        wait_for_status(api, acct.headers, migration_id, preview, "awaiting_approval")
    # When: the run meets the fault
    inject.arm(fault)
    run_id = _start(api, acct.headers, migration_id, kind)
    done_status = "awaiting_approval" if kind == "generate" else "completed"
    done = wait_for_status(api, acct.headers, migration_id, run_id, done_status, "failed", timeout=60)
    inject.disarm()
    assert fault.fired >= 1, f"the fault never fired ({fault.seen} matching calls)"
    # Then: a transient fault is retried and the run completes once; any other fails in plain words
    if fault.name == "transient":
        assert done["status"] == done_status, done
        assert fault.fired == 1
        thread = api.get(f"/v1/migrations/{migration_id}/runs/{run_id}/thread", headers=acct.headers).json()
        assert "Retrying (attempt 2 of 5)." in [e["text"] for e in thread["events"]]
        outcome = f"{done_status} after 1 retry"
    else:
        _assert_plain(done)
        if fault.name == "persistent":
            assert fault.fired == tasks.MAX_ATTEMPTS, fault  # every attempt met it, then the Catch
        outcome = f"failed: {done['error']}"
    # And: nothing partial is exported; the lock is free
    _no_active_run(api, acct.headers, migration_id)
    if kind == "execute":
        if done["status"] == "completed":
            _assert_imported_once(api, acct.headers, stack, migration_id, run_id)
        else:
            export = api.get(f"/v1/migrations/{migration_id}/runs/{run_id}/export", headers=acct.headers)
            assert export.status_code == 409, export.text
            assert _staged_keys(stack, run_id) == []
    # And: after a failure, the same run started again (no fault) completes once
    if done["status"] == "failed":
        again = _start(api, acct.headers, migration_id, kind)
        assert wait_for_status(api, acct.headers, migration_id, again, done_status, "failed")["status"] == done_status
        if kind == "execute":
            _assert_imported_once(api, acct.headers, stack, migration_id, again)
        outcome += "; a new run then completed once"
    _record(fault, outcome)


# ------------------------------------------------------------------------------------------ company imports

IMPORT_FAULTS = [
    # the approved patch writes round 1 part by part; the 2nd object fails
    *_faults("import_apply", "s3", S3_PUT, 2, "InternalServerError", kill=True),
    Fault("persistent", "dynamodb", DDB_WRITES, "import_apply", "ProvisionedThroughputExceededException", always=True),
]


@pytest.mark.parametrize("fault", IMPORT_FAULTS, ids=lambda f: f"{f.step}-{f.name}-{f.service}")
def test_a_fault_applying_an_approved_patch(  # type: ignore[no-untyped-def]
    api: TestClient, account, stack: LocalStack, inject: Injector, fault: Fault
) -> None:
    acct = account()
    migration_id, _ = approved_migration(api, acct.headers)
    created = post_import(api, acct.headers, "acme", "fault-1", migration_id=migration_id)
    assert created.status_code == 201, created.text
    run_id = created.json()["run_id"]
    parked = wait_for_import(api, acct.headers, "acme", run_id, "needs_attention", "completed", "failed")
    assert parked["status"] == "needs_attention", parked
    # When: the proposed patch is approved and applying it meets the fault
    inject.arm(fault)
    decided = api.post(imports_url("acme", run_id, "/decisions"), json={"decision": "approve"}, headers=acct.headers)
    assert decided.status_code == 200, decided.text
    done = wait_for_import(api, acct.headers, "acme", run_id, "completed", "failed", "needs_attention")
    inject.disarm()
    assert fault.fired >= 1, f"the fault never fired ({fault.seen} matching calls)"
    export = api.get(imports_url("acme", run_id, "/export"), headers=acct.headers)
    if fault.name == "transient":
        # Then: retried, the patch applied once (round 1 from round 0), every kept row exported once
        assert done["status"] == "completed", done
        (decision,) = done["decisions"]
        assert decision["result"]["rowsDeleted"] == 3, decision
        assert done["report"]["totalRows"] == 1000 - 3
        assert export.status_code == 200, export.text
        rows = read_csv(export.content)
        assert len(rows) == 997 and len({r["email"] for r in rows}) == 997
        outcome = "completed after 1 retry"
    else:
        # Then: failed in plain words, nothing exported, no round left behind
        _assert_plain(done)
        assert export.status_code == 409, export.text
        s3 = stack.client("s3")
        for prefix in (f"runs/{run_id}/rounds/", f"exports/{run_id}/"):
            assert s3.list_objects_v2(Bucket=stack.bucket_name, Prefix=prefix).get("KeyCount", 0) == 0, prefix
        outcome = f"failed: {done['error']}"
    # And: the company is free
    active = api.get(imports_url("acme"), params={"status": "active"}, headers=acct.headers).json()
    assert active == {"run": None}, active
    _record(fault, outcome)


# ------------------------------------------------------------------------------------------ extraction


@pytest.fixture
def fake_hubspot(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeHubSpot]:
    monkeypatch.setenv("FERRY_ALLOW_PRIVATE_HOSTS", "1")  # the fake listens on 127.0.0.1
    get_settings.cache_clear()
    fake = FakeHubSpot({"contacts": [hs.contact(i) for i in range(3)]}, page_size=2)
    fake.server.start()
    yield fake
    fake.server.stop()
    lambdas.drain()
    monkeypatch.undo()
    get_settings.cache_clear()


EXTRACTION_FAULTS = [
    # the stored credentials are read from Secrets Manager
    *_faults("resume", "secretsmanager", ("GetSecretValue",), 1, "ThrottlingException", kill=False),
    # the extracted records are written to Ferry's bucket
    *_faults("resume", "s3", S3_PUT, 1, "InternalServerError", kill=True),
]


@pytest.mark.parametrize("fault", EXTRACTION_FAULTS, ids=lambda f: f"extract-{f.name}-{f.service}")
def test_a_fault_extracting_from_a_connection(  # type: ignore[no-untyped-def]
    api: TestClient, account, inject: Injector, fake_hubspot: FakeHubSpot, fault: Fault
) -> None:
    acct = account()
    body = {"name": "From HubSpot", "templates": [CONTACTS]}
    migration_id = api.post("/v1/migrations", json=body, headers=acct.headers).json()["migration_id"]
    connection = {"source_key": "hubspot", "config": {"base_url": fake_hubspot.server.url}}
    made = api.post(f"/v1/migrations/{migration_id}/connection", json=connection, headers=acct.headers)
    assert made.status_code == 201, made.text
    started = api.post(
        f"/v1/migrations/{migration_id}/runs", json={"kind": "generate", "extract_via_api": True}, headers=acct.headers
    )
    run_id = started.json()["run_id"]
    assert wait_for_status(api, acct.headers, migration_id, run_id, "blocked", "failed")["status"] == "blocked"
    # When: the credentials arrive and the resumed extraction meets the fault
    inject.arm(fault)
    url = f"/v1/migrations/{migration_id}/runs/{run_id}/credentials"
    resumed = api.post(url, json={"credentials": {"access_token": hs.GOOD_TOKEN}}, headers=acct.headers)
    assert resumed.status_code == 200, resumed.text
    done = wait_for_status(api, acct.headers, migration_id, run_id, "awaiting_approval", "failed", "blocked")
    inject.disarm()
    lambdas.drain()  # the extracted file's ingestion
    assert fault.fired >= 1, f"the fault never fired ({fault.seen} matching calls)"
    files = api.get(f"/v1/migrations/{migration_id}/files", headers=acct.headers).json()["files"]
    if fault.name == "transient":
        # Then: retried, one extracted file, its three contacts once
        assert done["status"] == "awaiting_approval", done
        assert [(f["filename"], f["status"]) for f in files] == [("hubspot-contacts.csv", "ready")]
        (sheet,) = api.get(f"/v1/migrations/{migration_id}/preview", headers=acct.headers).json()["sheets"]
        assert sheet["rowCount"] == 3
        outcome = "awaiting_approval after 1 retry"
    else:
        _assert_plain(done)
        assert files == [], files  # no phantom file left from the failed upload
        outcome = f"failed: {done['error']}"
    _no_active_run(api, acct.headers, migration_id)
    _record(fault, outcome)
