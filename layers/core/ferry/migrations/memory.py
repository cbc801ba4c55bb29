"""Mapping-memory use cases: list what the account remembers, forget one entry or all of it. Every call is
scoped to one account; an entry of another account is answered like a missing one.

What is remembered is recorded as an execute commits (ferry.runs.steps.remember_confirmed_mappings) and used
by the next generate (ferry.agent.memory); both skip a migration created with `mapping_memory: false`.
"""

from __future__ import annotations

from ferry.aws.dynamo import MemoryRecord, Store
from ferry.core.errors import NotFound
from ferry.core.ids import has_prefix
from ferry.core.observability import logger

MEMORY_NOT_FOUND = "Mapping memory entry not found."


def list_memories(
    db: Store, account_id: str, limit: int, cursor: str | None, sheet_id: str | None = None
) -> tuple[list[MemoryRecord], str | None]:
    """One page of the account's remembered mappings (of one template with `sheet_id`), by template then header."""
    return db.list_memories(account_id, limit, cursor, sheet_id)


def forget_memory(db: Store, account_id: str, memory_id: str) -> None:
    """Forget one remembered mapping; 404 when the account has none with this id."""
    if not has_prefix(memory_id, "mem") or not db.delete_memory(account_id, memory_id):
        raise NotFound(MEMORY_NOT_FOUND)
    logger.info("mapping memory entry forgotten", account_id=account_id, memory_id=memory_id)


def forget_all_memories(db: Store, account_id: str) -> None:
    """Forget everything the account remembers (nothing to forget is fine too)."""
    count = db.delete_all_memories(account_id)
    logger.info("mapping memory forgotten", account_id=account_id, memory_count=count)
