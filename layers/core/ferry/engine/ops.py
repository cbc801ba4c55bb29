"""Recipe ops as polars expressions over string columns (null = no value)."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

import polars as pl

from ferry.engine.phones import phone_series
from ferry.recipe import model as m
from ferry.recipe.spec import (
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    DATE_FORMATS_DAY_FIRST,
    DATE_FORMATS_MONTH_FIRST,
    DATE_FORMATS_YEAR_FIRST,
    DATETIME_FORMATS_DAY_FIRST,
    DATETIME_FORMATS_MONTH_FIRST,
    DATETIME_FORMATS_YEAR_FIRST,
    DEFAULT_FALSE,
    DEFAULT_NULL_TOKENS,
    DEFAULT_TRUE,
    GROUPING_SPACES,
    MONTHS,
    NAME_PARTICLES,
    NUMBER_RE,
    WHITESPACE,
    compile_date_format,
)

_DATE_FORMATS = {"MDY": DATE_FORMATS_MONTH_FIRST, "DMY": DATE_FORMATS_DAY_FIRST, "YMD": DATE_FORMATS_YEAR_FIRST}
_DATETIME_FORMATS = {
    "MDY": DATETIME_FORMATS_MONTH_FIRST,
    "DMY": DATETIME_FORMATS_DAY_FIRST,
    "YMD": DATETIME_FORMATS_YEAR_FIRST,
}

Source = Callable[[str], pl.Expr]


def blank_to_null(e: pl.Expr) -> pl.Expr:
    """Null where the value is empty ('' only; white space is left to `trim`)."""
    return pl.when(e == "").then(None).otherwise(e)


def field_expr(fr: m.FieldRecipe, col: Source = pl.col) -> pl.Expr:
    """The output value of one field: its source column through its ops, '' becoming null."""
    e = blank_to_null(col(fr.column)) if fr.column else pl.repeat(None, pl.len(), dtype=pl.String)
    for i, op in enumerate(fr.ops):
        e = blank_to_null(apply_op(op, e, col, trimmed=trimmed_after(fr.ops[:i])))
    return e.alias(fr.field)


def trimmed_after(ops: list[Any]) -> bool:
    """Whether values that went through `ops` are known to have no `WHITESPACE` at either end: after `trim`, and
    after ops that only null some values (`null_tokens`) of a trimmed column. An op given a trimmed column skips
    its own strip (a pass over every value that would change none)."""
    trimmed = False
    for op in ops:
        trimmed = isinstance(op, m.Trim) or (trimmed and isinstance(op, m.NullTokens))
    return trimmed


# Ops costly per value (many regexes or Python calls) run once per distinct value.
_PER_DISTINCT = (m.ParseDate, m.ParseDatetime, m.ToNumber, m.JsonExtract, m.UrlToDomain, m.SplitName)


# Ops costly per value (regexes, parsing, Python calls): a field with one is worth building per distinct value
# even when most of a chunk's values are distinct, once earlier chunks have seen many of them.
_COSTLY = (*_PER_DISTINCT, m.PhoneE164, m.EmailNormalize)


def costly(op: Any) -> bool:
    """Whether `op` costs far more per value than looking up an earlier result of the value."""
    return isinstance(op, _COSTLY) or (isinstance(op, m.Case) and op.to == "title")


def apply_op(op: Any, e: pl.Expr, col: Source = pl.col, *, trimmed: bool = False) -> pl.Expr:
    """One op applied to expression `e` (a nullable string; with `trimmed`, one without white space at its ends)."""
    if isinstance(op, _PER_DISTINCT):
        return on_distinct(e, lambda v: _apply(op, v, col, trimmed))
    return _apply(op, e, col, trimmed)


def on_distinct(e: pl.Expr, fn: Callable[[pl.Expr], pl.Expr]) -> pl.Expr:
    """`fn(e)` computed over the distinct values of `e` and mapped back (null stays null)."""

    def batch(s: pl.Series) -> pl.Series:
        distinct = repeated_values(s)
        if distinct is None:
            return pl.DataFrame({"v": s}).select(fn(pl.col("v"))).to_series()
        out = pl.DataFrame({"v": distinct}).select(fn(pl.col("v"))).to_series()
        return spread(s, distinct, out)

    return e.map_batches(batch, return_dtype=pl.String)


def spread(s: pl.Series, distinct: pl.Series, out: pl.Series) -> pl.Series:
    """For each value of `s`, the `out` of its entry in `distinct` (null for null): a join, which maps tens of
    thousands of distinct values back faster than `replace_strict` (1.5-2x measured, one thread)."""
    table = pl.DataFrame({"v": distinct, "out": out})
    return pl.DataFrame({"v": s}).join(table, on="v", how="left", maintain_order="left").get_column("out")


def repeated_values(s: pl.Series) -> pl.Series | None:
    """The distinct non-null values of `s` when there are at most 60% as many as values, else None.

    For a costly op (hundreds of ns per value) finding and spreading back the distinct values (some 100 ns per
    value) pays from about that share on.
    """
    # a systematic sample that says the column is mostly distinct (ids, amounts, names): hashing it all is wasted
    if distinct_estimate(s, 20_000) > 0.7 * len(s):
        return None
    distinct = s.drop_nulls().unique()
    return None if len(distinct) > 0.6 * len(s) else distinct


def distinct_estimate(s: pl.Series, sample_size: int, *, drawn_from: bool = False) -> float:
    """About how many distinct values `s` holds, from a systematic sample of about `sample_size` values.

    Chao1: the distinct values the sample holds, plus an estimate of those it missed from how many it saw
    once and twice (a lower bound; exact when the sample is the whole column). With `drawn_from`, always Chao1:
    about how many values the column draws from, which for a column nearly all distinct can far exceed its
    length (a name from a list of 100,000 or a random amount), and tells whether later chunks will repeat them.
    """
    step = max(1, len(s) // sample_size)
    counts = s.gather_every(step).value_counts(name="n").get_column("n")
    if step == 1 and not drawn_from:
        return len(counts)
    once, twice = int((counts == 1).sum()), int((counts == 2).sum())
    return len(counts) + (once * once / (2 * twice) if twice else once * (once - 1) / 2)


def _apply(op: Any, e: pl.Expr, col: Source, trimmed: bool = False) -> pl.Expr:
    if isinstance(op, m.Trim):
        return e if trimmed else e.str.strip_chars(WHITESPACE)
    if isinstance(op, m.Case):
        if op.to == "title":
            return e.map_batches(_title_series, return_dtype=pl.String)
        return e.str.to_lowercase() if op.to == "lower" else e.str.to_uppercase()
    if isinstance(op, m.NullTokens):
        tokens = [t.upper() for t in (op.tokens if op.tokens is not None else DEFAULT_NULL_TOKENS)]
        return e.map_batches(
            lambda s: _null_tokens_series(s, tokens, trimmed), return_dtype=pl.String, is_elementwise=True
        )
    if isinstance(op, m.ParseDate):
        return pl.coalesce(_dates(e, tuple(op.formats or _DATE_FORMATS[op.order]), with_time=False), e)
    if isinstance(op, m.ParseDatetime):
        formats = tuple(op.formats or _DATETIME_FORMATS[op.order])
        return pl.coalesce(_dates(e, formats, with_time=True, assume=op.assume_offset), e)
    if isinstance(op, m.ToNumber):
        return _number_expr(e, op, trimmed)
    if isinstance(op, m.ToBoolean):
        trues = [v.lower() for v in op.true_values or DEFAULT_TRUE]
        falses = [v.lower() for v in op.false_values or DEFAULT_FALSE]
        low = e.str.strip_chars(WHITESPACE).str.to_lowercase()
        return pl.when(low.is_in(trues)).then(pl.lit("true")).when(low.is_in(falses)).then(pl.lit("false")).otherwise(e)
    if isinstance(op, m.PhoneE164):
        region = op.region
        return e.map_batches(lambda s: phone_series(s, region, trimmed=trimmed), return_dtype=pl.String)
    if isinstance(op, m.EmailNormalize):
        return e.map_batches(lambda s: _email_series(s, trimmed), return_dtype=pl.String)
    if isinstance(op, m.UrlToDomain):
        s = e.str.strip_chars(WHITESPACE).str.to_lowercase().str.replace(r"^[a-z][a-z0-9+.-]*://", "")
        s = s.str.replace(r"^[^/@]*@", "").str.extract(r"^([^/:?#]*)", 1)
        return s.str.replace(r"^www\.", "").str.strip_chars(".")
    if isinstance(op, m.Split):
        parts = e.str.split(op.sep)
        if op.part == "first":
            return parts.list.first()
        if op.part == "last":
            return parts.list.last()
        return parts.list.get(op.index, null_on_oob=True)
    if isinstance(op, m.SplitName):
        part = op.part
        return e.map_batches(lambda v: _name_part_series(v, part), return_dtype=pl.String)
    if isinstance(op, m.Affix):
        blank = e.is_null() | (e.str.strip_chars(WHITESPACE) == "")
        return pl.when(blank).then(e).otherwise(pl.lit(op.prefix) + e + pl.lit(op.suffix))
    if isinstance(op, m.FillFrom):
        other = blank_to_null(col(op.column))
        for inner in op.ops:
            other = blank_to_null(apply_op(inner, other, col))
        return pl.coalesce(blank_to_null(e.str.strip_chars(WHITESPACE)), other)
    if isinstance(op, m.Concat):
        cols = [blank_to_null(col(c).str.strip_chars(WHITESPACE)) for c in op.columns()]
        return pl.concat_str(cols, separator=op.sep, ignore_nulls=True)
    if isinstance(op, m.MapValues):
        lowered = {k.strip().lower(): v for k, v in op.mapping.items()}
        key = e.str.strip_chars(WHITESPACE).str.to_lowercase()
        default = e if op.default is None else pl.lit(op.default)
        mapped = key.replace_strict(lowered, default=default, return_dtype=pl.String)
        return pl.when(e.is_null()).then(None).otherwise(mapped)
    if isinstance(op, m.Default):
        return pl.when(e.is_null() | (e.str.strip_chars(WHITESPACE) == "")).then(pl.lit(op.value)).otherwise(e)
    if isinstance(op, m.Coalesce):
        others = [blank_to_null(col(c).str.strip_chars(WHITESPACE)) for c in op.columns()]
        return pl.coalesce(blank_to_null(e.str.strip_chars(WHITESPACE)), *others)
    if isinstance(op, m.RegexExtract):
        return e.str.extract(op.pattern, op.group)
    if isinstance(op, m.JsonExtract):
        return e.map_elements(_json_fn(op.path), return_dtype=pl.String, skip_nulls=True)
    raise ValueError(f"unknown op {op!r}")


def _null_tokens_series(s: pl.Series, tokens: list[str], trimmed: bool = False) -> pl.Series:
    """Null where the trimmed, upper-cased value is one of `tokens` (upper-cased). Only values no longer than the
    longest token are upper-cased and looked up: upper-casing never shortens a value (each character becomes
    one to three), and most values of a column (phones, amounts, names) are longer than 'N/A' or 'NULL'."""
    if not tokens:
        return s
    text = s if trimmed else s.str.strip_chars(WHITESPACE)
    short = (text.str.len_chars() <= max(len(t) for t in tokens)).fill_null(False).arg_true()
    if not len(short):
        return s
    at = short.filter(text.gather(short).str.to_uppercase().is_in(tokens))
    return s.clone().scatter(at, None) if len(at) else s


# --- dates ------------------------------------------------------------------------------------------


def _int(g: pl.Expr, name: str) -> pl.Expr:
    return g.struct.field(name).cast(pl.Int32, strict=False)


def _pad(e: pl.Expr, width: int) -> pl.Expr:
    return e.cast(pl.String).str.zfill(width)


def _offset_expr(z: pl.Expr, assume: str) -> pl.Expr:
    """A zone token ('Z', 'UTC', '+05', '-0800', '+02:00') as '+HH:MM'; null becomes `assume`."""
    z = z.str.to_uppercase()
    norm = (
        pl.when(z.is_in(["Z", "UTC", "GMT"]))
        .then(pl.lit("+00:00"))
        .when(z.str.len_chars() == 3)
        .then(z + ":00")
        .when(z.str.len_chars() == 5)
        .then(z.str.slice(0, 3) + ":" + z.str.slice(3, 2))
        .otherwise(z)
    )
    fallback = "+00:00" if assume.upper() in ("Z", "UTC", "GMT") else assume
    return pl.coalesce(norm, pl.lit(fallback))


def _dates(e: pl.Expr, formats: tuple[str, ...], *, with_time: bool, assume: str = "Z") -> pl.Expr:
    """ISO date (or UTC date-time) of the first format that matches and is a real calendar value, else null.

    Format by format, each one reading only the values no earlier format read and that its regex matches
    (most values are read by the first format or two, so the later ones cost almost nothing).
    """

    def batch(s: pl.Series) -> pl.Series:
        text = s.str.strip_chars(WHITESPACE)
        out = pl.Series(s.name, [], dtype=pl.String).extend_constant(None, len(s))
        todo = text.is_not_null().arg_true()
        for fmt in formats:
            if not len(todo):
                break
            pending = text.gather(todo)
            hit = pending.str.contains(compile_date_format(fmt).regex).fill_null(False)
            if not hit.any():
                continue
            at = hit.arg_true()
            rows = todo.gather(at)
            parsed = _format_values(text.gather(rows), fmt, with_time, assume)
            read = parsed.is_not_null()
            out = out.scatter(rows.filter(read), parsed.filter(read))
            todo = todo.filter(~pl.repeat(False, len(todo), eager=True).scatter(at.filter(read), True))
        return out

    return e.map_batches(batch, return_dtype=pl.String)


def _format_values(s: pl.Series, fmt: str, with_time: bool, assume: str) -> pl.Series:
    """`_format_expr` over values that match the format's regex (trimmed)."""
    layout = None if with_time else _simple_layout(fmt)
    if layout is None:
        return pl.DataFrame({"v": s}).select(_format_expr(pl.col("v"), fmt, with_time, assume)).to_series()
    if layout == ("-", ("Y", "m", "d")):  # 'YYYY-MM-DD' is its own ISO spelling: only the calendar check
        s = only_where(s, s.str.len_bytes() != 10, lambda v: _layout_values(v, *layout))
        return pl.DataFrame({"iso": s}).select(_real_iso_date).to_series().alias(s.name)
    return _layout_values(s, *layout)


