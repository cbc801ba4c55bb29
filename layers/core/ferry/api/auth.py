"""API keys: stored only as SHA-256 hashes; one look-up shared by the Lambda authorizer and the app.

Keys are long random secrets, so an unsalted SHA-256 is enough to make a leaked table useless to an
attacker while keeping the look-up a single GetItem.
"""

from __future__ import annotations

import hashlib
from typing import Any

from pydantic_settings import BaseSettings, SettingsConfigDict

from ferry.aws.dynamo import ApiKeyRecord, Store
from ferry.core.clock import now_iso
from ferry.core.domain import AccountKey
from ferry.core.observability import logger

API_KEY_HEADER = "anx-api-key"
_MAX_KEY_LENGTH = 512


def hash_key(raw_key: str) -> str:
    """The hex SHA-256 of a key: the only form in which a key is stored."""
    return hashlib.sha256(raw_key.encode("utf-8")).hexdigest()


def register_api_key(
    raw_key: str, account_id: str, profile_id: str | None = None, *, store: Store | None = None
) -> None:
    """Store a key for `account_id` (seeding, tests, operators); the raw key itself is never stored."""
    if not raw_key or len(raw_key) > _MAX_KEY_LENGTH:
        raise ValueError(f"an API key must be 1..{_MAX_KEY_LENGTH} characters")
    record = ApiKeyRecord(account_id=account_id, profile_id=profile_id, created_at=now_iso())
    (store or Store()).put_api_key(hash_key(raw_key), record)
    logger.info("api key registered", account_id=account_id)


def account_for_key(raw_key: str | None, *, store: Store | None = None) -> AccountKey | None:
    """The account a key belongs to, or None when the key is missing, unknown or revoked."""
    if not raw_key or len(raw_key) > _MAX_KEY_LENGTH:
        return None
    record = (store or Store()).get_api_key(hash_key(raw_key))
    if record is None or record.revoked:
        return None
    return AccountKey(account_id=record.account_id, profile_id=record.profile_id)


def revoke_api_key(raw_key: str, *, store: Store | None = None) -> bool:
    """Revoke a key at once (API Gateway may keep an authorizer answer cached for up to 5 minutes)."""
    revoked = (store or Store()).revoke_api_key(hash_key(raw_key))
    logger.info("api key revoked" if revoked else "api key to revoke not found")
    return revoked


# ------------------------------------------------------------------------------ the Lambda authorizer


class AuthorizerSettings(BaseSettings):
    """The authorizer's own environment (template.yaml sets it on AuthorizerFunction only)."""

    model_config = SettingsConfigDict(env_prefix="FERRY_", extra="ignore")

    # Names the API Gateway key of the usage plan, so API Gateway throttles (429); not a credential.
    throttle_key_value: str = ""


def header_value(headers: dict[str, Any] | None, name: str) -> str | None:
    """A header's value, matched case-insensitively (API Gateway keeps the client's casing)."""
    for key, value in (headers or {}).items():
        if key.lower() == name and isinstance(value, str):
            return value
    return None


def authorize_request(event: dict[str, Any]) -> dict[str, Any]:
    """The REQUEST authorizer's answer: an Allow policy for the whole API stage, with the account as context.

    Raises Exception("Unauthorized"), which API Gateway turns into its 401 gateway response.
    """
    account = account_for_key(header_value(event.get("headers"), API_KEY_HEADER))
    if account is None:
        logger.info("authorizer denied a request")
        raise Exception("Unauthorized")  # the exact message API Gateway maps to its 401
    # arn:aws:execute-api:region:acct:api-id/stage/METHOD/path -> .../api-id/stage/* so one cached
    # answer (ReauthorizeEvery) covers every route of the stage.
    arn_prefix, _, resource = str(event["methodArn"]).partition(":execute-api:")
    region, aws_account, api_path = resource.split(":", 2)
    api_id, stage = api_path.split("/")[:2]
    policy_resource = f"{arn_prefix}:execute-api:{region}:{aws_account}:{api_id}/{stage}/*"
    return {
        "principalId": account.account_id,
        "policyDocument": {
            "Version": "2012-10-17",
            "Statement": [{"Action": "execute-api:Invoke", "Effect": "Allow", "Resource": policy_resource}],
        },
        # Context values must be strings, numbers or booleans: no profile is "".
        "context": {"account_id": account.account_id, "profile_id": account.profile_id or ""},
        "usageIdentifierKey": AuthorizerSettings().throttle_key_value,
    }
