"""Migration and file items (PK / SK):

migration    ACCT#<acct>      MIG#<mig>      name, templates_json, preview_version, mapping_memory
file         MIG#<mig>        FILE#<file>    status, upload_key, etag, sheets_json, manifest_key, error;
                                             GSI2 PENDING_FILE / <created_at>#<mig>#<file> while pending_upload
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any, Literal

from pydantic import BaseModel

from ferry.aws.dynamo.table import (
    _CHECK_FAILED,
    StoreBase,
    _active_lock_key,
    _key,
    _load_json_fields,
    _marshal_item,
    _reason_codes,
    _set_or_remove,
    _unmarshal_item,
    _update_expression,
    migration_scope,
)
from ferry.core.domain import Template

FileStatus = Literal["pending_upload", "ready", "rejected"]
# The sparse GSI2 partition of files still waiting for their upload to be ingested (the sweeper's view).
PENDING_FILE_INDEX_PK = "PENDING_FILE"
DeleteOutcome = Literal["deleted", "not_found", "active_run"]


class MigrationRecord(BaseModel):
    """A migration item."""

    account_id: str
    migration_id: str
    name: str
    templates: list[Template]
    preview_version: int | None = None
    mapping_memory: bool = True  # generate uses, and execute records, the account's mapping memory
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


def _migration_key(account_id: str, migration_id: str) -> dict[str, Any]:
    return _key(f"ACCT#{account_id}", f"MIG#{migration_id}")


def _file_key(migration_id: str, file_id: str) -> dict[str, Any]:
    return _key(f"MIG#{migration_id}", f"FILE#{file_id}")


# ------------------------------------------------------------------------------------------ migrations


class MigrationItems(StoreBase):
    """The migration methods of `Store`."""

    def put_migration(self, record: MigrationRecord) -> None:
        """Create a migration item (ids are fresh, so the condition only guards against a bug)."""
        self._put_new({**_migration_key(record.account_id, record.migration_id), **_migration_attributes(record)})

    def get_migration(self, account_id: str, migration_id: str) -> MigrationRecord | None:
        """The migration, or None when it does not exist *in this account*."""
        item = self._get(_migration_key(account_id, migration_id))
        return _migration_record(item) if item else None

    def list_migrations(
        self, account_id: str, limit: int, cursor: str | None = None
    ) -> tuple[list[MigrationRecord], str | None]:
        """One page of the account's migrations, newest first, and the cursor of the next page (or None)."""
        items, next_cursor = self._query_page(f"ACCT#{account_id}", "MIG#", "mig", limit, cursor)
        return [_migration_record(item) for item in items], next_cursor

    def update_migration_templates(
        self, account_id: str, migration_id: str, templates: list[Template], updated_at: str
    ) -> MigrationRecord | None:
        """Replace the templates; None when the migration is not in this account."""
        updated = self._write_if(
            "update_item",
            Key=_migration_key(account_id, migration_id),
            UpdateExpression="SET templates_json = :templates, updated_at = :now",
            ConditionExpression="attribute_exists(PK)",
            ExpressionAttributeValues={
                ":templates": {"S": _templates_json(templates)},
                ":now": {"S": updated_at},
            },
            ReturnValues="ALL_NEW",
        )
        return _migration_record(updated["Attributes"]) if updated is not None else None

    def delete_migration_unless_active(self, account_id: str, migration_id: str) -> DeleteOutcome:
        """Delete the migration item in one transaction with a check that no run holds its active lock."""
        canceled = self._transact(
            [
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
                        "Key": _active_lock_key(migration_scope(migration_id)),
                        "ConditionExpression": "attribute_not_exists(PK)",
                    }
                },
            ]
        )
        if canceled is None:
            return "deleted"
        reasons = _reason_codes(canceled)
        if reasons[:1] == [_CHECK_FAILED]:
            return "not_found"
        if reasons[1:2] == [_CHECK_FAILED]:
            return "active_run"
        raise canceled

    def delete_migration_history(self, migration_id: str) -> list[str]:
        """After the migration item is gone: delete its runs, previews and what else is left in its partition
        (but its connections, which go with their secrets), and every run's thread; the run ids deleted.

        The account's mapping memory is not the migration's: its entries stay, naming the migration as history.
        """
        scope = migration_scope(migration_id)
        keys = [item for item in self._partition(scope) if not item["SK"]["S"].startswith("CONN#")]
        run_ids = [item["SK"]["S"].removeprefix("RUN#") for item in keys if item["SK"]["S"].startswith("RUN#")]
        for run_id in run_ids:  # the thread: events, the counter, the dedup markers
            keys.extend(self._partition(f"RUN#{run_id}"))
        self._delete_keys(keys)
        return run_ids

    def _delete_keys(self, keys: list[dict[str, Any]]) -> None:
        """Delete items by key, 25 to a BatchWriteItem, sending again what DynamoDB left unprocessed."""
        for start in range(0, len(keys), 25):
            requests = [{"DeleteRequest": {"Key": _key(k["PK"]["S"], k["SK"]["S"])}} for k in keys[start : start + 25]]
            for attempt in range(8):
                unprocessed = self.client.batch_write_item(RequestItems={self.table: requests}).get("UnprocessedItems")
                requests = (unprocessed or {}).get(self.table, [])
                if not requests:
                    break
                time.sleep(min(0.05 * 2**attempt, 2.0))
            else:
                raise RuntimeError(f"DynamoDB left {len(requests)} deletes unprocessed")

    def _partition(self, pk: str) -> Iterator[dict[str, Any]]:
        return self._query_all(
            KeyConditionExpression="PK = :pk",
            ExpressionAttributeValues={":pk": {"S": pk}},
            ProjectionExpression="PK, SK",
            ConsistentRead=True,
        )


