"""Splitting a large source into chunks for the scale-out execute (Step Functions Distributed Map).

A CSV is cut by byte ranges at record boundaries: a line break counts only where the quotes seen since the
start of the file are even, so a line break inside a quoted cell never ends a chunk (RFC 4180 escapes a quote
by doubling it, which keeps the count even). The bytes before the first data record — BOM, title rows,
header — are the `header` every chunk is read with, so each chunk file (header + its bytes) reads exactly like
its slice of the whole file, through the same reader and options.

Files whose bytes cannot be cut that way — workbooks (XLSX/XLS), UTF-16/32 text, old-Mac CR line breaks,
quotes the readers forgive irregularly — are chunked by row ranges instead: each chunk reads the file through
the reader and keeps its rows (workbooks top out at 1,048,576 rows, so that costs little).

Pure: no S3, no polars. `ferry.runs.scaleout` feeds it the object's bytes and stores the manifest.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any, Literal

from ferry.core.domain import FileManifest
from ferry.ingest.rows import find_sheet

ChunkKind = Literal["bytes", "rows"]


@dataclass(frozen=True)
class Chunk:
    """One item of the chunk manifest: a slice of one source sheet, read by one Distributed Map item.

    `kind` "bytes": the data records in bytes [start, end) of the file, read after the file's first
    `header_end` bytes. `kind` "rows": data rows [start, end) (0-based) of the sheet as the reader yields them.
    """

    index: int
    count: int
    file_id: str
    sheet_id: str
    kind: ChunkKind
    start: int
    end: int
    header_end: int = 0

    def to_item(self) -> dict[str, Any]:
        """The chunk as a manifest item (JSON)."""
        return asdict(self)

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> Chunk:
        """The chunk a manifest item describes."""
        return cls(**{k: item[k] for k in cls.__dataclass_fields__})


@dataclass(frozen=True)
class Split:
    """Where a CSV's data starts and the byte offsets its chunks start at (the first is `data_start`)."""

    data_start: int
    starts: list[int]
    size: int

    def ranges(self) -> list[tuple[int, int]]:
        """[start, end) of every chunk; the last ends at the end of the file."""
        ends = [*self.starts[1:], self.size]
        return list(zip(self.starts, ends, strict=True))


_WIDE_ENCODINGS = ("utf-16", "utf-32")


def byte_splittable(manifest: FileManifest) -> bool:
    """True when a CSV's records can be found in its bytes: a quote and a line feed are single bytes that never
    occur inside another character, records end with LF (or CRLF), and quotes are regular (doubled when
    escaped)."""
    if manifest.format != "csv" or manifest.delimiter is None:
        return False
    encoding = codecs.lookup(manifest.encoding or "utf-8").name
    if encoding.startswith(_WIDE_ENCODINGS):
        return False
    return "\r" not in manifest.line_terminators and not manifest.irregular_quoting


def split_records(blocks: Iterable[bytes], *, quotechar: str | None, skip_records: int, chunk_bytes: int) -> Split:
    """Scan a CSV's bytes once (`blocks`, in order) and cut it into chunks of about `chunk_bytes` bytes each.

    The first `skip_records` records (title rows and the header) are not data; data starts after them. Each
    later chunk starts at the first record boundary at or after `chunk_bytes` past the previous start. Only
    quote bytes are counted (C speed), so the scan runs at the speed the bytes arrive.
    """
    if chunk_bytes < 1:
        raise ValueError("chunk_bytes must be at least 1")
    quote = quotechar.encode("ascii") if quotechar else b""
    pos = 0  # offset of the current block in the file
    odd = False  # quotes seen before the current block: odd means inside a quoted cell
    to_skip = skip_records
    data_start = 0 if to_skip == 0 else -1
    starts: list[int] = [0] if to_skip == 0 else []
    target = chunk_bytes if to_skip == 0 else 0
    for block in blocks:
        size = len(block)
        # the next line feed worth checking: any while skipping the header, else the first past the target
        cursor = 0 if to_skip else max(0, target - 1 - pos)
        while cursor < size:
            lf = block.find(b"\n", cursor)
            if lf < 0:
                break
            inside = odd ^ (bool(quote) and block.count(quote, 0, lf) % 2 == 1)
            cursor = lf + 1
            if inside:
                continue
            boundary = pos + lf + 1
            if to_skip:
                to_skip -= 1
                if to_skip == 0:
                    data_start = boundary
                    starts.append(boundary)
                    target = boundary + chunk_bytes
                    cursor = max(cursor, target - 1 - pos)
                continue
            starts.append(boundary)
            target = boundary + chunk_bytes
            cursor = max(cursor, target - 1 - pos)
        if quote:
            odd ^= block.count(quote) % 2 == 1
        pos += size
    if data_start < 0:  # fewer records than the header needs: no data at all
        return Split(data_start=pos, starts=[pos], size=pos)
    if len(starts) > 1 and starts[-1] >= pos:  # a boundary at the very end starts no chunk
        starts.pop()
    return Split(data_start=data_start, starts=starts, size=pos)


def chunk_bytes_for(manifest: FileManifest, sheet_id: str, chunk_rows: int, data_bytes: int) -> int:
    """About how many bytes hold `chunk_rows` data rows, from the sheet's row count and its data's size."""
    rows = max(1, find_sheet(manifest, sheet_id).row_count)
    return max(1, data_bytes * chunk_rows // rows)


def row_chunks(file_id: str, sheet_id: str, row_count: int, chunk_rows: int) -> list[Chunk]:
    """Row-range chunks of at most `chunk_rows` rows (indexes and counts set by `number`)."""
    bounds = list(range(0, max(row_count, 1), chunk_rows))
    return [Chunk(0, 0, file_id, sheet_id, "rows", s, min(s + chunk_rows, row_count)) for s in bounds]


def byte_chunks(file_id: str, sheet_id: str, split: Split) -> list[Chunk]:
    """Byte-range chunks of a split CSV (indexes and counts set by `number`)."""
    return [Chunk(0, 0, file_id, sheet_id, "bytes", s, e, split.data_start) for s, e in split.ranges()]


def number(chunks: list[Chunk]) -> list[Chunk]:
    """The chunks of every source in one sequence: `index` 0.. and `count` the total ("part 3 of 12")."""
    return [
        Chunk(i, len(chunks), c.file_id, c.sheet_id, c.kind, c.start, c.end, c.header_end) for i, c in enumerate(chunks)
    ]
