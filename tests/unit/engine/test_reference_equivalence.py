"""Differential tests: the polars engine and the plain-Python reference (tests/reference/engine.py) agree.

- op level: every op in OP_NAMES on hypothesis-generated messy values (`ferry.engine.ops.apply_op`);
- rule level: `ferry.engine.rules.rule_expr` on generated field definitions and values;
- executor level: every ready sheet of the real-file corpus (a string recipe and a typed one with rules,
  filters and dedup), the bench's 20,000-row messy contacts file, and generated in-memory sheets;
- report level: the reference report equals the engine's `report` in every executor-level test.

Hypothesis runs derandomized (same examples every run), without an example database and without shrinking.
"""

from __future__ import annotations

import csv
import json
import random
import re
import tempfile
import unicodedata
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, get_args

import polars as pl
import pytest
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from bench.engine.run import TEMPLATE as CONTACTS_TEMPLATE
from bench.engine.run import generate as generate_contacts
from bench.engine.run import recipe as contacts_recipe
from ferry.core.domain import FileManifest, SheetManifest, Template, TemplateField
from ferry.core.errors import FileRejected
from ferry.engine import Inputs, execute, read_output
from ferry.engine.ops import apply_op as engine_apply_op
from ferry.engine.ops import blank_to_null
from ferry.engine.rules import rule_expr
from ferry.ingest import sniff
from ferry.recipe import OP_NAMES, Recipe
from ferry.recipe.model import Op
from ferry.recipe.spec import (
    DATE_FORMATS_DAY_FIRST,
    DATE_FORMATS_MONTH_FIRST,
    DATETIME_FORMATS_DAY_FIRST,
    DATETIME_FORMATS_MONTH_FIRST,
    DEFAULT_FALSE,
    DEFAULT_NULL_TOKENS,
    DEFAULT_TRUE,
    WHITESPACE,
)
from tests.reference import engine as ref

from .conftest import REAL

