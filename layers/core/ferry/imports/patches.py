"""Patches on a committed template output: find the flagged groups, and apply a reviewed patch.

A separate pass over an output directory (`rows/part-*.parquet` with `_row`, fields, `_errors`), so the
executor stays as it is. Memory stays bounded by one part plus the key columns, like the executor:

1. per part: `set_value` on the flagged cells of a group (the set cells are re-checked with the field's
   rules), `delete_invalid_rows` of a group, `keep` changes nothing; written to a spill part.
2. over the key columns of all kept rows: `dedup_keep_first` on `key_column`, then every `unique` field
   is checked again (a deleted first occurrence leaves its duplicate alone; a set value may repeat).
3. per spill part: drop the deduplicated rows, set the unique errors, and write the output part and the
   valid/invalid/all exports and count the report's profile (the executor's `PartWriter`).

The report's source profile counts the source values of the rows still imported, from the per-row source
hashes the executor kept with the first output (`<output>/sources/`).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from ferry.core.domain import Template, TemplateField
from ferry.engine.flags import ERRORS, ROW, error_columns
from ferry.engine.parts import PartWriter, output_parts
from ferry.engine.report import ProfileTally, TemplateStats
from ferry.engine.rules import present_expr, rule_expr, unique_key
from ferry.imports.review import SAMPLE_MAX_CHARS, SAMPLE_SIZE, IssueCount, PatchAction
from ferry.recipe.model import TemplateRecipe
from ferry.recipe.spec import WHITESPACE

_DELETE = "__delete__"
_SET = "__set__"
_KEEP = "__keep__"
_DUP = "__dup__"


@dataclass
class PatchCounts:
    """What a patch did: cells set (in rows still imported), rows deleted, duplicates dropped."""

    cells_set: int = 0
    rows_deleted: int = 0
    duplicates_dropped: int = 0

    def add(self, other: PatchCounts) -> None:
        """Add another template's counts."""
        self.cells_set += other.cells_set
        self.rows_deleted += other.rows_deleted
        self.duplicates_dropped += other.duplicates_dropped


@dataclass
class PatchOutcome:
    """A patched template: its report counts and what the patch did."""

    stats: TemplateStats
    counts: PatchCounts = field(default_factory=PatchCounts)


# ------------------------------------------------------------------------------------------ finding


def find_issues(template: Template, directory: str | Path) -> list[IssueCount]:
    """Every flagged group (column, rule) of a template output, with its cell count and a few values."""
    counts: dict[tuple[str, str], int] = {}
    samples: dict[tuple[str, str], list[str]] = {}
    for part in output_parts(directory):
        frame = pl.read_parquet(part)
        for column in error_columns(frame):
            rule = pl.col(ERRORS).struct.field(column)
            flagged = (
                frame.lazy()
                .filter(rule.is_not_null())
                .group_by(rule.alias("rule"))
                .agg(
                    pl.len().alias("n"),
                    pl.col(column).drop_nulls().unique(maintain_order=True).head(SAMPLE_SIZE).alias("values"),
                )
                .collect()
            )
            for name, n, values in flagged.iter_rows():
                key = (column, str(name))
                counts[key] = counts.get(key, 0) + int(n)
                seen = samples.setdefault(key, [])
                seen += [v[:SAMPLE_MAX_CHARS] for v in values if v not in seen][: SAMPLE_SIZE - len(seen)]
    return [
        IssueCount(sheet_id=template.sheet_id, column=c, rule=r, count=n, samples=samples[(c, r)])
        for (c, r), n in counts.items()
    ]


# ------------------------------------------------------------------------------------------ source hashes


def source_hash_parts(directory: str | Path) -> list[Path]:
    """The source-hash parts the executor keeps in `directory` (`execute(..., keep_source_hashes=True)`)."""
    return sorted(Path(directory).glob("part-*.parquet"))


# ------------------------------------------------------------------------------------------ applying


