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
        "bench/engine/run.py", "--rows", "3000", "--unseen-rows", "3000", "--threads", "1", "--repeat", "1",
        "--reference-rows", "1000", "--no-chunked", "--keep", str(tmp_path),
    )  # fmt: skip
    for figure in ("(a) pl.read_csv", "(b) execute", "b/a", "rows/s per core", "peak", "rows per CPU-second"):
        assert figure in out
    assert "unseen (unseen: other columns, defects and ops, never tuned on): 3,000 rows" in out
    assert re.search(r"reference check \(contacts\): identical on 1,000 output rows", out)
    assert re.search(r"reference check \(unseen\): identical on [0-9,]+ output rows", out)


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


def test_phrasing_benchmark_prints_the_train_split_figures() -> None:
    # When: whoever extends the instruction editor runs the phrasing benchmark's train split
    out = bench("bench/language/run.py", "--split", "train")
    # Then: the planner is named, both kinds are reported for train only, never for the test split
    assert out.splitlines()[0] == "planner: heuristic"
    assert "== update — train (" in out and "== clarify — train (" in out and "— test" not in out
    # And: every rate parses, lies in [0, 1] and agrees with its count; each kind's outcomes add up to all entries
    figures: dict[str, dict[str, tuple[float, int, int]]] = {}
    kind = ""
    for line in out.splitlines():
        if line.startswith("== "):
            kind = line.split()[1]
        found = re.match(r"  (applied as intended|asked|misapplied|declined|not understood|error|answered|"
                         r"not answered)\s+(\S+)  \((\d+)/(\d+)\)$", line)  # fmt: skip
        if found:
            figures.setdefault(kind, {})[found.group(1)] = (
                float(found.group(2)),
                int(found.group(3)),
                int(found.group(4)),
            )
    assert set(figures["update"]) == {"applied as intended", "asked", "misapplied", "declined", "not understood",
                                      "error"}  # fmt: skip
    assert set(figures["clarify"]) == {"answered", "not answered"}
    for outcomes in figures.values():
        for rate, count, total in outcomes.values():
            assert 0.0 <= rate <= 1.0 and abs(rate - count / total) < 0.0005
        assert sum(count for _, count, _ in outcomes.values()) == next(iter(outcomes.values()))[2]


def test_phrasing_corpus_has_twelve_phrasings_and_a_frozen_test_third_per_row() -> None:
    from bench.language.corpus import assign_splits, load, rows

    entries = load()
    by_row = rows(entries)
    assert set(by_row) == {("update", r) for r in range(1, 21)} | {("clarify", r) for r in range(1, 9)}
    assert len({e["id"] for e in entries}) == len(entries) and len({e["text"] for e in entries}) == len(entries)
    for (kind, row), mine in by_row.items():
        assert len(mine) >= 12, (kind, row)
        assert sum(e["split"] == "test" for e in mine) == round(len(mine) / 3), (kind, row)
        assert all(e["style"] and e["text"].strip() for e in mine)
    # the stored split is the one random.Random(13) draws (bench/language/README.md): never re-drawn or edited
    redrawn = assign_splits([{**e, "split": None} for e in entries])
    assert [e["split"] for e in redrawn] == [e["split"] for e in entries]


def test_load_benchmark_prints_account_b_latency_and_account_a_mix() -> None:
    # When: the load benchmark runs for 3 s (`make bench-load` runs it for 60)
    out = bench("bench/load/run.py", "--seconds", "3", "--concurrency", "10")
    # Then: account B's percentiles and errors, and account A's request mix, are printed
    assert re.search(r"^  latency p50 [\d.]+ ms  p95 [\d.]+ ms  p99 [\d.]+ ms", out, re.MULTILINE), out
    assert re.search(r"^  errors: \d+", out, re.MULTILINE), out
    assert "== account A: " in out and "thread long-poll (wait=20)" in out and "connection check" in out


def test_the_stage_breakdown_prints_every_stage_and_adds_up() -> None:
    out = bench("bench/engine/stages.py", "--dataset", "unseen", "--rows", "3000")
    assert re.search(r"unseen: [0-9,]+ output rows, execute [0-9.]+ s CPU", out)
    stages = ("stage 1 (ops + rules)", "stage 2 (dedup/unique)", "Parquet row parts", "CSV exports: writing",
              "profile tallies", "read (CSV chunks)", "other")  # fmt: skip
    shares = {label: int(re.search(rf"{re.escape(label)}\s+[0-9.-]+ s\s+(-?[0-9]+)%", out)[1]) for label in stages}
    assert shares["stage 1 (ops + rules)"] > 0


def test_the_ingest_benchmark_prints_what_a_sniff_costs() -> None:
    out = bench("bench/engine/ingest.py", "--dataset", "contacts", "--rows", "3000", "--repeat", "1")
    assert re.search(r"contacts: 3,000 rows, [0-9]+ MB; sniff [0-9.]+ s CPU \(median of 1\), [0-9,]+ rows/CPU-s", out)
    assert re.search(r"peak RSS [0-9]+ MB \([0-9.]+x the file\)", out)
