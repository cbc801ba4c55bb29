"""Runs of a migration: start, poll, list, cancel, answer, read the thread (JSON long-poll or SSE), export."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Query, Request, status
from fastapi.responses import Response, StreamingResponse
from starlette.concurrency import run_in_threadpool

from ferry.api.deps import (
    BlobsDep,
    CurrentAccount,
    ExportQueryDep,
    HistoryQueryDep,
    LifecycleDep,
    LinkAccount,
    SettingsDep,
    StoreDep,
)
from ferry.api.outbound import run_outbound
from ferry.api.responses import EXPORT_RESPONSES, export_response
from ferry.api.schemas.runs import (
    ActiveRun,
    RunCreate,
    RunCreated,
    RunCredentials,
    RunList,
    RunMessages,
    RunPatch,
    RunPublic,
    ThreadEventPublic,
    ThreadPage,
)
from ferry.runs import lifecycle as runs
from ferry.runs import thread

router = APIRouter(prefix="/migrations/{migration_id}/runs", tags=["runs"])


def _poll_url(migration_id: str, run_id: str) -> str:
    return f"/v1/migrations/{migration_id}/runs/{run_id}"


@router.post("", status_code=status.HTTP_201_CREATED, summary="Start a run (generate, update, clarify, execute)")
def create_run(
    migration_id: str, body: RunCreate, request: Request, account: CurrentAccount, lc: LifecycleDep
) -> RunCreated:
    """Queue a run; 409 with the active run's `run_id` while another run is in progress."""
    run = runs.start_run(
        lc,
        account.account_id,
        migration_id,
        kind=body.kind,
        instruction=body.message,
        extract_via_api=body.extract_via_api,
    )
    return RunCreated(
        run_id=run.run_id,
        kind=run.kind,
        status=run.status,
        poll_url=_poll_url(migration_id, run.run_id),
        created_at=run.created_at,
    )


@router.get("", summary="The active run (?status=active), or the run history newest first")
def list_runs(migration_id: str, account: CurrentAccount, db: StoreDep, query: HistoryQueryDep) -> RunList | ActiveRun:
    """`{run}` with `status=active`, else one page of `{runs, next_cursor}`."""
    if query.active_only:
        active = runs.active_run(db, account.account_id, migration_id)
        return ActiveRun(run=RunPublic.of(active) if active else None)
    page, next_cursor = runs.list_runs(db, account.account_id, migration_id, query.limit, query.cursor)
    return RunList(runs=[RunPublic.of(r) for r in page], next_cursor=next_cursor)


@router.get("/{run_id}", summary="Poll a run")
def get_run(migration_id: str, run_id: str, account: CurrentAccount, db: StoreDep) -> RunPublic:
    """The run, with the fields of its status."""
    return RunPublic.of(runs.require_run(db, account.account_id, migration_id, run_id))


@router.patch("/{run_id}", summary='Cancel a run: {"status": "cancel_requested"}')
def cancel_run(migration_id: str, run_id: str, body: RunPatch, account: CurrentAccount, lc: LifecycleDep) -> RunPublic:
    """Stop the run's execution and free the migration; a run that already ended is returned unchanged."""
    return RunPublic.of(runs.cancel_run(lc, account.account_id, migration_id, run_id))


@router.post("/{run_id}/messages", summary="Answer a blocked run's questions")
def answer_run(
    migration_id: str, run_id: str, body: RunMessages, account: CurrentAccount, lc: LifecycleDep
) -> RunPublic:
    """Resume a blocked run; 409 when it is not blocked, 400 for an unknown question or option."""
    run = runs.answer_run(lc, account.account_id, migration_id, run_id, body.answers, body.message)
    return RunPublic.of(run, poll_url=_poll_url(migration_id, run.run_id))


@router.post("/{run_id}/credentials", summary="Send the credentials a blocked run asks for")
async def provide_credentials(
    migration_id: str, run_id: str, body: RunCredentials, account: CurrentAccount, lc: LifecycleDep
) -> RunPublic:
    """Check and store the credentials, then resume the run; 409 unless it waits for credentials, 400 when
    they are refused or the source does not answer within the outbound deadline (the run stays blocked and
    nothing is stored)."""
    run = await run_outbound(
        runs.provide_credentials, lc, account.account_id, migration_id, run_id, body.connection_id, body.credentials
    )
    return RunPublic.of(run, poll_url=_poll_url(migration_id, run.run_id))


@router.get(
    "/{run_id}/thread",
    summary="Read the run's thread (long-poll with `wait`; SSE with Accept: text/event-stream)",
    responses={200: {"content": {"text/event-stream": {}}}},
)
async def read_thread(
    migration_id: str,
    run_id: str,
    account: LinkAccount,
    db: StoreDep,
    settings: SettingsDep,
    after: Annotated[int, Query(ge=0, description="Only events with a greater `seq`.")] = 0,
    wait: Annotated[float, Query(ge=0, le=60, description="Seconds to wait for a new event (capped).")] = 0,
    accept: Annotated[str | None, Header()] = None,
    last_event_id: Annotated[str | None, Header()] = None,
) -> ThreadPage:
    """Events after `after`, oldest first, and the `after` to pass next time; a run that has ended answers at
    once. Waiting holds no worker thread (the table is read in one between polls)."""
    run = await run_in_threadpool(runs.require_run, db, account.account_id, migration_id, run_id)
    cap = float(settings.thread_wait_max_seconds)

    def finished() -> bool:
        return thread.has_ended(db, run.scope, run_id)

    if accept and "text/event-stream" in accept:
        start = int(last_event_id) if last_event_id and last_event_id.isdigit() else after
        stream = thread.sse_stream(db, run, start, cap, finished)
        headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
        return StreamingResponse(stream, media_type="text/event-stream", headers=headers)  # type: ignore[return-value]
    events = await thread.await_events(db, run.run_id, after, min(wait, cap), finished)
    return ThreadPage(events=[ThreadEventPublic.of(e) for e in events], next_after=events[-1].seq if events else after)


@router.get(
    "/{run_id}/export",
    summary="Export a completed execute run's rows as CSV",
    response_class=Response,
    responses=EXPORT_RESPONSES,
)
def export_run(
    migration_id: str,
    run_id: str,
    account: LinkAccount,
    db: StoreDep,
    blobs: BlobsDep,
    settings: SettingsDep,
    query: ExportQueryDep,
) -> Response:
    """The CSV of a completed execute run (`valid`: flagged rows left out; `invalid`/`all` add `_row` and
    `_errors`); 409 for any other run."""
    run = runs.require_run(db, account.account_id, migration_id, run_id)
    return export_response(blobs, settings, run, query)
