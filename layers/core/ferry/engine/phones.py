"""The `phone_e164` op over a whole column: common layouts read natively, the rest by `phonenumbers` once per value.

The result must equal, value for value, what `phonenumbers.parse(text, region)` + `is_possible_number` +
E.164 formatting give (the reference engine calls exactly that). The native path therefore only answers where
the library's steps are known to reduce to a few regexes over the digits:

- the value is digits with spaces, dots, dashes and parentheses, optionally after one leading `+`
  (no letters, extensions, `tel:` URIs, unicode digits: those go to the library);
- `+` forms: the country code is the one prefix of the digits in the library's table; national (default
  region) forms: the region's own country code, when the region is its code's main region;
- the national number goes through the region's national (trunk) prefix exactly as the library strips it
  (only for prefixes without carrier-code groups or transform rules), and its length must be one the library
  calls possible (not a local-only length).

Anything else is left null by the native path and sent, as distinct values, through the library.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, reduce
from typing import Any

import polars as pl

# One optional '+', then digits with single separators and parentheses; ASCII only, so no unicode digit or
# space reading can differ between the library and this path.
# ...and ending in a digit or ')'.
_SHAPE = r"^\+?[(]?[0-9]([0-9 ().-]*[0-9)])?$"
_SEPARATORS = [" ", "(", ")", ".", "-", "+"]  # what a value of that shape holds besides digits
_MAX_CHARS = 40
# (the number before it must have 3 digits, or the library does not read an extension at all)
_EXTENSION = r"^((?:[^A-Za-z0-9]*[0-9]){3}[^A-Za-z]*?) *(?:[Ee][Xx][Tt]\.?|[Xx]) ?[0-9]{1,6}$"


@dataclass(frozen=True)
class _Meta:
    """What the native path needs of one region's metadata; `None` from `_meta` when it cannot be used."""

    code: str
    """The country calling code as digits."""
    general: str
    """The general national-number pattern, anchored for a full match."""
    prefix: str | None
    """The national-prefix-for-parsing pattern anchored at the start, or None when there is none."""
    idd: str | None
    """The international (IDD) prefix anchored at the start."""
    lengths: tuple[int, ...]
    """The possible national-number lengths that are not local-only."""
    any_lengths: tuple[int, ...]
    """Every length the library calls possible (local-only ones included)."""


def _compiles(pattern: str) -> bool:
    try:
        pl.select(pl.lit("").str.contains(pattern))
    except pl.exceptions.PolarsError:
        return False
    return True


@lru_cache(maxsize=512)
def _meta(region: str) -> _Meta | None:
    from phonenumbers import PhoneMetadata

    md = PhoneMetadata.metadata_for_region(region)
    if md is None or md.general_desc is None or md.general_desc.national_number_pattern is None:
        return None
    npfp = md.national_prefix_for_parsing
    if md.national_prefix_transform_rule or (npfp and "(" in npfp.replace("(?:", "")):
        return None  # carrier codes or rewritten prefixes (BR, AR, ...): the library's own logic
    local = set(md.general_desc.possible_length_local_only or ())
    lengths = tuple(n for n in md.general_desc.possible_length or () if n > 0 and n not in local)
    if not lengths:
        return None
    meta = _Meta(
        code=str(md.country_code),
        general=f"^(?:{md.general_desc.national_number_pattern})$",
        prefix=f"^(?:{npfp})" if npfp else None,
        idd=f"^(?:{md.international_prefix})" if md.international_prefix else None,
        lengths=lengths,
        any_lengths=tuple(sorted(set(lengths) | local)),
    )
    patterns = [meta.general, *(p for p in (meta.prefix, meta.idd) if p)]
    return meta if all(_compiles(p) for p in patterns) else None


@lru_cache(maxsize=1)
def _codes() -> dict[str, str]:
    """Country calling code (digits) -> its main region, for the geographic codes."""
    from phonenumbers.phonenumberutil import COUNTRY_CODE_TO_REGION_CODE

    return {str(cc): regions[0] for cc, regions in COUNTRY_CODE_TO_REGION_CODE.items() if regions[0] != "001"}


