"""Generate runs that extract from a connection (`extract_via_api`), on the real state machine and steps.

A connection without credentials parks the run `blocked` on a credential request (the same wait as
questions); POST .../credentials checks and stores them and resumes the run exactly once; the resumed step
extracts, ingests the streams as ready files and plans the preview from them. Bookmarks only move when an
execute commits. No secret reaches a response, a thread event, a run item, an object or a log line.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import secrets
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from fastapi.testclient import TestClient

from ferry.connections.connectors import http
from ferry.core.config import get_settings
from ferry.core.ids import new_id
from ferry.core.observability import logger
from local import lambdas
from local.stack import LocalStack
from tests.fakes import hubspot as hs
from tests.fakes import salesforce as sf
from tests.fakes.hubspot import FakeHubSpot
from tests.fakes.salesforce import FakeSalesforce
from tests.fakes.server import Reply, Seen
from tests.integration.runs_support import CONTACTS, ready_migration, run_status, wait_for_status
from tests.integration.test_connections_api import _Capture, _table_items
from tests.integration.test_postgres_connector import READER, postgres_server  # noqa: F401 (fixture)

CUSTOMER_BUCKET = "customer-exports"
ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"
S3_FIELDS = ["aws_access_key_id", "aws_secret_access_key"]


@pytest.fixture(autouse=True)
def _private_hosts_allowed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The fake servers and moto listen on 127.0.0.1: local testing turns the SSRF guard off."""
    monkeypatch.setenv("FERRY_ALLOW_PRIVATE_HOSTS", "1")
    get_settings.cache_clear()
    yield
    lambdas.drain()  # extracted files' upload events are ingested asynchronously too
    get_settings.cache_clear()


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The HTTP client's retry pauses, recorded instead of slept."""
    recorded: list[float] = []
    monkeypatch.setattr(http, "sleep", recorded.append)
    return recorded


