"""Mapping-memory items of an account (PK / SK): what a customer confirmed by executing a recipe.

memory       ACCT#<acct>      MEMORY#<sheet_id>#<normalized header>#<signature>#<field>
                                             memory_id, template, header, ops_json, migration_id,
                                             migration_name, confirmed_at, created_at

One item per (template, source column, field): the column is told apart by its normalised header and a
signature of its values, so the same header holding other kinds of values is another memory. Recording
a column again replaces what it was remembered for (the latest confirmation wins, and a retried recording
writes the same items), keeping the entry's `memory_id` and `created_at`. The sort key orders a listing
by template, then header.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from ferry.aws.dynamo.table import (
    StoreBase,
    _decode_cursor,
    _encode_cursor,
    _json,
    _key,
    _load_json_fields,
    _marshal_item,
    _unmarshal_item,
)

MEMORY_PREFIX = "MEMORY#"
_MAX_HEADER_KEY = 200  # characters of the normalised header in the sort key (its item keeps it whole)


class MemoryRecord(BaseModel):
    """One remembered mapping: a source column (as its header and values look) → a template field, with ops."""

    account_id: str
    memory_id: str
    sheet_id: str  # the template's sheet_id
    template: str  # the template's name when it was confirmed
    field: str
    header: str  # the column's header as the file had it
    normalized_header: str
    value_signature: str
    ops: list[dict[str, Any]]
    migration_id: str
    migration_name: str
    confirmed_at: str
    created_at: str


def _account_pk(account_id: str) -> str:
    return f"ACCT#{account_id}"


def _column_prefix(sheet_id: str, normalized_header: str, value_signature: str) -> str:
    """The sort-key prefix of a column's memories in one template (every field it was confirmed for)."""
    header = normalized_header.replace("#", " ")
    if len(header) > _MAX_HEADER_KEY:  # long headers: cut, with a digest so two long headers stay apart
        digest = hashlib.sha256(normalized_header.encode("utf-8")).hexdigest()[:16]
        header = f"{header[: _MAX_HEADER_KEY - 17]}~{digest}"
    return f"{MEMORY_PREFIX}{sheet_id}#{header}#{value_signature.replace('#', ' ')}#"


def _memory_sort_key(record: MemoryRecord) -> str:
    return _column_prefix(record.sheet_id, record.normalized_header, record.value_signature) + record.field


def _template_prefix(sheet_id: str | None) -> str:
    return f"{MEMORY_PREFIX}{sheet_id}#" if sheet_id else MEMORY_PREFIX


class MemoryItems(StoreBase):
    """The mapping-memory methods of `Store`."""

    def remember_mappings(self, records: list[MemoryRecord]) -> None:
        """Upsert confirmed mappings. Per column (template, header, signature) the fields given replace the
        fields it was remembered for; an entry that stays keeps its `memory_id` and `created_at`."""
        columns: dict[tuple[str, str], set[str]] = {}
        for record in records:
            prefix = _column_prefix(record.sheet_id, record.normalized_header, record.value_signature)
            columns.setdefault((record.account_id, prefix), set()).add(record.field)
        for (account_id, prefix), fields in columns.items():
            for item in self._memory_items(account_id, prefix):
                if _unmarshal_item(item).get("field") not in fields:  # confirmed for another field before
                    self.client.delete_item(TableName=self.table, Key={"PK": item["PK"], "SK": item["SK"]})
        for record in records:
            self._upsert_memory(record)

    def _upsert_memory(self, record: MemoryRecord) -> None:
        data = record.model_dump(exclude={"memory_id", "created_at", "ops"})
        data.update(type="memory", ops_json=_json(record.ops))
        values = _marshal_item({f":{name}": value for name, value in data.items()})
        values.update(_marshal_item({":memory_id": record.memory_id, ":created_at": record.created_at}))
        names = {f"#{name}": name for name in data}
        sets = [f"#{name} = :{name}" for name in data]
        sets += [
            "memory_id = if_not_exists(memory_id, :memory_id)",
            "created_at = if_not_exists(created_at, :created_at)",
        ]
        self.client.update_item(
            TableName=self.table,
            Key=_key(_account_pk(record.account_id), _memory_sort_key(record)),
            UpdateExpression="SET " + ", ".join(sets),
            ExpressionAttributeNames=names,
            ExpressionAttributeValues=values,
        )

    def list_memories(
        self, account_id: str, limit: int, cursor: str | None = None, sheet_id: str | None = None
    ) -> tuple[list[MemoryRecord], str | None]:
        """One page of the account's memories (of one template with `sheet_id`), by template then header,
        and the cursor of the next page (or None)."""
        prefix = _template_prefix(sheet_id)
        request: dict[str, Any] = {
            "TableName": self.table,
            "KeyConditionExpression": "PK = :pk AND begins_with(SK, :prefix)",
            "ExpressionAttributeValues": {":pk": {"S": _account_pk(account_id)}, ":prefix": {"S": prefix}},
            "Limit": limit + 1,  # one extra item tells whether another page exists
        }
        if cursor is not None:
            request["ExclusiveStartKey"] = _key(_account_pk(account_id), _decode_cursor(cursor, prefix, None))
        items = self.client.query(**request).get("Items", [])
        page = items[:limit]
        next_cursor = _encode_cursor(page[-1]["SK"]["S"]) if len(items) > limit else None
        return [_memory_record(item) for item in page], next_cursor

    def all_memories(self, account_id: str, sheet_ids: list[str] | None = None) -> list[MemoryRecord]:
        """Every memory of the account (of the templates `sheet_ids` only, when given)."""
        prefixes = [_template_prefix(s) for s in sheet_ids] if sheet_ids is not None else [MEMORY_PREFIX]
        return [_memory_record(item) for prefix in prefixes for item in self._memory_items(account_id, prefix)]

    def delete_memory(self, account_id: str, memory_id: str) -> bool:
        """Forget one memory of the account; False when the account has none with this id."""
        for item in self._memory_items(account_id, MEMORY_PREFIX):
            if item.get("memory_id", {}).get("S") == memory_id:
                deleted = self._write_if(
                    "delete_item",
                    Key={"PK": item["PK"], "SK": item["SK"]},
                    ConditionExpression="memory_id = :id",
                    ExpressionAttributeValues={":id": {"S": memory_id}},
                )
                return deleted is not None
        return False

    def delete_all_memories(self, account_id: str) -> int:
        """Forget every memory of the account; how many there were."""
        keys = [{"PK": item["PK"], "SK": item["SK"]} for item in self._memory_items(account_id, MEMORY_PREFIX)]
        for key in keys:
            self.client.delete_item(TableName=self.table, Key=key)
        return len(keys)

    def delete_migration_memories(self, account_id: str, migration_id: str) -> int:
        """Forget what the account learned from one migration (it is being deleted); how many there were."""
        keys = [
            {"PK": item["PK"], "SK": item["SK"]}
            for item in self._memory_items(account_id, MEMORY_PREFIX)
            if item.get("migration_id", {}).get("S") == migration_id
        ]
        for key in keys:
            self.client.delete_item(TableName=self.table, Key=key)
        return len(keys)

    def _memory_items(self, account_id: str, prefix: str) -> Iterator[dict[str, Any]]:
        return self._query_prefix(_account_pk(account_id), prefix)


def _memory_record(item: dict[str, Any]) -> MemoryRecord:
    return MemoryRecord.model_validate(_load_json_fields(_unmarshal_item(item), {"ops": "ops_json"}))