OP = TypeAdapter(Op)
SETTINGS = settings(
    deadline=None,
    max_examples=25,
    derandomize=True,
    database=None,
    # no shrinking: failures print the differing values themselves, and shrinking would blow the time budget
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

# --- messy value generators -------------------------------------------------------------------------

SOME_WS = " \t\u00a0\u3000\ufeff\u200b\u2009\u202f\n"
ws = st.text(alphabet=st.sampled_from(SOME_WS + WHITESPACE), max_size=2)
arbitrary = st.text(alphabet=st.characters(exclude_categories=("Cs", "Cn")), max_size=16)
ws_only = st.text(alphabet=st.sampled_from(WHITESPACE), min_size=1, max_size=3)


def padded(s: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """`s` with random (Unicode) white space around it."""
    return st.tuples(ws, s, ws).map("".join)


def any_case(s: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    cases: st.SearchStrategy[Callable[[str], str]] = st.sampled_from([str, str.lower, str.upper, str.title])
    return st.tuples(s, cases).map(lambda t: t[1](t[0]))


null_tokens = padded(any_case(st.sampled_from([*DEFAULT_NULL_TOKENS, "n/a", "None", "nil", "#n/a", "NaN"])))


@st.composite
def numbers(draw: st.DrawFn) -> str:
    """Human numbers: grouping, decimal comma or point, currency symbols/codes, %, parentheses, signs, exponents."""
    if draw(st.integers(0, 5)) == 0:
        body = draw(st.sampled_from(["1e5", "2.5E-3", "1E+05", "6.02e23", "1e-7", ".5e3", "1e400", "0.000"]))
    else:
        whole = draw(st.one_of(st.integers(0, 999), st.integers(0, 10**10)))
        group = draw(st.sampled_from(["", "", ",", ".", " ", "\u00a0", "\u202f", "'", "\u2019"]))
        digits = f"{whole:,}".replace(",", group)
        point = draw(st.sampled_from([".", ","]))
        frac = draw(st.sampled_from(["", "", "0", "00", "5", "50", "25", "3", "33", "1", "15", "125", "999", "07"]))
        body = digits + (point + frac if frac else "")
    sign = draw(st.sampled_from(["", "", "-", "+", "+-"]))
    money = draw(st.sampled_from(["", "", "", "$", "€", "£", "¥", "₹", "USD ", "usd", "EUR ", " GBP", " chf", "€ "]))
    before = draw(st.booleans())
    text = (money + sign + body) if before else (sign + body + money)
    text += draw(st.sampled_from(["", "", "", "%", " %", "%%"]))
    parens = draw(st.sampled_from(["", "", "", "()", "(", ")", "( )"]))
    if parens == "()":
        text = f"({text})"
    elif parens == "( )":
        text = f"( {text} )"
    elif parens == "(":
        text = "(" + text
    elif parens == ")":
        text += ")"
    return draw(padded(st.just(text)))


MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTH_FULL = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"]  # fmt: skip
CUSTOM_FORMAT_SETS: list[list[str]] = [
    ["%d|%m|%Y"],
    ["%Y.%m.%d %H:%M"],
    ["%d-%b-%y"],
    ["%B %d %Y", "%m/%d/%Y"],
    ["%I:%M %p %m/%d/%Y"],
    ["%Y%m%d %H%M%S%z"],
    ["%d/%m/%Y %H:%M:%S%z", "%Y-%m-%d"],
]
ALL_FORMATS = sorted(
    {
        *DATE_FORMATS_MONTH_FIRST,
        *DATE_FORMATS_DAY_FIRST,
        *ref.DATE_FORMATS_YEAR_FIRST,
        *DATETIME_FORMATS_MONTH_FIRST,
        *DATETIME_FORMATS_DAY_FIRST,
        *ref.DATETIME_FORMATS_YEAR_FIRST,
        *(f for fs in CUSTOM_FORMAT_SETS for f in fs),
    }
)
ZONES = ["", "", "", "Z", "z", "UTC", " UTC", "GMT", "+02:00", "-0800", "+05", "+05:30", " -03:00", "+24:00", "utc"]


@st.composite
def dates(draw: st.DrawFn, formats: list[str] = ALL_FORMATS) -> str:
    """A date or date-time rendered in one of the engine's formats, sometimes with impossible parts."""
    fmt = draw(st.sampled_from(formats))
    year = draw(st.one_of(st.integers(1900, 2099), st.sampled_from([1968, 1969, 2000, 2024, 2100])))
    month = draw(st.one_of(st.integers(1, 12), st.integers(1, 12), st.sampled_from([0, 13])))
    day = draw(st.one_of(st.integers(1, 28), st.integers(29, 31), st.sampled_from([0, 32])))
    hour = draw(st.one_of(st.integers(0, 23), st.sampled_from([24, 99])))
    hour12 = draw(st.one_of(st.integers(1, 12), st.integers(1, 12), st.sampled_from([0, 13, 23])))
    minute = draw(st.one_of(st.integers(0, 59), st.just(60)))
    second = draw(st.one_of(st.integers(0, 59), st.just(60)))
    pad = draw(st.booleans())
    casings: list[Callable[[str], str]] = [str, str.lower, str.upper]
    name_case = draw(st.sampled_from(casings))
    parts: list[str] = []
    i = 0
    while i < len(fmt):
        if fmt[i] != "%":
            parts.append(fmt[i])
            i += 1
            continue
        d = fmt[i + 1]
        i += 2
        if d == "Y":
            parts.append(f"{year:04d}")
        elif d == "y":
            parts.append(f"{year % 100:02d}")
        elif d == "m":
            parts.append(f"{month:02d}" if pad else str(month))
        elif d == "d":
            parts.append(f"{day:02d}" if pad else str(day))
        elif d in "bB":
            if not 1 <= month <= 12:
                name = "Smarch"
            elif d == "B":
                name = MONTH_FULL[month - 1]
            else:
                name = draw(st.sampled_from(["Sept", "Sep."])) if month == 9 else MONTH_ABBR[month - 1]
            parts.append(name_case(name))
        elif d == "H":
            parts.append(f"{hour:02d}" if pad else str(hour))
        elif d == "I":
            parts.append(f"{hour12:02d}" if pad else str(hour12))
        elif d == "M":
            parts.append(f"{minute:02d}")
        elif d == "S":
            parts.append(f"{second:02d}" + draw(st.sampled_from(["", "", ".5", ",123", ".123456789"])))
        elif d == "p":
            parts.append(draw(st.sampled_from(["AM", "PM", "am", "pm"])))
        elif d == "z":
            parts.append(draw(st.sampled_from(ZONES)))
        else:
            parts.append(d)
    return draw(padded(st.just("".join(parts))))


booleans = padded(any_case(st.sampled_from([*DEFAULT_TRUE, *DEFAULT_FALSE, "ja", "nein", "maybe", "2", "yes!"])))


@st.composite
def phones(draw: st.DrawFn) -> str:
    area, exchange, line = draw(st.integers(200, 999)), draw(st.integers(200, 999)), draw(st.integers(0, 9999))
    shapes = [
        f"({area}) {exchange}-{line:04d}",
        f"{area}-{exchange}-{line:04d}",
        f"{area}.{exchange}.{line:04d}",
        f"+1 {area} {exchange} {line:04d}",
        f"1-{area}-{exchange}-{line:04d}",
        f"+44 20 7946 {line:04d}",
        f"020 7946 {line:04d}",
        f"+49 30 {exchange}{line:04d}",
        f"030 {exchange}{line:04d}",
        f"+33 1 23 45 {line % 100:02d} 89",
        f"01 23 45 67 {line % 100:02d}",
        "12",
        f"{exchange}-{line:04d}",
        f"+1 ({area}) {exchange}-{line:04d} ext. 12",
        "1-800-FLOWERS",
        f"tel:+1{area}{exchange}{line:04d}",
        f"00{area}{exchange}{line:04d}",
    ]
    return draw(padded(st.sampled_from(shapes)))


WORDS = ["john", "Mary", "o'neil", "zsa zsa", "ANN", "li", "x", "müller", "jean-luc", "a.b", "first+tag"]


@st.composite
def emails(draw: st.DrawFn) -> str:
    local = draw(st.sampled_from(WORDS)) + draw(st.sampled_from(["", "1", ".smith", "_2", "+news"]))
    domain = draw(st.sampled_from(["example.com", "Mail.CO.uk", "x-y.org", "b", "sub.domain.io", "ex ample.com"]))
    address = f"{local}@{domain}"
    address = draw(st.sampled_from([address, address, "a@", "@b.com", "a@@b.com", "a b@c.com"]))
    wrap = draw(
        st.sampled_from(
            ["{}", "{}", "mailto:{}", "MAILTO:{}", "<{}>", "< {} >", "<mailto:{}>", "mailto: <{}>", "Ann <{}>"]
        )
    )
    return draw(padded(any_case(st.just(wrap.format(address)))))


@st.composite
def urls(draw: st.DrawFn) -> str:
    scheme = draw(st.sampled_from(["", "", "http://", "https://", "HTTPS://", "ftp://", "mailto:"]))
    user = draw(st.sampled_from(["", "", "", "user@", "user:pw@"]))
    www = draw(st.sampled_from(["", "", "www.", "WWW."]))
    host = draw(st.sampled_from(["example.com", "Acme.co.uk", "shop.example.org", "localhost", "x", "a-b.io."]))
    port = draw(st.sampled_from(["", "", ":8080", ":"]))
    path = draw(st.sampled_from(["", "/", "/path", "/a/b?q=1", "?q=a@b", "#frag", "/x@y"]))
    return draw(padded(st.just(scheme + user + www + host + port + path)))


FIRST = ["Ludwig", "Mary Ann", "José", "Zoë", "john", "Cher", "J.", "Anne-Marie", "rene\u0301e", "ZOE\u0308"]
PARTICLES = ["van", "von der", "de la", "Van", "St.", "bin", "del", "DE"]
LAST = ["Beethoven", "O'Neil", "Smith-Jones", "García", "Cruz", "smith", "Berg"]
NAME_SEPARATORS = [" ", " ", " ", "  ", "\u00a0", "\u3000", "\t", "\u200b"]


@st.composite
def names(draw: st.DrawFn) -> str:
    first, last = draw(st.sampled_from(FIRST)), draw(st.sampled_from(LAST))
    particle = draw(st.sampled_from(["", "", *PARTICLES]))
    sep = draw(st.sampled_from(NAME_SEPARATORS))
    last_full = f"{particle}{sep}{last}" if particle else last
    shape = draw(st.sampled_from(["fl", "fl", "lf", "lfc", "f", "l,", ",f", "fml"]))
    text = {
        "fl": f"{first}{sep}{last_full}",
        "lf": f"{last_full}, {first}",
        "lfc": f"{last_full},{first}",
        "f": first,
        "l,": f"{last},",
        ",f": f", {first}",
        "fml": f"{first}{sep}{draw(st.sampled_from(FIRST))}{sep}{last_full}",
    }[shape]
    return draw(padded(st.just(text)))


json_scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=6),
)
json_tree = st.recursive(
    json_scalar,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["a", "b", "id", "name", "items", "city"]), inner, max_size=3)
    ),
    max_leaves=4,
)
json_docs = st.one_of(
    json_tree,
    st.fixed_dictionaries({"a": json_tree, "items": st.lists(st.fixed_dictionaries({"id": json_scalar}), max_size=3)}),
    st.fixed_dictionaries({"a": st.fixed_dictionaries({"b": st.lists(json_scalar, max_size=3)})}),
)
json_cells = st.one_of(
    st.tuples(json_docs, st.booleans()).map(lambda t: json.dumps(t[0], ensure_ascii=t[1])),
    st.sampled_from(["{", "{'a': 1}", "[1,2", "NaN", '{"a": NaN}', '{"a": 1e400}', "\ufeff{}", '{"a": {"b": [1.10]}}']),
    # an emoji cut in half by a UTF-16 system: a JSON escape of an unpaired surrogate
    st.sampled_from(['{"name": "Zo\\ud83d"}', '{"a": "\\udc00x"}', '["\\ud83d\\ude00", "\\ud83d"]']),
)

messy = st.one_of(
    arbitrary,
    null_tokens,
    numbers(),
    dates(),
    booleans,
    phones(),
    emails(),
    urls(),
    names(),
    json_cells,
    ws_only,
)


