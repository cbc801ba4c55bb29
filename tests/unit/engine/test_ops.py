"""Each recipe op on small inputs (parametrised): value in, value out."""

from __future__ import annotations

from typing import Any

import polars as pl
import pytest
from pydantic import TypeAdapter

from ferry.engine.ops import apply_op, field_expr, only_where
from ferry.recipe import FieldRecipe
from ferry.recipe.model import Op

OP = TypeAdapter(Op)


def run(op: dict[str, Any], values: list[str | None], **extra: list[str | None]) -> list[str | None]:
    df = pl.DataFrame({"v": values, **extra}, schema={"v": pl.String, **{k: pl.String for k in extra}})
    return df.select(apply_op(OP.validate_python(op), pl.col("v"))).to_series().to_list()


CASES: list[tuple[dict[str, Any], list[str | None], list[str | None]]] = [
    ({"op": "trim"}, ["  a ", "\ufeffb\u200b", "\xa0c\t", None], ["a", "b", "c", None]),
    ({"op": "case", "to": "lower"}, ["AbC"], ["abc"]),
    ({"op": "case", "to": "upper"}, ["AbC"], ["ABC"]),
    ({"op": "case", "to": "title"}, ["john SMITH"], ["John Smith"]),
    ({"op": "null_tokens"}, ["N/A", " null ", "n/a", "-", "value", None], [None, None, None, None, "value", None]),
    ({"op": "null_tokens", "tokens": ["unknown"]}, ["Unknown", "N/A"], [None, "N/A"]),
    (
        {"op": "parse_date", "order": "MDY"},
        ["12/31/2020", "2020-01-05", "5 Jan 2021", "Jan 5, 2021", "2/30/2020", "nope", "01/02/69"],
        ["2020-12-31", "2020-01-05", "2021-01-05", "2021-01-05", "2/30/2020", "nope", "1969-01-02"],
    ),
    ({"op": "parse_date", "order": "DMY"}, ["12/11/2020", "31.12.2020"], ["2020-11-12", "2020-12-31"]),
    ({"op": "parse_date", "order": "YMD"}, ["2020/12/31", "20201231"], ["2020-12-31", "2020-12-31"]),
    ({"op": "parse_date", "formats": ["%d|%m|%Y"]}, ["31|12|2020", "12/31/2020"], ["2020-12-31", "12/31/2020"]),
    (
        {"op": "parse_datetime"},
        ["2020-02-03T10:00:00+02:00", "12/31/2020 11:05 PM", "2020-01-01 10:00", "2020-01-01T00:00:00Z"],
        ["2020-02-03T08:00:00Z", "2020-12-31T23:05:00Z", "2020-01-01T10:00:00Z", "2020-01-01T00:00:00Z"],
    ),
    ({"op": "parse_datetime", "assume_offset": "+01:00"}, ["2020-01-01 10:00"], ["2020-01-01T09:00:00Z"]),
    (
        {"op": "to_number"},
        ["$1,234.50", "12%", "(5)", "EUR 3", "1e5", "abc", "1,000.00", "+.5", "-7", "1 000"],
        ["1234.50", "0.12", "-5", "3", "1e5", "abc", "1000", "0.5", "-7", "1000"],
    ),
    ({"op": "to_number", "decimal": ","}, ["1.234,5", "3,0", "€ 2,50"], ["1234.5", "3", "2.50"]),
    (  # wrapped plain amounts (one fast path) beside shapes it must leave to the full cleaning
        {"op": "to_number"},
        ["(1,234.00)", "USD -1,234.5", "7,000 EUR", "$-12.50%", "(-5)", "( 5)", "usd 5", "5 EUR%", "USD 5 EUR"],
        ["-1234", "-1234.5", "7000", "-0.125", "-5", "-5", "5", "5 EUR%", "5"],
    ),
    ({"op": "to_number", "percent": False}, ["12.50%", "(0.00)"], ["12.50", "-0"]),
    ({"op": "to_boolean"}, ["Yes", "n", "TRUE", "0", "maybe"], ["true", "false", "true", "false", "maybe"]),
    ({"op": "to_boolean", "true_values": ["ja"], "false_values": ["nein"]}, ["JA", "nein"], ["true", "false"]),
    (
        {"op": "phone_e164", "region": "US"},
        ["(415) 555-0123", "+44 20 7946 0958", "abc", None],
        ["+14155550123", "+442079460958", "abc", None],
    ),
    ({"op": "phone_e164"}, ["415 555 0123"], ["415 555 0123"]),
    ({"op": "email_normalize"}, [" mailto:A@B.COM ", "<x@Y.org>"], ["a@b.com", "x@y.org"]),
    (
        {"op": "url_to_domain"},
        ["https://www.Example.com/path?q", "user@ftp.x.org:21/a", "example.org"],
        ["example.com", "ftp.x.org", "example.org"],
    ),
    ({"op": "split", "sep": " "}, ["a b c", "solo"], ["a", "solo"]),
    ({"op": "split", "sep": " ", "part": "last"}, ["a b c"], ["c"]),
    ({"op": "split", "sep": ",", "part": "index", "index": 1}, ["a,b", "a"], ["b", None]),
    ({"op": "map_values", "mapping": {"Act": "active", "x": None}}, ["ACT ", "X", "other"], ["active", None, "other"]),
    ({"op": "map_values", "mapping": {"a": "A"}, "default": "?"}, ["a", "b", None], ["A", "?", None]),
    ({"op": "default", "value": "n/a"}, [None, "", "  ", "x"], ["n/a", "n/a", "n/a", "x"]),
    ({"op": "regex_extract", "pattern": "([0-9]+)-([0-9]+)", "group": 2}, ["12-34", "no"], ["34", None]),
    ({"op": "regex_extract", "pattern": "[0-9]+"}, ["ab12cd"], ["12"]),
    (
        {"op": "json_extract", "path": "$.a.b[1]"},
        ['{"a":{"b":[1,2]}}', "bad", '{"a":{}}', '{"a":{"b":[1,true]}}'],
        ["2", None, None, "true"],
    ),
    ({"op": "json_extract", "path": "$.o"}, ['{"o":{"k":"v"}}'], ['{"k": "v"}']),
    (
        {"op": "split_name", "part": "first"},
        ["Ludwig van Beethoven", "Mary Ann  Smith", "Smith, John", "Cher", "Juan de la Cruz", None],
        ["Ludwig", "Mary Ann", "John", "Cher", "Juan", None],
    ),
    (
        {"op": "split_name", "part": "last"},
        ["Ludwig van Beethoven", "Mary Ann  Smith", "Smith, John", "Cher", "Juan de la Cruz", None],
        ["van Beethoven", "Smith", "Smith", None, "de la Cruz", None],
    ),
    ({"op": "affix", "prefix": "info@"}, ["acme.com", None], ["info@acme.com", None]),
    ({"op": "affix", "suffix": " GmbH"}, ["Acme"], ["Acme GmbH"]),
]


