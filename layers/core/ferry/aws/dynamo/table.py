"""The single table's plumbing, shared by every aggregate's module: the table handle (`StoreBase`, whose
conditional-write, transaction and query helpers the aggregates' mixins call), item keys and scopes, attribute
marshalling, JSON-string attributes, page cursors and the ClientError codes the store maps to outcomes.

A run's scope is its partition: `MIG#<mig>` for a migration's runs, `CO#<acct>#<company>` for a company's
imports (`migration_scope` / `company_scope`); the scope holds at most one active run (its lock):

    active lock  <scope>          ACTIVE         run_id (written by the run lifecycle)

Nested values (templates, sheet summaries) are stored as JSON strings: DynamoDB would turn their
numbers into Decimals and they are always read and written whole.

Names with a leading underscore are private to the package `ferry.aws.dynamo`: its modules share them,
nothing outside it uses them (tests of the encoding aside).
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Literal

from botocore.exceptions import ClientError

from ferry.aws import clients as aws
from ferry.core.config import get_settings
from ferry.core.errors import InvalidRequest
from ferry.core.ids import has_prefix

_CONDITION_FAILED = "ConditionalCheckFailedException"  # a single write's condition did not hold
_CHECK_FAILED = "ConditionalCheckFailed"  # a transaction item's cancellation reason: its condition did not hold
_TRANSACTION_CANCELED = "TransactionCanceledException"


# ------------------------------------------------------------------------------------------ keys


def _key(pk: str, sk: str) -> dict[str, Any]:
    return {"PK": {"S": pk}, "SK": {"S": sk}}


def migration_scope(migration_id: str) -> str:
    """The scope of a migration's runs (generate, update, clarify, execute)."""
    return f"MIG#{migration_id}"


def company_scope(account_id: str, company_id: str) -> str:
    """The scope of a company's imports (the company id is the client's, so the account is part of it)."""
    return f"CO#{account_id}#{company_id}"


def _active_lock_key(scope: str) -> dict[str, Any]:
    return _key(scope, "ACTIVE")


# ------------------------------------------------------------------------------------------ the table


class StoreBase:
    """The single table's handle, which every aggregate's mixin of `Store` extends.

    `client` is an optional boto3 DynamoDB client (tests inject a stubbed one).
    """

    def __init__(self, table_name: str | None = None, client: Any = None) -> None:
        self._table_name = table_name
        self._client = client

    @property
    def table(self) -> str:
        """The table name (from settings unless given)."""
        return self._table_name or get_settings().table_name

    @property
    def client(self) -> Any:
        """The injected DynamoDB client, else the shared lazily created one."""
        return self._client or aws.client("dynamodb")

    def _get(self, key: dict[str, Any], *, consistent: bool = True) -> dict[str, Any] | None:
        """The item at `key`, or None; a strongly consistent read unless `consistent` is False."""
        options: dict[str, Any] = {"ConsistentRead": True} if consistent else {}
        item = self.client.get_item(TableName=self.table, Key=key, **options).get("Item")
        return item or None

    def _new_put(self, item: dict[str, Any], **options: Any) -> dict[str, Any]:
        """A transaction item that puts `item` only where no item is yet (ids are fresh: a clash is a bug)."""
        return {
            "Put": {"TableName": self.table, "Item": item, "ConditionExpression": "attribute_not_exists(PK)", **options}
        }

    def _put_new(self, item: dict[str, Any]) -> None:
        """Put `item` where no item is yet (the condition only guards against a bug: ids are fresh)."""
        self.client.put_item(**self._new_put(item)["Put"])

    def _write_if(
        self, operation: Literal["put_item", "update_item", "delete_item"], **request: Any
    ) -> dict[str, Any] | None:
        """Make one conditional write on the table; None when its condition did not hold, else the response.

        Every other error propagates.
        """
        try:
            response: dict[str, Any] = getattr(self.client, operation)(**{"TableName": self.table, **request})
        except ClientError as exc:
            if _error_code(exc) == _CONDITION_FAILED:
                return None
            raise
        return response

    def _delete_existing(self, key: dict[str, Any]) -> dict[str, Any] | None:
        """Delete the item at `key` and return what it held; None when there was none."""
        deleted = self._write_if(
            "delete_item", Key=key, ConditionExpression="attribute_exists(PK)", ReturnValues="ALL_OLD"
        )
        return deleted.get("Attributes") if deleted is not None else None

    def _transact(self, items: list[dict[str, Any]]) -> ClientError | None:
        """Write `items` in one transaction; None when it committed, else the TransactionCanceledException
        (`_reason_codes` says which item's condition failed, in the order of `items`).

        Every other error propagates.
        """
        try:
            self.client.transact_write_items(TransactItems=items)
        except ClientError as exc:
            if _error_code(exc) != _TRANSACTION_CANCELED:
                raise
            return exc
        return None

    def _query_all(self, **request: Any) -> Iterator[dict[str, Any]]:
        """Every item a query on the table matches, page after page."""
        request = {"TableName": self.table, **request}
        while True:
            page = self.client.query(**request)
            yield from page.get("Items", [])
            if "LastEvaluatedKey" not in page:
                return
            request["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    def _query_prefix(self, pk: str, sk_prefix: str) -> Iterator[dict[str, Any]]:
        """Every item of partition `pk` whose sort key starts with `sk_prefix`, in sort key order (consistent)."""
        return self._query_all(
            KeyConditionExpression="PK = :pk AND begins_with(SK, :prefix)",
            ExpressionAttributeValues={":pk": {"S": pk}, ":prefix": {"S": sk_prefix}},
            ConsistentRead=True,
        )

    def _query_page(
        self, pk: str, sk_prefix: str, id_prefix: str, limit: int, cursor: str | None, **options: Any
    ) -> tuple[list[dict[str, Any]], str | None]:
        """One page of partition `pk`'s items whose sort key is `sk_prefix` + an `id_prefix` id, newest first,
        and the cursor of the next page (or None)."""
        request: dict[str, Any] = {
            "TableName": self.table,
            "KeyConditionExpression": "PK = :pk AND begins_with(SK, :prefix)",
            "ExpressionAttributeValues": {":pk": {"S": pk}, ":prefix": {"S": sk_prefix}},
            "ScanIndexForward": False,  # ids sort by creation time, so descending SK is newest first
            "Limit": limit + 1,  # one extra item tells whether another page exists
            **options,
        }
        if cursor is not None:
            request["ExclusiveStartKey"] = _key(pk, _decode_cursor(cursor, sk_prefix, id_prefix))
        items = self.client.query(**request).get("Items", [])
        page = items[:limit]
        next_cursor = _encode_cursor(page[-1]["SK"]["S"]) if len(items) > limit else None
        return page, next_cursor


def _error_code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))


