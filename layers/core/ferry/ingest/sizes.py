"""Byte counts as people read them in rejection messages."""

from __future__ import annotations

MEGABYTE = 1024 * 1024


def megabytes(size: int) -> str:
    """`536870912` -> '512 MB', `1572864` -> '1.5 MB' (binary megabytes, as file browsers show)."""
    value = size / MEGABYTE
    if value >= 10 or value == int(value):
        return f"{value:.0f} MB"
    return f"{value:.2g} MB" if value < 1 else f"{value:.1f} MB"
