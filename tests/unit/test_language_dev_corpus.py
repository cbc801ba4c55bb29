"""The phrasing benchmark's dev corpus (bench/language/dev.json, issue 13): fresh phrasings written before the
parser was extended again, kept apart from the frozen train/test corpus and reported as their own split."""

from __future__ import annotations

from bench.language.corpus import CORPUS, DEV, load, rows
from tests.unit.test_benchmarks_run import bench


def test_the_dev_corpus_covers_every_row_and_never_touches_the_frozen_corpus() -> None:
    frozen, dev = load(CORPUS), load(DEV)
    assert len(dev) >= 120 and {e["split"] for e in dev} == {"dev"}
    assert {e["split"] for e in frozen} == {"train", "test"}  # dev entries live in their own file only
    by_row = rows(dev)
    assert set(by_row) == {("update", r) for r in range(1, 21)} | {("clarify", r) for r in range(1, 9)}
    assert all(len(mine) >= 4 for mine in by_row.values())
    assert all(e["style"] and e["text"].strip() for e in dev)
    # its own ids; written without reading corpus.json, six short phrasings happen to equal corpus ones ("revert",
    # "banana", "unmapped columns?", ...): kept, since dev.json was scored as written (bench/language/README.md)
    assert not {e["id"] for e in dev} & {e["id"] for e in frozen}
    assert len({e["text"].lower() for e in dev} & {e["text"].lower() for e in frozen}) <= 6
    assert len({e["id"] for e in dev}) == len(dev)


def test_the_dev_split_is_reported_apart() -> None:
    out = bench("bench/language/run.py", "--split", "dev")
    assert "== update — dev (104 entries, 20 rows)" in out and "== clarify — dev (40 entries, 8 rows)" in out
    assert "— train" not in out and "— test" not in out