def apply_patch(
    template: Template,
    recipe: TemplateRecipe,
    rows_dir: str | Path,
    sources_dir: str | Path,
    actions: list[PatchAction],
    dest: Path,
) -> PatchOutcome:
    """Apply `actions` (this template's) to the output in `rows_dir`, writing the patched output (rows/ and
    the exports) to `dest`; its report counts (source profile from `sources_dir`) and what was changed."""
    fields = {f.key: f for f in template.fields}
    actions = [a for a in actions if a.sheet_id == template.sheet_id and a.column in fields]
    dedups = [a for a in actions if a.action == "dedup_keep_first" and (a.key_column or a.column) in fields]
    spill = dest / "spill"
    (dest / "rows").mkdir(parents=True)
    spill.mkdir()
    counts = PatchCounts()
    heights: list[int] = []
    keys: list[pl.DataFrame] = []
    for i, part in enumerate(output_parts(rows_dir)):
        frame = _apply_cell_actions(pl.read_parquet(part), fields, actions)
        deleted = frame.filter(pl.col(_DELETE))
        counts.rows_deleted += deleted.height
        frame = frame.filter(~pl.col(_DELETE)).drop(_DELETE)
        frame.write_ipc(spill / f"part-{i:05d}.arrow", compression="uncompressed")
        heights.append(frame.height)
        keys.append(frame.select(_key_columns(template, fields, dedups)))
    if not keys:  # an output always has a part; an empty directory patches to an empty output
        empty = pl.DataFrame(schema={ROW: pl.Int64, **{f.key: pl.String for f in template.fields}})
        keys.append(empty.select(_key_columns(template, fields, dedups)))
    flags = _global_flags(template, dedups, pl.concat(keys))
    del keys
    counts.duplicates_dropped = int((~flags[_KEEP]).sum())
    columns = [f.key for f in template.fields]
    offset = 0
    kept_rows: list[pl.Series] = []
    with PartWriter(template, dest) as writer:
        for i, height in enumerate(heights):
            spilled = spill / f"part-{i:05d}.arrow"
            staged = pl.concat([pl.read_ipc(spilled), flags.slice(offset, height)], how="horizontal")
            offset += height
            staged = staged.filter(pl.col(_KEEP))
            counts.cells_set += int(staged[_SET].sum())
            frame = staged.select(ROW, *columns, _errors_with_unique(template))
            writer.write(frame)
            kept_rows.append(frame[ROW])
            spilled.unlink()
    shutil.rmtree(spill, ignore_errors=True)
    src_tally = ProfileTally(columns)
    _tally_sources(sources_dir, kept_rows, src_tally)
    return PatchOutcome(stats=writer.stats(recipe, src_tally), counts=counts)


def _group_mask(action: PatchAction) -> pl.Expr:
    """The cells of the action's group: its column failing its rule (as flagged before this patch)."""
    return (pl.col(ERRORS).struct.field(action.column) == action.error).fill_null(False)


def _set_value(f: TemplateField, value: str | None) -> str | None:
    """What `set_value` stores: blank is no value; an enum value takes its canonical spelling."""
    text = (value or "").strip(WHITESPACE)
    if not text:
        return None
    if f.type == "enum" and f.values:
        return next((v for v in f.values if v.lower() == text.lower()), text)
    return text


