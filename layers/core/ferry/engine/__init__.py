"""The import engine: executes a mapping recipe with polars (transform, validate, flag, report, stage, commit)."""

from ferry.engine.executor import (
    ERRORS,
    ROW,
    ExecuteResult,
    Inputs,
    TemplateFrame,
    build_all,
    error_columns,
    errors_text_expr,
    execute,
    flagged_expr,
    output_parts,
    preview,
    read_output,
    read_source,
)

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
