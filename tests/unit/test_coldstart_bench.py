"""`make bench-coldstart` runs and prints its figures (never asserted as timings)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_coldstart_benchmark_prints_baseline_handler_and_ratio() -> None:
    # .venv's packages (the layers' own environment needs pip and a network the first time)
    done = subprocess.run(
        [sys.executable, "bench/coldstart.py", "--venv", "--runs", "5", "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    figures = json.loads(done.stdout)
    assert figures["runs"] == 5 and figures["environment"] == "venv"
    for name in ("baseline_ms", "handler_ms", "first_request_ms", "baseline_cpu_ms", "handler_cpu_ms"):
        assert figures[name] > 0, name
    assert abs(figures["ratio"] - figures["handler_ms"] / figures["baseline_ms"]) < 0.011
    # the first request builds the app on top of the import
    assert figures["first_request_cpu_ms"] > figures["handler_cpu_ms"]
