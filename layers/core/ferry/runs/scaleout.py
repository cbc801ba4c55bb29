"""The scale-out execute's steps: split a large source into parts, check each, decide, write each, assemble.

Above `FERRY_CHUNK_ROWS` data rows in any source sheet the execute task does not run the engine itself:

1. `plan_parts` (task "execute") splits every source the recipe reads (ferry.engine.chunks: a CSV by byte
   ranges at record boundaries, streamed from S3 once; a workbook by row ranges) and writes the chunk manifest
   `runs/<run>/chunks/manifest.json`, with the recipe and the files' ETags beside it (`plan.json`) so every
   part reads the same recipe and the same bytes.
2. `check_part` (*Check the parts*, a Distributed Map item per chunk) runs stage 1 of the chunk's templates and
   stores its parts under `runs/<run>/chunks/<index>/`; it says "Checked part 3 of 12.".
3. `decide_parts` (one invocation) runs stage 2 over every part's key columns: dedup and unique across parts.
4. `write_part` (*Write the parts*, a Distributed Map item per chunk) runs stage 3: the part's output rows go
   where a single-invocation execute stages them (`runs/<run>/output/<sheet>/part-<chunk>-<n>.parquet`), its
   export fragments beside its other files.
5. `assemble_parts` builds each export from the fragments in S3 (`Blobs.concatenate`) and returns the report;
   the run then commits once, as any execute does (*Commit the import*).

Everything lives under the run's own keys: a retried item overwrites its own files, and the failure path
(`steps.discard`) drops the chunks with the rest of the staging.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ferry.aws.s3 import export_key, run_key
from ferry.core.config import get_settings
from ferry.core.domain import FileManifest
from ferry.core.outcomes import StepFailed
from ferry.runs import steps

if TYPE_CHECKING:
    from ferry.aws.dynamo import FileRecord
    from ferry.engine.chunks import Chunk
    from ferry.engine.scaleout import ChunkStats, Fetch
    from ferry.recipe import Recipe

CHUNKS = "chunks/"
MANIFEST = CHUNKS + "manifest.json"
PLAN = CHUNKS + "plan.json"
DECISIONS = CHUNKS + "decisions.json"
WRITTEN = "written.json"
NOTHING = "Nothing was imported."


def chunk_key(run_id: str, index: int, name: str) -> str:
    """Where a checked part keeps one of its files."""
    return run_key(run_id, f"{CHUNKS}{index:05d}/{name}")


def plan_parts(ctx: steps.StepContext) -> dict[str, Any] | None:
    """Split the sources into parts and store the chunk manifest, or None when no source sheet has more than
    `chunk_rows` data rows (the run then executes in this one invocation, as before).

    What the state machine needs: `parts` (how many), `manifest` (`bucket`, `key`: the Distributed Map's
    ItemReader) and `max_concurrency`."""
    from ferry.engine.chunks import (
        byte_chunks,
        byte_splittable,
        chunk_bytes_for,
        number,
        row_chunks,
        split_records,
    )
    from ferry.ingest.rows import find_sheet

    settings = get_settings()
    preview = ctx.current_preview()
    if preview is None:
        return None  # steps.execute says why, in the run's words
    recipe = steps.recipe_of(preview.body, ctx.migration.templates)
    sources = sorted({(tr.source.file_id, tr.source.sheet_id) for tr in recipe.templates})
    files = {file_id: _ready_file(ctx, file_id) for file_id, _ in sources}
    manifests = {file_id: ctx.manifest(file) for file_id, file in files.items()}
    if all(_rows(manifests[f], s) <= settings.chunk_rows for f, s in sources):
        return None
    chunks: list[Chunk] = []
    for file_id, sheet_id in sources:
        file, manifest = files[file_id], manifests[file_id]
        sheet = find_sheet(manifest, sheet_id)
        ctx.progress(
            f"Splitting {file.filename} ({sheet.row_count:,} rows) into parts of about {settings.chunk_rows:,}."
        )
        if not byte_splittable(manifest):
            chunks += row_chunks(file_id, sheet_id, sheet.row_count, settings.chunk_rows)
            continue
        blocks = ctx.blobs.stream(file.upload_key, etag=file.etag)
        if blocks is None:
            raise StepFailed(f"The file {file.filename} changed since the preview; run generate again.")
        split = split_records(
            blocks,
            quotechar=manifest.quotechar,
            skip_records=sheet.header_row + sheet.header_rows,
            chunk_bytes=chunk_bytes_for(manifest, sheet_id, settings.chunk_rows, manifest.size_bytes),
        )
        chunks += byte_chunks(file_id, sheet_id, split)
    numbered = number(chunks)
    plan = {
        "recipe": preview.body.get("recipe") or {},
        "files": {f: {"upload_key": file.upload_key, "etag": file.etag} for f, file in files.items()},
    }
    ctx.blobs.put_json(run_key(ctx.run.run_id, PLAN), plan)
    ctx.blobs.put_json(run_key(ctx.run.run_id, MANIFEST), [c.to_item() for c in numbered])
    ctx.progress(f"Checking {len(numbered)} parts, up to {settings.chunk_max_concurrency} at a time.")
    return {
        "parts": len(numbered),
        "manifest": {"bucket": ctx.blobs.bucket, "key": run_key(ctx.run.run_id, MANIFEST)},
        "max_concurrency": settings.chunk_max_concurrency,
    }


def check_part(ctx: steps.StepContext, item: dict[str, Any]) -> None:
    """Stage 1 of one chunk (a manifest item), its files stored under the run's chunk keys, stats last."""
    from ferry.engine.chunks import Chunk
    from ferry.engine.scaleout import STATS, check_chunk

    chunk = Chunk.from_item(item)
    recipe, files = _load_plan(ctx)
    file = files[chunk.file_id]
    manifest = ctx.manifest(file)
    with tempfile.TemporaryDirectory(prefix="ferry-part-") as tmp:
        work = Path(tmp)
        source = work / "source"
        _download_chunk(ctx, file, chunk, source)
        out = work / "out"
        check_chunk(recipe, ctx.migration.templates, source, manifest, chunk, out)
        source.unlink()
        stored = sorted(p for p in out.rglob("*") if p.is_file() and p.name != STATS)
        for path in [*stored, out / STATS]:  # stats last: a part counts as checked once they are there
            key = chunk_key(ctx.run.run_id, chunk.index, path.relative_to(out).as_posix())
            ctx.blobs.upload_file(key, path, "application/octet-stream")
    ctx.progress(f"Checked part {chunk.index + 1} of {chunk.count}.")


