"""The run lifecycle: start, progress, park, answer, decide, preview, complete, fail, cancel and sweep.

The only code that changes a run's status, for a migration's runs and a company's imports alike. Every
change is a conditional write on the status the run is expected to be in, so a final status
(awaiting_approval, completed, failed, canceled) never changes again and a late write from a dead or
canceled execution changes nothing. Leaving the active statuses releases the scope's lock (the
migration's, or the company's for an import) in the same transaction, and only if the lock names this run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from ferry.aws.dynamo import (
    ACTIVE_STATUSES,
    WAITING_STATUSES,
    IdempotencyRecord,
    MigrationGone,
    PreviewRecord,
    RunKind,
    RunRecord,
    RunStatus,
    Store,
    migration_scope,
)
from ferry.aws.events import EventBus
from ferry.aws.s3 import Blobs, preview_key
from ferry.aws.secrets import Vault
from ferry.aws.stepfunctions import Workflow
from ferry.connections.service import find_connection_by_id, list_migration_connections, store_credentials
from ferry.core.clock import now, now_iso
from ferry.core.config import get_settings
from ferry.core.errors import Conflict, InvalidRequest, NotFound
from ferry.core.ids import has_prefix, new_id
from ferry.core.observability import logger
from ferry.core.outcomes import Answer, CredentialRequest, PreviewDraft, Question, RunNoLongerActive
from ferry.migrations.service import migration_not_found, require_migration
from ferry.runs.thread import post_event

RUN_NOT_FOUND = "Run not found."
TIMED_OUT = "Import timed out"
START_FAILED = "The run could not be started. Nothing was changed; start it again."
ANSWERS_NOT_DELIVERED = "Your answers could not be passed on to the run, so it stopped. Start it again."
ANSWER_TOO_LATE = "The answers came after the run had stopped waiting for them. Start the run again."
DECISION_NOT_DELIVERED = "Your decision could not be passed on to the import, so it stopped. Nothing was imported."
DECISION_TOO_LATE = "The decision came after the import had stopped waiting for it. Nothing was imported."

_STATUS_TEXT: dict[RunStatus, str] = {
    "queued": "Queued.",
    "running": "Running.",
    "blocked": "Waiting for your input.",
    "needs_attention": "Some rows need a decision.",
    "awaiting_approval": "The preview is ready for review.",
    "completed": "Completed.",
    "failed": "Failed.",
    "canceled": "Canceled.",
}


@dataclass
class Lifecycle:
    """The adapters the lifecycle writes through; each defaults to the real one."""

    store: Store = field(default_factory=Store)
    workflow: Workflow = field(default_factory=Workflow)
    import_workflow: Workflow = field(default_factory=lambda: Workflow(machine="import"))
    bus: EventBus = field(default_factory=EventBus)
    blobs: Blobs = field(default_factory=Blobs)
    vault: Vault = field(default_factory=Vault)


# ------------------------------------------------------------------------------------------ reading


def require_run(db: Store, account_id: str, migration_id: str, run_id: str) -> RunRecord:
    """The caller's run of the caller's migration, or the one 404 a missing or foreign run gets."""
    require_migration(db, account_id, migration_id)
    return require_run_in(db, account_id, migration_scope(migration_id), run_id)


def require_run_in(db: Store, account_id: str, scope: str, run_id: str) -> RunRecord:
    """The caller's run of a scope (a migration's or a company's), or the one 404 a missing or foreign run gets."""
    run = db.get_run(scope, run_id) if has_prefix(run_id, "run") else None
    if run is None or run.account_id != account_id:
        raise NotFound(RUN_NOT_FOUND)
    return run


def active_run(db: Store, account_id: str, migration_id: str) -> RunRecord | None:
    """The run holding the migration's lock, if any."""
    require_migration(db, account_id, migration_id)
    return active_run_in(db, migration_scope(migration_id))


def active_run_in(db: Store, scope: str) -> RunRecord | None:
    """The run holding a scope's lock, if any."""
    run_id = db.get_active_run_id(scope)
    run = db.get_run(scope, run_id) if run_id else None
    return run if run is not None and run.is_active else None


