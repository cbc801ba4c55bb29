"""The run and import state machines' tasks: one entry point, dispatching on the event's `step`.

Each task loads the run, reports progress, calls the step seam (ferry.runs.steps) and hands the result to
the lifecycle (ferry.runs.lifecycle). Every task is safe to retry: outputs go to fixed keys per run, and status
changes are conditional. Errors reach Step Functions by class name: TransientStepError is retried,
StepFailed carries the plain-language reason the run shows, anything else fails the run generically.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ferry.aws.clients import transient_error_code
from ferry.aws.dynamo import RunRecord, company_scope, migration_scope
from ferry.aws.s3 import run_key
from ferry.core.observability import logger
from ferry.core.outcomes import (
    Answer,
    CredentialRequest,
    Question,
    RunNoLongerActive,
    StepFailed,
    StepOutcome,
    TransientStepError,
)
from ferry.imports import steps as import_steps
from ferry.runs import lifecycle as runs
from ferry.runs import scaleout, steps
from ferry.runs.lifecycle import Lifecycle
from ferry.runs.thread import post_event

# Attempts per task, the first included; statemachines/*.asl.json retry MAX_ATTEMPTS - 1 times.
MAX_ATTEMPTS = 5
NOTHING_IMPORTED = "Nothing was imported."

Task = Callable[[Lifecycle, RunRecord, dict[str, Any]], dict[str, Any]]


def handle(event: dict[str, Any]) -> dict[str, Any]:
    """Run one task of a run's (or an import's) execution; the state machine puts the answer in its state."""
    step = str(event.get("step"))
    ref = event["run"]
    logger.append_keys(run_id=ref["run_id"], migration_id=ref["migration_id"], step=step)
    lc = Lifecycle()
    try:
        if step == "start":
            runs.mark_running(lc, scope_of(ref), ref["run_id"])
            return {}
        if step == "fail":
            return _fail(lc, ref, event)
        if step == "build_export":  # not a state machine task: the API invokes it for a completed run
            return _build_export(lc, ref, event)
        run = lc.store.get_run(scope_of(ref), ref["run_id"])
        if run is None or not run.is_active:
            raise RunNoLongerActive(ref["run_id"])
        attempt = int(event.get("attempt") or 0)
        if attempt and step not in ("park", "import_park"):
            runs.post_progress(lc, run, f"Retrying (attempt {attempt + 1} of {MAX_ATTEMPTS}).")
        return _TASKS[step](lc, run, event)
    except Exception as exc:
        code = transient_error_code(exc)
        if code is None:
            raise
        raise TransientStepError(code) from exc
    finally:
        logger.remove_keys(["run_id", "migration_id", "step"])


def scope_of(ref: dict[str, Any]) -> str:
    """The scope of the run an execution's input names: the company's for an import, else the migration's."""
    if ref.get("company_id"):
        return company_scope(str(ref["account_id"]), str(ref["company_id"]))
    return migration_scope(str(ref["migration_id"]))


# ------------------------------------------------------------------------------------------ tasks


def _generate(lc: Lifecycle, run: RunRecord, event: dict[str, Any]) -> dict[str, Any]:
    return _outcome(lc, run, steps.generate(_context(lc, run)))


def _resume(lc: Lifecycle, run: RunRecord, event: dict[str, Any]) -> dict[str, Any]:
    if event.get("resumed_with") == "credentials":  # the credentials are stored: extract and plan again
        return _outcome(lc, run, steps.generate(_context(lc, run)))
    answers = [Answer.model_validate(a) for a in event.get("answers") or []]
    return _outcome(lc, run, steps.resume_with_answers(_context(lc, run), answers))


def _update(lc: Lifecycle, run: RunRecord, event: dict[str, Any]) -> dict[str, Any]:
    return _outcome(lc, run, steps.update(_context(lc, run), run.instruction or ""))


def _park(lc: Lifecycle, run: RunRecord, event: dict[str, Any]) -> dict[str, Any]:
    questions = [Question.model_validate(q) for q in event.get("questions") or []]
    request = event.get("credential_request")
    credential_request = CredentialRequest.model_validate(request) if request else None
    runs.park_run(lc, run, str(event["task_token"]), questions, credential_request)
    return {}


def _write_preview(lc: Lifecycle, run: RunRecord, event: dict[str, Any]) -> dict[str, Any]:
    data = lc.blobs.get_json(run_key(run.run_id, "draft.json"))
    if data is None:
        raise StepFailed("The run lost its draft preview; start the run again.")
    from ferry.core.outcomes import PreviewDraft

    version = runs.finish_with_preview(lc, run, PreviewDraft.model_validate(data))
    return {"preview_version": version}


