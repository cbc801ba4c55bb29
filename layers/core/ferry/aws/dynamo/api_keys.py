"""API key items (PK / SK), read by the authorizer and written by key registration:

api key      KEY#<sha256>     KEY            account_id, profile_id, revoked
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ferry.aws.dynamo.table import StoreBase, _key, _marshal_item, _unmarshal_item
from ferry.core.errors import Conflict


class ApiKeyRecord(BaseModel):
    """What a stored API key grants (the key itself is never stored)."""

    account_id: str
    profile_id: str | None = None
    revoked: bool = False
    created_at: str


def _api_key_key(key_hash: str) -> dict[str, Any]:
    return _key(f"KEY#{key_hash}", "KEY")


class ApiKeyItems(StoreBase):
    """The API key methods of `Store`."""

    def put_api_key(self, key_hash: str, record: ApiKeyRecord) -> None:
        """Store a key; registering the same key again for the same account is harmless."""
        stored = self._write_if(
            "put_item",
            Item={**_api_key_key(key_hash), **_marshal_item({"type": "api_key", **record.model_dump()})},
            ConditionExpression="attribute_not_exists(PK) OR account_id = :acct",
            ExpressionAttributeValues={":acct": {"S": record.account_id}},
        )
        if stored is None:
            raise Conflict("This API key is already registered to another account.")

    def get_api_key(self, key_hash: str) -> ApiKeyRecord | None:
        """The stored key with this hash, revoked or not."""
        item = self._get(_api_key_key(key_hash), consistent=False)
        return ApiKeyRecord.model_validate(_unmarshal_item(item)) if item else None

    def revoke_api_key(self, key_hash: str) -> bool:
        """Mark a key revoked; False when no such key is stored."""
        revoked = self._write_if(
            "update_item",
            Key=_api_key_key(key_hash),
            UpdateExpression="SET revoked = :true",
            ConditionExpression="attribute_exists(PK)",
            ExpressionAttributeValues={":true": {"BOOL": True}},
        )
        return revoked is not None
