"""Preview items of a migration (PK / SK), written by the run that made the preview:

preview      MIG#<mig>        PREVIEW#<v>    body_json (or body_key in S3 when large); the migration
                                             item's preview_version points at the current one
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel

from ferry.aws.dynamo.migrations import _migration_key
from ferry.aws.dynamo.runs import RunRecord, _release_lock_item, _run_key
from ferry.aws.dynamo.table import (
    _CHECK_FAILED,
    StoreBase,
    _json,
    _key,
    _marshal_item,
    _reason_codes,
    _unmarshal_item,
)


class PreviewRecord(BaseModel):
    """A preview version of a migration; `body` is the stored preview document (recipe, mappings, sheets...)."""

    migration_id: str
    preview_id: str
    version: int
    run_id: str
    created_at: str
    body: dict[str, Any] = {}
    body_key: str | None = None  # set when the body is stored in S3 (too large for an item)


def _preview_key(migration_id: str, version: int) -> dict[str, Any]:
    return _key(f"MIG#{migration_id}", f"PREVIEW#{version:010d}")


class PreviewItems(StoreBase):
    """The preview methods of `Store`."""

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
        canceled = self._transact(
            [
                {"Update": run_update},
                self._new_put(preview_item),
                {
                    "Update": {
                        "TableName": self.table,
                        "Key": _migration_key(run.account_id, run.migration_id),
                        "UpdateExpression": "SET preview_version = :v, updated_at = :now",
                        "ConditionExpression": pointer_condition,
                        "ExpressionAttributeValues": pointer_values,
                    }
                },
                _release_lock_item(self.table, run.scope, run.run_id),
            ]
        )
        if canceled is None:
            return "written"
        reasons = _reason_codes(canceled)
        if reasons[:1] == [_CHECK_FAILED]:
            return "run_not_running"
        if _CHECK_FAILED in reasons[1:3]:
            return "version_moved"
        raise canceled

    def get_preview(self, migration_id: str, version: int) -> PreviewRecord | None:
        """A preview version of the migration (its body may be in S3: see `body_key`)."""
        item = self._get(_preview_key(migration_id, version))
        if not item:
            return None
        data = _unmarshal_item(item)
        data["body"] = json.loads(data.pop("body_json", "{}"))
        return PreviewRecord.model_validate(data)
