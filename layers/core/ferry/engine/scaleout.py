"""The scale-out execute: the executor's three stages (ferry.engine.executor) split across Lambda invocations.

- `check_chunk` (a Distributed Map item per chunk, ferry.engine.chunks): for every template reading the chunk's
  sheet, stage 1 (`transform_chunk`) over its rows, written as Arrow parts with their key columns and the distinct
  hashes of the source columns no field reads (the report's `unread`). Rows are numbered from 1 within the chunk;
  later stages shift them once every chunk's row count is known.
- `decide` (one invocation): stage 2 (`global_flags`) over the key columns of every chunk in source order — dedup
  and unique across chunks — each chunk's slice of the flags written for it.
- `write_chunk` (a Distributed Map item per chunk): stage 3 (`finish_chunk`, a `PartWriter`) on the chunk's
  parts: its output rows, its fragment of each export (`valid`, `invalid`; `all` is built from the output rows
  when first downloaded) and the hashes the report counts.
- `report`: the execute report from every chunk's counts. The exports are the fragments end to end (the header
  row once), assembled in S3 by ferry.runs.scaleout.

Stage 1 is row-local and stages 2 and 3 see the rows in source order, so the output, the exports (byte for
byte) and the report are those of `execute` on the whole file. Files only: ferry.runs.scaleout moves them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import polars as pl

from ferry.core.domain import FileManifest, Template
from ferry.engine.chunks import Chunk
from ferry.engine.csv_export import EXECUTE_EXPORTS
from ferry.engine.executor import (
    KEEP,
    _key_columns,  # the executor's stage-2 key columns: one definition for both paths
    finish_chunk,
    global_flags,
    iter_source_chunks,
    same_source_fields,
    transform_chunk,
)
from ferry.engine.flags import ROW
from ferry.engine.parts import PartWriter
from ferry.engine.report import (
    ColumnCounts,
    ProfileTally,
    TemplateStats,
    build_report,
    filled_hash,
    template_stats,
    unread_columns,
)
from ferry.ingest.rows import find_sheet
from ferry.recipe.model import Recipe, TemplateRecipe

STATS = "stats.json"
HASH = "hash"
COLUMN = "column"


@dataclass(frozen=True)
class ChunkStats:
    """What one checked chunk reports: its source rows, and per template its part heights and unread counts."""

    rows: int
    heights: dict[str, list[int]]
    unread_filled: dict[str, dict[str, int]]

    def to_json(self) -> dict[str, Any]:
        return {"rows": self.rows, "heights": self.heights, "unread_filled": self.unread_filled}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ChunkStats:
        return cls(int(data["rows"]), data["heights"], data["unread_filled"])


def part_name(sheet_id: str, n: int) -> str:
    """A chunk's n-th stage-1 part of one template (relative to the chunk's directory)."""
    return f"{sheet_id}/part-{n:05d}.arrow"


def keys_name(sheet_id: str) -> str:
    return f"{sheet_id}/keys.arrow"


def unread_name(sheet_id: str) -> str:
    return f"{sheet_id}/unread.arrow"


def _raw_batches(path: Path, manifest: FileManifest, chunk: Chunk) -> Any:
    """The chunk's source rows as all-String frames: the whole chunk file for a byte chunk (header + its
    records), rows [start, end) of the sheet for a row chunk."""
    if chunk.kind == "bytes":
        yield from iter_source_chunks(path, manifest, chunk.sheet_id)
        return
    seen = 0
    for raw in iter_source_chunks(path, manifest, chunk.sheet_id, limit=chunk.end):
        lo, hi = max(chunk.start - seen, 0), raw.height
        seen += raw.height
        if lo < hi:
            yield raw.slice(lo, hi - lo)


def check_chunk(
    recipe: Recipe, templates: list[Template], path: Path, manifest: FileManifest, chunk: Chunk, out: Path
) -> ChunkStats:
    """Stage 1 of every template that reads `chunk`'s sheet, over the chunk's rows, into `out` (see module doc)."""
    by_id = {t.sheet_id: t for t in templates}
    readers = [
        tr for tr in recipe.templates if (tr.source.file_id, tr.source.sheet_id) == (chunk.file_id, chunk.sheet_id)
    ]
    columns = find_sheet(manifest, chunk.sheet_id).column_names
    tallies = {tr.sheet_id: HashTally(unread_columns(tr, columns)) for tr in readers}
    heights: dict[str, list[int]] = {tr.sheet_id: [] for tr in readers}
    keys: dict[str, list[pl.DataFrame]] = {tr.sheet_id: [] for tr in readers}
    for tr in readers:
        (out / tr.sheet_id).mkdir(parents=True, exist_ok=True)
    rows = 0
    for raw in _raw_batches(path, manifest, chunk):
        for tr in readers:
            template = by_id[tr.sheet_id]
            tally = tallies[tr.sheet_id]
            tally.add(raw.select([filled_hash(pl.col(c)).alias(c) for c in tally.columns]))
            part = transform_chunk(tr, template, raw, rows + 1)
            part.write_ipc(out / part_name(tr.sheet_id, len(heights[tr.sheet_id])), compression="lz4")
            heights[tr.sheet_id].append(part.height)
            keys[tr.sheet_id].append(part.select(_key_columns(tr, template)))
        rows += raw.height
    for tr in readers:
        template = by_id[tr.sheet_id]
        frames = keys[tr.sheet_id]
        frame = pl.concat(frames) if frames else pl.DataFrame(schema=_empty_key_schema(tr, template))
        frame.write_ipc(out / keys_name(tr.sheet_id), compression="lz4")
        tallies[tr.sheet_id].frame().write_ipc(out / unread_name(tr.sheet_id), compression="lz4")
    filled = {tr.sheet_id: dict(tallies[tr.sheet_id].filled) for tr in readers}
    stats = ChunkStats(rows=rows, heights=heights, unread_filled=filled)
    (out / STATS).write_text(json.dumps(stats.to_json()), encoding="utf-8")
    return stats


def _empty_key_schema(tr: TemplateRecipe, template: Template) -> dict[str, pl.DataType]:
    empty = pl.DataFrame(schema={ROW: pl.Int64, **{f.key: pl.String for f in template.fields}})
    return dict(empty.select(_key_columns(tr, template)).schema)


def flags_name(sheet_id: str) -> str:
    return f"{sheet_id}/flags.arrow"


def hashes_name(sheet_id: str, which: str) -> str:
    return f"{sheet_id}/{which}-hashes.arrow"


def export_name(sheet_id: str, export: str) -> str:
    return f"{sheet_id}/{export}.csv"


class HashTally(ProfileTally):
    """A report tally whose distinct `filled_hash` values travel between invocations as a long (`column`, `hash`)
    frame, so counts over every part are exact."""

    def frame(self) -> pl.DataFrame:
        """The distinct hashes, long."""
        parts = [
            pl.DataFrame({COLUMN: pl.Series([c] * len(s), dtype=pl.String), HASH: s})
            for c, s in ((c, self._unique(c)) for c in self.columns)
        ]
        return pl.concat(parts) if parts else pl.DataFrame(schema={COLUMN: pl.String, HASH: pl.UInt64})

    def _unique(self, column: str) -> pl.Series:
        series = self._distinct[self.same_as.get(column, column)]
        if not series:
            return pl.Series(HASH, [], dtype=pl.UInt64)
        return pl.concat(series).unique().alias(HASH).cast(pl.UInt64)


def _distinct_counts(frames: list[pl.DataFrame]) -> dict[str, int]:
    if not frames:
        return {}
    return dict(pl.concat(frames).group_by(COLUMN).agg(pl.col(HASH).n_unique()).iter_rows())


def _profile(columns: list[str], filled: dict[str, int], frames: list[pl.DataFrame]) -> ProfileTally:
    """A report tally holding merged counts: the distinct hashes of every part (padded to one frame), then the
    true filled counts."""
    merged = pl.concat(frames).unique() if frames else pl.DataFrame(schema={COLUMN: pl.String, HASH: pl.UInt64})
    per_column = {c: merged.filter(pl.col(COLUMN) == c)[HASH] for c in columns}
    height = max((len(s) for s in per_column.values()), default=0)
    padded = pl.DataFrame(
        [s.extend_constant(None, height - len(s)).alias(c) for c, s in per_column.items()],
        schema=dict.fromkeys(columns, pl.UInt64),
    )
    tally = ProfileTally(columns)
    tally.add(padded)
    for c in columns:
        tally.filled[c] = filled.get(c, 0)
    return tally


Fetch = Callable[[int, str], Path]
"""`(chunk index, relative name)` -> a local copy of that file of a chunk (the caller may delete it)."""


def _mine(tr: TemplateRecipe, chunks: list[Chunk], stats: list[ChunkStats]) -> list[tuple[Chunk, ChunkStats]]:
    sheet = (tr.source.file_id, tr.source.sheet_id)
    return [(c, s) for c, s in zip(chunks, stats, strict=True) if (c.file_id, c.sheet_id) == sheet]


def decide(
    recipe: Recipe,
    templates: list[Template],
    manifests: dict[str, FileManifest],
    chunks: list[Chunk],
    stats: list[ChunkStats],
    fetch: Fetch,
    out: Path,
) -> dict[str, Any]:
    """Stage 2 of every template over the key columns of all its chunks in source order: each chunk's slice of
    the flags written to `out/<index>/<sheet>/flags.arrow`. The decisions (JSON): per template the row offset
    of each chunk, the source rows, the rows kept, the key columns' size in memory and the unread columns' counts."""
    by_id = {t.sheet_id: t for t in templates}
    decisions: dict[str, Any] = {}
    for tr in recipe.templates:
        template = by_id[tr.sheet_id]
        mine = _mine(tr, chunks, stats)
        offsets: dict[str, int] = {}
        rows = 0
        for c, s in mine:
            offsets[str(c.index)] = rows
            rows += s.rows
        keys = pl.concat(
            [_shifted(_read_once(fetch(c.index, keys_name(tr.sheet_id))), offsets[str(c.index)]) for c, _ in mine]
        )
        flags = global_flags(tr, template, keys)
        key_bytes = keys.estimated_size()  # what this step holds: the figure that bounds its memory
        del keys
        at = 0
        for c, s in mine:
            height = sum(s.heights[tr.sheet_id])
            (out / f"{c.index:05d}" / tr.sheet_id).mkdir(parents=True, exist_ok=True)
            flags.slice(at, height).write_ipc(out / f"{c.index:05d}" / flags_name(tr.sheet_id), compression="lz4")
            at += height
        columns = unread_columns(tr, find_sheet(manifests[tr.source.file_id], tr.source.sheet_id).column_names)
        distinct = _distinct_counts([_read_once(fetch(c.index, unread_name(tr.sheet_id))) for c, _ in mine])
        unread = {
            c: [sum(s.unread_filled[tr.sheet_id].get(c, 0) for _, s in mine), distinct.get(c, 0)] for c in columns
        }
        decisions[tr.sheet_id] = {
            "offsets": offsets,
            "source_rows": rows,
            "kept": int(flags[KEEP].sum()),
            "key_bytes": key_bytes,
            "unread": unread,
        }
    return decisions


def write_chunk(
    recipe: Recipe,
    templates: list[Template],
    chunk: Chunk,
    stats: ChunkStats,
    decisions: dict[str, Any],
    fetch: Fetch,
    out: Path,
) -> dict[str, Any]:
    """Stage 3 of one chunk for every template reading it: its output rows (`out/<sheet>/rows/part-*.parquet`),
    its fragment of each export (`out/<sheet>/<export>.csv`, with the header row) and the hashes the report
    counts. What it wrote (JSON): rows, invalid rows, filled counts and each export's header length."""
    by_id = {t.sheet_id: t for t in templates}
    written: dict[str, Any] = {}
    for tr in recipe.templates:
        if (tr.source.file_id, tr.source.sheet_id) != (chunk.file_id, chunk.sheet_id):
            continue
        template = by_id[tr.sheet_id]
        keys = [f.key for f in template.fields]
        dest = out / tr.sheet_id
        (dest / "rows").mkdir(parents=True)
        flags = _read_once(fetch(chunk.index, flags_name(tr.sheet_id)))
        shift = int(decisions[tr.sheet_id]["offsets"][str(chunk.index)])
        source_tally, output_tally = HashTally(keys, same_as=same_source_fields(tr, template)), HashTally(keys)
        at = 0
        with PartWriter(template, dest, output=output_tally) as writer:
            for n, height in enumerate(stats.heights[tr.sheet_id]):
                part = _shifted(_read_once(fetch(chunk.index, part_name(tr.sheet_id, n))), shift)
                frame, source = finish_chunk(template, part, flags.slice(at, height))
                at += height
                writer.write(frame)  # counts the output values into output_tally
                source_tally.add(source)
        source_tally.frame().write_ipc(out / hashes_name(tr.sheet_id, "source"), compression="lz4")
        output_tally.frame().write_ipc(out / hashes_name(tr.sheet_id, "output"), compression="lz4")
        written[tr.sheet_id] = {
            "rows": writer.rows,
            "invalid": writer.invalid,
            "source_filled": source_tally.filled,
            "output_filled": output_tally.filled,
            "header": {e: _header_length(dest / f"{e}.csv") for e in EXECUTE_EXPORTS},
        }
    return written