def list_runs(
    db: Store, account_id: str, migration_id: str, limit: int, cursor: str | None
) -> tuple[list[RunRecord], str | None]:
    """One page of the migration's runs, newest first."""
    require_migration(db, account_id, migration_id)
    return db.list_runs(migration_scope(migration_id), limit, cursor)


# ------------------------------------------------------------------------------------------ starting


def start_run(
    lc: Lifecycle,
    account_id: str,
    migration_id: str,
    *,
    kind: RunKind,
    instruction: str | None = None,
    extract_via_api: bool = False,
) -> RunRecord:
    """Validate per the contract, take the migration's lock with the new run, then start its execution."""
    db = lc.store
    migration = require_migration(db, account_id, migration_id)
    instruction = instruction.strip() if instruction else None
    if kind in ("update", "clarify") and not instruction:
        raise InvalidRequest(f"A {kind} run needs a `message` saying what to do.", param="message")
    if kind == "generate" and not any(f.status == "ready" for f in db.list_files(migration_id)):
        if not extract_via_api:
            raise InvalidRequest(
                "Upload at least one file and wait until it is ready before generating.", code="no_ready_files"
            )
        if not list_migration_connections(db, account_id, migration_id):
            raise InvalidRequest(
                "This migration has no connection to extract from and no ready files.", code="no_ready_files"
            )
    scope = migration_scope(migration_id)
    holder = db.get_active_run_id(scope)
    if holder and not _free_if_final(db, scope, holder):
        raise _run_in_progress(db, scope, holder)
    if not migration.templates:
        raise Conflict("Add templates to the migration before starting a run.", code="templates_required")
    if kind != "generate" and migration.preview_version is None:
        raise Conflict(f"A {kind} run needs a preview; run generate first.", code="preview_required")

    timestamp = now_iso()
    run_id = new_id("run")
    record = RunRecord(
        account_id=account_id,
        migration_id=migration_id,
        run_id=run_id,
        kind=kind,
        status="queued",
        instruction=instruction,
        extract_via_api=extract_via_api,
        execution_arn=execution_arn(lc.workflow.state_machine_arn, run_id),
        heartbeat_at=timestamp,
        created_at=timestamp,
        updated_at=timestamp,
    )
    _create_holding_lock(db, record)
    logger.info("run created", run_id=run_id, migration_id=migration_id, kind=kind)
    _announce(lc, record, None, "queued")
    limits = {"answer_timeout_seconds": get_settings().run_answer_timeout_seconds}
    _start_execution(lc, lc.workflow, record, limits)
    return record


def start_import(lc: Lifecycle, record: RunRecord, key_hash: str, request_hash: str) -> RunRecord | IdempotencyRecord:
    """Create a queued import holding its company's lock and claim its idempotency key, in one transaction,
    then start its execution on the import state machine.

    Returns the key's IdempotencyRecord instead when the key was used first (by a concurrent request too);
    409 with the holder's run_id while another import of the company is active.
    """
    used_for = IdempotencyRecord(run_id=record.run_id, request_hash=request_hash, created_at=record.created_at)
    earlier = _create_holding_lock(lc.store, record, (key_hash, used_for))
    if earlier is not None:
        return earlier
    logger.info("import created", run_id=record.run_id, migration_id=record.migration_id)
    _announce(lc, record, None, "queued")
    limits = {"decision_timeout_seconds": get_settings().import_decision_timeout_seconds}
    _start_execution(lc, lc.import_workflow, record, limits)
    return record


def _create_holding_lock(
    db: Store, record: RunRecord, idempotency: tuple[str, IdempotencyRecord] | None = None
) -> IdempotencyRecord | None:
    """Write the run with its scope's lock (409 naming the holder when another run holds it)."""
    scope = record.scope
    for _ in range(3):  # only a holder that lets go between our read and our write makes us go round
        outcome = db.create_run(record, idempotency)
        if isinstance(outcome, MigrationGone):  # deleted since it was read: nothing was written
            raise migration_not_found()
        if outcome is None or isinstance(outcome, IdempotencyRecord):
            return outcome
        if outcome and not _free_if_final(db, scope, outcome):
            raise _run_in_progress(db, scope, outcome)
    raise _run_in_progress(db, scope, db.get_active_run_id(scope))


