"""`make run` keeps its state across a restart, SIGKILL included, and the sweeper fails the runs it left in flight.

One scenario against `python -m local.server` in a subprocess with a temporary state directory: a migration,
an upload PUT with urllib's default form Content-Type (real S3 stores the bytes), a generate and an execute
with its export, then a second execute killed (SIGKILL) once the snapshot on disk holds it in flight. After
the restart everything is there, the killed run is failed "Import timed out" by the local sweeper within
the stale limit plus one sweep, and a new run starts and completes.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.e2e.conftest import ROOT, _free_port
from tests.helpers import wait_for

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

KEY = "ek_persistence_0123456789"
ACTIVE = ("queued", "running", "blocked", "needs_attention")
TEMPLATE = {
    "name": "Contacts",
    "sheet_id": "contacts",
    "fields": [
        {"key": "contact_id", "type": "integer", "required": True, "unique": True},
        {"key": "first_name", "type": "string", "required": True},
        {"key": "last_name", "type": "string"},
        {"key": "email", "type": "email", "required": True},
        {"key": "company", "type": "string"},
        {"key": "country", "type": "enum", "values": ["US", "GB", "DE", "FR"]},
    ],
}
ROWS = 150_000  # large enough that an execute is still running when a 0.3 s snapshot lands


def _csv(rows: int) -> bytes:
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["Contact ID", "First Name", "Last Name", "Email", "Company", "Country"])
    for i in range(rows):
        w.writerow([i + 1, f"First{i % 5000}", f"Last{i % 4999}", f"p{i}@example.com", f"Co {i % 1000}", "US"])
    return out.getvalue().encode()


@contextmanager
def _server(state: Path, log: Path, **env: str) -> Iterator[tuple[subprocess.Popen[bytes], httpx.Client]]:
    port = _free_port()
    full_env = {
        **os.environ,
        "FERRY_API_KEYS": f"{KEY}=acct_persist",
        "FERRY_LOCAL_STATE_DIR": str(state),
        "FERRY_LOCAL_SNAPSHOT_SECONDS": "0.3",
        **env,
    }
    with log.open("ab") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "local.server", "--port", str(port)],
            cwd=ROOT, env=full_env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", headers={"anx-api-key": KEY}, timeout=60)
    try:

        def healthy() -> bool | None:
            assert proc.poll() is None, f"server exited early:\n{log.read_text()}"
            try:
                return client.get("/v1/health").status_code == 200 or None
            except httpx.TransportError:
                return None

        wait_for(healthy, timeout=90, what="the local server to answer", interval=0.2)
        yield proc, client
    finally:
        client.close()
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _call(client: httpx.Client, method: str, path: str, **kwargs: Any) -> Any:
    response = client.request(method, path, **kwargs)
    assert response.status_code < 400, f"{method} {path}: {response.status_code} {response.text}"
    return response.json() if "json" in response.headers.get("content-type", "") else response


def _run(client: httpx.Client, migration_id: str, **body: Any) -> str:
    return str(_call(client, "POST", f"/v1/migrations/{migration_id}/runs", json=body)["run_id"])


def _settled(client: httpx.Client, migration_id: str, run_id: str, timeout: float = 60) -> dict[str, Any]:
    def done() -> dict[str, Any] | None:
        run: dict[str, Any] = _call(client, "GET", f"/v1/migrations/{migration_id}/runs/{run_id}")
        return run if run["status"] not in ACTIVE else None

    return wait_for(done, timeout=timeout, what=f"run {run_id} to settle", interval=0.2)


def _saved_status(state: Path, run_id: str) -> str | None:
    """The run's status in the snapshot on disk (what a restart would see)."""
    try:
        document = json.loads((state / "snapshot.json").read_bytes())
    except (OSError, ValueError):
        return None
    for items in document["dynamodb"].values():
        for item in items:
            if item.get("run_id", {}).get("S") == run_id and "status" in item:
                return str(item["status"]["S"])
    return None


def test_state_survives_sigkill_and_the_sweeper_fails_the_run_in_flight(tmp_path: Path) -> None:
    state = tmp_path / "state"
    log = tmp_path / "server.log"
    data = _csv(ROWS)
    with _server(state, log) as (proc, client):
        mig = _call(client, "POST", "/v1/migrations", json={"name": "Survives", "templates": [TEMPLATE]})
        migration_id = mig["migration_id"]
        created = _call(client, "POST", f"/v1/migrations/{migration_id}/files",
                        json={"filename": "contacts.csv", "size": len(data)})  # fmt: skip
        upload = created["upload"]
        # urllib sends application/x-www-form-urlencoded when no type is given; S3 stores the bytes anyway.
        request = urllib.request.Request(upload["url"], data=data, method=upload["method"])
        for name, value in (upload.get("headers") or {}).items():
            request.add_header(name, value)
        if not request.has_header("Content-type"):
            request.add_header("Content-Type", "application/x-www-form-urlencoded")
        with urllib.request.urlopen(request, timeout=60) as put:
            assert put.status in (200, 204)
        file_path = f"/v1/migrations/{migration_id}/files/{created['file_id']}"

        def ingested() -> dict[str, Any] | None:
            file: dict[str, Any] = _call(client, "GET", file_path)
            return file if file["status"] != "pending_upload" else None

        file = wait_for(ingested, timeout=60, what="the upload to be ingested")
        assert file["status"] == "ready", file
        assert file["sheets"][0]["row_count"] == ROWS

        generate = _settled(client, migration_id, _run(client, migration_id, kind="generate"))
        assert generate["status"] == "awaiting_approval", generate
        first = _run(client, migration_id, kind="execute")
        assert _settled(client, migration_id, first, timeout=120)["status"] == "completed"
        export = _call(client, "GET", f"/v1/migrations/{migration_id}/runs/{first}/export",
                       params={"filter": "valid"}, follow_redirects=True).text  # fmt: skip
        assert export.count("\n") == ROWS + 1

        in_flight = _run(client, migration_id, kind="execute")
        wait_for(lambda: _saved_status(state, in_flight) in ACTIVE or None, timeout=30,
                 what="the snapshot to hold the run in flight", interval=0.05)  # fmt: skip
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)

    # Short, so the run left in flight is swept soon; long enough that the fresh run below, whose heartbeat moves
    # at each step, is not swept too when the machine is loaded (every core runs tests).
    stale_after = 8
    restarted = time.monotonic()
    with _server(state, log, FERRY_RUN_STALE_AFTER_SECONDS=str(stale_after), FERRY_RUN_SWEEP_GRACE_SECONDS="1",
                 FERRY_SWEEP_INTERVAL_SECONDS="1") as (_, client):  # fmt: skip
        migrations = _call(client, "GET", "/v1/migrations")["migrations"]
        assert [m["migration_id"] for m in migrations] == [migration_id]
        assert _call(client, "GET", file_path)["status"] == "ready"
        again = _call(client, "GET", f"/v1/migrations/{migration_id}/runs/{first}/export",
                      params={"filter": "valid"}, follow_redirects=True).text  # fmt: skip
        assert again == export

        swept = _settled(client, migration_id, in_flight, timeout=stale_after + 1 + 30)
        assert (swept["status"], swept["error"]) == ("failed", "Import timed out"), swept
        assert time.monotonic() - restarted < 60

        fresh = _run(client, migration_id, kind="execute")  # the migration's lock was freed
        assert _settled(client, migration_id, fresh, timeout=120)["status"] == "completed"
