"""Chunked execute benchmark: a 3M-row CSV executed over the API on the local stack, once in one invocation and
once split into parts (FERRY_CHUNK_ROWS) checked by a Distributed Map (moto's interpreter runs the real ASL).

    .venv/bin/python bench/engine/chunked.py [--rows 3000000] [--chunk-rows 500000] [--concurrency 1] [--keep DIR]

It prints the rows, the parts (Distributed Map items), the time of each step (split, every part, combine),
both totals, and whether the chunked run's exports equal the single run's byte for byte. Every Lambda runs
in this process with one polars thread, as a 1,769 MB Lambda has one vCPU; with `--concurrency 1` the parts
run one at a time, so each part's time is what one Lambda would take (docs/scale.md uses that figure).
"""

from __future__ import annotations

import os

os.environ.setdefault("POLARS_MAX_THREADS", "1")  # before polars is imported: one Lambda, one vCPU

import argparse
import resource
import secrets
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "layers" / "core"))

import httpx  # noqa: E402

Timings = dict[str, list[float]]


def _timed(timings: Timings, lock: threading.Lock) -> None:
    """Time every invocation of the run steps the chunked path uses (the Lambdas run in this process)."""
    from ferry.runs import tasks

    for step in ("execute", "check_part", "decide_parts", "write_part", "assemble_parts", "commit"):
        task = tasks._TASKS[step]

        def run(lc: Any, run: Any, event: dict[str, Any], task: Any = task, step: str = step) -> dict[str, Any]:
            t0, cpu0 = time.perf_counter(), _cpu()
            try:
                answer = dict(task(lc, run, event))
                if step == "decide_parts":  # the key columns' size: what bounds the decision step's memory
                    decisions = lc.blobs.get_json(f"runs/{run.run_id}/chunks/decisions.json") or {}
                    with lock:
                        timings["key_bytes"] = [float(d["key_bytes"]) for d in decisions.values()]
                return answer
            finally:
                with lock:
                    timings.setdefault(step, []).append(time.perf_counter() - t0)
                    timings.setdefault(step + ":cpu", []).append(_cpu() - cpu0)

        tasks._TASKS[step] = run