def _start_execution(lc: Lifecycle, workflow: Workflow, record: RunRecord, limits: dict[str, int]) -> None:
    ref = {"run_id": record.run_id, "migration_id": record.migration_id, "account_id": record.account_id,
           "kind": record.kind}  # fmt: skip
    if record.company_id is not None:
        ref["company_id"] = record.company_id
    try:
        workflow.start(record.run_id, {"run": ref, "limits": limits})
    except Exception:
        logger.exception("execution did not start", run_id=record.run_id)
        fail_run(lc, record, START_FAILED)
        raise


def execution_arn(state_machine_arn: str, run_id: str) -> str:
    """The ARN Step Functions gives the execution named `run_id` (known before it starts)."""
    return state_machine_arn.replace(":stateMachine:", ":execution:", 1) + ":" + run_id


def _free_if_final(db: Store, scope: str, holder: str) -> bool:
    """Release a lock left behind by a run that is no longer active (a crash between two writes)."""
    run = db.get_run(scope, holder)
    if run is not None and run.is_active:
        return False
    released = db.release_lock(scope, holder)
    if released:
        logger.warning("released a lock held by a finished run", scope=scope, run_id=holder)
    return True


def _run_in_progress(db: Store, scope: str, holder: str | None) -> Conflict:
    run = db.get_run(scope, holder) if holder else None
    if run is not None and run.kind == "import":
        return Conflict("An import is already in progress for this company.", code="import_in_progress", run_id=holder)
    what = f"A {run.kind} run" if run else "A run"
    return Conflict(f"{what} is already in progress.", code="run_in_progress", run_id=holder)


# ------------------------------------------------------------------------------------------ the steps' side


def mark_running(lc: Lifecycle, scope: str, run_id: str) -> RunRecord:
    """The execution has started: queued -> running (a retried start is a heartbeat)."""
    run = _load_active(lc.store, scope, run_id)
    if run.status == "queued" and _change(lc, run, ("queued",), "running", {"message": "Starting."}):
        return _load_active(lc.store, scope, run_id)
    if run.status in WAITING_STATUSES:
        raise RunNoLongerActive(run_id)
    post_progress(lc, run, "Starting.")
    return run


def post_progress(lc: Lifecycle, run: RunRecord, text: str, dedup_key: str | None = None) -> None:
    """Show a human progress message on the run and its thread, and record a heartbeat.

    Raises RunNoLongerActive once the run was canceled or swept, so the step stops working.
    """
    if not lc.store.touch_run(run.scope, run.run_id, now_iso(), message=text):
        raise RunNoLongerActive(run.run_id)
    post_event(lc.store, run.run_id, "progress", text, dedup_key=dedup_key)


def park_run(
    lc: Lifecycle,
    run: RunRecord,
    task_token: str,
    questions: list[Question],
    credential_request: CredentialRequest | None = None,
) -> None:
    """Store the wait's task token and what the run waits for (questions, or a connection's credentials),
    and set the run `blocked`.

    A retried park (Step Functions hands every attempt a fresh token) replaces the stored token.
    """
    stored = [q.model_dump(mode="json") for q in questions]
    request = credential_request.model_dump(mode="json") if credential_request else None
    changes: dict[str, Any] = {"questions": stored or None, "credential_request": request, "message": None}
    if not _change(lc, run, ("running", "blocked"), "blocked", changes, task_token=task_token):
        raise RunNoLongerActive(run.run_id)
    if run.status == "running":  # a retried park of an already blocked run has said it once
        if request is not None:
            text = f"The {request['source_key']} connection needs credentials: {', '.join(request['fields'])}."
            post_event(lc.store, run.run_id, "credential_request", text, data={"credential_request": request})
        else:
            noun = "question needs" if len(questions) == 1 else "questions need"
            text = f"{len(questions)} {noun} an answer."
            # The poll's spelling (QuestionPublic), not the stored one: one spelling per concept.
            post_event(lc.store, run.run_id, "question", text, data={"questions": [q.public() for q in questions]})
    logger.info("run parked", run_id=run.run_id, question_count=len(questions), credential_request=request is not None)