# ------------------------------------------------------------------------------------------ files


class FileItems(StoreBase):
    """The file methods of `Store`."""

    def put_file(self, record: FileRecord) -> None:
        """Create a file item (a pending one is on the sparse GSI2 until its upload is ingested or swept)."""
        item = {**_file_key(record.migration_id, record.file_id), **_file_attributes(record)}
        if record.status == "pending_upload":
            item["GSI2PK"] = {"S": PENDING_FILE_INDEX_PK}
            item["GSI2SK"] = {"S": f"{record.created_at}#{record.migration_id}#{record.file_id}"}
        self._put_new(item)

    def list_pending_files(self, created_before: str) -> list[tuple[str, str]]:
        """(migration_id, file_id) of files still pending_upload that were created before `created_before`
        (ISO time), from the sparse index (eventually consistent: the sweeper's write re-checks the status)."""
        found: list[tuple[str, str]] = []
        for item in self._query_all(
            IndexName="GSI2",
            KeyConditionExpression="GSI2PK = :pending AND GSI2SK < :before",
            ExpressionAttributeValues={":pending": {"S": PENDING_FILE_INDEX_PK}, ":before": {"S": created_before}},
        ):
            _created, migration_id, file_id = item["GSI2SK"]["S"].rsplit("#", 2)
            found.append((migration_id, file_id))
        return found

    def reject_pending_file(self, migration_id: str, file_id: str, error: str, updated_at: str) -> bool:
        """Mark a file still pending_upload rejected with `error` (the sweeper); False when it no longer is.
        No etag nor upload time is set, so an upload that still arrives is ingested over this."""
        recorded = self._write_if(
            "update_item",
            Key=_file_key(migration_id, file_id),
            UpdateExpression="SET #status = :rejected, #error = :error, updated_at = :now REMOVE GSI2PK, GSI2SK",
            ConditionExpression="attribute_exists(PK) AND #status = :pending",
            ExpressionAttributeNames={"#status": "status", "#error": "error"},
            ExpressionAttributeValues=_marshal_item(
                {":rejected": "rejected", ":error": error, ":now": updated_at, ":pending": "pending_upload"}
            ),
        )
        return recorded is not None

    def get_file(self, migration_id: str, file_id: str) -> FileRecord | None:
        """A file of the migration, or None."""
        item = self._get(_file_key(migration_id, file_id))
        return _file_record(item) if item else None

    def list_files(self, migration_id: str) -> list[FileRecord]:
        """Every file of the migration, oldest first."""
        return [_file_record(item) for item in self._query_prefix(f"MIG#{migration_id}", "FILE#")]

    def delete_file(self, migration_id: str, file_id: str) -> FileRecord | None:
        """Delete a file item and return what it held; None when there was none."""
        old = self._delete_existing(_file_key(migration_id, file_id))
        return _file_record(old) if old else None

    def record_ingest_result(self, migration_id: str, file_id: str, result: IngestResult, updated_at: str) -> bool:
        """Mark a file ready or rejected for the object `result.etag`; False when that changed nothing.

        The condition makes redelivered S3 events harmless: the update applies only while the file still
        exists, describes an older object (pending, or another ETag) and is not newer than this object.
        """
        names, values, optional_sets, removes = _set_or_remove(
            [
                ("sheets_json", _sheets_json(result.sheets) if result.sheets is not None else None),
                ("manifest_key", result.manifest_key),
                ("error", result.error),
            ]
        )
        values.update(
            {
                ":status": result.status,
                ":etag": result.etag,
                ":uploaded_at": result.uploaded_at,
                ":size": result.size,
                ":now": updated_at,
                ":pending": "pending_upload",
            }
        )
        sets = ["#status = :status", "etag = :etag", "uploaded_at = :uploaded_at", "#size = :size", "updated_at = :now"]
        recorded = self._write_if(
            "update_item",
            Key=_file_key(migration_id, file_id),
            UpdateExpression=_update_expression([*sets, *optional_sets], [*removes, "GSI2PK", "GSI2SK"]),
            ConditionExpression=(
                "attribute_exists(PK)"
                " AND (attribute_not_exists(uploaded_at) OR uploaded_at <= :uploaded_at)"
                " AND (#status = :pending OR attribute_not_exists(etag) OR etag <> :etag)"
            ),
            ExpressionAttributeNames={"#status": "status", "#size": "size", **names},
            ExpressionAttributeValues=_marshal_item(values),
        )
        return recorded is not None


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
    return FileRecord.model_validate(_load_json_fields(_unmarshal_item(item), {"sheets": "sheets_json"}))


def _templates_json(templates: list[Template]) -> str:
    return json.dumps([t.model_dump(mode="json") for t in templates], separators=(",", ":"))


def _sheets_json(sheets: list[SheetSummary]) -> str:
    return json.dumps([s.model_dump(mode="json") for s in sheets], separators=(",", ":"))