def _header_length(path: Path) -> int:
    """Bytes of an export fragment's header row (its field names hold no line breaks); 0 when it is empty."""
    with path.open("rb") as fh:
        head = fh.read(64 * 1024)
    end = head.find(b"\r\n")
    return end + 2 if end >= 0 else len(head)


def report(
    recipe: Recipe,
    templates: list[Template],
    chunks: list[Chunk],
    decisions: dict[str, Any],
    written: list[dict[str, Any]],
    fetch: Fetch,
) -> dict[str, Any]:
    """The execute report from every chunk's counts, as `execute` on the whole files would give it."""
    by_id = {t.sheet_id: t for t in templates}
    built: list[TemplateStats] = []
    for tr in recipe.templates:
        template = by_id[tr.sheet_id]
        keys = [f.key for f in template.fields]
        mine = [(c, w[tr.sheet_id]) for c, w in zip(chunks, written, strict=True) if tr.sheet_id in w]
        tallies = {}
        for which in ("source", "output"):
            filled = {k: sum(int(w[f"{which}_filled"][k]) for _, w in mine) for k in keys}
            frames = [_read_once(fetch(c.index, hashes_name(tr.sheet_id, which))) for c, _ in mine]
            tallies[which] = _profile(keys, filled, frames)
        decided = decisions[tr.sheet_id]
        stats = template_stats(
            template,
            tr,
            rows=sum(int(w["rows"]) for _, w in mine),
            invalid_rows=sum(int(w["invalid"]) for _, w in mine),
            output=tallies["output"],
            source=tallies["source"],
        )
        unread = {c: ColumnCounts(int(f), int(d)) for c, (f, d) in decided["unread"].items()}
        sheet = (tr.source.file_id, tr.source.sheet_id)
        built.append(replace(stats, unread=unread, source_rows=int(decided["source_rows"]), source=sheet))
    return build_report(built)


def _read_once(path: Path) -> pl.DataFrame:
    """An Arrow file read into memory, its file removed (one part at a time on disk)."""
    frame = pl.read_ipc(path)
    path.unlink(missing_ok=True)
    return frame


def _shifted(frame: pl.DataFrame, offset: int) -> pl.DataFrame:
    """A chunk's rows numbered as in the whole source (each chunk counts from 1)."""
    return frame.with_columns(pl.col(ROW) + offset) if offset else frame