def answer_run(
    lc: Lifecycle, account_id: str, migration_id: str, run_id: str, answers: list[Answer], message: str | None
) -> RunRecord:
    """Resume a run blocked on questions with answers: validate them, take the token (only one caller can),
    then send it to Step Functions exactly once."""
    db = lc.store
    run = require_run(db, account_id, migration_id, run_id)
    if run.status != "blocked" or run.credential_request is not None:
        raise _not_blocked(run, "answers")
    questions = [Question.model_validate(q) for q in run.questions or []]
    labels = validate_answers(questions, answers)
    dumped = [a.model_dump(exclude_none=True) for a in answers]
    return _resume_blocked(
        lc,
        run,
        waiting_for="answers",
        message="Resuming with your answers.",
        event=("answer", "; ".join(labels), {"answers": dumped}),
        output={"answers": dumped, "message": message, "resumed_with": "answers"},
    )


def provide_credentials(
    lc: Lifecycle,
    account_id: str,
    migration_id: str,
    run_id: str,
    connection_id: str | None,
    credentials: dict[str, Any],
) -> RunRecord:
    """Answer a run's credential request: check and store the credentials (400 and nothing stored when they
    are refused), then take the token and resume the run exactly once, like answers."""
    db = lc.store
    run = require_run(db, account_id, migration_id, run_id)
    request = CredentialRequest.model_validate(run.credential_request) if run.credential_request else None
    if run.status != "blocked" or request is None:
        raise _not_blocked(run, "credentials")
    if connection_id is not None and connection_id != request.connection_id:
        raise InvalidRequest(
            f"The run is waiting for the credentials of connection `{request.connection_id}`.", param="connection_id"
        )
    try:
        connection = find_connection_by_id(db, account_id, migration_id, request.connection_id)
    except NotFound:
        raise InvalidRequest(
            "The connection the run asked credentials for no longer exists; cancel the run and start again.",
            param="connection_id",
        ) from None
    store_credentials(connection, credentials, db=db, vault=lc.vault)
    return _resume_blocked(
        lc,
        run,
        waiting_for="credentials",
        message="Resuming with the new credentials.",
        event=("credentials", f"Credentials for the {connection.source_key} connection were stored.", None),
        output={"answers": [], "message": None, "resumed_with": "credentials"},
    )


def _resume_blocked(
    lc: Lifecycle,
    run: RunRecord,
    *,
    waiting_for: str,
    message: str,
    event: tuple[str, str, dict[str, Any] | None],
    output: dict[str, Any],
) -> RunRecord:
    """Take a blocked run's token (only one caller can) and send `output` to its wait exactly once."""
    db = lc.store
    token = db.claim_task_token(run.scope, run.run_id, now_iso(), message)
    if token is None:  # another answer (or a cancel) got there first
        raise _not_blocked(db.get_run(run.scope, run.run_id) or run, waiting_for)
    _announce(lc, run, "blocked", "running")
    event_type, text, data = event
    post_event(db, run.run_id, event_type, text, data=data)
    try:
        sent = lc.workflow.send_task_success(token, output)
    except Exception:
        # The token is spent on our side; without it the execution would only end at its timeout.
        fail_run(lc, run.model_copy(update={"status": "running"}), ANSWERS_NOT_DELIVERED)
        raise
    if sent == "expired":
        logger.warning("answer came after the wait ended", run_id=run.run_id, resumed_with=waiting_for)
        fail_run(lc, run, ANSWER_TOO_LATE)
    else:
        logger.info("run resumed", run_id=run.run_id, resumed_with=waiting_for)
    return db.get_run(run.scope, run.run_id) or run


