"""DynamoDB access: the only code that knows the single table's keys, item shapes and conditions.

Items (see docs/architecture; PK / SK):

    api key      KEY#<sha256>     KEY            account_id, profile_id, revoked
    migration    ACCT#<acct>      MIG#<mig>      name, templates_json, preview_version
    file         MIG#<mig>        FILE#<file>    status, upload_key, etag, sheets_json, manifest_key, error
    active lock  <scope>          ACTIVE         run_id (written by the run lifecycle)
    run          <scope>          RUN#<run>      kind, status, message, questions_json, credential_request_json,
                                                 needs_attention_json, decisions_json, report_json, error,
                                                 execution_arn, task_token, heartbeat_at; GSI2 ACTIVE /
                                                 <heartbeat>#<run> while queued/running/blocked/needs_attention
    idempotency  CO#<acct>#<co>   IDEM#<sha256>  run_id, request_hash (an import's idempotency key, hashed)
    preview      MIG#<mig>        PREVIEW#<v>    body_json (or body_key in S3 when large); the migration
                                                 item's preview_version points at the current one
    event seq    RUN#<run>        SEQ            last allocated thread event number
    thread event RUN#<run>        EVT#<seq>      event_type, text, data_json, at
    event dedup  RUN#<run>        DEDUP#<key>    seq (a retried step posts its event once)

A run's scope is its partition: `MIG#<mig>` for a migration's runs, `CO#<acct>#<company>` for a company's
imports (`migration_scope` / `company_scope`); the scope holds at most one active run (its lock).

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

from ferry.aws import clients as aws
from ferry.core.config import get_settings
from ferry.core.domain import Template
from ferry.core.errors import Conflict, InvalidRequest
from ferry.core.ids import has_prefix

FileStatus = Literal["pending_upload", "ready", "rejected"]
DeleteOutcome = Literal["deleted", "not_found", "active_run"]
MigrationRunKind = Literal["generate", "update", "clarify", "execute"]
RunKind = Literal["generate", "update", "clarify", "execute", "import"]
RunStatus = Literal[
    "queued", "running", "blocked", "needs_attention", "awaiting_approval", "completed", "failed", "canceled"
]

# A run holds its scope's lock only in these statuses; every other status is final.
ACTIVE_STATUSES: tuple[RunStatus, ...] = ("queued", "running", "blocked", "needs_attention")
FINAL_STATUSES: tuple[RunStatus, ...] = ("awaiting_approval", "completed", "failed", "canceled")
# Waiting for a person: the status keeps the task token that resumes the execution.
WAITING_STATUSES: tuple[RunStatus, ...] = ("blocked", "needs_attention")
ACTIVE_INDEX_PK = "ACTIVE"

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


class RunRecord(BaseModel):
    """A run item (the task token is deliberately not part of it: it never leaves the store by accident).

    A company import (`kind` import) also has `company_id`; it lives in the company's scope and replays
    the migration's preview `recipe_version`.
    """

    account_id: str
    migration_id: str
    run_id: str
    kind: RunKind
    status: RunStatus
    company_id: str | None = None
    instruction: str | None = None  # the `message` the client sent with update/clarify
    extract_via_api: bool = False
    file_ids: list[str] | None = None  # an import's files to replay the recipe on (None: the recipe's own)
    recipe_version: int | None = None  # the preview version an import replays
    message: str | None = None  # the latest human progress update
    questions: list[dict[str, Any]] | None = None
    credential_request: dict[str, Any] | None = None  # blocked on credentials: {connection_id, source_key, fields}
    needs_attention: dict[str, Any] | None = None  # an import's review: {questions, proposed_patch}
    decisions: list[dict[str, Any]] | None = None  # an import's decisions: who, when, what (the patch), result
    report: dict[str, Any] | None = None
    error: str | None = None
    preview_version: int | None = None  # the preview this run wrote
    execution_arn: str | None = None
    heartbeat_at: str
    created_at: str
    updated_at: str

    @property
    def is_active(self) -> bool:
        """True while the run holds its scope's lock."""
        return self.status in ACTIVE_STATUSES

    @property
    def scope(self) -> str:
        """The partition the run and its scope's lock live in."""
        if self.company_id is not None:
            return company_scope(self.account_id, self.company_id)
        return migration_scope(self.migration_id)


