"""Engine benchmark: messy contacts CSVs; a plain polars read against the full execute, side by side.

    .venv/bin/python bench/engine/run.py [--rows 1000000,3000000] [--unseen-rows 1000000] [--threads 1,0]
                                         [--repeat 3] [--seed 7] [--keep DIR] [--no-chunked]

Two files: `contacts` (the seeded 12-column file the engine was tuned on, at every `--rows` size, its recipe
with `phone_e164`) and `unseen` (generated differently: other columns, order, defects and ops, never tuned
on; `--unseen-rows`). For each file, size and thread count (1, and 0 = all cores) it runs `--repeat` rounds;
a round is (a) a plain `pl.read_csv` of the file (all columns as strings) then (b) the full
`ferry.engine.execute` (transform + validate + dedup/unique + profile + Parquet output + the CSV exports;
sniffing excluded), each in a fresh process so its peak RSS is its own. It prints medians: seconds, rows/s,
rows/s per core, peak RSS against the CSV size, and the median of the per-round ratios b/a (same-round
ratios cancel most of a shared machine's noise). It checks both files' output against the pure-Python
reference engine on a prefix (`--reference-rows`, 0 to skip) and ends with bench/engine/chunked.py (a
chunked 3M-row execute through the local Distributed Map) when that script exists.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

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


def recipe(phone: bool = True) -> Recipe:
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


# --- the unseen file: other columns, order, defects and ops (never tuned on) ------------------------------

UNSEEN_COLUMNS = [
    "Customer #", "Full Name", "E-mail Address", "Mobile", "Tier JSON", "Joined", "Account Balance",
    "Country", "Opt-in", "City", "Homepage",
]  # fmt: skip
GIVEN = ["maría", "JOHN", "Zoë", "li", "Jean-Luc", "anne marie", "O'Brien", "Ümit", "sam", "Chloé", "Björn"]
FAMILY = ["smith", "van der Berg", "MÜLLER", "de la Cruz", "García", "o'neil", "Nguyen", "Kowalski", "d'Arcy"]
TIERS = ['{"tier": "gold", "since": 2019}', '{"tier":"Silver"}', '{"tier": null}', '{"level": 2}', "not json", ""]
COUNTRY_NAMES = ["us", "USA", "gb", "United Kingdom", "de", "FR", "fr ", "Mars", ""]
OPT_IN = ["yes", "No", "Y", "n", "1", "0", "true", "maybe", ""]


def _unseen_phone(rnd: random.Random) -> str:
    a, e, n = rnd.randrange(200, 1000), rnd.randrange(200, 1000), rnd.randrange(10000)
    shapes = [
        f"({a}) {e}-{n:04d}", f"{a}.{e}.{n:04d}", f"1-{a}-{e}-{n:04d}", f"+1{a}{e}{n:04d}", f"{a}{e}{n:04d}",
        f"+44 20 {e:03d}0 {n:04d}", f"+49 30 {e}{n:04d}", f"+33 6 {n % 100:02d} {e % 100:02d} {a % 100:02d} 10",
        f"{a}-{e}-{n:04d} ext {n % 100}", "n/a", "", f"00{a}{e}",
    ]  # fmt: skip
    return rnd.choices(shapes, weights=[20, 15, 10, 10, 10, 5, 4, 4, 3, 6, 10, 3])[0]


def _unseen_date(rnd: random.Random) -> str:
    d, m, y = rnd.randrange(1, 29), rnd.randrange(1, 13), rnd.randrange(1990, 2025)
    shapes = [f"{d:02d}/{m:02d}/{y}", f"{d}.{m}.{y}", f"{y}-{m:02d}-{d:02d}", f"{d} {MONTH_NAMES[m - 1]} {y}"]
    return rnd.choice([*shapes, "31/02/2020", "soon", ""]) if rnd.random() < 0.06 else rnd.choice(shapes)


MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _unseen_amount(rnd: random.Random) -> str:
    v = rnd.randrange(-50000, 2000000) / 100
    shapes = [f"{v:.2f}", f"${v:,.2f}", f"USD {v:,.2f}", f"({abs(v):,.2f})", f"{v:,.0f} EUR", f"{v:.1f}%"]
    return rnd.choice(["", "-", "n/a", "1,2,3"]) if rnd.random() < 0.04 else rnd.choice(shapes)


def generate_unseen(path: Path, rows: int, seed: int) -> None:
    """A messy contacts CSV unlike `generate`'s: semicolons, quoted names with commas, ~1M distinct phones,
    "Last, First" names, JSON cells, day-first dates, currency codes, ~2% duplicate e-mails."""
    rnd = random.Random(seed * 7919 + 1)
    emails: list[str] = []
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(UNSEEN_COLUMNS)
        for i in range(rows):
            given, family = rnd.choice(GIVEN), rnd.choice(FAMILY)
            name = f"{family}, {given}" if rnd.random() < 0.3 else f"  {given} {family}{rnd.randrange(1000)} "
            if emails and rnd.random() < 0.02:
                email = rnd.choice(emails[-1000:]).upper()
            else:
                email = f"{given[:3]}.{rnd.randrange(10**7)}@Mail{rnd.randrange(50)}.example.org"
                email = f"<mailto:{email}>" if rnd.random() < 0.05 else email if rnd.random() > 0.03 else "@nobody"
                emails.append(email)
            w.writerow(
                [
                    f"C-{i + 1:07d}" if rnd.random() > 0.01 else str(i // 2),
                    name,
                    f" {email} ",
                    _unseen_phone(rnd),
                    rnd.choice(TIERS),
                    _unseen_date(rnd),
                    _unseen_amount(rnd),
                    rnd.choice(COUNTRY_NAMES),
                    rnd.choice(OPT_IN),
                    rnd.choice(["paris", "NEW YORK", "são paulo", "köln", "st. louis", ""]),
                    f"http://{given.lower()}{rnd.randrange(100)}.example.com/about" if rnd.random() < 0.5 else "",
                ]
            )


UNSEEN_TEMPLATE = Template.model_validate(
    {
        "name": "People",
        "sheet_id": "people",
        "fields": [
            {"key": "customer_no", "type": "string", "required": True, "unique": True, "pattern": "^C-[0-9]{7}$"},
            {"key": "first_name", "type": "string", "required": True},
            {"key": "last_name", "type": "string", "required": True},
            {"key": "email", "type": "email", "required": True},
            {"key": "phone", "type": "phone"},
            {"key": "tier", "type": "enum", "values": ["Gold", "Silver", "Bronze"]},
            {"key": "joined", "type": "date"},
            {"key": "balance", "type": "number", "min": -100},
            {"key": "country", "type": "enum", "values": ["US", "GB", "DE", "FR"], "required": True},
            {"key": "opted_in", "type": "boolean"},
            {"key": "city", "type": "string", "max": 40},
            {"key": "website", "type": "string"},
        ],
    }
)


def unseen_recipe() -> Recipe:
    trim: dict[str, object] = {"op": "trim"}
    title: dict[str, object] = {"op": "case", "to": "title"}
    countries = {"op": "map_values", "mapping": {"usa": "US", "united kingdom": "GB"}}
    plan: list[tuple[str, str, list[dict[str, object]]]] = [
        ("customer_no", "Customer #", [trim, {"op": "case", "to": "upper"}]),
        ("first_name", "Full Name", [{"op": "split_name", "part": "first"}, title]),
        ("last_name", "Full Name", [{"op": "split_name", "part": "last"}]),
        ("email", "E-mail Address", [{"op": "email_normalize"}]),
        ("phone", "Mobile", [trim, {"op": "null_tokens"}, {"op": "phone_e164", "region": "US"}]),
        ("tier", "Tier JSON", [{"op": "json_extract", "path": "$.tier"}]),
        ("joined", "Joined", [trim, {"op": "parse_date", "order": "DMY"}]),
        ("balance", "Account Balance", [{"op": "null_tokens"}, {"op": "to_number"}]),
        ("country", "Country", [trim, countries, {"op": "case", "to": "upper"}]),
        ("opted_in", "Opt-in", [{"op": "to_boolean"}]),
        ("city", "City", [trim, title]),
        ("website", "Homepage", [{"op": "url_to_domain"}]),
    ]
    fields = [{"field": f, "column": c, "ops": ops} for f, c, ops in plan]
    src = {"file_id": "bench", "sheet_id": "sheet_1"}
    dedup = {"keys": ["email"], "keep": "first"}
    return Recipe.model_validate(
        {"version": 1, "templates": [{"sheet_id": "people", "source": src, "fields": fields, "dedup": dedup}]}
    )


DATASETS: dict[str, tuple[Any, Template, Any]] = {
    "contacts": (generate, TEMPLATE, recipe),
    "unseen": (generate_unseen, UNSEEN_TEMPLATE, unseen_recipe),
}


def peak_rss_mb() -> float:
    """This process's peak resident set size (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """CPU time of this process (all its threads), user + system."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def child(mode: str, dataset: str, path: Path, out: Path) -> dict[str, float]:
    """One measurement in this (fresh) process."""
    if mode == "read":
        c0, t0 = cpu_seconds(), time.perf_counter()
        frame = pl.read_csv(path, infer_schema=False, separator=";" if dataset == "unseen" else ",")
        seconds, cpu = time.perf_counter() - t0, cpu_seconds() - c0
        return {"seconds": seconds, "cpu": cpu, "rows": frame.height, "peak_mb": peak_rss_mb()}
    _, template, make_recipe = DATASETS[dataset]
    manifest = sniff(path, path.name)
    base = peak_rss_mb()
    c0, t0 = cpu_seconds(), time.perf_counter()
    result = execute(make_recipe(), [template], {"bench": (path, manifest)}, out)
    seconds, cpu = time.perf_counter() - t0, cpu_seconds() - c0
    return {
        "cpu": cpu,
        "seconds": seconds,
        "rows": result.report["totalRows"],
        "invalid": result.report["invalidCellCount"],
        "peak_mb": peak_rss_mb(),
        "base_mb": base,
    }


