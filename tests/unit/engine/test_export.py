"""CSV export: valid/invalid/all filters, RFC 4180 quoting, UTF-8, formula neutralisation, round trip."""

from __future__ import annotations

import csv
import io

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ferry.engine.csv_export import FORMULA_START, errors_text, export_csv, neutralise, neutralise_series
from ferry.engine.flags import errors_text_expr

from .conftest import PAYLOADS

ERR = pl.Struct({"v": pl.String})


def frame(values: list[str | None], errors: list[str | None] | None = None) -> pl.DataFrame:
    n = len(values)
    return pl.DataFrame(
        {"_row": list(range(1, n + 1)), "v": values, "_errors": [{"v": e} for e in errors or [None] * n]},
        schema={"_row": pl.Int64, "v": pl.String, "_errors": ERR},
    )


def read_back(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def export(df: pl.DataFrame, filter: str = "valid") -> bytes:
    buf = io.BytesIO()
    export_csv(df, buf, filter)  # type: ignore[arg-type]
    return buf.getvalue()


def test_filters() -> None:
    df = frame(["ok", "bad", None], [None, "type", None])
    assert read_back(export(df, "valid")) == [["v"], ["ok"], [""]]
    assert read_back(export(df, "invalid")) == [["v", "_row", "_errors"], ["bad", "2", "v: type"]]
    assert len(read_back(export(df, "all"))) == 4
    with pytest.raises(ValueError, match="filter"):
        export(df, "some")


def test_rfc4180_bytes() -> None:
    data = export(frame(["a,b", 'say "hi"', "two\nlines", "é"]))
    assert data == 'v\r\n"a,b"\r\n"say ""hi"""\r\n"two\nlines"\r\né\r\n'.encode()


def test_payloadbox_payloads_are_neutralised() -> None:
    payloads = [line for line in PAYLOADS.read_text(encoding="utf-8").splitlines() if line]
    rows = read_back(export(frame(payloads)))[1:]
    assert [r[0] for r in rows] == [neutralise(p) for p in payloads]
    for (cell,) in rows:
        assert not cell.startswith(FORMULA_START), cell


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+2", "'=1+2"),
        ("+x", "'+x"),
        ("-x", "'-x"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-5", "-5"),
        ("+1.5e3", "+1.5e3"),
        ("a=b", "a=b"),
        ("", ""),
        ("+14155555991", "+14155555991"),  # a phone in E.164: a signed whole number
        ("-0", "-0"),
        ("+99999999999999999999", "+99999999999999999999"),  # too long for an integer: still a number
        ("+ 12", "'+ 12"),
        ("+12 ", "'+12 "),
        ("+1_000", "'+1_000"),
        ("-+1", "'-+1"),
        ("+", "'+"),
        ("\t12", "'\t12"),
        ("=12", "'=12"),
    ],
)
def test_neutralise(value: str, expected: str) -> None:
    assert neutralise(value) == expected
    assert read_back(export(frame([value])))[1] == [expected]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00")), min_size=1))
def test_round_trip(values: list[str]) -> None:
    rows = read_back(export(frame(values)))
    assert rows[0] == ["v"]
    got = [r[0] for r in rows[1:]]
    assert len(got) == len(values)
    for cell, value in zip(got, values, strict=True):
        assert cell == neutralise(value)
        assert (cell[1:] if cell != value else cell) == value


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="+-=@\t0123456789.eE _x", max_size=8), min_size=1, max_size=30))
def test_neutralise_series_equals_neutralise_on_number_like_cells(values: list[str]) -> None:
    assert neutralise_series(pl.Series(values)).to_list() == [neutralise(v) for v in values]


# first characters on each side of every bound the series version narrows by ('\t', '0', ':', 'A'), nulls too
@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(alphabet="\x01\x08\t\n\r +,-./09:;<=?@AZaé1e", max_size=6))))
def test_neutralise_series_equals_neutralise_around_the_first_character_bounds(values: list[str | None]) -> None:
    assert neutralise_series(pl.Series(values, dtype=pl.String)).to_list() == [neutralise(v) for v in values]


def test_neutralise_series_leaves_text_and_plain_numbers_alone() -> None:
    cells = ["Ann", "Zoë", "2021-03-04", "12.50", "9", ":x", "?", "A=1", None]
    assert neutralise_series(pl.Series(cells)).to_list() == cells
    assert neutralise_series(pl.Series(["=1+1", "Ann", "-x", "12"])).to_list() == ["'=1+1", "Ann", "'-x", "12"]


def test_errors_text_per_row_whatever_the_combination() -> None:
    errors = [{"a": None, "b": None}, {"a": "type", "b": None}, {"a": None, "b": "required"},
              {"a": "type", "b": "required"}, {"a": "type", "b": None}, {"a": None, "b": None}]  # fmt: skip
    df = pl.DataFrame(
        {"_row": range(1, 7), "a": ["x"] * 6, "b": ["y"] * 6, "_errors": errors},
        schema={
            "_row": pl.Int64,
            "a": pl.String,
            "b": pl.String,
            "_errors": pl.Struct({"a": pl.String, "b": pl.String}),
        },
    )
    expected = ["", "a: type", "b: required", "a: type; b: required", "a: type", ""]
    assert errors_text(df).to_list() == expected == df.select(errors_text_expr(["a", "b"])).to_series().to_list()
    assert [r[-1] for r in read_back(export(df, "all"))[1:]] == expected
    assert [r[-2:] for r in read_back(export(df, "invalid"))[1:]] == [[str(i), expected[i - 1]] for i in (2, 3, 4, 5)]
