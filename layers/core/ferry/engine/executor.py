"""The polars executor: read sources as strings, apply a recipe, validate, filter, dedup, stage and commit."""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

import polars as pl

from ferry.engine.ops import apply_op, blank_to_null
from ferry.ingest import iter_rows, polars_csv_options
from ferry.ingest.rows import find_sheet
from ferry.models import FileManifest, Template
from ferry.recipe.model import Filter, Recipe, TemplateRecipe
from ferry.recipe.spec import WHITESPACE
from ferry.report import build_report
from ferry.rules import rule_expr

Inputs = dict[str, tuple[str | Path, FileManifest]]
"""file_id -> (local path of the file, its manifest)."""

ROW = "_row"
ERRORS = "_errors"
SRC = "__src__"
OUT = "__out__"
CHUNK_ROWS = 50_000


@dataclass
class TemplateFrame:
    """One template's result: the output rows and, aligned with them, the source columns the fields read."""

    template: Template
    recipe: TemplateRecipe
    frame: pl.DataFrame
    """`_row` (1-based source data row), one String column per field, and `_errors`: a struct with one
    field per template field holding the failing rule's name, null when the cell is valid."""
    source: pl.DataFrame
    """Per field (same column names), the value of its source column before ops (null when unmapped)."""
    source_rows: int


@dataclass
class ExecuteResult:
    """What `execute` committed: the report, and per template sheet_id the committed Parquet path."""

    report: dict[str, Any]
    outputs: dict[str, Path] = field(default_factory=dict)
    committed_dir: Path | None = None


def read_source(path: str | Path, manifest: FileManifest, sheet_id: str, limit: int | None = None) -> pl.DataFrame:
    """The data rows of one sheet as an all-String frame ('' for empty cells), like `iter_rows`."""
    sheet = find_sheet(manifest, sheet_id)
    names = sheet.column_names
    options = polars_csv_options(manifest, sheet_id)
    if options is not None:
        return pl.read_csv(path, n_rows=limit, **options)
    schema = {n: pl.String for n in names}
    rows: Iterator[list[str]] = iter_rows(path, manifest, sheet_id)
    if limit is not None:
        rows = islice(rows, limit)
    chunks = []
    while chunk := list(islice(rows, CHUNK_ROWS)):
        chunks.append(pl.DataFrame(chunk, schema=schema, orient="row"))
    return pl.concat(chunks) if chunks else pl.DataFrame(schema=schema)


def error_columns(frame: pl.DataFrame) -> list[str]:
    """The template fields recorded in an output frame's `_errors` struct."""
    dtype = frame.schema[ERRORS]
    assert isinstance(dtype, pl.Struct)
    return [f.name for f in dtype.fields]


def flagged_expr(columns: list[str]) -> pl.Expr:
    """True for rows with at least one invalid cell."""
    if not columns:
        return pl.lit(False)
    return pl.any_horizontal([pl.col(ERRORS).struct.field(c).is_not_null() for c in columns])


def errors_text_expr(columns: list[str]) -> pl.Expr:
    """A row's errors as text: `column: rule; column: rule` ('' when valid)."""
    parts = [pl.lit(c + ": ") + pl.col(ERRORS).struct.field(c) for c in columns]
    return pl.concat_str(parts, separator="; ", ignore_nulls=True) if parts else pl.lit("")


def _canonical_enum(template: Template, key: str, e: pl.Expr) -> pl.Expr:
    f = next(f for f in template.fields if f.key == key)
    if f.type != "enum" or not f.values:
        return e
    return e.str.to_lowercase().replace_strict({v.lower(): v for v in f.values}, default=e, return_dtype=pl.String)


def _filter_expr(flt: Filter) -> pl.Expr:
    """True for the rows `flt` keeps: values compared trimmed and case-insensitively, blank as missing."""
    c = blank_to_null(pl.col(flt.field or flt.column or "").str.strip_chars(WHITESPACE)).str.to_lowercase()
    if flt.op == "not_null":
        return c.is_not_null()
    values = [v.strip(WHITESPACE).lower() for v in (flt.value if isinstance(flt.value, list) else [flt.value or ""])]
    hit = c.is_in(values).fill_null(False)
    return hit if flt.op in ("eq", "in") else ~hit