class IdempotencyRecord(BaseModel):
    """What an import's idempotency key was first used for: the run it created and the request's hash."""

    run_id: str
    request_hash: str
    created_at: str


CreateOutcome = IdempotencyRecord | str | None
"""What `Store.create_run` says: None created; the key's earlier use; or the run holding the lock."""


class PreviewRecord(BaseModel):
    """A preview version of a migration; `body` is the stored preview document (recipe, mappings, sheets...)."""

    migration_id: str
    preview_id: str
    version: int
    run_id: str
    created_at: str
    body: dict[str, Any] = {}
    body_key: str | None = None  # set when the body is stored in S3 (too large for an item)


class ThreadEvent(BaseModel):
    """One event of a run's thread."""

    seq: int
    at: str
    type: str
    text: str
    data: dict[str, Any] | None = None


class ActiveRunRef(BaseModel):
    """An entry of the sparse active-runs index."""

    scope: str
    run_id: str
    heartbeat_at: str


# ------------------------------------------------------------------------------------------ keys


def _key(pk: str, sk: str) -> dict[str, Any]:
    return {"PK": {"S": pk}, "SK": {"S": sk}}


def _api_key_key(key_hash: str) -> dict[str, Any]:
    return _key(f"KEY#{key_hash}", "KEY")


def _migration_key(account_id: str, migration_id: str) -> dict[str, Any]:
    return _key(f"ACCT#{account_id}", f"MIG#{migration_id}")


def _file_key(migration_id: str, file_id: str) -> dict[str, Any]:
    return _key(f"MIG#{migration_id}", f"FILE#{file_id}")


def migration_scope(migration_id: str) -> str:
    """The scope of a migration's runs (generate, update, clarify, execute)."""
    return f"MIG#{migration_id}"


def company_scope(account_id: str, company_id: str) -> str:
    """The scope of a company's imports (the company id is the client's, so the account is part of it)."""
    return f"CO#{account_id}#{company_id}"


def _active_lock_key(scope: str) -> dict[str, Any]:
    return _key(scope, "ACTIVE")


def _run_key(scope: str, run_id: str) -> dict[str, Any]:
    return _key(scope, f"RUN#{run_id}")


def _idempotency_key(scope: str, key_hash: str) -> dict[str, Any]:
    return _key(scope, f"IDEM#{key_hash}")


def _preview_key(migration_id: str, version: int) -> dict[str, Any]:
    return _key(f"MIG#{migration_id}", f"PREVIEW#{version:010d}")


def _event_key(run_id: str, seq: int) -> dict[str, Any]:
    return _key(f"RUN#{run_id}", f"EVT#{seq:010d}")


