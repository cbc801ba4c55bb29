"""The execute report: row counts, rows with invalid cells, and a source-vs-output fill profile."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import polars as pl

from ferry.core.domain import Template
from ferry.recipe.model import TemplateRecipe
from ferry.recipe.spec import WHITESPACE

# A column is flagged when its output fill rate is below this share of its source fill rate.
FILL_DROP_RATIO = 0.8


@dataclass(frozen=True)
class ColumnCounts:
    filled: int
    distinct: int


@dataclass(frozen=True)
class FieldStats:
    field: str
    source_column: str | None
    source: ColumnCounts
    output: ColumnCounts


@dataclass(frozen=True)
class TemplateStats:
    """What the report says of one template, counted over the rows it imports."""

    template_name: str
    sheet_id: str
    rows: int
    invalid_rows: int
    fields: list[FieldStats]
    # Source columns no field of the template reads, with their counts over every source row read.
    unread: dict[str, ColumnCounts] | None = None
    source_rows: int = 0
    source: tuple[str, str] | None = None  # (file_id, sheet_id) the template reads


def unread_columns(recipe: TemplateRecipe, columns: list[str]) -> list[str]:
    """The source columns no field of `recipe` reads (a filter-only column is not imported either)."""
    read = {c for fr in recipe.fields for c in fr.source_columns()}
    return [c for c in columns if c not in read]


def blank_series(s: pl.Series) -> pl.Series:
    """True where a value is null, '' or only white space.

    Only a value whose first byte is ASCII white space/control or non-ASCII can be blank: two string
    comparisons (answered from the inline prefix of each value) pick those, and only they are searched for a
    character that is not white space (cheaper than stripping them).
    """
    s = s.cast(pl.String)
    base = s.is_null()
    idx = _maybe_blank(s)
    if idx is None:
        return base
    return base.scatter(idx, ~s.gather(idx).str.contains(_NOT_WHITESPACE))


# any character outside WHITESPACE, spelled as \x{...} escapes so the regex reads each one literally
_NOT_WHITESPACE = "[^" + "".join(f"\\x{{{ord(c):X}}}" for c in WHITESPACE) + "]"


def _maybe_blank(s: pl.Series) -> pl.Series | None:
    """Row numbers of the non-null values that start with ASCII white space/control or a non-ASCII byte (the
    only ones that can be blank), or None when there are none."""
    maybe = ((s < "!") | (s >= "\x80")).fill_null(False)
    return maybe.arg_true() if maybe.any() else None


def blank_expr(v: pl.Expr) -> pl.Expr:
    """`blank_series` as an expression."""
    return v.map_batches(blank_series, return_dtype=pl.Boolean, is_elementwise=True)


def filled_hash(v: pl.Expr) -> pl.Expr:
    """A 64-bit hash of each non-blank value, null for blank ones: what the profile counts.

    Hashes count distinct values ~3x faster than strings and take 8 bytes each; a collision only becomes
    likely around 4e9 distinct values.
    """
    return v.map_batches(_filled_hash_series, return_dtype=pl.UInt64, is_elementwise=True)


def _filled_hash_series(s: pl.Series) -> pl.Series:
    s = s.cast(pl.String)
    hashed = s.hash(seed=0)
    idx = _maybe_blank(s)
    if idx is not None:
        blank_at = idx.filter(~s.gather(idx).str.contains(_NOT_WHITESPACE))
        if len(blank_at):
            hashed = hashed.scatter(blank_at, None)
    if s.has_nulls():  # a null hashes to a number: masked (a zip is cheaper than scattering the null rows)
        hashed = hashed.zip_with(s.is_not_null(), pl.repeat(None, len(s), dtype=pl.UInt64, eager=True))
    return hashed


class ProfileTally:
    """Filled and distinct counts of columns, added up part by part (holds only distinct hashes).

    Each column keeps one merged set of distinct hashes and the parts added since it was last merged. A part
    is merged in once the pending parts hold as many hashes as the merged set (or `_MERGE_MIN`), so every hash
    is re-counted a bounded number of times however many parts come (merging every few parts re-counts the
    whole set each time: quadratic in the parts for a column of distinct values). A column whose parts were
    mostly distinct last time is appended as it is: its own `unique` would barely shrink it.
    """

    def __init__(self, columns: list[str], same_as: dict[str, str] | None = None) -> None:
        self.columns = columns
        # column -> an earlier column whose hashes it always equals (two fields reading one source column):
        # counted once, its counts given to both
        self.same_as = {c: t for c, t in (same_as or {}).items() if c in columns and t != c}
        assert all(t in columns and t not in self.same_as for t in self.same_as.values()), "same_as: one step"
        self._counted = [c for c in columns if c not in self.same_as]
        self.filled = dict.fromkeys(columns, 0)
        self._distinct: dict[str, list[pl.Series]] = {c: [] for c in columns}
        self._merged = dict.fromkeys(columns, 0)  # hashes in _distinct[c][0] after the last merge
        self._pending = dict.fromkeys(columns, 0)  # hashes in the parts after it
        self._spread = dict.fromkeys(columns, 0.0)  # distinct share of the values at the last merge

    def add(self, hashes: pl.DataFrame) -> None:
        """Count one part, given as `filled_hash` columns named like `columns` (those in `same_as` unread)."""
        for c in self._counted:
            s = hashes[c].drop_nulls()
            self.filled[c] += len(s)
            if self._spread[c] < 0.5:
                s = s.unique()
            pending = self._distinct[c]
            pending.append(s)
            self._pending[c] += len(s)
            if self._pending[c] >= max(self._merged[c], _MERGE_MIN):
                values = self._merged[c] + self._pending[c]
                merged = pl.concat(pending).unique()
                self._distinct[c] = [merged]
                self._merged[c], self._pending[c] = len(merged), 0
                self._spread[c] = len(merged) / values if values else 0.0
        for c, t in self.same_as.items():
            self.filled[c] = self.filled[t]

    def counts(self) -> dict[str, ColumnCounts]:
        """(filled, distinct) per column so far."""
        counted = {
            c: ColumnCounts(self.filled[c], pl.concat(self._distinct[c]).n_unique() if self._distinct[c] else 0)
            for c in self._counted
        }
        return {c: counted[self.same_as.get(c, c)] for c in self.columns}


_MERGE_MIN = 262_144  # hashes (2 MB) pending before a merge, however small the merged set


def template_stats(
    template: Template,
    recipe: TemplateRecipe,
    *,
    rows: int,
    invalid_rows: int,
    output: ProfileTally,
    source: ProfileTally,
) -> TemplateStats:
    """The report's view of one template from its counts and the tallies of its output and source values."""
    out_counts, src_counts = output.counts(), source.counts()
    by_field = {fr.field: fr for fr in recipe.fields}
    return TemplateStats(
        template_name=template.name,
        sheet_id=template.sheet_id,
        rows=rows,
        invalid_rows=invalid_rows,
        fields=[
            FieldStats(
                f.key, by_field[f.key].column if f.key in by_field else None, src_counts[f.key], out_counts[f.key]
            )
            for f in template.fields
        ],
    )


