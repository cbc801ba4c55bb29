"""The seam between the run lifecycle and the agent/engine: what each step of a run *does*.

The state machine's task function (ferry.runs.tasks) calls exactly these functions; nothing else in the
lifecycle knows how a recipe is planned, edited or executed. Each one is the place to swap in the real
planner or engine:

    generate(ctx) -> StepOutcome                      plan a recipe from the files (questions or a preview);
                                                      with extract_via_api, extract the connections first
                                                      (or ask for their credentials)
    resume_with_answers(ctx, answers) -> StepOutcome  continue planning with a person's answers
    update(ctx, message) -> StepOutcome               edit the current recipe per a plain-language message
    clarify(ctx, message) -> str                      answer a read-only question about the preview
    execute(ctx) -> dict                              run the current recipe into staging; the report
    commit(ctx, report) -> None                       make the staged rows the import (all or nothing)
    remember_confirmed_mappings(ctx) -> int           as an execute commits: the account's mapping memory
    bookmark_moves(ctx) -> writes                     the connections' bookmark moves, made as the run completes
    discard(ctx) -> None                              drop anything staged (the failure path)
    build_export(ctx, sheet_id, part_keys) -> int     after it completed: the `all` export from the output
                                                      rows, the first time it is asked for (ferry.runs.exports)

`generate`/`resume_with_answers`/`update`/`clarify` load what the planner needs (files, manifests, the
run's saved state), call the configured planner (ferry.agent.choice.planner_from_settings) and preview the
first rows of its recipe through the engine; `execute` runs the engine (ferry.engine) over the whole files.
The agent, the engine and the ingest readers need the dataplane libraries, so they are imported inside the
functions: the API function imports ferry.core.outcomes, never this module.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ferry.aws.dynamo import (
    ConnectionRecord,
    ConnectionStore,
    FileRecord,
    MemoryRecord,
    MigrationRecord,
    PreviewRecord,
    RunRecord,
    Store,
)
from ferry.aws.s3 import Blobs, export_build_key, export_key, export_prefix, manifest_key, run_key
from ferry.core.clock import now_iso
from ferry.core.domain import FileManifest, SheetManifest, Template
from ferry.core.errors import Conflict, InvalidRequest
from ferry.core.ids import new_id
from ferry.core.outcomes import (
    Answer,
    CredentialRequest,
    PreviewDraft,
    StepFailed,
    StepOutcome,
)

if TYPE_CHECKING:
    from ferry.agent.memory import Remembered
    from ferry.agent.planner import Plan
    from ferry.engine import ExecuteResult, Inputs
    from ferry.engine.csv_export import ExportFilter
    from ferry.recipe import Recipe
    from ferry.recipe.editor import Edit

SAMPLE_ROWS = 50
OUTPUT = "output/"  # under the run's keys: an execute's output row parts, per template
EXPORT_ROWS_GONE = "The rows of this run are no longer stored; execute the migration again."
PREVIEW_PREFIX_BYTES = 4 * 1024 * 1024


@dataclass
class StepContext:
    """What a step may read and write: the run, its migration, storage, and a progress reporter."""

    run: RunRecord
    migration: MigrationRecord
    store: Store
    blobs: Blobs
    progress: Callable[[str], None]

    def ready_files(self) -> list[FileRecord]:
        """The migration's ready files, oldest first."""
        return [f for f in self.store.list_files(self.migration.migration_id) if f.status == "ready"]

    def manifest(self, file: FileRecord) -> FileManifest:
        """What ingestion found in a file (sheets, columns, samples, how to read it)."""
        data = self.blobs.get_json(manifest_key(file.account_id, file.migration_id, file.file_id))
        if data is None:
            raise StepFailed(f"The file {file.filename} is no longer available; upload it again.")
        return FileManifest.model_validate(data)

    def current_preview(self) -> PreviewRecord | None:
        """The migration's current preview, with its body."""
        if self.migration.preview_version is None:
            return None
        record = self.store.get_preview(self.migration.migration_id, self.migration.preview_version)
        if record is not None and record.body_key:
            record = record.model_copy(update={"body": self.blobs.get_json(record.body_key) or {}})
        return record

    def load_state(self, name: str) -> dict[str, Any] | None:
        """A JSON document the run's steps keep between them (e.g. the planner's working state)."""
        data = self.blobs.get_json(run_key(self.run.run_id, f"{name}.json"))
        return data if isinstance(data, dict) else None

    def save_state(self, name: str, data: dict[str, Any]) -> None:
        """Keep a JSON document for a later step of this run (overwritten on retry)."""
        self.blobs.put_json(run_key(self.run.run_id, f"{name}.json"), data)


