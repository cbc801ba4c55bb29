"""Ops that skip their own strip when the column is known trimmed, and the other stage-1 pass cuts of
2026-12-07: each gives what the full path gives, and a near neighbour (a column not known trimmed) still strips."""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest

from ferry.engine import ops
from ferry.engine.ops import field_expr, trimmed_after
from ferry.engine.phones import library_e164, phone_series
from ferry.recipe import FieldRecipe
from ferry.recipe import model as m


def _outputs(ops_: list[dict[str, Any]], values: list[str | None]) -> list[str | None]:
    fr = FieldRecipe.model_validate({"field": "f", "column": "v", "ops": ops_})
    return pl.DataFrame({"v": values}, schema={"v": pl.String}).select(field_expr(fr)).to_series().to_list()


@pytest.mark.parametrize(
    ("chain", "expected"),
    [
        ([], False),
        ([m.Trim()], True),
        ([m.Trim(), m.NullTokens()], True),
        ([m.Trim(), m.NullTokens(), m.NullTokens()], True),
        ([m.NullTokens()], False),  # null_tokens keeps values as given: not trimmed by itself
        ([m.Trim(), m.Case(to="upper")], False),  # any other op: not known
        ([m.Case(to="upper"), m.Trim()], True),
    ],
)
def test_trimmed_after(chain: list[Any], expected: bool) -> None:
    assert trimmed_after(chain) is expected


PHONES = [
    " (415) 555-0123 ", "\t415.555.0123", "+1 415 555 0123\u00a0", " n/a ", "N/A", "", None, "1-415-555-0123",
    " +44 20 7946 0958 ", "020 7946 0958", "+49 30 12345678", "+33 6 12 34 56 78", "415-555-0123 ext 12",
    "0044 20 7946 0958", "12", " 00415555 ",
]  # fmt: skip
AMOUNTS = [" 1,234.50 ", "$12.00", "USD 1,200", " (3.10) ", "12.5%", "1200", "-0.0", "n/a", " ", None, "1,2,3"]
EMAILS = [" Ann@Example.org ", "<mailto:B@x.org>", "c@y.org", " ", None]


@pytest.mark.parametrize(
    ("chain", "values"),
    [
        ([{"op": "trim"}, {"op": "null_tokens"}, {"op": "phone_e164", "region": "US"}], PHONES),
        ([{"op": "trim"}, {"op": "phone_e164", "region": "GB"}], PHONES),
        ([{"op": "trim"}, {"op": "to_number"}], AMOUNTS),
        ([{"op": "trim"}, {"op": "null_tokens"}, {"op": "to_number"}], AMOUNTS),
        ([{"op": "trim"}, {"op": "email_normalize"}], EMAILS),
        ([{"op": "trim"}, {"op": "trim"}], PHONES),
    ],
)
def test_trimmed_chain_equals_full_path(
    chain: list[dict[str, Any]], values: list[str | None], monkeypatch: Any
) -> None:
    fast = _outputs(chain, values)
    monkeypatch.setattr(ops, "trimmed_after", lambda _ops: False)  # every op strips again, as before
    assert fast == _outputs(chain, values)


def test_untrimmed_column_still_strips() -> None:
    # near neighbour: no `trim` before (or another op between), so each op strips as it always did
    assert _outputs([{"op": "null_tokens"}], [" n/a ", " x "]) == [None, " x "]
    assert _outputs([{"op": "trim"}, {"op": "case", "to": "upper"}, {"op": "null_tokens"}], [" n/a "]) == [None]
    assert _outputs([{"op": "phone_e164", "region": "US"}], [" (415) 555-0123\t"]) == ["+14155550123"]
    assert _outputs([{"op": "to_number"}], [" $1,234.50 "]) == ["1234.50"]
    assert _outputs([{"op": "email_normalize"}], [" A@B.org "]) == ["a@b.org"]


@pytest.mark.parametrize("region", ["US", "GB", "DE", "FR"])
def test_phone_national_forms_match_the_library(region: str) -> None:
    values = [v.strip() for v in PHONES if v and v.strip()] + ["07946 095800", "030 12345678", "06 12 34 56 78", "0"]
    got = phone_series(pl.Series(values, dtype=pl.String), region, trimmed=True).to_list()
    assert got == [library_e164(v, region) for v in values]


@pytest.mark.parametrize(
    ("given", "expected"),
    [("12.00", "12"), ("-3.0", "-3"), ("1200", "1200"), ("12.50", "12.50"), ("10.10", "10.10"), ("0", "0")],
)
def test_drop_zero_fraction(given: str, expected: str) -> None:
    assert ops._drop_zero_fraction(pl.Series([given])).to_list() == [expected]
