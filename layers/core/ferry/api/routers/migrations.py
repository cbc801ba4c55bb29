"""Migrations and their templates."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Query, Response, status

from ferry.api.deps import BlobsDep, CurrentAccount, StoreDep
from ferry.api.schemas.migrations import MigrationCreate, MigrationList, MigrationPublic
from ferry.core.domain import Template
from ferry.migrations import service as migrations

router = APIRouter(prefix="/migrations", tags=["migrations"])


@router.post("", status_code=status.HTTP_201_CREATED, summary="Create a migration")
def create_migration(body: MigrationCreate, account: CurrentAccount, db: StoreDep) -> MigrationPublic:
    """Create a migration; templates can also be set later with PUT .../templates."""
    created = migrations.create_migration(
        db, account.account_id, body.name, body.templates, mapping_memory=body.mapping_memory
    )
    return MigrationPublic.of(created)


@router.get("", summary="List migrations, newest first")
def list_migrations(
    account: CurrentAccount,
    db: StoreDep,
    limit: Annotated[int, Query(ge=1, le=100, description="Page size, 1 to 100.")] = 20,
    cursor: Annotated[str | None, Query(max_length=512, description="`next_cursor` of the previous page.")] = None,
) -> MigrationList:
    """Page through the account's migrations with `limit` and `cursor`."""
    page, next_cursor = migrations.list_migrations(db, account.account_id, limit, cursor)
    return MigrationList(migrations=[MigrationPublic.of(m) for m in page], next_cursor=next_cursor)


@router.get("/{migration_id}", summary="Get a migration with its files and templates")
def get_migration(migration_id: str, account: CurrentAccount, db: StoreDep) -> MigrationPublic:
    """A migration with its templates and files."""
    return MigrationPublic.of(migrations.get_migration(db, account.account_id, migration_id))


@router.put("/{migration_id}/templates", summary="Replace the migration's templates")
def replace_templates(
    migration_id: str, templates: Annotated[list[Template], Body()], account: CurrentAccount, db: StoreDep
) -> MigrationPublic:
    """Replace the templates as a whole with the JSON array sent (validated together)."""
    return MigrationPublic.of(migrations.replace_templates(db, account.account_id, migration_id, templates))


@router.delete(
    "/{migration_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Delete a migration and its files (409 while a run is active)",
)
def delete_migration(migration_id: str, account: CurrentAccount, db: StoreDep, blobs: BlobsDep) -> Response:
    """Delete the migration with its files; 409 while a run is active."""
    migrations.delete_migration(db, blobs, account.account_id, migration_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
