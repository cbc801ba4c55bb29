"""Load benchmark: does one account's heavy, slow traffic hold up another account's plain GETs?

    .venv/bin/python bench/load/run.py [--seconds 60] [--concurrency 50] [--b-workers 2] [--seed 11]

It starts `make run`'s server (python -m local.server --ephemeral: no state kept) on a free loopback port with
two accounts, and a local socket server on 127.0.0.1 that accepts connections and never answers. For
`--seconds` (default 60), account A runs `--concurrency` (default 50) concurrent workers, each sending a seeded
mix: thread long-polls (`?wait=20` with nothing new to wait for), connection checks against the never-answering
socket server, and list/get routes. Meanwhile account B's `--b-workers` loops send plain GETs (list and get a
migration). It prints account B's p50/p95/p99 latency and error counts, and account A's request mix.

Bounded: it stops by itself at the deadline (A's requests still in flight are cancelled and counted as such),
at `--max-requests` in all, and everything is on 127.0.0.1. The target (issue 15) is B's p95 under 1 s.
Figures are printed, never asserted: this is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]

CSV = b"first_name,email\nAda,ada@example.com\nBob,bob@example.com\n"
TEMPLATE = {
    "name": "Contacts",
    "sheet_id": "contacts",
    "fields": [
        {"key": "first_name", "type": "string", "required": True},
        {"key": "email", "type": "email", "required": True, "unique": True},
    ],
}
# Account A's mix (kind -> weight): the slow things and the list/get routes.
MIX = {
    "thread long-poll (wait=20)": 15,
    "connection check (never answers)": 10,
    "list migrations": 20,
    "get migration": 15,
    "list runs": 10,
    "get run": 10,
    "list files": 10,
    "list connectors": 10,
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def never_answering_server() -> Iterator[int]:
    """A socket server on 127.0.0.1 that accepts every connection and never sends a byte; yields its port."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1024)
    listener.settimeout(0.2)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            held.append(conn)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield int(listener.getsockname()[1])
    finally:
        stop.set()
        thread.join(timeout=2)
        for conn in held:
            conn.close()
        listener.close()