def _clarify(lc: Lifecycle, run: RunRecord, event: dict[str, Any]) -> dict[str, Any]:
    reply = steps.clarify(_context(lc, run), run.instruction or "")
    post_event(lc.store, run.run_id, "reply", reply, dedup_key="clarify:reply")
    runs.complete_run(lc, run)
    return {}


def _execute(lc: Lifecycle, run: RunRecord, event: dict[str, Any]) -> dict[str, Any]:
    """Execute in this invocation, or (a source above FERRY_CHUNK_ROWS) split it into parts for the
    Distributed Map: `parts` 0 means done here, else the map's manifest and concurrency."""
    context = _context(lc, run)
    plan = scaleout.plan_parts(context)
    if plan is not None:
        return plan
    report = steps.execute(context)
    lc.blobs.put_json(run_key(run.run_id, "report.json"), report)
    return {"parts": 0, "manifest": None, "max_concurrency": 1}


def _build_export(lc: Lifecycle, ref: dict[str, Any], event: dict[str, Any]) -> dict[str, Any]:
    """Build an export of a completed execute run or import that the execute did not write (`all`):
    `{"size": bytes}` once it is stored (ferry.runs.exports waits for it)."""
    run = lc.store.get_run(scope_of(ref), ref["run_id"])
    if run is None or run.status != "completed" or run.kind not in ("execute", "import"):
        raise StepFailed("Only a completed execute run or import can be exported.")
    context, sheet_id = _context(lc, run), str(event["sheet_id"])
    if run.kind == "import":
        keys = import_steps.final_part_keys(context, sheet_id)  # its last round
    else:
        keys = steps.output_part_keys(context, sheet_id)
    return {"size": steps.build_export(context, sheet_id, keys, event.get("export") or "all")}


def _check_part(lc: Lifecycle, run: RunRecord, event: dict[str, Any]) -> dict[str, Any]:
    scaleout.check_part(_context(lc, run), dict(event["part"]))
    return {}


def _decide_parts(lc: Lifecycle, run: RunRecord, event: dict[str, Any]) -> dict[str, Any]:
    scaleout.decide_parts(_context(lc, run))
    return {}


def _write_part(lc: Lifecycle, run: RunRecord, event: dict[str, Any]) -> dict[str, Any]:
    scaleout.write_part(_context(lc, run), dict(event["part"]))
    return {}


def _assemble_parts(lc: Lifecycle, run: RunRecord, event: dict[str, Any]) -> dict[str, Any]:
    report = scaleout.assemble_parts(_context(lc, run))
    lc.blobs.put_json(run_key(run.run_id, "report.json"), report)
    return {}


def _commit(lc: Lifecycle, run: RunRecord, event: dict[str, Any]) -> dict[str, Any]:
    report = lc.blobs.get_json(run_key(run.run_id, "report.json"))
    if not isinstance(report, dict):
        raise StepFailed("The run lost its import report before committing. " + NOTHING_IMPORTED)
    context = _context(lc, run)
    steps.commit(context, report)
    _remember_mappings(context)  # before the run completes, so the next generate already finds them
    # The bookmarks move with the completion only: a failed import must not skip records next time.
    runs.complete_run(lc, run, report, also=steps.bookmark_moves(context))
    _drop_parts(context)
    return {}


def _drop_parts(context: steps.StepContext) -> None:
    """A scale-out execute's checked parts are scratch once the import is committed."""
    try:
        scaleout.drop_parts(context)
    except Exception:
        logger.warning("checked parts not deleted", exc_info=True)


def _remember_mappings(context: steps.StepContext) -> None:
    """The mapping memory is a convenience: failing to record it never fails the import."""
    try:
        kept = steps.remember_confirmed_mappings(context)
    except Exception:
        logger.warning("mapping memory not recorded", exc_info=True)
        return
    if kept:
        logger.info("mapping memory recorded", mapping_count=kept)


def _import_execute(lc: Lifecycle, run: RunRecord, event: dict[str, Any]) -> dict[str, Any]:
    return {"outcome": import_steps.execute_import(_context(lc, run))}


def _import_park(lc: Lifecycle, run: RunRecord, event: dict[str, Any]) -> dict[str, Any]:
    state = import_steps.load_state(_context(lc, run))
    if state.review is None:
        raise StepFailed("The import had nothing to review when it stopped for a decision. " + NOTHING_IMPORTED)
    review = state.review
    runs.park_import(lc, run, str(event["task_token"]), review.model_dump(mode="json"), state.report, review.public())
    return {}


