"""Session tokens for browsers: an account key mints a short-lived token for one migration or one company; the
token works like a key on that scope's routes only (404 elsewhere), `?token=` only where a browser cannot send
headers, 401 once expired or revoked, and it is stored and shown nowhere but in the answer that minted it."""

from __future__ import annotations

import json
import logging
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from ferry.api.auth import hash_key
from ferry.aws.dynamo import Store
from ferry.core import clock
from local import lambdas
from local.stack import LocalStack
from tests.helpers import person_template
from tests.integration.imports_support import EXAMPLE, approved_migration, imports_url, post_import
from tests.integration.runs_support import wait_for_status
from tests.integration.uploads import upload_and_wait

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = person_template("People", "people", {"key": "team", "type": "string"})
UNAUTHORIZED = {"error": {"code": "unauthorized", "message": "Missing or invalid anx-api-key header."}}
OUT_OF_SCOPE = {"error": {"code": "not_found", "message": "Not found."}}
NO_SUCH_MIGRATION = "mig_01JJZ8Q6W3T5Y7X9A1B3C5D7E9"


def _migration(api: TestClient, headers: dict[str, str], name: str = "People") -> str:
    created = api.post("/v1/migrations", json={"name": name, "templates": [PEOPLE]}, headers=headers)
    assert created.status_code == 201, created.text
    return str(created.json()["migration_id"])


def _mint(api: TestClient, headers: dict[str, str], **body: Any) -> dict[str, Any]:
    response = api.post("/v1/sessions", json=body, headers=headers)
    assert response.status_code == 201, response.text
    minted: dict[str, Any] = response.json()
    return minted


def _as(token: str) -> dict[str, str]:
    return {"anx-api-key": token}


def _run(api: TestClient, headers: dict[str, str], migration_id: str, kind: str) -> str:
    response = api.post(f"/v1/migrations/{migration_id}/runs", json={"kind": kind}, headers=headers)
    assert response.status_code == 201, response.text
    return str(response.json()["run_id"])


def test_a_migration_token_drives_its_migration_from_upload_to_export(
    api: TestClient, account, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.INFO)
    # Given: the SaaS backend (account key) made a migration and minted a token for it
    acct = account()
    migration_id = _migration(api, acct.headers)
    minted = _mint(api, acct.headers, migration_id=migration_id, expires_in=600)
    # Then: the answer names the session, its scope, permissions and expiry, and the token once
    assert minted["session_id"].startswith("sess_") and minted["token"].startswith(minted["session_id"] + ".")
    assert minted["scope"] == {"type": "migration", "migration_id": migration_id, "company_id": None}
    assert minted["permissions"] == ["read", "write"]
    expires = minted["expires_at"]
    assert expires.endswith("Z") and clock.iso(clock.now() + timedelta(seconds=590)) < expires
    assert expires <= clock.iso(clock.now() + timedelta(seconds=600))
    token, seen = minted["token"], []

    # When: the browser, holding only the token, does everything the migration needs
    browser = _as(token)
    got = api.get(f"/v1/migrations/{migration_id}", headers=browser)
    assert got.status_code == 200 and got.json()["migration_id"] == migration_id
    file = upload_and_wait(api, browser, migration_id, "exampleFile.csv", EXAMPLE.read_bytes())
    assert file["status"] == "ready", file
    files = api.get(f"/v1/migrations/{migration_id}/files", headers=browser)
    assert files.status_code == 200 and [f["file_id"] for f in files.json()["files"]] == [file["file_id"]]
    generate = _run(api, browser, migration_id, "generate")
    wait_for_status(api, browser, migration_id, generate, "awaiting_approval", timeout=60)
    preview = api.get(f"/v1/migrations/{migration_id}/preview", headers=browser)
    assert preview.status_code == 200
    execute = _run(api, browser, migration_id, "execute")
    done = wait_for_status(api, browser, migration_id, execute, "completed", "failed", timeout=60)
    assert done["status"] == "completed", done
    seen += [got.text, files.text, preview.text, json.dumps(done), json.dumps(file)]

    # And: the thread is read with `?token=` (EventSource sends no headers), as JSON and as SSE
    thread_url = f"/v1/migrations/{migration_id}/runs/{execute}/thread"
    page = api.get(thread_url, params={"token": token})
    assert page.status_code == 200 and "Saving the import: 1,000 rows." in [e["text"] for e in page.json()["events"]]
    stream = api.get(thread_url, params={"token": token}, headers={"Accept": "text/event-stream"})
    assert stream.status_code == 200 and stream.headers["content-type"].startswith("text/event-stream")
    assert "Saving the import: 1,000 rows." in stream.text
    # And: the export downloads from a plain link
    export = api.get(f"/v1/migrations/{migration_id}/runs/{execute}/export", params={"token": token})
    assert export.status_code == 200 and export.headers["content-type"].startswith("text/csv")
    assert export.text.splitlines()[0] == "first_name,last_name,email,team"
    seen += [page.text, stream.text]
    # And: the account's own listings show nothing of the token
    seen.append(api.get(f"/v1/migrations/{migration_id}/runs", headers=acct.headers).text)
    seen.append(api.get("/v1/migrations", headers=acct.headers).text)

    # Then: the token appears in no answer but the mint, and in no log line
    out, err = capfd.readouterr()
    # (the test client's own httpx lines log the URLs it was asked for: they are not the API's logs)
    logged = "\n".join(f"{r.getMessage()} {r.__dict__}" for r in caplog.records if r.name != "httpx")
    assert "session minted" in out + err + logged  # the logs were captured
    for text in [*seen, out, err, logged]:
        assert token not in text
        assert hash_key(token) not in text


