"""The REQUEST authorizer on the sample event, with DynamoDB stubbed (no AWS, no moto)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

import local  # noqa: F401 - puts the core layer on sys.path
from ferry.api.auth import hash_key
from ferry.aws import clients as aws
from ferry.core.config import get_settings
from local import lambdas

ROOT = Path(__file__).resolve().parents[2]
EVENT = json.loads((ROOT / "events" / "authorizer_request.json").read_text())
RAW_KEY = EVENT["headers"]["Anx-Api-Key"]


@pytest.fixture
def ddb(monkeypatch: pytest.MonkeyPatch) -> Iterator[Stubber]:
    monkeypatch.setenv("FERRY_TABLE_NAME", "ferry-test")
    monkeypatch.setenv("FERRY_THROTTLE_KEY_VALUE", "throttle-key-value-for-tests")
    get_settings.cache_clear()
    client = boto3.client("dynamodb", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x")
    monkeypatch.setattr(aws, "client", lambda service: client)
    with Stubber(client) as stubber:
        yield stubber
        stubber.assert_no_pending_responses()
    get_settings.cache_clear()


def _handler() -> Any:
    return lambdas.load_handler(ROOT / "functions" / "authorizer", "app.handler", "AuthorizerFunctionUnit")


def _context() -> lambdas.LambdaContext:
    return lambdas.LambdaContext(function_name="AuthorizerFunction", invoked_function_arn="arn:aws:lambda:::a")


def _expect_lookup(ddb: Stubber, item: dict[str, Any] | None) -> None:
    key = {"PK": {"S": f"KEY#{hash_key(RAW_KEY)}"}, "SK": {"S": "KEY"}}
    ddb.add_response("get_item", {"Item": item} if item else {}, {"TableName": "ferry-test", "Key": key})


def test_a_live_key_gets_an_allow_policy_for_the_whole_stage(ddb: Stubber) -> None:
    # Given: the key in the sample event belongs to an account
    _expect_lookup(ddb, {"account_id": {"S": "acct_1"}, "revoked": {"BOOL": False}, "created_at": {"S": "2025"}})
    # When: the authorizer runs
    answer = _handler()(EVENT, _context())
    # Then: Allow on every route of the stage, the account as context, the usage-plan key for throttling
    assert answer["principalId"] == "acct_1"
    (statement,) = answer["policyDocument"]["Statement"]
    assert statement == {
        "Action": "execute-api:Invoke",
        "Effect": "Allow",
        "Resource": "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/*",
    }
    assert answer["context"] == {"account_id": "acct_1", "profile_id": ""}
    assert answer["usageIdentifierKey"] == "throttle-key-value-for-tests"


@pytest.mark.parametrize(
    "item", [None, {"account_id": {"S": "acct_1"}, "revoked": {"BOOL": True}, "created_at": {"S": "2025"}}]
)
def test_an_unknown_or_revoked_key_is_unauthorized(ddb: Stubber, item: dict[str, Any] | None) -> None:
    _expect_lookup(ddb, item)
    with pytest.raises(Exception, match=r"^Unauthorized$"):
        _handler()(EVENT, _context())


def test_a_missing_header_is_refused_without_a_lookup(ddb: Stubber) -> None:
    event = {**EVENT, "headers": {"Accept": "application/json"}}
    with pytest.raises(Exception, match=r"^Unauthorized$"):
        _handler()(event, _context())


# ------------------------------------------------------------------------------ session tokens

SESSION_ID = "sess_01JJZ8Q6W3T5Y7X9A1B3C5D7E9"
TOKEN = f"{SESSION_ID}.browser-secret-for-tests"


def _session_item(*, expires_at: int, revoked: bool = False, token: str = TOKEN) -> dict[str, Any]:
    return {
        "session_id": {"S": SESSION_ID},
        "account_id": {"S": "acct_1"},
        "profile_id": {"S": "prof_1"},
        "scope_kind": {"S": "migration"},
        "scope_id": {"S": "mig_01JJZ8Q6W3T5Y7X9A1B3C5D7E9"},
        "permissions": {"L": [{"S": "read"}]},
        "token_hash": {"S": hash_key(token)},
        "created_at": {"S": "2026-01-01T00:00:00.000Z"},
        "expires_at": {"N": str(expires_at)},
        "revoked": {"BOOL": revoked},
    }


def _expect_session(ddb: Stubber, item: dict[str, Any] | None) -> None:
    key = {"PK": {"S": f"SESSION#{SESSION_ID}"}, "SK": {"S": "SESSION"}}
    params = {"TableName": "ferry-test", "Key": key, "ConsistentRead": True}
    ddb.add_response("get_item", {"Item": item} if item else {}, params)


def _in(seconds: int) -> int:
    return int(time.time()) + seconds


@pytest.mark.parametrize("where", ["header", "query"])
def test_a_live_session_token_is_allowed_with_its_scope_as_context(ddb: Stubber, where: str) -> None:
    # Given: a read-only token for one migration, in the header or (on a GET) as ?token=
    expires_at = _in(600)
    _expect_session(ddb, _session_item(expires_at=expires_at))
    if where == "header":
        event = {**EVENT, "headers": {"anx-api-key": TOKEN}}
    else:
        event = {**EVENT, "headers": {}, "queryStringParameters": {"token": TOKEN}}
    # When: the authorizer runs
    answer = _handler()(event, _context())
    # Then: it allows the stage and passes the account, its profile and the session's scope through
    assert answer["principalId"] == "acct_1"
    assert answer["context"] == {
        "account_id": "acct_1",
        "profile_id": "prof_1",
        "session_id": SESSION_ID,
        "session_scope_kind": "migration",
        "session_scope_id": "mig_01JJZ8Q6W3T5Y7X9A1B3C5D7E9",
        "session_permissions": "read",
        "session_expires_at": expires_at,
    }


@pytest.mark.parametrize(
    "item",
    [
        None,
        _session_item(expires_at=_in(-1)),
        _session_item(expires_at=_in(600), revoked=True),
        _session_item(expires_at=_in(600), token=f"{SESSION_ID}.another-secret"),
    ],
    ids=["unknown", "expired", "revoked", "wrong-secret"],
)
def test_an_unknown_expired_revoked_or_forged_session_token_is_unauthorized(
    ddb: Stubber, item: dict[str, Any] | None
) -> None:
    _expect_session(ddb, item)
    with pytest.raises(Exception, match=r"^Unauthorized$"):
        _handler()({**EVENT, "headers": {"anx-api-key": TOKEN}}, _context())


def test_the_token_query_parameter_takes_no_account_key_and_no_mutation(ddb: Stubber) -> None:
    # Given: an account key in the URL (never a credential there), then a token on a POST
    key_in_url = {**EVENT, "headers": {}, "queryStringParameters": {"token": RAW_KEY}}
    token_on_post = {**EVENT, "headers": {}, "httpMethod": "POST", "queryStringParameters": {"token": TOKEN}}
    # When / Then: both are refused without a look-up
    for event in (key_in_url, token_on_post):
        with pytest.raises(Exception, match=r"^Unauthorized$"):
            _handler()(event, _context())