def mixed(domain: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Mostly `domain` values, some of anything."""
    return st.one_of(domain, domain, domain, messy)


@st.composite
def column(draw: st.DrawFn, values: st.SearchStrategy[Any], size: int | None = None) -> list[Any]:
    """A column drawn from a few distinct values, so repeats exercise the engine's per-distinct path too."""
    distinct = draw(st.lists(values, min_size=1, max_size=6))
    n = size if size is not None else draw(st.integers(1, 16))
    picks = draw(st.lists(st.integers(0, len(distinct) - 1), min_size=n, max_size=n))
    return [distinct[i] for i in picks]


# --- op level -----------------------------------------------------------------------------------------

other_cells = st.one_of(st.just(""), names(), emails(), urls(), ws_only, messy)
CELL_COLUMNS = ["a", "b"]
READS_CELLS = {"concat", "coalesce", "fill_from"}
column_lists = st.lists(st.sampled_from(CELL_COLUMNS), min_size=1, max_size=2, unique=True)
INNER_OPS: list[dict[str, Any]] = [
    {"op": "url_to_domain"},
    {"op": "affix", "prefix": "info@"},
    {"op": "trim"},
    {"op": "case", "to": "lower"},
    {"op": "email_normalize"},
    {"op": "to_number"},
    {"op": "split_name", "part": "first"},
    {"op": "null_tokens"},
    {"op": "default", "value": "none@example.com"},
]
REGEXES: list[tuple[str, int]] = [
    ("([0-9]+)-([0-9]+)", 2),
    ("[0-9]+$", 0),
    ("^([A-Za-z]+)", 1),
    ("(?i)id[: ]*([a-z0-9]+)", 1),
    ("([0-9]{3})?-?([0-9]{4})", 1),
    ("@(.*)$", 1),
    ("[aeiou]{2}", 0),
]
REGEX_VALUES = st.sampled_from(["id: AB123", "ID 77", "12-34", "order #5566\n", "abc\n", "555-0123", "x@y.org\n"])
MAP_KEYS = ["active", "Inactive ", "N/A", "yes", "LEAD", " churned", "Ünïcode"]
map_values_values = padded(any_case(st.sampled_from([*MAP_KEYS, "other", "ACTIVE"])))


def op_strategy(name: str) -> tuple[st.SearchStrategy[dict[str, Any]], st.SearchStrategy[str]]:
    """(recipe op dicts, values) for op `name`."""
    s = st.sampled_from
    table: dict[str, tuple[st.SearchStrategy[dict[str, Any]], st.SearchStrategy[str]]] = {
        "trim": (st.just({"op": "trim"}), messy),
        "case": (st.builds(lambda to: {"op": "case", "to": to}, s(["lower", "upper", "title"])), mixed(names())),
        "null_tokens": (
            st.builds(
                lambda t: {"op": "null_tokens", "tokens": t},
                st.none() | st.lists(s(["unknown", "n/a", "-", "TBD", "none", "N.A."]), min_size=1, max_size=3),
            ),
            mixed(null_tokens),
        ),
        "parse_date": (
            st.builds(
                lambda o, f: {"op": "parse_date", "order": o, "formats": f},
                s(["MDY", "DMY", "YMD"]),
                st.none() | st.none() | s(CUSTOM_FORMAT_SETS),
            ),
            mixed(dates()),
        ),
        "parse_datetime": (
            st.builds(
                lambda o, f, z: {"op": "parse_datetime", "order": o, "formats": f, "assume_offset": z},
                s(["MDY", "DMY", "YMD"]),
                st.none() | st.none() | s(CUSTOM_FORMAT_SETS),
                s(["Z", "UTC", "+02:00", "-05:30", "+00:00"]),
            ),
            mixed(dates()),
        ),
        "to_number": (
            st.builds(lambda d, p: {"op": "to_number", "decimal": d, "percent": p}, s([".", ","]), st.booleans()),
            mixed(numbers()),
        ),
        "to_boolean": (
            st.builds(
                lambda t, f: {"op": "to_boolean", "true_values": t, "false_values": f},
                st.none() | s([["ja", "Oui"], ["si"]]),
                st.none() | s([["nein", "NON"], ["0"]]),
            ),
            mixed(booleans),
        ),
        "phone_e164": (
            st.builds(lambda r: {"op": "phone_e164", "region": r}, s([None, "US", "GB", "DE", "FR"])),
            mixed(phones()),
        ),
        "email_normalize": (st.just({"op": "email_normalize"}), mixed(emails())),
        "url_to_domain": (st.just({"op": "url_to_domain"}), mixed(urls())),
        "split": (
            st.builds(
                lambda sep, part, i: {"op": "split", "sep": sep, "part": part, "index": i},
                s([" ", ",", ";", "-", "|", ", ", "@"]),
                s(["first", "last", "index"]),
                st.integers(-3, 3),
            ),
            mixed(st.one_of(names(), emails(), st.just("a,b;c|d-e f"), st.just("x, y, z"))),
        ),
        "split_name": (st.builds(lambda p: {"op": "split_name", "part": p}, s(["first", "last"])), mixed(names())),
        "affix": (
            st.builds(
                lambda p, x: {"op": "affix", "prefix": p, "suffix": x}, s(["", "info@", "+1 "]), s(["", " GmbH", "/"])
            ),
            st.one_of(messy, ws_only),
        ),
        "concat": (
            st.builds(lambda c, sep: {"op": "concat", "columns": c, "sep": sep}, column_lists, s([" ", ", ", "-", ""])),
            messy,
        ),
        "map_values": (
            st.builds(
                lambda mp, d: {"op": "map_values", "mapping": mp, "default": d},
                st.dictionaries(s(MAP_KEYS), st.none() | s(["A", "I", "", "yes"]), min_size=1, max_size=4),
                s([None, None, "other", ""]),
            ),
            mixed(map_values_values),
        ),
        "default": (
            st.builds(lambda v: {"op": "default", "value": v}, s(["n/a", "0", "", " ", "unknown"])),
            st.one_of(messy, ws_only),
        ),
        "coalesce": (st.builds(lambda c: {"op": "coalesce", "columns": c}, column_lists), st.one_of(messy, ws_only)),
        "fill_from": (
            st.builds(
                lambda c, ops: {"op": "fill_from", "column": c, "ops": ops},
                s(CELL_COLUMNS),
                st.lists(s(INNER_OPS), max_size=3),
            ),
            st.one_of(emails(), ws_only, messy),
        ),
        "regex_extract": (
            st.builds(lambda pg: {"op": "regex_extract", "pattern": pg[0], "group": pg[1]}, s(REGEXES)),
            st.one_of(REGEX_VALUES, messy),
        ),
        "json_extract": (
            st.builds(
                lambda p: {"op": "json_extract", "path": p},
                s(["$", "$.a", "$.a.b", "$.a.b[0]", "$.items[0]", "$.items[1].id", "$[0]", "$[1]", "$.name"]),
            ),
            mixed(json_cells),
        ),
    }
    return table[name]


def engine_op(op: Any, values: list[str | None], cells: dict[str, list[str]]) -> list[str | None]:
    df = pl.DataFrame({"v": values, **cells}, schema={"v": pl.String, **{c: pl.String for c in cells}})
    return df.select(blank_to_null(engine_apply_op(op, pl.col("v")))).to_series().to_list()


def reference_op(op: Any, values: list[str | None], cells: dict[str, list[str]]) -> list[str | None]:
    rows = [{c: cells[c][i] for c in cells} for i in range(len(values))]
    return [ref.empty_to_null(ref.apply_op(op, v, row)) for v, row in zip(values, rows, strict=True)]


def test_every_op_has_a_strategy_and_a_reference() -> None:
    for name in OP_NAMES:
        op_strategy(name)
    (union,) = get_args(Op)[:1]
    assert set(ref.OPS) == set(get_args(union))


@pytest.mark.parametrize("name", OP_NAMES)
@SETTINGS
@given(data=st.data())
def test_op_matches_reference(name: str, data: st.DataObject) -> None:
    ops, values = op_strategy(name)
    op = OP.validate_python(data.draw(ops, label="op"))
    # the pipeline never hands an op '' (blank becomes null before every op)
    col = [None if v == "" else v for v in data.draw(column(values | st.none()), label="values")]
    cells = {c: [""] * len(col) for c in CELL_COLUMNS}
    if name in READS_CELLS:
        cells = {c: data.draw(column(other_cells, size=len(col)), label=c) for c in CELL_COLUMNS}
    got, want = engine_op(op, col, cells), reference_op(op, col, cells)
    diffs = [(v, g, w) for v, g, w in zip(col, got, want, strict=True) if g != w]
    assert not diffs, f"{op!r}: (input, engine, reference) " + "; ".join(map(repr, diffs[:5]))


# Fixed inputs where a reading is easy to get wrong (each also a minimal repro when the engines disagree).
EDGE_OPS: list[tuple[dict[str, Any], list[str | None]]] = [
    ({"op": "to_number"}, ["12%", "(5)", "$1,234.50", "EUR 3", "+.5", "1 000", "(-5)", "1e5%", "-0%"]),
    ({"op": "to_number"}, ["1.1%", "33.3%", "0.07%", "1e400%", "123456789012345678%"]),
    ({"op": "to_number"}, ["(5", "5)", "((5))", "( USD 5)"]),
    ({"op": "to_number", "decimal": ","}, ["1.234,5", "3,0", "€ 2,50", "12,5 %"]),
    ({"op": "parse_date"}, ["2020-02-29", "2019-02-29", "0000-01-01", "01/02/69", "Sept 5, 2020", "5 Sep. 2020"]),
    ({"op": "parse_datetime"}, ["2020-02-03T10:00:00+02:00", "12/31/2020 11:05 PM", "2020-01-01 10:00 +0530"]),
    ({"op": "parse_datetime"}, ["12/31/2020 13:05 PM", "12/31/2020 00:05 AM", "12/31/2020 99:00 PM"]),
    ({"op": "parse_datetime"}, ["2020-01-01T10:30:60Z", "2020-01-01T23:59:60Z"]),
    ({"op": "parse_datetime"}, ["0000-01-01T00:00:00+01:00", "9999-12-31T23:00:00-02:00"]),
    ({"op": "parse_datetime", "assume_offset": "-05:30"}, ["2020-01-01 10:00", "2020-01-01T10:00:00+24:00"]),
    ({"op": "email_normalize"}, [" mailto:A@B.COM ", "<x@Y.org>", "Ann <a@b.com>"]),
    ({"op": "email_normalize"}, ["<mailto:A@B.com>", "mailto: <a@b.com>"]),
    ({"op": "affix", "prefix": "info@"}, ["acme.com", " ", "\u3000"]),
    ({"op": "split_name", "part": "last"}, ["Ludwig van Beethoven", "Smith, John", "John\u3000Smith"]),
    ({"op": "split_name", "part": "last"}, ["John\u200bSmith", "John\x1cSmith"]),
    ({"op": "case", "to": "title"}, ["john SMITH", "o'neil-smith", "hello1world", "ΑΣ ΑΣΑ", "日本a"]),
    ({"op": "case", "to": "title"}, ["rene\u0301e dupont"]),
    ({"op": "json_extract", "path": "$.a"}, ['{"a": 1e400}', '{"a": 1.10}', '{"a": [1, {"b": "é"}]}', "\ufeff{}"]),
    ({"op": "json_extract", "path": "$.name"}, ['{"name": "Zo\\ud83d"}']),
    ({"op": "regex_extract", "pattern": "[0-9]+$"}, ["12\n", "12"]),
    ({"op": "phone_e164", "region": "US"}, ["(415) 555-0123", "\x1c4155550123", "\u200b4155550123", "12"]),
    # NANP with punctuation and the trunk 1, E.164 forms, an extension, garbage, IDD, a short local number
    ({"op": "phone_e164", "region": "US"}, ["415.555.0123", "1 (415) 555-0123", "+1 415 555 0123", "14155550123"]),
    ({"op": "phone_e164", "region": "US"}, ["+44 20 7946 0958", "+44 (0)20 7946 0958", "+49 30 1234567", "+0 12"]),
    ({"op": "phone_e164", "region": "US"}, ["415-555-0123 ext 12", "415 555 0123 x9", "1-800-FLOWERS", "555-0123"]),
    ({"op": "phone_e164", "region": "US"}, ["011 44 20 7946 0958", "(123) 555-0123", "1 123 555 0123", "+1 123"]),
    (
        {"op": "phone_e164", "region": "US"},
        [
            "\uff14\uff11\uff15\uff15\uff15\uff15\uff10\uff11\uff12\uff13",
            "+1\u00a0415 555 0123",
            "tel:+14155550123",
            "--",
        ],
    ),
    # national numbers with the trunk prefix of the default region, and the region's code without '+'
    ({"op": "phone_e164", "region": "GB"}, ["020 7946 0958", "07700 900123", "44 20 7946 0958", "0044 20 7946 0958"]),
    ({"op": "phone_e164", "region": "DE"}, ["030 1234567", "0170 1234567", "49 30 1234567", "030-12"]),
    ({"op": "phone_e164", "region": "FR"}, ["01 23 45 67 89", "06.12.34.56.78", "+33 (0)1 23 45 67 89", "0123"]),
    ({"op": "phone_e164", "region": "IT"}, ["06 1234 5678", "+39 06 1234 5678", "333 123 4567", "0039 06 12345678"]),
    ({"op": "phone_e164", "region": "BR"}, ["(11) 91234-5678", "0 21 11 91234 5678", "+55 11 91234 5678"]),
    ({"op": "phone_e164"}, ["+1 415 555 0123", "415 555 0123", "+800 1234 5678", "+882 1234 5678"]),
    # numbers: currency symbols and codes, thousand separators, parentheses, percent
    ({"op": "to_number"}, ["$1,234,567.89", "USD 1,234.5", "1,234.50 EUR", "(1,200.00)", "£-3", "1,23,456"]),
    ({"op": "to_number", "decimal": ","}, ["1.234.567,89 €", "EUR 1.234,5", "(1.200,00)", "12,50%", "1.2.3"]),
    # e-mails, title case, name parts
    ({"op": "email_normalize"}, ["  JOHN.Smith@Example.COM ", "<<a@b.co>>", "mailto:", "MAILTO:x@y.z"]),
    ({"op": "case", "to": "title"}, ["JOHN o'NEIL", "anne-marie DE la cruz", "ǆemal", "ﬁsh", "\u212aelvin"]),
    ({"op": "split_name", "part": "first"}, ["Anne van der Berg", "van Beethoven", "de la Cruz, María", "K\u212a x"]),
    (
        {"op": "split_name", "part": "last"},
        ["Anne VAN DER Berg", "Jean \u017ft Cyr", "Smith,", ", John", "Al  St. James"],
    ),
    ({"op": "split_name", "part": "last"}, ["  Zoë\u3000Müller ", "John\x1cSmith", "One", "a,b,c", "İbn Sina"]),
    # JSON paths into objects, arrays, nested values, nulls and booleans
    ({"op": "json_extract", "path": "$.a.b[1]"}, ['{"a": {"b": [1, 2]}}', '{"a": {"b": [1]}}', '{"a": null}', "[1]"]),
    ({"op": "json_extract", "path": "$[0].id"}, ['[{"id": true}]', '[{"id": null}]', '[{"id": {"x": 1}}]', "{}"]),
    ({"op": "url_to_domain"}, ["HTTPS://WWW.EXAMPLE.COM:8080/x", "mailto:x@y.com", "user@ftp.x.org:21/a", "www."]),
]


@pytest.mark.parametrize(("op_spec", "values"), EDGE_OPS, ids=[f"{o['op']}-{i}" for i, (o, _) in enumerate(EDGE_OPS)])
def test_op_edge_cases_match_reference(op_spec: dict[str, Any], values: list[str | None]) -> None:
    op = OP.validate_python(op_spec)
    cells = {c: [""] * len(values) for c in CELL_COLUMNS}
    got, want = engine_op(op, values, cells), reference_op(op, values, cells)
    diffs = [(v, g, w) for v, g, w in zip(values, got, want, strict=True) if g != w]
    assert not diffs, f"{op!r}: (input, engine, reference) " + "; ".join(map(repr, diffs))


def _column_matches(op_spec: dict[str, Any], values: list[str | None]) -> None:
    op = OP.validate_python(op_spec)
    cells = {c: [""] * len(values) for c in CELL_COLUMNS}
    got, want = engine_op(op, values, cells), reference_op(op, values, cells)
    diffs = [(v, g, w) for v, g, w in zip(values, got, want, strict=True) if g != w]
    assert not diffs, f"{op!r}: {len(diffs)} differ, e.g. (input, engine, reference) " + "; ".join(map(repr, diffs[:5]))


def _phone_layouts(seed: int, n: int) -> list[str | None]:
    """Digits grouped with spaces, dashes, dots and parentheses, with or without '+', country codes and trunk
    prefixes of several regions, extensions, too few or too many digits: the native reader's whole domain."""
    rnd = random.Random(seed)
    starts = ["", "1", "0", "00", "011", "44", "49", "33", "39", "55", "91", "61", "800", "882", "7", "86"]
    out: list[str | None] = []
    for _ in range(n):
        digits = rnd.choice(starts) + "".join(rnd.choice("0123456789") for _ in range(rnd.randint(1, 13)))
        groups, i = [], 0
        while i < len(digits):
            k = rnd.randint(1, 4)
            groups.append(f"({digits[i : i + k]})" if rnd.random() < 0.1 else digits[i : i + k])
            i += k
        text = rnd.choice(["", " ", "-", ".", "  "]).join(groups)
        text = rnd.choice(["", "", "+", "+ ", "("]) + text + rnd.choice(["", "", "", " ext 12", "x7", " EXT. 3", " "])
        out.append(None if rnd.random() < 0.03 else text)
    return out


@pytest.mark.parametrize("region", [None, "US", "CA", "GB", "DE", "FR", "IT", "IN", "AU", "BR", "MX", "JP"])
def test_phone_layouts_match_reference(region: str | None) -> None:
    """The native phone reader answers exactly as `phonenumbers` does, on a column of mostly-distinct values and
    on one with many repeats (read once per distinct value)."""
    values = _phone_layouts(hash(region) % 1000 if region else 0, 1500)
    _column_matches({"op": "phone_e164", "region": region}, values)
    _column_matches({"op": "phone_e164", "region": region}, values[:100] * 8)


def test_name_parts_match_reference() -> None:
    rnd = random.Random(5)
    words = [
        "john",
        "Van",
        "de",
        "LA",
        "st.",
        "St",
        "mac",
        "\u017ft",
        "\u212a",
        "İbn",
        "Ölaf",
        "a,b",
        ",",
        "o'neil",
        "DER",
    ]
    spaces = ["", " ", "  ", "\t", ", ", "\u3000", "\xa0", "\x1c"]
    values: list[str | None] = [
        "".join(rnd.choice(words) + rnd.choice(spaces) for _ in range(rnd.randint(1, 5))) for _ in range(2000)
    ]
    for part in ("first", "last"):
        _column_matches({"op": "split_name", "part": part}, values)


def _render(fmt: str, day: int, month: int, year: int, rnd: random.Random) -> str:
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
    parts = {
        "%Y": f"{year:04d}", "%y": f"{year % 100:02d}", "%m": rnd.choice([f"{month:02d}", str(month)]),
        "%d": rnd.choice([f"{day:02d}", str(day)]), "%b": months[(month - 1) % 10][:3], "%B": months[(month - 1) % 10],
        "%H": f"{rnd.randint(0, 25):02d}", "%I": f"{rnd.randint(0, 13):02d}", "%M": f"{rnd.randint(0, 60):02d}",
        "%S": f"{rnd.randint(0, 60):02d}", "%p": rnd.choice(["AM", "PM"]), "%z": rnd.choice(["Z", "+02:00", "-0530"]),
    }  # fmt: skip
    return re.sub("%[A-Za-z]", lambda m: parts.get(m.group(0), m.group(0)), fmt)


@pytest.mark.parametrize(
    "formats",
    [
        DATE_FORMATS_DAY_FIRST, DATE_FORMATS_MONTH_FIRST, DATETIME_FORMATS_DAY_FIRST, DATETIME_FORMATS_MONTH_FIRST,
        *[(f,) for f in DATE_FORMATS_DAY_FIRST], *[(f,) for f in DATETIME_FORMATS_MONTH_FIRST],
    ],
    ids=lambda fs: "|".join(fs) if len(fs) == 1 else f"{len(fs)}-formats",
)  # fmt: skip
def test_dates_in_each_format_match_reference(formats: tuple[str, ...]) -> None:
    """Values written in every format of the list (real and impossible calendar days, mixed in one column), read
    with that list given explicitly: each value by the first format that reads it, as the reference does."""
    rnd = random.Random(len(formats))
    pool = [*DATE_FORMATS_DAY_FIRST, *DATE_FORMATS_MONTH_FIRST, *DATETIME_FORMATS_MONTH_FIRST]
    values: list[str | None] = [
        _render(rnd.choice(pool), rnd.randint(1, 32), rnd.randint(1, 13), rnd.randint(1960, 2040), rnd)
        for _ in range(600)
    ]
    with_time = any("%H" in f or "%I" in f for f in formats)
    _column_matches({"op": "parse_datetime" if with_time else "parse_date", "formats": list(formats)}, values)


# --- rule level ------------------------------------------------------------------------------------


@st.composite
def iso_datetimes(draw: st.DrawFn, with_time: bool = True) -> str:
    """ISO 8601 shapes with parts that may not exist (month 13, day 31 of a short month, hour 24, second 60)."""
    year = draw(st.sampled_from([0, 1969, 2019, 2020, 2024, 9999]))
    month, day = draw(st.integers(0, 13)), draw(st.integers(0, 32))
    text = f"{year:04d}-{month:02d}-{day:02d}"
    if not with_time:
        return text
    hour, minute, second = draw(st.integers(0, 25)), draw(st.integers(0, 61)), draw(st.integers(0, 61))
    frac = draw(st.sampled_from(["", ".5", ".123456789"]))
    zone = draw(st.sampled_from(["Z", "+02:00", "-05:30", "+23:59", "+24:00", "-00:60", "+99:00"]))
    return f"{text}T{hour:02d}:{minute:02d}:{second:02d}{frac}{zone}"


PATTERNS = ["^[A-Za-z]", "[0-9]$", "^[a-z0-9.@+-]+$", "(?i)^x", "^$", "straße"]
TYPED_VALUES: dict[str, st.SearchStrategy[str]] = {
    "string": st.one_of(names(), arbitrary),
    "integer": st.sampled_from(["0", "-5", "12", "007", "1.0", "1e3", "abc", "99999999999999999999", "+3", "-0"]),
    "number": st.sampled_from(["0", "-5.5", "1e5", "1E-3", "1.50", ".5", "1e400", "-0", "10", "150", "nan", "1,5"]),
    "boolean": st.sampled_from(["true", "false", "True", "FALSE", "yes", "1"]),
    "date": st.one_of(
        iso_datetimes(with_time=False),
        st.sampled_from(["2020-02-29", "2019-02-29", "2020-1-5", "2020-01-05\n"]),
    ),
    "datetime": iso_datetimes()
    | st.sampled_from(
        [
            "2020-01-05T10:00:00Z",
            "2020-01-05T10:00:00.5+02:00",
            "2020-02-30T10:00:00Z",
            "2020-01-05T24:00:00Z",
            "2020-01-05T99:99:99Z",
            "2020-01-05T23:59:60Z",
            "2020-01-05T10:00:00+99:00",
            "2020-01-05 10:00:00Z",
            "2020-01-05T10:00:00Z\n",
        ]
    ),
    "email": st.one_of(emails(), st.sampled_from(["a@b.com", "A@B.COM", "a@b.co", "x@-y.com", "a@b.com\n"])),
    "phone": st.one_of(phones(), st.sampled_from(["+14155550123", "+0123456789", "+1415", "+442079460958"])),
    "url": st.one_of(
        urls(), st.sampled_from(["https://example.com/x", "http://a-b.c:80/?q", "https://-a.com", "HTTPS://X.IO"])
    ),
    "enum": st.sampled_from(["US", "us", "GB", "gb ", "XX", "De"]),
}


@st.composite
def field_defs(draw: st.DrawFn) -> TemplateField:
    ftype = draw(st.sampled_from(sorted(TYPED_VALUES)))
    spec: dict[str, Any] = {"key": "v", "type": ftype, "required": draw(st.booleans()), "unique": draw(st.booleans())}
    if ftype == "enum":
        spec["values"] = draw(st.sampled_from([["US", "GB", "DE"], ["us", "Gb"]]))
    bounds = [None, 0, 1, 3, 10, 20, -5.5, 1e6]
    lo, hi = draw(st.sampled_from(bounds)), draw(st.sampled_from(bounds))
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    spec["min"], spec["max"] = lo, hi
    spec["pattern"] = draw(st.sampled_from([None, None, None, *PATTERNS]))
    return TemplateField.model_validate(spec)


EDGE_RULES: list[tuple[dict[str, Any], list[str | None]]] = [
    ({"type": "datetime"}, ["2020-01-05T10:00:00Z", "2020-02-30T10:00:00Z", "2020-01-05T10:00:00.5-05:30"]),
    ({"type": "datetime"}, ["2020-01-05T24:00:00Z", "2020-01-05T99:99:99Z", "2020-01-05T23:59:60Z"]),
    ({"type": "datetime"}, ["2020-01-05T10:00:00+99:00", "2020-01-05T10:00:00-00:60"]),
    ({"type": "date"}, ["0000-01-01", "2020-02-29", "2019-02-29", "2020-01-01\n"]),
    ({"type": "email"}, ["a@b.com\n", "A@B.COM"]),
    ({"type": "string", "pattern": "^[a-z]+$"}, ["abc\n", "abc"]),
    ({"type": "string", "unique": True}, ["a", "A", " a", None, "", " ", "a"]),
    ({"type": "string", "required": True}, ["\u200b", "\ufeff", "\x1c", " "]),
    ({"type": "number", "min": 0, "max": 10}, ["1e400", "-0", "10.0000000000000001", "nan"]),
    ({"type": "integer", "min": 2, "max": 3, "pattern": "^1"}, ["1", "5", "12"]),
]


@pytest.mark.parametrize(
    ("spec", "values"), EDGE_RULES, ids=[f"{s['type']}-{i}" for i, (s, _) in enumerate(EDGE_RULES)]
)
def test_rule_edge_cases_match_reference(spec: dict[str, Any], values: list[str | None]) -> None:
    f = TemplateField.model_validate({"key": "v", **spec})
    got = pl.DataFrame({"v": values}, schema={"v": pl.String}).select(rule_expr(f)).to_series().to_list()
    want = ref.field_errors(f, values)
    diffs = [(v, g, w) for v, g, w in zip(values, got, want, strict=True) if g != w]
    assert not diffs, f"{f!r}: (value, engine, reference) " + "; ".join(map(repr, diffs))


@settings(SETTINGS, max_examples=150)
@given(data=st.data())
def test_rules_match_reference(data: st.DataObject) -> None:
    f = data.draw(field_defs(), label="field")
    values = data.draw(column(st.one_of(TYPED_VALUES[f.type], ws_only, st.just(""), st.none(), messy)), label="values")
    got = pl.DataFrame({f.key: values}, schema={f.key: pl.String}).select(rule_expr(f)).to_series().to_list()
    want = ref.field_errors(f, values)
    diffs = [(v, g, w) for v, g, w in zip(values, got, want, strict=True) if g != w]
    assert not diffs, f"{f!r}: (value, engine, reference) " + "; ".join(map(repr, diffs[:5]))


# --- executor and report level ----------------------------------------------------------------------


def assert_same_outputs(engine_rows: list[dict[str, Any]], reference_rows: list[dict[str, Any]], label: str) -> None:
    """Same rows in the same order; on failure, name the differing cells (by source row)."""
    if engine_rows == reference_rows:
        return
    got = {r[ref.ROW]: r for r in engine_rows}
    want = {r[ref.ROW]: r for r in reference_rows}
    problems: list[str] = []
    only_engine, only_ref = sorted(set(got) - set(want)), sorted(set(want) - set(got))
    if only_engine or only_ref:
        problems.append(f"rows only in engine {only_engine[:10]}, only in reference {only_ref[:10]}")
    for row in sorted(set(got) & set(want)):
        g, w = got[row], want[row]
        cells = {k: (g[k], w[k]) for k in w if k != ref.ERRORS and g.get(k) != w[k]}
        errs = {k: (g[ref.ERRORS].get(k), e) for k, e in w[ref.ERRORS].items() if g[ref.ERRORS].get(k) != e}
        if cells or errs:
            problems.append(f"row {row}: values (engine, reference) {cells} errors {errs}")
    if not problems:
        problems.append("same rows in a different order")
    pytest.fail(f"{label}: {len(problems)} problems; first: " + " | ".join(problems[:8]))


def assert_same_report(engine_report: dict[str, Any], reference_report: dict[str, Any], label: str) -> None:
    if engine_report == reference_report:
        return
    diffs = [k for k in reference_report if engine_report.get(k) != reference_report[k]]
    cols = [
        (g, w)
        for g, w in zip(engine_report["profile"]["columns"], reference_report["profile"]["columns"], strict=False)
        if g != w
    ]
    pytest.fail(f"{label}: report keys differ: {diffs}; first profile columns (engine, reference): {cols[:4]}")


def run_both(recipe: Recipe, templates: list[Template], inputs: Inputs, out: Path) -> None:
    result = execute(recipe, templates, inputs, out)
    expected = ref.reference_execute(recipe, templates, inputs)
    for sheet_id, path in result.outputs.items():
        assert_same_outputs(read_output(path).to_dicts(), expected["outputs"][sheet_id], sheet_id)
    assert_same_report(result.report, expected["report"], "report")


@cache
def real_sheets() -> list[tuple[str, Path, FileManifest]]:
    """Every file under shared/data/real that sniffs as ready."""
    found = []
    for path in sorted(p for p in REAL.rglob("*") if p.is_file()):
        try:
            manifest = sniff(path, path.name)
        except FileRejected:
            continue
        if manifest.sheets:
            found.append((str(path.relative_to(REAL)), path, manifest))
    return found


KIND_RULES: list[tuple[str, str, float]] = [
    ("email", r"@.+\.", 0.5),
    ("url", r"^(https?://|www\.)", 0.5),
    ("number", r"^[-+(]?[$€£]?[0-9][0-9,.' ]*%?\)?$", 0.8),
    ("datetime", r"^[0-9]{1,4}[-/.][0-9]{1,2}[-/.][0-9]{1,4}[ T][0-9]{1,2}:[0-9]{2}", 0.5),
    ("date", r"^([0-9]{1,4}[-/.][0-9]{1,2}[-/.][0-9]{1,4}|[0-9]{1,2} [A-Za-z]{3,9} [0-9]{4})", 0.5),
    ("phone", r"^\+?[0-9 ().-]{7,}$", 0.8),
]
BOOLEAN_WORDS = {*DEFAULT_TRUE, *DEFAULT_FALSE}


def column_kind(samples: list[str]) -> str:
    """A rough guess at what a column holds, from its manifest samples (test-side, independent of both engines)."""
    values = [v.strip() for v in samples if v.strip()]
    if not values:
        return "string"
    if all(v.lower() in BOOLEAN_WORDS for v in values):
        return "boolean"
    for kind, rx, share in KIND_RULES:
        if sum(bool(re.search(rx, v)) for v in values) >= share * len(values):
            return kind
    if 1 < len({v.lower() for v in values}) <= 4:
        return "enum"
    return "string"


def typed_field(i: int, kind: str, column: str, samples: list[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(template field, field recipe) of source column `column` mapped onto a typed field `t{i}`."""
    key = f"t{i}"
    rules: dict[str, Any] = {"unique": i % 3 == 0, "required": i % 2 == 1}
    ops: list[dict[str, Any]] = [{"op": "trim"}, {"op": "null_tokens"}]
    spec: dict[str, Any] = {"key": key, "type": kind, **rules}
    if kind == "email":
        ops.append({"op": "email_normalize"})
        spec["unique"] = True
    elif kind == "url":
        ops.append({"op": "url_to_domain"})
        spec.update(type="string", max=30)
    elif kind == "boolean":
        ops.append({"op": "to_boolean"})
    elif kind == "number":
        ops.append({"op": "to_number", "decimal": "," if i % 5 == 4 else "."})
        spec.update(min=0, max=1e6)
    elif kind == "date":
        ops.append({"op": "parse_date", "order": ["MDY", "DMY", "YMD"][i % 3]})
    elif kind == "datetime":
        ops.append({"op": "parse_datetime", "order": "MDY" if i % 2 else "YMD", "assume_offset": "+01:00"})
    elif kind == "phone":
        ops.append({"op": "phone_e164", "region": "US"})
    elif kind == "enum":
        values = sorted({s.strip().upper() for s in samples if s.strip()})
        spec["values"] = values
    else:
        if i % 3 == 0:
            ops.append({"op": "case", "to": "title"})
        spec.update(max=30)
        if i % 4 == 1:
            spec["pattern"] = "^[^=+@-]"
    return spec, {"field": key, "column": column, "ops": ops}


def real_recipes(name: str, index: int, manifest: FileManifest) -> tuple[list[Template], Recipe]:
    """Per ready sheet: a string template (every column as-is) and a typed one (types, rules, filters, dedup)."""
    templates: list[Template] = []
    recipes: list[dict[str, Any]] = []
    for sheet in manifest.sheets:
        templates_, recipes_ = sheet_recipes(name, index, sheet)
        templates += templates_
        recipes += recipes_
    return templates, Recipe.model_validate({"version": 1, "templates": recipes})


def sheet_recipes(name: str, index: int, sheet: SheetManifest) -> tuple[list[Template], list[dict[str, Any]]]:
    cols = [c.name for c in sheet.columns]
    source = {"file_id": "f", "sheet_id": sheet.sheet_id}
    tag = sheet.sheet_id
    strings = Template.model_validate(
        {
            "name": f"{name} strings",
            "sheet_id": f"s_{tag}",
            "fields": [{"key": f"s{i}", "type": "string"} for i in range(len(cols))],
        }
    )
    string_recipe = {
        "sheet_id": strings.sheet_id,
        "source": source,
        "fields": [{"field": f"s{i}", "column": c} for i, c in enumerate(cols)],
    }
    fields: list[dict[str, Any]] = []
    recipe_fields: list[dict[str, Any]] = []
    kinds = [column_kind(c.samples) for c in sheet.columns]
    for i, c in enumerate(sheet.columns):
        spec, fr = typed_field(i, kinds[i], c.name, c.samples)
        fields.append(spec)
        recipe_fields.append(fr)
    for i, col in enumerate(cols[:6]):  # columns through the number and date readers, whatever they hold
        fields += [{"key": f"n{i}", "type": "number"}, {"key": f"d{i}", "type": "date"}]
        recipe_fields += [
            {"field": f"n{i}", "column": col, "ops": [{"op": "to_number", "percent": i % 2 == 0}]},
            {"field": f"d{i}", "column": col, "ops": [{"op": "parse_date", "order": ["DMY", "MDY", "YMD"][i % 3]}]},
        ]
    first, last = cols[0], cols[-1]
    name_col = next((c for c, k in zip(cols, kinds, strict=True) if k == "string"), first)
    samples = sheet.columns[0].samples
    fields += [
        {"key": "full", "type": "string", "max": 60},
        {"key": "given", "type": "string"},
        {"key": "family", "type": "string", "required": True},
        {"key": "coal", "type": "string", "required": True, "unique": True},
        {"key": "fill", "type": "email"},
        {"key": "mapped", "type": "string"},
        {"key": "dflt", "type": "string"},
        {"key": "digits", "type": "integer", "min": 1},
        {"key": "tail", "type": "string"},
        {"key": "unmapped", "type": "string", "required": index % 2 == 0},
    ]
    recipe_fields += [
        {"field": "full", "ops": [{"op": "concat", "columns": [first, cols[1 % len(cols)]], "sep": " | "}]},
        {"field": "given", "column": name_col, "ops": [{"op": "split_name", "part": "first"}]},
        {"field": "family", "column": name_col, "ops": [{"op": "split_name", "part": "last"}]},
        {"field": "coal", "column": last, "ops": [{"op": "null_tokens"}, {"op": "coalesce", "columns": [first]}]},
        {
            "field": "fill",
            "column": first,
            "ops": [
                {"op": "regex_extract", "pattern": "^[^@ ]+@[^@ ]+$"},
                {
                    "op": "fill_from",
                    "column": last,
                    "ops": [{"op": "url_to_domain"}, {"op": "affix", "prefix": "info@"}],
                },
                {"op": "email_normalize"},
            ],
        },
        {
            "field": "mapped",
            "column": first,
            "ops": [{"op": "map_values", "mapping": dict.fromkeys(samples[:1], "FIRST") | dict.fromkeys(samples[1:2])}],
        },
        {"field": "dflt", "column": last, "ops": [{"op": "null_tokens"}, {"op": "default", "value": "n/a"}]},
        {"field": "digits", "column": first, "ops": [{"op": "regex_extract", "pattern": "([0-9]+)", "group": 1}]},
        {"field": "tail", "column": last, "ops": [{"op": "split", "sep": " ", "part": "last"}]},
    ]
    # filters and dedup on the most varied columns, so they drop some rows but not all
    varied = sorted(range(len(cols)), key=lambda i: (len(sheet.columns[i].samples), sheet.columns[i].filled))[::-1]
    a, b = varied[0], varied[1 % len(cols)]
    filters: list[dict[str, Any]] = [{"column": cols[a], "op": "not_null"}]
    if sheet.columns[a].samples:
        filters.append({"field": f"t{a}", "op": "not_in", "value": sheet.columns[a].samples[:1]})
    typed = Template.model_validate({"name": f"{name} typed", "sheet_id": f"t_{tag}", "fields": fields})
    typed_recipe = {
        "sheet_id": typed.sheet_id,
        "source": source,
        "fields": recipe_fields,
        "filters": filters,
        "dedup": {"keys": [f"t{b}", f"t{a}"], "keep": "last" if index % 2 else "first"},
    }
    return [strings, typed], [string_recipe, typed_recipe]


@pytest.mark.parametrize("index", range(len(real_sheets())), ids=[name for name, _, _ in real_sheets()])
def test_real_files_match_reference(index: int, tmp_path: Path) -> None:
    name, path, manifest = real_sheets()[index]
    templates, recipe = real_recipes(name, index, manifest)
    run_both(recipe, templates, {"f": (path, manifest)}, tmp_path)


def test_messy_contacts_match_reference(tmp_path: Path) -> None:
    """The bench's messy 20,000-row contacts file through its recipe (phone_e164 on), plus a filter and dedup."""
    path = tmp_path / "contacts.csv"
    generate_contacts(path, 20_000, seed=11)
    manifest = sniff(path, path.name)
    plan = contacts_recipe(phone=True).model_dump(by_alias=True)
    plan["templates"][0] |= {
        "filters": [
            {"column": "country_code", "op": "ne", "value": " xx "},
            {"field": "status", "op": "ne", "value": "CHURNED"},
        ],
        "dedup": {"keys": ["email"], "keep": "last"},
    }
    run_both(Recipe.model_validate(plan), [CONTACTS_TEMPLATE], {"bench": (path, manifest)}, tmp_path / "out")


# generated sheets: messy rows written as CSV, executed by both

SHEET_COLUMNS = ["name", "email", "phone", "amount", "joined", "site", "status", "misc"]
SHEET_TEMPLATE = Template.model_validate(
    {
        "name": "Generated",
        "sheet_id": "gen",
        "fields": [
            {"key": "first", "type": "string", "required": True, "max": 12},
            {"key": "last", "type": "string", "pattern": "^[A-Z]"},
            {"key": "email", "type": "email", "unique": True},
            {"key": "phone", "type": "phone", "unique": True},
            {"key": "amount", "type": "number", "min": 0, "max": 100000},
            {"key": "joined", "type": "date", "required": True},
            {"key": "seen", "type": "datetime"},
            {"key": "domain", "type": "string", "unique": True},
            {"key": "status", "type": "enum", "values": ["Active", "inactive", "LEAD"]},
            {"key": "active", "type": "boolean"},
            {"key": "misc", "type": "string", "min": 2},
            {"key": "tag", "type": "integer"},
        ],
    }
)
SHEET_FIELDS: list[dict[str, Any]] = [
    {"field": "first", "column": "name", "ops": [{"op": "trim"}, {"op": "split_name", "part": "first"}]},
    {"field": "last", "column": "name", "ops": [{"op": "split_name", "part": "last"}, {"op": "case", "to": "title"}]},
    {
        "field": "email",
        "column": "email",
        "ops": [
            {"op": "null_tokens"},
            {"op": "fill_from", "column": "site", "ops": [{"op": "url_to_domain"}, {"op": "affix", "prefix": "info@"}]},
            {"op": "email_normalize"},
        ],
    },
    {"field": "phone", "column": "phone", "ops": [{"op": "trim"}, {"op": "phone_e164", "region": "US"}]},
    {"field": "amount", "column": "amount", "ops": [{"op": "null_tokens"}, {"op": "to_number"}]},
    {"field": "joined", "column": "joined", "ops": [{"op": "parse_date", "order": "DMY"}]},
    {"field": "seen", "column": "joined", "ops": [{"op": "parse_datetime", "assume_offset": "-05:00"}]},
    {"field": "domain", "column": "site", "ops": [{"op": "url_to_domain"}]},
    {"field": "status", "column": "status", "ops": [{"op": "trim"}, {"op": "null_tokens"}]},
    {"field": "active", "column": "misc", "ops": [{"op": "to_boolean"}]},
    {"field": "misc", "column": "misc", "ops": [{"op": "coalesce", "columns": ["status", "name"]}]},
    {
        "field": "tag",
        "ops": [
            {"op": "concat", "columns": ["amount", "misc"], "sep": ""},
            {"op": "regex_extract", "pattern": "[0-9]+"},
        ],
    },
]
sheet_cells: dict[str, st.SearchStrategy[str]] = {
    "name": st.one_of(names(), st.just(""), ws_only, messy),
    "email": st.one_of(emails(), st.just(""), null_tokens),
    "phone": st.one_of(phones(), st.just("")),
    "amount": st.one_of(numbers(), st.just(""), null_tokens),
    "joined": st.one_of(dates(), st.just(""), ws_only),
    "site": st.one_of(urls(), st.just("")),
    "status": padded(any_case(st.sampled_from(["active", "Inactive", "lead", "churned", "N/A", ""]))),
    "misc": st.one_of(booleans, messy, st.just(""), ws_only),
}
sheet_filters = st.lists(
    st.sampled_from(
        [
            {"column": "status", "op": "ne", "value": " churned "},
            {"column": "name", "op": "not_null"},
            {"field": "status", "op": "in", "value": ["ACTIVE", "lead"]},
            {"field": "email", "op": "not_null"},
            {"field": "active", "op": "not_in", "value": ["false"]},
            {"column": "misc", "op": "eq", "value": "yes"},
        ]
    ),
    max_size=2,
)
sheet_dedup = st.sampled_from(
    [None, {"keys": ["email"]}, {"keys": ["first", "last"], "keep": "last"}, {"keys": ["domain"], "keep": "first"}]
)


def printable(text: str) -> str:
    """`text` without control characters other than tab and line breaks (they make a file binary to the sniffer)."""
    return "".join(ch for ch in text if ch in "\t\n\r" or unicodedata.category(ch) != "Cc")


@SETTINGS
@given(data=st.data())
def test_generated_sheets_match_reference(data: st.DataObject) -> None:
    n = data.draw(st.integers(0, 30), label="rows")
    rows = [[printable(c) for c in row] for row in data.draw(column(st.tuples(*sheet_cells.values()), size=n))]
    recipe = Recipe.model_validate(
        {
            "version": 1,
            "templates": [
                {
                    "sheet_id": "gen",
                    "source": {"file_id": "f", "sheet_id": "sheet_1"},
                    "fields": SHEET_FIELDS,
                    "filters": data.draw(sheet_filters, label="filters"),
                    "dedup": data.draw(sheet_dedup, label="dedup"),
                }
            ],
        }
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "gen.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, quoting=csv.QUOTE_ALL)
            writer.writerow(SHEET_COLUMNS)
            writer.writerows(rows)
        try:
            manifest = sniff(path, path.name)
        except FileRejected:
            manifest = None
        assume(manifest is not None and manifest.sheets and manifest.sheets[0].column_names == SHEET_COLUMNS)
        assert manifest is not None
        run_both(recipe, [SHEET_TEMPLATE], {"f": (path, manifest)}, Path(tmp) / "out")


def test_blank_lookalike_cells_match_reference(tmp_path: Path) -> None:
    """Cells holding only a BOM or a zero-width space: blank to the rules, and to the report's fill profile."""
    path = tmp_path / "blanks.csv"
    path.write_text('id,note\n1,"\u200b"\n2,"\ufeff"\n3,ok\n4,"\u3000"\n', encoding="utf-8")
    manifest = sniff(path, path.name)
    template = Template.model_validate(
        {"name": "B", "sheet_id": "b", "fields": [{"key": "id", "type": "integer"}, {"key": "note", "type": "string"}]}
    )
    recipe = Recipe.model_validate(
        {
            "version": 1,
            "templates": [
                {
                    "sheet_id": "b",
                    "source": {"file_id": "f", "sheet_id": "sheet_1"},
                    "fields": [{"field": "id", "column": "id"}, {"field": "note", "column": "note"}],
                }
            ],
        }
    )
    run_both(recipe, [template], {"f": (path, manifest)}, tmp_path / "out")
