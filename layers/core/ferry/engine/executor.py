"""The polars executor: read sources as strings in chunks, apply a recipe, validate, filter, dedup, stage, commit.

A template is built in three stages so memory stays bounded by one chunk plus the key columns:

1. `transform_chunk` — per chunk of source rows: column filters, the field ops, field filters and every
   rule that looks at one cell alone.
2. Which rows dedup drops and which cells repeat an earlier value of a `unique` field, from the dedup and
   unique key columns: `RunningFlags` part by part as the parts are built (a row's flags depend only on the
   rows before it), or, when dedup keeps the last row of a key, `global_flags` over the keys of all parts at
   once, the parts spilled to disk meanwhile.
3. `finish_chunk` — per part: drop the deduplicated rows, add the unique errors; a `PartWriter`
   (ferry.engine.parts) writes the output rows (Parquet) and the CSV exports (`valid`, `invalid`; `all` when
   asked, else built from the parts when first downloaded).

`preview` and `build_all` run the same three stages on one in-memory chunk.
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import Any

import polars as pl

from ferry.core.domain import FileManifest, Template, TemplateField
from ferry.engine.csv_export import EXECUTE_EXPORTS, ExportFilter
from ferry.engine.flags import ERRORS, ROW
from ferry.engine.memo import ValueMemo
from ferry.engine.ops import (
    apply_op,
    blank_to_null,
    costly,
    distinct_estimate,
    name_parts,
    on_distinct,
    trimmed_after,
)
from ferry.engine.parts import PartWriter
from ferry.engine.report import ProfileTally, TemplateStats, build_report, filled_hash, unread_columns
from ferry.engine.rules import present_expr, rule_expr, unique_key
from ferry.ingest import iter_rows, polars_csv_options
from ferry.ingest.rows import find_sheet
from ferry.recipe.model import FieldRecipe, Filter, Recipe, SplitName, TemplateRecipe
from ferry.recipe.spec import WHITESPACE

Inputs = dict[str, tuple[str | Path, FileManifest]]
"""file_id -> (local path of the file, its manifest)."""

SRC = "__src__"
OUT = "__out__"
CELL = "__rule__"
KEEP = "__keep__"
DUP = "__dup__"
# peak RSS 3.4-3.9x the CSV on the bench files (75k rows: 3.6-4.2x, beside the one-pass keys and the memo), ~3% more CPU
CHUNK_ROWS = 60_000


@dataclass
class TemplateFrame:
    """One template's result in memory: the output rows and, aligned with them, the source values."""

    template: Template
    recipe: TemplateRecipe
    frame: pl.DataFrame
    """`_row` (1-based source data row), one String column per field, and `_errors`: a struct with one
    field per template field holding the failing rule's name, null when the cell is valid."""
    source: pl.DataFrame
    """Per field (same column names), the `filled_hash` of its source value before ops (null when blank)."""
    source_rows: int
    dropped: dict[str, int] = field(default_factory=lambda: {"filters": 0, "dedup": 0})


@dataclass
class ExecuteResult:
    """What `execute` committed: the report, and per template sheet_id its committed output directory.

    An output directory holds `rows/part-*.parquet` (`_row`, fields, `_errors`) and `valid.csv`,
    `invalid.csv` (the exports, formula-safe), with `all.csv` too when `execute` was asked for it.
    """

    report: dict[str, Any]
    outputs: dict[str, Path] = field(default_factory=dict)
    committed_dir: Path | None = None


# ------------------------------------------------------------------------------------------ reading


def iter_source_chunks(
    path: str | Path, manifest: FileManifest, sheet_id: str, limit: int | None = None, chunk_rows: int | None = None
) -> Iterator[pl.DataFrame]:
    """The data rows of one sheet as all-String frames of at most `chunk_rows` rows ('' for empty cells)."""
    size = chunk_rows or CHUNK_ROWS
    names = find_sheet(manifest, sheet_id).column_names
    options = polars_csv_options(manifest, sheet_id)
    if options is not None:
        lf = pl.scan_csv(path, **options)
        if limit is not None:
            lf = lf.head(limit)
        yield from lf.collect_batches(chunk_size=size)
        return
    schema = {n: pl.String for n in names}
    rows: Iterator[list[str]] = iter_rows(path, manifest, sheet_id)
    if limit is not None:
        rows = islice(rows, limit)
    empty = True
    while chunk := list(islice(rows, size)):
        empty = False
        yield pl.DataFrame(chunk, schema=schema, orient="row")
    if empty:
        yield pl.DataFrame(schema=schema)


