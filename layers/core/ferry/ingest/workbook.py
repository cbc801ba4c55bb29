"""Workbooks (XLSX, XLS, ODS) read through python-calamine, behind a zip-bomb guard.

A sheet's rows come from calamine with absolute row indexes (leading empty rows kept) and columns
from the sheet's first used column; every cell becomes text through `cell_text`.
"""

from __future__ import annotations

import mmap
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from python_calamine import CalamineError, CalamineSheet, CalamineWorkbook, PasswordError, SheetTypeEnum

from ferry.core.domain import FileManifest, SheetManifest
from ferry.core.errors import FileRejected
from ferry.ingest.cells import cell_text
from ferry.ingest.formats import WorkbookKind, not_a_spreadsheet
from ferry.ingest.header import (
    HEADER_SEARCH_RECORDS,
    MAX_HEADER_ROWS,
    MergedRange,
    data_rows,
    filled_count,
    find_header_row,
    header_block_end,
    merged_title_rows,
    stacked_labels,
)
from ferry.ingest.profile import TableProfiler
from ferry.ingest.sheet_bounds import check_sheet_bounds
from ferry.ingest.sizes import megabytes

# Sheet XML compresses 5-20x; deflate tops out near 1000x, which only padding reaches.
_MAX_RATIO = 200
_RATIO_CHECKED_FROM = 16 * 1024 * 1024
_OLE_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_OLE_WORD = "WordDocument".encode("utf-16-le")
_OLE_POWERPOINT = "PowerPoint Document".encode("utf-16-le")


def guard_zip(path: Path, max_uncompressed: int) -> None:
    """Refuse a zip-based workbook that would expand past `max_uncompressed` bytes, reading only the
    archive's directory (nothing is extracted)."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise FileRejected("This workbook is damaged and can't be opened.") from exc
    if sum(entry.file_size for entry in entries) > max_uncompressed:
        raise FileRejected(
            f"The workbook expands to more than {megabytes(max_uncompressed)} when opened, more than we "
            "accept. Split it into smaller workbooks, or save each sheet as CSV."
        )
    for entry in entries:
        if entry.file_size > _RATIO_CHECKED_FROM and entry.file_size > _MAX_RATIO * max(entry.compress_size, 1):
            raise FileRejected(
                "The workbook is compressed far more tightly than real spreadsheets are (it looks like a "
                "'zip bomb'), so we won't open it."
            )


def sniff_workbook(path: Path, kind: WorkbookKind, size: int, max_uncompressed: int, max_cells: int) -> FileManifest:
    """Manifest of a workbook: one SheetManifest per worksheet holding data (empty sheets left out,
    the others keep 'sheet_N' from their position in the workbook)."""
    if kind in ("xlsx", "ods"):
        guard_zip(path, max_uncompressed)
    if kind == "xlsx":
        check_sheet_bounds(str(path), max_cells)
    workbook = open_workbook(path, kind)
    try:
        sheets = [
            manifest
            for position, meta in enumerate(workbook.sheets_metadata, start=1)
            if meta.typ == SheetTypeEnum.WorkSheet
            and (manifest := _sheet_manifest(workbook.get_sheet_by_name(meta.name), position)) is not None
        ]
    finally:
        workbook.close()
    if not sheets:
        raise FileRejected("The file is empty: none of the workbook's sheets holds any data.")
    return FileManifest(format=kind, size_bytes=size, quotechar=None, sheets=sheets)


def iter_workbook_rows(path: Path, manifest: FileManifest, sheet: SheetManifest) -> Iterator[list[str]]:
    """Data rows of one sheet, as `ferry.ingest.iter_rows` promises."""
    workbook = open_workbook(path, "xls" if manifest.format == "xls" else "xlsx")
    try:
        yield from data_rows(_text_rows(workbook.get_sheet_by_name(sheet.name)), sheet)
    finally:
        workbook.close()


def open_workbook(path: Path, kind: WorkbookKind) -> CalamineWorkbook:
    """Open with calamine by content (an upload's name or extension may lie)."""
    try:
        with path.open("rb") as handle:
            return CalamineWorkbook.from_filelike(handle)
    except PasswordError as exc:
        raise _password_protected() from exc
    except CalamineError as exc:
        if kind == "xls":
            raise _unreadable_office_file(path) from exc
        raise FileRejected("This workbook is damaged or in a form we can't read.") from exc


def _sheet_manifest(sheet: CalamineSheet, position: int) -> SheetManifest | None:
    rows = _text_rows(sheet)
    head = _head_rows(rows)
    merges: list[MergedRange] = sheet.merged_cell_ranges or []
    first_col = sheet.start[1] if sheet.start else 0
    titles = merged_title_rows(head, first_col, merges)
    header_row = find_header_row([[] if index in titles else cells for index, cells in enumerate(head)])
    if header_row is None:
        return None
    header_end = header_block_end(header_row, merges)
    if header_end > header_row:
        labels = stacked_labels(head[header_row : header_end + 1], header_row, first_col, merges)
    else:
        labels = head[header_row]
    profiler = TableProfiler(len(labels))
    for cells in head[header_end + 1 :]:
        profiler.add(cells)
    for cells in rows:
        profiler.add(cells)
    columns = profiler.finish(labels)
    return SheetManifest(
        sheet_id=f"sheet_{position}",
        name=sheet.name,
        columns=columns,
        row_count=profiler.rows,
        header_row=header_row,
        header_rows=header_end - header_row + 1,
        blank_rows=profiler.blank_rows,
        ragged_rows=profiler.ragged_rows(),
    )


def _text_rows(sheet: CalamineSheet) -> Iterator[list[str]]:
    row: list[Any]
    for row in sheet.iter_rows():
        yield [cell_text(value) for value in row]


def _head_rows(rows: Iterator[list[str]]) -> list[list[str]]:
    """Rows up to enough past the first non-blank one for the header vote and a stacked header."""
    head: list[list[str]] = []
    first: int | None = None
    for cells in rows:
        head.append(cells)
        if first is None and filled_count(cells):
            first = len(head) - 1
        if first is not None and len(head) >= first + HEADER_SEARCH_RECORDS + MAX_HEADER_ROWS:
            break
    return head


def _password_protected() -> FileRejected:
    return FileRejected("The workbook is password-protected. Remove the password and upload it again.")


def _unreadable_office_file(path: Path) -> FileRejected:
    """An OLE2 file calamine can't read: name what it is from its stream names."""
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        if data.find(_OLE_ENCRYPTED) >= 0:
            return _password_protected()
        if data.find(_OLE_WORD) >= 0:
            return not_a_spreadsheet("a Word document")
        if data.find(_OLE_POWERPOINT) >= 0:
            return not_a_spreadsheet("a PowerPoint presentation")
    return FileRejected("This Excel 97-2003 workbook (.xls) is damaged or in a form we can't read.")