def measure(mode: str, dataset: str, path: Path, out: Path, threads: int) -> dict[str, float]:
    env = {**os.environ}
    env.pop("POLARS_MAX_THREADS", None)
    if threads:
        env["POLARS_MAX_THREADS"] = str(threads)
    cmd = [sys.executable, __file__, "--child", mode, "--dataset", dataset, "--file", str(path), "--out", str(out)]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def check_reference(dataset: str, path: Path, work: Path, rows: int) -> str:
    """Execute a prefix of the file with both engines; 'identical' or what differs first."""
    from ferry.engine import read_output
    from tests.reference.engine import reference_execute

    _, template, make_recipe = DATASETS[dataset]
    prefix = work / f"prefix-{dataset}.csv"
    with path.open(encoding="utf-8") as src, prefix.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i > rows:
                break
            dst.write(line)
    manifest = sniff(prefix, prefix.name)
    inputs = {"bench": (prefix, manifest)}
    r = make_recipe()
    result = execute(r, [template], inputs, work / f"ref-out-{dataset}")
    ours = read_output(result.outputs[template.sheet_id]).to_dicts()
    theirs = reference_execute(r, [template], inputs)
    if theirs["report"] != result.report:
        return "reports differ"
    for a, b in zip(ours, theirs["outputs"][template.sheet_id], strict=False):
        if a != b:
            return f"first difference at row {a.get('_row')}: {a} != {b}"
    if len(ours) != len(theirs["outputs"][template.sheet_id]):
        return "row counts differ"
    return f"identical on {len(ours):,} output rows"