def _active_index_sk(heartbeat_at: str, run_id: str) -> str:
    return f"{heartbeat_at}#{run_id}"


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
            kwargs["ExclusiveStartKey"] = _key(pk, _decode_cursor(cursor, "MIG#", "mig"))
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
                            "Key": _active_lock_key(migration_scope(migration_id)),
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

    def get_active_run_id(self, scope: str) -> str | None:
        """The run holding the scope's active lock, or None when it is idle."""
        item = self.client.get_item(TableName=self.table, Key=_active_lock_key(scope), ConsistentRead=True).get("Item")
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

    # ---------------------------------------------------------------- runs and the active lock
    def create_run(self, record: RunRecord, idempotency: tuple[str, IdempotencyRecord] | None = None) -> CreateOutcome:
        """Write a new run and take its scope's lock in one transaction (with `idempotency`, also claim the
        key: `(key hash, what it is used for)`).

        Returns None when the run now holds the lock; the IdempotencyRecord the key already stands for when
        it was used before (that wins over a held lock); else the run_id holding the lock ("" when the
        holder let go in the meantime and the caller may simply try again).
        """
        scope = record.scope
        lock = {
            **_active_lock_key(scope),
            **_marshal_item({"type": "active_lock", "run_id": record.run_id, "kind": record.kind,
                             "created_at": record.created_at}),
        }  # fmt: skip
        items: list[dict[str, Any]] = [
            {
                "Put": {
                    "TableName": self.table,
                    "Item": {**_run_key(scope, record.run_id), **_run_attributes(record)},
                    "ConditionExpression": "attribute_not_exists(PK)",
                }
            },
            {
                "Put": {
                    "TableName": self.table,
                    "Item": lock,
                    "ConditionExpression": "attribute_not_exists(PK)",
                    "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
                }
            },
        ]
        if idempotency is not None:
            key_hash, used_for = idempotency
            items.append(
                {
                    "Put": {
                        "TableName": self.table,
                        "Item": {
                            **_idempotency_key(scope, key_hash),
                            **_marshal_item({"type": "idempotency", **used_for.model_dump()}),
                        },
                        "ConditionExpression": "attribute_not_exists(PK)",
                        "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
                    }
                }
            )
        try:
            self.client.transact_write_items(TransactItems=items)
        except ClientError as exc:
            if _error_code(exc) != "TransactionCanceledException":
                raise
            reasons = exc.response.get("CancellationReasons", [])
            if idempotency is not None and len(reasons) > 2 and reasons[2].get("Code") == "ConditionalCheckFailed":
                old = reasons[2].get("Item")
                used = IdempotencyRecord.model_validate(_unmarshal_item(old)) if old else None
                used = used or self.get_idempotency(scope, idempotency[0])
                if used is not None:
                    return used
            holder = reasons[1] if len(reasons) > 1 else {}
            if holder.get("Code") != "ConditionalCheckFailed":
                raise
            held_by = holder.get("Item", {}).get("run_id", {}).get("S")
            return str(held_by) if held_by else (self.get_active_run_id(scope) or "")
        return None

    def get_idempotency(self, scope: str, key_hash: str) -> IdempotencyRecord | None:
        """What an idempotency key of the scope was used for, or None when it was never used."""
        item = self.client.get_item(
            TableName=self.table, Key=_idempotency_key(scope, key_hash), ConsistentRead=True
        ).get("Item")
        return IdempotencyRecord.model_validate(_unmarshal_item(item)) if item else None

    def get_run(self, scope: str, run_id: str) -> RunRecord | None:
        """A run of the scope, or None."""
        item = self.client.get_item(TableName=self.table, Key=_run_key(scope, run_id), ConsistentRead=True).get("Item")
        return _run_record(item) if item else None

    def list_runs(self, scope: str, limit: int, cursor: str | None = None) -> tuple[list[RunRecord], str | None]:
        """One page of the scope's runs, newest first, and the cursor of the next page (or None)."""
        kwargs: dict[str, Any] = {
            "TableName": self.table,
            "KeyConditionExpression": "PK = :pk AND begins_with(SK, :run)",
            "ExpressionAttributeValues": {":pk": {"S": scope}, ":run": {"S": "RUN#"}},
            "ScanIndexForward": False,  # run ids sort by creation time
            "Limit": limit + 1,
            "ConsistentRead": True,
        }
        if cursor is not None:
            kwargs["ExclusiveStartKey"] = _key(scope, _decode_cursor(cursor, "RUN#", "run"))
        items = self.client.query(**kwargs).get("Items", [])
        page = [_run_record(item) for item in items[:limit]]
        next_cursor = _encode_cursor(f"RUN#{page[-1].run_id}") if len(items) > limit else None
        return page, next_cursor

    def transition_run(
        self,
        scope: str,
        run_id: str,
        *,
        from_statuses: tuple[RunStatus, ...],
        to_status: RunStatus,
        now: str,
        changes: dict[str, Any] | None = None,
        task_token: str | None = None,
    ) -> bool:
        """Move a run to `to_status` only if it is in one of `from_statuses`; False when it is not.

        `changes` sets run attributes by field name (None removes one). Leaving the active statuses
        removes the run from the active index and, in the same transaction, deletes the scope's lock if
        it names this run. `task_token` is stored with the change (parking a run).
        """
        names = {"#status": "status"}
        values: dict[str, Any] = {":to": to_status, ":now": now}
        sets = ["#status = :to", "updated_at = :now"]
        removes: list[str] = []
        for n, (field_name, value) in enumerate((changes or {}).items()):
            attribute, value = _run_attribute(field_name, value)
            names[f"#a{n}"] = attribute
            if value is None:
                removes.append(f"#a{n}")
            else:
                sets.append(f"#a{n} = :a{n}")
                values[f":a{n}"] = value
        if task_token is not None:
            sets.append("task_token = :token")
            values[":token"] = task_token
        elif to_status not in WAITING_STATUSES:
            removes.append("task_token")
        active = to_status in ACTIVE_STATUSES
        if active:
            sets += ["heartbeat_at = :now", "GSI2PK = :active", "GSI2SK = :active_sk"]
            values.update({":active": ACTIVE_INDEX_PK, ":active_sk": _active_index_sk(now, run_id)})
        else:
            removes += ["GSI2PK", "GSI2SK"]
        placeholders = []
        for n, status in enumerate(from_statuses):
            placeholders.append(f":from{n}")
            values[f":from{n}"] = status
        update = {
            "TableName": self.table,
            "Key": _run_key(scope, run_id),
            "UpdateExpression": "SET " + ", ".join(sets) + (" REMOVE " + ", ".join(removes) if removes else ""),
            "ConditionExpression": f"#status IN ({', '.join(placeholders)})",
            "ExpressionAttributeNames": names,
            "ExpressionAttributeValues": _marshal_item(values),
        }
        try:
            if active:
                self.client.update_item(**update)
            else:
                self.client.transact_write_items(
                    TransactItems=[{"Update": update}, self._release_lock_item(scope, run_id)]
                )
        except ClientError as exc:
            code = _error_code(exc)
            if code == _CONDITION_FAILED:
                return False
            if code != "TransactionCanceledException":
                raise
            reasons = [reason.get("Code") for reason in exc.response.get("CancellationReasons", [])]
            if reasons[:1] == ["ConditionalCheckFailed"]:
                return False
            if reasons[1:2] != ["ConditionalCheckFailed"]:
                raise
            # The lock names another run: not ours to release, but the status change still applies.
            try:
                self.client.update_item(**update)
            except ClientError as again:
                if _error_code(again) == _CONDITION_FAILED:
                    return False
                raise
        return True

    def touch_run(self, scope: str, run_id: str, now: str, message: str | None = None) -> bool:
        """Record a heartbeat (and a progress message) on a queued or running run; False otherwise."""
        values: dict[str, Any] = {":now": now, ":sk": _active_index_sk(now, run_id), ":q": "queued", ":r": "running"}
        sets = ["heartbeat_at = :now", "updated_at = :now", "GSI2SK = :sk"]
        if message is not None:
            sets.append("message = :message")
            values[":message"] = message
        try:
            self.client.update_item(
                TableName=self.table,
                Key=_run_key(scope, run_id),
                UpdateExpression="SET " + ", ".join(sets),
                ConditionExpression="#status IN (:q, :r)",
                ExpressionAttributeNames={"#status": "status"},
                ExpressionAttributeValues=_marshal_item(values),
            )
        except ClientError as exc:
            if _error_code(exc) == _CONDITION_FAILED:
                return False
            raise
        return True

    def claim_task_token(
        self,
        scope: str,
        run_id: str,
        now: str,
        message: str,
        *,
        waiting_status: RunStatus = "blocked",
        changes: dict[str, Any] | None = None,
    ) -> str | None:
        """Take a waiting run's task token and set it running, in one conditional update.

        Only one caller can win this for a given park, so the token is used exactly once. What the run
        waited for (questions, credential request, review) goes with the token; `changes` sets run
        attributes in the same write. None when the run is not in `waiting_status` (or has no token).
        """
        names = {"#status": "status"}
        values: dict[str, Any] = {
            ":running": "running",
            ":waiting": waiting_status,
            ":message": message,
            ":now": now,
            ":sk": _active_index_sk(now, run_id),
        }
        sets = ["#status = :running", "message = :message", "updated_at = :now", "heartbeat_at = :now", "GSI2SK = :sk"]
        for n, (field_name, value) in enumerate((changes or {}).items()):
            attribute, value = _run_attribute(field_name, value)
            names[f"#a{n}"] = attribute
            sets.append(f"#a{n} = :a{n}")
            values[f":a{n}"] = value
        try:
            old = self.client.update_item(
                TableName=self.table,
                Key=_run_key(scope, run_id),
                UpdateExpression=(
                    "SET " + ", ".join(sets) + " REMOVE task_token, questions_json, credential_request_json,"
                    " needs_attention_json"
                ),
                ConditionExpression="#status = :waiting AND attribute_exists(task_token)",
                ExpressionAttributeNames=names,
                ExpressionAttributeValues=_marshal_item(values),
                ReturnValues="ALL_OLD",
            )["Attributes"]
        except ClientError as exc:
            if _error_code(exc) == _CONDITION_FAILED:
                return None
            raise
        return str(old["task_token"]["S"])

    def release_lock(self, scope: str, run_id: str) -> bool:
        """Delete the scope's lock only if it names `run_id`; False when it names another run or none."""
        try:
            self.client.delete_item(
                TableName=self.table,
                Key=_active_lock_key(scope),
                ConditionExpression="run_id = :mine",
                ExpressionAttributeValues={":mine": {"S": run_id}},
            )
        except ClientError as exc:
            if _error_code(exc) == _CONDITION_FAILED:
                return False
            raise
        return True

    def _release_lock_item(self, scope: str, run_id: str) -> dict[str, Any]:
        # Absent is fine (already released); held by another run is not ours to delete.
        return {
            "Delete": {
                "TableName": self.table,
                "Key": _active_lock_key(scope),
                "ConditionExpression": "attribute_not_exists(PK) OR run_id = :mine",
                "ExpressionAttributeValues": {":mine": {"S": run_id}},
            }
        }

    def list_active_runs(self) -> list[ActiveRunRef]:
        """Every run in an active status, from the sparse index (eventually consistent: re-read each run)."""
        kwargs: dict[str, Any] = {
            "TableName": self.table,
            "IndexName": "GSI2",
            "KeyConditionExpression": "GSI2PK = :active",
            "ExpressionAttributeValues": {":active": {"S": ACTIVE_INDEX_PK}},
        }
        refs: list[ActiveRunRef] = []
        while True:
            page = self.client.query(**kwargs)
            for item in page.get("Items", []):
                heartbeat, _, run_id = item["GSI2SK"]["S"].rpartition("#")
                refs.append(ActiveRunRef(scope=item["PK"]["S"], run_id=run_id, heartbeat_at=heartbeat))
            if "LastEvaluatedKey" not in page:
                return refs
            kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    # ---------------------------------------------------------------- previews
    def finish_run_with_preview(
        self, run: RunRecord, preview: PreviewRecord, previous_version: int | None, now: str, message: str
    ) -> Literal["written", "run_not_running", "version_moved"]:
        """Store a preview, make it the migration's current one and set the run `awaiting_approval`,
        releasing its lock, all in one transaction (a canceled run can never publish a preview)."""
        body = {"body_key": preview.body_key} if preview.body_key else {"body_json": _json(preview.body)}
        preview_item = {
            **_preview_key(preview.migration_id, preview.version),
            **_marshal_item({"type": "preview", **preview.model_dump(exclude={"body", "body_key"}), **body}),
        }
        pointer_condition = (
            "attribute_exists(PK) AND attribute_not_exists(preview_version)"
            if previous_version is None
            else "attribute_exists(PK) AND preview_version = :previous"
        )
        pointer_values: dict[str, Any] = {":v": {"N": str(preview.version)}, ":now": {"S": now}}
        if previous_version is not None:
            pointer_values[":previous"] = {"N": str(previous_version)}
        run_update = {
            "TableName": self.table,
            "Key": _run_key(run.scope, run.run_id),
            "UpdateExpression": (
                "SET #status = :done, preview_version = :v, message = :message, updated_at = :now"
                " REMOVE GSI2PK, GSI2SK, task_token, questions_json, credential_request_json"
            ),
            "ConditionExpression": "#status = :running",
            "ExpressionAttributeNames": {"#status": "status"},
            "ExpressionAttributeValues": _marshal_item(
                {":done": "awaiting_approval", ":running": "running", ":v": preview.version, ":now": now,
                 ":message": message}
            ),
        }  # fmt: skip
        try:
            self.client.transact_write_items(
                TransactItems=[
                    {"Update": run_update},
                    {
                        "Put": {
                            "TableName": self.table,
                            "Item": preview_item,
                            "ConditionExpression": "attribute_not_exists(PK)",
                        }
                    },
                    {
                        "Update": {
                            "TableName": self.table,
                            "Key": _migration_key(run.account_id, run.migration_id),
                            "UpdateExpression": "SET preview_version = :v, updated_at = :now",
                            "ConditionExpression": pointer_condition,
                            "ExpressionAttributeValues": pointer_values,
                        }
                    },
                    self._release_lock_item(run.scope, run.run_id),
                ]
            )
        except ClientError as exc:
            if _error_code(exc) != "TransactionCanceledException":
                raise
            reasons = [reason.get("Code") for reason in exc.response.get("CancellationReasons", [])]
            if reasons[:1] == ["ConditionalCheckFailed"]:
                return "run_not_running"
            if "ConditionalCheckFailed" in reasons[1:3]:
                return "version_moved"
            raise
        return "written"

    def get_preview(self, migration_id: str, version: int) -> PreviewRecord | None:
        """A preview version of the migration (its body may be in S3: see `body_key`)."""
        item = self.client.get_item(
            TableName=self.table, Key=_preview_key(migration_id, version), ConsistentRead=True
        ).get("Item")
        if not item:
            return None
        data = _unmarshal_item(item)
        data["body"] = json.loads(data.pop("body_json", "{}"))
        return PreviewRecord.model_validate(data)

    # ---------------------------------------------------------------- thread events
    def append_event(self, run_id: str, event: ThreadEvent, dedup_key: str | None = None) -> ThreadEvent | None:
        """Append an event to a run's thread with the next sequence number (`event.seq` is ignored).

        With `dedup_key`, an event already posted under that key is not posted again (None): a retried
        step's message appears once.
        """
        seq = int(
            self.client.update_item(
                TableName=self.table,
                Key=_key(f"RUN#{run_id}", "SEQ"),
                UpdateExpression="ADD seq :one",
                ExpressionAttributeValues={":one": {"N": "1"}},
                ReturnValues="UPDATED_NEW",
            )["Attributes"]["seq"]["N"]
        )
        stored = event.model_copy(update={"seq": seq})
        data = stored.model_dump(exclude={"data", "type"})
        data["event_type"] = stored.type  # `type` is every item's kind marker
        if stored.data is not None:
            data["data_json"] = _json(stored.data)
        put = {
            "TableName": self.table,
            "Item": {**_event_key(run_id, seq), **_marshal_item({"type": "thread_event", **data})},
            "ConditionExpression": "attribute_not_exists(PK)",
        }
        if dedup_key is None:
            self.client.put_item(**put)
            return stored
        marker = {**_key(f"RUN#{run_id}", f"DEDUP#{dedup_key}"), "seq": {"N": str(seq)}}
        try:
            self.client.transact_write_items(
                TransactItems=[
                    {"Put": put},
                    {
                        "Put": {
                            "TableName": self.table,
                            "Item": marker,
                            "ConditionExpression": "attribute_not_exists(PK)",
                        }
                    },
                ]
            )
        except ClientError as exc:
            if _error_code(exc) == "TransactionCanceledException":
                return None  # the sequence number is skipped; readers only need order, not density
            raise
        return stored

    def list_events(self, run_id: str, after: int, limit: int) -> list[ThreadEvent]:
        """Thread events with seq > `after`, oldest first."""
        items = self.client.query(
            TableName=self.table,
            KeyConditionExpression="PK = :pk AND SK BETWEEN :lo AND :hi",
            ExpressionAttributeValues={
                ":pk": {"S": f"RUN#{run_id}"},
                ":lo": {"S": f"EVT#{after + 1:010d}"},
                ":hi": {"S": "EVT#9999999999"},
            },
            ConsistentRead=True,
            Limit=limit,
        ).get("Items", [])
        events = []
        for item in items:
            data = _unmarshal_item(item)
            raw = data.pop("data_json", None)
            data["data"] = json.loads(raw) if raw else None
            data["type"] = data.pop("event_type")
            events.append(ThreadEvent.model_validate(data))
        return events