def _layout_values(s: pl.Series, sep: str, order: tuple[str, ...]) -> pl.Series:
    """`_format_values` for a `_simple_layout`: day, month and year between separators, read by a split (not
    a regex with groups: several times faster)."""
    if sep == " ":  # a space in the format matches several, and a month abbreviation may end with '.'
        odd = s.str.contains("  ", literal=True) | s.str.contains(".", literal=True)
        s = only_where(s, odd, lambda v: v.str.replace_all("[ .]+", " "))
    parts = s.str.splitn(sep, 3).struct
    got = {directive: parts.field(f"field_{i}") for i, directive in enumerate(order)}
    if "Y" in got:
        year = got["Y"]
    else:  # as `_date_expr`: 69-99 are 19xx, 00-68 are 20xx
        yy = got["y"]
        year = ("20" + yy).zip_with(yy < "69", "19" + yy)
    if "m" in got:
        month = got["m"].str.zfill(2)
    else:
        name = got["b" if "b" in got else "B"].str.to_lowercase()
        month = name.replace_strict(_MONTH_DIGITS, default=None, return_dtype=pl.String)
    iso = pl.concat_str(pl.col("y"), pl.lit("-"), pl.col("m"), pl.lit("-"), pl.col("d").str.zfill(2))  # one pass
    parts_df = pl.DataFrame({"y": year, "m": month, "d": got["d"]})
    return parts_df.select(iso.alias("iso")).select(_real_iso_date).to_series().alias(s.name)


