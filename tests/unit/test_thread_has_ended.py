"""When a thread reader may stop waiting: a run's final status is written a moment before its thread event."""

from __future__ import annotations

from typing import Any

from ferry.aws.dynamo import RunRecord, ThreadEvent
from ferry.runs.thread import has_ended

NOW = "2026-12-08T00:00:00+00:00"


class _Store:
    """The two reads `has_ended` makes: the run, and the thread's newest events."""

    def __init__(self, status: str | None, events: list[tuple[str, dict[str, Any] | None]]) -> None:
        self.status, self.events = status, events

    def get_run(self, scope: str, run_id: str) -> RunRecord | None:
        if self.status is None:
            return None
        return RunRecord(
            account_id="acct", migration_id="mig", run_id=run_id, kind="generate", status=self.status,  # type: ignore[arg-type]
            heartbeat_at=NOW, created_at=NOW, updated_at=NOW,
        )  # fmt: skip

    def latest_events(self, run_id: str, limit: int) -> list[ThreadEvent]:
        newest_first = list(enumerate(self.events, start=1))[::-1][:limit]
        return [ThreadEvent(seq=n, at=NOW, type=kind, text=kind, data=data) for n, (kind, data) in newest_first]


def _ended(status: str | None, *events: tuple[str, dict[str, Any] | None]) -> bool:
    return has_ended(_Store(status, list(events)), "MIG#mig", "run_1")  # type: ignore[arg-type]


def test_a_run_still_going_has_not_ended() -> None:
    assert not _ended("running", ("status", {"status": "running"}))
    assert not _ended("blocked", ("status", {"status": "blocked"}), ("question", None))


def test_a_final_status_whose_event_is_not_posted_yet_has_not_ended_for_the_reader() -> None:
    # The status is written, its thread event not yet: a reader that stopped now would miss it
    assert not _ended("awaiting_approval", ("status", {"status": "running"}), ("progress", None))
    assert not _ended("failed")


def test_a_final_status_with_its_event_in_the_thread_has_ended() -> None:
    assert _ended("completed", ("status", {"status": "running"}), ("status", {"status": "completed"}))
    # later events after the status event (a reply, an export built) do not hide it
    assert _ended("completed", ("status", {"status": "completed"}), ("progress", None), ("reply", None))


def test_a_deleted_run_has_ended() -> None:
    assert _ended(None)