# ------------------------------------------------------------------------------------------ mapping


_RUN_JSON_FIELDS = {
    "questions": "questions_json",
    "credential_request": "credential_request_json",
    "needs_attention": "needs_attention_json",
    "decisions": "decisions_json",
    "report": "report_json",
}


def _run_attribute(field_name: str, value: Any) -> tuple[str, Any]:
    """The stored attribute name and value of a RunRecord field (nested values are stored as JSON)."""
    if field_name in _RUN_JSON_FIELDS:
        return _RUN_JSON_FIELDS[field_name], (_json(value) if value is not None else None)
    if field_name not in RunRecord.model_fields or field_name in ("status", "run_id", "migration_id", "company_id"):
        raise ValueError(f"{field_name} is not a run attribute that can be changed")
    return field_name, value


def _run_attributes(record: RunRecord) -> dict[str, Any]:
    data = record.model_dump(exclude=set(_RUN_JSON_FIELDS))
    for field_name, attribute in _RUN_JSON_FIELDS.items():
        value = getattr(record, field_name)
        if value is not None:
            data[attribute] = _json(value)
    data["type"] = "run"
    if record.is_active:
        data.update(GSI2PK=ACTIVE_INDEX_PK, GSI2SK=_active_index_sk(record.heartbeat_at, record.run_id))
    return _marshal_item(data)