def read_source(path: str | Path, manifest: FileManifest, sheet_id: str, limit: int | None = None) -> pl.DataFrame:
    """The data rows of one sheet as one all-String frame, like `iter_rows`."""
    return pl.concat(list(iter_source_chunks(path, manifest, sheet_id, limit)))


# ------------------------------------------------------------------------------------------ stage 1


def _filter_expr(flt: Filter) -> pl.Expr:
    """True for the rows `flt` keeps: values compared trimmed and case-insensitively, blank as missing."""
    c = blank_to_null(pl.col(flt.field or flt.column or "").str.strip_chars(WHITESPACE)).str.to_lowercase()
    if flt.op == "not_null":
        return c.is_not_null()
    values = [v.strip(WHITESPACE).lower() for v in (flt.value if isinstance(flt.value, list) else [flt.value or ""])]
    hit = c.is_in(values).fill_null(False)
    return hit if flt.op in ("eq", "in") else ~hit


def _canonical_enum(template: Template, key: str, e: pl.Expr) -> pl.Expr:
    f = next(f for f in template.fields if f.key == key)
    if f.type != "enum" or not f.values:
        return e
    canon = {v.lower(): v for v in f.values}
    # once per distinct value: an enum column repeats a handful of values
    return on_distinct(e, lambda v: v.str.to_lowercase().replace_strict(canon, default=v, return_dtype=pl.String))


_SAMPLE = 2_000  # values looked at to guess whether a chunk's column repeats its values
# Per field, its stage-1 results of the values met so far (in this and earlier executes): ~100 bytes a value.
MEMO = ValueMemo(max_values=500_000, max_per_key=250_000)
# A costly column is built per row from the start when its sample says it draws from more distinct values than
# this many chunks hold (e-mails, amounts: the file hardly repeats them); a chunk nearly all distinct whose values
# come from a smaller set (names from a list) goes through `MEMO`, which finds most of them from the second chunk.
_FEW_CHUNKS = 3
_REST_CHUNKS = 8  # chunks a field whose values kept coming new is built per row before it is tried again
# Types whose single-cell rule is a regex or a parse: checking a value costs about as much as a costly op.
_COSTLY_TYPES = {"email", "phone", "date", "datetime", "url"}


def _is_costly(fr: FieldRecipe, f: TemplateField) -> bool:
    """Whether a field's ops or rule cost far more per value than finding a value's earlier result."""
    return f.type in _COSTLY_TYPES or any(costly(op) for op in fr.ops)


Group = list[tuple[FieldRecipe, TemplateField]]
"""Fields that read only one and the same source column (in template order)."""


def _column_groups(tr: TemplateRecipe, template: Template) -> list[Group]:
    """The fields that read only their own column, grouped by that column: a group is looked up once per value."""
    fields = {fr.field: fr for fr in tr.fields}
    groups: dict[str, Group] = {}
    for f in template.fields:
        fr = fields.get(f.key)
        if fr is not None and fr.column and fr.source_columns() == [fr.column]:
            groups.setdefault(fr.column, []).append((fr, f))
    return list(groups.values())