def decide_parts(ctx: steps.StepContext) -> None:
    """Stage 2 over every checked part (dedup and unique across parts): each part's flags stored for it, the
    decisions (row offsets, unread counts) in `decisions.json`."""
    from ferry.engine.scaleout import decide

    recipe, files = _load_plan(ctx)
    chunks, stats = _checked(ctx, files)
    manifests = {file_id: ctx.manifest(file) for file_id, file in files.items()}
    ctx.progress(f"Checked all {len(chunks)} parts; removing duplicates and checking unique values across them.")
    with tempfile.TemporaryDirectory(prefix="ferry-decide-") as tmp:
        work = Path(tmp)
        out = work / "out"
        decisions = decide(recipe, ctx.migration.templates, manifests, chunks, stats, _fetcher(ctx, work), out)
        for path in sorted(p for p in out.rglob("*") if p.is_file()):
            index, name = path.relative_to(out).as_posix().split("/", 1)
            ctx.blobs.upload_file(chunk_key(ctx.run.run_id, int(index), name), path, "application/octet-stream")
    ctx.blobs.put_json(run_key(ctx.run.run_id, DECISIONS), decisions)


def write_part(ctx: steps.StepContext, item: dict[str, Any]) -> None:
    """Stage 3 of one part: its output rows staged under the run's output keys, its export fragments and
    counts under its chunk keys (`written.json` last)."""
    from ferry.engine.chunks import Chunk
    from ferry.engine.scaleout import STATS, ChunkStats, write_chunk

    chunk = Chunk.from_item(item)
    recipe, _ = _load_plan(ctx)
    decisions = _decisions(ctx)
    data = ctx.blobs.get_json(chunk_key(ctx.run.run_id, chunk.index, STATS))
    if not isinstance(data, dict):
        raise StepFailed(f"Part {chunk.index + 1} of {chunk.count} of the file was never checked. " + NOTHING)
    with tempfile.TemporaryDirectory(prefix="ferry-write-") as tmp:
        work = Path(tmp)
        out = work / "out"
        stats = ChunkStats.from_json(data)
        fetch = _fetcher(ctx, work)
        written = write_chunk(recipe, ctx.migration.templates, chunk, stats, decisions, fetch, out)
        for sheet_id in written:
            for part in sorted((out / sheet_id / "rows").glob("part-*.parquet")):
                name = f"{steps.OUTPUT}{sheet_id}/part-{chunk.index:05d}-{part.name.removeprefix('part-')}"
                ctx.blobs.upload_file(run_key(ctx.run.run_id, name), part, "application/vnd.apache.parquet")
            for path in sorted(p for p in (out / sheet_id).iterdir() if p.is_file()):
                key = chunk_key(ctx.run.run_id, chunk.index, f"{sheet_id}/{path.name}")
                ctx.blobs.upload_file(key, path, "application/octet-stream")
    ctx.blobs.put_json(chunk_key(ctx.run.run_id, chunk.index, WRITTEN), written)
    ctx.progress(f"Wrote part {chunk.index + 1} of {chunk.count}.")