# a real calendar date reads back as itself (`_date_expr`'s strftime would give the same text), else null
_real_iso_date = pl.when(pl.col("iso").str.to_date("%Y-%m-%d", strict=False).is_not_null()).then(pl.col("iso"))


_MONTH_DIGITS = {name: f"{number:02d}" for name, number in MONTHS.items()}


@lru_cache(maxsize=64)
def _simple_layout(fmt: str) -> tuple[str, tuple[str, ...]] | None:
    """(separator, directive order) of a date format like `%d/%m/%Y` or `%d %b %Y`: day, month and year
    between one repeated separator, and a month name only between spaces; None for any other format."""
    found = re.fullmatch(r"%([YymdbB])([^%\w])%([YymdbB])\2%([YymdbB])", fmt)
    if found is None:
        return None
    sep, order = found.group(2), (found.group(1), found.group(3), found.group(4))
    years, months = {"Y", "y"} & set(order), {"m", "b", "B"} & set(order)
    if len(years) != 1 or len(months) != 1 or "d" not in order:
        return None
    if (sep == " ") != (months != {"m"}) or (sep == " " and order[2] in ("b", "B")):
        return None  # a space separates words only; a trailing 'Mar.' keeps its dot out of the split
    return sep, order


def _format_expr(s: pl.Expr, fmt: str, with_time: bool, assume: str) -> pl.Expr:
    """ISO date (or UTC date-time) of `s` (trimmed) read with one format, null unless a real calendar value."""
    return _date_expr(s, (fmt,), with_time=with_time, assume=assume)


