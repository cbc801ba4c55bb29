"""A company import's own items (PK / SK); the import itself is a run in the company's scope (see `runs`):

    idempotency  CO#<acct>#<co>   IDEM#<sha256>  run_id, request_hash (an import's idempotency key, hashed)

An idempotency item is claimed in the transaction that creates the import's run (`Store.create_run`).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ferry.aws.dynamo.table import StoreBase, _key, _marshal_item, _unmarshal_item


class IdempotencyRecord(BaseModel):
    """What an import's idempotency key was first used for: the run it created and the request's hash."""

    run_id: str
    request_hash: str
    created_at: str


def _idempotency_key(scope: str, key_hash: str) -> dict[str, Any]:
    return _key(scope, f"IDEM#{key_hash}")


def _idempotency_item(scope: str, key_hash: str, used_for: IdempotencyRecord) -> dict[str, Any]:
    return {**_idempotency_key(scope, key_hash), **_marshal_item({"type": "idempotency", **used_for.model_dump()})}


def _idempotency_record(item: dict[str, Any]) -> IdempotencyRecord:
    return IdempotencyRecord.model_validate(_unmarshal_item(item))


class ImportItems(StoreBase):
    """The idempotency methods of `Store`."""

    def get_idempotency(self, scope: str, key_hash: str) -> IdempotencyRecord | None:
        """What an idempotency key of the scope was used for, or None when it was never used."""
        item = self._get(_idempotency_key(scope, key_hash))
        return _idempotency_record(item) if item else None
