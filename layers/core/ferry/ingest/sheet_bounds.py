"""How far an XLSX sheet's used cells reach, read by streaming its XML before calamine opens it.

calamine materialises a sheet as one dense block from its first to its last used cell, so one value at
XFD1048576 in a 5 KB file asks for 17 billion cells and aborts the process. `check_sheet_bounds` reads
each worksheet's XML with a streaming parser (constant memory), takes the bounding box of the cells that
may hold something (a styled empty cell `<c .../>` is skipped, as calamine skips it)
and refuses the workbook when a box holds more cells than Ferry reads.
"""

from __future__ import annotations

import html
import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from ferry.core.errors import FileRejected

_RELS = "xl/_rels/workbook.xml.rels"
_WORKBOOK = "xl/workbook.xml"
_WORKSHEET_TYPE = "/worksheet"
_CHUNK = 1024 * 1024
_MAX_PART_BYTES = 16 * 1024 * 1024
_ATTRIBUTE = re.compile(rb"""([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_RELATIONSHIP = re.compile(rb"<(?:[\w.-]+:)?Relationship\s([^>]*)>")
_SHEET = re.compile(rb"<(?:[\w.-]+:)?sheet\s([^>]*)>")
_PLAIN_CELL = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"([^>]*)>')
_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s/>])([^>]*)>")
_ROW_REF = re.compile(rb"\sr\s*=\s*[\"']([0-9]{1,7})[\"']")
_CELL_ATTR = re.compile(rb"\sr\s*=\s*[\"']\$?([A-Za-z]{1,3})\$?([0-9]{1,7})[\"']")


@dataclass
class SheetBox:
    """The bounding box of a sheet's used cells, 0-based and inclusive."""

    name: str
    first_row: int = -1
    last_row: int = -1
    first_col: int = -1
    last_col: int = -1

    def add(self, row: int, col: int) -> None:
        if self.first_row < 0:
            self.first_row, self.last_row, self.first_col, self.last_col = row, row, col, col
            return
        self.first_row = min(self.first_row, row)
        self.last_row = max(self.last_row, row)
        self.first_col = min(self.first_col, col)
        self.last_col = max(self.last_col, col)

    @property
    def rows(self) -> int:
        return self.last_row - self.first_row + 1 if self.first_row >= 0 else 0

    @property
    def columns(self) -> int:
        return self.last_col - self.first_col + 1 if self.first_col >= 0 else 0

    @property
    def cells(self) -> int:
        return self.rows * self.columns


def check_sheet_bounds(source: str | IO[bytes], max_cells: int) -> None:
    """Refuse an XLSX (a path or a binary file) one of whose sheets spans more than `max_cells` cells."""
    try:
        with zipfile.ZipFile(source) as archive:
            for name, member in _worksheets(archive):
                box = SheetBox(name)
                with archive.open(member) as xml:
                    for first_row, last_row, first_col, last_col in _used_boxes(xml):
                        box.add(first_row, first_col)
                        box.add(last_row, last_col)
                        # Stop as soon as the box is too big: the rest of the sheet changes nothing.
                        if box.cells > max_cells:
                            raise _too_large(box, max_cells)
    except (zipfile.BadZipFile, OSError, EOFError, KeyError) as exc:
        raise FileRejected("This workbook is damaged or in a form we can't read.") from exc


def _too_large(box: SheetBox, max_cells: int) -> FileRejected:
    corner = f"{column_letters(box.last_col)}{box.last_row + 1}"
    return FileRejected(
        f"The sheet '{box.name}' declares cells out to {corner} ({box.rows:,} rows × {box.columns:,} columns); "  # noqa: RUF001
        f"Ferry reads sheets up to {max_cells:,} cells (rows × columns, for example "  # noqa: RUF001
        f"{max_cells // 20:,} rows × 20 columns). Delete the stray cells far from the table, or save the "  # noqa: RUF001
        "sheet as CSV."
    )


def column_letters(col: int) -> str:
    """0 -> 'A', 16383 -> 'XFD'."""
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _column_index(letters: bytes) -> int:
    index = 0
    for char in letters.upper():
        index = index * 26 + char - ord("A") + 1
    return index - 1


def _attributes(tag: bytes) -> dict[str, str]:
    """An XML start tag's attributes, namespace prefixes dropped, entities decoded."""
    return {
        name.decode().rsplit(":", 1)[-1]: html.unescape((double or single).decode("utf-8", "replace"))
        for name, double, single in _ATTRIBUTE.findall(tag)
    }


def _worksheets(archive: zipfile.ZipFile) -> Iterator[tuple[str, str]]:
    """(sheet name, archive member) of every worksheet the workbook lists, then of every other
    `xl/worksheets/*.xml` (named by its file): whatever calamine might open is checked. The small parts
    that list them are read with regular expressions, not an XML parser (no entity expansion)."""
    names = set(archive.namelist())
    targets: dict[str, str] = {}
    if _RELS in names:
        for tag in _RELATIONSHIP.findall(_read_part(archive, _RELS)):
            attributes = _attributes(tag)
            if attributes.get("Type", "").endswith(_WORKSHEET_TYPE):
                target = attributes.get("Target", "")
                member = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
                targets[attributes.get("Id", "")] = member
    seen: set[str] = set()
    if targets and _WORKBOOK in names:
        for tag in _SHEET.findall(_read_part(archive, _WORKBOOK)):
            attributes = _attributes(tag)
            member = targets.get(attributes.get("id", ""), "")
            if member in names and member not in seen:
                seen.add(member)
                yield attributes.get("name", ""), member
    for member in sorted(names - seen):
        if member.startswith("xl/worksheets/") and member.endswith(".xml") and member.count("/") == 2:
            yield posixpath.basename(member)[: -len(".xml")], member


def _read_part(archive: zipfile.ZipFile, member: str) -> bytes:
    with archive.open(member) as part:
        return part.read(_MAX_PART_BYTES)


def _used_boxes(xml: IO[bytes]) -> Iterator[tuple[int, int, int, int]]:
    """Per streamed chunk of the sheet XML, the box (first row, last row, first column, last column) of
    the cells in it that may hold a value: every `<c>` that is not self-closing (a styled empty cell is
    `<c r=".." s=".."/>`). Regular expressions over the chunk, not an XML parser: many times faster, and
    markup inside text is escaped, so a tag is a tag. Cells written as the common tools write them
    (`<c r="B7" ...>`) take one pass; a chunk with a namespace prefix, or with a cell whose `r` is not
    its first attribute or is missing (the cell then follows the previous one), is walked tag by tag."""
    row = col = -1
    tail = b""
    for chunk in iter(lambda: xml.read(_CHUNK), b""):
        data = tail + chunk
        end = data.rfind(b">") + 1
        tail = data[end:]
        data = data[:end]
        cells = _PLAIN_CELL.findall(data)
        plain = (
            b":c " not in data
            and b":c>" not in data
            and data.count(b"<c ") + data.count(b"<c>") + data.count(b"<c/>") == len(cells)
        )
        if plain:
            if cells:
                used = [(letters, digits) for letters, digits, attrs in cells if not attrs.endswith(b"/")]
                if used:
                    rows = [int(digits) for _, digits in used]
                    cols = [_column_index(letters) for letters in {letters for letters, _ in used}]
                    yield min(rows) - 1, max(rows) - 1, min(cols), max(cols)
                row, col = int(cells[-1][1]) - 1, _column_index(cells[-1][0])
            continue
        for match in _TAG.finditer(data):
            attrs = match.group(2)
            if match.group(1) == b"row":
                ref = _ROW_REF.search(attrs)
                row = int(ref.group(1)) - 1 if ref else row + 1
                col = -1
                continue
            ref = _CELL_ATTR.search(attrs)
            if ref:
                col = _column_index(ref.group(1))
                row = int(ref.group(2)) - 1
            else:
                col += 1
            if not attrs.endswith(b"/"):
                yield row, row, col, col
