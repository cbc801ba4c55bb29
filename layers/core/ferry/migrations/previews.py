"""Preview use cases: read a migration's current (or an older) preview, and diff two recipe versions."""

from __future__ import annotations

from typing import Any

from ferry.aws.dynamo import PreviewRecord, Store
from ferry.aws.s3 import Blobs
from ferry.core.errors import InvalidRequest, NotFound
from ferry.migrations.service import require_migration

PREVIEW_NOT_FOUND = "Preview not found."


def get_preview(
    db: Store, blobs: Blobs, account_id: str, migration_id: str, version: int | None = None
) -> PreviewRecord:
    """The current preview, or version `version`; 404 when there is none."""
    migration = require_migration(db, account_id, migration_id)
    wanted = version if version is not None else migration.preview_version
    current = migration.preview_version
    if wanted is None or current is None or wanted > current:
        raise NotFound(PREVIEW_NOT_FOUND)
    record = db.get_preview(migration_id, wanted)
    if record is None:
        raise NotFound(PREVIEW_NOT_FOUND)
    if record.body_key:
        record = record.model_copy(update={"body": blobs.get_json(record.body_key) or {}})
    return record


def diff_previews(
    db: Store, blobs: Blobs, account_id: str, migration_id: str, from_version: int, to_version: int | None
) -> tuple[int, int, list[dict[str, Any]]]:
    """What changed in the recipe from version `from_version` to `to_version` (default: the current one)."""
    newer = get_preview(db, blobs, account_id, migration_id, to_version)
    if from_version > newer.version:
        raise InvalidRequest("`from` must not be after `to`.", param="from")
    older = get_preview(db, blobs, account_id, migration_id, from_version)
    return older.version, newer.version, json_diff(older.body.get("recipe", {}), newer.body.get("recipe", {}))


def json_diff(old: Any, new: Any, path: str = "") -> list[dict[str, Any]]:
    """A structural diff: `add`/`remove`/`replace` operations with JSON Pointer paths (RFC 6901 style)."""
    if isinstance(old, dict) and isinstance(new, dict):
        changes: list[dict[str, Any]] = []
        for key in sorted(old.keys() | new.keys(), key=str):
            child = f"{path}/{_escape(str(key))}"
            if key not in new:
                changes.append({"op": "remove", "path": child, "old": old[key]})
            elif key not in old:
                changes.append({"op": "add", "path": child, "new": new[key]})
            else:
                changes += json_diff(old[key], new[key], child)
        return changes
    if isinstance(old, list) and isinstance(new, list):
        changes = []
        for index in range(max(len(old), len(new))):
            child = f"{path}/{index}"
            if index >= len(new):
                changes.append({"op": "remove", "path": child, "old": old[index]})
            elif index >= len(old):
                changes.append({"op": "add", "path": child, "new": new[index]})
            else:
                changes += json_diff(old[index], new[index], child)
        return changes
    if old != new or type(old) is not type(new):
        return [{"op": "replace", "path": path or "/", "old": old, "new": new}]
    return []


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")