@lru_cache(maxsize=1)
def _code_re() -> str:
    # calling codes are prefix-free, so at most one alternative matches the start of the digits
    return "^(" + "|".join(sorted(_codes(), key=len, reverse=True)) + ")"


def _national(n: pl.Series, meta: _Meta, original: pl.Series | None = None) -> pl.Series:
    """E.164 of national significant numbers `n` under `meta`, or null where the library must decide.

    With `original` (the values as given, for national forms), a number without a national prefix whose
    length the library never calls possible gets its original value back: the library's answer too.
    One plan: the length is measured once and compared (a few comparisons cost less than `is_in`), and the
    prefix looked for once, for both the answer and the rows left to strip.
    """
    code = "+" + meta.code
    number, size = pl.col("n"), pl.col("n").str.len_bytes()
    has_prefix = number.str.contains(meta.prefix) if meta.prefix is not None else pl.lit(False)
    plain = _length_in(size, meta.lengths) & ~has_prefix
    answer: Any = pl.when(plain).then(code + number)
    if original is not None:
        answer = answer.when(~_length_in(size, meta.any_lengths) & ~has_prefix).then(pl.col("o"))
    frame = pl.DataFrame({"n": n} if original is None else {"n": n, "o": original})
    found = frame.select(answer.otherwise(None).alias("out"), has_prefix.alias("p"))
    out, prefixed = found.get_column("out").alias(n.name), found.get_column("p")
    if meta.prefix is None or not prefixed.any():
        return out
    # a stripped number that matches the general pattern is always kept (the library's viability check)
    idx = prefixed.arg_true()
    stripped = n.gather(idx).str.replace(str(meta.prefix), "")
    ok = stripped.str.contains(meta.general) & stripped.str.len_bytes().is_in(list(meta.lengths))
    return out.scatter(idx, pl.select(pl.when(ok).then(code + stripped)).to_series())


def _length_in(size: pl.Expr, lengths: tuple[int, ...]) -> pl.Expr:
    """`size` is one of `lengths`: comparisons for a few, `is_in` for many."""
    if len(lengths) > 4:
        return size.is_in(list(lengths))
    return reduce(operator.or_, [size == length for length in lengths])


def _shaped(text: pl.Series) -> pl.Series:
    """True where a (stripped) value has the native path's layout."""
    return (text.str.contains(_SHAPE) & (text.str.len_bytes() <= _MAX_CHARS)).fill_null(False)


def _native(s: pl.Series, region: str | None, trimmed: bool = False) -> pl.Series:
    """E.164 for the values in a common layout, null for the rest (and for null); `trimmed`: `s` has no white
    space at its ends (the strip below would change nothing)."""
    text = s.clone() if trimmed else s.str.strip_chars(" \t")  # a copy: the extensions are scattered into it
    shaped = _shaped(text)
    # an extension ('415-555-0123 ext 12', 'x12') is dropped by E.164: read the number before it (only a value
    # not shaped already can hold letters, so only those are looked at)
    rest = (~shaped & text.is_not_null()).arg_true()
    at = rest.filter(text.gather(rest).str.contains("[A-Za-z]"))
    if len(at):
        text = text.scatter(at, text.gather(at).str.replace(_EXTENSION, "${1}"))
        shaped = shaped.scatter(at, _shaped(text.gather(at)))
    out = pl.Series(s.name, [], dtype=pl.String).extend_constant(None, len(s))
    if not shaped.any():
        return out
    idx = shaped.arg_true()
    text = text.gather(idx)
    digits = text.str.replace_many(_SEPARATORS, [""] * len(_SEPARATORS))
    plus = text.str.starts_with("+")
    # (rows of `text`, their E.164 or null) per group of rows, the groups disjoint: one scatter at the end, not
    # one copy of the whole column per calling code
    found: list[tuple[pl.Series, pl.Series]] = []
    # '+' forms: split off the calling code, then that code's main region decides
    if plus.any():
        plus_rows = plus.arg_true()
        code = digits.gather(plus_rows).str.extract(_code_re(), 1)
        for cc in code.drop_nulls().unique().to_list():
            meta = _meta(_codes()[cc])
            if meta is None:
                continue
            rows = plus_rows.filter((code == cc).fill_null(False))
            found.append((rows, _national(digits.gather(rows).str.slice(len(cc)), meta)))
    # national forms of the default region (when it is its calling code's main region)
    meta = _meta(region) if region else None
    if meta is not None and _codes().get(meta.code) == region and (~plus).any():
        national = ~plus
        if meta.idd is not None:
            national = national & ~digits.str.contains(meta.idd)
        # a number starting with the region's own code: the library weighs both readings
        with_code = national & digits.str.starts_with(meta.code)
        plain = national & ~with_code
        rows = plain.arg_true()
        if len(rows):
            given = s.gather(idx.gather(rows))  # one gather of the strings, not two
            found.append((rows, _national(digits.gather(rows), meta, given)))
        rows = with_code.arg_true()
        if len(rows):
            found.append((rows, _with_code(digits.gather(rows), meta)))
    if not found:
        return out
    rows = pl.concat([r.alias("r") for r, _ in found])
    return out.scatter(idx.gather(rows), pl.concat([v.alias(s.name) for _, v in found]))


