"""One slow client must not starve everyone (issue 15, item 3): thread long-polls hold no worker thread and end
at once on a finished run; outbound checks end by a total deadline with a clean 4xx.

The API runs on a real uvicorn server in this process (as `make run` serves it), reached over HTTP with httpx,
so the thread pool and the event loop are the ones a deployment has.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient

from ferry.core.config import get_settings
from tests.integration.runs_support import StepDouble, ready_migration, wait_for_status

LONG_POLLS = 45
POLL_WAIT = 12  # seconds each long-poll waits; a request queued behind them would wait most of this


@pytest.fixture
def double(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    planner = StepDouble(monkeypatch)
    yield planner
    planner.release()


@pytest.fixture
def server(stack) -> Iterator[str]:  # type: ignore[no-untyped-def]
    from ferry.api.app import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(create_app(), log_level="warning", lifespan="off")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not instance.started and time.monotonic() < deadline:
        time.sleep(0.02)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    instance.should_exit = True
    thread.join(timeout=5)


@pytest.fixture
def silent_source() -> Iterator[str]:
    """A TCP server that accepts connections and never answers (nor closes them)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join(timeout=2)
    for conn in held:
        conn.close()
    listener.close()


@pytest.fixture
def private_hosts(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("FERRY_ALLOW_PRIVATE_HOSTS", "1")
    monkeypatch.setenv("FERRY_OUTBOUND_DEADLINE_SECONDS", "2")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_a_long_poll_on_a_finished_run_returns_at_once(api: TestClient, account, double: StepDouble) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    mig = ready_migration(api, acct.headers)
    run_id = api.post(f"/v1/migrations/{mig}/runs", json={"kind": "generate"}, headers=acct.headers).json()["run_id"]
    wait_for_status(api, acct.headers, mig, run_id, "awaiting_approval")
    page = api.get(f"/v1/migrations/{mig}/runs/{run_id}/thread", headers=acct.headers).json()
    started = time.monotonic()
    response = api.get(
        f"/v1/migrations/{mig}/runs/{run_id}/thread",
        params={"after": page["next_after"], "wait": 20},
        headers=acct.headers,
    )
    elapsed = time.monotonic() - started
    assert response.status_code == 200
    assert response.json() == {"events": [], "next_after": page["next_after"]}
    print(f"finished run's long-poll answered in {elapsed:.3f} s")
    assert elapsed < 2, f"a finished run's long-poll held {elapsed:.1f} s"


def test_long_polls_do_not_delay_another_accounts_requests(  # type: ignore[no-untyped-def]
    api: TestClient, account, double: StepDouble, server: str
) -> None:
    slow, other = account(), account()
    mig = ready_migration(api, slow.headers)
    double.hold()  # the run stays running: every long-poll waits its full time
    run_id = api.post(f"/v1/migrations/{mig}/runs", json={"kind": "generate"}, headers=slow.headers).json()["run_id"]
    double.entered.wait(timeout=30)
    url = f"{server}/v1/migrations/{mig}/runs/{run_id}/thread"

    def long_poll() -> int:
        with httpx.Client(timeout=60) as client:
            return client.get(url, params={"after": 10_000, "wait": POLL_WAIT}, headers=slow.headers).status_code

    with ThreadPoolExecutor(max_workers=LONG_POLLS) as pool:
        polls = [pool.submit(long_poll) for _ in range(LONG_POLLS)]
        time.sleep(1.5)  # every long-poll is waiting now
        started = time.monotonic()
        response = httpx.get(f"{server}/v1/migrations", headers=other.headers, timeout=60)
        elapsed = time.monotonic() - started
        assert [p.result() for p in polls] == [200] * LONG_POLLS
    double.release()
    wait_for_status(api, slow.headers, mig, run_id, "awaiting_approval")
    assert response.status_code == 200
    print(f"another account's request took {elapsed:.3f} s beside {LONG_POLLS} long-polls")
    # Behind held threads it would wait ~10 s (until a poll ends); the bound leaves room for a loaded machine
    # (the suite runs on every core at once) while still telling the two apart.
    assert elapsed < POLL_WAIT / 3, f"another account waited {elapsed:.1f} s behind {LONG_POLLS} long-polls"


def test_a_check_against_a_source_that_never_answers_ends_by_the_deadline(  # type: ignore[no-untyped-def]
    api: TestClient, account, server: str, silent_source: str, private_hosts: None
) -> None:
    acct = account()
    mig = api.post("/v1/migrations", json={"name": "slow source"}, headers=acct.headers).json()["migration_id"]
    body = {"source_key": "hubspot", "config": {"base_url": silent_source}, "credentials": {"access_token": "t"}}
    created = api.post(f"/v1/migrations/{mig}/connection", json=body, headers=acct.headers)
    assert created.status_code == 201, created.text
    started = time.monotonic()
    try:
        response = httpx.post(f"{server}/v1/migrations/{mig}/connection/check", headers=acct.headers, timeout=15)
    except httpx.TimeoutException:
        pytest.fail("the check was still running after 15 s")
    elapsed = time.monotonic() - started
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["ok"] is False and body["error"]["code"] == "source_unreachable", body
    print(f"check against a silent source answered {response.status_code} in {elapsed:.3f} s (deadline 2 s)")
    assert elapsed < 4, f"the check took {elapsed:.1f} s with a 2 s deadline"


def test_credentials_checked_for_a_run_end_by_the_deadline(silent_source: str, private_hosts: None) -> None:
    """The runs' `/credentials` answer checks them at the source through the same use case."""
    from ferry.connections.connectors.base import SourceTimedOut, parse_credentials
    from ferry.connections.connectors.hubspot import HubSpotConnector
    from ferry.connections.service import _check_credentials

    credentials = parse_credentials(HubSpotConnector, {"access_token": "t"})
    outcome: list[BaseException | None] = []

    def check() -> None:
        try:
            _check_credentials(HubSpotConnector, {"base_url": silent_source}, credentials)
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    started = time.monotonic()
    worker = threading.Thread(target=check, daemon=True)
    worker.start()
    worker.join(timeout=15)
    elapsed = time.monotonic() - started
    assert outcome, "the credentials check was still running after 15 s"
    assert isinstance(outcome[0], SourceTimedOut) and outcome[0].code == "source_unreachable", outcome
    assert elapsed < 4
