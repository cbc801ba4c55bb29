"""Run items and their scope's active lock (PK / SK):

    active lock  <scope>          ACTIVE         run_id (written by the run lifecycle)
    run          <scope>          RUN#<run>      kind, status, message, questions_json, credential_request_json,
                                                 needs_attention_json, decisions_json, report_json, error,
                                                 execution_arn, task_token, heartbeat_at; GSI2 ACTIVE /
                                                 <heartbeat>#<run> while queued/running/blocked/needs_attention

A run's scope is `migration_scope` (a migration's runs) or `company_scope` (a company's imports); the scope
holds at most one active run, the one its lock names.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from pydantic import BaseModel

from ferry.aws.dynamo.imports import IdempotencyRecord, ImportItems, _idempotency_item, _idempotency_record
from ferry.aws.dynamo.table import (
    _CHECK_FAILED,
    _active_lock_key,
    _dump_json_fields,
    _json,
    _key,
    _load_json_fields,
    _marshal_item,
    _reason_codes,
    _set_or_remove,
    _unmarshal_item,
    _update_expression,
    company_scope,
    migration_scope,
)

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


class MigrationGone(BaseModel):
    """`Store.create_run`'s answer when the run's migration no longer exists (deleted meanwhile)."""


CreateOutcome = IdempotencyRecord | str | MigrationGone | None
"""What `Store.create_run` says: None created; the key's earlier use; the run holding the lock; or that the
migration is gone."""


class ActiveRunRef(BaseModel):
    """An entry of the sparse active-runs index."""

    scope: str
    run_id: str
    heartbeat_at: str


def _run_key(scope: str, run_id: str) -> dict[str, Any]:
    return _key(scope, f"RUN#{run_id}")


def _active_index_sk(heartbeat_at: str, run_id: str) -> str:
    return f"{heartbeat_at}#{run_id}"


def _release_lock_item(table: str, scope: str, run_id: str) -> dict[str, Any]:
    """The transaction item that lets go of the scope's lock for `run_id`."""
    # Absent is fine (already released); held by another run is not ours to delete.
    return {
        "Delete": {
            "TableName": table,
            "Key": _active_lock_key(scope),
            "ConditionExpression": "attribute_not_exists(PK) OR run_id = :mine",
            "ExpressionAttributeValues": {":mine": {"S": run_id}},
        }
    }


