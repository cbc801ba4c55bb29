"""The two bookkeeping columns of an engine output frame and the expressions that read its flags.

An output frame holds `_row` (the 1-based source data row), one String column per template field, and
`_errors`: a struct with one String field per template field, the failed rule's name or null.
"""

from __future__ import annotations

import polars as pl

ROW = "_row"
ERRORS = "_errors"


def error_columns(frame: pl.DataFrame) -> list[str]:
    """The template fields recorded in an output frame's `_errors` struct."""
    dtype = frame.schema[ERRORS]
    assert isinstance(dtype, pl.Struct)
    return [f.name for f in dtype.fields]


def flagged_expr(columns: list[str]) -> pl.Expr:
    """True for rows with at least one invalid cell."""
    if not columns:
        return pl.lit(False)
    return pl.any_horizontal([pl.col(ERRORS).struct.field(c).is_not_null() for c in columns])


def errors_text_expr(columns: list[str]) -> pl.Expr:
    """A row's errors as text: `column: rule; column: rule` ('' when valid)."""
    parts = [pl.lit(c + ": ") + pl.col(ERRORS).struct.field(c) for c in columns]
    return pl.concat_str(parts, separator="; ", ignore_nulls=True) if parts else pl.lit("")