def _with_code(d: pl.Series, meta: _Meta) -> pl.Series:
    """National digits that start with the region's own calling code ('1 415 555 0123' in the US).

    The library drops the code when the digits without it match the general pattern and the digits with it do
    not; answered natively only when the rest has no national prefix to strip, and is of a possible length.
    """
    rest = pl.col("d").str.slice(len(meta.code))
    ok = ~pl.col("d").str.contains(meta.general) & rest.str.contains(meta.general)
    ok = ok & rest.str.len_bytes().is_in(list(meta.lengths))
    if meta.prefix is not None:
        ok = ok & ~rest.str.contains(meta.prefix)
    return pl.DataFrame({"d": d}).select(pl.when(ok).then(pl.lit("+" + meta.code) + rest)).to_series()


@lru_cache(maxsize=32)
def _library(region: str | None) -> Callable[[str], str]:
    import phonenumbers

    def fmt(value: str) -> str:
        text = value.strip()
        if not text:
            return value
        try:
            num = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            return value
        if not phonenumbers.is_possible_number(num):
            return value
        return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)

    return fmt


def library_e164(value: str, region: str | None) -> str:
    """One value through `phonenumbers` (E.164 when possible, else `value` as given)."""
    return _library(region)(value)


def phone_series(s: pl.Series, region: str | None, *, trimmed: bool = False) -> pl.Series:
    """`phone_e164` over a column: the native reading where it applies, the library once per other value.

    A column with many repeats is read once per distinct value and mapped back; a systematic sample of 20,000
    values says whether it has (finding the distinct values of an all-distinct column would be wasted).
    """
    sample = s.gather_every(max(1, len(s) // 20_000)).drop_nulls()
    if len(sample) < 100 or sample.n_unique() > 0.9 * len(sample):
        return _phone_values(s, region, trimmed)
    distinct = s.drop_nulls().unique()
    if len(distinct) * 2 <= len(s):
        mapped = _phone_values(distinct, region, trimmed)
        return s.replace_strict(distinct, mapped, default=None, return_dtype=pl.String).alias(s.name)
    return _phone_values(s, region, trimmed)


def _phone_values(s: pl.Series, region: str | None, trimmed: bool = False) -> pl.Series:
    out = _native(s, region, trimmed)
    residue = (out.is_null() & s.is_not_null()).fill_null(False)
    if not residue.any():
        return out.alias(s.name)
    idx = residue.arg_true()
    values = s.gather(idx)
    distinct = values.unique()
    fmt = _library(region)
    mapped = pl.Series([fmt(v) for v in distinct.to_list()], dtype=pl.String)
    return out.scatter(idx, values.replace_strict(distinct, mapped, return_dtype=pl.String)).alias(s.name)