def _run_record(item: dict[str, Any]) -> RunRecord:
    data = _unmarshal_item(item)
    data.pop("task_token", None)
    for field_name, attribute in _RUN_JSON_FIELDS.items():
        raw = data.pop(attribute, None)
        if raw is not None:
            data[field_name] = json.loads(raw)
    return RunRecord.model_validate(data)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


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


def _decode_cursor(cursor: str, sk_prefix: str = "MIG#", id_prefix: str = "mig") -> str:
    """The sort key a cursor names; a cursor we did not issue is a 400, never a DynamoDB error."""
    try:
        payload = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        sort_key = payload["sk"]
    except (binascii.Error, ValueError, TypeError, KeyError):
        sort_key = None
    if (
        not isinstance(sort_key, str)
        or not sort_key.startswith(sk_prefix)
        or not has_prefix(sort_key[len(sk_prefix) :], id_prefix)
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


def _error_code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))


# ================================================================================== connections
# Connection items (owned by ferry.connections.service; no secrets here, only the secret's ARN):
#
#     connection   MIG#<mig>   CONN#<profile or "workbook">#<source_key>
#                  account_id, connection_id, config_json, streams_json, state_json, pending_state_json,
#                  secret_arn, creds_configured, extractor, last_extraction_json, last_synced_at


