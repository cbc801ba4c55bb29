"""Fuzz the API's own OpenAPI document (/openapi.json) against `make run`'s server with schemathesis.

Every operation gets a few generated requests, valid ones (positive) and ones that break the schema (negative),
with path ids both made up and real (a seeded migration, file and run, so the handlers behind the 404 are
reached too). Each response must not be a server error (5xx), must have a documented status code and must match
its documented schema. The budget is small (a few examples per operation) and the generation derandomized with
no example database, so the same requests are sent on every run: CI cannot flake on a new draw.

The fuzzer uses its own account (acct_fuzz) so what it creates and deletes never shows in the other tests'."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from tests.e2e.conftest import LocalServer
from tests.helpers import person_template, wait_for

pytestmark = pytest.mark.e2e

ACCOUNT = "acct_fuzz"
MAX_EXAMPLES = 8  # per operation and pass: 34 operations x 3 passes stays well under a minute on 2 cores
CHECKS: list[Callable[..., Any]] = [not_a_server_error, status_code_conformance, response_schema_conformance]
CSV = b"first_name,email\nAda,ada@example.com\nBob,bob@example.com\n"


def _seed(client: httpx.Client) -> dict[str, str]:
    """A migration with one ingested file and a run: real ids for the path parameters."""
    template = person_template("Contacts", "contacts")
    created = client.post("/v1/migrations", json={"name": "Fuzzed", "templates": [template]})
    assert created.status_code == 201, created.text
    migration_id = created.json()["migration_id"]
    file = client.post(f"/v1/migrations/{migration_id}/files", json={"filename": "c.csv", "size": len(CSV)})
    assert file.status_code == 201, file.text
    file_id, upload = file.json()["file_id"], file.json()["upload"]
    put = httpx.request(upload["method"], upload["url"], content=CSV, headers=upload.get("headers") or {})
    assert put.status_code in (200, 204), put.text

    def ingested() -> bool:
        return bool(client.get(f"/v1/migrations/{migration_id}/files/{file_id}").json()["status"] == "ready")

    wait_for(ingested, timeout=60, what="the seeded file to be ingested")
    run = client.post(f"/v1/migrations/{migration_id}/runs", json={"kind": "generate"})
    assert run.status_code == 201, run.text
    return {"migration_id": migration_id, "file_id": file_id, "run_id": run.json()["run_id"]}


def test_every_operation_answers_documented_statuses_and_shapes_and_never_a_5xx(server: LocalServer) -> None:
    headers = server.headers(ACCOUNT)
    with httpx.Client(base_url=server.base_url, headers=headers, timeout=30) as client:
        real_ids = _seed(client)
    schema = schemathesis.openapi.from_url(f"{server.base_url}/openapi.json")
    failures: list[str] = []
    sent = 0

    def fuzz(operation: Any, mode: GenerationMode, use_real_ids: bool) -> None:
        @settings(
            max_examples=MAX_EXAMPLES,
            derandomize=True,
            database=None,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy(generation_mode=mode))
        def one(case: Any) -> None:
            nonlocal sent
            # Real ids everywhere but DELETE: deleting the seeded migration would turn every later request into a 404.
            if use_real_ids and case.method != "DELETE":
                for name in list(case.path_parameters or {}):
                    if name in real_ids:
                        case.path_parameters[name] = real_ids[name]
            for _ in range(20):  # the local server throttles per key like API Gateway's usage plan: wait it out
                response = case.call(base_url=server.base_url, headers=headers, timeout=60)
                if response.status_code != 429:
                    break
                time.sleep(float(response.headers.get("Retry-After", "1")))
            sent += 1
            try:
                case.validate_response(response, checks=CHECKS)
            except FailureGroup as found:  # every check's failures are collected and reported below
                kinds = ", ".join(f"{type(f).__name__}: {f.title}" for f in found.exceptions)
                failures.append(
                    f"{operation.label} [{mode.value}{', real ids' if use_real_ids else ''}] -> "
                    f"{response.status_code}: {kinds}\n  request: {case.method} {case.formatted_path} "
                    f"query={case.query} body={str(case.body)[:300]}\n  response: {response.text[:300]}"
                )

        # Unsatisfiable: e.g. no request to /v1/health can break its schema (it takes no parameters)
        with contextlib.suppress(Unsatisfiable):
            one()

    for result in schema.get_all_operations():
        operation = result.ok()
        fuzz(operation, GenerationMode.POSITIVE, use_real_ids=False)
        fuzz(operation, GenerationMode.POSITIVE, use_real_ids=True)
        fuzz(operation, GenerationMode.NEGATIVE, use_real_ids=True)

    assert sent > 300, f"only {sent} requests were sent"
    assert not failures, f"{len(failures)} of {sent} responses failed:\n" + "\n".join(failures[:20])
