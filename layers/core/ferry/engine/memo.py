"""Stage 1's results per source value, kept across chunks (and executes) of the same field.

A field that reads one column gives the same output, source hash and rule for the same value wherever the value
sits, so a value met in an earlier chunk is looked up instead of computed again: a date, name or city column
repeats its values across a file far more than within one chunk. Bounded: at most `max_values` values in all
(`max_per_key` per field), the fields used longest ago dropped first.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable

import polars as pl

VALUE = "__value__"
FOUND = "__found__"


class ValueMemo:
    """Per field key, a table of its results: the source value in `VALUE` (distinct; null is a value too), the
    result columns, and `FOUND` (always true: a left join against the table tells the values it lacks)."""

    def __init__(self, max_values: int, max_per_key: int) -> None:
        self.max_values = max_values
        self.max_per_key = max_per_key
        self._tables: OrderedDict[Hashable, pl.DataFrame] = OrderedDict()
        self._size = 0

    def get(self, key: Hashable) -> pl.DataFrame | None:
        table = self._tables.get(key)
        if table is not None:
            self._tables.move_to_end(key)
        return table

    def add(self, key: Hashable, rows: pl.DataFrame) -> pl.DataFrame:
        """Keep `rows` (`VALUE` and the result columns, values not kept before), room allowing; the key's table
        with them, whether kept or not."""
        rows = rows.with_columns(pl.lit(True).alias(FOUND))
        table = self._tables.get(key)
        merged = rows if table is None else pl.concat([table, rows]).rechunk()
        if merged.height > self.max_per_key:
            return merged
        self._tables[key] = merged
        self._tables.move_to_end(key)
        self._size += rows.height
        while self._size > self.max_values:
            _, old = self._tables.popitem(last=False)
            self._size -= old.height
        return merged

    def discard(self, key: Hashable) -> None:
        table = self._tables.pop(key, None)
        if table is not None:
            self._size -= table.height

    def clear(self) -> None:
        self._tables.clear()
        self._size = 0