WORKBOOK_PROFILE = "workbook"


class ConnectionRecord(BaseModel):
    """A source connection of a migration, bound to a profile or (profile_key "workbook") to the migration."""

    account_id: str
    migration_id: str
    connection_id: str
    source_key: str
    profile_key: str
    config: dict[str, Any]
    streams: list[str]
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


_CONNECTION_JSON = ("config", "streams", "state", "pending_state", "last_extraction")


def _connection_key(migration_id: str, profile_key: str, source_key: str) -> dict[str, Any]:
    return _key(f"MIG#{migration_id}", f"CONN#{profile_key}#{source_key}")


def _connection_attributes(record: ConnectionRecord) -> dict[str, Any]:
    data = record.model_dump(exclude=set(_CONNECTION_JSON))
    data["type"] = "connection"
    for name in _CONNECTION_JSON:
        value = getattr(record, name)
        if value is not None:
            data[f"{name}_json"] = json.dumps(value, separators=(",", ":"), default=str)
    return _marshal_item(data)


def _connection_record(item: dict[str, Any]) -> ConnectionRecord:
    data = _unmarshal_item(item)
    for name in _CONNECTION_JSON:
        raw = data.pop(f"{name}_json", None)
        if raw is not None:
            data[name] = json.loads(raw)
    return ConnectionRecord.model_validate(data)


