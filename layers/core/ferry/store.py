"""DynamoDB access: the only code that knows the single table's keys, item shapes and conditions.

Items (see docs/architecture; PK / SK):

    api key      KEY#<sha256>     KEY            account_id, profile_id, revoked
    migration    ACCT#<acct>      MIG#<mig>      name, templates_json, preview_version
    file         MIG#<mig>        FILE#<file>    status, upload_key, etag, sheets_json, manifest_key, error
    active lock  MIG#<mig>        ACTIVE         run_id (written by the run lifecycle)

Nested values (templates, sheet summaries) are stored as JSON strings: DynamoDB would turn their
numbers into Decimals and they are always read and written whole.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any, Literal

from botocore.exceptions import ClientError
from pydantic import BaseModel

from ferry import aws
from ferry.config import get_settings
from ferry.errors import Conflict, InvalidRequest
from ferry.ids import has_prefix
from ferry.models import Template

FileStatus = Literal["pending_upload", "ready", "rejected"]
DeleteOutcome = Literal["deleted", "not_found", "active_run"]

_CONDITION_FAILED = "ConditionalCheckFailedException"


# ------------------------------------------------------------------------------------------ records


class ApiKeyRecord(BaseModel):
    """What a stored API key grants (the key itself is never stored)."""

    account_id: str
    profile_id: str | None = None
    revoked: bool = False
    created_at: str


class MigrationRecord(BaseModel):
    """A migration item."""

    account_id: str
    migration_id: str
    name: str
    templates: list[Template]
    preview_version: int | None = None
    created_at: str
    updated_at: str


class SheetSummary(BaseModel):
    """What a ready file's sheet holds, kept on the file item."""

    sheet_id: str
    name: str
    columns: list[str]
    row_count: int


class FileRecord(BaseModel):
    """A file item."""

    account_id: str
    migration_id: str
    file_id: str
    filename: str
    content_type: str
    size: int | None = None
    status: FileStatus
    upload_key: str
    sheets: list[SheetSummary] | None = None
    error: str | None = None
    manifest_key: str | None = None
    etag: str | None = None
    uploaded_at: str | None = None  # S3 eventTime of the object the current status describes
    created_at: str
    updated_at: str


class IngestResult(BaseModel):
    """The outcome of ingesting one uploaded object, recorded on its file item."""

    status: Literal["ready", "rejected"]
    etag: str
    uploaded_at: str
    size: int
    sheets: list[SheetSummary] | None = None
    manifest_key: str | None = None
    error: str | None = None


# ------------------------------------------------------------------------------------------ keys


def _key(pk: str, sk: str) -> dict[str, Any]:
    return {"PK": {"S": pk}, "SK": {"S": sk}}


def _api_key_key(key_hash: str) -> dict[str, Any]:
    return _key(f"KEY#{key_hash}", "KEY")


def _migration_key(account_id: str, migration_id: str) -> dict[str, Any]:
    return _key(f"ACCT#{account_id}", f"MIG#{migration_id}")


def _file_key(migration_id: str, file_id: str) -> dict[str, Any]:
    return _key(f"MIG#{migration_id}", f"FILE#{file_id}")


def _active_lock_key(migration_id: str) -> dict[str, Any]:
    return _key(f"MIG#{migration_id}", "ACTIVE")


# ------------------------------------------------------------------------------------------ the store