def _median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def bench_file(dataset: str, rows: int, path: Path, work: Path, threads: int, repeat: int) -> None:
    """`repeat` rounds of (read, execute) in fresh processes; the medians and the median same-round ratio."""
    mb = path.stat().st_size / 2**20
    reads: list[dict[str, float]] = []
    runs: list[dict[str, float]] = []
    for i in range(repeat):
        reads.append(measure("read", dataset, path, work / "out", threads))
        runs.append(measure("execute", dataset, path, work / f"out-{dataset}-{rows}-{threads}-{i}", threads))
    cores = threads or os.cpu_count() or 1
    label = "1 thread" if threads == 1 else f"all cores ({cores})"
    ratios = [b["seconds"] / a["seconds"] for a, b in zip(reads, runs, strict=True)]
    cpu_ratios = [b["cpu"] / a["cpu"] for a, b in zip(reads, runs, strict=True)]
    read_s, run_s = _median(reads, "seconds"), _median(runs, "seconds")
    print(f"  [{label}]  medians of {repeat} rounds")
    print(
        f"    (a) pl.read_csv   {read_s:7.2f} s  {rows / read_s:>12,.0f} rows/s"
        f"  peak {_median(reads, 'peak_mb'):6.0f} MB ({_median(reads, 'peak_mb') / mb:.1f}x CSV)"
    )
    print(
        f"    (b) execute       {run_s:7.2f} s  {rows / run_s:>12,.0f} rows/s"
        f"  peak {_median(runs, 'peak_mb'):6.0f} MB ({_median(runs, 'peak_mb') / mb:.1f}x CSV)"
    )
    print(
        f"    b/a {statistics.median(ratios):.2f}x (rounds: {', '.join(f'{r:.2f}' for r in ratios)})"
        f"   {rows / run_s / cores:,.0f} rows/s per core   {runs[0]['invalid']:,} of {runs[0]['rows']:,} rows flagged"
    )
    # CPU time is what a busy shared machine distorts least (wall time waits for other processes' turns)
    read_cpu, run_cpu = _median(reads, "cpu"), _median(runs, "cpu")
    print(
        f"    CPU: read {read_cpu:.2f} s, execute {run_cpu:.2f} s = {rows / run_cpu:,.0f} rows per CPU-second;"
        f" b/a {statistics.median(cpu_ratios):.2f}x (rounds: {', '.join(f'{r:.2f}' for r in cpu_ratios)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", default="1000000,3000000", help="comma-separated sizes of the contacts file")
    parser.add_argument("--unseen-rows", default="1000000", help="comma-separated sizes of the unseen file")
    parser.add_argument("--threads", default="1,0", help="comma-separated polars thread counts, 0 = all cores")
    parser.add_argument("--repeat", type=int, default=3, help="rounds per measurement (medians)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="write the CSVs and outputs here instead of a temp dir")
    parser.add_argument("--reference-rows", type=int, default=20_000)
    parser.add_argument("--no-chunked", action="store_true", help="skip bench/engine/chunked.py")
    parser.add_argument("--child", choices=["read", "execute"], help=argparse.SUPPRESS)
    parser.add_argument("--dataset", choices=sorted(DATASETS), default="contacts", help=argparse.SUPPRESS)
    parser.add_argument("--file", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.dataset, args.file, args.out)))
        return
    with tempfile.TemporaryDirectory(prefix="ferry-bench-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        print(f"engine benchmark: messy contacts CSVs, seed {args.seed}, {os.cpu_count()} cores")
        plan = [("contacts", int(n)) for n in args.rows.split(",") if n]
        plan += [("unseen", int(n)) for n in args.unseen_rows.split(",") if n]
        for dataset, rows in plan:
            path = work / f"{dataset}-{rows}.csv"
            if not path.exists():
                DATASETS[dataset][0](path, rows, args.seed)
            mb = path.stat().st_size / 2**20
            what = "tuned on" if dataset == "contacts" else "unseen: other columns, defects and ops, never tuned on"
            print(f"\n{dataset} ({what}): {rows:,} rows, {mb:.0f} MB")
            for threads in [int(t) for t in args.threads.split(",")]:
                bench_file(dataset, rows, path, work, threads, args.repeat)
        if args.reference_rows:
            for dataset, rows in {d: r for d, r in plan}.items():
                first = work / f"{dataset}-{rows}.csv"
                print(f"\nreference check ({dataset}): {check_reference(dataset, first, work, args.reference_rows)}")
    chunked = ROOT / "bench" / "engine" / "chunked.py"
    if chunked.exists() and not args.no_chunked:  # H5's Distributed Map bench, in its own process
        print("\n" + "-" * 100)
        sys.stdout.flush()
        subprocess.run([sys.executable, str(chunked)], check=True)


if __name__ == "__main__":
    main()