def _date_expr(e: pl.Expr, formats: tuple[str, ...] | list[str], *, with_time: bool, assume: str = "Z") -> pl.Expr:
    """ISO date (or UTC date-time) of the first format that matches and is a real calendar value."""
    s = e.str.strip_chars(WHITESPACE)
    candidates: list[pl.Expr] = []
    for fmt in formats:
        df = compile_date_format(fmt)
        g = s.str.extract_groups(df.regex)
        if "Y" in df.groups:
            year = _int(g, "Y")
        else:
            yy = _int(g, "y")
            year = pl.when(yy >= 69).then(yy + 1900).otherwise(yy + 2000)
        if "m" in df.groups:
            month = _int(g, "m")
        else:
            name = g.struct.field("b" if "b" in df.groups else "B").str.to_lowercase()
            month = name.replace_strict(MONTHS, default=None, return_dtype=pl.Int32)
        day = _int(g, "d")
        iso = _pad(year, 4) + "-" + _pad(month, 2) + "-" + _pad(day, 2)
        if not with_time:
            candidates.append(iso.str.to_date("%Y-%m-%d", strict=False).dt.strftime("%Y-%m-%d"))
            continue
        if "H" in df.groups:
            hour = _int(g, "H")
        elif "I" in df.groups:
            clock12 = _int(g, "I")
            i12 = clock12 % 12
            pm = pl.when(g.struct.field("p").str.to_uppercase() == "PM").then(i12 + 12).otherwise(i12)
            hour = pl.when(clock12.is_between(1, 12)).then(pm)  # a 12-hour clock reads 1-12
        else:
            hour = pl.lit(0, dtype=pl.Int32)
        minute = _int(g, "M") if "M" in df.groups else pl.lit(0, dtype=pl.Int32)
        second = _int(g, "S") if "S" in df.groups else pl.lit(0, dtype=pl.Int32)
        zone = g.struct.field("z") if "z" in df.groups else pl.lit(None, dtype=pl.String)
        real = (hour <= 23) & (minute <= 59) & (second <= 59)  # no rolling 10:30:60 over to 10:31
        text = iso + "T" + _pad(hour, 2) + ":" + _pad(minute, 2) + ":" + _pad(second, 2) + _offset_expr(zone, assume)
        parsed = text.str.to_datetime("%Y-%m-%dT%H:%M:%S%z", strict=False, time_zone="UTC")
        out = parsed.dt.strftime("%Y-%m-%dT%H:%M:%SZ")
        # an instant outside years 0000-9999 has no ISO spelling: unparseable
        candidates.append(pl.when(real & out.str.contains(r"^[0-9]{4}-")).then(out))
    return pl.coalesce(candidates) if candidates else pl.lit(None, dtype=pl.String)


