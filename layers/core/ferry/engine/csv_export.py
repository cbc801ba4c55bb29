"""CSV export of a template's output rows: valid / invalid / all, RFC 4180, UTF-8, formula-safe."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import IO, Literal

import polars as pl

from ferry.engine.flags import ERRORS, ROW, error_columns, errors_text_expr, flagged_expr

ExportFilter = Literal["valid", "invalid", "all"]
EXPORT_FILTERS: tuple[ExportFilter, ...] = ("valid", "invalid", "all")
# What every execute writes. `all` (every row: both of these again, in source order) is written from the
# committed row parts the first time someone asks for it (ferry.engine.parts.write_export_from_parts).
EXECUTE_EXPORTS: tuple[ExportFilter, ...] = ("valid", "invalid")

# A cell a spreadsheet would run as a formula; plain signed numbers ('-5', '+1.5e3') are left alone.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_RE = r"^[=+\-@\t\r]"
_SIGNED_NUMBER_RE = r"^[+-][0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$"
_TEXT = "__text__"
_HASH = "__hash__"


def neutralise(value: str | None) -> str | None:
    """`value` with a leading `'` when it starts like a formula (pure-Python twin of `neutralise_series`)."""
    import re

    if value and value.startswith(FORMULA_START) and not re.match(_SIGNED_NUMBER_RE, value):
        return "'" + value
    return value


def neutralise_series(s: pl.Series) -> pl.Series:
    """Polars version of `neutralise`; the costly checks run only on the few cells that start riskily."""
    s = s.cast(pl.String)
    # every formula start is below 'A' and none is a digit: one string comparison (read from each value's
    # inline prefix) rules out the text cells, two more on the rest the numbers, before any regex runs
    below = (s < "A").fill_null(False)
    if not below.any():
        return s
    idx = below.arg_true()
    subset = s.gather(idx)
    maybe = (subset >= "\t") & ~((subset >= "0") & (subset < ":"))
    if not maybe.any():
        return s
    if not maybe.all():
        idx, subset = idx.filter(maybe), subset.filter(maybe)
    # a signed whole number (a phone in E.164, a negative amount: most cells that get here) is safe, and
    # cheaper to tell by parsing than by the regexes, which then run on the rest only
    signed = ((subset >= "+") & (subset < ",")) | ((subset >= "-") & (subset < "."))
    rest = ~(signed & subset.str.to_integer(strict=False).is_not_null())
    if not rest.all():
        idx, subset = idx.filter(rest), subset.filter(rest)
    risky = subset.str.contains(_FORMULA_RE) & ~subset.str.contains(_SIGNED_NUMBER_RE)
    if not risky.any():
        return s
    fixed = pl.select(pl.when(risky).then("'" + subset).otherwise(subset)).to_series()
    return s.scatter(idx, fixed)


def errors_text(frame: pl.DataFrame) -> pl.Series:
    """Per row of an engine output frame, its errors as text (`column: rule; ...`, '' when valid).

    Worked out once per distinct combination of errors (a file has a handful), found by the 64-bit hash of
    the row's `_errors` (about half the cost of grouping the structs themselves; two of a file's few
    combinations sharing a hash is a ~1e-15 chance), and joined back to the rows."""
    columns = error_columns(frame)
    hashed = frame.select(pl.col(ERRORS).hash().alias(_HASH), pl.col(ERRORS))
    distinct = hashed.filter(pl.col(_HASH).is_first_distinct()).select(_HASH, errors_text_expr(columns).alias(_TEXT))
    joined = hashed.select(_HASH).join(distinct, on=_HASH, how="left", maintain_order="left")
    return joined[_TEXT].fill_null("").alias(ERRORS)


def export_frames(
    frame: pl.DataFrame, filters: tuple[ExportFilter, ...] = EXPORT_FILTERS
) -> dict[ExportFilter, pl.DataFrame]:
    """The rows and columns to export from an engine output frame (`_row`, fields, `_errors`), per filter.

    `valid`: rows without errors, field columns only. `invalid`/`all`: field columns, then `_row` (source
    data row) and `_errors` (`column: rule; ...`). Every text cell is formula-neutralised (once for all).
    """
    unknown = [f for f in filters if f not in EXPORT_FILTERS]
    if unknown:
        raise ValueError(f"unknown export filter {unknown[0]!r}; use valid, invalid or all")
    fields = [c for c in frame.columns if c not in (ROW, ERRORS)]
    flagged = frame.select(flagged_expr(error_columns(frame)).alias("f")).to_series()
    cells = pl.DataFrame(
        [neutralise_series(frame[c]).alias(c) for c in fields], schema=dict.fromkeys(fields, pl.String)
    )
    out: dict[ExportFilter, pl.DataFrame] = {}
    if "valid" in filters:
        out["valid"] = cells.filter(~flagged)
    if "invalid" in filters or "all" in filters:
        every = cells.with_columns(frame[ROW], errors_text(frame))
        if "invalid" in filters:
            out["invalid"] = every.filter(flagged)
        if "all" in filters:
            out["all"] = every
    return out


def export_frame(frame: pl.DataFrame, filter: ExportFilter = "valid") -> pl.DataFrame:
    """The export of one filter (see `export_frames`)."""
    return export_frames(frame, (filter,))[filter]


def export_csv(frame: pl.DataFrame, dest: str | Path | IO[bytes], filter: ExportFilter = "valid") -> int:
    """Write the export CSV (UTF-8, CRLF, quoted only where needed) to `dest`; returns the data row count."""
    out = export_frame(frame, filter)
    if isinstance(dest, (str, Path)):
        with Path(dest).open("wb") as fh:
            write_export(out, fh)
    else:
        write_export(out, dest)
    return out.height


def write_export(out: pl.DataFrame, fh: IO[bytes], *, header: bool = True) -> None:
    """Append the rows of an `export_frame` to an open binary file (with the header row when `header`)."""
    if out.width == 1 and out.height:
        # polars writes an empty single cell as an empty line, which readers skip; csv quotes it ("").
        text = io.StringIO(newline="")
        writer = csv.writer(text, lineterminator="\r\n")
        if header:
            writer.writerow(out.columns)
        writer.writerows([[v if v is not None else ""] for v in out.to_series()])
        fh.write(text.getvalue().encode("utf-8"))
    else:
        out.write_csv(fh, include_header=header, line_terminator="\r\n", quote_style="necessary", null_value="")
