"""Session token items (PK / SK), written when an account key mints a token and read on every request made with it:

session      SESSION#<session_id>   SESSION   account_id, profile_id, scope_kind, scope_id, permissions,
                                              token_hash (SHA-256 of the token), created_at, expires_at, revoked

`expires_at` is the table's TTL attribute (epoch seconds), so DynamoDB deletes the item some time after it
expires; the time is still checked on every read, because TTL deletion can lag by days.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

from ferry.aws.dynamo.table import StoreBase, _key, _marshal_item, _unmarshal_item

SessionScopeKind = Literal["migration", "company"]


class SessionRecord(BaseModel):
    """What a stored session token grants (the token itself is never stored, only its hash)."""

    session_id: str
    account_id: str
    profile_id: str | None = None
    scope_kind: SessionScopeKind
    scope_id: str
    permissions: list[str]
    token_hash: str
    created_at: str
    expires_at: int  # epoch seconds: the table's TTL attribute
    revoked: bool = False


def _session_key(session_id: str) -> dict[str, Any]:
    return _key(f"SESSION#{session_id}", "SESSION")


class SessionItems(StoreBase):
    """The session token methods of `Store`."""

    def put_session(self, record: SessionRecord) -> None:
        """Store a freshly minted session (its id is new: a clash is a bug and raises)."""
        self._put_new({**_session_key(record.session_id), **_marshal_item({"type": "session", **record.model_dump()})})

    def get_session(self, session_id: str) -> SessionRecord | None:
        """The stored session, expired or revoked or not; a consistent read, so a revocation counts at once."""
        item = self._get(_session_key(session_id))
        return SessionRecord.model_validate(_unmarshal_item(item)) if item else None

    def revoke_session(self, account_id: str, session_id: str) -> bool:
        """Mark the account's session revoked; False when the account has no such session."""
        revoked = self._write_if(
            "update_item",
            Key=_session_key(session_id),
            UpdateExpression="SET revoked = :true",
            ConditionExpression="attribute_exists(PK) AND account_id = :acct",
            ExpressionAttributeValues={":true": {"BOOL": True}, ":acct": {"S": account_id}},
        )
        return revoked is not None