def test_a_migration_token_answers_404_everywhere_else(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    # Given: two migrations of one account, and a token for the first
    acct = account()
    mine, other = _migration(api, acct.headers, "A"), _migration(api, acct.headers, "B")
    minted = _mint(api, acct.headers, migration_id=mine)
    browser = _as(minted["token"])
    # When / Then: anything outside the first migration is a 404 in the error shape, the same as for nothing
    outside = [
        ("GET", f"/v1/migrations/{other}", None),
        ("GET", f"/v1/migrations/{other}/files", None),
        ("POST", f"/v1/migrations/{other}/runs", {"kind": "generate"}),
        ("GET", f"/v1/migrations/{NO_SUCH_MIGRATION}", None),
        ("GET", "/v1/migrations", None),
        ("POST", "/v1/migrations", {"name": "not mine to make"}),
        ("GET", "/v1/mapping-memory", None),
        ("DELETE", "/v1/mapping-memory", None),
        ("GET", "/v1/connectors", None),
        ("GET", f"/v1/migrations/{other}/connection", None),
        ("GET", "/v1/companies/acme/imports", None),
        ("POST", "/v1/sessions", {"migration_id": mine}),  # a token cannot mint tokens
        ("DELETE", f"/v1/sessions/{minted['session_id']}", None),  # nor revoke them
    ]
    for method, path, body in outside:
        response = api.request(method, path, json=body, headers=browser)
        assert (response.status_code, response.json()) == (404, OUT_OF_SCOPE), (method, path)
    # And: `?token=` on the other migration's thread is a 404 too
    thread = f"/v1/migrations/{other}/runs/run_01JJZ8Q6W3T5Y7X9A1B3C5D7E9/thread"
    assert api.get(thread, params={"token": minted["token"]}).json() == OUT_OF_SCOPE
    # And: an unknown query parameter beside `?token=` is a 400 naming it (the token did authenticate)
    typo = api.get(thread.replace(other, mine), params={"token": minted["token"], "afterr": "1"})
    assert typo.status_code == 400 and typo.json()["error"]["param"] == "afterr"
    # And: the account key still sees both migrations, and the token still works on its own
    assert len(api.get("/v1/migrations", headers=acct.headers).json()["migrations"]) == 2
    assert api.get(f"/v1/migrations/{mine}", headers=browser).status_code == 200


def test_a_read_only_token_cannot_change_anything(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    # Given: a read-only token and a read-write token for one migration
    acct = account()
    migration_id = _migration(api, acct.headers)
    reader = _as(_mint(api, acct.headers, migration_id=migration_id, permissions=["read"])["token"])
    writer = _as(_mint(api, acct.headers, migration_id=migration_id, permissions=["write"])["token"])
    # When / Then: the reader reads, and every mutation is a 403 that changes nothing
    assert api.get(f"/v1/migrations/{migration_id}/files", headers=reader).status_code == 200
    for method, path, body in [
        ("POST", f"/v1/migrations/{migration_id}/files", {"filename": "a.csv"}),
        ("POST", f"/v1/migrations/{migration_id}/runs", {"kind": "generate"}),
        ("PUT", f"/v1/migrations/{migration_id}/templates", [PEOPLE]),
        ("DELETE", f"/v1/migrations/{migration_id}", None),
    ]:
        response = api.request(method, path, json=body, headers=reader)
        assert response.status_code == 403, (method, path)
        assert response.json()["error"]["code"] == "permission_denied"
    assert api.get(f"/v1/migrations/{migration_id}/files", headers=acct.headers).json()["files"] == []
    # And: "write" includes reading, and may upload
    assert api.get(f"/v1/migrations/{migration_id}", headers=writer).status_code == 200
    upload = api.post(f"/v1/migrations/{migration_id}/files", json={"filename": "a.csv"}, headers=writer)
    assert upload.status_code == 201
    # But: no token deletes the migration itself
    deleted = api.delete(f"/v1/migrations/{migration_id}", headers=writer)
    assert deleted.status_code == 403 and deleted.json()["error"]["code"] == "permission_denied"
    assert api.get(f"/v1/migrations/{migration_id}", headers=acct.headers).status_code == 200


def test_an_expired_token_is_401(api: TestClient, account, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    # Given: a token minted for 60 seconds
    acct = account()
    migration_id = _migration(api, acct.headers)
    token = _mint(api, acct.headers, migration_id=migration_id, expires_in=60)["token"]
    url = f"/v1/migrations/{migration_id}"
    assert api.get(url, headers=_as(token)).status_code == 200
    # When: 61 seconds pass (the clock moves; DynamoDB has not deleted the item yet)
    later = clock.now() + timedelta(seconds=61)
    monkeypatch.setattr(clock, "now", lambda: later)
    # Then: the token is refused in the header and as `?token=`, the account key still works
    refused = api.get(url, headers=_as(token))
    assert (refused.status_code, refused.json()) == (401, UNAUTHORIZED)
    assert api.get(f"{url}/runs/run_01JJZ8Q6W3T5Y7X9A1B3C5D7E9/thread", params={"token": token}).status_code == 401
    assert api.get(url, headers=acct.headers).status_code == 200
    # And: the item carries the table's TTL attribute (epoch seconds) at the expiry, so DynamoDB cleans it up
    key = {"PK": {"S": f"SESSION#{token.partition('.')[0]}"}, "SK": {"S": "SESSION"}}
    ttl = int(Store().client.get_item(TableName=Store().table, Key=key)["Item"]["expires_at"]["N"])
    assert int(later.timestamp()) - 2 <= ttl <= int(later.timestamp())


def test_a_revoked_token_is_401_at_once(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    # Given: a working token, and a second account
    acct, stranger = account(), account()
    migration_id = _migration(api, acct.headers)
    minted = _mint(api, acct.headers, migration_id=migration_id)
    url = f"/v1/migrations/{migration_id}/files"
    assert api.get(url, headers=_as(minted["token"])).status_code == 200
    # When: another account tries to revoke it, or names a session that does not exist
    assert api.delete(f"/v1/sessions/{minted['session_id']}", headers=stranger.headers).status_code == 404
    assert api.delete("/v1/sessions/sess_01JJZ8Q6W3T5Y7X9A1B3C5D7E9", headers=acct.headers).status_code == 404
    assert api.delete("/v1/sessions/not-a-session", headers=acct.headers).status_code == 404
    # Then: it still works
    assert api.get(url, headers=_as(minted["token"])).status_code == 200
    # When: its account revokes it
    assert api.delete(f"/v1/sessions/{minted['session_id']}", headers=acct.headers).status_code == 204
    # Then: the next request is refused, with the header or `?token=`
    assert api.get(url, headers=_as(minted["token"])).json() == UNAUTHORIZED
    assert api.get(f"/v1/migrations/{migration_id}/runs/run_x/thread", params={"token": minted["token"]}).json() == (
        UNAUTHORIZED
    )
    # And: revoking it again is harmless
    assert api.delete(f"/v1/sessions/{minted['session_id']}", headers=acct.headers).status_code == 204


def test_a_wrong_or_tampered_token_is_401(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    migration_id = _migration(api, acct.headers)
    token = _mint(api, acct.headers, migration_id=migration_id)["token"]
    session_id, _, secret = token.partition(".")
    url = f"/v1/migrations/{migration_id}"
    for wrong in (f"{session_id}.{secret[:-1]}x", f"{session_id}.", session_id, "sess_01JJZ8Q6W3T5Y7X9A1B3C5D7E9.x"):
        assert api.get(url, headers=_as(wrong)).json() == UNAUTHORIZED, wrong


def test_token_query_parameter_only_where_headers_cannot_go(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    # Given: a token and the account key
    acct = account()
    migration_id = _migration(api, acct.headers)
    token = _mint(api, acct.headers, migration_id=migration_id)["token"]
    thread = f"/v1/migrations/{migration_id}/runs/run_01JJZ8Q6W3T5Y7X9A1B3C5D7E9/thread"
    # When / Then: `?token=` on an ordinary route is not a credential (401 without a header, 400 with one)
    assert api.get(f"/v1/migrations/{migration_id}", params={"token": token}).status_code == 401
    named = api.get(f"/v1/migrations/{migration_id}", params={"token": token}, headers=acct.headers)
    assert named.status_code == 400 and named.json()["error"]["param"] == "token"
    # And: an account key is never taken from a URL
    assert api.get(thread, params={"token": acct.key}).json() == UNAUTHORIZED
    # And: on the thread the token gets through to the run look-up (no such run: 404)
    assert api.get(thread, params={"token": token}).json()["error"]["code"] == "not_found"
    # And: the OpenAPI document declares `token` on exactly the thread and the two exports
    doc = api.get("/openapi.json").json()
    with_token = sorted(
        f"{method.upper()} {path}"
        for path, operations in doc["paths"].items()
        for method, operation in operations.items()
        if any(p["name"] == "token" and p["in"] == "query" for p in operation.get("parameters", []))
    )
    assert with_token == [
        "GET /v1/companies/{company_id}/imports/{run_id}/export",
        "GET /v1/migrations/{migration_id}/runs/{run_id}/export",
        "GET /v1/migrations/{migration_id}/runs/{run_id}/thread",
    ]
    assert "/v1/sessions" in doc["paths"] and "/v1/sessions/{session_id}" in doc["paths"]
    # And: it documents what a token may meet: 404 outside its scope, 403 on a write without `write`
    assert "404" in doc["paths"]["/v1/migrations"]["get"]["responses"]
    assert "403" in doc["paths"]["/v1/migrations/{migration_id}/files"]["post"]["responses"]
    assert "403" not in doc["paths"]["/v1/migrations/{migration_id}/files"]["get"]["responses"]


@pytest.mark.parametrize(
    ("body", "param"),
    [
        ({"migration_id": NO_SUCH_MIGRATION, "company_id": "acme"}, None),
        ({}, None),
        ({"company_id": "acme", "expires_in": 59}, "expires_in"),
        ({"company_id": "acme", "expires_in": 3601}, "expires_in"),
        ({"company_id": "acme", "expires_in": "soon"}, "expires_in"),
        ({"company_id": "acme", "permissions": ["admin"]}, "permissions[0]"),
        ({"company_id": "acme", "permissions": []}, "permissions"),
        ({"company_id": "acme", "scope": "all"}, "scope"),
        ({"company_id": "not a company id!"}, "company_id"),
    ],
)
def test_a_bad_mint_request_is_a_400_naming_the_problem(
    api: TestClient, account, body: dict[str, Any], param: str | None
) -> None:  # type: ignore[no-untyped-def]
    response = api.post("/v1/sessions", json=body, headers=account().headers)
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["code"] == "invalid_request" and error.get("param") == param
    if param is None:
        assert "exactly one of `migration_id` and `company_id`" in error["message"]


def test_a_token_is_minted_only_for_the_callers_own_migration(api: TestClient, account, stack: LocalStack) -> None:  # type: ignore[no-untyped-def]
    # Given: a migration of another account
    owner, stranger = account(), account()
    theirs = _migration(api, owner.headers)
    # When / Then: a stranger cannot mint for it (404, as for a migration that does not exist)
    for migration_id in (theirs, NO_SUCH_MIGRATION, "nonsense"):
        response = api.post("/v1/sessions", json={"migration_id": migration_id}, headers=stranger.headers)
        assert response.status_code == 404 and response.json()["error"]["message"] == "Migration not found."
    # And: without a key there is nothing to mint with
    assert api.post("/v1/sessions", json={"migration_id": theirs}).json() == UNAUTHORIZED
    # And: a minted token is stored only as its hash
    token = _mint(api, owner.headers, migration_id=theirs)["token"]
    items = Store().client.scan(TableName=Store().table)["Items"]
    dumped = json.dumps(items)
    assert hash_key(token) in dumped and token not in dumped


def test_a_company_token_works_on_its_imports_only(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    # Given: a migration ready to import, and a token for company "acme"
    acct = account()
    migration_id, _ = approved_migration(api, acct.headers)
    minted = _mint(api, acct.headers, company_id="acme", permissions=["read", "write"])
    assert minted["scope"] == {"type": "company", "company_id": "acme", "migration_id": None}
    browser = _as(minted["token"])
    # When: the browser starts, polls and lists the company's import
    started = post_import(api, browser, "acme", "key-1", migration_id=migration_id)
    assert started.status_code == 201, started.text
    run_id = started.json()["run_id"]
    assert api.get(imports_url("acme", run_id), headers=browser).status_code == 200
    assert api.get(imports_url("acme"), headers=browser).json()["runs"][0]["run_id"] == run_id
    # Then: the export link takes `?token=` (the import is not completed: 409, past authentication)
    export = api.get(imports_url("acme", run_id, "/export"), params={"token": minted["token"]})
    assert export.status_code == 409, export.text
    # And: another company, the migration itself and the account's routes are 404
    for method, path in [
        ("GET", imports_url("globex")),
        ("GET", imports_url("globex", run_id)),
        ("GET", f"/v1/migrations/{migration_id}"),
        ("GET", f"/v1/migrations/{migration_id}/runs"),
        ("GET", "/v1/migrations"),
    ]:
        response = api.request(method, path, headers=browser)
        assert (response.status_code, response.json()) == (404, OUT_OF_SCOPE), path


def test_behind_api_gateway_the_authorizer_passes_the_scope_and_the_app_enforces_it(
    stack: LocalStack, api: TestClient, account
) -> None:  # type: ignore[no-untyped-def]
    # Given: a token minted for one migration, and the real authorizer and API function handlers
    acct = account()
    mine, other = _migration(api, acct.headers, "A"), _migration(api, acct.headers, "B")
    minted = _mint(api, acct.headers, migration_id=mine, permissions=["read"])
    authorizer, function = lambdas.HANDLERS["AuthorizerFunction"], lambdas.HANDLERS["ApiFunction"]
    context = lambdas.LambdaContext(function_name="f", invoked_function_arn="arn:aws:lambda:::f")
    event = json.loads((ROOT / "events" / "authorizer_request.json").read_text())
    # When: the authorizer sees the token in the header
    answer = authorizer({**event, "headers": {"anx-api-key": minted["token"]}}, context)
    # Then: it allows it, with the account and the scope as context
    assert answer["principalId"] == acct.account_id
    scope = answer["context"]
    assert scope["session_id"] == minted["session_id"] and scope["session_scope_kind"] == "migration"
    assert (scope["session_scope_id"], scope["session_permissions"]) == (mine, "read")
    assert scope["session_expires_at"] == int(Store().get_session(minted["session_id"]).expires_at)  # type: ignore[union-attr]
    # And: as `?token=` on a GET (EventSource, download links), but not on a POST
    query = {**event, "headers": {}, "queryStringParameters": {"token": minted["token"]}}
    assert authorizer(query, context)["context"] == scope
    with pytest.raises(Exception, match=r"^Unauthorized$"):
        authorizer({**query, "httpMethod": "POST"}, context)

    # When: API Gateway forwards requests with that context to the API function
    def forward(method: str, path: str) -> int:
        request = json.loads((ROOT / "events" / "api_get_health.json").read_text())
        request.update(path=path, httpMethod=method, resource="/{proxy+}", multiValueHeaders=None)
        request["requestContext"] = {**request["requestContext"], "authorizer": scope}
        return int(function(request, context)["statusCode"])

    # Then: the scope holds there too
    assert forward("GET", f"/v1/migrations/{mine}") == 200
    assert forward("GET", f"/v1/migrations/{other}") == 404
    assert forward("GET", "/v1/migrations") == 404
    assert forward("DELETE", f"/v1/migrations/{mine}/files/file_01JJZ8Q7K2M4N6P8R0S2T4V6W8") == 403
    # And: a revocation counts at once, though API Gateway may still hold the authorizer's cached answer
    assert api.delete(f"/v1/sessions/{minted['session_id']}", headers=acct.headers).status_code == 204
    assert forward("GET", f"/v1/migrations/{mine}") == 401
    with pytest.raises(Exception, match=r"^Unauthorized$"):
        authorizer({**event, "headers": {"anx-api-key": minted["token"]}}, context)