def _by_distinct_value(group: Group, template: Template, values: pl.Series) -> list[pl.Series] | None:
    """Stage 1 of a group of fields reading one column `values`, built once per distinct value and spread back over
    the rows (per field its output `__out__<field>`, the source hash and the rule, named as `transform_chunk`
    names them), or None when building it per row is cheaper.

    Values met in earlier chunks are looked up in `MEMO`, so a chunk builds only the values new to the group:
    a phone, date or name column repeats its values across a file far more than within one chunk, and the
    fields of one column ('Full Name' for first and last name) share one lookup and one parse. A costly group
    is therefore tried per distinct value even when most of its chunk is distinct; a cheap one only when a
    systematic sample says a quarter of its values or fewer are distinct (so a column of distinct ids is never
    hashed in full). A costly group new to `MEMO` whose sample says it draws from a set of values far larger
    than the chunk (e-mails, amounts) is built per row: looking values up costs more than building them when
    hardly any repeat; one nearly all distinct in its chunk but drawn from a smaller set (names from a list) is
    looked up, since later chunks repeat its values. A group whose chunk holds more new values than its share
    (three quarters for a costly one) is dropped from `MEMO` and built per row for the next chunks.
    """
    key = tuple((fr.model_dump_json(), f.model_dump_json()) for fr, f in group)
    share = 0.75 if any(_is_costly(fr, f) for fr, f in group) else 0.25
    known = MEMO.has(key)
    if not known and (MEMO.resting(key) or _per_row_first(values, share)):
        return None
    results, new = MEMO.results(key, values, lambda v: _value_table(group, template, v))
    if known and new > share * len(values):
        MEMO.discard(key, rest=_REST_CHUNKS)
    return results.get_columns()


def _per_row_first(values: pl.Series, share: float) -> bool:
    """Whether a group new to `MEMO` is built per row: a cheap one when its sample holds more than `share`
    distinct values, a costly one when its sample says it draws from more values than `_FEW_CHUNKS` chunks."""
    if share < 0.75:
        return distinct_estimate(values, _SAMPLE) > share * len(values)
    return distinct_estimate(values, _SAMPLE, drawn_from=True) > _FEW_CHUNKS * len(values)


def _value_table(group: Group, template: Template, values: pl.Series) -> pl.DataFrame:
    """Per value of `values`: each field's output, source hash and rule (the per-row stage 1 on the values)."""
    column = group[0][0].column
    assert column is not None
    keys = [f.key for _, f in group]
    lf = _field_outputs(pl.DataFrame({column: values}).lazy(), {fr.field: fr for fr, _ in group}, keys, template)
    lf = lf.with_columns([rule_expr(f, unique=False).alias(CELL + f.key) for _, f in group])
    return lf.select(*[c for k in keys for c in (pl.col(k).alias(OUT + k), SRC + k, CELL + k)]).collect(
        engine="in-memory"
    )


def _state(fr: FieldRecipe, ops: int) -> str:
    """What a field's value is after its first `ops` ops: fields with equal states hold equal values."""
    return json.dumps([fr.column, [op.model_dump(mode="json") for op in fr.ops[:ops]]], sort_keys=True)


def _field_outputs(
    lf: pl.LazyFrame, fields: dict[str, FieldRecipe], keys: list[str], template: Template
) -> pl.LazyFrame:
    """`lf` with, per field key of `keys`, its output (column `<key>`) and the `filled_hash` of its source value
    (`__src__<key>`), its ops run op by op from its source column.

    The ops run in layers (op i of every field in one `with_columns`), each reading the previous layer's column,
    so expressions stay flat; fields whose values are equal so far (same column, same ops) share each
    computation, and `split_name` parses a value once for both of its parts.
    """
    tmp = {k: f"{OUT}{k}" for k in keys}
    start: list[pl.Expr] = []
    same_source: list[pl.Expr] = []
    hashed: dict[str, str] = {}  # source column -> the hash column already computed for it
    for k in keys:
        fr = fields.get(k)
        column = fr.column if fr is not None and fr.column else None
        src = pl.col(column) if column else pl.lit(None, dtype=pl.String)
        if column in hashed:
            same_source.append(pl.col(hashed[column]).alias(SRC + k))
        else:
            start.append(filled_hash(src).alias(SRC + k))
            if column:
                hashed[column] = SRC + k
        start.append(blank_to_null(src).alias(tmp[k]))
    lf = lf.with_columns(*start)
    if same_source:
        lf = lf.with_columns(*same_source)
    depth = max((len(fields[k].ops) for k in keys if k in fields), default=0)
    for i in range(depth):
        touched = [k for k in keys if k in fields and len(fields[k].ops) > i]
        computed: list[pl.Expr] = []
        result: dict[str, pl.Expr] = {}  # field -> its value after op i (before blank_to_null)
        owner: dict[str, str] = {}  # state after op i -> the column computing it
        for k in touched:
            fr = fields[k]
            op = fr.ops[i]
            if isinstance(op, SplitName):
                state = _state(fr, i) + "|split_name"
                if state not in owner:
                    owner[state] = f"__names__{k}"
                    computed.append(name_parts(pl.col(tmp[k])).alias(owner[state]))
                result[k] = pl.col(owner[state]).struct.field(op.part)
                continue
            state = _state(fr, i + 1)
            if state not in owner:
                owner[state] = tmp[k]
                computed.append(apply_op(op, pl.col(tmp[k]), trimmed=trimmed_after(fr.ops[:i])).alias(tmp[k]))
            result[k] = pl.col(owner[state])
        lf = lf.with_columns(computed)
        # separate step: wrapping the op would evaluate it twice (UDF ops are not de-duplicated)
        lf = lf.with_columns([blank_to_null(result[k]).alias(tmp[k]) for k in touched])
    return lf.with_columns([_canonical_enum(template, k, pl.col(tmp[k])).alias(k) for k in keys])