# ------------------------------------------------------------------------------------------ the seam


def generate(ctx: StepContext) -> StepOutcome:
    """Plan: the configured planner (ferry.agent.planner) maps every template onto the ready files; it asks
    when unsure.

    With `extract_via_api` the migration's connections are extracted first and their files are planned
    from (the ready files when nothing new was extracted); a connection without working credentials
    ends the step with a credential request instead.
    """
    from ferry.agent.choice import planner_from_settings

    files = ctx.ready_files()
    if ctx.run.extract_via_api:
        extracted = extract_connections(ctx)
        if isinstance(extracted, CredentialRequest):
            return StepOutcome(credential_request=extracted)
        files = extracted or ctx.ready_files()
    manifests = {file.file_id: ctx.manifest(file) for file in files}
    if not any(manifest.sheets for manifest in manifests.values()):
        if ctx.run.extract_via_api:
            raise StepFailed("The connection gave no records to map, and the migration has no ready file.")
        raise StepFailed("No ready file has any data to map. Upload a file with a header row and data rows.")
    filenames = {file.file_id: file.filename for file in files}
    planner = planner_from_settings()
    memory = remembered_mappings(ctx)
    plan = planner.generate(manifests, ctx.migration.templates, filenames, progress=ctx.progress, memory=memory)
    return _plan_outcome(ctx, plan)


def remembered_mappings(ctx: StepContext) -> list[Remembered]:
    """The account's mapping memory for the migration's templates; none when the migration opted out."""
    from ferry.agent.memory import Remembered

    if not ctx.migration.mapping_memory or not ctx.migration.templates:
        return []
    sheet_ids = [t.sheet_id for t in ctx.migration.templates]
    return [
        Remembered(
            memory_id=record.memory_id,
            sheet_id=record.sheet_id,
            field=record.field,
            normalized_header=record.normalized_header,
            value_signature=record.value_signature,
            ops=record.ops,
            migration_id=record.migration_id,
            migration_name=record.migration_name,
            confirmed_at=record.confirmed_at,
        )
        for record in ctx.store.all_memories(ctx.run.account_id, sheet_ids)
    ]


def extract_connections(ctx: StepContext) -> list[FileRecord] | CredentialRequest:
    """Extract every connection of the migration into ready files; the files this run extracted.

    Returns a credential request for the first connection without (working) credentials. What is
    extracted is remembered in the run's state, so a retried or resumed step does not extract it twice.
    """
    from ferry.connections.connectors.base import CredentialsRejected
    from ferry.connections.service import extract_connection, list_migration_connections

    done: dict[str, Any] = ctx.load_state("extraction") or {}
    connections = list_migration_connections(ctx.store, ctx.run.account_id, ctx.migration.migration_id)
    if not connections:
        ctx.progress("This migration has no connection to extract from; planning from its files.")
        return []
    for connection in connections:
        if connection.connection_id in done:
            continue
        try:
            files = extract_connection(
                connection, ctx.run.account_id, db=ctx.store, blobs=ctx.blobs, progress=ctx.progress
            )
        except Conflict as exc:
            if exc.code != "credentials_required":
                raise StepFailed(exc.message) from None
            return _credential_request(connection)
        except CredentialsRejected:
            ctx.progress(f"The {connection.source_key} connection's stored credentials were refused.")
            return _credential_request(connection)
        except InvalidRequest as exc:  # the source failed (SourceUnavailable) or its config no longer holds
            raise StepFailed(exc.message) from None
        done[connection.connection_id] = [f.file_id for f in files]
        ctx.save_state("extraction", done)
    extracted = {file_id for file_ids in done.values() for file_id in file_ids}
    return [f for f in ctx.ready_files() if f.file_id in extracted]


def _credential_request(connection: ConnectionRecord) -> CredentialRequest:
    from ferry.connections.service import credential_fields

    return CredentialRequest(
        connection_id=connection.connection_id,
        source_key=connection.source_key,
        fields=credential_fields(connection),
    )


