"""Connections over the API: connectors list, create/update/read/delete, profiles, credentials, secrecy."""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from ferry.api.auth import register_api_key
from ferry.core.config import get_settings
from ferry.core.ids import new_id
from ferry.core.observability import logger
from local import lambdas
from local.stack import LocalStack
from tests.fakes import hubspot as hs
from tests.fakes.hubspot import FakeHubSpot

CUSTOMER_BUCKET = "customer-crm-exports"
ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"


@pytest.fixture(autouse=True)
def _private_hosts_allowed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The fake servers and moto listen on 127.0.0.1: local testing turns the SSRF guard off."""
    monkeypatch.setenv("FERRY_ALLOW_PRIVATE_HOSTS", "1")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def fake_hubspot() -> Iterator[FakeHubSpot]:
    fake = FakeHubSpot({"contacts": [hs.contact(i) for i in range(3)], "companies": [], "deals": []})
    fake.server.start()
    yield fake
    fake.server.stop()


def _migration(api: TestClient, headers: dict[str, str]) -> str:
    created = api.post("/v1/migrations", json={"name": "From the CRM"}, headers=headers)
    assert created.status_code == 201, created.text
    return str(created.json()["migration_id"])


def _hubspot_body(fake: FakeHubSpot, **changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "source_key": "hubspot",
        "config": {"base_url": fake.server.url},
        "credentials": {"access_token": hs.GOOD_TOKEN},
    }
    body.update(changes)
    return body


def _secret_names(stack: LocalStack) -> list[str]:
    return [s["Name"] for s in stack.client("secretsmanager").list_secrets()["SecretList"]]


def _table_items(stack: LocalStack) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    ddb = stack.client("dynamodb")
    kwargs: dict[str, Any] = {"TableName": stack.table_name}
    while True:
        page = ddb.scan(**kwargs)
        items.extend(page["Items"])
        if "LastEvaluatedKey" not in page:
            return items
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]


# ------------------------------------------------------------------------------------------ connectors


def test_connectors_list_describes_fields_and_marks_secrets(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    listed = api.get("/v1/connectors", headers=account().headers)
    assert listed.status_code == 200, listed.text
    by_key = {c["source_key"]: c for c in listed.json()["connectors"]}
    assert set(by_key) == {"hubspot", "postgres", "s3", "salesforce"}
    hubspot = by_key["hubspot"]
    assert set(hubspot) == {"source_key", "name", "category", "config_fields", "credential_fields", "streams"}
    assert hubspot["streams"] == ["contacts", "companies", "deals"] and hubspot["category"] == "CRM"
    token = hubspot["credential_fields"]["properties"]["access_token"]
    assert token["x-secret"] is True and token["writeOnly"] is True
    assert by_key["postgres"]["credential_fields"]["properties"]["password"]["x-secret"] is True
    assert "user" in by_key["postgres"]["credential_fields"]["required"]


def test_connectors_need_a_key(api: TestClient) -> None:
    assert api.get("/v1/connectors").status_code == 401


# ------------------------------------------------------------------------------------------ create / read / delete


def test_create_read_and_delete_a_connection(api: TestClient, account, stack: LocalStack, fake_hubspot) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    mig = _migration(api, acct.headers)
    # When: a HubSpot connection is created with a working token (source key in any case)
    created = api.post(
        f"/v1/migrations/{mig}/connection", json=_hubspot_body(fake_hubspot, source_key="HubSpot"), headers=acct.headers
    )
    # Then: 201 with the contract's shape, credentials configured but never shown
    assert created.status_code == 201, created.text
    body = created.json()
    assert set(body) == {
        "connection_id", "source_key", "name", "category", "config", "streams", "state", "creds_configured",
        "extractor", "last_extraction", "last_synced_at", "profile_id", "created_at", "updated_at",
    }  # fmt: skip
    assert body["connection_id"].startswith("conn_") and body["source_key"] == "hubspot"
    assert body["name"] == "HubSpot" and body["creds_configured"] is True and body["profile_id"] is None
    assert body["streams"] is None and body["state"] == {}  # null: the connector's default streams
    assert hs.GOOD_TOKEN not in created.text
    # And: the token is in Secrets Manager under the connection's name, the item holds only its ARN
    assert _secret_names(stack) == [f"ferry/connections/{body['connection_id']}"]
    assert fake_hubspot.requests == [], "saving a connection does no network I/O"
    # And: the check route tests it at the source on demand
    checked = api.post(f"/v1/migrations/{mig}/connection/check?source_key=hubspot", headers=acct.headers)
    assert checked.status_code == 200 and checked.json() == {"ok": True}
    assert fake_hubspot.requests, "the token was checked against the source"
    # And: it reads back (workbook-bound: the key has no default profile)
    read = api.get(f"/v1/migrations/{mig}/connection", params={"source_key": "hubspot"}, headers=acct.headers)
    assert read.status_code == 200 and read.json() == body
    assert api.get(f"/v1/migrations/{mig}/connection?profile=workbook", headers=acct.headers).json() == body
    assert api.get(f"/v1/migrations/{mig}/connection?profile_id=workbook", headers=acct.headers).json() == body
    # When: it is deleted
    deleted = api.delete(f"/v1/migrations/{mig}/connection?source_key=hubspot", headers=acct.headers)
    assert deleted.status_code == 204
    # Then: gone, secret included
    assert api.get(f"/v1/migrations/{mig}/connection", headers=acct.headers).status_code == 404
    assert _secret_names(stack) == []
    assert api.delete(f"/v1/migrations/{mig}/connection", headers=acct.headers).status_code == 404


def test_update_keeps_identity_and_credentials(api: TestClient, account, stack: LocalStack, fake_hubspot) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    mig = _migration(api, acct.headers)
    first = api.post(f"/v1/migrations/{mig}/connection", json=_hubspot_body(fake_hubspot), headers=acct.headers).json()
    # When: the streams and state are changed without sending the credentials again
    updated = api.post(
        f"/v1/migrations/{mig}/connection",
        json={
            "source_key": "hubspot",
            "config": {"base_url": fake_hubspot.server.url},
            "streams": ["contacts"],
            "state": {"contacts": {"cursor": "2024-03-02T00:00:00Z"}},
        },
        headers=acct.headers,
    )
    # Then: the same connection, still with its credentials
    assert updated.status_code == 201, updated.text
    body = updated.json()
    assert body["connection_id"] == first["connection_id"] and body["created_at"] == first["created_at"]
    assert body["streams"] == ["contacts"] and body["state"] == {"contacts": {"cursor": "2024-03-02T00:00:00Z"}}
    assert body["creds_configured"] is True and len(_secret_names(stack)) == 1


def test_changing_the_host_needs_the_credentials_again(api: TestClient, account, fake_hubspot) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    mig = _migration(api, acct.headers)
    api.post(f"/v1/migrations/{mig}/connection", json=_hubspot_body(fake_hubspot), headers=acct.headers)
    moved = api.post(
        f"/v1/migrations/{mig}/connection",
        json={"source_key": "hubspot", "config": {"base_url": "http://127.0.0.1:9/elsewhere"}},
        headers=acct.headers,
    )
    assert moved.status_code == 400 and moved.json()["error"]["param"] == "credentials"


def test_profiles_follow_the_key_default_and_null_binds_the_workbook(  # type: ignore[no-untyped-def]
    api: TestClient, account, fake_hubspot
) -> None:
    # Given: a key whose default profile is "sales"
    acct = account()
    key = "fk_" + secrets.token_urlsafe(16)
    register_api_key(key, acct.account_id, profile_id="sales")
    headers = {"anx-api-key": key}
    mig = _migration(api, headers)
    url = f"/v1/migrations/{mig}/connection"
    # When: one connection omits profile_id, another sends null
    own = api.post(url, json=_hubspot_body(fake_hubspot), headers=headers)
    workbook = api.post(url, json=_hubspot_body(fake_hubspot, profile_id=None), headers=headers)
    other = api.post(url, json=_hubspot_body(fake_hubspot, profile_id="support"), headers=headers)
    # Then: three separate connections, bound as asked
    assert [r.status_code for r in (own, workbook, other)] == [201, 201, 201]
    assert own.json()["profile_id"] == "sales" and workbook.json()["profile_id"] is None
    assert other.json()["profile_id"] == "support"
    assert len({r.json()["connection_id"] for r in (own, workbook, other)}) == 3
    # And: reads pick by profile, defaulting to the key's
    assert api.get(url, headers=headers).json()["connection_id"] == own.json()["connection_id"]
    assert api.get(url, params={"profile": "workbook"}, headers=headers).json()["profile_id"] is None
    assert api.get(url, params={"profile": "support"}, headers=headers).json()["profile_id"] == "support"
    assert api.get(url, params={"profile": "nobody"}, headers=headers).status_code == 404


@pytest.mark.parametrize(
    ("change", "param"),
    [
        ({"source_key": "zoho"}, "source_key"),
        ({"config": {"base_url": "http://127.0.0.1:1", "colour": "red"}}, "config.colour"),
        ({"credentials": {"access_token": "x", "api_key": "y"}}, "credentials.api_key"),
        ({"credentials": {}}, "credentials.access_token"),
        ({"streams": ["tickets"]}, "streams"),
        ({"profile_id": "has space"}, "profile_id"),
        ({"creds_configured": True}, "creds_configured"),
        ({"state": {"contacts": "yesterday"}}, "state.contacts"),
    ],
)
def test_invalid_requests_are_400_and_store_nothing(  # type: ignore[no-untyped-def]
    api: TestClient, account, stack: LocalStack, fake_hubspot, change: dict[str, Any], param: str
) -> None:
    acct = account()
    mig = _migration(api, acct.headers)
    answer = api.post(
        f"/v1/migrations/{mig}/connection", json=_hubspot_body(fake_hubspot, **change), headers=acct.headers
    )
    assert answer.status_code == 400, answer.text
    assert answer.json()["error"]["param"] == param
    assert api.get(f"/v1/migrations/{mig}/connection", headers=acct.headers).status_code == 404
    assert _secret_names(stack) == []


def test_a_disabled_connector_is_refused(
    api: TestClient, account, monkeypatch: pytest.MonkeyPatch, fake_hubspot
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("FERRY_DISABLED_CONNECTORS", "hubspot")
    get_settings.cache_clear()
    acct = account()
    mig = _migration(api, acct.headers)
    answer = api.post(f"/v1/migrations/{mig}/connection", json=_hubspot_body(fake_hubspot), headers=acct.headers)
    assert answer.status_code == 400 and answer.json()["error"]["param"] == "source_key"
    listed = api.get("/v1/connectors", headers=acct.headers).json()["connectors"]
    assert "hubspot" not in {c["source_key"] for c in listed}


def test_rejected_credentials_are_stored_unchecked_and_the_check_route_names_the_refusal(  # type: ignore[no-untyped-def]
    api: TestClient, account, stack: LocalStack, fake_hubspot
) -> None:
    acct = account()
    mig = _migration(api, acct.headers)
    # Given: a connection saved with a token the source will refuse (saving does not ask the source)
    answer = api.post(
        f"/v1/migrations/{mig}/connection",
        json=_hubspot_body(fake_hubspot, credentials={"access_token": "pat-expired"}),
        headers=acct.headers,
    )
    assert answer.status_code == 201 and fake_hubspot.requests == []
    # When: the caller checks it up front
    checked = api.post(f"/v1/migrations/{mig}/connection/check", headers=acct.headers)
    # Then: a plain 400 naming the refusal (never the token), ok false beside the error
    assert checked.status_code == 400
    assert checked.json() == {
        "error": {"code": "credentials_rejected", "message": "HubSpot rejected the credentials (HTTP 401)."},
        "ok": False,
    }
    assert "pat-expired" not in checked.text
    # And: a connection without credentials is a 400 naming that
    api.delete(f"/v1/migrations/{mig}/connection", headers=acct.headers)
    bare = {"source_key": "hubspot", "config": {"base_url": fake_hubspot.server.url}}
    assert api.post(f"/v1/migrations/{mig}/connection", json=bare, headers=acct.headers).status_code == 201
    missing = api.post(f"/v1/migrations/{mig}/connection/check", headers=acct.headers)
    assert missing.status_code == 400 and missing.json()["error"]["code"] == "credentials_required"
    assert missing.json()["ok"] is False


def test_private_hosts_are_refused_when_the_guard_is_on(  # type: ignore[no-untyped-def]
    api: TestClient, account, monkeypatch: pytest.MonkeyPatch, fake_hubspot
) -> None:
    monkeypatch.setenv("FERRY_ALLOW_PRIVATE_HOSTS", "0")
    get_settings.cache_clear()
    acct = account()
    mig = _migration(api, acct.headers)
    for base_url in (fake_hubspot.server.url, "http://169.254.169.254/latest", "http://[::1]:8080"):
        answer = api.post(
            f"/v1/migrations/{mig}/connection",
            json=_hubspot_body(fake_hubspot, config={"base_url": base_url}),
            headers=acct.headers,
        )
        assert answer.status_code == 400 and answer.json()["error"]["code"] == "unsafe_host"
    assert fake_hubspot.requests == []


def test_other_accounts_get_404_and_missing_keys_401(api: TestClient, account, fake_hubspot) -> None:  # type: ignore[no-untyped-def]
    owner, stranger = account(), account()
    mig = _migration(api, owner.headers)
    url = f"/v1/migrations/{mig}/connection"
    assert api.post(url, json=_hubspot_body(fake_hubspot), headers=owner.headers).status_code == 201
    for answer in (
        api.get(url, headers=stranger.headers),
        api.delete(url, headers=stranger.headers),
        api.post(url, json=_hubspot_body(fake_hubspot), headers=stranger.headers),
        api.get(f"/v1/migrations/{new_id('mig')}/connection", headers=owner.headers),
    ):
        assert answer.status_code == 404
        assert answer.json() == {"error": {"code": "not_found", "message": "Migration not found."}}
    for method in ("get", "delete"):
        assert getattr(api, method)(url).status_code == 401
    assert api.post(url, json=_hubspot_body(fake_hubspot)).status_code == 401
    assert api.get(url, headers=owner.headers).status_code == 200  # the owner's is untouched


# ------------------------------------------------------------------------------------------ secrecy


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.lines: list[str] = []
        self.setFormatter(logger.registered_formatter)

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))
        self.lines.append(repr(record.__dict__))


def _customer_bucket(stack: LocalStack) -> None:
    s3 = stack.client("s3")
    s3.create_bucket(Bucket=CUSTOMER_BUCKET)
    s3.put_object(
        Bucket=CUSTOMER_BUCKET,
        Key="crm/contacts.csv",
        Body=b"First name,Email\nAda,ada@example.com\nAlan,alan@example.com\n",
    )
    jsonl = [
        {"id": 1, "name": "Acme", "address": {"city": "Lyon", "geo": {"lat": 45.7}}, "tags": ["a", "b"]},
        {"id": 2, "name": "Globex", "address": {"city": "Oslo"}, "active": True},
    ]
    s3.put_object(Bucket=CUSTOMER_BUCKET, Key="crm/companies.jsonl", Body="\n".join(map(json.dumps, jsonl)).encode())


def test_a_secret_never_leaves_secrets_manager(api: TestClient, account, stack: LocalStack, fake_hubspot) -> None:  # type: ignore[no-untyped-def]
    from ferry.aws.dynamo import ConnectionStore
    from ferry.connections.service import extract_connection

    canary = "canary-" + secrets.token_hex(16)
    capture = _Capture()
    watched = [logging.getLogger(logger.name), logging.getLogger()]
    for log in watched:
        log.addHandler(capture)
    responses: list[Any] = []
    try:
        acct = account()
        mig = _migration(api, acct.headers)
        url = f"/v1/migrations/{mig}/connection"
        _customer_bucket(stack)
        s3_body = {
            "source_key": "s3",
            "config": {"bucket": CUSTOMER_BUCKET, "prefix": "crm/"},
            "streams": ["contacts.csv", "companies.jsonl"],
            "credentials": {"aws_access_key_id": ACCESS_KEY_ID, "aws_secret_access_key": canary},
        }
        # Every route, with the canary as the secret
        responses.append(created := api.post(url, json=s3_body, headers=acct.headers))
        assert created.status_code == 201, created.text
        responses.append(api.get(url, headers=acct.headers))
        responses.append(api.get("/v1/connectors", headers=acct.headers))
        responses.append(
            api.post(url, json={**s3_body, "streams": ["companies.jsonl", "contacts.csv"]}, headers=acct.headers)
        )
        # Failure paths carrying the canary: a rejected token, an unknown credential key, a wrong type
        responses.append(
            saved := api.post(
                url, json=_hubspot_body(fake_hubspot, credentials={"access_token": canary}), headers=acct.headers
            )
        )
        assert saved.status_code == 201
        responses.append(rejected := api.post(f"{url}/check?source_key=hubspot", headers=acct.headers))
        assert rejected.status_code == 400
        responses.append(api.delete(f"{url}?source_key=hubspot", headers=acct.headers))
        responses.append(
            api.post(
                url, json={**s3_body, "credentials": {**s3_body["credentials"], "other": canary}}, headers=acct.headers
            )
        )
        responses.append(api.post(url, json={**s3_body, "credentials": canary}, headers=acct.headers))
        responses.append(
            api.post(
                url,
                json={**s3_body, "credentials": {"aws_access_key_id": canary, "aws_secret_access_key": 1}},
                headers=acct.headers,
            )
        )
        # The stored secret really is the canary (and only there)
        connection_id = created.json()["connection_id"]
        stored = stack.client("secretsmanager").get_secret_value(SecretId=f"ferry/connections/{connection_id}")
        assert canary in stored["SecretString"]
        # An extraction with those credentials
        record = ConnectionStore().get(mig, "workbook", "s3")
        assert record is not None
        files = extract_connection(record, acct.account_id)
        lambdas.drain()
        assert [f.status for f in files] == ["ready", "ready"]
        responses.append(api.get(f"/v1/migrations/{mig}", headers=acct.headers))
        responses.append(api.get(url, headers=acct.headers))
        items = _table_items(stack)
        objects = [
            stack.client("s3").get_object(Bucket=stack.bucket_name, Key=o["Key"])["Body"].read()
            for o in stack.client("s3").list_objects_v2(Bucket=stack.bucket_name).get("Contents", [])
        ]
        responses.append(api.delete(url, headers=acct.headers))
    finally:
        for log in watched:
            log.removeHandler(capture)
    # Then: the canary is nowhere but Secrets Manager
    for response in responses:
        assert canary not in response.text, response.request.url
        assert canary not in json.dumps(dict(response.headers))
    assert capture.lines, "the log capture saw the requests"
    assert not [line for line in capture.lines if canary in line]
    assert items and canary not in json.dumps(items)
    assert objects and not [o for o in objects if canary.encode() in o]


def test_extraction_from_s3_makes_ready_files_like_uploads(api: TestClient, account, stack: LocalStack) -> None:  # type: ignore[no-untyped-def]
    from ferry.aws.dynamo import ConnectionStore
    from ferry.connections.service import extract_connection
    from ferry.core.clock import now_iso

    acct = account()
    mig = _migration(api, acct.headers)
    _customer_bucket(stack)
    body = {
        "source_key": "s3",
        "config": {"bucket": CUSTOMER_BUCKET, "prefix": "crm/"},
        "credentials": {"aws_access_key_id": ACCESS_KEY_ID, "aws_secret_access_key": "s3cr3t"},
    }
    assert api.post(f"/v1/migrations/{mig}/connection", json=body, headers=acct.headers).status_code == 201
    record = ConnectionStore().get(mig, "workbook", "s3")
    assert record is not None and record.streams is None  # the default: every file under the prefix
    # When: the connection is extracted
    files = extract_connection(record, acct.account_id)
    lambdas.drain()
    # Then: each file is a ready file of the migration, with sheets like an uploaded one
    listed = api.get(f"/v1/migrations/{mig}/files", headers=acct.headers).json()["files"]
    by_name = {f["filename"]: f for f in listed}
    assert set(by_name) == {"contacts.csv", "s3-companies.jsonl.csv"} and len(files) == 2
    assert all(f["status"] == "ready" for f in listed)
    assert by_name["contacts.csv"]["sheets"][0]["columns"] == ["First name", "Email"]
    companies = by_name["s3-companies.jsonl.csv"]["sheets"][0]
    assert companies["columns"] == ["id", "name", "address.city", "address.geo.lat", "tags", "active"]
    assert companies["row_count"] == 2
    # And: the connection records the extraction; bookmarks wait for the import to commit
    connection = api.get(f"/v1/migrations/{mig}/connection", headers=acct.headers).json()
    assert connection["extractor"] == "ferry.connectors.s3" and connection["last_synced_at"]
    assert connection["last_extraction"]["file_count"] == 2
    assert {s["stream"] for s in connection["last_extraction"]["streams"]} == {"contacts.csv", "companies.jsonl"}
    assert connection["state"] == {}
    refreshed = ConnectionStore().get(mig, "workbook", "s3")
    assert refreshed is not None
    ConnectionStore().move_bookmarks(refreshed, now_iso())  # as an execute's completion does
    committed = api.get(f"/v1/migrations/{mig}/connection", headers=acct.headers).json()["state"]
    assert set(committed) == {"contacts.csv", "companies.jsonl"}
    # And: a second extraction with nothing changed makes no new files
    again = ConnectionStore().get(mig, "workbook", "s3")
    assert again is not None and extract_connection(again, acct.account_id) == []
    lambdas.drain()


def test_deleting_the_migration_deletes_its_connections_and_secrets(  # type: ignore[no-untyped-def]
    api: TestClient, account, stack: LocalStack, fake_hubspot
) -> None:
    acct = account()
    mig = _migration(api, acct.headers)
    assert (
        api.post(f"/v1/migrations/{mig}/connection", json=_hubspot_body(fake_hubspot), headers=acct.headers).status_code
        == 201
    )
    assert api.delete(f"/v1/migrations/{mig}", headers=acct.headers).status_code == 204
    assert _secret_names(stack) == []
    assert not [i for i in _table_items(stack) if i["SK"]["S"].startswith("CONN#")]
