"""Migration use cases: create, list, read, replace templates, delete. Every call is scoped to one account.

Deleting a migration deletes its files and its connections (with their secrets) too.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from ferry.aws.dynamo import ConnectionStore, FileRecord, MigrationRecord, Store, migration_scope
from ferry.aws.s3 import Blobs, manifest_key
from ferry.aws.secrets import Vault
from ferry.core.clock import now_iso
from ferry.core.domain import (
    MAX_TEMPLATES_JSON_BYTES,
    MAX_TEMPLATES_PER_MIGRATION,
    Template,
    check_unique_sheet_ids,
)
from ferry.core.errors import Conflict, InvalidRequest, NotFound, PayloadTooLarge
from ferry.core.ids import has_prefix, new_id
from ferry.core.observability import logger

# The same message whether the id never existed or belongs to another account: no existence leak.
MIGRATION_NOT_FOUND = "Migration not found."


@dataclass(frozen=True)
class MigrationWithFiles:
    """A migration as the API shows it: the item plus its files."""

    migration: MigrationRecord
    files: list[FileRecord]


def migration_not_found() -> NotFound:
    """The one 404 for a migration that is missing or not the caller's."""
    return NotFound(MIGRATION_NOT_FOUND)


def require_migration(db: Store, account_id: str, migration_id: str) -> MigrationRecord:
    """The caller's migration, or the 404 a missing one gets."""
    record = db.get_migration(account_id, migration_id) if has_prefix(migration_id, "mig") else None
    if record is None:
        raise migration_not_found()
    return record


def validate_templates(templates: list[Template]) -> None:
    """Rules that span templates (each template validates itself), and the limits that keep a migration
    within one DynamoDB item (400 KB): a count over its limit is a 400, a total size over it a 413."""
    if len(templates) > MAX_TEMPLATES_PER_MIGRATION:
        raise InvalidRequest(
            f"{len(templates):,} templates sent; a migration holds at most {MAX_TEMPLATES_PER_MIGRATION:,}.",
            param="templates",
        )
    try:
        check_unique_sheet_ids(templates)
    except ValueError as exc:
        raise InvalidRequest(str(exc), param="templates") from None
    size = len(json.dumps([t.model_dump(mode="json") for t in templates], separators=(",", ":")).encode("utf-8"))
    if size > MAX_TEMPLATES_JSON_BYTES:
        raise PayloadTooLarge(
            f"The templates take {size:,} bytes as JSON; a migration's templates may take at most "
            f"{MAX_TEMPLATES_JSON_BYTES:,} bytes (shorten descriptions, aliases or enum values, or split "
            "the migration).",
            param="templates",
        )


def create_migration(
    db: Store, account_id: str, name: str, templates: list[Template], *, mapping_memory: bool = True
) -> MigrationWithFiles:
    """Create a migration, optionally with its target templates; `mapping_memory` False keeps it out of the
    account's mapping memory (its generate runs neither use nor record it)."""
    validate_templates(templates)
    now = now_iso()
    record = MigrationRecord(
        account_id=account_id,
        migration_id=new_id("mig"),
        name=name,
        templates=templates,
        mapping_memory=mapping_memory,
        created_at=now,
        updated_at=now,
    )
    db.put_migration(record)
    logger.info("migration created", account_id=account_id, migration_id=record.migration_id)
    return MigrationWithFiles(record, [])


def get_migration(db: Store, account_id: str, migration_id: str) -> MigrationWithFiles:
    """A migration with its files."""
    record = require_migration(db, account_id, migration_id)
    return MigrationWithFiles(record, db.list_files(migration_id))


def list_migrations(
    db: Store, account_id: str, limit: int, cursor: str | None
) -> tuple[list[MigrationWithFiles], str | None]:
    """One page of the account's migrations, newest first, each with its files."""
    records, next_cursor = db.list_migrations(account_id, limit, cursor)
    if not records:
        return [], next_cursor
    # One query per migration for its files; run them side by side so a full page stays fast.
    with ThreadPoolExecutor(max_workers=min(8, len(records))) as pool:
        files = list(pool.map(lambda r: db.list_files(r.migration_id), records))
    return [MigrationWithFiles(r, f) for r, f in zip(records, files, strict=True)], next_cursor


def replace_templates(db: Store, account_id: str, migration_id: str, templates: list[Template]) -> MigrationWithFiles:
    """Replace the migration's templates as a whole."""
    validate_templates(templates)
    if not has_prefix(migration_id, "mig"):
        raise migration_not_found()
    record = db.update_migration_templates(account_id, migration_id, templates, now_iso())
    if record is None:
        raise migration_not_found()
    logger.info("templates replaced", migration_id=migration_id, template_count=len(templates))
    return MigrationWithFiles(record, db.list_files(migration_id))


def delete_migration(db: Store, blobs: Blobs, account_id: str, migration_id: str) -> None:
    """Delete a migration and its files (items and objects); 409 while a run is active."""
    if not has_prefix(migration_id, "mig"):
        raise migration_not_found()
    outcome = db.delete_migration_unless_active(account_id, migration_id)
    if outcome == "not_found":
        raise migration_not_found()
    if outcome == "active_run":
        raise Conflict(
            "A run is in progress for this migration; cancel it or wait for it to finish before deleting.",
            code="run_in_progress",
            run_id=db.get_active_run_id(migration_scope(migration_id)),
        )
    # The migration item is gone first, so every later request already answers 404; its files follow.
    files = db.list_files(migration_id)
    blobs.delete([key for f in files for key in (f.upload_key, manifest_key(account_id, migration_id, f.file_id))])
    for file in files:
        db.delete_file(migration_id, file.file_id)
    # A deleted migration's secrets must not linger.
    connection_count = delete_migration_connections(db, Vault(), migration_id)
    # Its runs, previews and threads too (no run is active: the delete was conditional on the lock), and
    # what the account's mapping memory learned from it: nothing of a deleted migration lingers.
    run_ids = db.delete_migration_history(migration_id)
    memory_count = db.delete_migration_memories(account_id, migration_id)
    logger.info(
        "migration deleted",
        migration_id=migration_id,
        file_count=len(files),
        connection_count=connection_count,
        run_count=len(run_ids),
        memory_count=memory_count,
    )


def delete_migration_connections(db: Store, vault: Vault, migration_id: str) -> int:
    """Delete every connection of a deleted migration, with their secrets; returns how many."""
    table = ConnectionStore(db)
    records = table.list_for(migration_id)
    for record in records:
        table.delete(migration_id, record.profile_key, record.source_key)
        if record.secret_arn:
            vault.delete_credentials(record.secret_arn)
    return len(records)