class Store:
    """The single table. `client` is an optional boto3 DynamoDB client (tests inject a stubbed one)."""

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

    # ---------------------------------------------------------------- api keys
    def put_api_key(self, key_hash: str, record: ApiKeyRecord) -> None:
        """Store a key; registering the same key again for the same account is harmless."""
        try:
            self.client.put_item(
                TableName=self.table,
                Item={**_api_key_key(key_hash), **_marshal_item({"type": "api_key", **record.model_dump()})},
                ConditionExpression="attribute_not_exists(PK) OR account_id = :acct",
                ExpressionAttributeValues={":acct": {"S": record.account_id}},
            )
        except ClientError as exc:
            if _error_code(exc) == _CONDITION_FAILED:
                raise Conflict("This API key is already registered to another account.") from None
            raise

    def get_api_key(self, key_hash: str) -> ApiKeyRecord | None:
        """The stored key with this hash, revoked or not."""
        item = self.client.get_item(TableName=self.table, Key=_api_key_key(key_hash)).get("Item")
        return ApiKeyRecord.model_validate(_unmarshal_item(item)) if item else None

    def revoke_api_key(self, key_hash: str) -> bool:
        """Mark a key revoked; False when no such key is stored."""
        try:
            self.client.update_item(
                TableName=self.table,
                Key=_api_key_key(key_hash),
                UpdateExpression="SET revoked = :true",
                ConditionExpression="attribute_exists(PK)",
                ExpressionAttributeValues={":true": {"BOOL": True}},
            )
        except ClientError as exc:
            if _error_code(exc) == _CONDITION_FAILED:
                return False
            raise
        return True

    # ---------------------------------------------------------------- migrations
    def put_migration(self, record: MigrationRecord) -> None:
        """Create a migration item (ids are fresh, so the condition only guards against a bug)."""
        self.client.put_item(
            TableName=self.table,
            Item={**_migration_key(record.account_id, record.migration_id), **_migration_attributes(record)},
            ConditionExpression="attribute_not_exists(PK)",
        )

    def get_migration(self, account_id: str, migration_id: str) -> MigrationRecord | None:
        """The migration, or None when it does not exist *in this account*."""
        item = self.client.get_item(
            TableName=self.table, Key=_migration_key(account_id, migration_id), ConsistentRead=True
        ).get("Item")
        return _migration_record(item) if item else None

    def list_migrations(
        self, account_id: str, limit: int, cursor: str | None = None
    ) -> tuple[list[MigrationRecord], str | None]:
        """One page of the account's migrations, newest first, and the cursor of the next page (or None)."""
        pk = f"ACCT#{account_id}"
        kwargs: dict[str, Any] = {
            "TableName": self.table,
            "KeyConditionExpression": "PK = :pk AND begins_with(SK, :mig)",
            "ExpressionAttributeValues": {":pk": {"S": pk}, ":mig": {"S": "MIG#"}},
            "ScanIndexForward": False,  # ids sort by creation time, so descending SK is newest first
            "Limit": limit + 1,  # one extra item tells whether another page exists
        }
        if cursor is not None:
            kwargs["ExclusiveStartKey"] = _key(pk, _decode_cursor(cursor))
        items = self.client.query(**kwargs).get("Items", [])
        page = [_migration_record(item) for item in items[:limit]]
        next_cursor = _encode_cursor(f"MIG#{page[-1].migration_id}") if len(items) > limit else None
        return page, next_cursor

    def update_migration_templates(
        self, account_id: str, migration_id: str, templates: list[Template], updated_at: str
    ) -> MigrationRecord | None:
        """Replace the templates; None when the migration is not in this account."""
        try:
            attributes = self.client.update_item(
                TableName=self.table,
                Key=_migration_key(account_id, migration_id),
                UpdateExpression="SET templates_json = :templates, updated_at = :now",
                ConditionExpression="attribute_exists(PK)",
                ExpressionAttributeValues={
                    ":templates": {"S": _templates_json(templates)},
                    ":now": {"S": updated_at},
                },
                ReturnValues="ALL_NEW",
            )["Attributes"]
        except ClientError as exc:
            if _error_code(exc) == _CONDITION_FAILED:
                return None
            raise
        return _migration_record(attributes)

    def delete_migration_unless_active(self, account_id: str, migration_id: str) -> DeleteOutcome:
        """Delete the migration item in one transaction with a check that no run holds its active lock."""
        try:
            self.client.transact_write_items(
                TransactItems=[
                    {
                        "Delete": {
                            "TableName": self.table,
                            "Key": _migration_key(account_id, migration_id),
                            "ConditionExpression": "attribute_exists(PK)",
                        }
                    },
                    {
                        "ConditionCheck": {
                            "TableName": self.table,
                            "Key": _active_lock_key(migration_id),
                            "ConditionExpression": "attribute_not_exists(PK)",
                        }
                    },
                ]
            )
        except ClientError as exc:
            if _error_code(exc) != "TransactionCanceledException":
                raise
            reasons = [reason.get("Code") for reason in exc.response.get("CancellationReasons", [])]
            if reasons[:1] == ["ConditionalCheckFailed"]:
                return "not_found"
            if reasons[1:2] == ["ConditionalCheckFailed"]:
                return "active_run"
            raise
        return "deleted"

    def get_active_run_id(self, migration_id: str) -> str | None:
        """The run holding the migration's active lock, or None when it is idle."""
        item = self.client.get_item(TableName=self.table, Key=_active_lock_key(migration_id), ConsistentRead=True).get(
            "Item"
        )
        return str(item["run_id"]["S"]) if item and "run_id" in item else None

    # ---------------------------------------------------------------- files
    def put_file(self, record: FileRecord) -> None:
        """Create a file item."""
        self.client.put_item(
            TableName=self.table,
            Item={**_file_key(record.migration_id, record.file_id), **_file_attributes(record)},
            ConditionExpression="attribute_not_exists(PK)",
        )

    def get_file(self, migration_id: str, file_id: str) -> FileRecord | None:
        """A file of the migration, or None."""
        item = self.client.get_item(
            TableName=self.table, Key=_file_key(migration_id, file_id), ConsistentRead=True
        ).get("Item")
        return _file_record(item) if item else None

    def list_files(self, migration_id: str) -> list[FileRecord]:
        """Every file of the migration, oldest first."""
        kwargs: dict[str, Any] = {
            "TableName": self.table,
            "KeyConditionExpression": "PK = :pk AND begins_with(SK, :file)",
            "ExpressionAttributeValues": {":pk": {"S": f"MIG#{migration_id}"}, ":file": {"S": "FILE#"}},
            "ConsistentRead": True,
        }
        records: list[FileRecord] = []
        while True:
            page = self.client.query(**kwargs)
            records.extend(_file_record(item) for item in page.get("Items", []))
            if "LastEvaluatedKey" not in page:
                return records
            kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    def delete_file(self, migration_id: str, file_id: str) -> FileRecord | None:
        """Delete a file item and return what it held; None when there was none."""
        try:
            old = self.client.delete_item(
                TableName=self.table,
                Key=_file_key(migration_id, file_id),
                ConditionExpression="attribute_exists(PK)",
                ReturnValues="ALL_OLD",
            ).get("Attributes")
        except ClientError as exc:
            if _error_code(exc) == _CONDITION_FAILED:
                return None
            raise
        return _file_record(old) if old else None

    def record_ingest_result(self, migration_id: str, file_id: str, result: IngestResult, updated_at: str) -> bool:
        """Mark a file ready or rejected for the object `result.etag`; False when that changed nothing.

        The condition makes redelivered S3 events harmless: the update applies only while the file still
        exists, describes an older object (pending, or another ETag) and is not newer than this object.
        """
        values: dict[str, Any] = {
            ":status": result.status,
            ":etag": result.etag,
            ":uploaded_at": result.uploaded_at,
            ":size": result.size,
            ":now": updated_at,
            ":pending": "pending_upload",
        }
        sets = ["#status = :status", "etag = :etag", "uploaded_at = :uploaded_at", "#size = :size", "updated_at = :now"]
        removes: list[str] = []
        optional = {
            "sheets_json": _sheets_json(result.sheets) if result.sheets is not None else None,
            "manifest_key": result.manifest_key,
            "#error": result.error,
        }
        for attribute, value in optional.items():
            if value is None:
                removes.append(attribute)
            else:
                placeholder = ":" + attribute.lstrip("#")
                sets.append(f"{attribute} = {placeholder}")
                values[placeholder] = value
        expression = "SET " + ", ".join(sets) + (" REMOVE " + ", ".join(removes) if removes else "")
        try:
            self.client.update_item(
                TableName=self.table,
                Key=_file_key(migration_id, file_id),
                UpdateExpression=expression,
                ConditionExpression=(
                    "attribute_exists(PK)"
                    " AND (attribute_not_exists(uploaded_at) OR uploaded_at <= :uploaded_at)"
                    " AND (#status = :pending OR etag <> :etag)"
                ),
                ExpressionAttributeNames={"#status": "status", "#error": "error", "#size": "size"},
                ExpressionAttributeValues=_marshal_item(values),
            )
        except ClientError as exc:
            if _error_code(exc) == _CONDITION_FAILED:
                return False
            raise
        return True


