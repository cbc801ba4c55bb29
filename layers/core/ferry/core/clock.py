"""Timestamps as the contract writes them: UTC ISO-8601 with a `Z`, to the millisecond."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


def now() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """`2025-01-31T09:30:00.123Z` (sorts lexicographically in time order)."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def now_iso() -> str:
    """The current time as the contract writes it."""
    return iso(now())


def iso_in(seconds: int) -> str:
    """The time `seconds` from now, as the contract writes it."""
    return iso(now() + timedelta(seconds=seconds))
