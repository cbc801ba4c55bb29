"""The import engine: executes a mapping recipe with polars (transform, validate, flag, report, stage, commit)."""

from ferry.engine.executor import (
    ExecuteResult,
    Inputs,
    TemplateFrame,
    build_all,
    execute,
    preview,
    read_source,
)
from ferry.engine.flags import ERRORS, ROW, error_columns, errors_text_expr, flagged_expr
from ferry.engine.parts import output_parts, read_output

__all__ = [
    "ERRORS",
    "ROW",
    "ExecuteResult",
    "Inputs",
    "TemplateFrame",
    "build_all",
    "error_columns",
    "errors_text_expr",
    "execute",
    "flagged_expr",
    "output_parts",
    "preview",
    "read_output",
    "read_source",
]
