"""Stage 1's results per source value, kept across chunks (and executes) of the same field.

A field that reads one column gives the same output, source hash and rule for the same value wherever the value
sits, so a value met in an earlier chunk is looked up instead of computed again: a phone, date or name column
repeats its values across a file far more than within one chunk. Bounded: at most `max_values` values in all
(`max_per_key` per field), the fields used longest ago dropped first.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable

import polars as pl

VALUE = "__value__"
_HASH = "__hash__"
_FOUND = "__found__"
_GIVEN = "__given__"

Build = Callable[[pl.Series], pl.DataFrame]
"""The results of some distinct values: one row per value, in their order."""


class ValueMemo:
    """Per field key, a table of its results: `_HASH` (the value's 64-bit hash, distinct), `VALUE` (null is a
    value too), the result columns, and `_FOUND` (true; a left join against the table tells the values it lacks).

    Looked up by hash, an integer join several times cheaper than one on the strings, and then checked against
    the value itself, so a hash collision only costs building that value again.
    """

    def __init__(self, max_values: int, max_per_key: int) -> None:
        self.max_values = max_values
        self.max_per_key = max_per_key
        self._tables: OrderedDict[Hashable, pl.DataFrame] = OrderedDict()
        self._size = 0
        self._resting: dict[Hashable, int] = {}

    def has(self, key: Hashable) -> bool:
        return key in self._tables

    def results(self, key: Hashable, values: pl.Series, build: Build) -> tuple[pl.DataFrame, int]:
        """Per value of `values`, its results (the columns `build` gives), with `build` called once, on the
        distinct values the key has no results for; and how many values those were. Keeps the new results,
        room allowing."""
        table = self._tables.get(key)
        if table is None:
            new = values.unique()
            rows = build(new)
            self._keep(key, new, rows)
            return _spread(values, new, rows), len(new)
        self._tables.move_to_end(key)
        probe = pl.DataFrame({_HASH: values.hash(), _GIVEN: values})
        joined = probe.join(table, on=_HASH, how="left", maintain_order="left")
        known = joined[_FOUND].is_not_null() & joined[VALUE].eq_missing(joined[_GIVEN])
        out = joined.drop(_HASH, _GIVEN, VALUE, _FOUND)
        if known.all():
            return out, 0
        at = (~known).arg_true()
        rest = values.gather(at)
        new = rest.unique()
        rows = build(new)
        self._keep(key, new, rows)
        filled = _spread(rest, new, rows)
        return out.with_columns([out[c].scatter(at, filled[c]) for c in out.columns]), len(new)

    def _keep(self, key: Hashable, values: pl.Series, rows: pl.DataFrame) -> None:
        rows = rows.with_columns(values.hash().alias(_HASH), values.alias(VALUE), pl.lit(True).alias(_FOUND))
        rows = rows.unique(_HASH, keep="first", maintain_order=True)  # a collision: the later value is built again
        table = self._tables.get(key)
        if table is not None:
            rows = rows.filter(~rows[_HASH].is_in(table[_HASH].implode()))
            if table.height + rows.height > self.max_per_key:
                return
            rows = pl.concat([table, rows.select(table.columns)]).rechunk()
        elif rows.height > self.max_per_key:
            return
        self._size += rows.height - (table.height if table is not None else 0)
        self._tables[key] = rows
        self._tables.move_to_end(key)
        while self._size > self.max_values:
            _, old = self._tables.popitem(last=False)
            self._size -= old.height

    def discard(self, key: Hashable, rest: int = 0) -> None:
        """Drop the key's table; with `rest`, `resting(key)` holds for the key's next `rest` asks."""
        table = self._tables.pop(key, None)
        if table is not None:
            self._size -= table.height
        if rest:
            if len(self._resting) > 1_000:  # keys of fields long gone
                self._resting.clear()
            self._resting[key] = rest

    def resting(self, key: Hashable) -> bool:
        """Whether the key's values were judged mostly new not long ago (one ask used up)."""
        left = self._resting.get(key, 0)
        if left:
            self._resting[key] = left - 1
        return left > 0

    def clear(self) -> None:
        self._tables.clear()
        self._resting.clear()
        self._size = 0


def _spread(values: pl.Series, distinct: pl.Series, rows: pl.DataFrame) -> pl.DataFrame:
    """`rows` (the results of `distinct`) for each value of `values`."""
    table = rows.with_columns(distinct.alias(VALUE))
    joined = pl.DataFrame({VALUE: values}).join(table, on=VALUE, how="left", nulls_equal=True, maintain_order="left")
    return joined.drop(VALUE)
