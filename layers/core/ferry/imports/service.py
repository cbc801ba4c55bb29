"""Company imports: start one idempotently, find, list, cancel and decide on them (the routes' use cases).

An import replays a migration's current preview recipe for one of the caller's companies (any id the
client chooses). The company holds at most one active import (its scope's lock); the run lifecycle
(ferry.runs.lifecycle) makes every status change. Idempotency keys are per account and company: the same key with
the same request answers the run it created, in any state; with another request, 422. A request that
creates no run (a 400, 404 or 409) leaves its key unused.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any, Literal

from ferry.aws.dynamo import IdempotencyRecord, RunRecord, Store, company_scope
from ferry.core.clock import now_iso
from ferry.core.domain import AccountKey
from ferry.core.errors import Conflict, IdempotencyMismatch, InvalidRequest
from ferry.core.ids import new_id
from ferry.core.outcomes import Answer
from ferry.imports.review import Review, describe_patch, resolve_decision
from ferry.migrations.service import require_migration
from ferry.runs.lifecycle import (
    Lifecycle,
    active_run_in,
    cancel,
    decide_import,
    execution_arn,
    not_waiting_for_decision,
    require_run_in,
    start_import,
)

COMPANY_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$")
IDEMPOTENCY_KEY_MAX = 255
KEY_REUSED = "This idempotency_key was already used with a different request; use a new key for a new import."


@dataclass(frozen=True)
class ImportRequest:
    """What an import is asked to do; its idempotency key stands for exactly this."""

    migration_id: str
    file_ids: list[str] | None
    extract_via_api: bool

    def fingerprint(self) -> str:
        """A hash of the request, the same however its JSON was ordered or spaced (omitted = default)."""
        canonical = {"migration_id": self.migration_id, "file_ids": self.file_ids or None,
                     "extract_via_api": self.extract_via_api}  # fmt: skip
        return hashlib.sha256(json.dumps(canonical, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def scope_of(account_id: str, company_id: str) -> str:
    """The company's scope in the caller's account (400 for a company id we cannot store)."""
    if not COMPANY_ID_RE.match(company_id):
        raise InvalidRequest(
            "`company_id` must be 1 to 128 letters, digits or . _ : @ - (starting with a letter or digit).",
            param="company_id",
        )
    return company_scope(account_id, company_id)


def hash_idempotency_key(key: str) -> str:
    """The stored form of a key (any characters, up to 255 of them, fit the table's sort key this way)."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


# ------------------------------------------------------------------------------------------ starting


def create_import(
    lc: Lifecycle, account_id: str, company_id: str, idempotency_key: str, request: ImportRequest
) -> tuple[RunRecord, bool]:
    """The import this key stands for, and whether this call created it.

    422 when the key was used with another request; 404 for another account's (or no) migration; 400 for
    files that are not ready files of the migration; 409 without templates or a preview, and (naming the
    run) while another import of the company is active.
    """
    db = lc.store
    scope = scope_of(account_id, company_id)
    key_hash = hash_idempotency_key(idempotency_key)
    request_hash = request.fingerprint()
    earlier = db.get_idempotency(scope, key_hash)
    if earlier is not None:
        return _replay(db, account_id, scope, earlier, request_hash), False
    migration = require_migration(db, account_id, request.migration_id)
    if request.file_ids:
        files = {f.file_id: f for f in db.list_files(request.migration_id)}
        for n, file_id in enumerate(request.file_ids):
            file = files.get(file_id)
            if file is None:
                raise InvalidRequest(f"The migration has no file `{file_id}`.", param=f"file_ids[{n}]")
            if file.status != "ready":
                raise InvalidRequest(
                    f"The file `{file_id}` is {file.status.replace('_', ' ')}, not ready to import.",
                    param=f"file_ids[{n}]",
                    code="file_not_ready",
                )
    if not migration.templates:
        raise Conflict("Add templates to the migration before importing.", code="templates_required")
    if migration.preview_version is None:
        raise Conflict(
            "The migration has no approved recipe to import with; run generate first.", code="preview_required"
        )
    timestamp = now_iso()
    run_id = new_id("run")
    record = RunRecord(
        account_id=account_id,
        migration_id=request.migration_id,
        company_id=company_id,
        run_id=run_id,
        kind="import",
        status="queued",
        extract_via_api=request.extract_via_api,
        file_ids=request.file_ids or None,
        recipe_version=migration.preview_version,
        execution_arn=execution_arn(lc.import_workflow.state_machine_arn, run_id),
        heartbeat_at=timestamp,
        created_at=timestamp,
        updated_at=timestamp,
    )
    outcome = start_import(lc, record, key_hash, request_hash)
    if isinstance(outcome, IdempotencyRecord):  # a concurrent request with the key got there first
        return _replay(db, account_id, scope, outcome, request_hash), False
    return outcome, True


def _replay(db: Store, account_id: str, scope: str, earlier: IdempotencyRecord, request_hash: str) -> RunRecord:
    if earlier.request_hash != request_hash:
        raise IdempotencyMismatch(KEY_REUSED)
    return require_run_in(db, account_id, scope, earlier.run_id)


# ------------------------------------------------------------------------------------------ reading


def require_import(db: Store, account_id: str, company_id: str, run_id: str) -> RunRecord:
    """The caller's import of the company, or the one 404 a missing or foreign import gets."""
    return require_run_in(db, account_id, scope_of(account_id, company_id), run_id)


def active_import(db: Store, account_id: str, company_id: str) -> RunRecord | None:
    """The company's import in flight, if any."""
    return active_run_in(db, scope_of(account_id, company_id))


def list_imports(
    db: Store, account_id: str, company_id: str, limit: int, cursor: str | None
) -> tuple[list[RunRecord], str | None]:
    """One page of the company's imports, newest first."""
    return db.list_runs(scope_of(account_id, company_id), limit, cursor)


def cancel_import(lc: Lifecycle, account_id: str, company_id: str, run_id: str) -> RunRecord:
    """Cancel an import in flight (one that already ended is returned unchanged); frees the company."""
    return cancel(lc, require_import(lc.store, account_id, company_id, run_id))


# ------------------------------------------------------------------------------------------ decisions


def decide(
    lc: Lifecycle,
    caller: AccountKey,
    company_id: str,
    run_id: str,
    decision: Literal["approve", "reject"],
    answers: list[Answer] | None,
) -> RunRecord:
    """Approve (the proposed patch, overridden per answered question) or reject an import waiting in
    `needs_attention`; the decision is recorded on the import with who made it and when.

    409 unless it waits for a decision; 400 for answers to unknown questions, unknown options, custom text
    where it is not allowed, or answers with a rejection.
    """
    run = require_import(lc.store, caller.account_id, company_id, run_id)
    if run.status != "needs_attention" or run.needs_attention is None:
        raise not_waiting_for_decision(run)
    review = Review.model_validate(run.needs_attention)
    record: dict[str, Any] = {
        "decision": decision,
        "decided_at": now_iso(),
        "decided_by": {"account_id": caller.account_id, "profile_id": caller.profile_id},
    }
    if decision == "reject":
        if answers:
            raise InvalidRequest("Answers go with an approval; a rejection takes none.", param="answers")
        summary = "Rejected: the import stops and nothing is imported."
    else:
        actions = resolve_decision(review, answers or [])
        record["answers"] = [a.model_dump(exclude_none=True) for a in answers or []]
        record["patch"] = [a.model_dump(mode="json") for a in actions]
        migration = require_migration(lc.store, caller.account_id, run.migration_id)
        summary = "Approved: " + describe_patch(migration.templates, review.questions, actions)
    return decide_import(lc, run, record, summary)