def transform_chunk(tr: TemplateRecipe, template: Template, raw: pl.DataFrame, first_row: int) -> pl.DataFrame:
    """Stage 1 on one chunk whose first row is source data row `first_row` (1-based).

    Returns `_row`, one column per field (output value), `__src__<field>` (`filled_hash` of the source value) and
    `__rule__<field>` (the first failing single-cell rule, or null).

    The fields that read only their own column, grouped by column, are built once per distinct value of it when
    its values repeat, and looked up (`_by_distinct_value`); the others run their ops per row
    (`_field_outputs`).
    """
    fields = {fr.field: fr for fr in tr.fields}
    keys = [f.key for f in template.fields]
    by_value: list[str] = []
    looked_up: list[pl.Series] = []
    for group in _column_groups(tr, template):
        built = _by_distinct_value(group, template, raw.get_column(str(group[0][0].column)))
        if built is not None:
            looked_up += built
            by_value += [f.key for _, f in group]
    lf = raw.hstack(looked_up).lazy().with_row_index(ROW, offset=first_row).with_columns(pl.col(ROW).cast(pl.Int64))
    for flt in tr.filters:
        if flt.column is not None:
            lf = lf.filter(_filter_expr(flt))
    by_row = [k for k in keys if k not in by_value]
    lf = _field_outputs(lf, fields, by_row, template)
    lf = lf.with_columns([pl.col(f"{OUT}{k}").alias(k) for k in by_value])
    lf = lf.select(ROW, *keys, *[SRC + k for k in keys], *[CELL + k for k in by_value])
    for flt in tr.filters:
        if flt.field is not None:
            lf = lf.filter(_filter_expr(flt))
    lf = lf.with_columns([rule_expr(f, unique=False).alias(CELL + f.key) for f in template.fields if f.key in by_row])
    # the in-memory engine: the streaming one runs this (joins, whole-column UDFs) about 1.5x slower
    return lf.select(ROW, *keys, *[SRC + k for k in keys], *[CELL + k for k in keys]).collect(engine="in-memory")


# ------------------------------------------------------------------------------------------ stage 2


def _key_columns(tr: TemplateRecipe, template: Template) -> list[pl.Expr]:
    """What stage 2 needs of each row: the dedup key and the key of every unique field (null when absent)."""
    exprs: list[pl.Expr] = [pl.col(ROW)]  # keeps the frame's height when there is no key at all
    if tr.dedup is not None:
        exprs.append(pl.struct([pl.col(k).str.to_lowercase() for k in tr.dedup.keys]).alias("__dedup__"))
        exprs.append(pl.all_horizontal([pl.col(k).is_null() for k in tr.dedup.keys]).alias("__nokey__"))
    for f in template.fields:
        if f.unique:
            v = pl.col(f.key)
            exprs.append(pl.when(present_expr(v)).then(unique_key(f, v)).otherwise(None).alias(f"__uk__{f.key}"))
    return exprs


