"""What each step of a company import *does* (the import state machine's seam, like ferry.runs.steps for runs):

    execute_import(ctx) -> outcome          replay the migration's recipe (the preview version the import
                                            pinned; on its `file_ids` or freshly extracted files) into round 0
                                            and review it: "review" when flagged groups are open, else "clean"
    apply_decision(ctx, index) -> outcome   apply the `index`-th decision's patch to the current round,
                                            giving the next round, and review it again
    commit_import(ctx)                      the clean round is the import: completed with its report
    discard_import(ctx)                     drop every round and export (the failure path)

A round's output rows (Parquet parts) live under `runs/<run>/rounds/<n>/<sheet_id>/`, so a retried step
rewrites its own round from the previous one and can never patch twice; the CSV exports (`valid`,
`invalid`) are rewritten for every round, and `all` is built from the last round when first asked for.
What the steps share (the current round, the replayed recipe, the review, the report) is the run's `import`
state document.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field

from ferry.aws.dynamo import FileRecord
from ferry.aws.s3 import export_key, export_prefix, run_key
from ferry.core.domain import Template
from ferry.core.outcomes import CredentialRequest, StepFailed
from ferry.imports.review import Group, IssueCount, PatchAction, Review, build_review
from ferry.runs.steps import StepContext, recipe_of, run_recipe

if TYPE_CHECKING:
    from ferry.recipe import Recipe

Outcome = Literal["review", "clean"]
NOTHING_IMPORTED = "Nothing was imported."
_STATE = "import"
_PARQUET = "application/vnd.apache.parquet"


class PatchTotals(BaseModel):
    """What every patch so far did, added up (the report's `patches`)."""

    cells_set: int = 0
    rows_deleted: int = 0
    duplicates_dropped: int = 0


class ImportState(BaseModel):
    """The import's working state between its steps."""

    round: int
    recipe: dict[str, Any]
    parts: dict[str, list[str]] = Field(description="Per sheet_id, the current round's part names.")
    source_parts: dict[str, list[str]] = Field(default_factory=dict)
    report: dict[str, Any]
    review: Review | None = None
    kept: list[Group] = Field(default_factory=list)
    totals: PatchTotals = Field(default_factory=PatchTotals)
    results: dict[str, dict[str, int]] = Field(default_factory=dict, description="Per decision index, what it did.")


def round_prefix(run_id: str, round_no: int, sheet_id: str) -> str:
    """Where one round's output parts of one template are stored."""
    return run_key(run_id, f"rounds/{round_no}/{sheet_id}/")


def sources_prefix(run_id: str, sheet_id: str) -> str:
    """Where the per-row source hashes of one template are stored (the report's source profile)."""
    return run_key(run_id, f"sources/{sheet_id}/")


def load_state(ctx: StepContext) -> ImportState:
    """The import's working state (StepFailed when it is gone)."""
    data = ctx.load_state(_STATE)
    if data is None:
        raise StepFailed("The import lost its working state. " + NOTHING_IMPORTED)
    return ImportState.model_validate(data)


# ------------------------------------------------------------------------------------------ the steps


def execute_import(ctx: StepContext) -> Outcome:
    """Run the pinned recipe over the import's files into round 0, then review the flagged groups."""
    from ferry.engine import output_parts
    from ferry.imports.patches import find_issues

    recipe = _replayed_recipe(ctx)
    templates = _templates_of(ctx, recipe)
    with tempfile.TemporaryDirectory(prefix="ferry-import-") as tmp:
        result, _ = run_recipe(ctx, recipe, Path(tmp), keep_source_hashes=True)
        issues = [i for t in templates for i in find_issues(t, result.outputs[t.sheet_id])]
        review = build_review(templates, issues, set())
        ctx.progress(f"Saving the checked rows: {result.report['totalRows']:,}.")
        parts: dict[str, list[str]] = {}
        for template in templates:
            directory = result.outputs[template.sheet_id]
            parts[template.sheet_id] = [p.name for p in output_parts(directory)]
            _upload_round(ctx, 0, template.sheet_id, directory)
        source_parts: dict[str, list[str]] = {}
        if review is not None:  # only a patch needs them: the profile of the rows a patch leaves
            for tr in recipe.templates:
                hashes = result.outputs[tr.sheet_id] / "sources"
                source_parts[tr.sheet_id] = _upload_dir(ctx, sources_prefix(ctx.run.run_id, tr.sheet_id), hashes)
    state = ImportState(
        round=0,
        recipe=recipe.model_dump(mode="json", by_alias=True),
        parts=parts,
        source_parts=source_parts,
        report=import_report(result.report, issues, PatchTotals()),
        review=review,
    )
    ctx.save_state(_STATE, state.model_dump(mode="json"))
    return "review" if review is not None else "clean"


def apply_decision(ctx: StepContext, index: int) -> tuple[Outcome, dict[str, int] | None]:
    """Apply the `index`-th decision's patch (1-based) to the current round into round `index`, and review
    it again; with what the patch did (a retried step finds it applied already and says the same)."""
    from ferry.engine.report import build_report
    from ferry.imports.patches import PatchCounts, apply_patch, find_issues
    from ferry.recipe import Recipe

    state = load_state(ctx)
    if state.round >= index:  # a retried step: this patch is applied already
        return ("review" if state.review is not None else "clean"), state.results.get(str(index))
    decisions = ctx.run.decisions or []
    if len(decisions) < index or decisions[index - 1].get("decision") != "approve":
        raise StepFailed("The import lost the decision it was resuming with. " + NOTHING_IMPORTED)
    actions = [PatchAction.model_validate(a) for a in decisions[index - 1].get("patch", [])]
    recipe = Recipe.model_validate(state.recipe)
    templates = _templates_of(ctx, recipe)
    ctx.progress("Applying your decision to the flagged rows.")
    counts = PatchCounts()
    stats = []
    issues = []
    parts: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory(prefix="ferry-patch-") as tmp:
        for tr, template in zip(recipe.templates, templates, strict=True):
            rows_dir = Path(tmp) / "in" / tr.sheet_id
            sources_dir = Path(tmp) / "sources" / tr.sheet_id
            _download_parts(ctx, round_prefix(ctx.run.run_id, state.round, tr.sheet_id), state.parts[tr.sheet_id],
                            rows_dir / "rows")  # fmt: skip
            _download_parts(ctx, sources_prefix(ctx.run.run_id, tr.sheet_id), state.source_parts.get(tr.sheet_id, []),
                            sources_dir)  # fmt: skip
            dest = Path(tmp) / "out" / tr.sheet_id
            outcome = apply_patch(template, tr, rows_dir, sources_dir, actions, dest)
            counts.add(outcome.counts)
            stats.append(outcome.stats)
            issues += find_issues(template, dest)
            parts[tr.sheet_id] = _upload_round(ctx, index, tr.sheet_id, dest)
    kept: set[Group] = {(g[0], g[1], g[2]) for g in state.kept} | {a.group for a in actions if a.action == "keep"}
    review = build_review(templates, issues, kept)
    totals = PatchTotals(
        cells_set=state.totals.cells_set + counts.cells_set,
        rows_deleted=state.totals.rows_deleted + counts.rows_deleted,
        duplicates_dropped=state.totals.duplicates_dropped + counts.duplicates_dropped,
    )
    report = import_report(_with_unread(build_report(stats), state.report), issues, totals)
    # The report's `patches` spelling: one spelling per concept.
    result = {"cellsSet": counts.cells_set, "rowsDeleted": counts.rows_deleted,
              "duplicatesDropped": counts.duplicates_dropped}  # fmt: skip
    state = state.model_copy(
        update={"round": index, "parts": parts, "report": report, "review": review, "kept": sorted(kept),
                "totals": totals, "results": {**state.results, str(index): result}}
    )  # fmt: skip
    ctx.save_state(_STATE, state.model_dump(mode="json"))
    return ("review" if review is not None else "clean"), result


def commit_import(ctx: StepContext, state: ImportState) -> None:
    """After the import completed (its bookmarks moved on just before): drop the rounds it no longer needs."""
    for sheet_id in state.parts:
        for old in range(state.round):
            ctx.blobs.delete_prefix(round_prefix(ctx.run.run_id, old, sheet_id))
        ctx.blobs.delete_prefix(sources_prefix(ctx.run.run_id, sheet_id))


def discard_import(ctx: StepContext) -> None:
    """Drop whatever this import staged (every round, the source hashes, the exports): nothing imported."""
    ctx.blobs.delete_prefix(run_key(ctx.run.run_id, "rounds/"))
    ctx.blobs.delete_prefix(run_key(ctx.run.run_id, "sources/"))
    ctx.blobs.delete_prefix(export_prefix(ctx.run.run_id))


def _with_unread(report: dict[str, Any], previous: dict[str, Any] | None) -> dict[str, Any]:
    """A patch pass rereads only the imported columns: the source columns the import leaves out (`output`
    null, warnings with `sourceColumn`) stay in the profile as the first pass found them."""
    profile, before = report.get("profile"), (previous or {}).get("profile")
    if not isinstance(profile, dict) or not isinstance(before, dict):
        return report
    profile["columns"] += [c for c in before.get("columns", []) if c.get("output") is None]
    profile["warnings"] += [w for w in before.get("warnings", []) if "sourceColumn" in w]
    return report


def import_report(report: dict[str, Any], issues: list[IssueCount], totals: PatchTotals) -> dict[str, Any]:
    """The execute report, plus what is still flagged per group (`invalidCells`) and what patches did."""
    return {
        **report,
        "invalidCells": [
            {"sheetId": i.sheet_id, "column": i.column, "error": i.rule, "count": i.count} for i in issues if i.count
        ],
        "patches": {
            "cellsSet": totals.cells_set,
            "rowsDeleted": totals.rows_deleted,
            "duplicatesDropped": totals.duplicates_dropped,
        },
    }


# ------------------------------------------------------------------------------------------ the recipe


def _replayed_recipe(ctx: StepContext) -> Recipe:
    """The preview version the import pinned, reading the import's files: its `file_ids`, or what
    `extract_via_api` extracted now, or (neither) the files the recipe was made from."""
    version = ctx.run.recipe_version
    preview = ctx.store.get_preview(ctx.migration.migration_id, version) if version is not None else None
    if preview is None:
        raise StepFailed("The preview this import replays no longer exists. " + NOTHING_IMPORTED)
    if preview.body_key:
        preview = preview.model_copy(update={"body": ctx.blobs.get_json(preview.body_key) or {}})
    recipe = recipe_of(preview.body, ctx.migration.templates)
    if ctx.run.file_ids:
        files = [ctx.store.get_file(ctx.migration.migration_id, file_id) for file_id in ctx.run.file_ids]
        ready = [f for f in files if f is not None and f.status == "ready"]
        if len(ready) != len(files):
            raise StepFailed("A file of this import was deleted or replaced. " + NOTHING_IMPORTED)
        return _on_files(ctx, recipe, ready)
    if ctx.run.extract_via_api:
        return _on_extracted_files(ctx, recipe)
    return recipe


def _source_files(recipe: Recipe) -> list[str]:
    seen: list[str] = []
    for tr in recipe.templates:
        if tr.source.file_id not in seen:
            seen.append(tr.source.file_id)
    return seen


def _on_files(ctx: StepContext, recipe: Recipe, files: list[FileRecord]) -> Recipe:
    """The recipe reading `files` instead of its own: one file for every source, or one per source in order.

    Each template reads the sheet of the same id in its new file, else its only sheet, else the sheet of the
    same name."""
    from ferry.recipe import Recipe

    originals = _source_files(recipe)
    if len(files) not in (1, len(originals)):
        raise StepFailed(
            f"The recipe reads {len(originals)} files; give one file, or {len(originals)} in the same order. "
            + NOTHING_IMPORTED
        )
    by_original = {old: files[0 if len(files) == 1 else n] for n, old in enumerate(originals)}
    data = recipe.model_dump(mode="json", by_alias=True)
    for tr in data["templates"]:
        old_file = ctx.store.get_file(ctx.migration.migration_id, tr["source"]["file_id"])
        new_file = by_original[tr["source"]["file_id"]]
        sheets = ctx.manifest(new_file).sheets
        old_name = next(
            (s.name for s in (old_file.sheets or []) if s.sheet_id == tr["source"]["sheet_id"]), None
        ) if old_file else None  # fmt: skip
        sheet = (
            next((s for s in sheets if s.sheet_id == tr["source"]["sheet_id"]), None)
            or (sheets[0] if len(sheets) == 1 else None)
            or next((s for s in sheets if s.name == old_name), None)
        )
        if sheet is None:
            raise StepFailed(f"{new_file.filename} has no sheet like the one the recipe reads. " + NOTHING_IMPORTED)
        tr["source"] = {"file_id": new_file.file_id, "sheet_id": sheet.sheet_id}
    return Recipe.model_validate(data)


def _on_extracted_files(ctx: StepContext, recipe: Recipe) -> Recipe:
    """Extract the migration's connections now and read the new files in place of the recipe's, matched by
    file name (each stream's file keeps its name); templates whose stream brought nothing new are left out."""
    from ferry.recipe import Recipe
    from ferry.runs.steps import extract_connections

    extracted = extract_connections(ctx)
    if isinstance(extracted, CredentialRequest):
        raise StepFailed(
            f"The {extracted.source_key} connection has no working credentials; send them through a generate run "
            "with extract_via_api, then import again. " + NOTHING_IMPORTED
        )
    by_name = {f.filename: f for f in extracted}
    data = recipe.model_dump(mode="json", by_alias=True)
    kept = []
    for tr in data["templates"]:
        old = ctx.store.get_file(ctx.migration.migration_id, tr["source"]["file_id"])
        new = by_name.get(old.filename) if old else None
        if new is None:
            ctx.progress(f"No new records for template {tr['sheet_id']}.")
            continue
        tr["source"]["file_id"] = new.file_id
        kept.append(tr)
    if not kept:
        raise StepFailed("The connection gave no new records to import. " + NOTHING_IMPORTED)
    return Recipe.model_validate({**data, "templates": kept})


def _templates_of(ctx: StepContext, recipe: Recipe) -> list[Template]:
    """The migration's templates the recipe fills, in the recipe's order."""
    by_id = {t.sheet_id: t for t in ctx.migration.templates}
    missing = [tr.sheet_id for tr in recipe.templates if tr.sheet_id not in by_id]
    if missing:
        raise StepFailed(f"The migration no longer has the template {missing[0]!r}. " + NOTHING_IMPORTED)
    return [by_id[tr.sheet_id] for tr in recipe.templates]


# ------------------------------------------------------------------------------------------ storage


def final_part_keys(ctx: StepContext, sheet_id: str) -> list[str]:
    """The keys of a completed import's output row parts of one template (its last round), in row order."""
    state = load_state(ctx)
    prefix = round_prefix(ctx.run.run_id, state.round, sheet_id)
    return [prefix + name for name in state.parts.get(sheet_id, [])]


def _upload_round(ctx: StepContext, round_no: int, sheet_id: str, directory: Path) -> list[str]:
    """Store a template's output of one round (parts under the round, the `valid` and `invalid` exports under
    the run; `all` is built from the last round's parts when first asked for); the parts."""
    from ferry.engine.csv_export import EXECUTE_EXPORTS

    names = _upload_dir(ctx, round_prefix(ctx.run.run_id, round_no, sheet_id), directory / "rows")
    for name in EXECUTE_EXPORTS:
        ctx.blobs.upload_file(
            export_key(ctx.run.run_id, sheet_id, name), directory / f"{name}.csv", "text/csv; charset=utf-8"
        )
    return names


def _upload_dir(ctx: StepContext, prefix: str, directory: Path) -> list[str]:
    names = []
    for part in sorted(directory.glob("part-*.parquet")):
        ctx.blobs.upload_file(prefix + part.name, part, _PARQUET)
        names.append(part.name)
    return names


def _download_parts(ctx: StepContext, prefix: str, names: list[str], directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for name in names:
        if not ctx.blobs.download(prefix + name, directory / name):
            raise StepFailed("Part of the checked rows is no longer stored. " + NOTHING_IMPORTED)
