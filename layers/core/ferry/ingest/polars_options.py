"""When and how polars can read a CSV exactly as `iter_rows` does (the import engine's fast path)."""

from __future__ import annotations

from typing import Any

from ferry.core.domain import FileManifest
from ferry.ingest.rows import find_sheet

_POLARS_ENCODINGS = ("utf-8", "utf-8-sig")


def polars_csv_options(manifest: FileManifest, sheet_id: str) -> dict[str, Any] | None:
    """Keyword arguments for polars.read_csv / scan_csv that yield the same rows as `iter_rows`
    (all columns as strings, '' for empty cells), or None when only `iter_rows` reads the file
    faithfully: workbooks, non-UTF-8 text, UTF-8 mixed with a code page, CR line breaks, quotes csv
    forgives and polars does not, blank or ragged rows, stacked headers, no data rows."""
    if (
        manifest.format != "csv"
        or manifest.encoding not in _POLARS_ENCODINGS
        or manifest.fallback_encoding  # lines in another encoding: polars would refuse or garble them
        or manifest.delimiter is None
    ):
        return None
    sheet = find_sheet(manifest, sheet_id)
    if (
        "\r" in manifest.line_terminators
        or manifest.irregular_quoting
        or sheet.blank_rows
        or sheet.ragged_rows
        or sheet.header_rows != 1
        # polars answers a file with no data rows with a frame without columns.
        or sheet.row_count == 0
    ):
        return None
    return {
        "separator": manifest.delimiter,
        "quote_char": manifest.quotechar,
        "has_header": False,
        # polars counts records here, not lines, so title rows with quoted line breaks are skipped right.
        "skip_rows": sheet.header_row + sheet.header_rows,
        "new_columns": sheet.column_names,
        "infer_schema": False,
        "encoding": "utf8",
        "empty_string_is_null": False,
        "raise_if_empty": False,
        "eol_char": "\n",
    }
