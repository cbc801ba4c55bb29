"""Field rules: each template field's type/required/enum/pattern/min/max/unique check as a polars expression.

A cell reports only its first failing rule, in `spec.RULE_ORDER`. Values are the engine's output strings
(null = no value); `row` in cell errors is the 1-based data row of the source sheet.
"""

from __future__ import annotations

import operator
from functools import lru_cache, reduce
from typing import Any

import polars as pl

from ferry.core.domain import Template, TemplateField
from ferry.core.outcomes import StepFailed
from ferry.core.patterns import pattern_problem
from ferry.engine.report import blank_expr
from ferry.recipe.spec import (
    BOOLEAN_VALUES,
    CASE_INSENSITIVE_UNIQUE,
    DATE_RE,
    DATETIME_RE,
    EMAIL_RE,
    INTEGER_RE,
    LENGTH_TYPES,
    NUMBER_RE,
    NUMERIC_TYPES,
    PHONE_RE,
    URL_RE,
)

_TYPE_RE = {
    "integer": INTEGER_RE,
    "number": NUMBER_RE,
    "date": DATE_RE,
    "datetime": DATETIME_RE,
    "email": EMAIL_RE,
    "phone": PHONE_RE,
    "url": URL_RE,
}


def _type_ok(f: TemplateField, v: pl.Expr) -> pl.Expr | None:
    if f.type == "boolean":
        # two comparisons cost a quarter of `is_in` (both give null for null)
        return reduce(operator.or_, [v == x for x in BOOLEAN_VALUES])
    regex = _TYPE_RE.get(f.type)
    if regex is None:
        return None
    ok = v.str.contains(regex)
    if f.type in ("date", "datetime"):  # a date that exists; no cache: most values are distinct, so it costs 2x
        day = v if f.type == "date" else v.str.slice(0, 10)  # DATE_RE already allows only 10 characters
        ok = ok & day.str.to_date("%Y-%m-%d", strict=False, cache=False).is_not_null()
    if f.type == "datetime":  # and a time of day and offset that exist
        g = v.str.extract_groups(DATETIME_RE)
        part = [g.struct.field(str(i)).cast(pl.Int32, strict=False) for i in (4, 5, 6)]
        zone = g.struct.field("8")
        zone_h = zone.str.slice(1, 2).cast(pl.Int32, strict=False)
        zone_m = zone.str.slice(4, 2).cast(pl.Int32, strict=False)
        real_zone = (zone == "Z") | ((zone_h <= 23) & (zone_m <= 59))
        ok = ok & (part[0] <= 23) & (part[1] <= 59) & (part[2] <= 59) & real_zone
    return ok


def _enum_ok(values: list[str], v: pl.Expr) -> pl.Expr:
    """Is the value one of `values`, ignoring case. Lower-casing every value costs ~4x an exact look-up, and
    most values are already spelled as listed, so only the others are lower-cased."""
    exact = list(values)
    lowered = [x.lower() for x in values]

    def check(s: pl.Series) -> pl.Series:
        ok = s.is_in(exact)
        others = (~ok).fill_null(False)
        if not others.any():
            return ok
        idx = others.arg_true()
        return ok.scatter(idx, s.gather(idx).str.to_lowercase().is_in(lowered))

    return v.map_batches(check, return_dtype=pl.Boolean, is_elementwise=True)


def _pattern_ok(f: TemplateField, pattern: str, v: pl.Expr) -> pl.Expr:
    """Matched by polars' Rust engine only (linear time), never by Python's backtracking `re`: a pattern it
    cannot run (a template stored before the API checked patterns) fails the run naming the field."""
    why = _pattern_refusal(pattern)
    if why is not None:
        raise StepFailed(
            f"The template field '{f.key}' has a pattern the import engine can't use: it {why}. "
            "Change the pattern in the template and run the import again."
        )
    return v.str.contains(pattern)


@lru_cache(maxsize=256)
def _pattern_refusal(pattern: str) -> str | None:
    why = pattern_problem(pattern)
    if why is not None:
        return why.removeprefix("pattern ")
    try:
        pl.select(pl.lit("").str.contains(pattern))
    except pl.exceptions.PolarsError:
        return "is too large or not valid for the import engine"
    return None


def unique_key(f: TemplateField, v: pl.Expr) -> pl.Expr:
    """The value uniqueness compares: lower-cased for string/email/url/enum."""
    return v.str.to_lowercase() if f.type in CASE_INSENSITIVE_UNIQUE else v


def present_expr(v: pl.Expr) -> pl.Expr:
    """True where a value is given (not null, not only white space)."""
    return ~blank_expr(v)


def rule_expr(f: TemplateField, v: pl.Expr | None = None, *, unique: bool = True) -> pl.Expr:
    """The name of the first rule the value of field `f` fails, or null when it passes (column `f.key`).

    With `unique=False` the one rule that compares rows is left out (the executor checks it across chunks).
    """
    v = pl.col(f.key) if v is None else v
    present = present_expr(v)
    checks: list[tuple[str, pl.Expr]] = []  # (rule, failing) for present values, in RULE_ORDER
    type_ok = _type_ok(f, v)
    if type_ok is not None:
        checks.append(("type", ~type_ok))
    if f.type == "enum" and f.values:
        checks.append(("enum", ~_enum_ok(f.values, v)))
    if f.pattern:
        checks.append(("pattern", ~_pattern_ok(f, f.pattern, v)))
    if f.type in NUMERIC_TYPES:
        num = v.cast(pl.Float64, strict=False)
        if f.min is not None:
            checks.append(("min", num < f.min))
        if f.max is not None:
            checks.append(("max", num > f.max))
    elif f.type in LENGTH_TYPES:
        n = v.str.len_chars()
        if f.min is not None:
            checks.append(("min_length", n < f.min))
        if f.max is not None:
            checks.append(("max_length", n > f.max))
    if f.unique and unique:
        key = unique_key(f, v)
        checks.append(("unique", ~pl.when(present).then(key).otherwise(None).is_first_distinct()))
    out: Any = pl.when(~present).then(pl.lit("required" if f.required else None, dtype=pl.String))
    for rule, failing in checks:
        out = out.when(failing.fill_null(False)).then(pl.lit(rule))
    return out.otherwise(pl.lit(None, dtype=pl.String)).alias(f.key)


def error_frame(df: pl.DataFrame, template: Template) -> pl.DataFrame:
    """One column per field holding the failing rule name (or null), same height as `df`."""
    return df.select([rule_expr(f) for f in template.fields])


def cell_errors(df: pl.DataFrame, template: Template, row_column: str = "_row") -> list[dict[str, Any]]:
    """`[{row, column, rule, value}]` for every failing cell of `df` (which has one column per field)."""
    rules = error_frame(df, template)
    out: list[dict[str, Any]] = []
    for f in template.fields:
        mask = rules[f.key].is_not_null()
        if not mask.any():
            continue
        sub = pl.DataFrame({"row": df[row_column], "rule": rules[f.key], "value": df[f.key]}).filter(mask)
        out += [{"row": r, "column": f.key, "rule": rule, "value": val} for r, rule, val in sub.iter_rows()]
    out.sort(key=lambda e: (e["row"], e["column"]))
    return out