def resume_with_answers(ctx: StepContext, answers: list[Answer]) -> StepOutcome:
    """Apply a person's answers to the open questions (the planner's, or an update's), then propose the preview."""
    from ferry.agent.choice import planner_from_settings
    from ferry.agent.planner import Plan

    if ctx.run.kind == "update":
        return _resume_edit(ctx, answers)
    state = ctx.load_state("plan")
    if state is None:
        raise StepFailed("The run lost its working state; start the generate run again.")
    plan = Plan.model_validate(state)
    ready = {f.file_id for f in ctx.ready_files()}
    if plan.templates != ctx.migration.templates or any(tm.file_id not in ready for tm in plan.matches):
        raise StepFailed("A file or template changed while the run was planning; start the run again.")
    return _plan_outcome(ctx, planner_from_settings().answer(plan, answers))


def _plan_outcome(ctx: StepContext, plan: Plan) -> StepOutcome:
    """Keep the plan for the answers to come; its questions, or its preview with the first rows through the engine."""
    ctx.save_state("plan", plan.model_dump(mode="json", by_alias=True))
    if plan.questions:
        return StepOutcome(questions=plan.questions)
    draft = PreviewDraft(
        summary=plan.summary,
        recipe=plan.recipe.model_dump(mode="json", by_alias=True),
        mappings=plan.mappings,
        unmapped_columns=plan.unmapped_columns,
        sheets=preview_sheets(ctx, plan.recipe),
    )
    return StepOutcome(preview=draft)


def update(ctx: StepContext, message: str) -> StepOutcome:
    """Edit the current recipe per `message` (the planner's instruction editor): a new preview, or a question back."""
    from ferry.agent.choice import planner_from_settings

    preview = _require_preview(ctx, "edit")
    recipe = recipe_of(preview.body, ctx.migration.templates)
    ctx.progress("Reading your instruction.")
    edit = planner_from_settings().update(recipe, ctx.migration.templates, _sheets_of(ctx, recipe), message)
    return _edit_outcome(ctx, preview, recipe, edit)


def _resume_edit(ctx: StepContext, answers: list[Answer]) -> StepOutcome:
    """Apply the answer to the question an update asked, then propose the preview."""
    from ferry.agent.choice import planner_from_settings

    state = ctx.load_state("edit")
    preview = _require_preview(ctx, "edit")
    if state is None or not answers:
        raise StepFailed("The run lost its working state; send the instruction again.")
    recipe = recipe_of(preview.body, ctx.migration.templates)
    sheets = _sheets_of(ctx, recipe)
    edit = planner_from_settings().answer_update(recipe, ctx.migration.templates, sheets, state, answers[0])
    return _edit_outcome(ctx, preview, recipe, edit)


def _edit_outcome(ctx: StepContext, preview: PreviewRecord, recipe: Recipe, edit: Edit) -> StepOutcome:
    if edit.question is not None:
        ctx.save_state("edit", edit.pending or {})
        return StepOutcome(questions=[edit.question])
    summary = edit.summary
    if edit.revert:
        older = ctx.store.get_preview(ctx.migration.migration_id, preview.version - 1) if preview.version > 1 else None
        if older is None:
            summary, new_recipe = "There is no earlier version to go back to, so nothing changed.", recipe
        else:
            if older.body_key:
                older = older.model_copy(update={"body": ctx.blobs.get_json(older.body_key) or {}})
            new_recipe = recipe_of(older.body, ctx.migration.templates)
            summary = f"Back to the recipe of version {older.version}."
    else:
        new_recipe = edit.recipe if edit.changed and edit.recipe is not None else recipe
    ctx.progress(summary)
    return StepOutcome(preview=_draft_of_recipe(ctx, new_recipe, preview.body.get("mappings", []), summary))


def _require_preview(ctx: StepContext, purpose: str) -> PreviewRecord:
    preview = ctx.current_preview()
    if preview is None:
        raise StepFailed(f"There is no preview to {purpose}; run generate first.")
    return preview


def _sheets_of(ctx: StepContext, recipe: Recipe) -> dict[tuple[str, str], SheetManifest]:
    """The manifest of every sheet the recipe reads, by (file_id, sheet_id)."""
    sheets: dict[tuple[str, str], SheetManifest] = {}
    for file_id in sorted({t.source.file_id for t in recipe.templates}):
        file = ctx.store.get_file(ctx.migration.migration_id, file_id)
        if file is None or file.status != "ready":
            raise StepFailed("A file the preview reads was deleted or replaced; run generate again.")
        for sheet in ctx.manifest(file).sheets:
            sheets[(file_id, sheet.sheet_id)] = sheet
    return sheets


