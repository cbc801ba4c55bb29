"""The migration's preview: the current (or an older) version, and what changed between two versions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from ferry.api.deps import BlobsDep, CurrentAccount, StoreDep
from ferry.api.schemas.previews import PreviewDiff, PreviewPublic, RecipeChange
from ferry.migrations import previews

router = APIRouter(prefix="/migrations/{migration_id}/preview", tags=["preview"])


@router.get("", summary="The current preview, or an older version")
def get_preview(
    migration_id: str,
    account: CurrentAccount,
    db: StoreDep,
    blobs: BlobsDep,
    version: Annotated[int | None, Query(ge=1, description="A preview version; default the current one.")] = None,
) -> PreviewPublic:
    """The preview: recipe, mappings, unmapped columns and the first rows per template; 404 when none."""
    return PreviewPublic.of(previews.get_preview(db, blobs, account.account_id, migration_id, version))


@router.get("/diff", summary="What changed in the recipe between two preview versions")
def diff_preview(
    migration_id: str,
    account: CurrentAccount,
    db: StoreDep,
    blobs: BlobsDep,
    from_version: Annotated[
        int, Query(alias="from", ge=1, description="The older version; must not be after `to` (else 400).")
    ],
    to_version: Annotated[
        int | None, Query(alias="to", ge=1, description="The newer version, at least `from`; default current.")
    ] = None,
) -> PreviewDiff:
    """Structural changes to the recipe (`add`, `remove`, `replace` at JSON Pointer paths)."""
    old, new, changes = previews.diff_previews(db, blobs, account.account_id, migration_id, from_version, to_version)
    return PreviewDiff(from_version=old, to_version=new, changes=[RecipeChange(**c) for c in changes])