# --- numbers ---------------------------------------------------------------------------------------


def _number_expr(e: pl.Expr, op: m.ToNumber, trimmed: bool = False) -> pl.Expr:
    return e.map_batches(lambda s: _number_series(s, op, trimmed), return_dtype=pl.String)


_CODES = "|".join(CURRENCY_CODES)


def only_where(s: pl.Series, mask: pl.Series, fn: Callable[[pl.Series], pl.Series]) -> pl.Series:
    """`fn` applied to just the values where `mask` holds (the rare cases), the rest left as they are.

    `mask` is booleans or the row numbers themselves. `s` is left unchanged (scatter writes into its series).
    """
    idx = mask if mask.dtype.is_integer() else mask.fill_null(False).arg_true()
    if not len(idx):
        return s
    return s.clone().scatter(idx, fn(s.gather(idx)))


def percent_of(number: str) -> str:
    """`number` / 100 in exact decimal arithmetic ('1.1' -> '0.011', never a float's 0.011000000000000001)."""
    try:
        text = format(Decimal(number).scaleb(-2), "f")
    except InvalidOperation:
        return number
    return text.rstrip("0").rstrip(".") if "." in text else text


# Plain amounts ('1234', '-12.5', '$1,234.50', '€1.234,50'): read with one regex and one deletion.
_FAST_SYMBOLS = "$€£¥"
_FAST_NUMBER = {
    ".": rf"^[{_FAST_SYMBOLS}]?-?([0-9]+|[0-9]{{1,3}}(,[0-9]{{3}})+)(\.[0-9]+)?$",
    ",": rf"^[{_FAST_SYMBOLS}]?-?([0-9]+|[0-9]{{1,3}}(\.[0-9]{{3}})+)(,[0-9]+)?$",
}
_FAST_DIGITS = {
    ".": r"([0-9]+|[0-9]{1,3}(,[0-9]{3})+)(\.[0-9]+)?",
    ",": r"([0-9]+|[0-9]{1,3}(\.[0-9]{3})+)(,[0-9]+)?",
}
# Wrapped plain amounts ('(1,234.50)', 'USD 1,234.50', '1,234 EUR', '12.5%'): the wrapping marks are literal
# characters at the ends, peeled by one strip; `_any_number` reads these shapes to the same result.
_WRAPPED_NUMBER = {
    decimal: rf"^(\([{_FAST_SYMBOLS}]?{digits}\)|(({_CODES}) )?[{_FAST_SYMBOLS}]?-?{digits}( ({_CODES}))?"
    rf"|[{_FAST_SYMBOLS}]?-?{digits}%)$"
    for decimal, digits in _FAST_DIGITS.items()
}
_WRAPPING = "()% " + "".join(sorted(set("".join(CURRENCY_CODES))))


