"""Small test helpers."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def wait_for(probe: Callable[[], T | None], timeout: float = 20.0, interval: float = 0.05, what: str = "") -> T:
    """Poll `probe` until it returns something truthy (asynchronous work finishing), or fail at `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what or probe}")
        time.sleep(interval)


def person_template(name: str, sheet_id: str, *extra_fields: dict[str, Any]) -> dict[str, Any]:
    """A template of people as a product would define it: first name and email required, email unique."""
    fields = [
        {"key": "first_name", "type": "string", "required": True},
        {"key": "last_name", "type": "string"},
        {"key": "email", "type": "email", "required": True, "unique": True},
    ]
    return {"name": name, "sheet_id": sheet_id, "fields": [*fields, *extra_fields]}
