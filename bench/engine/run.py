"""Engine benchmark: a seeded N-row, 12-column contacts CSV; plain polars read vs the full execute.

    .venv/bin/python bench/engine/run.py --rows 1000000 [--seed 7] [--keep DIR]

Prints the raw `pl.read_csv` (all strings) time, the full `ferry.engine.execute` time (sniff excluded),
rows/s, their ratio and peak RSS.
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "layers" / "core"))

import polars as pl

from ferry.engine import execute
from ferry.ingest import sniff
from ferry.models import Template
from ferry.recipe import Recipe

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
    try:
        import psutil

        info = psutil.Process().memory_info()
        return (
            float(getattr(info, "peak_wset", 0) or 0) / 2**20
            or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        )
    except ImportError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--phone", action="store_true", help="include phone_e164 (map_elements, slow)")
    parser.add_argument("--keep", type=Path, help="write the CSV and outputs here instead of a temp dir")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ferry-bench-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        path = work / "contacts.csv"
        generate(path, args.rows, args.seed)
        manifest = sniff(path, path.name)
        t0 = time.perf_counter()
        raw = pl.read_csv(path, infer_schema=False)
        t_read = time.perf_counter() - t0
        assert raw.height == args.rows
        del raw
        t0 = time.perf_counter()
        result = execute(recipe(args.phone), [TEMPLATE], {"bench": (path, manifest)}, work / "out")
        t_exec = time.perf_counter() - t0
    mb = path.stat().st_size / 2**20 if args.keep else float("nan")
    print(f"rows               {args.rows:,} (seed {args.seed}, phone_e164 {'on' if args.phone else 'off'})")
    if args.keep:
        print(f"csv size           {mb:.1f} MB")
    print(f"pl.read_csv        {t_read:.3f} s  {args.rows / t_read:,.0f} rows/s")
    print(f"execute            {t_exec:.3f} s  {args.rows / t_exec:,.0f} rows/s")
    print(f"ratio exec/read    {t_exec / t_read:.2f}x")
    print(f"invalid rows       {result.report['invalidCellCount']:,}")
    print(f"peak RSS           {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
