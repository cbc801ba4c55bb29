"""Connection items (owned by ferry.connections.service; no secrets here, only the secret's ARN; PK / SK):

connection   MIG#<mig>   CONN#<profile or "workbook">#<source_key>
             account_id, connection_id, config_json, streams_json, state_json, pending_state_json,
             secret_arn, creds_configured, extractor, last_extraction_json, last_synced_at
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from ferry.aws.dynamo.store import Store
from ferry.aws.dynamo.table import (
    StoreBase,
    _dump_json_fields,
    _key,
    _load_json_fields,
    _marshal_item,
    _set_or_remove,
    _unmarshal_item,
    _update_expression,
)

WORKBOOK_PROFILE = "workbook"


class ConnectionRecord(BaseModel):
    """A source connection of a migration, bound to a profile or (profile_key "workbook") to the migration."""

    account_id: str
    migration_id: str
    connection_id: str
    source_key: str
    profile_key: str
    config: dict[str, Any]
    streams: list[str] | None = None  # None: the connector's default streams
    state: dict[str, Any]
    pending_state: dict[str, Any] | None = None  # bookmarks of the last extraction, until an execute commits
    secret_arn: str | None = None
    creds_configured: bool = False
    extractor: str | None = None
    last_extraction: dict[str, Any] | None = None
    last_synced_at: str | None = None
    created_at: str
    updated_at: str

    @property
    def profile_id(self) -> str | None:
        """The bound profile, or None for the workbook-bound connection."""
        return None if self.profile_key == WORKBOOK_PROFILE else self.profile_key


_CONNECTION_JSON = {name: f"{name}_json" for name in ("config", "streams", "state", "pending_state", "last_extraction")}


def _connection_json(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), default=str)


def _connection_key(migration_id: str, profile_key: str, source_key: str) -> dict[str, Any]:
    return _key(f"MIG#{migration_id}", f"CONN#{profile_key}#{source_key}")


def _connection_attributes(record: ConnectionRecord) -> dict[str, Any]:
    data = record.model_dump(exclude=set(_CONNECTION_JSON))
    data["type"] = "connection"
    _dump_json_fields(data, record, _CONNECTION_JSON, _connection_json)
    return _marshal_item(data)


def _connection_record(item: dict[str, Any]) -> ConnectionRecord:
    return ConnectionRecord.model_validate(_load_json_fields(_unmarshal_item(item), _CONNECTION_JSON))


def _connection_attribute(field_name: str, value: Any) -> tuple[str, Any]:
    """The stored attribute name and value of a ConnectionRecord field (nested values are stored as JSON)."""
    if field_name in _CONNECTION_JSON:
        return _CONNECTION_JSON[field_name], (_connection_json(value) if value is not None else None)
    return field_name, value


class ConnectionStore(StoreBase):
    """Connection items in the single table (a view over a Store's table and client)."""

    def __init__(self, store: Store | None = None) -> None:
        self._store = store or Store()

    @property
    def table(self) -> str:
        """The store's table name."""
        return self._store.table

    @property
    def client(self) -> Any:
        """The store's DynamoDB client."""
        return self._store.client

    def put(self, record: ConnectionRecord, *, replacing: str | None) -> bool:
        """Create the item (`replacing` None) or replace the one holding `replacing` as connection_id.

        False when the condition fails: another request created or replaced the connection meanwhile.
        """
        condition = "attribute_not_exists(PK)" if replacing is None else "connection_id = :id"
        kwargs: dict[str, Any] = {}
        if replacing is not None:
            kwargs["ExpressionAttributeValues"] = {":id": {"S": replacing}}
        stored = self._write_if(
            "put_item",
            Item={
                **_connection_key(record.migration_id, record.profile_key, record.source_key),
                **_connection_attributes(record),
            },
            ConditionExpression=condition,
            **kwargs,
        )
        return stored is not None

    def get(self, migration_id: str, profile_key: str, source_key: str) -> ConnectionRecord | None:
        """The connection, or None."""
        item = self._get(_connection_key(migration_id, profile_key, source_key))
        return _connection_record(item) if item else None

    def list_for(self, migration_id: str, profile_key: str | None = None) -> list[ConnectionRecord]:
        """The migration's connections (of one profile when given)."""
        prefix = "CONN#" if profile_key is None else f"CONN#{profile_key}#"
        return [_connection_record(item) for item in self._query_prefix(f"MIG#{migration_id}", prefix)]

    def delete(self, migration_id: str, profile_key: str, source_key: str) -> ConnectionRecord | None:
        """Delete the item and return what it held; None when there was none."""
        old = self._delete_existing(_connection_key(migration_id, profile_key, source_key))
        return _connection_record(old) if old else None

    def bookmark_move(self, record: ConnectionRecord, now: str) -> dict[str, Any]:
        """The transaction item that makes `record`'s last extraction's bookmarks (`pending_state`) its state,
        if the connection still holds record's id and a pending extraction."""
        names, values, sets, removes = _set_or_remove(
            _connection_attribute(field_name, value)
            for field_name, value in {"state": record.pending_state, "pending_state": None, "updated_at": now}.items()
        )
        values[":id"] = record.connection_id
        return {
            "Update": {
                "TableName": self.table,
                "Key": _connection_key(record.migration_id, record.profile_key, record.source_key),
                "UpdateExpression": _update_expression(sets, removes),
                "ConditionExpression": "connection_id = :id AND attribute_exists(pending_state_json)",
                "ExpressionAttributeNames": names,
                "ExpressionAttributeValues": _marshal_item(values),
            }
        }

    def move_bookmarks(self, record: ConnectionRecord, now: str) -> bool:
        """Make `bookmark_move` on its own; False when the connection was replaced or had nothing pending."""
        return self._transact([self.bookmark_move(record, now)]) is None

    def update(self, record: ConnectionRecord, changes: dict[str, Any]) -> ConnectionRecord | None:
        """Apply `changes` (field -> value, None removes) to the connection still holding record's id.

        None when the connection was deleted or replaced by another one meanwhile.
        """
        names, values, sets, removes = _set_or_remove(
            _connection_attribute(field_name, value) for field_name, value in changes.items()
        )
        values[":id"] = record.connection_id
        updated = self._write_if(
            "update_item",
            Key=_connection_key(record.migration_id, record.profile_key, record.source_key),
            UpdateExpression=_update_expression(sets, removes),
            ConditionExpression="connection_id = :id",
            ExpressionAttributeNames=names,
            ExpressionAttributeValues=_marshal_item(values),
            ReturnValues="ALL_NEW",
        )
        return _connection_record(updated["Attributes"]) if updated is not None else None
