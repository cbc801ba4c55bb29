"""Authentication: every route but /v1/health needs a live anx-api-key; behind API Gateway the
authorizer's context is trusted instead."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from ferry.api.auth import account_for_key, hash_key, register_api_key, revoke_api_key
from local import lambdas
from local.stack import LocalStack

ROOT = Path(__file__).resolve().parents[2]
MIG = "mig_01JJZ8Q6W3T5Y7X9A1B3C5D7E9"
FILE = "file_01JJZ8Q7K2M4N6P8R0S2T4V6W8"
PROTECTED = [
    ("POST", "/v1/migrations", {"name": "x"}),
    ("GET", "/v1/migrations", None),
    ("GET", f"/v1/migrations/{MIG}", None),
    ("PUT", f"/v1/migrations/{MIG}/templates", []),
    ("DELETE", f"/v1/migrations/{MIG}", None),
    ("POST", f"/v1/migrations/{MIG}/files", {"filename": "a.csv"}),
    ("GET", f"/v1/migrations/{MIG}/files", None),
    ("GET", f"/v1/migrations/{MIG}/files/{FILE}", None),
    ("DELETE", f"/v1/migrations/{MIG}/files/{FILE}", None),
]
UNAUTHORIZED = {"error": {"code": "unauthorized", "message": "Missing or invalid anx-api-key header."}}


def test_health_needs_no_key(api: TestClient) -> None:
    # When: health is asked without a key
    response = api.get("/v1/health")
    # Then: it answers ok
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.parametrize(("method", "path", "body"), PROTECTED)
@pytest.mark.parametrize("key", [None, "", "fk_wrong_key_that_was_never_issued"])
def test_every_route_answers_401_without_a_valid_key(
    api: TestClient, method: str, path: str, body: object, key: str | None
) -> None:
    # Given: no key, an empty key, or a key nobody issued
    headers = {} if key is None else {"anx-api-key": key}
    # When: any protected route is called
    response = api.request(method, path, json=body, headers=headers)
    # Then: 401 in the contract's error shape, the same as API Gateway's
    assert response.status_code == 401
    assert response.json() == UNAUTHORIZED


def test_a_malformed_body_without_a_key_is_still_401(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    # Given: a body that is not JSON
    body, json_type = b'{"name": ', {"content-type": "application/json"}
    # When / Then: without a key the answer is 401 (the key is checked first, as API Gateway does)
    assert api.post("/v1/migrations", content=body, headers=json_type).status_code == 401
    # And: with a valid key the same body is a 400
    acct = account()
    assert api.post("/v1/migrations", content=body, headers={**json_type, **acct.headers}).status_code == 400


def test_a_revoked_key_stops_working_at_once(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    # Given: an account whose key works
    acct = account()
    assert api.get("/v1/migrations", headers=acct.headers).status_code == 200
    # When: the key is revoked
    assert revoke_api_key(acct.key) is True
    # Then: every route refuses it
    for method, path, body in PROTECTED:
        response = api.request(method, path, json=body, headers=acct.headers)
        assert response.status_code == 401, (method, path)
        assert response.json() == UNAUTHORIZED
    assert account_for_key(acct.key) is None


def test_the_header_name_is_case_insensitive(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    assert api.get("/v1/migrations", headers={"ANX-API-KEY": acct.key}).status_code == 200


def test_keys_are_stored_only_as_hashes(stack: LocalStack, account) -> None:  # type: ignore[no-untyped-def]
    # Given: a registered key
    acct = account()
    # When: the whole table is read
    items = stack.client("dynamodb").scan(TableName=stack.table_name)["Items"]
    dumped = json.dumps(items)
    # Then: the key appears nowhere, only its SHA-256 in the item's partition key
    assert acct.key not in dumped
    keys = [i for i in items if i["SK"]["S"] == "KEY"]
    assert [k["PK"]["S"] for k in keys] == [f"KEY#{hash_key(acct.key)}"]
    assert keys[0]["account_id"]["S"] == acct.account_id


def test_a_key_cannot_be_registered_to_a_second_account(stack: LocalStack, account) -> None:  # type: ignore[no-untyped-def]
    from ferry.core.errors import Conflict

    acct = account()
    register_api_key(acct.key, acct.account_id)  # same account again: harmless
    with pytest.raises(Conflict):
        register_api_key(acct.key, "acct_someone_else")


def test_behind_api_gateway_the_authorizer_context_names_the_account(stack: LocalStack, account) -> None:  # type: ignore[no-untyped-def]
    # Given: a migration of an account, and the API function's real Lambda handler
    acct = account()
    handler = lambdas.HANDLERS["ApiFunction"]
    context = lambdas.LambdaContext(function_name="ApiFunction", invoked_function_arn="arn:aws:lambda:::ApiFunction")
    event = json.loads((ROOT / "events" / "api_get_health.json").read_text())
    create = {
        **event,
        "path": "/v1/migrations",
        "resource": "/{proxy+}",
        "httpMethod": "POST",
        "body": json.dumps({"name": "Via the gateway"}),
        "headers": {**event["headers"], "Content-Type": "application/json"},
        "multiValueHeaders": None,
        "requestContext": {**event["requestContext"], "authorizer": {"account_id": acct.account_id, "profile_id": ""}},
    }
    # When: API Gateway forwards a request the authorizer allowed (it carries no key of its own)
    created = handler(create, context)
    # Then: it acts for the authorizer's account
    assert created["statusCode"] == 201, created
    listed = handler({**create, "httpMethod": "GET", "body": None}, context)
    names = [m["name"] for m in json.loads(listed["body"])["migrations"]]
    assert names == ["Via the gateway"]
    # And: without an authorizer context (no gateway) the key is still required
    anonymous = handler({**create, "requestContext": event["requestContext"]}, context)
    assert anonymous["statusCode"] == 401


def test_the_authorizer_allows_a_live_key_and_refuses_others(stack: LocalStack, account) -> None:  # type: ignore[no-untyped-def]
    # Given: the sample authorizer event, with its key registered to an account
    event = json.loads((ROOT / "events" / "authorizer_request.json").read_text())
    raw_key = event["headers"]["Anx-Api-Key"]
    register_api_key(raw_key, "acct_sample", profile_id="prof_default")
    handler = lambdas.HANDLERS["AuthorizerFunction"]
    context = lambdas.LambdaContext(function_name="AuthorizerFunction", invoked_function_arn="arn:aws:lambda:::a")
    # When / Then: the key is allowed, with the account as context
    answer = handler(event, context)
    assert answer["principalId"] == "acct_sample"
    assert answer["context"] == {"account_id": "acct_sample", "profile_id": "prof_default"}
    # When / Then: once revoked it is refused the way API Gateway maps to 401
    revoke_api_key(raw_key)
    with pytest.raises(Exception, match=r"^Unauthorized$"):
        handler(event, context)


def test_keys_and_their_hashes_never_reach_the_logs(api: TestClient, account, caplog) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.INFO)  # the level deployed functions log at
    # Given: a key used for good requests, and a wrong key used once
    acct = account()
    api.post("/v1/migrations", json={"name": "x"}, headers=acct.headers)
    api.get("/v1/migrations", headers={"anx-api-key": "fk_wrong_but_secret_looking"})
    revoke_api_key(acct.key)
    api.get("/v1/migrations", headers=acct.headers)
    # Then: neither key nor hash appears in anything logged
    logged = "\n".join(f"{r.getMessage()} {r.__dict__}" for r in caplog.records)
    assert "migration created" in logged  # the logs were captured
    for secret in (
        acct.key,
        hash_key(acct.key),
        "fk_wrong_but_secret_looking",
        hash_key("fk_wrong_but_secret_looking"),
    ):
        assert secret not in logged