@pytest.mark.parametrize(("op", "values", "expected"), CASES, ids=[f"{c[0]['op']}-{i}" for i, c in enumerate(CASES)])
def test_op(op: dict[str, Any], values: list[str | None], expected: list[str | None]) -> None:
    assert run(op, values) == expected


def test_concat_and_coalesce_read_other_columns() -> None:
    df = pl.DataFrame({"first": ["Ann", "", None], "last": ["Lee", "Bo", None], "alt": ["x", "y", "z"]})
    concat = FieldRecipe.model_validate({"field": "name", "ops": [{"op": "concat", "columns": ["first", "last"]}]})
    assert df.select(field_expr(concat)).to_series().to_list() == ["Ann Lee", "Bo", None]
    coalesce = FieldRecipe.model_validate(
        {"field": "f", "column": "first", "ops": [{"op": "coalesce", "columns": ["last", "alt"]}]}
    )
    assert df.select(field_expr(coalesce)).to_series().to_list() == ["Ann", "Bo", "z"]


def test_fill_from_builds_a_fallback_from_another_column() -> None:
    df = pl.DataFrame({"mail": ["a@x.org", "", None], "site": ["https://www.acme.com/", "http://b.io", None]})
    fr = FieldRecipe.model_validate(
        {
            "field": "email",
            "column": "mail",
            "ops": [
                {
                    "op": "fill_from",
                    "column": "site",
                    "ops": [{"op": "url_to_domain"}, {"op": "affix", "prefix": "info@"}],
                }
            ],
        }
    )
    assert fr.source_columns() == ["mail", "site"]
    assert df.select(field_expr(fr)).to_series().to_list() == ["a@x.org", "info@b.io", None]


def test_unmapped_field_is_null_and_blank_becomes_null() -> None:
    df = pl.DataFrame({"a": ["", "x"]})
    assert df.select(field_expr(FieldRecipe(field="f"))).to_series().to_list() == [None, None]
    assert df.select(field_expr(FieldRecipe(field="f", column="a"))).to_series().to_list() == [None, "x"]


def test_only_where_leaves_its_input_unchanged() -> None:
    s = pl.Series(["a", "b", "c"])
    out = only_where(s, pl.Series([False, True, False]), lambda v: v + "!")
    assert out.to_list() == ["a", "b!", "c"]
    assert s.to_list() == ["a", "b", "c"]
    assert only_where(s, pl.Series([2], dtype=pl.UInt32), lambda v: v + "?").to_list() == ["a", "b", "c?"]


@pytest.mark.parametrize(
    ("tokens", "values", "expected"),
    [
        # short values are upper-cased and looked up; longer ones (most of a column) are left as they are
        (
            None,
            ["  n/a ", "\u00a0null\u3000", "n/a n/a", "(415) 555-0123", "nul"],
            [None, None, "n/a n/a", "(415) 555-0123", "nul"],
        ),
        # upper-casing can lengthen a value ('ß' -> 'SS', 'ﬀ' -> 'FF'): a value shorter than its token still matches
        (["ss", "ff"], ["ß", "ﬀ", "ss ", "ßß", "s"], [None, None, None, "ßß", "s"]),
        ([], ["N/A", "", None], ["N/A", "", None]),
    ],
)
def test_null_tokens_look_up_only_values_as_short_as_a_token(
    tokens: list[str] | None, values: list[str | None], expected: list[str | None]
) -> None:
    op = OP.validate_python({"op": "null_tokens"} if tokens is None else {"op": "null_tokens", "tokens": tokens})
    got = pl.DataFrame({"v": values}, schema={"v": pl.String}).select(apply_op(op, pl.col("v"))).to_series()
    assert got.to_list() == expected