def first_distinct(values: pl.Series, *, last: bool = False) -> pl.Series:
    """`values.is_first_distinct()` (`is_last_distinct()` when `last`), exactly, at about half the cost: the
    values are hashed to 64 bits and only the rows whose hash repeats (the duplicates, and any collision) are
    compared by value; a row whose hash is unique holds a unique value."""
    repeated = values.hash().is_duplicated()
    distinct = pl.repeat(True, len(values), dtype=pl.Boolean, eager=True)
    if not repeated.any():
        return distinct
    idx = repeated.arg_true()
    subset = values.gather(idx)
    return distinct.scatter(idx, subset.is_last_distinct() if last else subset.is_first_distinct())


def global_flags(tr: TemplateRecipe, template: Template, keys: pl.DataFrame) -> pl.DataFrame:
    """Stage 2 over the key columns of every row (in source order): `__keep__` and `__dup__<field>`.

    Dedup keeps the first (or last) row of each key; rows whose keys are all null are kept. A unique field's
    cell repeats when an earlier kept row had the same present key.
    """
    keep = pl.repeat(True, keys.height, dtype=pl.Boolean, eager=True)
    if tr.dedup is not None:
        keep = first_distinct(keys["__dedup__"], last=tr.dedup.keep == "last") | keys["__nokey__"]
    out = [keep.alias(KEEP)]
    for f in template.fields:
        if f.unique:
            uk = keys[f"__uk__{f.key}"]
            if tr.dedup is not None:
                # a dropped row's key as null: the first of a value among the rest is the first among kept rows
                uk = pl.select(pl.when(keep).then(uk)).to_series()
            out.append((uk.is_not_null() & ~first_distinct(uk)).alias(DUP + f.key))
    return pl.DataFrame(out)


_HASH = "__hash__"
_HASH2 = "__hash2__"
_SEED2 = 0x9E3779B9  # the second hash's seed (the seed goes into the hasher's state: an unrelated function)
_AT = "__at__"


class RunningFlags:
    """Stage 2 part by part, in source order, when no dedup keeps the last row of a key: then a row's flags
    depend only on the rows before it, so each part is finished as soon as it is built (no spill, one pass).

    Per key column it keeps a 128-bit fingerprint of each distinct key seen so far (two independent 64-bit
    hashes, 16 bytes a key whatever its length: the keys themselves would hold ~3x the memory). Two distinct keys
    share a fingerprint with odds of about n^2 / 2^129: below 1e-20 for a billion keys.
    """

    def __init__(self, tr: TemplateRecipe, template: Template) -> None:
        if tr.dedup is not None and tr.dedup.keep == "last":
            raise ValueError("a dedup keeping the last row needs every row first: use global_flags")
        self.dedup = tr.dedup is not None
        self.unique = [f.key for f in template.fields if f.unique]
        self._seen: dict[str, pl.DataFrame] = {}

    def flags(self, keys: pl.DataFrame) -> pl.DataFrame:
        """`global_flags` of the next part, given its `_key_columns`."""
        keep = pl.repeat(True, keys.height, dtype=pl.Boolean, eager=True)
        if self.dedup:
            keep = self._first_seen("__dedup__", keys["__dedup__"]) | keys["__nokey__"]
        out = [keep.alias(KEEP)]
        for k in self.unique:
            uk = keys[f"__uk__{k}"]
            if self.dedup:
                uk = pl.select(pl.when(keep).then(uk)).to_series()
            out.append((uk.is_not_null() & ~self._first_seen(k, uk)).alias(DUP + k))
        return pl.DataFrame(out)

    def _first_seen(self, name: str, values: pl.Series) -> pl.Series:
        """True where a value is the first of its kind in this part and was not seen in an earlier one (nulls
        are never kept as seen: no flag counts them)."""
        first = first_distinct(values)
        probe = pl.DataFrame({_HASH: values.hash(), _HASH2: values.hash(seed=_SEED2)})
        seen = self._seen.get(name)
        if seen is not None:
            # the seen keys whose first hash this part holds: a set of the part's hashes probed by every seen key
            # costs far less than a set of every seen key, which grows with the file
            met = seen.filter(seen[_HASH].is_in(probe[_HASH].implode()))
            if met.height:
                at = probe[_HASH].is_in(met[_HASH].implode()).arg_true()
                pairs = probe.gather(at).with_columns(at.alias(_AT)).join(met, on=[_HASH, _HASH2])
                first = first.scatter(pairs[_AT], False)
        new = probe.filter(first & values.is_not_null())
        self._seen[name] = new if seen is None else pl.concat([seen, new])
        return first