def _cpu() -> float:
    """CPU seconds this process has used: on a shared machine a part's wall time includes waiting for a core;
    with one part at a time its CPU time is what a Lambda's one vCPU would spend (moto's share included)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _wait(api: Any, headers: dict[str, str], url: str, done: tuple[str, ...], timeout: float = 3600) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body: dict[str, Any] = api.get(url, headers=headers).json()
        if body.get("status") in done:
            return body
        time.sleep(0.5)
    raise TimeoutError(url)


def _settings(**values: str) -> None:
    from ferry.core.config import get_settings

    os.environ.update(values)
    get_settings.cache_clear()


def _export(api: Any, headers: dict[str, str], url: str, name: str) -> bytes:
    """An export through the API: inline, or the 302 to a presigned URL that large ones answer."""
    response = api.get(url, params={"filter": name}, headers=headers, follow_redirects=False)
    if response.status_code == 302:
        return httpx.get(response.headers["location"], timeout=600).content
    assert response.status_code == 200, response.text
    return bytes(response.content)


def run_bench(rows: int, chunk_rows: int, concurrency: int, work: Path) -> dict[str, Any]:
    from fastapi.testclient import TestClient

    from bench.engine.run import TEMPLATE, generate
    from ferry.api.app import create_app
    from ferry.api.auth import register_api_key
    from ferry.core.ids import new_id
    from local.stack import LocalStack

    path = work / f"contacts-{rows}.csv"
    if not path.exists():
        generate(path, rows, 7)
    stack = LocalStack().start()
    timings: Timings = {}
    _timed(timings, threading.Lock())
    try:
        key = "fk_" + secrets.token_urlsafe(24)
        register_api_key(key, new_id("acct"))
        h = {"anx-api-key": key}
        with TestClient(create_app(), raise_server_exceptions=False) as api:
            body = {"name": "Chunked bench", "templates": [TEMPLATE.model_dump(mode="json", exclude_none=True)]}
            mid = api.post("/v1/migrations", json=body, headers=h).json()["migration_id"]
            size = path.stat().st_size
            created = api.post(f"/v1/migrations/{mid}/files", json={"filename": path.name, "size": size}, headers=h)
            assert created.status_code == 201, created.text
            upload = created.json()["upload"]
            with path.open("rb") as fh:
                put = httpx.request(
                    upload["method"], upload["url"], content=fh.read(), headers=upload["headers"], timeout=600
                )
            assert put.status_code in (200, 204), put.text
            file_url = f"/v1/migrations/{mid}/files/{created.json()['file_id']}"
            assert _wait(api, h, file_url, ("ready", "rejected"))["status"] == "ready"
            runs = f"/v1/migrations/{mid}/runs"
            gen = api.post(runs, json={"kind": "generate"}, headers=h).json()["run_id"]
            while (run := _wait(api, h, f"{runs}/{gen}", ("awaiting_approval", "blocked", "failed")))[
                "status"
            ] == "blocked":
                answers = [{"question_id": q["id"], "option_id": q["options"][0]["id"]} for q in run["questions"]]
                api.post(f"{runs}/{gen}/messages", json={"answers": answers}, headers=h)
            assert run["status"] == "awaiting_approval", run

            def execute(chunk: int) -> tuple[dict[str, Any], float, str]:
                _settings(FERRY_CHUNK_ROWS=str(chunk), FERRY_CHUNK_MAX_CONCURRENCY=str(concurrency))
                t0 = time.perf_counter()
                run_id = api.post(runs, json={"kind": "execute"}, headers=h).json()["run_id"]
                done = _wait(api, h, f"{runs}/{run_id}", ("completed", "failed"))
                return done, time.perf_counter() - t0, run_id

            single, single_s, single_id = execute(10 * rows)
            single_steps = {k: list(v) for k, v in timings.items()}
            timings.clear()
            chunked, chunked_s, chunked_id = execute(chunk_rows)
            assert single["status"] == chunked["status"] == "completed", (single.get("error"), chunked.get("error"))
            sfn = stack.client("stepfunctions")
            machine = next(m for m in sfn.list_state_machines()["stateMachines"] if m["name"] == "RunStateMachine")
            execution = machine["stateMachineArn"].replace(":stateMachine:", ":execution:") + f":{chunked_id}"
            map_runs = sfn.list_map_runs(executionArn=execution)["mapRuns"]  # check, then write, the parts
            items = [sfn.describe_map_run(mapRunArn=m["mapRunArn"])["itemCounts"] for m in map_runs]
            equal = {
                name: _export(api, h, f"{runs}/{chunked_id}/export", name)
                == _export(api, h, f"{runs}/{single_id}/export", name)
                for name in ("valid", "invalid")
            }
    finally:
        stack.stop()
    return {
        "rows": rows,
        "csv_mb": size / 2**20,
        "chunk_rows": chunk_rows,
        "concurrency": concurrency,
        "items": items,
        "total_rows": (single["report"]["totalRows"], chunked["report"]["totalRows"]),
        "single_s": single_s,
        "single_execute_s": sum(single_steps.get("execute", [])),
        "chunked_s": chunked_s,
        "split_s": sum(timings.get("execute", [])),
        "parts_s": timings.get("check_part", []),
        "parts_cpu_s": timings.get("check_part:cpu", []),
        "split_cpu_s": sum(timings.get("execute:cpu", [])),
        "single_execute_cpu_s": sum(single_steps.get("execute:cpu", [])),
        "decide_s": sum(timings.get("decide_parts", [])),
        "decide_cpu_s": sum(timings.get("decide_parts:cpu", [])),
        "write_s": timings.get("write_part", []),
        "write_cpu_s": timings.get("write_part:cpu", []),
        "assemble_s": sum(timings.get("assemble_parts", [])),
        "assemble_cpu_s": sum(timings.get("assemble_parts:cpu", [])),
        "key_bytes": sum(timings.get("key_bytes", [])),
        "equal": equal,
    }


def report(r: dict[str, Any]) -> None:
    parts = r["parts_s"]
    print(f"chunked execute over the API (local stack, moto Distributed Map), {os.cpu_count()} cores, 1 polars thread")
    print(f"  rows                 {r['rows']:,} ({r['csv_mb']:.0f} MB CSV), FERRY_CHUNK_ROWS {r['chunk_rows']:,}")
    items = r["items"]
    done = " + ".join(f"{i['total']} ({i['succeeded']} succeeded)" for i in items)
    print(f"  chunks               Distributed Map items: {done}, MaxConcurrency {r['concurrency']}")
    print(f"  totalRows            single {r['total_rows'][0]:,} / chunked {r['total_rows'][1]:,}")
    if parts:
        median = statistics.median(parts)
        spread = f"(min {min(parts):.1f}, max {max(parts):.1f})"
        print(f"  check per chunk      median {median:.1f} s {spread}, {r['chunk_rows'] / median:,.0f} rows/s")
    if r["parts_cpu_s"] and r["concurrency"] == 1:
        cpu = statistics.median(r["parts_cpu_s"])
        print(f"  check CPU/chunk      median {cpu:.1f} s, {r['chunk_rows'] / cpu:,.0f} rows/s (one part at a time)")
    print(f"  split (execute step) {r['split_s']:.1f} s ({r['split_cpu_s']:.1f} s CPU)")
    keys = f"key columns {r['key_bytes'] / 2**20:,.0f} MiB"
    print(f"  decide (stage 2)     {r['decide_s']:.1f} s ({r['decide_cpu_s']:.1f} s CPU), {keys}")
    if r["write_s"]:
        median = statistics.median(r["write_s"])
        cpu = statistics.median(r["write_cpu_s"])
        print(
            f"  write per chunk      median {median:.1f} s ({cpu:.1f} s CPU), {r['chunk_rows'] / cpu:,.0f} rows/s CPU"
        )
    print(f"  assemble exports     {r['assemble_s']:.1f} s ({r['assemble_cpu_s']:.1f} s CPU)")
    single = f"single invocation {r['single_s']:.1f} s (execute step {r['single_execute_s']:.1f} s,"
    single += f" {r['single_execute_cpu_s']:.1f} s CPU)"
    print(f"  total time           chunked {r['chunked_s']:.1f} s    {single}")
    print(f"  exports byte-equal   {', '.join(f'{k}: {v}' for k, v in r['equal'].items())}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=3_000_000)
    parser.add_argument("--chunk-rows", type=int, default=500_000)
    parser.add_argument("--concurrency", type=int, default=1, help="MaxConcurrency (1: each part alone, as timed)")
    parser.add_argument("--keep", type=Path, help="write the CSV here (and reuse it) instead of a temp dir")
    args = parser.parse_args(argv if argv is not None else [])
    with tempfile.TemporaryDirectory(prefix="ferry-chunked-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        report(run_bench(args.rows, args.chunk_rows, args.concurrency, work))


if __name__ == "__main__":
    main(sys.argv[1:])
