"""The report's distinct counts stay exact however the parts merge: the tally merges its parts in growing
batches (so a column of distinct values costs linear time), and a user reading the profile must see the same
counts as one `n_unique` over every row."""

from __future__ import annotations

import random

import polars as pl
import pytest

from ferry.engine import report
from ferry.engine.report import ProfileTally, filled_hash


@pytest.mark.parametrize("seed", range(6))
def test_distinct_and_filled_counts_equal_a_count_over_all_rows(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report, "_MERGE_MIN", 50)  # merges after a few small parts
    rnd = random.Random(seed)
    # a column of distinct ids, one of few repeated words, one mostly blank, one that turns distinct halfway
    parts = []
    for n in range(rnd.randrange(8, 30)):
        size = rnd.randrange(0, 120)
        parts.append(
            pl.DataFrame(
                {
                    "id": [f"C-{n}-{i}" for i in range(size)],
                    "word": [rnd.choice(["a", "b", "c", " ", None]) for _ in range(size)],
                    "sparse": [str(rnd.randrange(40)) if rnd.random() < 0.1 else "" for _ in range(size)],
                    "shift": [str(rnd.randrange(3) if n < 10 else rnd.random()) for _ in range(size)],
                },
                schema=dict.fromkeys(["id", "word", "sparse", "shift"], pl.String),
            )
        )
    columns = parts[0].columns
    tally = ProfileTally(columns)
    for part in parts:
        tally.add(part.select([filled_hash(pl.col(c)).alias(c) for c in columns]))
    every = pl.concat(parts).select([filled_hash(pl.col(c)).alias(c) for c in columns])
    counts = tally.counts()
    for c in columns:
        values = every[c].drop_nulls()
        assert (counts[c].filled, counts[c].distinct) == (len(values), values.n_unique()), c


def test_a_column_the_same_as_another_gets_its_counts_without_being_read() -> None:
    # two fields reading one source column ('Full Name' for first and last name) hold the same source hashes
    parts = [pl.DataFrame({"first": ["Ann B", " ", None, "Ann B"], "other": ["x", "y", "", "z"]})] * 3
    hashed = [p.select(filled_hash(pl.col(c)).alias(c) for c in p.columns) for p in parts]
    alone = ProfileTally(["first", "other"])
    shared = ProfileTally(["first", "last", "other"], same_as={"last": "first"})
    for h in hashed:
        alone.add(h)
        # `last` holds something else here: a column counted once must not be read at all
        shared.add(h.with_columns(pl.lit(None, dtype=pl.UInt64).alias("last")))
    counts = shared.counts()
    assert counts["last"] == counts["first"] == alone.counts()["first"]
    assert shared.filled["last"] == shared.filled["first"] == 6  # the public dict too (the scale-out sends it)
    assert (counts["first"].filled, counts["first"].distinct) == (6, 1)
    assert counts["other"] == alone.counts()["other"]
    # a near neighbour: without `same_as` the column is counted from its own hashes
    plain = ProfileTally(["first", "last"])
    plain.add(hashed[0].with_columns(pl.lit(None, dtype=pl.UInt64).alias("last")))
    assert plain.counts()["last"].filled == 0
