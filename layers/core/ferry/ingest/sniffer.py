"""`sniff`: from an uploaded file to a FileManifest, or a plain-language rejection."""

from __future__ import annotations

from pathlib import Path

from ferry.core.config import get_settings
from ferry.core.domain import FileManifest
from ferry.core.errors import FileRejected
from ferry.ingest.csvfile import SCAN_BYTES, sniff_text
from ferry.ingest.formats import detect_kind
from ferry.ingest.sizes import megabytes
from ferry.ingest.workbook import sniff_workbook


def sniff(
    path: str | Path,
    filename: str,
    *,
    max_bytes: int | None = None,
    max_xlsx_uncompressed_bytes: int | None = None,
    max_sheet_cells: int | None = None,
) -> FileManifest:
    """Work out what an uploaded file holds and how to read it again.

    Delimited text (`,` `;` tab `|`; UTF-8/16/32 with or without BOM, legacy code pages) or a
    workbook (XLSX, XLS, ODS), recognised by content, never by `filename` (which only names a CSV's
    one sheet, 'sheet_1'). Decisions:

    - Title rows above the header are skipped (`header_row`); in workbooks, header cells merged
      downwards make a stacked header whose rows are joined per column (`header_rows`).
    - Blank headers become 'column_N', repeated ones 'name_2'; non-blank cells right of the header
      get 'column_N' columns too, so no value is lost; blank ones are dropped.
    - A header with no rows below is a ready sheet with row_count 0. Workbook sheets without any
      cell are left out of `sheets`; the others keep 'sheet_N' from their workbook position.

    Raises FileRejected with a reason a non-engineer understands: too large, empty, not a
    spreadsheet (naming what it looks like), undecodable text, zip bomb, a sheet whose used cells span
    more than `max_sheet_cells` (checked by streaming the sheet XML before calamine opens it),
    password-protected.
    """
    path = Path(path)
    settings = get_settings()
    limit = settings.max_upload_bytes if max_bytes is None else max_bytes
    unpacked_limit = (
        settings.max_xlsx_uncompressed_bytes if max_xlsx_uncompressed_bytes is None else max_xlsx_uncompressed_bytes
    )
    size = path.stat().st_size
    if size > limit:
        raise FileRejected(f"The file is larger than the {megabytes(limit)} limit. Split it into smaller files.")
    if size == 0:
        raise FileRejected("The file is empty.")
    with path.open("rb") as handle:
        scan = handle.read(SCAN_BYTES)
    kind = detect_kind(path, scan)
    if kind == "text":
        return sniff_text(path, filename, size, scan)
    cells_limit = settings.max_sheet_cells if max_sheet_cells is None else max_sheet_cells
    return sniff_workbook(path, kind, size, unpacked_limit, cells_limit)
