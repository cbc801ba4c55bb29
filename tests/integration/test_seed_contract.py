"""The contract as the original product pages (shared/seeds) state it, checked from a client's side.

Written from the seeds alone: a client that only read those pages must work against Ferry.

- "the call returns 409 with the active run's ID: `run_id` as usual" — `run_id` at the top of the body.
- GET/DELETE connection take the `source_key` and `profile_id` query parameters; `profile_id=workbook` is the
  workbook-bound connection ("the one saved with `profile_id: null`"). A query parameter the route does not
  know is refused (400), never ignored.
- "Poll `poll_url` until the run reaches a terminal status": the answers that resume a run or an import
  carry it.
- `streams`: "Omit or pass null to let the connector decide"; read back "or null for connector default".
- Creating a connection stores the connector configuration and credentials; nothing needs the network.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from ferry.aws.dynamo import Store
from ferry.connections.connectors import ssrf
from ferry.core.config import get_settings
from ferry.core.outcomes import StepOutcome
from ferry.runs import thread
from local.stack import LocalStack
from tests.helpers import wait_for
from tests.integration.imports_support import approved_migration, imports_url, post_import, wait_for_import
from tests.integration.runs_support import CONTACTS, QUESTION, StepDouble, ready_migration, wait_for_status

CUSTOMER_BUCKET = "seed-customer-exports"
ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"


@pytest.fixture
def double(monkeypatch: pytest.MonkeyPatch) -> Iterator[StepDouble]:
    planner = StepDouble(monkeypatch)
    yield planner
    planner.release()


@pytest.fixture
def private_hosts(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """moto listens on 127.0.0.1: local testing turns the SSRF guard off where a test reaches it."""
    monkeypatch.setenv("FERRY_ALLOW_PRIVATE_HOSTS", "1")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def _migration(api: TestClient, headers: dict[str, str], templates: bool = False) -> str:
    body: dict[str, Any] = {"name": "Seeds", "templates": [CONTACTS] if templates else []}
    created = api.post("/v1/migrations", json=body, headers=headers)
    assert created.status_code == 201, created.text
    return str(created.json()["migration_id"])


# ------------------------------------------------------------------------------------------ 409 with run_id


def test_a_second_run_answers_409_with_the_active_run_id_at_the_top(  # type: ignore[no-untyped-def]
    api: TestClient, account, double: StepDouble
) -> None:
    acct = account()
    migration_id = ready_migration(api, acct.headers)
    double.hold()
    first = api.post(f"/v1/migrations/{migration_id}/runs", json={"kind": "generate"}, headers=acct.headers)
    assert first.status_code == 201, first.text
    # When: the same run is issued again while the first is in flight (how a client recovers a lost run_id)
    second = api.post(f"/v1/migrations/{migration_id}/runs", json={"kind": "generate"}, headers=acct.headers)
    # Then: 409 with the active run's ID, `run_id` as usual (top level), and the error naming it too
    assert second.status_code == 409
    body = second.json()
    assert body["run_id"] == first.json()["run_id"]
    assert body["error"]["run_id"] == first.json()["run_id"]
    double.release()


def test_a_second_company_import_answers_409_with_the_active_run_id_at_the_top(  # type: ignore[no-untyped-def]
    api: TestClient, account
) -> None:
    acct = account()
    migration_id, _ = approved_migration(api, acct.headers)
    first = post_import(api, acct.headers, "acme", "key-1", migration_id=migration_id)
    assert first.status_code == 201, first.text
    run_id = first.json()["run_id"]
    parked = wait_for_import(api, acct.headers, "acme", run_id, "needs_attention")
    # The thread's review and the poll's needs_attention are spelled the same
    # (an import's thread has no route of its own: read it where the thread route would)
    # (the event is posted right after the status changes: wait for it rather than race it)
    events = wait_for(
        lambda: [e for e in thread.wait_for_events(Store(), run_id, 0, 0) if e.type == "question"],
        what="the import's question event",
    )
    assert all(e.data == {"needs_attention": parked["needs_attention"]} for e in events)
    second = post_import(api, acct.headers, "acme", "key-2", migration_id=migration_id)
    assert second.status_code == 409
    assert second.json()["run_id"] == run_id and second.json()["error"]["run_id"] == run_id
    # And: the decision that resumes it carries poll_url
    decided = api.post(imports_url("acme", run_id, "/decisions"), json={"decision": "approve"}, headers=acct.headers)
    assert decided.status_code == 200, decided.text
    assert decided.json()["poll_url"] == f"/v1/companies/acme/imports/{run_id}"
    assert api.get(decided.json()["poll_url"], headers=acct.headers).json()["run_id"] == run_id
    # And: what a decision did is spelled like the report's patches
    done = wait_for_import(api, acct.headers, "acme", run_id, "completed", "needs_attention", "failed")
    (decision,) = done["decisions"]
    assert set(decision["result"]) == set(done["report"]["patches"]) == {"cellsSet", "rowsDeleted", "duplicatesDropped"}


# ------------------------------------------------------------------------------------------ connections by profile


def test_get_and_delete_act_on_the_connection_profile_id_names(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    migration_id = _migration(api, acct.headers)
    url = f"/v1/migrations/{migration_id}/connection"
    # Given: a workbook-bound connection (profile_id null) and one for the profile "sales", same source
    workbook = api.post(url, json={"source_key": "hubspot", "profile_id": None}, headers=acct.headers)
    sales = api.post(url, json={"source_key": "hubspot", "profile_id": "sales"}, headers=acct.headers)
    assert (workbook.status_code, sales.status_code) == (201, 201), (workbook.text, sales.text)
    assert workbook.json()["profile_id"] is None and sales.json()["profile_id"] == "sales"
    # When: each is read by source_key and profile_id
    read_sales = api.get(url, params={"source_key": "hubspot", "profile_id": "sales"}, headers=acct.headers)
    read_workbook = api.get(url, params={"source_key": "hubspot", "profile_id": "workbook"}, headers=acct.headers)
    # Then: each answers its own connection
    assert read_sales.json()["connection_id"] == sales.json()["connection_id"]
    assert read_workbook.json()["connection_id"] == workbook.json()["connection_id"]
    # When: the profile's connection is deleted by profile_id
    deleted = api.delete(url, params={"source_key": "hubspot", "profile_id": "sales"}, headers=acct.headers)
    assert deleted.status_code == 204
    # Then: that one is gone and the workbook-bound one stays
    gone = api.get(url, params={"source_key": "hubspot", "profile_id": "sales"}, headers=acct.headers)
    assert gone.status_code == 404
    kept = api.get(url, params={"source_key": "hubspot", "profile_id": "workbook"}, headers=acct.headers)
    assert kept.status_code == 200 and kept.json()["connection_id"] == workbook.json()["connection_id"]


def test_an_unknown_query_parameter_is_a_400_naming_it(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    migration_id = _migration(api, acct.headers, templates=True)
    url = f"/v1/migrations/{migration_id}/connection"
    assert api.post(url, json={"source_key": "hubspot", "profile_id": None}, headers=acct.headers).status_code == 201
    for method, path, body in (
        ("GET", f"{url}?profile_ld=workbook", None),  # a typo of profile_id
        ("DELETE", f"{url}?source_key=hubspot&profil=sales", None),
        ("POST", f"/v1/migrations/{migration_id}/runs?dry_run=true", {"kind": "generate"}),
        ("GET", "/v1/migrations?limt=5", None),
    ):
        answer = api.request(method, path, json=body, headers=acct.headers)
        # Then: 400 in the error shape, naming the parameter; nothing was touched
        assert answer.status_code == 400, (method, path, answer.text)
        error = answer.json()["error"]
        unknown = path.split("?")[1].split("&")[-1].split("=")[0]
        assert error["code"] == "invalid_request" and error["param"] == unknown and unknown in error["message"]
    assert api.get(url, params={"profile_id": "workbook"}, headers=acct.headers).status_code == 200
    assert api.get(f"/v1/migrations/{migration_id}/runs", headers=acct.headers).json()["runs"] == []
    # And: without a key it is still a 401 first
    assert api.get(f"{url}?profile_ld=workbook").status_code == 401


# ------------------------------------------------------------------------------------------ poll_url on resumes


def test_answering_a_blocked_run_returns_its_poll_url(api: TestClient, account, double: StepDouble) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    migration_id = ready_migration(api, acct.headers)
    double.generate_outcome = lambda: StepOutcome(questions=[QUESTION])
    run_id = api.post(f"/v1/migrations/{migration_id}/runs", json={"kind": "generate"}, headers=acct.headers).json()[
        "run_id"
    ]
    blocked = wait_for_status(api, acct.headers, migration_id, run_id, "blocked")
    # The thread's question and the poll's question are spelled the same
    events = api.get(f"/v1/migrations/{migration_id}/runs/{run_id}/thread", headers=acct.headers).json()["events"]
    (asked,) = [e for e in events if e["type"] == "question"]
    assert asked["data"]["questions"] == blocked["questions"]
    assert "allowCustom" in blocked["questions"][0]
    answer = {"answers": [{"question_id": QUESTION.id, "option_id": "opt_1"}]}
    resumed = api.post(f"/v1/migrations/{migration_id}/runs/{run_id}/messages", json=answer, headers=acct.headers)
    assert resumed.status_code == 200, resumed.text
    assert resumed.json()["poll_url"] == f"/v1/migrations/{migration_id}/runs/{run_id}"
    assert api.get(resumed.json()["poll_url"], headers=acct.headers).json()["run_id"] == run_id


def test_sending_credentials_returns_the_run_poll_url(  # type: ignore[no-untyped-def]
    api: TestClient, account, stack: LocalStack, private_hosts: None
) -> None:
    acct = account()
    s3 = stack.client("s3")
    s3.create_bucket(Bucket=CUSTOMER_BUCKET)
    s3.put_object(Bucket=CUSTOMER_BUCKET, Key="crm/contacts.csv", Body=b"First Name,Email\nAda,ada@example.com\n")
    migration_id = _migration(api, acct.headers, templates=True)
    connection = {"source_key": "s3", "config": {"bucket": CUSTOMER_BUCKET, "prefix": "crm/"}}
    made = api.post(f"/v1/migrations/{migration_id}/connection", json=connection, headers=acct.headers)
    assert made.status_code == 201, made.text
    started = api.post(
        f"/v1/migrations/{migration_id}/runs", json={"kind": "generate", "extract_via_api": True}, headers=acct.headers
    )
    run_id = started.json()["run_id"]
    blocked = wait_for_status(api, acct.headers, migration_id, run_id, "blocked", "failed")
    assert "credential_request" in blocked, blocked
    credentials = {"credentials": {"aws_access_key_id": ACCESS_KEY_ID, "aws_secret_access_key": "s3cr3t"}}
    resumed = api.post(
        f"/v1/migrations/{migration_id}/runs/{run_id}/credentials", json=credentials, headers=acct.headers
    )
    assert resumed.status_code == 200, resumed.text
    assert resumed.json()["poll_url"] == f"/v1/migrations/{migration_id}/runs/{run_id}"
    wait_for_status(api, acct.headers, migration_id, run_id, "awaiting_approval", "failed", "blocked")


# ------------------------------------------------------------------------------------------ the connection object


def test_streams_null_round_trips_as_null_and_category_is_shown(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    migration_id = _migration(api, acct.headers)
    url = f"/v1/migrations/{migration_id}/connection"
    created = api.post(url, json={"source_key": "hubspot", "streams": None}, headers=acct.headers)
    assert created.status_code == 201, created.text
    assert created.json()["streams"] is None and created.json()["category"] == "CRM"
    assert api.get(url, headers=acct.headers).json()["streams"] is None
    # And: omitted is the same
    again = api.post(url, json={"source_key": "hubspot"}, headers=acct.headers)
    assert again.json()["streams"] is None
    # And: chosen streams read back as chosen
    chosen = api.post(url, json={"source_key": "hubspot", "streams": ["contacts"]}, headers=acct.headers)
    assert chosen.json()["streams"] == ["contacts"]


def test_a_hubspot_connection_is_created_with_no_network(  # type: ignore[no-untyped-def]
    api: TestClient, account, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given: the SSRF guard on, and a resolver that fails the test if anything looks a name up
    monkeypatch.setenv("FERRY_ALLOW_PRIVATE_HOSTS", "0")
    get_settings.cache_clear()
    looked_up: list[str] = []

    def offline(host: str, port: int) -> list[str]:
        looked_up.append(host)
        raise ssrf.UnsafeHost(f"The host `{host}` could not be resolved.", param="config")

    monkeypatch.setattr(ssrf, "resolver", offline)
    acct = account()
    migration_id = _migration(api, acct.headers)
    url = f"/v1/migrations/{migration_id}/connection"
    # When: a HubSpot connection is created with its default API root and a token
    created = api.post(
        url, json={"source_key": "hubspot", "credentials": {"access_token": "pat-na1-abc"}}, headers=acct.headers
    )
    # Then: 201, credentials configured, and no name was resolved
    assert created.status_code == 201, created.text
    assert created.json()["creds_configured"] is True and looked_up == []
    # And: a host that is private as written is still refused at once
    for base_url in ("http://169.254.169.254/latest", "http://10.0.0.5", "http://localhost:8080"):
        body = {"source_key": "hubspot", "config": {"base_url": base_url}, "credentials": {"access_token": "pat-x"}}
        refused = api.post(url, json=body, headers=acct.headers)
        assert refused.status_code == 400 and refused.json()["error"]["code"] == "unsafe_host", refused.text
    assert looked_up == []
    # And: the check route is where the network is used (here: it cannot resolve, and says so)
    checked = api.post(f"{url}/check", params={"source_key": "hubspot"}, headers=acct.headers)
    assert checked.status_code == 400 and checked.json()["ok"] is False
    assert "api.hubapi.com" in checked.json()["error"]["message"] and looked_up == ["api.hubapi.com"]
    get_settings.cache_clear()


# ------------------------------------------------------------------------------------------ JSON in


def test_a_json_body_without_content_type_is_read_as_json(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    # When: a client sends JSON and forgets the content-type header
    created = api.post("/v1/migrations", content=b'{"name": "No header"}', headers=acct.headers)
    # Then: it is read as JSON
    assert created.status_code == 201, created.text
    assert created.json()["name"] == "No header"
    # And: a body declared as something else is refused naming the header, never "a valid dictionary"
    typed = api.post(
        "/v1/migrations",
        content=b'{"name": "Form"}',
        headers={**acct.headers, "content-type": "application/x-www-form-urlencoded"},
    )
    assert typed.status_code == 400
    message = typed.json()["error"]["message"]
    assert "content-type: application/json" in message and "dictionary" not in message