def build_template(tr: TemplateRecipe, template: Template, raw: pl.DataFrame) -> TemplateFrame:
    """Apply one TemplateRecipe to its raw source frame (in memory, nothing written).

    Ops run in layers (op i of every field in one `with_columns`), each reading the previous layer's
    column, so expressions stay flat instead of nesting every op inside the next.
    """
    fields = {fr.field: fr for fr in tr.fields}
    keys = [f.key for f in template.fields]
    tmp = {k: f"{OUT}{k}" for k in keys}
    start: list[pl.Expr] = []
    for k in keys:
        fr = fields.get(k)
        src = pl.col(fr.column) if fr is not None and fr.column else pl.lit(None, dtype=pl.String)
        start += [src.alias(SRC + k), blank_to_null(src).alias(tmp[k])]
    lf = raw.lazy().with_row_index(ROW, offset=1)
    for flt in tr.filters:
        if flt.column is not None:
            lf = lf.filter(_filter_expr(flt))
    lf = lf.with_columns(pl.col(ROW).cast(pl.Int64), *start)
    depth = max((len(fr.ops) for fr in tr.fields), default=0)
    for i in range(depth):
        touched = [k for k in keys if k in fields and len(fields[k].ops) > i]
        lf = lf.with_columns([apply_op(fields[k].ops[i], pl.col(tmp[k])).alias(tmp[k]) for k in touched])
        # separate step: wrapping the op would evaluate it twice (UDF ops are not de-duplicated)
        lf = lf.with_columns([blank_to_null(pl.col(tmp[k])).alias(tmp[k]) for k in touched])
    lf = lf.with_columns([_canonical_enum(template, k, pl.col(tmp[k])).alias(k) for k in keys])
    lf = lf.select(ROW, *keys, *[SRC + k for k in keys])
    for flt in tr.filters:
        if flt.field is not None:
            lf = lf.filter(_filter_expr(flt))
    if tr.dedup is not None:
        dkeys = [pl.col(k).str.to_lowercase() for k in tr.dedup.keys]
        key = pl.struct(dkeys)
        distinct = key.is_first_distinct() if tr.dedup.keep == "first" else key.is_last_distinct()
        lf = lf.filter(distinct | pl.all_horizontal([k.is_null() for k in dkeys]))
    errors = pl.struct([rule_expr(f).alias(f.key) for f in template.fields])
    df = lf.with_columns(errors.alias(ERRORS)).collect()
    return TemplateFrame(
        template=template,
        recipe=tr,
        frame=df.select(ROW, *keys, ERRORS),
        source=df.select([pl.col(SRC + k).alias(k) for k in keys]),
        source_rows=raw.height,
    )


def build_all(
    recipe: Recipe, templates: list[Template], inputs: Inputs, limit: int | None = None
) -> list[TemplateFrame]:
    """Every template of the recipe built in memory, each source sheet read once."""
    by_id = {t.sheet_id: t for t in templates}
    sheets = {(fid, s.sheet_id): s for fid, (_, manifest) in inputs.items() for s in manifest.sheets}
    recipe.validate_against(templates, sheets)
    cache: dict[tuple[str, str], pl.DataFrame] = {}
    built: list[TemplateFrame] = []
    for tr in recipe.templates:
        key = (tr.source.file_id, tr.source.sheet_id)
        if key not in cache:
            path, manifest = inputs[tr.source.file_id]
            cache[key] = read_source(path, manifest, tr.source.sheet_id, limit)
        built.append(build_template(tr, by_id[tr.sheet_id], cache[key]))
    return built


def write_output(frame: pl.DataFrame, path: Path) -> None:
    """Write one template's rows (with `_row` and `_errors`) as Parquet."""
    frame.write_parquet(path)


def read_output(path: str | Path) -> pl.DataFrame:
    """A committed template output as written by `execute`."""
    return pl.read_parquet(path)


def execute(
    recipe: Recipe,
    templates: list[Template],
    inputs: Inputs,
    out_dir: str | Path,
    *,
    limit: int | None = None,
) -> ExecuteResult:
    """Run `recipe` and commit per-template outputs to `out_dir/committed/<sheet_id>.parquet` plus report.json.

    Everything is written under `out_dir/staging/<token>/` first and made visible by one atomic rename; an
    exception before the rename leaves `committed/` untouched (a previous commit stays as it was).
    """
    out = Path(out_dir)
    built = build_all(recipe, templates, inputs, limit)
    report = build_report(built)
    staging = out / "staging" / uuid.uuid4().hex
    committed = out / "committed"
    staging.mkdir(parents=True)
    try:
        for tf in built:
            write_output(tf.frame, staging / f"{tf.template.sheet_id}.parquet")
        (staging / "report.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
        old = out / "staging" / f"old-{staging.name}"
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
        with suppress(OSError):
            staging.parent.rmdir()  # only when empty (no concurrent run staging here)
    outputs = {tf.template.sheet_id: committed / f"{tf.template.sheet_id}.parquet" for tf in built}
    return ExecuteResult(report=report, outputs=outputs, committed_dir=committed)


def preview(recipe: Recipe, templates: list[Template], inputs: Inputs, n: int = 50) -> list[dict[str, Any]]:
    """The first `n` transformed rows per template with their cell errors and an invalid-row estimate.

    Shaped like the API's preview `sheets`: `{templateName, sheetId, columns, rows, errors: [{row, column,
    error, value}], rowCount, invalidRowCount}`; `invalidRowCount` extrapolates the sample's invalid share
    to the sheet's row count (uniqueness is only checked within the sample).
    """
    sheets: list[dict[str, Any]] = []
    for tf in build_all(recipe, templates, inputs, limit=n):
        _, manifest = inputs[tf.recipe.source.file_id]
        row_count = find_sheet(manifest, tf.recipe.source.sheet_id).row_count
        keys = [f.key for f in tf.template.fields]
        rows = tf.frame.select(keys).to_dicts()
        errors: list[dict[str, Any]] = []
        invalid = 0
        for rec in tf.frame.select(ROW, ERRORS, *keys).iter_rows(named=True):
            failed = [(k, rule) for k, rule in rec[ERRORS].items() if rule is not None]
            invalid += bool(failed)
            errors += [{"row": rec[ROW], "column": k, "error": rule, "value": rec[k]} for k, rule in failed]
        sample = tf.frame.height
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
            }
        )
    return sheets