def clarify(ctx: StepContext, message: str) -> str:
    """Answer a read-only question about the current preview (the planner's explainer); changes nothing."""
    from ferry.agent.choice import planner_from_settings

    preview = _require_preview(ctx, "answer questions about")
    recipe = recipe_of(preview.body, ctx.migration.templates)
    return planner_from_settings().clarify(recipe, ctx.migration.templates, preview.body, message)


def execute(ctx: StepContext) -> dict[str, Any]:
    """Run the current preview's recipe over the whole files and stage the outputs; the execute report.

    The engine builds every template in a local work directory; its row Parquet parts and CSV exports
    (`valid`, `invalid`; `all` is built from the parts when first asked for, `build_export`) are then uploaded
    under the run's own keys. They count as imported only once `commit` completes the run
    (the export route serves completed runs only); the failure path deletes them.
    """
    preview = ctx.current_preview()
    if preview is None:
        raise StepFailed("There is no preview to import; run generate first. Nothing was imported.")
    recipe = recipe_of(preview.body, ctx.migration.templates)
    with tempfile.TemporaryDirectory(prefix="ferry-execute-") as tmp:
        result, _ = run_recipe(ctx, recipe, Path(tmp))
        ctx.progress(f"Saving the import: {result.report['totalRows']:,} rows.")
        stage_outputs(ctx, result.outputs)
    return result.report


def stage_outputs(ctx: StepContext, outputs: dict[str, Path]) -> None:
    """Upload each template's exports and row parts (its committed output directory) under the run's keys."""
    from ferry.engine import output_parts
    from ferry.engine.csv_export import EXECUTE_EXPORTS

    for sheet_id, directory in outputs.items():
        for name in EXECUTE_EXPORTS:
            ctx.blobs.upload_file(
                export_key(ctx.run.run_id, sheet_id, name), directory / f"{name}.csv", "text/csv; charset=utf-8"
            )
        for part in output_parts(directory):
            key = run_key(ctx.run.run_id, f"{OUTPUT}{sheet_id}/{part.name}")
            ctx.blobs.upload_file(key, part, "application/vnd.apache.parquet")


def build_export(ctx: StepContext, sheet_id: str, part_keys: list[str], export: ExportFilter = "all") -> int:
    """Write one export of a completed execute run or import (what the API builds on demand, ferry.runs.exports)
    from its stored output rows (`part_keys` in row order: `output_part_keys`, or an import's last round), one
    part at a time, and store it under its export key; its size in bytes.

    The bytes are those the execute would have written. The build marker goes in every case, so a failed
    build can be asked for again."""
    from ferry.engine.parts import write_export_from_parts

    try:
        if not part_keys:
            raise StepFailed(EXPORT_ROWS_GONE)
        with tempfile.TemporaryDirectory(prefix="ferry-export-") as tmp:
            work = Path(tmp)

            def parts() -> Iterator[Path]:
                for key in part_keys:
                    path = work / "part.parquet"
                    if not ctx.blobs.download(key, path):
                        raise StepFailed(EXPORT_ROWS_GONE)
                    yield path

            dest = work / f"{export}.csv"
            write_export_from_parts(parts(), dest, export)
            ctx.blobs.upload_file(export_key(ctx.run.run_id, sheet_id, export), dest, "text/csv; charset=utf-8")
            return dest.stat().st_size
    finally:
        ctx.blobs.delete([export_build_key(ctx.run.run_id, sheet_id, export)])


def output_part_keys(ctx: StepContext, sheet_id: str) -> list[str]:
    """The keys of an execute's output row parts of one template, in row order (`output/<sheet_id>/`: one
    invocation's parts, or the chunks' `part-<chunk>-<n>`)."""
    return sorted(ctx.blobs.keys(run_key(ctx.run.run_id, f"{OUTPUT}{sheet_id}/")))