def assemble_parts(ctx: steps.StepContext) -> dict[str, Any]:
    """Every template's exports assembled in S3 from the parts' fragments (the header row once); the report.
    (`all` is not among them: the API has it built from the output parts when it is first downloaded.)"""
    from ferry.engine.csv_export import EXECUTE_EXPORTS
    from ferry.engine.scaleout import export_name, report

    recipe, files = _load_plan(ctx)
    chunks, _ = _checked(ctx, files)
    decisions = _decisions(ctx)
    written: list[dict[str, Any]] = []
    for chunk in chunks:
        data = ctx.blobs.get_json(chunk_key(ctx.run.run_id, chunk.index, WRITTEN))
        if not isinstance(data, dict):
            raise StepFailed(f"Part {chunk.index + 1} of {chunk.count} of the file was never written. " + NOTHING)
        written.append(data)
    with tempfile.TemporaryDirectory(prefix="ferry-assemble-") as tmp:
        result = report(recipe, ctx.migration.templates, chunks, decisions, written, _fetcher(ctx, Path(tmp)))
    ctx.progress(f"Saving the import: {result['totalRows']:,} rows.")
    for tr in recipe.templates:
        mine = [(c, w[tr.sheet_id]) for c, w in zip(chunks, written, strict=True) if tr.sheet_id in w]
        for export in EXECUTE_EXPORTS:
            pieces: list[tuple[str, int]] = []
            for c, w in mine:
                header = int(w["header"][export])
                pieces.append(
                    (chunk_key(ctx.run.run_id, c.index, export_name(tr.sheet_id, export)), header if pieces else 0)
                )
            ctx.blobs.concatenate(export_key(ctx.run.run_id, tr.sheet_id, export), pieces, "text/csv; charset=utf-8")
    return result


def drop_parts(ctx: steps.StepContext) -> None:
    """Forget the checked parts (after the commit, and on the failure path)."""
    ctx.blobs.delete_prefix(run_key(ctx.run.run_id, CHUNKS))


# ------------------------------------------------------------------------------------------ helpers


def _rows(manifest: FileManifest, sheet_id: str) -> int:
    from ferry.ingest.rows import find_sheet

    return find_sheet(manifest, sheet_id).row_count


def _ready_file(ctx: steps.StepContext, file_id: str) -> FileRecord:
    file = ctx.store.get_file(ctx.migration.migration_id, file_id)
    if file is None or file.status != "ready":
        raise StepFailed("A file the preview reads was deleted or replaced; run generate again.")
    return file