def _import_apply(lc: Lifecycle, run: RunRecord, event: dict[str, Any]) -> dict[str, Any]:
    index = int(event.get("index") or 0)
    outcome, result = import_steps.apply_decision(_context(lc, run), index)
    if result is not None:
        runs.record_decision_result(lc, run, index, result)
    return {"outcome": outcome}


def _import_commit(lc: Lifecycle, run: RunRecord, event: dict[str, Any]) -> dict[str, Any]:
    context = _context(lc, run)
    state = import_steps.load_state(context)
    if state.review is not None:
        raise StepFailed("The import still had flagged rows to decide on when it was committed. " + NOTHING_IMPORTED)
    moves = steps.bookmark_moves(context) if run.extract_via_api else []
    if runs.complete_run(lc, run, state.report, also=moves):
        import_steps.commit_import(context, state)
    return {}


def _fail(lc: Lifecycle, ref: dict[str, Any], event: dict[str, Any]) -> dict[str, Any]:
    """The one failure path: drop anything staged, then set `failed` with a plain reason (if still active).

    An import keeps the report it had (a rejected or timed-out review keeps its invalid-cell report)."""
    run = lc.store.get_run(scope_of(ref), ref["run_id"])
    if run is None:
        return {}
    error = plain_error(event.get("error"))
    migration = lc.store.get_migration(run.account_id, run.migration_id)
    if migration is not None:
        context = steps.StepContext(run, migration, lc.store, lc.blobs, progress=lambda _text: None)
        if run.kind == "import":
            import_steps.discard_import(context)
        else:
            steps.discard(context)
    if run.is_active:
        runs.fail_run(lc, run, error)
    return {}


_TASKS: dict[str, Task] = {
    "generate": _generate,
    "resume": _resume,
    "update": _update,
    "park": _park,
    "write_preview": _write_preview,
    "clarify": _clarify,
    "execute": _execute,
    "check_part": _check_part,
    "decide_parts": _decide_parts,
    "write_part": _write_part,
    "assemble_parts": _assemble_parts,
    "commit": _commit,
    "import_execute": _import_execute,
    "import_park": _import_park,
    "import_apply": _import_apply,
    "import_commit": _import_commit,
}


# ------------------------------------------------------------------------------------------ helpers


def _context(lc: Lifecycle, run: RunRecord) -> steps.StepContext:
    migration = lc.store.get_migration(run.account_id, run.migration_id)
    if migration is None:
        raise RunNoLongerActive(run.run_id)

    def progress(text: str) -> None:
        runs.post_progress(lc, run, text)

    return steps.StepContext(run=run, migration=migration, store=lc.store, blobs=lc.blobs, progress=progress)


def _outcome(lc: Lifecycle, run: RunRecord, outcome: StepOutcome) -> dict[str, Any]:
    """What the state machine routes on: questions and credential requests travel in the state (the
    latter names fields, never values), a draft preview waits in S3."""
    if outcome.preview is not None:
        lc.blobs.put_json(run_key(run.run_id, "draft.json"), outcome.preview.model_dump(mode="json"))
        return {"outcome": "preview", "questions": [], "credential_request": None}
    if outcome.credential_request is not None:
        request = outcome.credential_request.model_dump(mode="json")
        return {"outcome": "credentials", "questions": [], "credential_request": request}
    questions = [q.model_dump(mode="json") for q in outcome.questions]
    return {"outcome": "questions", "questions": questions, "credential_request": None}


def plain_error(error: Any) -> str:
    """The plain-language reason a run failed, from the `$.error` a Catch recorded ({Error, Cause})."""
    if not isinstance(error, dict):
        return "The run stopped unexpectedly. " + NOTHING_IMPORTED
    name, cause = str(error.get("Error", "")), error.get("Cause")
    if name == "StepFailed":
        try:
            message = json.loads(cause or "{}").get("errorMessage")
        except (ValueError, AttributeError):
            message = None
        if isinstance(message, str) and message:
            return message
    if name == "AnswerTimeout":
        return "Nobody answered the run's questions in time, so it stopped. Start the run again to continue."
    if name == "DecisionTimeout":
        return "Nobody decided on the flagged rows in time, so the import stopped. " + NOTHING_IMPORTED
    if name == "Rejected":
        return "You rejected the import, so it stopped. " + NOTHING_IMPORTED
    if name in ("States.Timeout", "States.HeartbeatTimeout"):
        return "A step of the run took too long and was stopped. " + NOTHING_IMPORTED
    if name == "UnknownKind":
        return "The run's kind is not one Ferry knows. " + NOTHING_IMPORTED
    if name == "RunNoLongerActive":
        return "The run was stopped."
    return "Something went wrong on our side while running this step. " + NOTHING_IMPORTED + " Start the run again."
