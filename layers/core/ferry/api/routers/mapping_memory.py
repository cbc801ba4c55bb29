"""The account's mapping memory: the column mappings its executed migrations confirmed."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from ferry.api.deps import CurrentAccount, StoreDep
from ferry.api.schemas.mapping_memory import MappingMemoryList, MappingMemoryPublic
from ferry.migrations import memory

router = APIRouter(prefix="/mapping-memory", tags=["mapping memory"])


@router.get("", summary="List the mappings the account remembers")
def list_mapping_memory(
    account: CurrentAccount,
    db: StoreDep,
    template: Annotated[str | None, Query(max_length=64, description="Only this template's (its sheet_id).")] = None,
    limit: Annotated[int, Query(ge=1, le=100, description="Page size, 1 to 100.")] = 20,
    cursor: Annotated[str | None, Query(max_length=2048, description="`next_cursor` of the previous page.")] = None,
) -> MappingMemoryList:
    """Page through the remembered mappings with `limit` and `cursor`, by template then header."""
    page, next_cursor = memory.list_memories(db, account.account_id, limit, cursor, template)
    return MappingMemoryList(entries=[MappingMemoryPublic.of(m) for m in page], next_cursor=next_cursor)


@router.delete(
    "",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Forget every remembered mapping",
)
def forget_mapping_memory(account: CurrentAccount, db: StoreDep) -> Response:
    """Forget everything the account remembers; later generate runs map from the files alone."""
    memory.forget_all_memories(db, account.account_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.delete(
    "/{memory_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Forget one remembered mapping",
)
def forget_mapping_memory_entry(memory_id: str, account: CurrentAccount, db: StoreDep) -> Response:
    """Forget one remembered mapping; 404 when it is not in your account."""
    memory.forget_memory(db, account.account_id, memory_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
