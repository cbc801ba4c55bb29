"""`blank_series` and `filled_hash` against their plain definitions (blank: null or only WHITESPACE)."""

from __future__ import annotations

import random

import polars as pl

from ferry.engine.report import blank_series, filled_hash
from ferry.recipe.spec import WHITESPACE


def _values() -> list[str | None]:
    rnd = random.Random(7)
    # every white space character, and look-alikes that are not white space (zero-width joiner, soft hyphen)
    alphabet = [*WHITESPACE, "a", "!", "~", "\x00", "\x1f", "\x7f", "\x80", "é", "€", "\u200c", "\u00ad", "\U0001f600"]
    values: list[str | None] = [None, "", *WHITESPACE, " a", "a ", "\u3000x\u3000"]
    values += [
        None if rnd.random() < 0.05 else "".join(rnd.choices(alphabet, k=rnd.randint(0, 5))) for _ in range(5000)
    ]
    return values


def _blank(v: str | None) -> bool:
    return v is None or v.strip(WHITESPACE) == ""


def test_blank_series_is_null_or_only_white_space() -> None:
    values = _values()
    assert blank_series(pl.Series(values, dtype=pl.String)).to_list() == [_blank(v) for v in values]


def test_filled_hash_is_the_hash_of_non_blank_values_only() -> None:
    values = _values()
    s = pl.Series("v", values, dtype=pl.String)
    hashed = pl.DataFrame({"v": s}).select(filled_hash(pl.col("v"))).to_series()
    expected = s.hash(seed=0).to_list()
    assert hashed.to_list() == [None if _blank(v) else h for v, h in zip(values, expected, strict=True)]


def test_filled_hash_without_blanks_or_nulls_is_the_plain_hash() -> None:
    s = pl.Series("v", ["a", "b c", "é"], dtype=pl.String)
    assert pl.DataFrame({"v": s}).select(filled_hash(pl.col("v"))).to_series().to_list() == s.hash(seed=0).to_list()