def run_recipe(
    ctx: StepContext, recipe: Recipe, work: Path, *, keep_source_hashes: bool = False
) -> tuple[ExecuteResult, Inputs]:
    """Download the files `recipe` reads into `work` and run the engine over them (outputs in `work/out`)."""
    from ferry.engine import execute as run_engine
    from ferry.recipe import RecipeError

    inputs = download_inputs(ctx, recipe, work)
    try:
        result = run_engine(
            recipe,
            ctx.migration.templates,
            inputs,
            work / "out",
            progress=ctx.progress,
            keep_source_hashes=keep_source_hashes,
        )
    except RecipeError as exc:
        raise StepFailed(f"The recipe no longer fits the files: {exc}. Nothing was imported.") from None
    return result, inputs


def commit(ctx: StepContext, report: dict[str, Any]) -> None:
    """Nothing to move: the staged outputs become the import when the run completes with its report,
    one conditional write on the run (ferry.runs.lifecycle.complete_run) that a canceled or swept run cannot pass."""


def remember_confirmed_mappings(ctx: StepContext) -> int:
    """As an execute commits: the account remembers each field ← column its recipe read (ferry.agent.memory),
    so the next generate maps those columns the same way; nothing when the migration opted out. A retry
    writes the same entries again (an upsert per template, column and field; only `confirmed_at` moves).
    How many were kept."""
    from ferry.agent.memory import confirmed_mappings

    if not ctx.migration.mapping_memory:
        return 0
    preview = ctx.current_preview()
    if preview is None:
        return 0
    recipe = recipe_of(preview.body, ctx.migration.templates)
    confirmed = confirmed_mappings(recipe, ctx.migration.templates, _sheets_of(ctx, recipe))
    now = now_iso()
    ctx.store.remember_mappings(
        [
            MemoryRecord(
                account_id=ctx.run.account_id,
                memory_id=new_id("mem"),  # kept only when the entry is new
                migration_id=ctx.migration.migration_id,
                migration_name=ctx.migration.name,
                confirmed_at=now,
                created_at=now,
                **mapping.model_dump(),
            )
            for mapping in confirmed
        ]
    )
    return len(confirmed)


def bookmark_moves(ctx: StepContext) -> list[dict[str, Any]]:
    """The writes that move each connection's bookmarks to its last extraction's, for the run's completion to
    make in its own transaction: a client that sees the run completed sees them moved, and a run canceled or
    swept as it commits moves none, so the next extraction reads those records again."""
    from ferry.connections.service import list_migration_connections

    connections, now = ConnectionStore(ctx.store), now_iso()
    return [
        connections.bookmark_move(connection, now)
        for connection in list_migration_connections(ctx.store, ctx.run.account_id, ctx.migration.migration_id)
        if connection.pending_state is not None
    ]


def discard(ctx: StepContext) -> None:
    """Drop whatever this run staged (output rows, exports, checked parts), so a failed run leaves no rows."""
    ctx.blobs.delete_prefix(run_key(ctx.run.run_id, OUTPUT))
    ctx.blobs.delete_prefix(run_key(ctx.run.run_id, "chunks/"))
    ctx.blobs.delete_prefix(export_prefix(ctx.run.run_id))


# ------------------------------------------------------------------------------------------ helpers


def recipe_of(body: dict[str, Any], templates: list[Template]) -> Recipe:
    """The Recipe of a stored preview body (planner-shaped fields get their type-aware default ops)."""
    from ferry.recipe import recipe_from_plan

    try:
        return recipe_from_plan(body.get("recipe") or {}, templates)
    except ValueError as exc:
        raise StepFailed(f"The preview's recipe is not valid: {exc}") from None


def download_inputs(
    ctx: StepContext, recipe: Recipe, directory: Path, *, csv_prefix_bytes: int | None = None
) -> Inputs:
    """Each file the recipe reads, downloaded into `directory`, with its manifest.

    With `csv_prefix_bytes`, a CSV larger than that is fetched only that far (enough for preview rows).
    """
    inputs: Inputs = {}
    for file_id in sorted({t.source.file_id for t in recipe.templates}):
        file = ctx.store.get_file(ctx.migration.migration_id, file_id)
        if file is None or file.status != "ready":
            raise StepFailed("A file the preview reads was deleted or replaced; run generate again.")
        manifest = ctx.manifest(file)
        path = directory / file_id
        prefix = csv_prefix_bytes if csv_prefix_bytes and _cuttable(manifest, csv_prefix_bytes) else None
        if not ctx.blobs.download(file.upload_key, path, etag=file.etag, max_bytes=prefix):
            raise StepFailed(f"The file {file.filename} changed since the preview; run generate again.")
        if prefix:
            _cut_after_last_line(path)
        ctx.progress(f"Reading {file.filename}.")
        inputs[file_id] = (path, manifest)
    return inputs