# ------------------------------------------------------------------------------------------ mapping


def _migration_attributes(record: MigrationRecord) -> dict[str, Any]:
    data = record.model_dump(exclude={"templates"})
    data.update(type="migration", templates_json=_templates_json(record.templates))
    return _marshal_item(data)


def _migration_record(item: dict[str, Any]) -> MigrationRecord:
    data = _unmarshal_item(item)
    data["templates"] = json.loads(data.pop("templates_json", "[]"))
    return MigrationRecord.model_validate(data)


def _file_attributes(record: FileRecord) -> dict[str, Any]:
    data = record.model_dump(exclude={"sheets"})
    data["type"] = "file"
    if record.sheets is not None:
        data["sheets_json"] = _sheets_json(record.sheets)
    return _marshal_item(data)


def _file_record(item: dict[str, Any]) -> FileRecord:
    data = _unmarshal_item(item)
    if "sheets_json" in data:
        data["sheets"] = json.loads(data.pop("sheets_json"))
    return FileRecord.model_validate(data)


def _templates_json(templates: list[Template]) -> str:
    return json.dumps([t.model_dump(mode="json") for t in templates], separators=(",", ":"))


def _sheets_json(sheets: list[SheetSummary]) -> str:
    return json.dumps([s.model_dump(mode="json") for s in sheets], separators=(",", ":"))


def _encode_cursor(sort_key: str) -> str:
    raw = json.dumps({"sk": sort_key}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str) -> str:
    """The sort key a cursor names; a cursor we did not issue is a 400, never a DynamoDB error."""
    try:
        payload = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        sort_key = payload["sk"]
    except (binascii.Error, ValueError, TypeError, KeyError):
        sort_key = None
    if not isinstance(sort_key, str) or not sort_key.startswith("MIG#") or not has_prefix(sort_key[4:], "mig"):
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


def _error_code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))
