"""Delimited text files: sniffed in one streaming pass, read back by the same csv configuration.

The full pass decodes through io.TextIOWrapper(newline='') into csv.reader, so memory stays constant
whatever the file size. When a byte late in the file contradicts the encoding guessed from its start,
the pass starts over with an encoding detected on more of the file.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from ferry.core.domain import FileManifest, SheetManifest
from ferry.core.errors import FileRejected
from ferry.core.observability import logger
from ferry.ingest.dialect import (
    QUOTECHAR,
    csv_records,
    sample_records,
    sniff_delimiter,
)
from ferry.ingest.encoding import (
    UTF8,
    EncodingGuess,
    cannot_decode,
    decode_lines,
    detect_encoding,
    fallback_errors,
    is_wide,
    mixed_encodings,
    mixed_fallback,
    mixes_utf8,
    non_ascii_lines,
    redetect,
    refused_lines,
)
from ferry.ingest.header import data_rows, find_header_row
from ferry.ingest.line_audit import LineAudit, audit_blocks, bad_quote_pattern
from ferry.ingest.profile import TableProfiler

if TYPE_CHECKING:
    from _csv import Reader


# Enough to hold a few hundred records for the delimiter and header vote.
HEAD_BYTES = 256 * 1024
# Read once up front: where the encoding is decided before the full pass.
SCAN_BYTES = 1024 * 1024
_REDETECT_WINDOW = 32 * 1024
_MAX_REDETECTS = 3
_COUNT_CHUNK = 1024 * 1024
_PROFILE_BATCH = 2048  # records handed to the profiler at once
_WATCH_LINES_UP_TO = 4 * 1024 * 1024  # bytes: ~0.2 s of line-by-line audit, about what importing polars costs
_CODEC_NAMES = {
    "cp1252": "Windows Western European",
    "latin_1": "ISO Latin-1",
    "iso8859_15": "ISO Latin-9",
    "cp1250": "Windows Central European",
    "iso8859_2": "ISO Central European",
    "cp1251": "Windows Cyrillic",
    "cp1253": "Windows Greek",
    "cp1254": "Windows Turkish",
    "cp1257": "Windows Baltic",
    "mac_roman": "Mac Roman",
}


class _Undecodable(Exception):
    """A byte the current codec cannot decode, at `offset` in the file."""

    def __init__(self, offset: int) -> None:
        super().__init__(offset)
        self.offset = offset


@dataclass
class _Scan:
    profiler: TableProfiler
    labels: list[str]
    records: int
    lines: int
    audit: LineAudit


def sniff_text(path: Path, filename: str, size: int, scan: bytes) -> FileManifest:
    """Manifest of a delimited text file; `scan` is its first SCAN_BYTES (or all of it)."""
    guess = detect_encoding(scan, complete=size <= len(scan))
    evidence = b"" if is_wide(guess.codec) or scan.isascii() else non_ascii_lines(scan)
    failed: list[str] = []
    while True:
        try:
            return _sniff_decoded(path, filename, size, scan, guess.codec, guess.fallback)
        except _Undecodable as failure:
            line = _line_at(path, failure.offset)
            if guess.declared or is_wide(guess.codec) or guess.fallback or len(failed) >= _MAX_REDETECTS:
                raise cannot_decode(line) from None
            if guess.codec == UTF8 and mixes_utf8(path, failure.offset):
                # UTF-8 with lines in a code page: read those lines in it, or refuse rather than garble.
                fallback = mixed_fallback(scan[:HEAD_BYTES] + b"\n" + _window(path, failure.offset))
                if fallback is None:
                    raise mixed_encodings(line) from None
                logger.info("mixed encodings", encoding=UTF8, fallback=fallback, line=line)
                guess = EncodingGuess(UTF8, fallback=fallback)
                continue
            failed.append(guess.codec)
            evidence += non_ascii_lines(_window(path, failure.offset))
            codec = redetect(evidence, failed, line)
            logger.info("encoding re-detected", previous=guess.codec, encoding=codec, line=line)
            guess = EncodingGuess(codec)


def iter_text_rows(path: Path, manifest: FileManifest, sheet: SheetManifest) -> Iterator[list[str]]:
    """Data rows of a delimited file, as `ferry.ingest.iter_rows` promises."""
    if manifest.encoding is None or manifest.delimiter is None:
        raise ValueError("not a delimited-text manifest")
    with path.open("rb") as raw, _decoded(raw, manifest.encoding, manifest.fallback_encoding) as text:
        yield from data_rows(csv_records(text, manifest.delimiter), sheet)


def _decoded(raw: BinaryIO, codec: str, fallback: str | None) -> AbstractContextManager[Iterable[str]]:
    """The file's text as lines with their breaks: one codec through a TextIOWrapper, or, for a file mixing
    UTF-8 with a code page, each line decoded whole in the encoding it is in."""
    if fallback:
        return nullcontext(decode_lines(raw, codec, fallback))
    return io.TextIOWrapper(raw, encoding=codec, newline="")


def _mixed_note(path: Path, fallback: str) -> str:
    count, first = refused_lines(path)
    numbers = [str(number) for number in first]
    listed = ", ".join(numbers[:-1]) + f" and {numbers[-1]}" if len(numbers) > 1 else "".join(numbers)
    more = ", …" if count > len(first) else ""
    lines = f"{count:,} line{'s' if count != 1 else ''}"
    verb = "are" if count != 1 else "is"
    where = f"line{'s' if len(first) != 1 else ''} {listed}{more}"
    return (
        f"{lines} of this file {verb} not UTF-8 like the rest ({where}); they were read as {fallback} "
        f"({_CODEC_NAMES.get(fallback, 'a legacy code page')}). Check those rows."
    )


def _sniff_decoded(
    path: Path, filename: str, size: int, scan: bytes, codec: str, fallback: str | None = None
) -> FileManifest:
    head_complete = size <= HEAD_BYTES
    head_text = _decode_head(scan[:HEAD_BYTES], codec, final=head_complete, fallback=fallback)
    delimiter = sniff_delimiter(head_text, complete=head_complete)
    records = sample_records(head_text, delimiter, complete=head_complete)
    header_row = find_header_row(records)
    if header_row is None:
        raise FileRejected("The file is empty." if head_complete else "We found no table at the start of this file.")
    result = _scan(path, codec, delimiter, header_row, fallback)
    profiler = result.profiler
    columns = profiler.finish(result.labels)
    terminators = result.audit.line_terminators()
    sheet = SheetManifest(
        sheet_id="sheet_1",
        name=Path(filename).stem or filename,
        columns=columns,
        row_count=profiler.rows,
        header_row=header_row,
        blank_rows=profiler.blank_rows,
        ragged_rows=profiler.ragged_rows(),
    )
    return FileManifest(
        format="csv",
        size_bytes=size,
        encoding=codec,
        delimiter=delimiter,
        quotechar=QUOTECHAR,
        line_terminator=terminators[0] if terminators else None,
        line_terminators=terminators,
        # Each record takes one line unless a quoted cell holds a line break.
        quoted_newlines=result.lines > result.records,
        irregular_quoting=result.audit.irregular_quoting,
        fallback_encoding=fallback,
        notes=[_mixed_note(path, fallback)] if fallback else [],
        sheets=[sheet],
    )


def _scan(path: Path, codec: str, delimiter: str, header_row: int, fallback: str | None = None) -> _Scan:
    # The raw lines are audited in blocks after the pass (polars' regex engine), unless a block could split a
    # character, or the file is small enough for the line-by-line watch to cost less than importing polars.
    in_blocks = fallback is None and not is_wide(codec) and path.stat().st_size > _WATCH_LINES_UP_TO
    audit = LineAudit()
    with path.open("rb") as raw, _decoded(raw, codec, fallback) as text:
        reader: Reader = csv.reader([])  # replaced below; keeps line_num readable in the handlers
        try:
            lines = text if in_blocks else audit.watch(text, bad_quote_pattern(delimiter))
            reader = csv_records(lines, delimiter)
            labels = next(islice(reader, header_row, None), None)
            if labels is None:  # the file shrank since the head was read
                raise FileRejected("The file is empty.")
            profiler = TableProfiler(len(labels))
            while batch := list(islice(reader, _PROFILE_BATCH)):
                profiler.add_batch(batch)
        except UnicodeDecodeError as exc:
            raise _Undecodable(max(0, raw.tell() - len(exc.object) + exc.start)) from None
        except csv.Error as exc:
            raise FileRejected(
                f"We couldn't read this file as a table near line {reader.line_num}: a quoted cell never "
                'ends (a stray " character?).'
            ) from exc
    if in_blocks:
        audit = audit_blocks(path, codec, delimiter)
    records = header_row + 1 + profiler.rows + profiler.blank_rows
    return _Scan(profiler, labels, records, reader.line_num, audit)


def _decode_head(data: bytes, codec: str, *, final: bool, fallback: str | None = None) -> str:
    errors = fallback_errors(fallback) if fallback else "strict"
    try:
        return codecs.getincrementaldecoder(codec)(errors).decode(data, final=final)
    except UnicodeDecodeError as exc:
        raise _Undecodable(exc.start) from None


def _window(path: Path, offset: int) -> bytes:
    with path.open("rb") as raw:
        raw.seek(max(0, offset - _REDETECT_WINDOW))
        return raw.read(2 * _REDETECT_WINDOW)


def _line_at(path: Path, offset: int) -> int:
    """1-based line number of byte `offset`, for messages people can act on."""
    lines = 1
    with path.open("rb") as raw:
        remaining = offset
        while remaining > 0:
            chunk = raw.read(min(_COUNT_CHUNK, remaining))
            if not chunk:
                break
            lines += chunk.count(b"\n") or chunk.count(b"\r")
            remaining -= len(chunk)
    return lines
