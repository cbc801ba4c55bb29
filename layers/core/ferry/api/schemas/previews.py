"""Request and response bodies of the Preview routes, mapped explicitly from preview records."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from ferry.aws.dynamo import PreviewRecord


class PreviewPublic(BaseModel):
    """A preview version: the recipe, its mappings and sample rows per template."""

    preview_id: str
    version: int
    run_id: str
    created_at: str
    summary: str
    recipe: dict[str, Any]
    mappings: list[dict[str, Any]]
    unmapped_columns: list[dict[str, Any]]
    sheets: list[dict[str, Any]]

    @classmethod
    def of(cls, record: PreviewRecord) -> PreviewPublic:
        """The public view of a stored preview."""
        body = record.body
        return cls(
            preview_id=record.preview_id,
            version=record.version,
            run_id=record.run_id,
            created_at=record.created_at,
            summary=str(body.get("summary", "")),
            recipe=body.get("recipe", {}),
            mappings=body.get("mappings", []),
            unmapped_columns=body.get("unmapped_columns", []),
            sheets=body.get("sheets", []),
        )


class RecipeChange(BaseModel):
    """One change between two recipe versions (`path` is a JSON Pointer into the recipe)."""

    op: Literal["add", "remove", "replace"]
    path: str
    old: Any = None
    new: Any = None


class PreviewDiff(BaseModel):
    """What changed in the recipe from version `from` to version `to`."""

    from_version: int = Field(serialization_alias="from")
    to_version: int = Field(serialization_alias="to")
    changes: list[RecipeChange]
