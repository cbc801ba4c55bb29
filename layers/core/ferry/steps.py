"""The seam between the run lifecycle and the agent/engine: what each step of a run *does*.

The state machine's task function (ferry.run_tasks) calls exactly these functions; nothing else in the
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
    advance_bookmarks(ctx) -> None                    after the commit: the connections' bookmarks move on
    discard(ctx) -> None                              drop anything staged (the failure path)

Today `generate`/`resume_with_answers` use the mapping matcher (ferry.agent) directly and show source
values as mapped; `update` and `execute` fail the run with a plain reason until the instruction editor
and the engine land. The agent and the ingest readers need the dataplane libraries, so they are
imported inside the functions: the API function imports ferry.run_models, never this module.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ferry.blobs import Blobs, manifest_key, run_key
from ferry.errors import Conflict, InvalidRequest
from ferry.models import FileManifest, SheetManifest, Template
from ferry.run_models import (
    Answer,
    CredentialRequest,
    PreviewDraft,
    Question,
    QuestionOption,
    StepFailed,
    StepOutcome,
)
from ferry.store import ConnectionRecord, FileRecord, MigrationRecord, PreviewRecord, RunRecord, Store

if TYPE_CHECKING:
    from ferry.agent import SheetMatch

SAMPLE_ROWS = 50
EDIT_NOT_AVAILABLE = (
    "Editing the recipe from a message is not available in this version yet, so nothing was changed. "
    "Start a new generate run to rebuild the preview."
)
ENGINE_MISSING = "The import engine is not installed in this deployment, so nothing was imported."
ENGINE_NOT_WIRED = "The import engine is not connected to runs yet, so nothing was imported."


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
    """Plan: match every template onto the best-fitting sheet of the ready files; ask when unsure.

    With `extract_via_api` the migration's connections are extracted first and their files are planned
    from (the ready files when nothing new was extracted); a connection without working credentials
    ends the step with a credential request instead.
    """
    from ferry.agent import match_sheet

    files = ctx.ready_files()
    if ctx.run.extract_via_api:
        extracted = extract_connections(ctx)
        if isinstance(extracted, CredentialRequest):
            return StepOutcome(credential_request=extracted)
        files = extracted or ctx.ready_files()
    candidates = [(file, sheet) for file in files for sheet in ctx.manifest(file).sheets]
    if not candidates:
        if ctx.run.extract_via_api:
            raise StepFailed("The connection gave no records to map, and the migration has no ready file.")
        raise StepFailed("No ready file has any data to map. Upload a file with a header row and data rows.")
    plan: dict[str, Any] = {"templates": []}
    questions: list[Question] = []
    for template in ctx.migration.templates:
        ctx.progress(f"Matching columns to {template.name}.")
        scored = [(file, sheet, match_sheet(sheet, template)) for file, sheet in candidates]
        file, sheet, match = max(scored, key=lambda c: _fit(c[2]))
        plan["templates"].append(
            {"sheet_id": template.sheet_id, "file_id": file.file_id, "source_sheet_id": sheet.sheet_id,
             "match": match.model_dump(mode="json")}
        )  # fmt: skip
        questions += [
            Question(
                id=f"{template.sheet_id}.{q.id}",
                question=q.question,
                context=q.context or None,
                options=[QuestionOption(id=o.id, label=o.label) for o in q.options],
                allow_custom=q.allow_custom,
            )
            for q in match.questions
        ]
    ctx.save_state("plan", plan)
    if questions:
        return StepOutcome(questions=questions)
    return StepOutcome(preview=_draft(ctx, plan))


def extract_connections(ctx: StepContext) -> list[FileRecord] | CredentialRequest:
    """Extract every connection of the migration into ready files; the files this run extracted.

    Returns a credential request for the first connection without (working) credentials. What is
    extracted is remembered in the run's state, so a retried or resumed step does not extract it twice.
    """
    from ferry.connections import extract_connection, list_migration_connections
    from ferry.connectors.base import CredentialsRejected

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
    from ferry.connections import credential_fields

    return CredentialRequest(
        connection_id=connection.connection_id,
        source_key=connection.source_key,
        fields=credential_fields(connection),
    )


def resume_with_answers(ctx: StepContext, answers: list[Answer]) -> StepOutcome:
    """Apply a person's answers to the planner's open questions, then propose the preview."""
    from ferry.agent import SheetMatch

    plan = ctx.load_state("plan")
    if plan is None:
        raise StepFailed("The run lost its working state; start the generate run again.")
    by_id = {a.question_id: a for a in answers}
    for entry in plan["templates"]:
        match = SheetMatch.model_validate(entry["match"])
        for question in match.questions:
            answer = by_id.get(f"{entry['sheet_id']}.{question.id}")
            if answer is not None:
                _apply_answer(match, question.model_dump(), answer)
        match.questions = []
        entry["match"] = match.model_dump(mode="json")
    ctx.save_state("plan", plan)
    return StepOutcome(preview=_draft(ctx, plan))


def update(ctx: StepContext, message: str) -> StepOutcome:
    """Edit the current recipe per `message`. Not available until the instruction editor lands."""
    raise StepFailed(EDIT_NOT_AVAILABLE)


def clarify(ctx: StepContext, message: str) -> str:
    """Answer a read-only question about the current preview from its mappings (changes nothing)."""
    preview = ctx.current_preview()
    if preview is None:
        raise StepFailed("There is no preview to answer questions about; run generate first.")
    mappings: list[dict[str, Any]] = preview.body.get("mappings", [])
    asked = _words(message)
    named = [m for m in mappings if {m["field"].lower(), *_words(m["field"])} & asked]
    if not named:
        mapped = [m for m in mappings if m.get("source")]
        lines = [f"Preview version {preview.version} maps {len(mapped)} of {len(mappings)} fields."]
        lines += [_describe_mapping(m) for m in mappings]
        return "\n".join(lines)
    return "\n".join(_describe_mapping(m) for m in named)


def execute(ctx: StepContext) -> dict[str, Any]:
    """Run the current preview's recipe into staging and return the execute report.

    THE ENGINE SEAM: replace this body with the engine's executor. Until then the run fails with a plain
    reason and nothing is imported.
    """
    try:
        import ferry.engine  # noqa: F401
    except ImportError:
        raise StepFailed(ENGINE_MISSING) from None
    raise StepFailed(ENGINE_NOT_WIRED)


def commit(ctx: StepContext, report: dict[str, Any]) -> None:
    """Make the staged rows the import in one conditional write (the engine's commit; nothing staged yet)."""


def advance_bookmarks(ctx: StepContext) -> None:
    """Once an execute committed, move each connection's bookmarks to its last extraction's."""
    from ferry.connections import commit_extraction_state, list_migration_connections

    for connection in list_migration_connections(ctx.store, ctx.run.account_id, ctx.migration.migration_id):
        commit_extraction_state(connection, db=ctx.store)


def discard(ctx: StepContext) -> None:
    """Drop whatever this run staged, so a failed run leaves no rows."""
    ctx.blobs.delete_prefix(run_key(ctx.run.run_id, "staging/"))


# ------------------------------------------------------------------------------------------ helpers


def _fit(match: SheetMatch) -> float:
    """How well a sheet fits a template: the confidence of what would be applied without asking."""
    return sum(m.confidence for m in match.matches if m.auto_applied) + 0.1 * sum(
        m.confidence for m in match.matches if not m.auto_applied and m.column
    )


def _apply_answer(match: SheetMatch, question: dict[str, Any], answer: Answer) -> None:
    field_match = match.match_for(question.get("field") or "")
    if field_match is None:
        return
    label = next((o["label"] for o in question["options"] if o["id"] == answer.option_id), "")
    kind = question["kind"]
    if kind == "which_column":
        column = answer.custom.strip() if answer.custom else _quoted(label)
        if column:
            field_match.column, field_match.columns, field_match.auto_applied = column, [column], True
            field_match.rationale = f"chosen by you: '{column}'"
        else:
            field_match.column, field_match.columns, field_match.auto_applied = None, [], False
            field_match.rationale = "left empty, as you chose"
    elif kind in ("other_party", "header_value_conflict"):
        keep = answer.option_id == "opt_1"
        field_match.auto_applied = keep and field_match.column is not None
        if not keep:
            field_match.column, field_match.columns = None, []
        field_match.rationale = "confirmed by you" if keep else "left empty, as you chose"
    elif kind == "date_order":
        field_match.hints["date_order"] = "DMY" if answer.option_id == "opt_1" else "MDY"
    elif kind == "enum_values":
        value_map = dict(field_match.hints.get("value_map", {}))
        unmatched = field_match.hints.get("unmatched_values", [])
        if answer.custom:
            for pair in re.split(r"[,;\n]", answer.custom):
                source, sep, target = pair.partition("=")
                if sep:
                    value_map[source.strip()] = target.strip()
        elif label.startswith("Make"):
            value_map.update({v: _quoted(label) for v in unmatched})
        field_match.hints["value_map"] = value_map
        field_match.hints["unmatched_values"] = [v for v in unmatched if v not in value_map]


def _quoted(label: str) -> str | None:
    found = re.search(r"'([^']*)'", label)
    return found.group(1) if found else None


def _draft(ctx: StepContext, plan: dict[str, Any]) -> PreviewDraft:
    """The preview of a plan: mappings, unmapped columns and the first rows with source values as mapped."""
    from ferry.agent import SheetMatch

    files = {f.file_id: f for f in ctx.ready_files()}
    templates = {t.sheet_id: t for t in ctx.migration.templates}
    mappings: list[dict[str, Any]] = []
    unmapped: list[dict[str, Any]] = []
    sheets: list[dict[str, Any]] = []
    recipe_templates: list[dict[str, Any]] = []
    summary: list[str] = []
    for entry in plan["templates"]:
        template, file = templates.get(entry["sheet_id"]), files.get(entry["file_id"])
        if template is None or file is None:
            raise StepFailed("A file or template changed while the run was planning; start the run again.")
        match = SheetMatch.model_validate(entry["match"])
        source = {"file_id": file.file_id, "sheet_id": entry["source_sheet_id"]}
        fields: dict[str, Any] = {}
        for fm in match.matches:
            applied = fm.auto_applied and bool(fm.columns)
            fields[fm.field] = {"columns": fm.columns, **({"hints": fm.hints} if fm.hints else {})} if applied else None
            mapping: dict[str, Any] = {
                "template": template.name,
                "field": fm.field,
                "source": {**source, "column": fm.columns[0]} if applied else None,
                "confidence": round(fm.confidence, 4) if applied else 0.0,
                "rationale": fm.rationale,
            }
            if applied and len(fm.columns) > 1:
                mapping["sources"] = [{**source, "column": c} for c in fm.columns]
            if applied and fm.hints:
                mapping["transform"] = fm.hints
            mappings.append(mapping)
        unmapped += [{**source, "column": c} for c in match.unmapped_columns]
        recipe_templates.append({"sheet_id": template.sheet_id, "source": source, "fields": fields})
        ctx.progress(f"Reading sample rows of {file.filename} for {template.name}.")
        sheets.append(_sample_sheet(ctx, file, entry["source_sheet_id"], template, fields))
        mapped = sum(1 for f in fields.values() if f)
        summary.append(f"{template.name}: {mapped} of {len(fields)} fields mapped from {file.filename}.")
    summary.append("Sample rows show the source values as mapped; the import engine applies transforms and checks.")
    return PreviewDraft(
        summary=" ".join(summary),
        recipe={"version": 1, "templates": recipe_templates},
        mappings=mappings,
        unmapped_columns=unmapped,
        sheets=sheets,
    )


def _sample_sheet(
    ctx: StepContext, file: FileRecord, sheet_id: str, template: Template, fields: dict[str, Any]
) -> dict[str, Any]:
    from ferry.ingest import iter_rows

    manifest = ctx.manifest(file)
    sheet: SheetManifest = next(s for s in manifest.sheets if s.sheet_id == sheet_id)
    index = {name: i for i, name in enumerate(sheet.column_names)}
    rows: list[dict[str, str | None]] = []
    with tempfile.TemporaryDirectory(prefix="ferry-preview-") as tmp:
        path = Path(tmp) / "source"
        if not ctx.blobs.download(file.upload_key, path, etag=file.etag):
            raise StepFailed(f"The file {file.filename} changed while the run was planning; start the run again.")
        for raw in islice(iter_rows(path, manifest, sheet_id), SAMPLE_ROWS):
            row: dict[str, str | None] = {}
            for key, spec in fields.items():
                cells = [raw[index[c]] for c in (spec or {}).get("columns", []) if c in index]
                row[key] = next((c for c in cells if c), None) if cells else None
            rows.append(row)
    return {
        "templateName": template.name,
        "sheetId": template.sheet_id,
        "columns": [f.key for f in template.fields],
        "rows": rows,
        "errors": [],
        "rowCount": sheet.row_count,
        "invalidRowCount": None,  # not checked until the engine runs the recipe
    }


def _describe_mapping(mapping: dict[str, Any]) -> str:
    source = mapping.get("source")
    if not source:
        return f"{mapping['field']} is not mapped ({mapping.get('rationale') or 'no matching column'})."
    return (
        f"{mapping['field']} comes from the column '{source['column']}' "
        f"(confidence {mapping.get('confidence', 0):.2f}: {mapping.get('rationale') or 'matched'})."
    )


def _words(text: str) -> set[str]:
    return {w for w in re.split(r"[^a-z0-9]+", text.lower()) if len(w) > 2}
