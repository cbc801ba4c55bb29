"""`iter_rows`: the data rows of one sheet exactly as the importer must see them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ferry.core.domain import FileManifest, SheetManifest
from ferry.ingest.csvfile import iter_text_rows
from ferry.ingest.workbook import iter_workbook_rows


def find_sheet(manifest: FileManifest, sheet_id: str) -> SheetManifest:
    """The sheet with `sheet_id`; KeyError when the manifest has none (empty sheets are left out)."""
    for sheet in manifest.sheets:
        if sheet.sheet_id == sheet_id:
            return sheet
    raise KeyError(f"no sheet {sheet_id!r} in this file")


def iter_rows(path: str | Path, manifest: FileManifest, sheet_id: str) -> Iterator[list[str]]:
    """Data rows of one sheet: header and title rows skipped, fully blank rows skipped, every row
    exactly len(columns) cells of text ('' when empty). Streams CSV in constant memory."""
    sheet = find_sheet(manifest, sheet_id)
    if manifest.format == "csv":
        return iter_text_rows(Path(path), manifest, sheet)
    return iter_workbook_rows(Path(path), manifest, sheet)
