"""What an upload's ingestion costs: `sniff` (the pass that counts rows, fills the manifest's samples and checks
the encoding, line breaks and quoting) on the engine benchmark's files.

    .venv/bin/python bench/engine/ingest.py [--dataset contacts|unseen] [--rows 1000000] [--file PATH] [--repeat 3]

The file is `bench/engine/run.py`'s (generated into a temporary directory unless `--file` names one already
generated). Prints the median CPU seconds of `--repeat` sniffs, rows per CPU-second, and the process's peak RSS
against the file's size.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import run as bench

from ferry.ingest import sniff


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", choices=sorted(bench.DATASETS), default="contacts")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--file", type=Path, help="a file bench/engine/run.py generated (--keep) for --dataset")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    generate = bench.DATASETS[args.dataset][0]
    with tempfile.TemporaryDirectory() as tmp:
        path = args.file or Path(tmp) / f"{args.dataset}.csv"
        if args.file is None:
            generate(path, args.rows, args.seed)
        seconds = []
        for _ in range(args.repeat):
            start = time.process_time()
            manifest = sniff(path, path.name)
            seconds.append(time.process_time() - start)
        size = path.stat().st_size
    rows = manifest.sheets[0].row_count
    median = statistics.median(seconds)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kilobytes on Linux
    print(
        f"{args.dataset}: {rows:,} rows, {size / 1e6:.0f} MB; sniff {median:.2f} s CPU (median of {args.repeat}), "
        f"{rows / median:,.0f} rows/CPU-s; peak RSS {peak / 1e6:.0f} MB ({peak / size:.2f}x the file)"
    )


if __name__ == "__main__":
    main()
