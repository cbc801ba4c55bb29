"""The benchmarks run and print their figures (small sizes here; `make bench` and `make bench-mapping` run them
at full size). Figures are never asserted as timings: only that they are printed and the outputs agree."""

from __future__ import annotations

import re
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
    out = bench("bench/mapping/run.py", "--no-gdc", "--split", "train")  # the real test split is run by hand only
    for figure in ("auto-applied precision", "Recall@GT", "top-1 with abstention", "questions per 10 columns",
                   "enum value-map accuracy", "calibration error (ECE)"):  # fmt: skip
        assert figure in out


def test_real_file_benchmark_prints_the_train_split_figures_only() -> None:
    # When: a developer tuning the matcher runs only the real files' train split
    out = bench("bench/mapping/run.py", "--real-only", "--split", "train", "-v")
    # Then: the train figures are printed, the test split, the own cases and GDC are not
    assert "== real files — train (27 files" in out
    assert "real files — test" not in out and "== GDC" not in out and "train split (calibration" not in out
    # And: every rate parses and lies in [0, 1]; the counts are whole and not negative
    figures = {}
    for line in out.splitlines():
        found = re.match(r"  (auto-applied precision|Recall@GT|handled|calibration error \(ECE\)|questions per 10 "
                         r"columns|silently dropped)\s+(\S+)", line)  # fmt: skip
        if found:
            figures[found.group(1)] = float(found.group(2))
    assert set(figures) == {"auto-applied precision", "Recall@GT", "handled", "calibration error (ECE)",
                            "questions per 10 columns", "silently dropped"}  # fmt: skip
    for name in ("auto-applied precision", "Recall@GT", "handled", "calibration error (ECE)"):
        assert 0.0 <= figures[name] <= 1.0, (name, figures[name])
    assert figures["Recall@GT"] <= figures["handled"]
    assert figures["questions per 10 columns"] >= 0 and figures["silently dropped"] == int(figures["silently dropped"])
    # And: -v lists a dropped column as file: 'column' (label …) for every one counted
    assert sum(line.startswith("  dropped  ") for line in out.splitlines()) == figures["silently dropped"]
