"""Engine benchmark: a seeded N-row, 12-column contacts CSV; plain polars read vs the full execute.

    .venv/bin/python bench/engine/run.py [--rows 1000000,3000000] [--threads 1,0] [--seed 7] [--keep DIR]

For each size and thread count (0 = all cores) it runs, each in a fresh process so peak RSS is its own:
(a) a plain `pl.read_csv` of the file, all columns as strings, and (b) the full `ferry.engine.execute`
(transform + validate + dedup/unique + profile + Parquet output + the three CSV exports; sniffing
excluded). It prints rows/s, the ratio b/a and each one's peak RSS against the CSV size, and checks the
output against the pure-Python reference engine on a prefix (`--reference-rows`, 0 to skip).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "layers" / "core"))

import polars as pl  # noqa: E402

from ferry.core.domain import Template  # noqa: E402
from ferry.engine import execute  # noqa: E402
from ferry.ingest import sniff  # noqa: E402
from ferry.recipe import Recipe  # noqa: E402

COLUMNS = [
    "contact_id", "first_name", "last_name", "email", "phone", "company",
    "country_code", "status", "signup_date", "amount", "website", "notes",
]  # fmt: skip
STATUSES = ["active", "Active ", "inactive", "lead", "churned", "N/A"]
COUNTRIES = ["US", "us", "GB", "DE", "FR", "XX", ""]
DATES = ["2021-03-04", "03/04/2021", "4 Mar 2021", "2021-02-30", ""]


def generate(path: Path, rows: int, seed: int) -> None:
    """Write a messy but deterministic contacts CSV."""
    rnd = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(COLUMNS)
        for i in range(rows):
            first, last = f"First{rnd.randrange(5000)}", f"Last{rnd.randrange(5000)}"
            email = f"{first}.{last}{rnd.randrange(100)}@example.com" if rnd.random() > 0.03 else "not an email"
            w.writerow(
                [
                    str(i + 1),
                    f" {first} ",
                    last,
                    email.upper() if rnd.random() < 0.2 else email,
                    f"+1 415 555 {rnd.randrange(10000):04d}" if rnd.random() > 0.05 else "12",
                    f"Company {rnd.randrange(1000)}",
                    rnd.choice(COUNTRIES),
                    rnd.choice(STATUSES),
                    rnd.choice(DATES),
                    f"${rnd.randrange(100000):,}.{rnd.randrange(100):02d}",
                    f"https://www.site{rnd.randrange(1000)}.com/x",
                    "=HYPERLINK()" if rnd.random() < 0.01 else "note",
                ]
            )


TEMPLATE = Template.model_validate(
    {
        "name": "Contacts",
        "sheet_id": "contacts",
        "fields": [
            {"key": "contact_id", "type": "integer", "required": True, "unique": True},
            {"key": "first_name", "type": "string", "required": True},
            {"key": "last_name", "type": "string"},
            {"key": "email", "type": "email", "required": True, "unique": True},
            {"key": "phone", "type": "string"},
            {"key": "company", "type": "string", "max": 100},
            {"key": "country_code", "type": "enum", "values": ["US", "GB", "DE", "FR"], "required": True},
            {"key": "status", "type": "enum", "values": ["active", "inactive", "lead", "churned"], "required": True},
            {"key": "signup_date", "type": "date"},
            {"key": "amount", "type": "number", "min": 0},
            {"key": "website", "type": "string"},
            {"key": "notes", "type": "string"},
        ],
    }
)
OPS: dict[str, list[dict[str, object]]] = {
    "email": [{"op": "email_normalize"}],
    "country_code": [{"op": "case", "to": "upper"}],
    "status": [{"op": "null_tokens"}, {"op": "case", "to": "lower"}],
    "signup_date": [{"op": "parse_date", "order": "MDY"}],
    "amount": [{"op": "to_number"}],
    "website": [{"op": "url_to_domain"}],
}


def recipe(phone: bool) -> Recipe:
    fields = []
    for c in COLUMNS:
        ops = [{"op": "trim"}, *OPS.get(c, [])]
        if c == "phone" and phone:
            ops.append({"op": "phone_e164", "region": "US"})
        fields.append({"field": c, "column": c, "ops": ops})
    src = {"file_id": "bench", "sheet_id": "sheet_1"}
    return Recipe.model_validate(
        {"version": 1, "templates": [{"sheet_id": "contacts", "source": src, "fields": fields}]}
    )


def peak_rss_mb() -> float:
    """This process's peak resident set size (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(mode: str, path: Path, out: Path) -> dict[str, float]:
    """One measurement in this (fresh) process."""
    if mode == "read":
        t0 = time.perf_counter()
        frame = pl.read_csv(path, infer_schema=False)
        seconds = time.perf_counter() - t0
        return {"seconds": seconds, "rows": frame.height, "peak_mb": peak_rss_mb()}
    manifest = sniff(path, path.name)
    base = peak_rss_mb()
    t0 = time.perf_counter()
    result = execute(recipe(phone=False), [TEMPLATE], {"bench": (path, manifest)}, out)
    seconds = time.perf_counter() - t0
    return {
        "seconds": seconds,
        "rows": result.report["totalRows"],
        "invalid": result.report["invalidCellCount"],
        "peak_mb": peak_rss_mb(),
        "base_mb": base,
    }