def _number_series(original: pl.Series, op: m.ToNumber, trimmed: bool = False) -> pl.Series:
    """Plain amounts take a fast path; the rest go through every cleaning step."""
    text = original if trimmed else original.str.strip_chars(WHITESPACE)
    plain = text.str.contains(_FAST_NUMBER[op.decimal]).fill_null(False)
    rest = ~plain & original.is_not_null()
    if not rest.any():  # every value plain (null stays null): no gathering
        return _plain_number(text, op.decimal).alias(original.name)
    out = only_where(original, plain, lambda _: _plain_number(text.filter(plain), op.decimal))
    rest_idx = rest.arg_true()
    rest_text = text.gather(rest_idx)
    wrapped = rest_text.str.contains(_WRAPPED_NUMBER[op.decimal]).fill_null(False)
    out = only_where(out, rest_idx.filter(wrapped), lambda _: _wrapped_number(rest_text.filter(wrapped), op))
    return only_where(out, rest_idx.filter(~wrapped), lambda v: _any_number(v, op)).alias(original.name)


def _wrapped_number(s: pl.Series, op: m.ToNumber) -> pl.Series:
    """A `_WRAPPED_NUMBER` value: the plain amount inside, negated in parentheses, divided by 100 before '%'."""
    out = _plain_number(s.str.strip_chars(_WRAPPING), op.decimal)
    out = only_where(out, s.str.starts_with("("), lambda v: "-" + v)
    return only_where(out, s.str.ends_with("%"), _percent_series) if op.percent else out


def _plain_number(s: pl.Series, decimal: str) -> pl.Series:
    # a plain amount has at most one symbol, first: stripped, then the grouping marks dropped (literal, fast)
    s = s.str.strip_chars_start(_FAST_SYMBOLS).str.replace_all("," if decimal == "." else ".", "", literal=True)
    if decimal == ",":
        s = s.str.replace(",", ".", literal=True)
    return _drop_zero_fraction(s)


def _drop_zero_fraction(s: pl.Series) -> pl.Series:
    """'12.00' -> '12' (a fraction with a non-zero digit is kept as written). Only the values ending in '0' are
    looked at (one pass; the regex itself asks for the point, on those few)."""
    return only_where(s, s.str.ends_with("0"), lambda v: v.str.replace(r"^(-?[0-9]+)\.0+$", "${1}"))


def _any_number(original: pl.Series, op: m.ToNumber) -> pl.Series:
    """Eager, step by step, each cleaning step only on the values it concerns (most values need few)."""
    s = original.str.strip_chars(WHITESPACE)
    # only one enclosing pair means negative; a lone parenthesis leaves the value not a number
    negative_parens = (s.str.starts_with("(") & s.str.ends_with(")") & (s.str.len_chars() >= 2)).fill_null(False)
    changed = negative_parens
    s = only_where(s, negative_parens, lambda v: v.str.slice(1, v.str.len_chars() - 2).str.strip_chars(WHITESPACE))
    letters = s.str.contains("[A-Za-z]").fill_null(False)
    # one pass drops a leading and a trailing code (matches never overlap, so it equals two `replace`s)
    s = only_where(s, letters, lambda v: v.str.replace_all(rf"^(?i:{_CODES})|(?i:{_CODES})$", ""))
    symbols = s.str.contains(f"[{re.escape(CURRENCY_SYMBOLS)}]").fill_null(False)
    s = only_where(s, symbols, lambda v: v.str.replace_all(f"[{re.escape(CURRENCY_SYMBOLS)}]", ""))
    s = only_where(s, changed | letters | symbols, lambda v: v.str.strip_chars(WHITESPACE))
    ends_pct = s.str.ends_with("%").fill_null(False)
    percent = ends_pct if op.percent else ends_pct & False
    s = only_where(s, ends_pct, lambda v: v.str.strip_chars_end("%").str.strip_chars(WHITESPACE))
    grouping = list(GROUPING_SPACES + ("," if op.decimal == "." else "."))
    s = s.str.replace_many(grouping, [""] * len(grouping))  # literal characters: one pass, no regex
    if op.decimal == ",":
        s = only_where(s, s.str.contains(",", literal=True), lambda v: v.str.replace(",", ".", literal=True))
    s = only_where(s, s.str.starts_with("+"), lambda v: v.str.slice(1))
    s = only_where(s, s.str.starts_with(".") | s.str.starts_with("-."), lambda v: v.str.replace(r"^(-?)\.", "${1}0."))
    s = only_where(s, negative_parens & ~s.str.starts_with("-").fill_null(False), lambda v: "-" + v)
    ok = s.str.contains(NUMBER_RE).fill_null(False)
    canon = only_where(s, percent & ok, _percent_series)
    canon = _drop_zero_fraction(canon)
    return pl.select(pl.when(ok).then(canon).otherwise(original)).to_series().alias(original.name)