def _load_plan(ctx: steps.StepContext) -> tuple[Recipe, dict[str, FileRecord]]:
    """The recipe and files the split was made for; a file replaced since is a plain failure."""
    plan = ctx.blobs.get_json(run_key(ctx.run.run_id, PLAN))
    if not isinstance(plan, dict):
        raise StepFailed("The import lost its plan of parts. " + NOTHING)
    recipe = steps.recipe_of({"recipe": plan["recipe"]}, ctx.migration.templates)
    files: dict[str, FileRecord] = {}
    for file_id, expected in plan["files"].items():
        file = _ready_file(ctx, file_id)
        if file.etag != expected["etag"]:
            raise StepFailed(f"The file {file.filename} changed during the import; run generate again.")
        files[file_id] = file
    return recipe, files


def _download_chunk(ctx: steps.StepContext, file: FileRecord, chunk: Chunk, path: Path) -> None:
    """The chunk's bytes as a file the reader reads like its slice of the source: the header bytes then the
    chunk's byte range; for a row chunk, the whole file."""
    changed = f"The file {file.filename} changed during the import; run generate again."
    if chunk.kind == "rows":
        if not ctx.blobs.download(file.upload_key, path, etag=file.etag):
            raise StepFailed(changed)
        return
    with path.open("wb") as out:
        for start, end in ((0, chunk.header_end), (chunk.start, chunk.end)):
            blocks = ctx.blobs.stream(file.upload_key, etag=file.etag, start=start, end=end)
            if blocks is None:
                raise StepFailed(changed)
            for block in blocks:
                out.write(block)


def _checked(ctx: steps.StepContext, files: dict[str, FileRecord]) -> tuple[list[Chunk], list[ChunkStats]]:
    """The chunks and what checking each found; a part never checked, or parts whose rows do not add up to
    their sheet's, is a plain failure (a cut in the wrong place would lose or repeat rows: refuse, never guess)."""
    from ferry.engine.chunks import Chunk
    from ferry.engine.scaleout import STATS, ChunkStats
    from ferry.ingest.rows import find_sheet

    items = ctx.blobs.get_json(run_key(ctx.run.run_id, MANIFEST))
    if not isinstance(items, list):
        raise StepFailed("The import lost the list of its parts. " + NOTHING)
    chunks = [Chunk.from_item(i) for i in items]
    stats: list[ChunkStats] = []
    for chunk in chunks:
        data = ctx.blobs.get_json(chunk_key(ctx.run.run_id, chunk.index, STATS))
        if not isinstance(data, dict):
            raise StepFailed(f"Part {chunk.index + 1} of {chunk.count} of the file was never checked. " + NOTHING)
        stats.append(ChunkStats.from_json(data))
    for file_id, sheet_id in sorted({(c.file_id, c.sheet_id) for c in chunks}):
        counted = sum(
            s.rows for c, s in zip(chunks, stats, strict=True) if (c.file_id, c.sheet_id) == (file_id, sheet_id)
        )
        expected = find_sheet(ctx.manifest(files[file_id]), sheet_id).row_count
        if counted != expected:
            raise StepFailed(
                f"The parts of {files[file_id].filename} hold {counted:,} rows where the file has {expected:,}. "
                + NOTHING
            )
    return chunks, stats


def _decisions(ctx: steps.StepContext) -> dict[str, Any]:
    decisions = ctx.blobs.get_json(run_key(ctx.run.run_id, DECISIONS))
    if not isinstance(decisions, dict):
        raise StepFailed("The import lost which rows to keep. " + NOTHING)
    return decisions


def _fetcher(ctx: steps.StepContext, work: Path) -> Fetch:
    """Downloads a chunk's file into `work` (the engine deletes it once read)."""

    def fetch(index: int, name: str) -> Path:
        path = work / "fetched" / f"{index:05d}" / name
        if not ctx.blobs.download(chunk_key(ctx.run.run_id, index, name), path):
            raise StepFailed(f"A part of the file was lost during the import. {NOTHING}")
        return path

    return fetch