def _apply_cell_actions(
    frame: pl.DataFrame, fields: dict[str, TemplateField], actions: list[PatchAction]
) -> pl.DataFrame:
    """Stage 1 on one part: set values, mark deletions (`__delete__`), count set cells per row (`__set__`).

    Masks read the errors as they were before the patch; a set cell gets its single-cell rule again, and a
    `unique` error is cleared everywhere (stage 2 checks uniqueness again)."""
    values: dict[str, pl.Expr] = {}
    set_masks: dict[str, list[pl.Expr]] = {}
    delete = pl.lit(False)
    for a in actions:
        mask = _group_mask(a)
        if a.action == "delete_invalid_rows":
            delete = delete | mask
        elif a.action == "set_value":
            value = pl.lit(_set_value(fields[a.column], a.value), dtype=pl.String)
            values[a.column] = pl.when(mask).then(value).otherwise(values.get(a.column, pl.col(a.column)))
            set_masks.setdefault(a.column, []).append(mask)
    set_any = {c: pl.any_horizontal(masks) for c, masks in set_masks.items()}
    set_count = pl.sum_horizontal([m.cast(pl.UInt32) for m in set_any.values()]) if set_any else pl.lit(0)
    frame = frame.with_columns(
        *[v.alias(c) for c, v in values.items()],
        *[m.alias(f"__set_{c}") for c, m in set_any.items()],
        set_count.cast(pl.UInt32).alias(_SET),
        delete.alias(_DELETE),
    )
    rules: list[pl.Expr] = []
    for c in error_columns(frame):
        before = pl.col(ERRORS).struct.field(c)
        f = fields.get(c)
        if f is not None and f.unique:
            before = pl.when(before == "unique").then(pl.lit(None, dtype=pl.String)).otherwise(before)
        if f is not None and c in set_any:
            before = pl.when(pl.col(f"__set_{c}")).then(rule_expr(f, pl.col(c), unique=False)).otherwise(before)
        rules.append(before.alias(c))
    return frame.with_columns(pl.struct(rules).alias(ERRORS)).drop([f"__set_{c}" for c in set_any])


def _present_key(f: TemplateField) -> pl.Expr:
    v = pl.col(f.key)
    return pl.when(present_expr(v)).then(unique_key(f, v)).otherwise(None)


def _key_columns(template: Template, fields: dict[str, TemplateField], dedups: list[PatchAction]) -> list[pl.Expr]:
    exprs: list[pl.Expr] = [pl.col(ROW)]  # keeps the frame's height when there is no key at all
    for n, a in enumerate(dedups):
        exprs.append(_present_key(fields[a.key_column or a.column]).alias(f"__dedup{n}__"))
    exprs += [_present_key(f).alias(f"__uk__{f.key}") for f in template.fields if f.unique]
    return exprs


def _global_flags(template: Template, dedups: list[PatchAction], keys: pl.DataFrame) -> pl.DataFrame:
    """Stage 2 over every row's keys (in source order): `__keep__`, and `__dup__<field>` for unique fields.

    Each dedup keeps the first row of each present key among the rows still kept; then a unique field's
    cell repeats when an earlier kept row has the same present key."""
    keep = pl.Series(_KEEP, [True] * keys.height, dtype=pl.Boolean)
    for n in range(len(dedups)):
        idx = keep.arg_true()
        key = keys[f"__dedup{n}__"].gather(idx)
        later = (key.is_not_null() & ~key.is_first_distinct()).fill_null(False)
        keep = keep.scatter(idx.filter(later), False)
    out = pl.DataFrame([keep])
    idx = keep.arg_true()
    for f in template.fields:
        if not f.unique:
            continue
        key = keys[f"__uk__{f.key}"].gather(idx)
        dup = (key.is_not_null() & ~key.is_first_distinct()).fill_null(False)
        full = pl.Series(_DUP + f.key, [False] * keys.height, dtype=pl.Boolean).scatter(idx, dup)
        out = out.with_columns(full)
    return out


def _errors_with_unique(template: Template) -> pl.Expr:
    errors: list[pl.Expr] = []
    for f in template.fields:
        cell = pl.col(ERRORS).struct.field(f.key)
        if f.unique:
            cell = pl.coalesce(cell, pl.when(pl.col(_DUP + f.key)).then(pl.lit("unique")))
        errors.append(cell.alias(f.key))
    return pl.struct(errors).alias(ERRORS)


def _tally_sources(sources_dir: str | Path, kept_rows: list[pl.Series], tally: ProfileTally) -> None:
    """Add the source hashes of the rows still imported to `tally`."""
    kept = pl.concat(kept_rows) if kept_rows else pl.Series(ROW, [], dtype=pl.Int64)
    for part in source_hash_parts(sources_dir):
        hashes = pl.read_parquet(part)
        tally.add(hashes.filter(pl.col(ROW).is_in(kept.implode())).select(tally.columns))