# ------------------------------------------------------------------------------------------ stage 3


def finish_chunk(template: Template, part: pl.DataFrame, flags: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Stage 3 on one stage-1 part and its slice of stage-2 flags: (output rows, source hashes) of kept rows."""
    keys = [f.key for f in template.fields]
    df = pl.concat([part, flags], how="horizontal").filter(pl.col(KEEP))
    errors: list[pl.Expr] = []
    for f in template.fields:
        cell = pl.col(CELL + f.key)
        if f.unique:
            cell = pl.coalesce(cell, pl.when(pl.col(DUP + f.key)).then(pl.lit("unique")))
        errors.append(cell.alias(f.key))
    out = df.select(ROW, *keys, pl.struct(errors).alias(ERRORS))
    source = df.select([pl.col(SRC + k).alias(k) for k in keys])
    return out, source


# ------------------------------------------------------------------------------------------ in memory


def build_template(tr: TemplateRecipe, template: Template, raw: pl.DataFrame) -> TemplateFrame:
    """All three stages on one in-memory frame (nothing written)."""
    part = transform_chunk(tr, template, raw, 1)
    flags = global_flags(tr, template, part.select(_key_columns(tr, template)))
    frame, source = finish_chunk(template, part, flags)
    dropped = {"filters": raw.height - part.height, "dedup": part.height - frame.height}
    return TemplateFrame(template, tr, frame, source, raw.height, dropped)


def build_all(
    recipe: Recipe, templates: list[Template], inputs: Inputs, limit: int | None = None
) -> list[TemplateFrame]:
    """Every template of the recipe built in memory, each source sheet read once."""
    by_id = {t.sheet_id: t for t in templates}
    validate(recipe, templates, inputs)
    cache: dict[tuple[str, str], pl.DataFrame] = {}
    built: list[TemplateFrame] = []
    for tr in recipe.templates:
        key = (tr.source.file_id, tr.source.sheet_id)
        if key not in cache:
            path, manifest = inputs[tr.source.file_id]
            cache[key] = read_source(path, manifest, tr.source.sheet_id, limit)
        built.append(build_template(tr, by_id[tr.sheet_id], cache[key]))
    return built


def validate(recipe: Recipe, templates: list[Template], inputs: Inputs) -> None:
    """RecipeError unless every template, sheet and column the recipe names exists."""
    sheets = {(fid, s.sheet_id): s for fid, (_, manifest) in inputs.items() for s in manifest.sheets}
    recipe.validate_against(templates, sheets)


# ------------------------------------------------------------------------------------------ execute


def _spill(frame: pl.DataFrame, path: Path) -> None:
    # Arrow IPC without compression: spill parts are read back once, soon; speed beats size here.
    frame.write_ipc(path, compression="uncompressed")


Progress = Callable[[str], None]
Counts = Callable[[str, str, int, int], None]
"""`(stage, template name, done, total)`: stage "read" counts source rows read (after each chunk), "write" the
parts written (after each part) when they are written in a second pass (a dedup keeping the last row). For a
progress bar; called once per chunk, so it costs nothing measurable."""


def same_source_fields(tr: TemplateRecipe, template: Template) -> dict[str, str]:
    """Per field reading the same source column as an earlier field, that field: their `__src__` hashes are the
    same column's (`_field_outputs`), so the report counts them once."""
    first: dict[str, str] = {}
    same: dict[str, str] = {}
    for fr in (fr for f in template.fields for fr in tr.fields if fr.field == f.key):
        if fr.column:
            same[fr.field] = first.setdefault(fr.column, fr.field)
    return {k: v for k, v in same.items() if k != v}


def _execute_template(
    tr: TemplateRecipe,
    template: Template,
    inputs: Inputs,
    dest: Path,
    spill: Path,
    limit: int | None,
    progress: Progress,
    keep_source_hashes: bool = False,
    counts: Counts | None = None,
    exports: tuple[ExportFilter, ...] = EXECUTE_EXPORTS,
) -> TemplateStats:
    """Build one template into `dest` (rows/ + exports), in one pass or, when dedup keeps the last row of a key,
    through spill parts in `spill`; its counts for the report."""
    path, manifest = inputs[tr.source.file_id]
    total = find_sheet(manifest, tr.source.sheet_id).row_count
    if limit is not None:
        total = min(total, limit)
    (dest / "rows").mkdir(parents=True)
    source_rows = 0
    unread = ProfileTally(unread_columns(tr, find_sheet(manifest, tr.source.sheet_id).column_names))
    progress(f"Validating {total:,} rows for {template.name}.")
    src_tally = ProfileTally([f.key for f in template.fields], same_as=same_source_fields(tr, template))
    key_exprs = _key_columns(tr, template)

    def write(writer: PartWriter, frame: pl.DataFrame, source: pl.DataFrame) -> None:
        name = writer.write(frame)
        if keep_source_hashes:
            (dest / "sources").mkdir(exist_ok=True)
            hashes = pl.concat([frame.select(ROW), source], how="horizontal")
            hashes.write_parquet(dest / "sources" / name, compression="lz4")
        src_tally.add(source)

    def built_parts() -> Iterator[pl.DataFrame]:
        nonlocal source_rows
        for raw in iter_source_chunks(path, manifest, tr.source.sheet_id, limit):
            unread.add(raw.select([filled_hash(pl.col(c)).alias(c) for c in unread.columns]))
            part = transform_chunk(tr, template, raw, source_rows + 1)
            source_rows += raw.height
            del raw  # not held while the part is written
            if counts is not None:
                counts("read", template.name, source_rows, total)
            if total and source_rows < total:
                progress(f"Validating {total:,} rows for {template.name}: {100 * source_rows // total}%.")
            yield part

    if tr.dedup is None or tr.dedup.keep == "first":
        # one pass: each part's flags are known once the rows before it are
        running = RunningFlags(tr, template)
        with PartWriter(template, dest, exports) as writer:
            for part in built_parts():
                write(writer, *finish_chunk(template, part, running.flags(part.select(key_exprs))))
        progress(f"Wrote {template.name}: {writer.rows:,} rows.")
    else:
        # keeping the last row of a key needs every row first: spill the parts, flag them all, then write
        spill.mkdir(parents=True)
        parts: list[tuple[Path, int]] = []
        for part in built_parts():
            part_path = spill / f"part-{len(parts):05d}.arrow"
            _spill(part, part_path)
            parts.append((part_path, part.height))
        keys = pl.scan_ipc([p for p, _ in parts]).select(key_exprs).collect()
        flags = global_flags(tr, template, keys)
        del keys
        progress(f"Writing {template.name}: {int(flags[KEEP].sum()):,} rows.")
        offset = 0
        with PartWriter(template, dest, exports) as writer:
            for done, (part_path, height) in enumerate(parts, 1):
                write(writer, *finish_chunk(template, pl.read_ipc(part_path), flags.slice(offset, height)))
                offset += height
                part_path.unlink()
                if counts is not None:
                    counts("write", template.name, done, len(parts))
        shutil.rmtree(spill, ignore_errors=True)
    stats = writer.stats(tr, src_tally)
    sheet = (tr.source.file_id, tr.source.sheet_id)
    return replace(stats, unread=unread.counts(), source_rows=source_rows, source=sheet)


def execute(
    recipe: Recipe,
    templates: list[Template],
    inputs: Inputs,
    out_dir: str | Path,
    *,
    limit: int | None = None,
    progress: Progress | None = None,
    keep_source_hashes: bool = False,
    counts: Counts | None = None,
    exports: tuple[ExportFilter, ...] = EXECUTE_EXPORTS,
) -> ExecuteResult:
    """Run `recipe` and commit per-template outputs to `out_dir/committed/<sheet_id>/` plus report.json.

    With `keep_source_hashes` each output directory also holds `sources/part-*.parquet`: per output row its
    `_row` and the `filled_hash` of every field's source value (what a later patch needs for the profile).
    `progress` receives a human line now and then ("Validating 1,000,000 rows for Contacts: 40%."); an
    exception it raises (the run was canceled) stops the execute and commits nothing. `counts` receives the
    numbers behind it (rows read, parts written; see `Counts`) for a progress bar. `exports` are the CSV
    exports written beside the parts (`valid` and `invalid`; the API builds `all` from the parts on demand).

    Everything is written under `out_dir/staging/<token>/` first and made visible by one atomic rename; an
    exception before the rename leaves `committed/` untouched (a previous commit stays as it was).
    """
    validate(recipe, templates, inputs)
    by_id = {t.sheet_id: t for t in templates}
    out = Path(out_dir)
    token = uuid.uuid4().hex
    staging = out / "staging" / token
    committed = out / "committed"
    staging.mkdir(parents=True)
    try:
        stats = [
            _execute_template(
                tr,
                by_id[tr.sheet_id],
                inputs,
                staging / tr.sheet_id,
                out / "staging" / f"spill-{token}",
                limit,
                progress or (lambda _text: None),
                keep_source_hashes,
                counts,
                exports,
            )
            for tr in recipe.templates
        ]
        report = build_report(stats)
        (staging / "report.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
        old = out / "staging" / f"old-{token}"
        if committed.exists():
            os.replace(committed, old)
        try:
            os.replace(staging, committed)
        except BaseException:
            if old.exists():
                os.replace(old, committed)
            raise
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(out / "staging" / f"spill-{token}", ignore_errors=True)
        with suppress(OSError):
            staging.parent.rmdir()  # only when empty (no concurrent run staging here)
    outputs = {tr.sheet_id: committed / tr.sheet_id for tr in recipe.templates}
    return ExecuteResult(report=report, outputs=outputs, committed_dir=committed)


def preview(
    recipe: Recipe, templates: list[Template], inputs: Inputs, n: int = 50, *, row_numbers: bool = False
) -> list[dict[str, Any]]:
    """The first `n` transformed rows per template with their cell errors and an invalid-row estimate.

    Shaped like the API's preview `sheets`: `{templateName, sheetId, columns, rows, errors: [{row, column,
    error, value}], rowCount, sampleRowCount, invalidRowCount, droppedRows}`; `invalidRowCount` extrapolates
    the sample's invalid share to the sheet's row count (uniqueness is only checked within the sample), and
    `droppedRows` counts the sample rows that filters and dedup removed. With `row_numbers` each row also
    holds its source row number under `_row` (what `errors[].row` refers to).
    """
    sheets: list[dict[str, Any]] = []
    for tf in build_all(recipe, templates, inputs, limit=n):
        _, manifest = inputs[tf.recipe.source.file_id]
        row_count = find_sheet(manifest, tf.recipe.source.sheet_id).row_count
        keys = [f.key for f in tf.template.fields]
        rows = tf.frame.select([ROW, *keys] if row_numbers else keys).to_dicts()
        errors: list[dict[str, Any]] = []
        invalid = 0
        for rec in tf.frame.select(ROW, ERRORS, *keys).iter_rows(named=True):
            failed = [(k, rule) for k, rule in rec[ERRORS].items() if rule is not None]
            invalid += bool(failed)
            errors += [{"row": rec[ROW], "column": k, "error": rule, "value": rec[k]} for k, rule in failed]
        sample = tf.source_rows
        estimate = round(invalid / sample * row_count) if sample else 0
        sheets.append(
            {
                "templateName": tf.template.name,
                "sheetId": tf.template.sheet_id,
                "columns": keys,
                "rows": rows,
                "errors": errors,
                "rowCount": row_count,
                "sampleRowCount": sample,
                "invalidRowCount": invalid if sample >= row_count else estimate,
                "droppedRows": tf.dropped,
            }
        )
    return sheets