def validate_answers(questions: list[Question], answers: list[Answer]) -> list[str]:
    """400 unless every question is answered once with a listed option (or custom text where allowed).

    Returns a plain summary of each answer for the thread.
    """
    by_id = {q.id: q for q in questions}
    seen: set[str] = set()
    summary = []
    for n, answer in enumerate(answers):
        question = by_id.get(answer.question_id)
        if question is None:
            raise InvalidRequest(
                f"No question `{answer.question_id}` is waiting for an answer.", param=f"answers[{n}].question_id"
            )
        if answer.question_id in seen:
            raise InvalidRequest(
                f"Question `{answer.question_id}` is answered twice.", param=f"answers[{n}].question_id"
            )
        seen.add(answer.question_id)
        if answer.option_id is not None:
            option = next((o for o in question.options if o.id == answer.option_id), None)
            if option is None:
                raise InvalidRequest(
                    f"`{answer.option_id}` is not an option of question `{question.id}`.",
                    param=f"answers[{n}].option_id",
                )
            summary.append(f"{question.question} {option.label}")
        else:
            if not question.allow_custom:
                raise InvalidRequest(
                    f"Question `{question.id}` takes one of its options, not custom text.", param=f"answers[{n}].custom"
                )
            summary.append(f"{question.question} {answer.custom}")
    missing = [q.id for q in questions if q.id not in seen]
    if missing:
        raise InvalidRequest(f"Answer every question; still unanswered: {', '.join(missing)}.", param="answers")
    return summary


def _not_blocked(run: RunRecord, waiting_for: str) -> Conflict:
    state = run.status.replace("_", " ")
    if run.status == "blocked":  # blocked, but on the other kind of request
        state = "waiting for credentials" if run.credential_request else "waiting for answers"
    return Conflict(f"The run is {state}, not waiting for {waiting_for}.", code="run_not_blocked", run_id=run.run_id)


def park_import(
    lc: Lifecycle,
    run: RunRecord,
    task_token: str,
    review: dict[str, Any],
    report: dict[str, Any],
    shown: dict[str, Any] | None = None,
) -> None:
    """Store the decision wait's task token, the review (questions and proposed patch) and the report so far,
    and set the import `needs_attention`. A retried park replaces the stored token. The thread event carries
    `shown`, the review as the poll shows it (one spelling per concept)."""
    changes: dict[str, Any] = {"needs_attention": review, "report": report, "message": None}
    if not _change(lc, run, ("running", "needs_attention"), "needs_attention", changes, task_token=task_token):
        raise RunNoLongerActive(run.run_id)
    if run.status == "running":
        count = len(review.get("questions", []))
        noun = "question needs" if count == 1 else "questions need"
        post_event(lc.store, run.run_id, "question", f"Some rows failed validation: {count} {noun} a decision.",
                   data={"needs_attention": shown if shown is not None else review})  # fmt: skip
    logger.info("import parked", run_id=run.run_id, question_count=len(review.get("questions", [])))


def decide_import(lc: Lifecycle, run: RunRecord, decision: dict[str, Any], summary: str) -> RunRecord:
    """Resume an import waiting for a decision: record `decision` (who, when, what) on the run while taking
    its token (only one caller can), then send it to Step Functions exactly once.

    409 when the import is not waiting, or when the wait ended before the decision got there (the import is
    then failed and its company free).
    """
    db = lc.store
    decisions = [*(run.decisions or []), decision]
    message = "Applying your decision." if decision["decision"] == "approve" else "Stopping the import, as you chose."
    token = db.claim_task_token(
        run.scope, run.run_id, now_iso(), message, waiting_status="needs_attention", changes={"decisions": decisions}
    )
    if token is None:  # another decision (or a cancel, or the timeout) got there first
        raise not_waiting_for_decision(db.get_run(run.scope, run.run_id) or run)
    _announce(lc, run, "needs_attention", "running")
    post_event(db, run.run_id, "decision", summary, data={"decision": decision})
    running = run.model_copy(update={"status": "running", "decisions": decisions})
    try:
        sent = lc.workflow.send_task_success(token, {"decision": decision["decision"], "index": len(decisions)})
    except Exception:
        fail_run(lc, running, DECISION_NOT_DELIVERED)
        raise
    if sent == "expired":
        logger.warning("decision came after the wait ended", run_id=run.run_id)
        fail_run(lc, running, DECISION_TOO_LATE)
        raise not_waiting_for_decision(db.get_run(run.scope, run.run_id) or running)
    logger.info("import resumed", run_id=run.run_id, decision=decision["decision"])
    return db.get_run(run.scope, run.run_id) or running