class RunItems(ImportItems):
    """The run and active lock methods of `Store` (an import's run claims its idempotency key: `ImportItems`)."""

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
        items = [
            self._new_put({**_run_key(scope, record.run_id), **_run_attributes(record)}),
            self._new_put(lock, ReturnValuesOnConditionCheckFailure="ALL_OLD"),
        ]
        if idempotency is not None:
            key_hash, used_for = idempotency
            items.append(
                self._new_put(
                    _idempotency_item(scope, key_hash, used_for), ReturnValuesOnConditionCheckFailure="ALL_OLD"
                )
            )
        # The migration must still exist when the run is written: a concurrent delete either happens first
        # (this transaction fails) or finds the lock taken (the delete is refused).
        items.append(
            {
                "ConditionCheck": {
                    "TableName": self.table,
                    "Key": _key(f"ACCT#{record.account_id}", f"MIG#{record.migration_id}"),
                    "ConditionExpression": "attribute_exists(PK)",
                }
            }
        )
        canceled = self._transact(items)
        if canceled is None:
            return None
        reasons = canceled.response.get("CancellationReasons", [])
        if len(reasons) == len(items) and reasons[-1].get("Code") == _CHECK_FAILED:
            return MigrationGone()
        if idempotency is not None and len(reasons) > 2 and reasons[2].get("Code") == _CHECK_FAILED:
            old = reasons[2].get("Item")
            used = _idempotency_record(old) if old else None
            used = used or self.get_idempotency(scope, idempotency[0])
            if used is not None:
                return used
        holder = reasons[1] if len(reasons) > 1 else {}
        if holder.get("Code") != _CHECK_FAILED:
            raise canceled
        held_by = holder.get("Item", {}).get("run_id", {}).get("S")
        return str(held_by) if held_by else (self.get_active_run_id(scope) or "")

    def get_active_run_id(self, scope: str) -> str | None:
        """The run holding the scope's active lock, or None when it is idle."""
        item = self._get(_active_lock_key(scope))
        return str(item["run_id"]["S"]) if item and "run_id" in item else None

    def get_run(self, scope: str, run_id: str) -> RunRecord | None:
        """A run of the scope, or None."""
        item = self._get(_run_key(scope, run_id))
        return _run_record(item) if item else None

    def list_runs(self, scope: str, limit: int, cursor: str | None = None) -> tuple[list[RunRecord], str | None]:
        """One page of the scope's runs, newest first, and the cursor of the next page (or None)."""
        items, next_cursor = self._query_page(scope, "RUN#", "run", limit, cursor, ConsistentRead=True)
        return [_run_record(item) for item in items], next_cursor

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
        also: Sequence[dict[str, Any]] = (),
    ) -> bool:
        """Move a run to `to_status` only if it is in one of `from_statuses`; False when it is not.

        `changes` sets run attributes by field name (None removes one). Leaving the active statuses
        removes the run from the active index and, in the same transaction, deletes the scope's lock if
        it names this run, and makes the `also` writes (transaction items: a completed import's bookmark
        moves). `task_token` is stored with the change (parking a run).
        """
        names, values, change_sets, removes = _set_or_remove(_run_changes(changes))
        names["#status"] = "status"
        values.update({":to": to_status, ":now": now})
        sets = ["#status = :to", "updated_at = :now", *change_sets]
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
            "UpdateExpression": _update_expression(sets, removes),
            "ConditionExpression": f"#status IN ({', '.join(placeholders)})",
            "ExpressionAttributeNames": names,
            "ExpressionAttributeValues": _marshal_item(values),
        }
        if active:
            if also:
                raise ValueError("Only a run that ends makes other writes with its status change.")
            return self._write_if("update_item", **update) is not None
        items = [{"Update": update}, _release_lock_item(self.table, scope, run_id), *also]
        while True:
            canceled = self._transact(items)
            if canceled is None:
                return True
            reasons = _reason_codes(canceled)
            if reasons[:1] == [_CHECK_FAILED]:
                return False
            failed = [items[n] for n, reason in enumerate(reasons) if n and reason == _CHECK_FAILED]
            if not failed:
                raise canceled
            # The lock names another run (not ours to release), or a connection was replaced meanwhile (its
            # bookmarks are moot): the status change still applies without them.
            items = [item for item in items if item not in failed]

    def touch_run(self, scope: str, run_id: str, now: str, message: str | None = None) -> bool:
        """Record a heartbeat (and a progress message) on a queued or running run; False otherwise."""
        values: dict[str, Any] = {":now": now, ":sk": _active_index_sk(now, run_id), ":q": "queued", ":r": "running"}
        sets = ["heartbeat_at = :now", "updated_at = :now", "GSI2SK = :sk"]
        if message is not None:
            sets.append("message = :message")
            values[":message"] = message
        touched = self._write_if(
            "update_item",
            Key=_run_key(scope, run_id),
            UpdateExpression=_update_expression(sets, []),
            ConditionExpression="#status IN (:q, :r)",
            ExpressionAttributeNames={"#status": "status"},
            ExpressionAttributeValues=_marshal_item(values),
        )
        return touched is not None

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
        names, values, change_sets, change_removes = _set_or_remove(_run_changes(changes))
        names["#status"] = "status"
        values.update(
            {
                ":running": "running",
                ":waiting": waiting_status,
                ":message": message,
                ":now": now,
                ":sk": _active_index_sk(now, run_id),
            }
        )
        sets = ["#status = :running", "message = :message", "updated_at = :now", "heartbeat_at = :now", "GSI2SK = :sk"]
        removes = ["task_token", "questions_json", "credential_request_json", "needs_attention_json", *change_removes]
        claimed = self._write_if(
            "update_item",
            Key=_run_key(scope, run_id),
            UpdateExpression=_update_expression([*sets, *change_sets], removes),
            ConditionExpression="#status = :waiting AND attribute_exists(task_token)",
            ExpressionAttributeNames=names,
            ExpressionAttributeValues=_marshal_item(values),
            ReturnValues="ALL_OLD",
        )
        return str(claimed["Attributes"]["task_token"]["S"]) if claimed is not None else None

    def release_lock(self, scope: str, run_id: str) -> bool:
        """Delete the scope's lock only if it names `run_id`; False when it names another run or none."""
        released = self._write_if(
            "delete_item",
            Key=_active_lock_key(scope),
            ConditionExpression="run_id = :mine",
            ExpressionAttributeValues={":mine": {"S": run_id}},
        )
        return released is not None

    def list_active_runs(self) -> list[ActiveRunRef]:
        """Every run in an active status, from the sparse index (eventually consistent: re-read each run)."""
        refs: list[ActiveRunRef] = []
        for item in self._query_all(
            IndexName="GSI2",
            KeyConditionExpression="GSI2PK = :active",
            ExpressionAttributeValues={":active": {"S": ACTIVE_INDEX_PK}},
        ):
            heartbeat, _, run_id = item["GSI2SK"]["S"].rpartition("#")
            refs.append(ActiveRunRef(scope=item["PK"]["S"], run_id=run_id, heartbeat_at=heartbeat))
        return refs


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


def _run_changes(changes: dict[str, Any] | None) -> list[tuple[str, Any]]:
    """The stored (attribute, value) pairs of `changes` (RunRecord field -> value)."""
    return [_run_attribute(field_name, value) for field_name, value in (changes or {}).items()]


def _run_attributes(record: RunRecord) -> dict[str, Any]:
    data = record.model_dump(exclude=set(_RUN_JSON_FIELDS))
    _dump_json_fields(data, record, _RUN_JSON_FIELDS)
    data["type"] = "run"
    if record.is_active:
        data.update(GSI2PK=ACTIVE_INDEX_PK, GSI2SK=_active_index_sk(record.heartbeat_at, record.run_id))
    return _marshal_item(data)


def _run_record(item: dict[str, Any]) -> RunRecord:
    data = _unmarshal_item(item)
    data.pop("task_token", None)
    return RunRecord.model_validate(_load_json_fields(data, _RUN_JSON_FIELDS))