@contextlib.contextmanager
def local_server(keys: dict[str, str]) -> Iterator[str]:
    """`make run`'s server, --ephemeral, on a free loopback port; yields its base URL, stops it with SIGTERM."""
    port = _free_port()
    env = {**os.environ, "FERRY_API_KEYS": ",".join(f"{k}={a}" for a, k in keys.items())}
    log = tempfile.TemporaryFile("w+")  # noqa: SIM115 - closed below, after the server stops
    proc = subprocess.Popen(
        [sys.executable, "-m", "local.server", "--host", "127.0.0.1", "--port", str(port), "--ephemeral", "--quiet"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                log.seek(0)
                raise SystemExit(f"the local server exited early:\n{log.read()}")
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"{base}/v1/health", timeout=2).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise SystemExit("the local server did not answer /v1/health within 90 s")
            time.sleep(0.2)
        yield base
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def seed(base: str, key: str, blackhole_port: int | None) -> dict[str, str]:
    """A migration with one ingested file and a generate run (and, given a port, a connection to it)."""
    with httpx.Client(base_url=base, headers={"anx-api-key": key}, timeout=60) as client:
        created = client.post("/v1/migrations", json={"name": "Load", "templates": [TEMPLATE]})
        created.raise_for_status()
        mig = created.json()["migration_id"]
        file = client.post(f"/v1/migrations/{mig}/files", json={"filename": "c.csv", "size": len(CSV)})
        file.raise_for_status()
        upload = file.json()["upload"]
        httpx.request(
            upload["method"], upload["url"], content=CSV, headers=upload.get("headers") or {}
        ).raise_for_status()
        file_id = file.json()["file_id"]
        deadline = time.monotonic() + 60
        while client.get(f"/v1/migrations/{mig}/files/{file_id}").json()["status"] == "pending_upload":
            if time.monotonic() > deadline:
                raise SystemExit("the seeded file was not ingested within 60 s")
            time.sleep(0.2)
        run = client.post(f"/v1/migrations/{mig}/runs", json={"kind": "generate"})
        run.raise_for_status()
        if blackhole_port is not None:
            conn = client.post(
                f"/v1/migrations/{mig}/connection",
                json={
                    "source_key": "hubspot",
                    "config": {"base_url": f"http://127.0.0.1:{blackhole_port}"},
                    "credentials": {"access_token": "load-benchmark"},
                },
            )
            conn.raise_for_status()
        return {"migration_id": mig, "run_id": run.json()["run_id"]}


@dataclass
class Tally:
    sent: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    statuses: Counter[str] = field(default_factory=Counter)
    by_kind: dict[str, Counter[str]] = field(default_factory=dict)  # kind -> status class (or error) -> count

    def outcome(self, kind: str, status: str) -> None:
        self.statuses[status] += 1
        self.by_kind.setdefault(kind, Counter())[status] += 1

    latencies: list[float] = field(default_factory=list)


def _status_class(code: int) -> str:
    return "429" if code == 429 else f"{code // 100}xx"


def route(kind: str, ids: dict[str, str]) -> tuple[str, str, float]:
    """(method, path, client timeout) for one of A's request kinds."""
    mig, run = ids["migration_id"], ids["run_id"]
    return {
        "thread long-poll (wait=20)": ("GET", f"/v1/migrations/{mig}/runs/{run}/thread?after=1000000000&wait=20", 40),
        "connection check (never answers)": ("POST", f"/v1/migrations/{mig}/connection/check", 40),
        "list migrations": ("GET", "/v1/migrations", 30),
        "get migration": ("GET", f"/v1/migrations/{mig}", 30),
        "list runs": ("GET", f"/v1/migrations/{mig}/runs", 30),
        "get run": ("GET", f"/v1/migrations/{mig}/runs/{run}", 30),
        "list files": ("GET", f"/v1/migrations/{mig}/files", 30),
        "list connectors": ("GET", "/v1/connectors", 30),
    }[kind]


async def account_a_worker(
    client: httpx.AsyncClient, ids: dict[str, str], rng: random.Random, deadline: float, budget: list[int], tally: Tally
) -> None:
    kinds, weights = list(MIX), list(MIX.values())
    while time.monotonic() < deadline and budget[0] > 0:
        budget[0] -= 1
        kind = rng.choices(kinds, weights)[0]
        method, path, timeout = route(kind, ids)
        tally.sent += 1
        tally.kinds[kind] += 1
        try:
            response = await client.request(method, path, timeout=timeout)
        except httpx.TransportError as error:
            tally.outcome(kind, type(error).__name__)
            continue
        tally.outcome(kind, _status_class(response.status_code))
        if response.status_code == 429:  # throttled like API Gateway's usage plan: back off as a client would
            await asyncio.sleep(
                min(float(response.headers.get("Retry-After", "1")), max(0.0, deadline - time.monotonic()))
            )


async def account_b_worker(
    client: httpx.AsyncClient, mig: str, interval: float, deadline: float, budget: list[int], tally: Tally
) -> None:
    paths = ["/v1/migrations", f"/v1/migrations/{mig}"]
    i = 0
    while time.monotonic() < deadline and budget[0] > 0:
        budget[0] -= 1
        path = paths[i % len(paths)]
        i += 1
        tally.sent += 1
        tally.kinds[path.replace(mig, "{id}")] += 1
        started = time.perf_counter()
        try:
            response = await client.get(path, timeout=30)
        except httpx.TransportError as error:
            tally.outcome(path, type(error).__name__)
        else:
            tally.latencies.append(time.perf_counter() - started)
            tally.outcome(path, _status_class(response.status_code))
        await asyncio.sleep(interval)


async def drive(
    args: argparse.Namespace, base: str, keys: dict[str, str], ids: dict[str, dict[str, str]]
) -> tuple[Tally, Tally, int]:
    a, b = Tally(), Tally()
    budget = [args.max_requests]
    deadline = time.monotonic() + args.seconds
    limits = httpx.Limits(max_connections=args.concurrency + 10, max_keepalive_connections=args.concurrency + 10)
    async with (
        httpx.AsyncClient(base_url=base, headers={"anx-api-key": keys["acct_a"]}, limits=limits) as client_a,
        httpx.AsyncClient(base_url=base, headers={"anx-api-key": keys["acct_b"]}) as client_b,
    ):
        a_tasks = [
            asyncio.create_task(
                account_a_worker(client_a, ids["acct_a"], random.Random(args.seed * 1000 + i), deadline, budget, a)
            )
            for i in range(args.concurrency)
        ]
        b_tasks = [
            asyncio.create_task(
                account_b_worker(client_b, ids["acct_b"]["migration_id"], args.b_interval, deadline, budget, b)
            )
            for _ in range(args.b_workers)
        ]
        await asyncio.gather(*b_tasks)
        # A's long-polls and checks may still be in flight: give them a moment, then cancel (stop by itself).
        _, pending = await asyncio.wait(a_tasks, timeout=max(0.0, deadline - time.monotonic()) + 1)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
    return a, b, len(pending)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60.0, help="how long the load runs (default 60)")
    parser.add_argument("--concurrency", type=int, default=50, help="account A's concurrent workers (default 50)")
    parser.add_argument("--b-workers", type=int, default=2, help="account B's GET loops (default 2)")
    parser.add_argument("--b-interval", type=float, default=0.05, help="pause between one B loop's GETs, s")
    parser.add_argument("--max-requests", type=int, default=200_000, help="stop after this many requests in all")
    parser.add_argument("--seed", type=int, default=11, help="seeds account A's request mix")
    args = parser.parse_args()
    if args.seconds <= 0 or args.seconds > 3600 or args.concurrency < 1 or args.concurrency > 500:
        parser.error("--seconds must be in (0, 3600] and --concurrency in [1, 500]")

    keys = {"acct_a": "ek_" + secrets.token_urlsafe(16), "acct_b": "ek_" + secrets.token_urlsafe(16)}
    with never_answering_server() as blackhole_port, local_server(keys) as base:
        ids = {"acct_a": seed(base, keys["acct_a"], blackhole_port), "acct_b": seed(base, keys["acct_b"], None)}
        started = time.monotonic()
        a, b, cancelled = asyncio.run(drive(args, base, keys, ids))
        elapsed = time.monotonic() - started

    print(f"load: {elapsed:.1f} s on {base} (ephemeral); account A {args.concurrency} concurrent workers, account B")
    print(f"  {args.b_workers} GET loops; a never-answering socket server on 127.0.0.1:{blackhole_port}")
    print(f"== account A: {a.sent} requests ({a.sent / elapsed:.1f}/s)")
    for kind in MIX:
        outcomes = ", ".join(f"{k}: {v}" for k, v in sorted(a.by_kind.get(kind, Counter()).items()))
        print(f"  {kind:<34} {a.kinds[kind]:>7}  ({outcomes})")
    statuses = ", ".join(f"{k}: {v}" for k, v in sorted(a.statuses.items()))
    print(f"  statuses: {statuses}; cancelled in flight at the end: {cancelled}")
    print(f"== account B: {b.sent} plain GETs ({b.sent / elapsed:.1f}/s)")
    errors = {k: v for k, v in b.statuses.items() if k != "2xx"}
    print(
        f"  errors: {sum(errors.values())}"
        + (f" ({', '.join(f'{k}: {v}' for k, v in sorted(errors.items()))})" if errors else "")
    )
    ms = [s * 1000 for s in b.latencies]
    p50, p95, p99 = (percentile(ms, q) for q in (50, 95, 99))
    print(f"  latency p50 {p50:.1f} ms  p95 {p95:.1f} ms  p99 {p99:.1f} ms  max {max(ms, default=float('nan')):.1f} ms")
    print(f"  target p95 < 1000 ms: {'met' if p95 < 1000 else 'NOT met'}")


if __name__ == "__main__":
    main()
