"""Migrations and templates over the API: create, list (paginated), read, replace templates, delete."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from fastapi.testclient import TestClient

from ferry.core.ids import new_id
from local.stack import LocalStack
from tests.integration.uploads import install_sniff_spy, upload_and_wait

CONTACTS: dict[str, Any] = {
    "name": "Contacts",
    "sheet_id": "contacts",
    "fields": [
        {"key": "first_name", "type": "string", "required": True},
        {"key": "email", "type": "email", "unique": True},
        {"key": "status", "type": "enum", "values": ["lead", "customer"]},
    ],
}


def _template(**changes: Any) -> dict[str, Any]:
    template = copy.deepcopy(CONTACTS)
    template.update(changes)
    return template


def _field(**changes: Any) -> dict[str, Any]:
    return _template(fields=[{"key": "x", "type": "string", **changes}])


def test_create_then_read_a_migration(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    # When: a migration is created with a template
    created = api.post("/v1/migrations", json={"name": "Old CRM", "templates": [CONTACTS]}, headers=acct.headers)
    # Then: 201 with the full public shape
    assert created.status_code == 201, created.text
    body = created.json()
    assert set(body) == {
        "migration_id",
        "name",
        "templates",
        "files",
        "preview_version",
        "mapping_memory",
        "created_at",
        "updated_at",
    }
    assert body["migration_id"].startswith("mig_")
    assert body["name"] == "Old CRM"
    assert body["files"] == [] and body["preview_version"] is None and body["mapping_memory"] is True
    assert body["templates"][0]["sheet_id"] == "contacts"
    assert [f["key"] for f in body["templates"][0]["fields"]] == ["first_name", "email", "status"]
    assert body["created_at"].endswith("Z") and body["created_at"] == body["updated_at"]
    # And: reading it back gives the same object
    read = api.get(f"/v1/migrations/{body['migration_id']}", headers=acct.headers)
    assert read.status_code == 200
    assert read.json() == body


def test_templates_are_optional(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    created = api.post("/v1/migrations", json={"name": "Later"}, headers=acct.headers)
    assert created.status_code == 201
    assert created.json()["templates"] == []


def test_list_is_newest_first_across_pages(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    # Given: five migrations, and another account's migration
    acct = account()
    ids = [
        api.post("/v1/migrations", json={"name": f"m{i}"}, headers=acct.headers).json()["migration_id"]
        for i in range(5)
    ]
    api.post("/v1/migrations", json={"name": "not mine"}, headers=account().headers)
    # When: they are listed two at a time, following next_cursor
    seen: list[str] = []
    cursor: str | None = None
    pages = 0
    while True:
        params: dict[str, Any] = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = api.get("/v1/migrations", params=params, headers=acct.headers)
        assert page.status_code == 200, page.text
        body = page.json()
        assert set(body) == {"migrations", "next_cursor"}
        assert len(body["migrations"]) <= 2
        seen += [m["migration_id"] for m in body["migrations"]]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    # Then: three pages, newest first, only this account's, the last page says so with a null cursor
    assert pages == 3
    assert seen == list(reversed(ids))


def test_an_exactly_full_last_page_has_no_next_cursor(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    for i in range(2):
        api.post("/v1/migrations", json={"name": f"m{i}"}, headers=acct.headers)
    body = api.get("/v1/migrations", params={"limit": 2}, headers=acct.headers).json()
    assert len(body["migrations"]) == 2
    assert body["next_cursor"] is None


@pytest.mark.parametrize("cursor", ["not-a-cursor", "eyJzayI6Ik1JRyNvdGhlciJ9", "e30", "%%%"])
def test_a_bad_cursor_is_a_400(api: TestClient, account, cursor: str) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    response = api.get("/v1/migrations", params={"cursor": cursor}, headers=acct.headers)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_request"
    assert "cursor" in response.json()["error"]["message"]


@pytest.mark.parametrize("limit", ["0", "101", "ten"])
def test_limit_must_be_1_to_100(api: TestClient, account, limit: str) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    response = api.get("/v1/migrations", params={"limit": limit}, headers=acct.headers)
    assert response.status_code == 400
    assert "limit" in response.json()["error"]["message"]


INVALID_BODIES = [
    ("unknown field", {"name": "x", "owner": "me"}, "owner"),
    ("server-owned field", {"name": "x", "migration_id": "mig_x"}, "migration_id"),
    ("missing name", {"templates": []}, "name"),
    ("bad type", {"name": "x", "templates": [_field(type="currency")]}, "templates[0].fields[0].type"),
    ("enum without values", {"name": "x", "templates": [_field(type="enum")]}, "templates[0].fields[0]"),
    ("bad regex", {"name": "x", "templates": [_field(pattern="([a-z")]}, "templates[0].fields[0].pattern"),
    (
        "duplicate field keys",
        {"name": "x", "templates": [_template(fields=[{"key": "a", "type": "string"}] * 2)]},
        "templates[0]",
    ),
    ("duplicate sheet ids", {"name": "x", "templates": [CONTACTS, _template(name="Other")]}, "templates"),
    ("unknown template field", {"name": "x", "templates": [_template(color="red")]}, "templates[0].color"),
]


@pytest.mark.parametrize(("case", "body", "param"), INVALID_BODIES, ids=[c[0] for c in INVALID_BODIES])
def test_invalid_bodies_are_400_naming_the_field(api: TestClient, account, case: str, body: dict, param: str) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    # When: an invalid migration is posted
    response = api.post("/v1/migrations", json=body, headers=acct.headers)
    # Then: 400, the message names the field, and nothing was created
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["code"] == "invalid_request"
    assert error["param"] == param
    assert param.split(".")[-1].split("[")[0] in error["message"] or case == "duplicate sheet ids"
    assert api.get("/v1/migrations", headers=acct.headers).json()["migrations"] == []


def test_duplicate_sheet_ids_message_names_the_sheet(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    body = {"name": "x", "templates": [CONTACTS, _template(name="Other")]}
    response = api.post("/v1/migrations", json=body, headers=acct.headers)
    assert response.status_code == 400
    assert "contacts" in response.json()["error"]["message"]
    assert "sheet_id" in response.json()["error"]["message"]


def test_malformed_json_is_a_400(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    response = api.post(
        "/v1/migrations", content=b'{"name": ', headers={**acct.headers, "content-type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json() == {"error": {"code": "invalid_request", "message": "The request body is not valid JSON."}}


def test_replace_templates(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    mig = api.post("/v1/migrations", json={"name": "x"}, headers=acct.headers).json()
    # When: the templates are replaced
    other = _template(name="Companies", sheet_id="companies")
    response = api.put(f"/v1/migrations/{mig['migration_id']}/templates", json=[CONTACTS, other], headers=acct.headers)
    # Then: 200 with the migration holding exactly the new templates
    assert response.status_code == 200, response.text
    body = response.json()
    assert [t["sheet_id"] for t in body["templates"]] == ["contacts", "companies"]
    assert body["updated_at"] >= mig["updated_at"]
    assert api.get(f"/v1/migrations/{mig['migration_id']}", headers=acct.headers).json() == body


@pytest.mark.parametrize(
    ("templates", "param"),
    [
        ([_field(type="enum")], "body[0].fields[0]"),
        ([CONTACTS, CONTACTS], "templates"),
        ({"name": "not a list"}, None),
        ([_field(pattern="(")], "body[0].fields[0].pattern"),
    ],
)
def test_replace_templates_validates(api: TestClient, account, templates: Any, param: str | None) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    mig = api.post("/v1/migrations", json={"name": "x", "templates": [CONTACTS]}, headers=acct.headers).json()
    response = api.put(f"/v1/migrations/{mig['migration_id']}/templates", json=templates, headers=acct.headers)
    assert response.status_code == 400, response.text
    assert response.json()["error"].get("param") == param
    # And: the stored templates are untouched
    assert (
        api.get(f"/v1/migrations/{mig['migration_id']}", headers=acct.headers).json()["templates"] == mig["templates"]
    )


def test_delete_a_migration_with_its_files(api: TestClient, account, stack: LocalStack, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    install_sniff_spy(monkeypatch)
    acct = account()
    mig = api.post("/v1/migrations", json={"name": "x"}, headers=acct.headers).json()["migration_id"]
    file = upload_and_wait(api, acct.headers, mig, "people.csv", b"name,email\nAda,ada@example.com\n")
    assert file["status"] == "ready"
    # When: the migration is deleted
    response = api.delete(f"/v1/migrations/{mig}", headers=acct.headers)
    # Then: 204, it is gone, and so are its file items and S3 objects
    assert response.status_code == 204
    assert response.content == b""
    assert api.get(f"/v1/migrations/{mig}", headers=acct.headers).status_code == 404
    assert api.delete(f"/v1/migrations/{mig}", headers=acct.headers).status_code == 404
    objects = stack.client("s3").list_objects_v2(Bucket=stack.bucket_name).get("Contents", [])
    assert objects == []
    items = stack.client("dynamodb").scan(TableName=stack.table_name)["Items"]
    assert [i["SK"]["S"] for i in items] == ["KEY"]


def test_delete_is_refused_while_a_run_is_active(api: TestClient, account, stack: LocalStack) -> None:  # type: ignore[no-untyped-def]
    # Given: a migration whose active lock is held by a run
    acct = account()
    mig = api.post("/v1/migrations", json={"name": "busy"}, headers=acct.headers).json()["migration_id"]
    run_id = new_id("run")
    stack.client("dynamodb").put_item(
        TableName=stack.table_name,
        Item={"PK": {"S": f"MIG#{mig}"}, "SK": {"S": "ACTIVE"}, "run_id": {"S": run_id}},
    )
    # When: it is deleted
    response = api.delete(f"/v1/migrations/{mig}", headers=acct.headers)
    # Then: 409 naming the run, and the migration is still there
    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "run_in_progress"
    assert error["run_id"] == run_id
    assert api.get(f"/v1/migrations/{mig}", headers=acct.headers).status_code == 200


def test_unknown_routes_and_wrong_methods_use_the_error_shape(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    missing = api.get("/v1/nothing-here", headers=acct.headers)
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"
    wrong = api.patch("/v1/migrations", json={}, headers=acct.headers)
    assert wrong.status_code == 405
    assert wrong.json()["error"]["code"] == "method_not_allowed"
    assert "GET" in wrong.headers["allow"]


def test_an_unexpected_failure_is_a_500_with_a_request_id_and_nothing_else(  # type: ignore[no-untyped-def]
    api: TestClient, account, monkeypatch
) -> None:
    # Given: the table fails in a way nobody planned for
    from ferry.aws.dynamo import Store

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internal detail: table exploded")

    monkeypatch.setattr(Store, "list_migrations", explode)
    acct = account()
    # When: a request hits it
    response = api.get("/v1/migrations", headers=acct.headers)
    # Then: 500 in the error shape, with a request id and no trace of the failure
    assert response.status_code == 500
    error = response.json()["error"]
    assert error["code"] == "internal_error"
    assert error["request_id"]
    assert set(error) == {"code", "message", "request_id"}
    assert "secret" not in response.text and "Traceback" not in response.text and "RuntimeError" not in response.text


def test_openapi_documents_exactly_the_routes_and_no_422(api: TestClient) -> None:
    doc = api.get("/openapi.json").json()
    routes = {(method.upper(), path) for path, ops in doc["paths"].items() for method in ops}
    assert routes == {
        ("GET", "/v1/health"),
        ("POST", "/v1/migrations"),
        ("GET", "/v1/migrations"),
        ("GET", "/v1/migrations/{migration_id}"),
        ("DELETE", "/v1/migrations/{migration_id}"),
        ("PUT", "/v1/migrations/{migration_id}/templates"),
        ("POST", "/v1/migrations/{migration_id}/files"),
        ("GET", "/v1/migrations/{migration_id}/files"),
        ("GET", "/v1/migrations/{migration_id}/files/{file_id}"),
        ("DELETE", "/v1/migrations/{migration_id}/files/{file_id}"),
        ("POST", "/v1/migrations/{migration_id}/runs"),
        ("GET", "/v1/migrations/{migration_id}/runs"),
        ("GET", "/v1/migrations/{migration_id}/runs/{run_id}"),
        ("PATCH", "/v1/migrations/{migration_id}/runs/{run_id}"),
        ("POST", "/v1/migrations/{migration_id}/runs/{run_id}/messages"),
        ("POST", "/v1/migrations/{migration_id}/runs/{run_id}/credentials"),
        ("GET", "/v1/migrations/{migration_id}/runs/{run_id}/thread"),
        ("GET", "/v1/migrations/{migration_id}/runs/{run_id}/export"),
        ("GET", "/v1/migrations/{migration_id}/preview"),
        ("GET", "/v1/migrations/{migration_id}/preview/diff"),
        ("POST", "/v1/migrations/{migration_id}/connection"),
        ("GET", "/v1/migrations/{migration_id}/connection"),
        ("DELETE", "/v1/migrations/{migration_id}/connection"),
        ("POST", "/v1/migrations/{migration_id}/connection/check"),
        ("GET", "/v1/connectors"),
        ("POST", "/v1/companies/{company_id}/imports"),
        ("GET", "/v1/companies/{company_id}/imports"),
        ("GET", "/v1/companies/{company_id}/imports/{run_id}"),
        ("PATCH", "/v1/companies/{company_id}/imports/{run_id}"),
        ("POST", "/v1/companies/{company_id}/imports/{run_id}/decisions"),
        ("GET", "/v1/companies/{company_id}/imports/{run_id}/export"),
        ("GET", "/v1/mapping-memory"),
        ("DELETE", "/v1/mapping-memory"),
        ("DELETE", "/v1/mapping-memory/{memory_id}"),
        ("POST", "/v1/sessions"),
        ("DELETE", "/v1/sessions/{session_id}"),
    }
    for path, ops in doc["paths"].items():
        for method, op in ops.items():
            # 422 is the contract's answer to a reused idempotency key, never a validation error
            reused_key = (method, path) == ("post", "/v1/companies/{company_id}/imports")
            assert ("422" in op["responses"]) == reused_key, (method, path)
