"""Response bodies of the mapping-memory routes, mapped explicitly from the store's records."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from ferry.aws.dynamo import MemoryRecord


class MappingMemoryPublic(BaseModel):
    """One remembered mapping: a source column (its header and the kind of values it holds) → a template field."""

    memory_id: str
    template: str = Field(description="The template's name when the mapping was confirmed.")
    sheet_id: str = Field(description="The template's sheet_id (what `?template=` filters on).")
    field: str
    header: str = Field(description="The column's header as the file had it.")
    normalized_header: str = Field(description="The header as memory compares it.")
    value_signature: str = Field(
        description="The kind of values the column held: email, phone, url, date, number, boolean, text or mixed."
    )
    ops: list[dict[str, Any]] = Field(description="The field's recipe ops, applied again as they were.")
    migration_id: str = Field(description="The migration whose execute confirmed it.")
    migration_name: str
    confirmed_at: str

    @classmethod
    def of(cls, record: MemoryRecord) -> MappingMemoryPublic:
        """The public view of a stored memory."""
        return cls(
            memory_id=record.memory_id,
            template=record.template,
            sheet_id=record.sheet_id,
            field=record.field,
            header=record.header,
            normalized_header=record.normalized_header,
            value_signature=record.value_signature,
            ops=record.ops,
            migration_id=record.migration_id,
            migration_name=record.migration_name,
            confirmed_at=record.confirmed_at,
        )


class MappingMemoryList(BaseModel):
    """One page of remembered mappings, by template then header."""

    entries: list[MappingMemoryPublic]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null on the last page.")
