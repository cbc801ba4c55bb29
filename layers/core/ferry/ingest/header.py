"""Which record is the header, how stacked (merged) header rows join, the column names, and the data rows below."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from statistics import median_low

from ferry.core.domain import SheetManifest
from ferry.ingest.header_preamble import header_below_preamble, header_over_sparse_rows

# ((first_row, first_col), (last_row, last_col)), 0-based and inclusive, as calamine reports them.
MergedRange = tuple[tuple[int, int], tuple[int, int]]

HEADER_SEARCH_RECORDS = 50
MAX_HEADER_ROWS = 10
_TITLE_CHECKED_FROM_WIDTH = 3
# Byte-order marks and zero-width spaces that tools leave in header cells.
_INVISIBLE = str.maketrans("", "", "\ufeff\u200b")


def filled_count(record: Sequence[str]) -> int:
    return sum(1 for cell in record if cell.strip())


def find_header_row(records: Sequence[Sequence[str]]) -> int | None:
    """Index of the header among `records` (leading blank ones skipped), or None when all are blank.

    Title rows ('Sales report', 'Exported 2024-05-01') hold one or two cells above a table of three
    or more columns: the header is the first record filled at least half as wide as a typical one.
    Comment lines ('# Fields are:', GnuCash's import samples) are neither the header nor typical, and a
    row that only repeats one label over the columns ('Contact' over every column of SORMAS' imports,
    a merged group cell written out) stands above the header, not in its place.
    """
    counts = [filled_count(record) for record in records]
    if max(counts, default=0) >= _TITLE_CHECKED_FROM_WIDTH:  # a one-column file's header may start with '#'
        counts = [0 if _comment(record) else count for record, count in zip(records, counts, strict=True)]
    first = next((index for index, count in enumerate(counts) if count), None)
    if first is None:
        return None
    window = counts[first : first + HEADER_SEARCH_RECORDS]
    typical = median_low([count for count in window if count])
    # Two-column tables often have one blank header cell: only wider tables lose rows as titles.
    needed = max(2, math.ceil(typical / 2)) if typical >= _TITLE_CHECKED_FROM_WIDTH else 1
    header = first + next((offset for offset, count in enumerate(window) if count >= needed), 0)
    header = header_over_sparse_rows(records, header)
    if header + 1 < len(records) and (
        _group_label(records[header], records[header + 1])
        or _format_line(records[header], records[header + 1], records[header + 2 : header + HEADER_SEARCH_RECORDS])
    ):
        return header + 1
    return header_below_preamble(records, header)


def _comment(record: Sequence[str]) -> bool:
    """A comment line: its only filled cell is the first and starts with '#'."""
    return filled_count(record) == 1 and record[0].lstrip().startswith("#")


def _format_line(record: Sequence[str], below: Sequence[str], rest: Sequence[Sequence[str]]) -> bool:
    """`record` is a format line an accounting export writes above its header (DATEV's '"EXTF";700;16;...': codes,
    version numbers, a few words): it holds a bare number, the record below names more columns than the line has
    cells at all, each once and in words, and the rows below are as wide as that header, not as the line."""
    names = [cell.strip() for cell in below if cell.strip()]
    widths = sorted(len(row) for row in rest if filled_count(row))
    return (
        any(cell.strip().isdigit() for cell in record)
        and len(names) > len(record) >= _TITLE_CHECKED_FROM_WIDTH
        and len(names) == len(below)
        and len(set(names)) == len(names)
        and all(any(ch.isalpha() for ch in name) for name in names)
        and (not widths or median_low(widths) == len(below))
    )


def _group_label(record: Sequence[str], below: Sequence[str]) -> bool:
    """`record` repeats one word label over three or more columns, and the record below gives each column a name
    of its own, in words (a row of one repeated number above numbers is data, not a label)."""
    labels = {cell.strip() for cell in record if cell.strip()}
    names = [cell.strip() for cell in below if cell.strip()]
    worded = sum(any(ch.isalpha() for ch in name) for name in names)
    return (
        len(labels) == 1
        and any(ch.isalpha() for ch in next(iter(labels)))
        and filled_count(record) >= _TITLE_CHECKED_FROM_WIDTH
        and len(names) >= filled_count(record)
        and len(set(names)) == len(names)
        and 2 * worded >= len(names)
    )


def merged_title_rows(records: Sequence[Sequence[str]], first_col: int, merges: Sequence[MergedRange]) -> set[int]:
    """Rows whose only filled cell is merged across three or more columns: a title or an instruction cell written
    over the table (APITable's import template), never its header. Left out of the header vote, unless nothing
    else is filled, since on a sheet of one example row they are as many as the table's rows."""
    wide_starts = {(top, left) for (top, left), (bottom, right) in merges if top == bottom and right - left + 1 >= 3}
    titles = {
        index
        for index, record in enumerate(records)
        if filled_count(record) == 1
        and (index, first_col + next(col for col, cell in enumerate(record) if cell.strip())) in wide_starts
    }
    others = any(filled_count(record) for index, record in enumerate(records) if index not in titles)
    return titles if others else set()


def header_block_end(header_row: int, merges: Sequence[MergedRange]) -> int:
    """Last row of the header: merged cells that start in the header and reach down pull it along
    (a 'Region' cell merged over five rows means five header rows)."""
    end = header_row
    grown = True
    while grown:
        grown = False
        for (first_row, _), (last_row, _) in merges:
            if header_row <= first_row <= end < last_row:
                end, grown = last_row, True
    return end if end - header_row < MAX_HEADER_ROWS else header_row


def stacked_labels(
    rows: Sequence[Sequence[str]], first_row: int, first_col: int, merges: Sequence[MergedRange]
) -> list[str]:
    """One label per column for a header spanning `rows` (sheet rows from `first_row`, cells from
    column `first_col`): merged cells filled, then the distinct pieces top to bottom joined by spaces,
    as frictionless does ('Caloric contribution' over '(%)' -> 'Caloric contribution (%)')."""
    width = max(len(row) for row in rows)
    grid = [[*row, *[""] * (width - len(row))] for row in rows]
    last_row = first_row + len(rows) - 1
    for (top, left), (bottom, right) in merges:
        if not first_row <= top <= last_row:
            continue
        value = grid[top - first_row][left - first_col] if 0 <= left - first_col < width else ""
        for row_index in range(top, min(bottom, last_row) + 1):
            for col in range(max(left - first_col, 0), min(right - first_col + 1, width)):
                if not grid[row_index - first_row][col].strip():
                    grid[row_index - first_row][col] = value
    labels = []
    for col in range(width):
        pieces: list[str] = []
        for cells in grid:
            piece = cells[col].strip()
            if piece and (not pieces or pieces[-1] != piece):
                pieces.append(piece)
        labels.append(" ".join(pieces))
    return labels


def column_names(labels: Sequence[str]) -> list[str]:
    """Names used downstream: trimmed, whitespace collapsed, blanks -> 'column_3' (1-based position),
    repeats -> 'name_2', 'name_3'; never two alike, never clashing with a real header."""
    cleaned = [" ".join(label.translate(_INVISIBLE).split()) for label in labels]
    reserved = set(cleaned) - {""}
    used: set[str] = set()
    names = []
    for position, label in enumerate(cleaned, start=1):
        name = label or f"column_{position}"
        if name in used or (not label and name in reserved):
            name = _next_free(name, used, reserved)
        used.add(name)
        names.append(name)
    return names


def _next_free(stem: str, used: set[str], reserved: set[str]) -> str:
    suffix = 2
    while f"{stem}_{suffix}" in used or f"{stem}_{suffix}" in reserved:
        suffix += 1
    return f"{stem}_{suffix}"


def data_rows(records: Iterable[list[str]], sheet: SheetManifest) -> Iterator[list[str]]:
    """A sheet's data rows from all its records: past the header block, blank rows skipped, each row padded
    or cut to the sheet's column count (the lists are changed in place)."""
    width = len(sheet.columns)
    for record in islice(records, sheet.header_row + sheet.header_rows, None):
        if not "".join(record).strip():
            continue
        size = len(record)
        if size < width:
            record.extend([""] * (width - size))
        elif size > width:
            del record[width:]
        yield record
