"""Delimiter sniffing and the one csv-module configuration every CSV reader here uses."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable
from itertools import islice
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _csv import Reader

DELIMITERS = (",", ";", "\t", "|")
QUOTECHAR = '"'
# How surprising each delimiter is inside a value: commas are everywhere in text, tabs almost never.
_IN_VALUE_SURPRISE = {",": 1, ";": 2, "|": 3, "\t": 4}
_SNIFF_RECORDS = 200
# csv's default 128 KB cell cap rejects real long-text cells; a runaway quote still stops here.
FIELD_SIZE_LIMIT = 16 * 1024 * 1024


def csv_records(lines: Iterable[str], delimiter: str) -> Reader:
    """csv.reader over lines read with newline='' (quoted line breaks kept as they are)."""
    if csv.field_size_limit() < FIELD_SIZE_LIMIT:
        csv.field_size_limit(FIELD_SIZE_LIMIT)
    return csv.reader(lines, delimiter=delimiter, quotechar=QUOTECHAR, doublequote=True, strict=False)


def sample_records(text: str, delimiter: str, *, complete: bool, limit: int = _SNIFF_RECORDS) -> list[list[str]]:
    """The first records of a decoded sample; the last one is dropped when the sample was cut short."""
    records = list(islice(csv_records(io.StringIO(text, newline=""), delimiter), limit + 1))
    if not complete and 1 < len(records) <= limit:
        records.pop()
    return records[:limit]


def sniff_delimiter(text: str, *, complete: bool) -> str:
    """The delimiter that splits the sample into the most consistent table.

    Ties (a one-row sample splits evenly on ';' and on ',') go to the reading whose values hold the
    less surprising characters, then to the one with more columns, then to the order of DELIMITERS.
    """
    best, best_key = DELIMITERS[0], None
    for order, delimiter in enumerate(DELIMITERS):
        if delimiter not in text:
            continue
        key = _delimiter_key(sample_records(text, delimiter, complete=complete), delimiter, order)
        if key is not None and (best_key is None or key > best_key):
            best, best_key = delimiter, key
    return best


def _delimiter_key(records: list[list[str]], delimiter: str, order: int) -> tuple[float, float, int, int] | None:
    rows = [record for record in records if any(cell.strip() for cell in record)]
    if not rows:
        return None
    widths = Counter(len(row) for row in rows)
    count, width = max((count, width) for width, count in widths.items())
    if width < 2:
        return None
    others = [other for other in DELIMITERS if other != delimiter]
    surprise = sum(_IN_VALUE_SURPRISE[other] for row in rows for other in others if any(other in cell for cell in row))
    # Consistency compared exactly: one header that splits differently must count (a ';' in every value
    # of a comma file ties on the data rows but not on the header).
    return count / len(rows), -surprise / len(rows), width, -order