def _reason_codes(canceled: ClientError) -> list[str | None]:
    """The cancellation reason code of each item of a canceled transaction, in order."""
    return [reason.get("Code") for reason in canceled.response.get("CancellationReasons", [])]


# ------------------------------------------------------------------------------------------ updates


def _set_or_remove(
    changes: Iterable[tuple[str, Any]],
) -> tuple[dict[str, str], dict[str, Any], list[str], list[str]]:
    """Update clauses for (attribute, value) pairs: `#a<n> = :a<n>`, or REMOVE `#a<n>` when the value is None.

    Returns (names, values, sets, removes) for the caller to add its own to; values are not marshalled.
    """
    names: dict[str, str] = {}
    values: dict[str, Any] = {}
    sets: list[str] = []
    removes: list[str] = []
    for n, (attribute, value) in enumerate(changes):
        names[f"#a{n}"] = attribute
        if value is None:
            removes.append(f"#a{n}")
        else:
            sets.append(f"#a{n} = :a{n}")
            values[f":a{n}"] = value
    return names, values, sets, removes


def _update_expression(sets: list[str], removes: list[str]) -> str:
    """`SET … REMOVE …`, leaving out an empty clause."""
    clauses = [f"{verb} " + ", ".join(parts) for verb, parts in (("SET", sets), ("REMOVE", removes)) if parts]
    return " ".join(clauses)


# ------------------------------------------------------------------------------------------ JSON attributes


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _dump_json_fields(
    data: dict[str, Any], record: Any, fields: Mapping[str, str], encode: Callable[[Any], str] = _json
) -> None:
    """Store each of `record`'s `fields` (field -> attribute) that is not None in `data` as a JSON string."""
    for field_name, attribute in fields.items():
        value = getattr(record, field_name)
        if value is not None:
            data[attribute] = encode(value)


def _load_json_fields(data: dict[str, Any], fields: Mapping[str, str]) -> dict[str, Any]:
    """Turn the JSON-string attributes of `fields` (field -> attribute) in `data` back into the fields."""
    for field_name, attribute in fields.items():
        raw = data.pop(attribute, None)
        if raw is not None:
            data[field_name] = json.loads(raw)
    return data


# ------------------------------------------------------------------------------------------ cursors


def _encode_cursor(sort_key: str) -> str:
    raw = json.dumps({"sk": sort_key}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str, sk_prefix: str = "MIG#", id_prefix: str | None = "mig") -> str:
    """The sort key a cursor names; a cursor we did not issue is a 400, never a DynamoDB error.

    With `id_prefix` None the sort key only has to start with `sk_prefix` (keys that end in no id)."""
    try:
        payload = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        sort_key = payload["sk"]
    except (binascii.Error, ValueError, TypeError, KeyError):
        sort_key = None
    if (
        not isinstance(sort_key, str)
        or not sort_key.startswith(sk_prefix)
        or (id_prefix is not None and not has_prefix(sort_key[len(sk_prefix) :], id_prefix))
    ):
        raise InvalidRequest("The cursor is not valid; pass the next_cursor of a previous page.", param="cursor")
    return sort_key


# ------------------------------------------------------------------------------------------ marshalling

_SKIP = {"PK", "SK", "GSI1PK", "GSI1SK", "GSI2PK", "GSI2SK", "type"}


def _marshal(value: Any) -> dict[str, Any]:
    if value is None:
        return {"NULL": True}
    if isinstance(value, bool):
        return {"BOOL": value}
    if isinstance(value, int):
        return {"N": str(value)}
    if isinstance(value, str):
        return {"S": value}
    if isinstance(value, list):
        return {"L": [_marshal(v) for v in value]}
    if isinstance(value, dict):
        return {"M": {k: _marshal(v) for k, v in value.items()}}
    raise TypeError(f"cannot store a {type(value).__name__} in DynamoDB")


def _unmarshal(attribute: dict[str, Any]) -> Any:
    ((kind, value),) = attribute.items()
    if kind == "S" or kind == "BOOL":
        return value
    if kind == "N":
        return int(value) if value.lstrip("-").isdigit() else float(value)
    if kind == "NULL":
        return None
    if kind == "L":
        return [_unmarshal(v) for v in value]
    if kind == "M":
        return {k: _unmarshal(v) for k, v in value.items()}
    raise TypeError(f"unexpected DynamoDB attribute type {kind}")


def _marshal_item(data: dict[str, Any]) -> dict[str, Any]:
    """Attributes for an item; None values are left out (absent, not NULL)."""
    return {k: _marshal(v) for k, v in data.items() if v is not None}


def _unmarshal_item(item: dict[str, Any]) -> dict[str, Any]:
    return {k: _unmarshal(v) for k, v in item.items() if k not in _SKIP}
