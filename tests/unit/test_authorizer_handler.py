"""The REQUEST authorizer on the sample event, with DynamoDB stubbed (no AWS, no moto)."""

from __future__ import annotations

import json
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
