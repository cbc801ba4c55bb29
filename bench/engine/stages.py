"""Where one execute's CPU goes: the engine benchmark's file executed once, in this process, with timers around
the engine's stages.

    POLARS_MAX_THREADS=1 .venv/bin/python bench/engine/stages.py [--dataset contacts|unseen] [--rows 1000000]
                                                                  [--file PATH]

The file is `bench/engine/run.py`'s (generated into a temporary directory unless `--file` names one already
generated). Each stage's CPU seconds (all threads of the process) are the sum over the parts: stage 1 (ops and
single-cell rules), stage 2 (the running dedup/unique flags), stage 3, the Parquet row parts, the CSV exports
(their cells, then the writing), the report's profile tallies and reading the CSV chunks; "other" is the rest of
the execute (hashes of the columns no field reads, key columns, the commit). Run with one polars thread for the
figures of a one-vCPU Lambda.
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run as bench

from ferry.engine import executor, parts, report
from ferry.ingest import sniff

SPENT: defaultdict[str, float] = defaultdict(float)


def timed(owner: Any, name: str, label: str) -> None:
    """Replace `owner.name` with a wrapper adding its CPU seconds to SPENT[label]."""
    fn: Callable[..., Any] = getattr(owner, name)

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            SPENT[label] += time.process_time() - start

    setattr(owner, name, wrapper)


def timed_reading() -> None:
    """Time each chunk the executor pulls from the source (the reader runs lazily, inside `next`)."""
    chunks = executor.iter_source_chunks

    def reading(*args: Any, **kwargs: Any) -> Iterator[Any]:
        it = chunks(*args, **kwargs)
        while True:
            start = time.process_time()
            try:
                chunk = next(it)
            except StopIteration:
                return
            finally:
                SPENT["read (CSV chunks)"] += time.process_time() - start
            yield chunk

    executor.iter_source_chunks = reading  # type: ignore[assignment]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", choices=sorted(bench.DATASETS), default="contacts")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--file", type=Path, help="a file bench/engine/run.py generated (--keep) for --dataset")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    generate, template, make_recipe = bench.DATASETS[args.dataset]
    with tempfile.TemporaryDirectory() as tmp:
        path = args.file or Path(tmp) / f"{args.dataset}.csv"
        if args.file is None:
            generate(path, args.rows, args.seed)
        manifest = sniff(path, path.name)
        timed(executor, "transform_chunk", "stage 1 (ops + rules)")
        timed(executor.RunningFlags, "flags", "stage 2 (dedup/unique)")
        timed(executor, "finish_chunk", "stage 3 (finish)")
        timed(parts, "write_output", "Parquet row parts")
        timed(parts, "export_frames", "CSV exports: cells")
        timed(parts, "write_export", "CSV exports: writing")
        timed(report.ProfileTally, "add", "profile tallies")
        timed_reading()
        start = time.process_time()
        result = executor.execute(make_recipe(), [template], {"bench": (path, manifest)}, Path(tmp) / "out")
        total = time.process_time() - start
    print(f"{args.dataset}: {result.report['totalRows']:,} output rows, execute {total:.2f} s CPU")
    for label, seconds in sorted(SPENT.items(), key=lambda item: -item[1]):
        print(f"  {label:28s} {seconds:6.2f} s  {100 * seconds / total:4.0f}%")
    other = total - sum(SPENT.values())
    print(f"  {'other':28s} {other:6.2f} s  {100 * other / total:4.0f}%")


if __name__ == "__main__":
    main()
