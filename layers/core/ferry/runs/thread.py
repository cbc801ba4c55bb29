"""A run's thread: progress updates, questions, answers and replies, in order, readable by long-poll or SSE."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator, Callable
from typing import Any, TypeVar

import anyio
import anyio.to_thread

from ferry.aws.dynamo import RunRecord, Store, ThreadEvent
from ferry.core.clock import now_iso

PAGE = 100
_POLL_INTERVAL = 0.25
_KEEPALIVE_SECONDS = 10.0
_T = TypeVar("_T")


def post_event(
    db: Store, run_id: str, type_: str, text: str, data: dict[str, Any] | None = None, dedup_key: str | None = None
) -> ThreadEvent | None:
    """Append an event to the run's thread; with `dedup_key`, only the first post under that key counts."""
    return db.append_event(run_id, ThreadEvent(seq=0, at=now_iso(), type=type_, text=text, data=data), dedup_key)


def has_ended(db: Store, scope: str, run_id: str) -> bool:
    """The run has reached a final status and its thread already holds that change's event (a reader between
    the status write and the event's post waits for the event), or the run is gone."""
    current = db.get_run(scope, run_id)
    if current is None:
        return True
    if current.is_active:
        return False
    for event in db.latest_events(run_id, PAGE):
        if event.type == "status":
            return (event.data or {}).get("status") == current.status
    return False


def wait_for_events(
    db: Store, run_id: str, after: int, wait_seconds: float, *, clock: Callable[[], float] = time.monotonic
) -> list[ThreadEvent]:
    """Events after `after`; when there are none yet, poll the table until some arrive or `wait_seconds` pass."""
    deadline = clock() + max(0.0, wait_seconds)
    while True:
        events = db.list_events(run_id, after, PAGE)
        if events or clock() >= deadline:
            return events
        time.sleep(min(_POLL_INTERVAL, max(0.0, deadline - clock())))


async def await_events(
    db: Store,
    run_id: str,
    after: int,
    wait_seconds: float,
    is_finished: Callable[[], bool],
    *,
    clock: Callable[[], float] = time.monotonic,
) -> list[ThreadEvent]:
    """`wait_for_events` for the event loop: the table is read in a worker thread and the waits are `await`ed,
    so a waiting client holds no thread; returns at once (with whatever there is) once the run has ended."""
    deadline = clock() + max(0.0, wait_seconds)
    while True:
        finished = await _in_thread(is_finished)  # read before listing: no event written before the end is missed
        events = await _in_thread(db.list_events, run_id, after, PAGE)
        if events or finished or clock() >= deadline:
            return events
        await anyio.sleep(min(_POLL_INTERVAL, max(0.0, deadline - clock())))


async def sse_stream(
    db: Store,
    run: RunRecord,
    after: int,
    max_seconds: float,
    is_finished: Callable[[], bool],
    *,
    clock: Callable[[], float] = time.monotonic,
) -> AsyncIterator[str]:
    """Server-sent events for the thread: every event after `after` as it arrives.

    Ends when the run has reached a final status and every event is sent, or after `max_seconds`
    (the client reconnects with Last-Event-ID). A comment line keeps idle connections open. Like
    `await_events`, it reads the table in a worker thread and holds none while it waits.
    """
    deadline = clock() + max_seconds
    last_sent = clock()
    yield "retry: 1000\n\n"
    while True:
        finished = await _in_thread(is_finished)  # read before listing, so no event written before the end is missed
        events = await _in_thread(db.list_events, run.run_id, after, PAGE)
        for event in events:
            after = event.seq
            last_sent = clock()
            yield format_sse(event)
        if len(events) == PAGE:
            continue
        if finished or clock() >= deadline:
            return
        if clock() - last_sent >= _KEEPALIVE_SECONDS:
            last_sent = clock()
            yield ": keep-alive\n\n"
        await anyio.sleep(_POLL_INTERVAL)


async def _in_thread(func: Callable[..., _T], *args: Any) -> _T:
    return await anyio.to_thread.run_sync(func, *args)


def format_sse(event: ThreadEvent) -> str:
    """One thread event as an SSE message (id = seq, event = type, data = the event as JSON)."""
    payload = json.dumps(event.model_dump(exclude_none=True), ensure_ascii=False, separators=(",", ":"))
    return f"id: {event.seq}\nevent: {event.type}\ndata: {payload}\n\n"