class ConnectionStore:
    """Connection items in the single table (a view over a Store's table and client)."""

    def __init__(self, store: Store | None = None) -> None:
        self._store = store or Store()

    def put(self, record: ConnectionRecord, *, replacing: str | None) -> bool:
        """Create the item (`replacing` None) or replace the one holding `replacing` as connection_id.

        False when the condition fails: another request created or replaced the connection meanwhile.
        """
        condition = "attribute_not_exists(PK)" if replacing is None else "connection_id = :id"
        kwargs: dict[str, Any] = {}
        if replacing is not None:
            kwargs["ExpressionAttributeValues"] = {":id": {"S": replacing}}
        try:
            self._store.client.put_item(
                TableName=self._store.table,
                Item={
                    **_connection_key(record.migration_id, record.profile_key, record.source_key),
                    **_connection_attributes(record),
                },
                ConditionExpression=condition,
                **kwargs,
            )
        except ClientError as exc:
            if _error_code(exc) == _CONDITION_FAILED:
                return False
            raise
        return True

    def get(self, migration_id: str, profile_key: str, source_key: str) -> ConnectionRecord | None:
        """The connection, or None."""
        item = self._store.client.get_item(
            TableName=self._store.table,
            Key=_connection_key(migration_id, profile_key, source_key),
            ConsistentRead=True,
        ).get("Item")
        return _connection_record(item) if item else None

    def list_for(self, migration_id: str, profile_key: str | None = None) -> list[ConnectionRecord]:
        """The migration's connections (of one profile when given)."""
        prefix = "CONN#" if profile_key is None else f"CONN#{profile_key}#"
        kwargs: dict[str, Any] = {
            "TableName": self._store.table,
            "KeyConditionExpression": "PK = :pk AND begins_with(SK, :conn)",
            "ExpressionAttributeValues": {":pk": {"S": f"MIG#{migration_id}"}, ":conn": {"S": prefix}},
            "ConsistentRead": True,
        }
        records: list[ConnectionRecord] = []
        while True:
            page = self._store.client.query(**kwargs)
            records.extend(_connection_record(item) for item in page.get("Items", []))
            if "LastEvaluatedKey" not in page:
                return records
            kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]

    def delete(self, migration_id: str, profile_key: str, source_key: str) -> ConnectionRecord | None:
        """Delete the item and return what it held; None when there was none."""
        try:
            old = self._store.client.delete_item(
                TableName=self._store.table,
                Key=_connection_key(migration_id, profile_key, source_key),
                ConditionExpression="attribute_exists(PK)",
                ReturnValues="ALL_OLD",
            ).get("Attributes")
        except ClientError as exc:
            if _error_code(exc) == _CONDITION_FAILED:
                return None
            raise
        return _connection_record(old) if old else None

    def update(self, record: ConnectionRecord, changes: dict[str, Any]) -> ConnectionRecord | None:
        """Apply `changes` (field -> value, None removes) to the connection still holding record's id.

        None when the connection was deleted or replaced by another one meanwhile.
        """
        names: dict[str, str] = {}
        values: dict[str, Any] = {":id": {"S": record.connection_id}}
        sets: list[str] = []
        removes: list[str] = []
        for index, (field, value) in enumerate(changes.items()):
            attribute = f"{field}_json" if field in _CONNECTION_JSON else field
            names[f"#a{index}"] = attribute
            if value is None:
                removes.append(f"#a{index}")
                continue
            if field in _CONNECTION_JSON:
                value = json.dumps(value, separators=(",", ":"), default=str)
            sets.append(f"#a{index} = :v{index}")
            values[f":v{index}"] = _marshal(value)
        expression = ("SET " + ", ".join(sets) if sets else "") + (" REMOVE " + ", ".join(removes) if removes else "")
        try:
            attributes = self._store.client.update_item(
                TableName=self._store.table,
                Key=_connection_key(record.migration_id, record.profile_key, record.source_key),
                UpdateExpression=expression.strip(),
                ConditionExpression="connection_id = :id",
                ExpressionAttributeNames=names,
                ExpressionAttributeValues=values,
                ReturnValues="ALL_NEW",
            )["Attributes"]
        except ClientError as exc:
            if _error_code(exc) == _CONDITION_FAILED:
                return None
            raise
        return _connection_record(attributes)


# ============================================================================== end connections
