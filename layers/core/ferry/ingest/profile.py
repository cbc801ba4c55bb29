"""Per-column statistics gathered in one pass over the data rows, in constant memory.

Rows are buffered in small batches and each column of a batch is handled by C-level operations
(tuple.count, map(str.isspace), dict.fromkeys), so the cost per cell stays close to csv.reader's.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ferry.core.domain import ColumnManifest
from ferry.ingest.header import column_names

MAX_SAMPLES = 10
MAX_SAMPLE_CHARS = 200
_BATCH_ROWS = 2048


@dataclass
class _Column:
    filled: int = 0
    samples: list[str] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)


class TableProfiler:
    """Feed it every record below the header; it keeps counts, samples and the table width.

    The width starts at the header's and grows when a row holds a non-blank cell further right,
    so no data is lost; blank cells beyond the width are dropped.
    """

    def __init__(self, header_width: int) -> None:
        self.width = header_width
        self.rows = 0
        self.blank_rows = 0
        self.record_widths: Counter[int] = Counter({header_width: 1})
        self._columns = [_Column() for _ in range(header_width)]
        self._batch: list[list[str]] = []

    def add(self, record: list[str]) -> None:
        """Count one record (fully blank ones only as blank)."""
        if not "".join(record).strip():
            self.blank_rows += 1
            return
        self.rows += 1
        size = len(record)
        self.record_widths[size] += 1
        if size != self.width:
            record = self._fit(record)
        self._batch.append(record)
        if len(self._batch) >= _BATCH_ROWS:
            self._flush()

    def add_batch(self, records: list[list[str]]) -> None:
        """`add` each record; a batch of the table's width with no blank record (the usual case) is taken
        whole, with the checks done by C-level calls instead of per record."""
        width = self.width
        if list(map(len, records)).count(width) != len(records) or not all(map(str.strip, map("".join, records))):
            for record in records:
                self.add(record)
            return
        self.rows += len(records)
        self.record_widths[width] += len(records)
        self._batch += records
        if len(self._batch) >= _BATCH_ROWS:
            self._flush()

    def finish(self, labels: list[str]) -> list[ColumnManifest]:
        """The columns: header labels padded to the width, trailing columns with neither a label nor
        a value dropped (spreadsheet tools pad rows with empty cells)."""
        self._flush()
        labels = [*labels, *[""] * (self.width - len(labels))]
        keep = max(
            (index + 1 for index, column in enumerate(self._columns) if column.filled or labels[index].strip()),
            default=0,
        )
        self.width = keep
        names = column_names(labels[:keep])
        return [
            ColumnManifest(name=name, header=label, samples=column.samples, filled=column.filled)
            for name, label, column in zip(names, labels, self._columns[:keep], strict=False)
        ]

    def ragged_rows(self) -> int:
        """Records (header included) whose cell count differs from the number of columns; call after finish."""
        return sum(count for size, count in self.record_widths.items() if size != self.width)

    def _fit(self, record: list[str]) -> list[str]:
        size = len(record)
        if size > self.width:
            last_filled = max(index for index, cell in enumerate(record) if cell.strip()) + 1
            if last_filled > self.width:
                self._grow(last_filled)
        if size < self.width:
            return record + [""] * (self.width - size)
        return record[: self.width]

    def _grow(self, width: int) -> None:
        self._flush()
        self._columns.extend(_Column() for _ in range(width - self.width))
        self.width = width

    def _flush(self) -> None:
        if not self._batch:
            return
        for column, cells in zip(self._columns, zip(*self._batch, strict=True), strict=True):
            filled = len(cells) - cells.count("")
            if filled:
                filled -= sum(map(str.isspace, cells))
            column.filled += filled
            if filled and len(column.samples) < MAX_SAMPLES:
                _take_samples(column, cells)
        self._batch.clear()


def _take_samples(column: _Column, cells: tuple[str, ...]) -> None:
    for value in dict.fromkeys(cells):
        text = value.strip()
        if text and text not in column.seen:
            column.seen.add(text)
            column.samples.append(text[:MAX_SAMPLE_CHARS])
            if len(column.samples) == MAX_SAMPLES:
                column.seen = set()
                return