def _percent_series(s: pl.Series) -> pl.Series:
    """`percent_of` over numbers matching NUMBER_RE: the decimal point moved two places by string operations
    (Decimal's spelling: no leading zeros, trailing fraction zeros dropped); exponent forms go through Python."""
    exponent = s.str.contains("[eE]").fill_null(False)
    out = only_where(s, exponent, lambda v: v.map_elements(percent_of, return_dtype=pl.String))
    return only_where(out, ~exponent, _shift_point)


def _shift_point(s: pl.Series) -> pl.Series:
    halves = s.str.strip_prefix("-").str.splitn(".", 2).struct
    whole = halves.field("field_0").str.zfill(3)  # at least one digit stays before the point
    head = whole.str.head(-2).str.strip_chars_start("0")
    head = head.zip_with(head != "", pl.Series(["0"]).extend_constant("0", len(s) - 1)) if len(s) else head
    fraction = whole.str.tail(2) + halves.field("field_1").fill_null("")
    text = head + "." + fraction
    text = text.zip_with(~s.str.starts_with("-"), "-" + text)
    return text.str.strip_chars_end("0").str.strip_chars_end(".").alias(s.name)


_WORD_BREAK = re.compile(f"[{re.escape(WHITESPACE)}]+")
_EMAIL_PEEL = re.compile(f"^[{re.escape(WHITESPACE)}<>]*(?:[Mm][Aa][Ii][Ll][Tt][Oo]:)?[{re.escape(WHITESPACE)}<>]*")


def _email_series(s: pl.Series, trimmed: bool = False) -> pl.Series:
    """Trim and lower-case, then peel angle brackets and `mailto:` in any order and nesting."""
    s = (s if trimmed else s.str.strip_chars(WHITESPACE)).str.to_lowercase()
    wrapped = (s.str.starts_with("<") | s.str.ends_with(">") | s.str.contains("mailto:", literal=True)).fill_null(False)
    return only_where(s, wrapped, _peel_email)


def _peel_email(s: pl.Series) -> pl.Series:
    for _ in range(8):  # '<mailto:<a@b>>' needs two rounds; real values settle in one or two
        peeled = s.str.replace(_EMAIL_PEEL.pattern, "").str.strip_chars(WHITESPACE + "<>")
        if peeled.equals(s, null_equal=True):
            break
        s = peeled
    return s


def _title_series(s: pl.Series) -> pl.Series:
    """Title case; values with combining marks go through Python, where a decomposed accent stays in its word."""
    titled = s.str.to_titlecase()
    marked = s.str.contains(r"\p{M}").fill_null(False)
    if not marked.any():
        return titled
    return titled.scatter(marked.arg_true(), s.filter(marked).map_elements(_title_text, return_dtype=pl.String))


def _title_text(text: str) -> str:
    """Each word's first letter title-cased, the rest lower-cased; combining marks do not end a word."""
    out: list[str] = []
    in_word = False
    for i, ch in enumerate(text):
        if unicodedata.category(ch).startswith("M"):
            out.append(ch)
            continue
        if not in_word:
            out.append(ch.title())
        elif ch == "\u03a3":  # capital sigma: final form at the end of a word
            rest = [c for c in text[i + 1 :] if not unicodedata.category(c).startswith("M")]
            out.append("\u03c3" if rest and _letter(rest[0]) else "\u03c2")
        else:
            out.append(ch.lower())
        in_word = _letter(ch)
    return "".join(out)


def _letter(ch: str) -> bool:
    return ch.isalpha() or ch.lower() != ch or ch.upper() != ch or unicodedata.category(ch) == "Nl"


# --- python-only ops ---------------------------------------------------------------------------------


def _ascii_any_case(word: str) -> str:
    # explicit classes, not (?i): Python's lower() turns no other character into these ASCII letters
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in word)


