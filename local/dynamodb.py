"""Make moto's DynamoDB transactions isolated, as DynamoDB's are (serializable, all or nothing).

moto applies a TransactWriteItems item by item, and when a condition fails it restores a copy of the whole
table taken when the transaction began. The moto server answers requests on several threads, so under
contention that restore can undo another request's committed writes, or bring back a canceled
transaction's puts (a second run beside the one that won the lock). One re-entrant lock around every item
operation of the backend serialises them, which is the isolation the table's conditions rely on.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any

from moto.dynamodb.models import DynamoDBBackend

LOCK = threading.RLock()  # also held by local/persistence.py while it reads the tables (a consistent cut)
ITEM_OPERATIONS = (
    "put_item",
    "get_item",
    "update_item",
    "delete_item",
    "query",
    "scan",
    "transact_write_items",
    "execute_statement",
    "execute_transaction",
    "batch_execute_statement",
)


def _serialised(method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def locked(*args: Any, **kwargs: Any) -> Any:
        with LOCK:
            return method(*args, **kwargs)

    locked.__ferry_serialised__ = True  # type: ignore[attr-defined]
    return locked


def install() -> None:
    """Serialise the backend's item operations (idempotent)."""
    for name in ITEM_OPERATIONS:
        method = getattr(DynamoDBBackend, name)
        if not getattr(method, "__ferry_serialised__", False):
            setattr(DynamoDBBackend, name, _serialised(method))


def is_installed() -> bool:
    return all(getattr(getattr(DynamoDBBackend, name), "__ferry_serialised__", False) for name in ITEM_OPERATIONS)