def measure(mode: str, path: Path, out: Path, threads: int) -> dict[str, float]:
    env = {**os.environ}
    if threads:
        env["POLARS_MAX_THREADS"] = str(threads)
    cmd = [sys.executable, __file__, "--child", mode, "--file", str(path), "--out", str(out)]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def check_reference(path: Path, work: Path, rows: int) -> str:
    """Execute a prefix of the file with both engines; 'identical' or what differs first."""
    from ferry.engine import read_output
    from tests.reference.engine import reference_execute

    prefix = work / "prefix.csv"
    with path.open(encoding="utf-8") as src, prefix.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i > rows:
                break
            dst.write(line)
    manifest = sniff(prefix, prefix.name)
    inputs = {"bench": (prefix, manifest)}
    r = recipe(phone=True)
    result = execute(r, [TEMPLATE], inputs, work / "ref-out")
    ours = read_output(result.outputs["contacts"]).to_dicts()
    theirs = reference_execute(r, [TEMPLATE], inputs)
    if theirs["report"] != result.report:
        return "reports differ"
    for a, b in zip(ours, theirs["outputs"]["contacts"], strict=False):
        if a != b:
            return f"first difference at row {a.get('_row')}: {a} != {b}"
    if len(ours) != len(theirs["outputs"]["contacts"]):
        return "row counts differ"
    return f"identical on {len(ours):,} rows (phone_e164 on)"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", default="1000000,3000000", help="comma-separated sizes")
    parser.add_argument("--threads", default="1,0", help="comma-separated polars thread counts, 0 = all cores")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="write the CSVs and outputs here instead of a temp dir")
    parser.add_argument("--reference-rows", type=int, default=20_000)
    parser.add_argument("--child", choices=["read", "execute"], help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.file, args.out)))
        return
    with tempfile.TemporaryDirectory(prefix="ferry-bench-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        print(f"engine benchmark: 12-column messy contacts CSV, seed {args.seed}, {os.cpu_count()} cores")
        for rows in [int(n) for n in args.rows.split(",")]:
            path = work / f"contacts-{rows}.csv"
            if not path.exists():
                generate(path, rows, args.seed)
            mb = path.stat().st_size / 2**20
            print(f"\n{rows:,} rows, {mb:.0f} MB")
            for threads in [int(t) for t in args.threads.split(",")]:
                read = measure("read", path, work / "out", threads)
                run = measure("execute", path, work / f"out-{rows}-{threads}", threads)
                label = f"{threads} thread" if threads == 1 else "all cores"
                rate = rows / run["seconds"]
                per_core = rate / (threads or os.cpu_count() or 1)
                print(f"  [{label}]")
                print(
                    f"    (a) pl.read_csv   {read['seconds']:7.2f} s  {rows / read['seconds']:>12,.0f} rows/s"
                    f"  peak {read['peak_mb']:6.0f} MB ({read['peak_mb'] / mb:.1f}x CSV)"
                )
                print(
                    f"    (b) execute       {run['seconds']:7.2f} s  {rate:>12,.0f} rows/s"
                    f"  peak {run['peak_mb']:6.0f} MB ({run['peak_mb'] / mb:.1f}x CSV)"
                )
                print(
                    f"    b/a {run['seconds'] / read['seconds']:.2f}x   {per_core:,.0f} rows/s per core"
                    f"   {run['invalid']:,} of {run['rows']:,} rows flagged"
                )
        if args.reference_rows:
            first = work / f"contacts-{int(args.rows.split(',')[0])}.csv"
            print(f"\nreference check: {check_reference(first, work, args.reference_rows)}")


if __name__ == "__main__":
    main()
