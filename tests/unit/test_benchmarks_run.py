"""The benchmarks run and print their figures (small sizes here; `make bench` and `make bench-mapping` run them
at full size). Figures are never asserted as timings: only that they are printed and the outputs agree."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def bench(*args: str) -> str:
    done = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_engine_benchmark_prints_its_figures_and_matches_the_reference(tmp_path: Path) -> None:
    out = bench(
        "bench/engine/run.py", "--rows", "3000", "--threads", "1", "--reference-rows", "1000", "--keep", str(tmp_path)
    )
    for figure in ("(a) pl.read_csv", "(b) execute", "b/a", "rows/s per core", "peak"):
        assert figure in out
    assert "reference check: identical on 1,000 rows" in out


def test_mapping_benchmark_prints_its_figures() -> None:
    out = bench("bench/mapping/run.py", "--no-gdc")
    for figure in ("auto-applied precision", "Recall@GT", "top-1 with abstention", "questions per 10 columns",
                   "enum value-map accuracy", "calibration error (ECE)"):  # fmt: skip
        assert figure in out