class _PageTwoRateLimited(FakeHubSpot):
    """HubSpot that answers 429 (Retry-After: 1) once, to the request for the second page."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limited = False

    def route(self, seen: Seen) -> Reply:
        if seen.query.get("after") == ["2"] and not self.limited:
            self.limited = True
            return Reply(429, {"status": "error", "errorType": "RATE_LIMIT"}, {"Retry-After": "1"})
        return super().route(seen)


@pytest.fixture
def fake_hubspot() -> Iterator[_PageTwoRateLimited]:
    fake = _PageTwoRateLimited({"contacts": [hs.contact(i) for i in range(5)]}, page_size=2)
    fake.server.start()
    yield fake
    fake.server.stop()


def _customer_bucket(stack: LocalStack) -> None:
    s3 = stack.client("s3")
    s3.create_bucket(Bucket=CUSTOMER_BUCKET)
    body = b"First Name,Email\nAda,ada@example.com\nGrace,grace@example.com\nAlan,alan@example.com\n"
    s3.put_object(Bucket=CUSTOMER_BUCKET, Key="crm/contacts.csv", Body=body)


def _migration_with_connection(api: TestClient, headers: dict[str, str], connection: dict[str, Any]) -> str:
    created = api.post("/v1/migrations", json={"name": "From the source", "templates": [CONTACTS]}, headers=headers)
    assert created.status_code == 201, created.text
    migration_id = str(created.json()["migration_id"])
    made = api.post(f"/v1/migrations/{migration_id}/connection", json=connection, headers=headers)
    assert made.status_code == 201, made.text
    assert made.json()["creds_configured"] is False
    return migration_id


def _start_extraction(api: TestClient, headers: dict[str, str], migration_id: str) -> str:
    started = api.post(
        f"/v1/migrations/{migration_id}/runs", json={"kind": "generate", "extract_via_api": True}, headers=headers
    )
    assert started.status_code == 201, started.text
    return str(started.json()["run_id"])


def _secret_names(stack: LocalStack) -> list[str]:
    return [s["Name"] for s in stack.client("secretsmanager").list_secrets()["SecretList"]]


def _execute(api: TestClient, headers: dict[str, str], migration_id: str) -> list[dict[str, str]]:
    """Execute the current preview to `completed`; the rows of its valid export."""
    started = api.post(f"/v1/migrations/{migration_id}/runs", json={"kind": "execute"}, headers=headers)
    assert started.status_code == 201, started.text
    run_id = started.json()["run_id"]
    completed = wait_for_status(api, headers, migration_id, run_id, "completed", "failed", timeout=60)
    assert completed["status"] == "completed", completed
    export = api.get(f"/v1/migrations/{migration_id}/runs/{run_id}/export", headers=headers)
    assert export.status_code == 200, export.text
    rows = list(csv.DictReader(io.StringIO(export.text, newline="")))
    assert completed["report"]["totalRows"] - completed["report"]["invalidCellCount"] == len(rows)
    return rows


def _thread(api: TestClient, headers: dict[str, str], migration_id: str, run_id: str) -> list[dict[str, Any]]:
    page = api.get(f"/v1/migrations/{migration_id}/runs/{run_id}/thread", headers=headers)
    assert page.status_code == 200, page.text
    events: list[dict[str, Any]] = page.json()["events"]
    return events


# ------------------------------------------------------------------------------------------ S3


def test_s3_extraction_asks_for_credentials_then_previews_the_extracted_file(  # type: ignore[no-untyped-def]
    api: TestClient, account, stack: LocalStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given: a migration with no files, and an S3 connection to a customer bucket holding a CSV, no credentials
    acct = account()
    _customer_bucket(stack)
    migration_id = _migration_with_connection(
        api, acct.headers, {"source_key": "s3", "config": {"bucket": CUSTOMER_BUCKET, "prefix": "crm/"}}
    )
    connection_id = api.get(f"/v1/migrations/{migration_id}/connection", headers=acct.headers).json()["connection_id"]
    # When: a generate run extracts from it
    run_id = _start_extraction(api, acct.headers, migration_id)
    blocked = wait_for_status(api, acct.headers, migration_id, run_id, "blocked", "failed")
    # Then: the run is blocked on a credential request naming the fields, and nothing else
    assert blocked["status"] == "blocked", blocked
    assert set(blocked) == {"run_id", "kind", "status", "created_at", "updated_at", "credential_request"}
    assert blocked["credential_request"] == {"connection_id": connection_id, "source_key": "s3", "fields": S3_FIELDS}
    url = f"/v1/migrations/{migration_id}/runs/{run_id}/credentials"
    # And: answers are not what it waits for
    answers = api.post(
        f"/v1/migrations/{migration_id}/runs/{run_id}/messages", json={"answers": []}, headers=acct.headers
    )
    assert answers.status_code == 409 and answers.json()["error"]["code"] == "run_not_blocked"

    # When: invalid credentials, another connection's id, or unknown body fields are sent
    wrong = {"credentials": {"aws_access_key_id": "not a key", "aws_secret_access_key": "s3cr3t"}}
    for body, param in (
        (wrong, "credentials.aws_access_key_id"),
        ({"credentials": {"aws_access_key_id": ACCESS_KEY_ID}}, "credentials.aws_secret_access_key"),
        ({"connection_id": new_id("conn"), "credentials": {}}, "connection_id"),
        ({"credentials": {}, "colour": "red"}, "colour"),
        ({"connection_id": connection_id}, "credentials"),
    ):
        refused = api.post(url, json=body, headers=acct.headers)
        # Then: 400 naming the field, the run stays blocked and nothing is stored
        assert refused.status_code == 400, refused.text
        assert refused.json()["error"]["param"] == param
    assert run_status(api, acct.headers, migration_id, run_id)["status"] == "blocked"
    assert _secret_names(stack) == []
    # And: other accounts get 404, no key 401
    right = {
        "connection_id": connection_id,
        "credentials": {"aws_access_key_id": ACCESS_KEY_ID, "aws_secret_access_key": "s3cr3t"},
    }
    assert api.post(url, json=right, headers=account().headers).status_code == 404
    assert api.post(url, json=right).status_code == 401

    # When: the right credentials are sent
    resumed = api.post(url, json=right, headers=acct.headers)
    # Then: stored, the run resumes, extracts the file and stops at a preview built from it
    assert resumed.status_code == 200, resumed.text
    assert resumed.json()["status"] in ("running", "awaiting_approval")
    assert _secret_names(stack) == [f"ferry/connections/{connection_id}"]
    done = wait_for_status(api, acct.headers, migration_id, run_id, "awaiting_approval", "failed", "blocked")
    assert done["status"] == "awaiting_approval", done
    (file,) = api.get(f"/v1/migrations/{migration_id}/files", headers=acct.headers).json()["files"]
    assert file["filename"] == "contacts.csv" and file["status"] == "ready"
    preview = api.get(f"/v1/migrations/{migration_id}/preview", headers=acct.headers).json()
    sources = {m["field"]: m["source"] for m in preview["mappings"]}
    assert sources["email"] == {
        "file_id": file["file_id"],
        "sheet_id": file["sheets"][0]["sheet_id"],
        "column": "Email",
    }
    assert sources["first_name"]["column"] == "First Name"
    (sheet,) = preview["sheets"]
    assert sheet["rowCount"] == 3 and sheet["rows"][0] == {"first_name": "Ada", "email": "ada@example.com"}
    # And: the thread tells the story
    texts = [e["text"] for e in _thread(api, acct.headers, migration_id, run_id)]
    assert "The s3 connection needs credentials: aws_access_key_id, aws_secret_access_key." in texts
    assert "Credentials for the s3 connection were stored." in texts
    assert "Extracting contacts.csv from Amazon S3." in texts
    # And: a second answer is a 409
    again = api.post(url, json=right, headers=acct.headers)
    assert again.status_code == 409 and again.json()["error"]["code"] == "run_not_blocked"

    # When: the extracted data is executed
    connection = api.get(f"/v1/migrations/{migration_id}/connection", headers=acct.headers).json()
    assert connection["state"] == {}, "bookmarks wait for the import to commit"
    rows = _execute(api, acct.headers, migration_id)
    # Then: the three contacts are imported, and the connection's bookmarks advance to the extraction's
    assert [r["email"] for r in rows] == ["ada@example.com", "grace@example.com", "alan@example.com"]
    state = api.get(f"/v1/migrations/{migration_id}/connection", headers=acct.headers).json()["state"]
    assert set(state) == {"contacts.csv"} and state["contacts.csv"]["cursor"]


def test_two_credential_answers_at_once_resume_the_run_once(api: TestClient, account, stack: LocalStack) -> None:  # type: ignore[no-untyped-def]
    # Given: a run blocked on the S3 connection's credentials
    acct = account()
    _customer_bucket(stack)
    migration_id = _migration_with_connection(
        api, acct.headers, {"source_key": "s3", "config": {"bucket": CUSTOMER_BUCKET, "prefix": "crm/"}}
    )
    run_id = _start_extraction(api, acct.headers, migration_id)
    wait_for_status(api, acct.headers, migration_id, run_id, "blocked", "failed")
    body = {"credentials": {"aws_access_key_id": ACCESS_KEY_ID, "aws_secret_access_key": "s3cr3t"}}
    barrier = threading.Barrier(2)

    def answer(_: int) -> Any:
        barrier.wait()
        return api.post(f"/v1/migrations/{migration_id}/runs/{run_id}/credentials", json=body, headers=acct.headers)

    # When: two clients send the credentials at the same moment
    with ThreadPoolExecutor(max_workers=2) as pool:
        answers = list(pool.map(answer, range(2)))
    # Then: one resumes the run, the other is a 409; the run extracts once and reaches its preview
    assert sorted(a.status_code for a in answers) == [200, 409]
    done = wait_for_status(api, acct.headers, migration_id, run_id, "awaiting_approval", "failed")
    assert done["status"] == "awaiting_approval", done
    files = api.get(f"/v1/migrations/{migration_id}/files", headers=acct.headers).json()["files"]
    assert [f["filename"] for f in files] == ["contacts.csv"]
    resumed = [e for e in _thread(api, acct.headers, migration_id, run_id) if e["type"] == "credentials"]
    assert len(resumed) == 1


def test_extract_via_api_needs_a_connection_or_a_ready_file(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    body = {"name": "Nothing yet", "templates": [CONTACTS]}
    migration_id = api.post("/v1/migrations", json=body, headers=acct.headers).json()["migration_id"]
    started = api.post(
        f"/v1/migrations/{migration_id}/runs", json={"kind": "generate", "extract_via_api": True}, headers=acct.headers
    )
    assert started.status_code == 400
    assert started.json()["error"] == {
        "code": "no_ready_files",
        "message": "This migration has no connection to extract from and no ready files.",
    }


def test_credentials_for_a_run_not_waiting_for_them_are_a_409(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    # Given: a run that is not waiting for credentials (it finished at a preview)
    acct = account()
    migration_id = ready_migration(api, acct.headers)
    run_id = api.post(f"/v1/migrations/{migration_id}/runs", json={"kind": "generate"}, headers=acct.headers).json()[
        "run_id"
    ]
    wait_for_status(api, acct.headers, migration_id, run_id, "awaiting_approval", "failed")
    answer = api.post(
        f"/v1/migrations/{migration_id}/runs/{run_id}/credentials",
        json={"credentials": {"access_token": "x"}},
        headers=acct.headers,
    )
    assert answer.status_code == 409
    assert answer.json()["error"]["message"] == "The run is awaiting approval, not waiting for credentials."


# ------------------------------------------------------------------------------------------ HubSpot


def test_hubspot_extraction_pages_through_a_rate_limit_after_the_credentials(  # type: ignore[no-untyped-def]
    api: TestClient, account, stack: LocalStack, fake_hubspot: _PageTwoRateLimited, waits: list[float]
) -> None:
    # Given: a HubSpot connection without credentials; 5 contacts in pages of 2; page 2 is rate-limited once
    acct = account()
    migration_id = _migration_with_connection(
        api, acct.headers, {"source_key": "hubspot", "config": {"base_url": fake_hubspot.server.url}}
    )
    run_id = _start_extraction(api, acct.headers, migration_id)
    blocked = wait_for_status(api, acct.headers, migration_id, run_id, "blocked", "failed")
    assert blocked["credential_request"]["source_key"] == "hubspot"
    assert blocked["credential_request"]["fields"] == ["access_token"]
    url = f"/v1/migrations/{migration_id}/runs/{run_id}/credentials"
    # When: HubSpot refuses the token
    refused = api.post(url, json={"credentials": {"access_token": "pat-expired"}}, headers=acct.headers)
    # Then: a plain 400, still blocked, nothing stored
    assert refused.status_code == 400
    assert refused.json()["error"] == {
        "code": "credentials_rejected",
        "message": "HubSpot rejected the credentials (HTTP 401).",
    }
    assert run_status(api, acct.headers, migration_id, run_id)["status"] == "blocked"
    assert _secret_names(stack) == []
    # When: the good token is sent
    resumed = api.post(url, json={"credentials": {"access_token": hs.GOOD_TOKEN}}, headers=acct.headers)
    assert resumed.status_code == 200, resumed.text
    done = wait_for_status(api, acct.headers, migration_id, run_id, "awaiting_approval", "failed", "blocked")
    # Then: every page was read (the 429 retried after its Retry-After), and the preview maps the contacts
    assert done["status"] == "awaiting_approval", done
    assert fake_hubspot.limited and waits == [1.0]
    contacts = [r for r in fake_hubspot.requests if r.path.endswith("/contacts") and r.query["limit"] == ["100"]]
    assert [r.query.get("after", ["0"])[0] for r in contacts] == ["0", "2", "2", "4"]
    files = api.get(f"/v1/migrations/{migration_id}/files", headers=acct.headers).json()["files"]
    assert [f["filename"] for f in files] == ["hubspot-contacts.csv"]
    preview = api.get(f"/v1/migrations/{migration_id}/preview", headers=acct.headers).json()
    email = next(m for m in preview["mappings"] if m["field"] == "email")
    assert email["source"]["file_id"] == files[0]["file_id"] and email["source"]["column"] == "email"
    (sheet,) = preview["sheets"]
    assert sheet["rowCount"] == 5 and sheet["rows"][0]["email"] == "person0@example.com"
    # And: the thread shows the extraction's progress page by page
    texts = [e["text"] for e in _thread(api, acct.headers, migration_id, run_id)]
    assert "Extracting contacts from HubSpot (3 pages)." in texts
    assert "Extracted 5 records of contacts from HubSpot (3 pages)." in texts
    assert "Nothing new in deals from HubSpot." in texts
    assert api.post(url, json={"credentials": {"access_token": hs.GOOD_TOKEN}}, headers=acct.headers).status_code == 409
    # When: executed, the five contacts are imported
    rows = _execute(api, acct.headers, migration_id)
    assert [r["email"] for r in rows] == [f"person{i}@example.com" for i in range(5)]


# ------------------------------------------------------------------------------------------ Salesforce


@pytest.fixture
def fake_salesforce() -> Iterator[FakeSalesforce]:
    fake = FakeSalesforce({"Account": [sf.account(i) for i in range(5)]}, page_size=2)
    fake.server.start()
    yield fake
    fake.server.stop()


def test_salesforce_extraction_pages_with_next_records_url_then_imports(  # type: ignore[no-untyped-def]
    api: TestClient, account, stack: LocalStack, fake_salesforce: FakeSalesforce
) -> None:
    # Given: an Accounts migration with a Salesforce connection (Account only), no credentials yet
    acct = account()
    companies = {"name": "Companies", "sheet_id": "companies",
                 "fields": [{"key": "name", "type": "string", "required": True, "unique": True},
                            {"key": "owner", "type": "string"}]}  # fmt: skip
    created = api.post(
        "/v1/migrations", json={"name": "From Salesforce", "templates": [companies]}, headers=acct.headers
    )
    migration_id = created.json()["migration_id"]
    made = api.post(
        f"/v1/migrations/{migration_id}/connection",
        json={
            "source_key": "salesforce",
            "config": {"instance_url": fake_salesforce.server.url},
            "streams": ["Account"],
        },
        headers=acct.headers,
    )
    assert made.status_code == 201, made.text
    run_id = _start_extraction(api, acct.headers, migration_id)
    blocked = wait_for_status(api, acct.headers, migration_id, run_id, "blocked", "failed")
    assert blocked["credential_request"]["fields"] == ["access_token"]
    # When: the token is sent
    url = f"/v1/migrations/{migration_id}/runs/{run_id}/credentials"
    resumed = api.post(url, json={"credentials": {"access_token": sf.GOOD_TOKEN}}, headers=acct.headers)
    assert resumed.status_code == 200, resumed.text
    done = wait_for_status(api, acct.headers, migration_id, run_id, "awaiting_approval", "failed", "blocked")
    # Then: the planner asks whether the related record's 'Owner.Name' is the owner (the header only resembles the
    # field, so it is asked, not applied); answered yes, the preview follows
    assert done["status"] == "blocked", done
    [question] = done["questions"]
    assert question["options"][0]["label"] == "'Owner.Name'"
    answer = {"answers": [{"question_id": question["id"], "option_id": question["options"][0]["id"]}]}
    answered = api.post(f"/v1/migrations/{migration_id}/runs/{run_id}/messages", json=answer, headers=acct.headers)
    assert answered.status_code == 200, answered.text
    done = wait_for_status(api, acct.headers, migration_id, run_id, "awaiting_approval", "failed", "blocked")
    assert done["status"] == "awaiting_approval", done
    # And: all five accounts were read across three pages, and the preview maps them
    assert len([r for r in fake_salesforce.requests if "/query/" in r.path]) == 2  # two nextRecordsUrl pages
    preview = api.get(f"/v1/migrations/{migration_id}/preview", headers=acct.headers).json()
    assert next(m for m in preview["mappings"] if m["field"] == "name")["source"]["column"] == "Name"
    assert preview["sheets"][0]["rowCount"] == 5
    # And: executed, the five companies are imported
    rows = _execute(api, acct.headers, migration_id)
    assert [r["name"] for r in rows] == [f"Company {i}" for i in range(5)]


# ------------------------------------------------------------------------------------------ PostgreSQL


def test_postgres_extraction_imports_a_table(api: TestClient, account, postgres_server) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    # Given: a migration with a PostgreSQL connection to a real server, credentials not given yet
    acct = account()
    migration_id = _migration_with_connection(
        api,
        acct.headers,
        {
            "source_key": "postgres",
            "config": {"host": "127.0.0.1", "port": postgres_server.port, "database": "crm", "sslmode": "disable"},
            "streams": ["public.contacts"],
        },
    )
    run_id = _start_extraction(api, acct.headers, migration_id)
    blocked = wait_for_status(api, acct.headers, migration_id, run_id, "blocked", "failed")
    assert blocked["credential_request"]["fields"] == ["user", "password"]
    url = f"/v1/migrations/{migration_id}/runs/{run_id}/credentials"
    # When: a wrong password, then the right one
    wrong = api.post(url, json={"credentials": {"user": READER, "password": "nope"}}, headers=acct.headers)
    assert wrong.status_code == 400 and wrong.json()["error"]["code"] == "credentials_rejected"
    good = {"credentials": {"user": READER, "password": postgres_server.reader_password}}
    assert api.post(url, json=good, headers=acct.headers).status_code == 200
    done = wait_for_status(api, acct.headers, migration_id, run_id, "awaiting_approval", "failed", "blocked")
    # Then: the table became a ready file; the planner asks where first_name comes from (no clear column)
    assert done["status"] == "blocked" and done["questions"][0]["options"][0]["label"] == "'full_name'"
    answer = {"answers": [{"question_id": done["questions"][0]["id"], "option_id": "opt_1"}]}
    answered = api.post(f"/v1/migrations/{migration_id}/runs/{run_id}/messages", json=answer, headers=acct.headers)
    assert answered.status_code == 200, answered.text
    done = wait_for_status(api, acct.headers, migration_id, run_id, "awaiting_approval", "failed", "blocked")
    assert done["status"] == "awaiting_approval", done
    # And: executed, imported row for row
    rows = _execute(api, acct.headers, migration_id)
    assert [r["email"] for r in rows] == ["ada@example.com", "alan@example.com", "grace@example.com"]


# ------------------------------------------------------------------------------------------ secrecy


def test_a_secret_never_leaves_secrets_manager_during_a_run(  # type: ignore[no-untyped-def]
    api: TestClient, account, stack: LocalStack
) -> None:
    canary = "canary-" + secrets.token_hex(16)
    capture = _Capture()
    watched = [logging.getLogger(logger.name), logging.getLogger()]
    for log in watched:
        log.addHandler(capture)
    responses: list[Any] = []
    try:
        # Given: an S3 connection without credentials, and a generate run blocked on them
        acct = account()
        _customer_bucket(stack)
        migration_id = _migration_with_connection(
            api, acct.headers, {"source_key": "s3", "config": {"bucket": CUSTOMER_BUCKET, "prefix": "crm/"}}
        )
        run_id = _start_extraction(api, acct.headers, migration_id)
        wait_for_status(api, acct.headers, migration_id, run_id, "blocked", "failed")
        url = f"/v1/migrations/{migration_id}/runs/{run_id}/credentials"
        run_url = f"/v1/migrations/{migration_id}/runs/{run_id}"
        # When: the canary is sent in refused shapes, then as the real secret
        for bad in (
            {"credentials": {"aws_access_key_id": canary, "aws_secret_access_key": canary}},
            {"credentials": {"aws_access_key_id": ACCESS_KEY_ID, "aws_secret_access_key": canary, "x": canary}},
            {"credentials": canary},
            {"credentials": {}, "connection_id": canary},
        ):
            responses.append(refused := api.post(url, json=bad, headers=acct.headers))
            assert refused.status_code == 400, refused.text
        good = {"credentials": {"aws_access_key_id": ACCESS_KEY_ID, "aws_secret_access_key": canary}}
        responses.append(api.post(url, json=good, headers=acct.headers))
        done = wait_for_status(api, acct.headers, migration_id, run_id, "awaiting_approval", "failed")
        assert done["status"] == "awaiting_approval", done
        # And: the import runs to the end (execute, its report, its exports)
        started = api.post(f"/v1/migrations/{migration_id}/runs", json={"kind": "execute"}, headers=acct.headers)
        responses.append(started)
        execute_url = f"/v1/migrations/{migration_id}/runs/{started.json()['run_id']}"
        finished = wait_for_status(api, acct.headers, migration_id, started.json()["run_id"], "completed", "failed")
        assert finished["status"] == "completed", finished
        # And: every read route of the runs and the migration
        for path in (
            run_url,
            f"{run_url}/thread",
            execute_url,
            f"{execute_url}/thread",
            f"{execute_url}/export",
            f"{execute_url}/export?filter=all",
            f"/v1/migrations/{migration_id}/runs",
            f"/v1/migrations/{migration_id}",
            f"/v1/migrations/{migration_id}/files",
            f"/v1/migrations/{migration_id}/preview",
            f"/v1/migrations/{migration_id}/connection",
        ):
            responses.append(api.get(path, headers=acct.headers))
        responses.append(api.post(url, json=good, headers=acct.headers))  # 409
        stored = stack.client("secretsmanager").list_secrets()["SecretList"]
        secret = stack.client("secretsmanager").get_secret_value(SecretId=stored[0]["ARN"])["SecretString"]
        assert canary in secret
        lambdas.drain()
        items = _table_items(stack)
        objects = [
            stack.client("s3").get_object(Bucket=stack.bucket_name, Key=o["Key"])["Body"].read()
            for o in stack.client("s3").list_objects_v2(Bucket=stack.bucket_name).get("Contents", [])
        ]
        sfn = stack.client("stepfunctions")
        run_item = next(i for i in items if i["SK"]["S"] == f"RUN#{run_id}")
        execution = sfn.describe_execution(executionArn=run_item["execution_arn"]["S"])
        history = sfn.get_execution_history(executionArn=execution["executionArn"])["events"]
    finally:
        for log in watched:
            log.removeHandler(capture)
    # Then: the canary is nowhere but Secrets Manager
    for response in responses:
        assert canary not in response.text, response.request.url
        assert canary not in json.dumps(dict(response.headers))
    assert capture.lines and not [line for line in capture.lines if canary in line]
    assert items and canary not in json.dumps(items)
    assert objects and not [o for o in objects if canary.encode() in o]
    assert canary not in json.dumps(execution, default=str) and canary not in json.dumps(history, default=str)