def _cuttable(manifest: FileManifest, prefix_bytes: int) -> bool:
    """True when a prefix of the file cut after its last line break holds only whole rows: a large UTF-8
    CSV whose cells hold no line breaks."""
    return (
        manifest.format == "csv"
        and manifest.size_bytes > prefix_bytes
        and manifest.encoding in ("utf-8", "utf-8-sig")
        and not manifest.quoted_newlines
        and "\r" not in manifest.line_terminators
    )


def _cut_after_last_line(path: Path) -> None:
    """Drop the partial line a ranged download ends with."""
    data = path.read_bytes()
    path.write_bytes(data[: data.rfind(b"\n") + 1])


def _draft_of_recipe(ctx: StepContext, recipe: Recipe, previous: list[dict[str, Any]], summary: str) -> PreviewDraft:
    """The preview of an edited recipe: mappings kept where a field reads as before, the rest said by you."""
    from ferry.agent.planner import preview_mapping

    templates = {t.sheet_id: t for t in ctx.migration.templates}
    before = {(m["template"], m["field"]): m for m in previous}
    sheets = _sheets_of(ctx, recipe)
    mappings: list[dict[str, Any]] = []
    unmapped: list[dict[str, Any]] = []
    for tr in recipe.templates:
        template = templates[tr.sheet_id]
        source = {"file_id": tr.source.file_id, "sheet_id": tr.source.sheet_id}
        by_field = {fr.field: fr for fr in tr.fields}
        read: set[str] = {f.column for f in tr.filters if f.column}
        for f in template.fields:
            fr = by_field.get(f.key)
            columns = fr.source_columns() if fr else []
            read.update(columns)
            transform = [op.model_dump(mode="json", by_alias=True) for op in fr.ops] if fr else []
            mapping = preview_mapping(template, f.key, source, columns, fr.ops if fr else [])
            old = before.get((template.name, f.key))
            same = old is not None and old.get("source") == mapping["source"] and old.get("transform") == transform
            if same and old is not None:
                mapping["confidence"], mapping["rationale"] = old["confidence"], old["rationale"]
            elif columns:
                mapping["confidence"], mapping["rationale"] = 1.0, "set by your instruction"
            else:
                mapping["confidence"], mapping["rationale"] = 0.0, "not mapped"
            mappings.append(mapping)
        sheet = sheets.get((tr.source.file_id, tr.source.sheet_id))
        unmapped += [{**source, "column": c} for c in (sheet.column_names if sheet else []) if c not in read]
    return PreviewDraft(
        summary=summary,
        recipe=recipe.model_dump(mode="json", by_alias=True),
        mappings=mappings,
        unmapped_columns=unmapped,
        sheets=preview_sheets(ctx, recipe),
    )


def preview_sheets(ctx: StepContext, recipe: Recipe) -> list[dict[str, Any]]:
    """The preview's `sheets`: the first rows of each template through the engine, with their cell errors.

    A large CSV is read from its first PREVIEW_PREFIX_BYTES only (a ranged GET), so a preview stays quick
    for any size; when that prefix does not hold the preview's rows, the whole file is read.
    """
    from polars.exceptions import PolarsError

    from ferry.engine import preview

    templates = ctx.migration.templates
    with tempfile.TemporaryDirectory(prefix="ferry-preview-") as tmp:
        ctx.progress("Checking the first rows against the templates.")
        try:
            inputs = download_inputs(ctx, recipe, Path(tmp) / "prefix", csv_prefix_bytes=PREVIEW_PREFIX_BYTES)
            sheets = preview(recipe, templates, inputs, n=SAMPLE_ROWS)
            if all(s["sampleRowCount"] >= min(SAMPLE_ROWS, s["rowCount"]) for s in sheets):
                return sheets
        except (ValueError, OSError, PolarsError):  # a row cut in half at the end of the prefix
            pass
        try:
            return preview(recipe, templates, download_inputs(ctx, recipe, Path(tmp) / "whole"), n=SAMPLE_ROWS)
        except ValueError as exc:  # RecipeError: a file changed under the plan
            raise StepFailed(f"The recipe does not fit the files: {exc}") from None
