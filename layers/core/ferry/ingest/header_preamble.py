"""Rows an import template writes between its title and its header: a row of group titles over runs of columns
('基本资料' over eleven columns, '单位资料' over the next twenty, as MaxKey's templates) and a row of running column
numbers (1, 2, 3 ... or A, B, C ...). Neither is the header: the row of distinct names under them is."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

MAX_PREAMBLE_ROWS = 3
_MIN_COLUMNS = 3
_ROWS_CHECKED_BELOW = 50


def header_below_preamble(records: Sequence[Sequence[str]], header: int) -> int:
    """`header` moved down past group-title and column-number rows that stand right above a row of names."""
    for skipped in range(1, MAX_PREAMBLE_ROWS + 1):
        names = header + skipped
        if names >= len(records):
            break
        rest = records[names + 1 : names + 1 + _ROWS_CHECKED_BELOW]
        if _names_row(records[names], rest) and all(
            _group_row(record, records[names]) or _numbering_row(record, records[names])
            for record in records[header:names]
        ):
            return names
    return header


def _cells(record: Sequence[str]) -> list[str]:
    cells = [cell.strip() for cell in record]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _names_row(record: Sequence[str], rest: Sequence[Sequence[str]]) -> bool:
    """A row of column names: three or more, side by side without gaps, each distinct and in words (no number,
    no e-mail address), and none repeated as a value in its own column below (answers under question numbers
    repeat; a header's names do not)."""
    start, names = _leading_cells(record)
    return (
        _distinct_names(names, start, rest)
        and not _running(names)
        and all(any(ch.isalpha() for ch in name) and "@" not in name for name in names)
    )


def _leading_cells(record: Sequence[str]) -> tuple[int, list[str]]:
    """Where the row's first filled cell is, and the cells from there to its last filled one."""
    cells = _cells(record)
    start = next((index for index, cell in enumerate(cells) if cell), len(cells))
    return start, cells[start:]


def _distinct_names(names: list[str], start: int, rest: Sequence[Sequence[str]]) -> bool:
    """Three or more cells without gaps, each distinct, none repeated as a value in its own column below."""
    return (
        len(names) >= _MIN_COLUMNS
        and all(names)
        and len(set(names)) == len(names)
        and not any(
            start + offset < len(row) and row[start + offset].strip() == name
            for row in rest
            for offset, name in enumerate(names)
        )
    )


def _group_row(record: Sequence[str], below: Sequence[str]) -> bool:
    """Two or more worded group titles, the first over the table's first column, each spanning two or more
    columns (blank cells after it, as a merged cell reads), at most one title per three names below."""
    cells = _cells(record)
    width = len(_cells(below))
    filled = [index for index, cell in enumerate(cells) if cell]
    first_name = next((index for index, cell in enumerate(below) if cell.strip()), -1)
    spans = [end - start for start, end in zip(filled, [*filled[1:], width], strict=True)]
    return (
        len(filled) >= 2
        and filled[0] == first_name
        and len(cells) <= width
        and all(span >= 2 for span in spans)
        and all(any(ch.isalpha() for ch in cells[index]) for index in filled)
        and 3 * len(filled) <= width - first_name
    )


def _numbering_row(record: Sequence[str], below: Sequence[str]) -> bool:
    """Running column numbers or letters over as many names."""
    start, cells = _leading_cells(record)
    return _running(cells) and len(_cells(below)[start:]) >= len(cells)


def _running(cells: Sequence[str]) -> bool:
    """Column numbers from 0 or 1 (one may repeat, none is skipped) or column letters from A: a row of years
    (2021, 2022 ...) or of codes does not start at 0 or 1."""
    if len(cells) < _MIN_COLUMNS or not all(cells):
        return False
    if all(cell.isdigit() for cell in cells):
        values = [int(cell) for cell in cells]
        steps = [after - before for before, after in pairwise(values)]
        return values[0] in (0, 1) and all(step in (0, 1) for step in steps) and steps.count(0) <= len(steps) // 10
    letters = "".join(cells)
    return len(letters) == len(cells) and letters == "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[: len(letters)]


def header_over_sparse_rows(records: Sequence[Sequence[str]], header: int) -> int:
    """`header` moved from a title cell to the row of names under it when the rows below those names fill less than
    half of them or are absent (openBIS' batch-registration templates: three one-cell title rows over 21 names, the
    examples filling two cells each): such rows leave the title cells as the typical width, so the width vote picks
    the title. Example rows as wide as the names (unmerged titles over a full example) keep the earlier reading."""
    if len(_cells(records[header])) != 1 or _filled(records[header]) != 1:
        return header
    for names in range(header + 1, min(header + MAX_PREAMBLE_ROWS + 1, len(records))):
        if _filled(records[names - 1]) != 1:
            break
        if _filled(records[names]) < _MIN_COLUMNS:
            continue
        rest = [row for row in records[names + 1 : names + 1 + _ROWS_CHECKED_BELOW] if _filled(row)]
        width = len(_cells(records[names]))
        if (
            _sparse_names_row(records[names], rest)
            and all(2 * _filled(row) < _filled(records[names]) for row in rest)
            and all(len(_cells(row)) <= width for row in rest)
        ):
            return names
        break
    return header


def _filled(record: Sequence[str]) -> int:
    return sum(1 for cell in record if cell.strip())


def _sparse_names_row(record: Sequence[str], rest: Sequence[Sequence[str]]) -> bool:
    """A row of names as `_names_row` reads one, but a marker cell without letters among them is allowed (openBIS'
    '$' column): three in four names in words, none of them a number."""
    start, names = _leading_cells(record)
    worded = [name for name in names if any(ch.isalpha() for ch in name)]
    return (
        _distinct_names(names, start, rest)
        and 4 * len(worded) >= 3 * len(names)
        and not any(_number(name) or "@" in name for name in names)
    )


def _number(cell: str) -> bool:
    try:
        float(cell.replace(",", ""))
    except ValueError:
        return False
    return True
