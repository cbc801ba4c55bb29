"""Issuing credentials: operators' account keys (this command line) and the session tokens `POST /v1/sessions`
mints for a browser (`mint_session`, `revoke_session`; what a token may do is checked in `ferry.api.auth`).

    FERRY_TABLE_NAME=<table> python -m ferry.api.keys create --account acct_acme [--profile prof_x]
    FERRY_TABLE_NAME=<table> python -m ferry.api.keys revoke <key>

`create` prints the new key once; only its SHA-256 hash is stored (a session token's too).
"""

from __future__ import annotations

import argparse
import secrets
import sys
from collections.abc import Iterable
from datetime import UTC, datetime

from ferry.api.auth import PERMISSIONS, READ, hash_key, register_api_key, revoke_api_key
from ferry.aws.dynamo import SessionRecord, SessionScopeKind, Store
from ferry.core import clock
from ferry.core.domain import AccountKey
from ferry.core.errors import InvalidRequest, NotFound
from ferry.core.ids import has_prefix, new_id
from ferry.core.observability import logger
from ferry.imports.service import scope_of
from ferry.migrations.service import require_migration

SESSION_NOT_FOUND = "Session not found."


def new_api_key() -> str:
    """A fresh key: 32 random bytes, URL-safe, with a recognisable prefix for secret scanners."""
    return "fk_live_" + secrets.token_urlsafe(32)


def mint_session(
    db: Store,
    account: AccountKey,
    scope_kind: SessionScopeKind,
    scope_id: str,
    expires_in: int,
    permissions: Iterable[str],
) -> tuple[SessionRecord, str]:
    """A new session token for one of the account's migrations (404 when it is not the account's) or one of its
    companies (any id the account chooses, as for imports). Returns the record and the token, which is never
    stored or shown again."""
    if scope_kind == "migration":
        require_migration(db, account.account_id, scope_id)
    else:
        scope_of(account.account_id, scope_id)  # 400 for a malformed company id, as the import routes answer
    unknown = sorted(set(permissions) - set(PERMISSIONS))
    if unknown:
        raise InvalidRequest(f"`permissions`: unknown permission `{unknown[0]}`.", param="permissions")
    session_id = new_id("sess")
    token = f"{session_id}.{secrets.token_urlsafe(32)}"
    now = clock.now()
    record = SessionRecord(
        session_id=session_id,
        account_id=account.account_id,
        profile_id=account.profile_id,
        scope_kind=scope_kind,
        scope_id=scope_id,
        # Every token reads its scope; `write` adds the mutating routes.
        permissions=sorted({READ, *permissions}),
        token_hash=hash_key(token),
        created_at=clock.iso(now),
        expires_at=int(now.timestamp()) + expires_in,
    )
    db.put_session(record)
    logger.info("session minted", session_id=session_id, account_id=account.account_id, scope_kind=scope_kind)
    return record, token


def session_expiry_iso(record: SessionRecord) -> str:
    """When the session stops working, as the contract writes times."""
    return clock.iso(datetime.fromtimestamp(record.expires_at, UTC))


def revoke_session(db: Store, account_id: str, session_id: str) -> None:
    """Revoke one of the account's sessions at once (revoking it again is harmless); 404 when it is not the
    account's."""
    if not has_prefix(session_id, "sess") or not db.revoke_session(account_id, session_id):
        raise NotFound(SESSION_NOT_FOUND)
    logger.info("session revoked", session_id=session_id, account_id=account_id)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ferry.api.keys", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    create = commands.add_parser("create", help="create a key for an account and print it once")
    create.add_argument("--account", required=True, help="the account id the key acts for")
    create.add_argument("--profile", default=None, help="the key's default connection profile")
    revoke = commands.add_parser("revoke", help="revoke a key at once")
    revoke.add_argument("key")
    args = parser.parse_args(argv)

    if args.command == "create":
        key = new_api_key()
        register_api_key(key, args.account, args.profile)
        print(key)
        return 0
    if not revoke_api_key(args.key):
        print("no such key", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
