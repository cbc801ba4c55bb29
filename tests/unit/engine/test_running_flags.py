"""Stage 2 part by part (`RunningFlags`, the one-pass execute) flags exactly the rows `global_flags` flags over
the whole file: the first row of a dedup key kept, later ones dropped, a unique field's later repeats marked,
whatever the part boundaries."""

from __future__ import annotations

import random

import polars as pl
import pytest

from ferry.core.domain import Template
from ferry.engine import executor
from ferry.recipe import Recipe

TEMPLATE = Template.model_validate(
    {
        "name": "People",
        "sheet_id": "people",
        "fields": [
            {"key": "email", "type": "string", "unique": True},
            {"key": "phone", "type": "string"},
            {"key": "code", "type": "string", "unique": True},
        ],
    }
)


def _recipe(dedup: dict[str, object] | None) -> Recipe:
    fields = [{"field": k, "column": k} for k in ("email", "phone", "code")]
    src = {"file_id": "f", "sheet_id": "s"}
    template = {"sheet_id": "people", "source": src, "fields": fields, "dedup": dedup}
    return Recipe.model_validate({"version": 1, "templates": [template]})


def _rows(n: int, seed: int) -> pl.DataFrame:
    rnd = random.Random(seed)
    emails = [None, "a@x.org", "A@X.org", "b@x.org", *(f"p{i}@x.org" for i in range(n // 3))]
    phones = [None, "1", "2", "3"]
    codes = [None, "C1", "c1", "C2", *(f"K{i}" for i in range(n // 2))]
    return pl.DataFrame(
        {
            executor.ROW: list(range(1, n + 1)),
            "email": [rnd.choice(emails) for _ in range(n)],
            "phone": [rnd.choice(phones) for _ in range(n)],
            "code": [rnd.choice(codes) for _ in range(n)],
        },
        schema={executor.ROW: pl.Int64, "email": pl.String, "phone": pl.String, "code": pl.String},
    )


@pytest.mark.parametrize(
    "dedup", [None, {"keys": ["email"], "keep": "first"}, {"keys": ["email", "phone"], "keep": "first"}]
)
@pytest.mark.parametrize("part_rows", [3, 7, 250, 5000])
def test_part_by_part_equals_all_at_once(dedup: dict[str, object] | None, part_rows: int) -> None:
    tr = _recipe(dedup).templates[0]
    frame = _rows(1500, part_rows)
    keys = frame.select(executor._key_columns(tr, TEMPLATE))
    whole = executor.global_flags(tr, TEMPLATE, keys)
    running = executor.RunningFlags(tr, TEMPLATE)
    parts = [running.flags(keys.slice(i, part_rows)) for i in range(0, keys.height, part_rows)]
    assert pl.concat(parts).equals(whole)
    assert not whole[executor.KEEP].all() or dedup is None  # the file does hold duplicates to drop


def test_a_collision_of_one_hash_never_merges_two_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    tr = _recipe({"keys": ["email"], "keep": "first"}).templates[0]
    frame = _rows(400, 3)
    keys = frame.select(executor._key_columns(tr, TEMPLATE))
    whole = executor.global_flags(tr, TEMPLATE, keys)
    # every value hashes alike under the first hash: the second one of the fingerprint tells them apart
    real = pl.Series.hash

    def first_collides(self: pl.Series, seed: int = 0) -> pl.Series:
        return pl.repeat(7, len(self), dtype=pl.UInt64, eager=True) if seed == 0 else real(self, seed)

    monkeypatch.setattr(pl.Series, "hash", first_collides)
    running = executor.RunningFlags(tr, TEMPLATE)
    parts = [running.flags(keys.slice(i, 50)) for i in range(0, keys.height, 50)]
    assert pl.concat(parts).equals(whole)


def test_a_dedup_keeping_the_last_row_is_refused() -> None:
    tr = _recipe({"keys": ["email"], "keep": "last"}).templates[0]
    with pytest.raises(ValueError, match="last row"):
        executor.RunningFlags(tr, TEMPLATE)
