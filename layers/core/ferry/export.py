"""CSV export of a template's output rows: valid / invalid / all, RFC 4180, UTF-8, formula-safe."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import IO, Literal

import polars as pl

ExportFilter = Literal["valid", "invalid", "all"]

# A cell a spreadsheet would run as a formula; plain signed numbers ('-5', '+1.5e3') are left alone.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_RE = r"^[=+\-@\t\r]"
_SIGNED_NUMBER_RE = r"^[+-][0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$"


def neutralise(value: str | None) -> str | None:
    """`value` with a leading `'` when it starts like a formula (pure-Python twin of `neutralise_expr`)."""
    import re

    if value and value.startswith(FORMULA_START) and not re.match(_SIGNED_NUMBER_RE, value):
        return "'" + value
    return value


def neutralise_expr(e: pl.Expr) -> pl.Expr:
    """Polars version of `neutralise`."""
    risky = e.str.contains(_FORMULA_RE) & ~e.str.contains(_SIGNED_NUMBER_RE)
    return pl.when(risky).then("'" + e).otherwise(e)


def export_frame(frame: pl.DataFrame, filter: ExportFilter = "valid") -> pl.DataFrame:
    """The rows and columns to export from an engine output frame (`_row`, fields, `_errors`).

    `valid`: rows without errors, field columns only. `invalid`/`all`: field columns, then `_row` (source
    data row) and `_errors` (`column: rule; ...`). Every text cell is formula-neutralised.
    """
    from ferry.engine.executor import ERRORS, ROW, error_columns, errors_text_expr, flagged_expr

    fields = [c for c in frame.columns if c not in (ROW, ERRORS)]
    columns = error_columns(frame)
    flagged = flagged_expr(columns)
    if filter == "valid":
        rows = frame.filter(~flagged)
    elif filter == "invalid":
        rows = frame.filter(flagged)
    elif filter == "all":
        rows = frame
    else:
        raise ValueError(f"unknown export filter {filter!r}; use valid, invalid or all")
    cols = [neutralise_expr(pl.col(c).cast(pl.String)).alias(c) for c in fields]
    if filter != "valid":
        cols += [pl.col(ROW).cast(pl.String), errors_text_expr(columns).alias(ERRORS)]
    return rows.select(cols)


def export_csv(frame: pl.DataFrame, dest: str | Path | IO[bytes], filter: ExportFilter = "valid") -> int:
    """Write the export CSV (UTF-8, CRLF, quoted only where needed) to `dest`; returns the data row count."""
    out = export_frame(frame, filter)
    if out.width == 1 and out.height:
        # polars writes an empty single cell as an empty line, which readers skip; csv quotes it ("").
        _write_single_column(out, dest)
    else:
        out.write_csv(dest, line_terminator="\r\n", quote_style="necessary", null_value="")
    return out.height


def _write_single_column(out: pl.DataFrame, dest: str | Path | IO[bytes]) -> None:
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(out.columns)
    writer.writerows([[v if v is not None else ""] for v in out.to_series()])
    data = text.getvalue().encode("utf-8")
    if isinstance(dest, (str, Path)):
        Path(dest).write_bytes(data)
    else:
        dest.write(data)
