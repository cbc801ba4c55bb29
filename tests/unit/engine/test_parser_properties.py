"""Properties of the parsing ops: a value written the way people write it reads back as the value itself."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import phonenumbers
import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

from ferry.engine.ops import apply_op
from ferry.recipe.model import Op

OP = TypeAdapter(Op)
SETTINGS = settings(max_examples=150, deadline=None)


def run(op: dict[str, Any], values: list[str]) -> list[str | None]:
    frame = pl.DataFrame({"v": values}, schema={"v": pl.String})
    return frame.select(apply_op(OP.validate_python(op), pl.col("v"))).to_series().to_list()


def canonical(d: Decimal) -> str:
    """As written, but an all-zero fraction dropped ('1.00' -> '1'; '1.70' keeps its precision)."""
    whole, _, frac = format(d, "f").partition(".")
    return whole if not frac.strip("0") else f"{whole}.{frac}"


def exact(d: Decimal) -> str:
    """The shortest exact decimal ('0.0170' -> '0.017')."""
    text = format(d, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def grouped(d: Decimal, thousands: str, decimal: str) -> str:
    sign = "-" if d < 0 else ""
    whole, _, frac = format(abs(d), "f").partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return sign + thousands.join(groups) + (decimal + frac if frac else "")


amounts = st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


@SETTINGS
@given(
    st.lists(amounts, min_size=1, max_size=20),
    st.sampled_from([("", "."), (",", "."), (" ", "."), ("\u00a0", "."), ("'", ".")]),
    st.sampled_from(["", "$", "€ ", "USD ", " EUR", "£"]),
)
def test_numbers_read_back_in_any_common_spelling(values: list[Decimal], style: tuple[str, str], money: str) -> None:
    thousands, point = style
    written = []
    for d in values:
        text = grouped(d, thousands, point)
        written.append(f"{text}{money}" if money.startswith(" ") else f"{money}{text}")
    assert run({"op": "to_number"}, written) == [canonical(d) for d in values]


@SETTINGS
@given(st.lists(amounts, min_size=1, max_size=20))
def test_decimal_comma_numbers_read_back(values: list[Decimal]) -> None:
    written = [grouped(d, ".", ",") for d in values]
    assert run({"op": "to_number", "decimal": ","}, written) == [canonical(d) for d in values]


@SETTINGS
@given(st.lists(amounts, min_size=1, max_size=20))
def test_percentages_are_exact_hundredths(values: list[Decimal]) -> None:
    assert run({"op": "to_number"}, [f"{d}%" for d in values]) == [exact(d / 100) for d in values]


dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))


@SETTINGS
@given(
    st.lists(dates, min_size=1, max_size=20),
    st.sampled_from(["%m/%d/%Y", "%Y-%m-%d", "%d %b %Y", "%B %d, %Y", "%m-%d-%Y", "%Y%m%d"]),
)
def test_month_first_dates_read_back(values: list[dt.date], fmt: str) -> None:
    assert run({"op": "parse_date", "order": "MDY"}, [d.strftime(fmt) for d in values]) == [
        d.isoformat() for d in values
    ]


@SETTINGS
@given(st.lists(dates, min_size=1, max_size=20), st.sampled_from(["%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y"]))
def test_day_first_dates_read_back(values: list[dt.date], fmt: str) -> None:
    assert run({"op": "parse_date", "order": "DMY"}, [d.strftime(fmt) for d in values]) == [
        d.isoformat() for d in values
    ]


@SETTINGS
@given(
    st.lists(
        st.datetimes(min_value=dt.datetime(1971, 1, 1), max_value=dt.datetime(2090, 1, 1)), min_size=1, max_size=10
    ),
    st.integers(min_value=-12 * 60, max_value=14 * 60).map(lambda m: m - m % 15),
)
def test_datetimes_with_offsets_become_utc(values: list[dt.datetime], minutes: int) -> None:
    zone = dt.timezone(dt.timedelta(minutes=minutes))
    local = [v.replace(microsecond=0, tzinfo=zone) for v in values]
    expected = [v.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ") for v in local]
    assert run({"op": "parse_datetime"}, [v.isoformat() for v in local]) == expected


@SETTINGS
@given(st.lists(st.sampled_from(["yes", "Yes", "Y", "true", "TRUE", "1", "no", "No", "n", "false", "0"]), min_size=1))
def test_booleans(values: list[str]) -> None:
    truthy = {"yes", "y", "true", "1"}
    assert run({"op": "to_boolean"}, values) == ["true" if v.lower() in truthy else "false" for v in values]


@SETTINGS
@given(
    st.lists(st.integers(min_value=2_000_000, max_value=9_999_999), min_size=1, max_size=10),
    st.sampled_from(["({a}) {b}-{c}", "{a}-{b}-{c}", "{a}.{b}.{c}", "+1 {a} {b} {c}", "1-{a}-{b}-{c}"]),
)
def test_us_phones_in_any_layout_become_e164(numbers: list[int], layout: str) -> None:
    written, expected = [], []
    for n in numbers:
        local = str(n)
        a, b, c = "212", local[:3], local[3:]
        written.append(layout.format(a=a, b=b, c=c))
        parsed = phonenumbers.parse(f"+1212{local}")
        expected.append(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))
    assert run({"op": "phone_e164", "region": "US"}, written) == expected
