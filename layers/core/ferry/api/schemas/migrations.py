"""Request and response bodies of the Migrations routes (XCreate / XPublic), mapped explicitly from records."""

from __future__ import annotations

from pydantic import BaseModel, Field

from ferry.api.schemas.files import FilePublic
from ferry.core.domain import Strict, Template
from ferry.core.text import Name
from ferry.migrations.service import MigrationWithFiles


class MigrationCreate(Strict):
    """Create a migration, optionally with its target templates."""

    name: Name = Field(min_length=1, max_length=200, examples=["Contacts from the old CRM"])
    templates: list[Template] = Field(default_factory=list)
    mapping_memory: bool = Field(
        default=True,
        description="Use the account's mapping memory in generate and add this migration's executed mappings "
        "to it; false keeps the migration out of it.",
    )


class MigrationPublic(BaseModel):
    """A migration: its templates, its files and its current preview version."""

    migration_id: str
    name: str
    templates: list[Template]
    files: list[FilePublic]
    preview_version: int | None = Field(description="Version of the current preview; null until one exists.")
    mapping_memory: bool = Field(description="Whether generate uses, and execute records, the mapping memory.")
    created_at: str
    updated_at: str

    @classmethod
    def of(cls, found: MigrationWithFiles) -> MigrationPublic:
        """The public view of a stored migration and its files."""
        m = found.migration
        return cls(
            migration_id=m.migration_id,
            name=m.name,
            templates=m.templates,
            files=[FilePublic.of(f) for f in found.files],
            preview_version=m.preview_version,
            mapping_memory=m.mapping_memory,
            created_at=m.created_at,
            updated_at=m.updated_at,
        )


class MigrationList(BaseModel):
    """One page of migrations, newest first."""

    migrations: list[MigrationPublic]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null on the last page.")