def build_report(stats: list[TemplateStats]) -> dict[str, Any]:
    """The API's execute report: `{totalRows, templates, invalidCellCount, profile: {columns, warnings}}`."""
    columns: list[dict[str, Any]] = []
    warnings: list[dict[str, Any]] = []
    for t in stats:
        n = t.rows
        for f in t.fields:
            source = {"column": f.source_column, "filled": f.source.filled, "distinct": f.source.distinct, "total": n}
            output = {"column": f.field, "filled": f.output.filled, "distinct": f.output.distinct, "total": n}
            columns.append({"template": t.sheet_id, "column": f.field, "source": source, "output": output})
            if n and f.source.filled:
                src_rate, out_rate = f.source.filled / n, f.output.filled / n
                if out_rate < FILL_DROP_RATIO * src_rate:
                    warnings.append(
                        {
                            "template": t.sheet_id,
                            "column": f.field,
                            "sourceFillRate": round(src_rate, 4),
                            "outputFillRate": round(out_rate, 4),
                            "message": f"{f.field}: {f.output.filled} of {n} rows filled after mapping, "
                            f"against {f.source.filled} in source column {f.source_column!r}",
                        }
                    )
    _add_unread(stats, columns, warnings)
    return {
        "totalRows": sum(t.rows for t in stats),
        "templates": [{"templateName": t.template_name, "sheetId": t.sheet_id, "rowCount": t.rows} for t in stats],
        "invalidCellCount": sum(t.invalid_rows for t in stats),
        "profile": {"columns": columns, "warnings": warnings},
    }


def _add_unread(stats: list[TemplateStats], columns: list[dict[str, Any]], warnings: list[dict[str, Any]]) -> None:
    """Source columns that no template reading their sheet imports: listed (`output` null) and, when they hold
    values, warned about, so a hollow import (a dropped column) is visible."""
    by_source: dict[tuple[str, str] | None, list[TemplateStats]] = {}
    for t in stats:
        if t.unread is not None:
            by_source.setdefault(t.source, []).append(t)
    for group in by_source.values():
        first = group[0]
        assert first.unread is not None
        for name, counts in first.unread.items():
            if any(t.unread is None or name not in t.unread for t in group[1:]):
                continue  # another template of the same sheet imports it
            n = first.source_rows
            source = {"column": name, "filled": counts.filled, "distinct": counts.distinct, "total": n}
            columns.append({"template": first.sheet_id, "column": None, "source": source, "output": None})
            if counts.filled:
                warnings.append(
                    {
                        "template": first.sheet_id,
                        "column": None,
                        "sourceColumn": name,
                        "sourceFillRate": round(counts.filled / n, 4) if n else 0.0,
                        "outputFillRate": 0.0,
                        "message": f"`{name}` ({counts.filled:,} filled) is not imported",
                    }
                )