def not_waiting_for_decision(run: RunRecord) -> Conflict:
    """The 409 of a decision on an import that is not `needs_attention`."""
    state = run.status.replace("_", " ")
    return Conflict(f"The import is {state}, not waiting for a decision.", code="import_not_waiting", run_id=run.run_id)


def record_decision_result(lc: Lifecycle, run: RunRecord, index: int, result: dict[str, Any]) -> None:
    """Note what the `index`-th (1-based) decision's patch did on the running import (idempotent)."""
    current = _load_active(lc.store, run.scope, run.run_id)
    decisions = [dict(d) for d in current.decisions or []]
    if not 0 < index <= len(decisions):
        raise RunNoLongerActive(run.run_id)
    decisions[index - 1]["result"] = result
    if not _change(lc, current, ("running",), "running", {"decisions": decisions}):
        raise RunNoLongerActive(run.run_id)


def finish_with_preview(lc: Lifecycle, run: RunRecord, draft: PreviewDraft) -> int:
    """Store the draft as the migration's next preview version and set the run `awaiting_approval`.

    Idempotent: a retried step finds the run already finished and returns the version it wrote.
    """
    db = lc.store
    body = draft.model_dump(mode="json")
    for _ in range(5):  # another run can only move the pointer if it held the lock: practically never
        current = db.get_run(run.scope, run.run_id)
        if current is not None and current.status == "awaiting_approval" and current.preview_version:
            return current.preview_version
        migration = db.get_migration(run.account_id, run.migration_id)
        if current is None or current.status != "running" or migration is None:
            raise RunNoLongerActive(run.run_id)
        version = (migration.preview_version or 0) + 1
        if isinstance(body.get("recipe"), dict):
            body["recipe"]["version"] = version  # the recipe's version is the preview version it shipped in
        preview = PreviewRecord(
            migration_id=run.migration_id,
            preview_id=new_id("prev"),
            version=version,
            run_id=run.run_id,
            created_at=now_iso(),
            body=body,
        )
        if len(_json_bytes(body)) > get_settings().preview_inline_max_bytes:
            key = preview_key(run.account_id, run.migration_id, preview.preview_id)
            lc.blobs.put_json(key, body)
            preview = preview.model_copy(update={"body": {}, "body_key": key})
        outcome = db.finish_run_with_preview(
            run, preview, migration.preview_version, preview.created_at, f"Preview version {version} is ready."
        )
        if outcome == "written":
            _after_change(lc, run, "running", "awaiting_approval")
            logger.info("preview written", run_id=run.run_id, version=version)
            return version
        if outcome == "run_not_running":
            continue  # re-read: finished by an earlier attempt, or canceled
    raise RunNoLongerActive(run.run_id)


def complete_run(
    lc: Lifecycle, run: RunRecord, report: dict[str, Any] | None = None, also: Sequence[dict[str, Any]] = ()
) -> bool:
    """running -> completed (with the execute report), making the `also` writes in the same transaction (the
    connections' bookmark moves); False, and none of them, when the run was no longer running."""
    return _change(lc, run, ("running",), "completed", {"report": report, "message": None}, also=also)


def fail_run(lc: Lifecycle, run: RunRecord, error: str) -> bool:
    """Any active status -> failed with a plain-language `error`; False when the run had already ended."""
    changed = _change(lc, run, ACTIVE_STATUSES, "failed", {"error": error, "message": None})
    if changed:
        logger.info("run failed", run_id=run.run_id, migration_id=run.migration_id)
    return changed


def cancel_run(lc: Lifecycle, account_id: str, migration_id: str, run_id: str) -> RunRecord:
    """Cancel an active run of a migration (see `cancel`)."""
    return cancel(lc, require_run(lc.store, account_id, migration_id, run_id))