_PARTICLES = "(?:" + "|".join(_ascii_any_case(p) for p in sorted(NAME_PARTICLES)) + ") "
_PARTICLE_RUN = f" (?:{_PARTICLES})+[^ ]+$"
_PARTICLE_WORDS = [f"{p} " for p in sorted(NAME_PARTICLES)]  # what a particle run holds (ASCII, any case)
# white space other than single spaces: literal strings, found in one pass (faster than the equivalent regex)
_ODD_SPACE = [*WHITESPACE.replace(" ", ""), "  "]


def _name_part_series(s: pl.Series, part: str) -> pl.Series:
    """One part of full names: `first` (given names) or `last` (the last name with the particles before it).

    Words are split on white space; "Last, First" splits at the first comma (each side trimmed); one word is
    a first name; particle words (`NAME_PARTICLES`, any case) right before the last word join the last name,
    leaving the first word to the given names.
    """
    first, last = _name_parts(s)
    return (first if part == "first" else last).alias(s.name)


def name_parts(e: pl.Expr) -> pl.Expr:
    """Both `split_name` parts of `e` as a struct (`first`, `last`), each value parsed once."""

    def batch(s: pl.Series) -> pl.Series:
        distinct = repeated_values(s)
        if distinct is None:
            return pl.struct(*_name_parts(s), eager=True)
        first, last = _name_parts(distinct)
        at = spread(s, distinct, pl.int_range(len(distinct), eager=True))
        return pl.struct(first.gather(at), last.gather(at), eager=True)

    return e.map_batches(batch, return_dtype=pl.Struct({"first": pl.String, "last": pl.String}))


def _name_parts(s: pl.Series) -> tuple[pl.Series, pl.Series]:
    """(given names, last name) of each full name: see `_name_part_series`."""
    # white space other than single spaces between words is rare: collapsed only where there is some
    text = s.str.strip_chars(" ")
    odd = text.str.contains_any(_ODD_SPACE).fill_null(False)
    text = only_where(text, odd, lambda v: v.str.replace_all(_WORD_BREAK.pattern, " ").str.strip_chars(" "))
    first = text.clone().alias("first")
    last = pl.Series("last", [], dtype=pl.String).extend_constant(None, len(s))
    comma = text.str.contains(",", literal=True).fill_null(False)
    if comma.any():
        at = comma.arg_true()
        halves = text.gather(at).str.splitn(",", 2).struct
        first.scatter(at, halves.field("field_1").str.strip_chars(" "))
        last.scatter(at, halves.field("field_0").str.strip_chars(" "))
    spaced = (~comma & text.str.contains(" ", literal=True)).fill_null(False)
    if spaced.any():
        at = spaced.arg_true()
        words = text.gather(at)
        # ' ' + the last word, with the particle words right before it (looked for only after a particle)
        tail = words.str.extract(" [^ ]*$", 0)
        maybe = words.str.contains_any(_PARTICLE_WORDS, ascii_case_insensitive=True).fill_null(False)
        if maybe.any():
            where = maybe.arg_true()
            tail = tail.scatter(where, words.gather(where).str.extract(_PARTICLE_RUN, 0).fill_null(tail.gather(where)))
        first.scatter(at, words.str.head(words.str.len_chars() - tail.str.len_chars()))
        last.scatter(at, tail.str.slice(1))
    return _blank_to_null_series(first), _blank_to_null_series(last)


def _blank_to_null_series(s: pl.Series) -> pl.Series:
    return pl.DataFrame({s.name: s}).select(blank_to_null(pl.col(s.name)).alias(s.name)).to_series()


_PATH_TOKEN = re.compile(r"\.([A-Za-z0-9_-]+)|\[([0-9]+)\]")


@lru_cache(maxsize=32)
def _json_fn(path: str) -> Callable[[str], str | None]:
    steps: list[str | int] = [name if name else int(index) for name, index in _PATH_TOKEN.findall(path[1:])]

    def get(value: str) -> str | None:
        try:
            node: Any = json.loads(value)
        except ValueError:
            return None
        for step in steps:
            found = (isinstance(step, int) and isinstance(node, list) and step < len(node)) or (
                isinstance(step, str) and isinstance(node, dict) and step in node
            )
            if not found:
                return None
            node = node[step]
        if node is None:
            return None
        if isinstance(node, bool):
            return "true" if node else "false"
        text = json.dumps(node, ensure_ascii=False) if isinstance(node, (dict, list)) else str(node)
        # an unpaired UTF-16 surrogate ("\ud83d") is not text: it becomes U+FFFD instead of breaking the column
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")

    return get
