"""Who a request acts for: the one credential look-up shared by the Lambda authorizer and the app, and the one
scope check of session tokens.

Two kinds of credential travel in the `anx-api-key` header, both stored only as SHA-256 hashes:

- **account keys** act for their whole account;
- **session tokens** (`sess_<id>.<secret>`, minted by `POST /v1/sessions`, see `ferry.api.keys`) act for one
  migration's or one company's routes, until they expire or are revoked. Outside their scope every route
  answers 404 (as for another account's object: no existence leak); a token without `write` gets 403 on a
  mutating route. Only the routes a browser cannot send headers to (the thread stream, export downloads) also
  take one as a `token` query parameter.

Keys and tokens are long random secrets, so an unsalted SHA-256 is enough to make a leaked table useless to an
attacker while keeping the look-up a single GetItem.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic_settings import BaseSettings, SettingsConfigDict

from ferry.aws.dynamo import ApiKeyRecord, SessionRecord, SessionScopeKind, Store
from ferry.core import clock
from ferry.core.clock import now_iso
from ferry.core.domain import AccountKey
from ferry.core.errors import FerryError, NotFound
from ferry.core.ids import has_prefix
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


# ------------------------------------------------------------------------------ session tokens

SESSION_ID_PREFIX = "sess"  # tokens read `sess_<id>.<secret>`
TOKEN_QUERY_PARAMETER = "token"  # noqa: S105 - a parameter name, not a secret
READ, WRITE = "read", "write"
PERMISSIONS: tuple[str, ...] = (READ, WRITE)
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Where each kind of token may go: the path prefix its scope id completes, and the path parameter that must
# name the scope (so the id really is the object the route acts on).
_SCOPE_ROUTES: dict[SessionScopeKind, tuple[str, str, str]] = {
    "migration": ("/v1/migrations/", "", "migration_id"),
    "company": ("/v1/companies/", "/imports", "company_id"),
}
OUT_OF_SCOPE_MESSAGE = "Not found."  # the same whether the object exists or not


class PermissionDenied(FerryError):
    """A session token lacks the permission the route needs (the object is in its scope, so 403 leaks nothing)."""

    status = 403
    code = "permission_denied"


@dataclass(frozen=True)
class SessionGrant:
    """What a live session token may do: one migration's or one company's routes, until `expires_at`."""

    session_id: str
    scope_kind: SessionScopeKind
    scope_id: str
    permissions: frozenset[str]
    expires_at: int  # epoch seconds


@dataclass(frozen=True)
class Caller:
    """An authenticated request: its account, and its session grant when it came with a session token."""

    account: AccountKey
    session: SessionGrant | None = None


def session_id_of(raw_token: str) -> str | None:
    """The session id a token names (`sess_<id>.<secret>`), or None when it is not shaped like a session token."""
    session_id, dot, secret = raw_token.partition(".")
    return session_id if dot and secret and has_prefix(session_id, SESSION_ID_PREFIX) else None


def _live_session(record: SessionRecord | None, token_hash: str | None = None) -> SessionRecord | None:
    """The record when it is live: not revoked, not expired (checked here: TTL deletion lags), and, when a
    token is given, the one whose hash was stored."""
    if record is None or record.revoked or record.expires_at <= int(clock.now().timestamp()):
        return None
    if token_hash is not None and not hmac.compare_digest(record.token_hash, token_hash):
        return None
    return record


def _caller_of_session(record: SessionRecord) -> Caller:
    grant = SessionGrant(
        session_id=record.session_id,
        scope_kind=record.scope_kind,
        scope_id=record.scope_id,
        permissions=frozenset(record.permissions),
        expires_at=record.expires_at,
    )
    return Caller(AccountKey(record.account_id, record.profile_id), grant)


def caller_for_credential(raw: str | None, *, store: Store | None = None, sessions_only: bool = False) -> Caller | None:
    """Who a raw `anx-api-key` value (or `token` query parameter) acts for; None when missing, unknown, revoked
    or expired. `sessions_only` refuses account keys (a key never travels in a URL)."""
    if not raw or len(raw) > _MAX_KEY_LENGTH:
        return None
    session_id = session_id_of(raw)
    if session_id is not None:
        record = _live_session((store or Store()).get_session(session_id), hash_key(raw))
        return _caller_of_session(record) if record else None
    if sessions_only:
        return None
    account = account_for_key(raw, store=store)
    return Caller(account) if account else None


def check_session_scope(grant: SessionGrant, method: str, path: str, path_params: Mapping[str, Any]) -> None:
    """The one scope check of session tokens, on the request's (decoded) path and its route's path parameters:
    NotFound outside the token's migration or company, PermissionDenied for a mutation without `write` (and for
    deleting the migration itself, which no token may do)."""
    head, tail, param = _SCOPE_ROUTES[grant.scope_kind]
    root = f"{head}{grant.scope_id}{tail}"
    in_scope = (path == root or path.startswith(root + "/")) and path_params.get(param) == grant.scope_id
    if not in_scope:
        raise NotFound(OUT_OF_SCOPE_MESSAGE)
    if method.upper() in _SAFE_METHODS:
        return
    if WRITE not in grant.permissions:
        raise PermissionDenied("This session token may only read; mint one with the `write` permission.")
    if method.upper() == "DELETE" and grant.scope_kind == "migration" and path == root:
        raise PermissionDenied("A session token cannot delete its migration; use an account key.")


def grant_context(grant: SessionGrant | None) -> dict[str, str | int]:
    """The authorizer context entries of a grant (strings and numbers only, as API Gateway requires)."""
    if grant is None:
        return {}
    return {
        "session_id": grant.session_id,
        "session_scope_kind": grant.scope_kind,
        "session_scope_id": grant.scope_id,
        "session_permissions": ",".join(sorted(grant.permissions)),
        "session_expires_at": grant.expires_at,
    }


def caller_from_context(context: Mapping[str, Any], *, store: Store | None = None) -> Caller | None:
    """The caller the authorizer let through. A session is read again (one consistent GetItem): API Gateway may
    cache the authorizer's answer for minutes, and a revoked or expired token must stop working at once."""
    account_id = context.get("account_id")
    if not isinstance(account_id, str) or not account_id:
        return None
    session_id = context.get("session_id")
    if isinstance(session_id, str) and session_id:
        record = _live_session((store or Store()).get_session(session_id))
        return _caller_of_session(record) if record and record.account_id == account_id else None
    profile_id = context.get("profile_id")
    return Caller(AccountKey(account_id, profile_id if isinstance(profile_id, str) and profile_id else None))


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
    """The REQUEST authorizer's answer: an Allow policy for the whole API stage, with the caller as context.

    The credential is the `anx-api-key` header, or on a GET a session token as the `token` query parameter (the
    app takes that one only on the routes a browser cannot send headers to). A session token's scope is
    enforced by the app (`check_session_scope`), since one cached answer covers every route.
    Raises Exception("Unauthorized"), which API Gateway turns into its 401 gateway response.
    """
    caller = caller_for_credential(header_value(event.get("headers"), API_KEY_HEADER))
    if caller is None and str(event.get("httpMethod", "")).upper() == "GET":
        query = event.get("queryStringParameters") or {}
        token = query.get(TOKEN_QUERY_PARAMETER) if isinstance(query, dict) else None
        caller = caller_for_credential(token if isinstance(token, str) else None, sessions_only=True)
    if caller is None:
        logger.info("authorizer denied a request")
        raise Exception("Unauthorized")  # the exact message API Gateway maps to its 401
    # arn:aws:execute-api:region:acct:api-id/stage/METHOD/path -> .../api-id/stage/* so one cached
    # answer (ReauthorizeEvery) covers every route of the stage.
    arn_prefix, _, resource = str(event["methodArn"]).partition(":execute-api:")
    region, aws_account, api_path = resource.split(":", 2)
    api_id, stage = api_path.split("/")[:2]
    policy_resource = f"{arn_prefix}:execute-api:{region}:{aws_account}:{api_id}/{stage}/*"
    account = caller.account
    return {
        "principalId": account.account_id,
        "policyDocument": {
            "Version": "2012-10-17",
            "Statement": [{"Action": "execute-api:Invoke", "Effect": "Allow", "Resource": policy_resource}],
        },
        # Context values must be strings, numbers or booleans: no profile is "".
        "context": {
            "account_id": account.account_id,
            "profile_id": account.profile_id or "",
            **grant_context(caller.session),
        },
        "usageIdentifierKey": AuthorizerSettings().throttle_key_value,
    }