def cancel(lc: Lifecycle, run: RunRecord) -> RunRecord:
    """Cancel an active run or import: status first (so nothing the execution still writes counts), then stop
    the execution. A run that already ended is returned unchanged."""
    if run.is_active and _change(lc, run, ACTIVE_STATUSES, "canceled", {"message": None}):
        logger.info("run canceled", run_id=run.run_id, scope=run.scope)
        if run.execution_arn:
            try:
                lc.workflow.stop(run.execution_arn, error="Canceled", cause="Canceled through the API.")
            except Exception:
                # The status is final and the lock is free; a still-running execution can change nothing.
                logger.exception("execution not stopped after cancel", run_id=run.run_id)
    return lc.store.get_run(run.scope, run.run_id) or run


def sweep_stale_runs(lc: Lifecycle, at: datetime | None = None) -> list[str]:
    """Fail every active run whose engine is gone: heartbeat stale, or execution no longer running.

    Returns the run ids it failed. A blocked run (or an import needing attention) is waiting for a person,
    so only its execution's state (or a wait far past its own timeout) counts, not its heartbeat.
    """
    settings = get_settings()
    moment = at or now()
    swept: list[str] = []
    for ref in lc.store.list_active_runs():
        age = moment - datetime.fromisoformat(ref.heartbeat_at.replace("Z", "+00:00"))
        if age < timedelta(seconds=settings.run_sweep_grace_seconds):
            continue
        run = lc.store.get_run(ref.scope, ref.run_id)
        if run is None or not run.is_active:
            continue  # the index lags the table
        limit = settings.run_stale_after_seconds
        if run.status == "blocked":
            limit += settings.run_answer_timeout_seconds
        elif run.status == "needs_attention":
            limit += settings.import_decision_timeout_seconds
        stale = age > timedelta(seconds=limit)
        if not stale:
            status = lc.workflow.status(run.execution_arn) if run.execution_arn else "MISSING"
            if status == "RUNNING":
                continue
        if fail_run(lc, run, TIMED_OUT):
            swept.append(run.run_id)
            logger.warning("stale run swept", run_id=run.run_id, scope=run.scope, stale_heartbeat=stale)
            if run.execution_arn:
                try:
                    lc.workflow.stop(run.execution_arn, error="TimedOut", cause=TIMED_OUT)
                except Exception:
                    # The run is failed and its lock free; whatever the execution still writes changes nothing.
                    logger.exception("swept run's execution not stopped", run_id=run.run_id)
    return swept


# ------------------------------------------------------------------------------------------ internals


def _load_active(db: Store, scope: str, run_id: str) -> RunRecord:
    run = db.get_run(scope, run_id)
    if run is None or not run.is_active:
        raise RunNoLongerActive(run_id)
    return run


def _change(
    lc: Lifecycle,
    run: RunRecord,
    from_statuses: tuple[RunStatus, ...],
    to_status: RunStatus,
    changes: dict[str, Any] | None = None,
    task_token: str | None = None,
    also: Sequence[dict[str, Any]] = (),
) -> bool:
    changed = lc.store.transition_run(
        run.scope,
        run.run_id,
        from_statuses=from_statuses,
        to_status=to_status,
        now=now_iso(),
        changes=changes,
        task_token=task_token,
        also=also,
    )
    if changed and run.status != to_status:
        _after_change(lc, run, run.status, to_status)
    return changed


def _after_change(lc: Lifecycle, run: RunRecord, old: RunStatus, new: RunStatus) -> None:
    _announce(lc, run, old, new)


def _announce(lc: Lifecycle, run: RunRecord, old: RunStatus | None, new: RunStatus) -> None:
    """The status change on the event bus and in the run's thread."""
    lc.bus.status_changed(
        account_id=run.account_id,
        migration_id=run.migration_id,
        company_id=run.company_id,
        run_id=run.run_id,
        kind=run.kind,
        old_status=old or "",
        new_status=new,
        at=now_iso(),
    )
    post_event(lc.store, run.run_id, "status", _STATUS_TEXT[new], data={"status": new})


def _json_bytes(value: Any) -> bytes:
    import json

    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
