"""The splitter of the scale-out execute: a CSV cut by byte ranges only at record boundaries (quoted line breaks,
CRLF, a BOM, multibyte UTF-8, a header-only file), whatever blocks its bytes arrive in."""

from __future__ import annotations

import csv
import io
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ferry.core.domain import FileManifest
from ferry.engine.chunks import Chunk, byte_chunks, byte_splittable, number, row_chunks, split_records


def _blocks(data: bytes, size: int) -> list[bytes]:
    return [data[i : i + size] for i in range(0, len(data), size)]


def _records(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def _csv(rows: list[list[str]], terminator: str = "\n", bom: bool = False) -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator=terminator).writerows(rows)
    return (b"\xef\xbb\xbf" if bom else b"") + out.getvalue().encode("utf-8")


CELLS = st.text(alphabet=st.sampled_from(list('ab ,"\n\r\né€𝄞')), max_size=8)


@settings(max_examples=300, deadline=None)
@given(
    rows=st.lists(st.lists(CELLS, min_size=2, max_size=2), min_size=1, max_size=12),
    terminator=st.sampled_from(["\n", "\r\n"]),
    bom=st.booleans(),
    chunk_bytes=st.integers(1, 80),
    block=st.integers(1, 50),
)
def test_every_chunk_is_whole_records_and_together_they_are_the_file(
    rows: list[list[str]], terminator: str, bom: bool, chunk_bytes: int, block: int
) -> None:
    data = _csv([["name", "notes"], *rows], terminator, bom)
    split = split_records(_blocks(data, block), quotechar='"', skip_records=1, chunk_bytes=chunk_bytes)
    # the header is the bytes before the data, BOM included
    assert _records(data[: split.data_start]) == [["name", "notes"]]
    ranges = split.ranges()
    assert ranges[0][0] == split.data_start and ranges[-1][1] == len(data) == split.size
    assert all(end == start for (_, end), (start, _) in itertools.pairwise(ranges))
    assert all(start < end for start, end in ranges)
    # each chunk is valid UTF-8 (no character cut) and parses to whole records; together, the file's data
    pieces = [_records(data[start:end]) for start, end in ranges]
    assert [r for piece in pieces for r in piece] == _records(data)[1:]
    # the same cuts whatever the blocks the bytes came in
    assert split == split_records([data], quotechar='"', skip_records=1, chunk_bytes=chunk_bytes)


def test_a_target_inside_a_quoted_cell_cuts_after_its_record() -> None:
    data = b'id,notes\n1,"one\ntwo\nthree"\n2,x\n'
    # the first target (1 byte into the data) lands inside the quoted cell's line breaks
    split = split_records([data], quotechar='"', skip_records=1, chunk_bytes=1)
    assert [data[s:e] for s, e in split.ranges()] == [b'1,"one\ntwo\nthree"\n', b"2,x\n"]


def test_crlf_and_a_bom_stay_whole() -> None:
    data = b'\xef\xbb\xbfid,name\r\n1,"a\r\nb"\r\n2,c\r\n'
    split = split_records(_blocks(data, 3), quotechar='"', skip_records=1, chunk_bytes=1)
    assert data[: split.data_start] == b"\xef\xbb\xbfid,name\r\n"
    assert [data[s:e] for s, e in split.ranges()] == [b'1,"a\r\nb"\r\n', b"2,c\r\n"]


def test_an_empty_trailing_line_and_no_final_line_break() -> None:
    with_blank = b"id\n1\n2\n\n"
    split = split_records([with_blank], quotechar='"', skip_records=1, chunk_bytes=2)
    assert [with_blank[s:e] for s, e in split.ranges()] == [b"1\n", b"2\n", b"\n"]
    no_break = b"id\n1\n2"
    split = split_records([no_break], quotechar='"', skip_records=1, chunk_bytes=2)
    assert [no_break[s:e] for s, e in split.ranges()] == [b"1\n", b"2"]


def test_a_header_only_file_is_one_empty_chunk() -> None:
    for data in (b"id,name\n", b"id,name"):
        split = split_records([data], quotechar='"', skip_records=1, chunk_bytes=10)
        assert split.data_start == len(data) and split.ranges() == [(len(data), len(data))]


def test_title_rows_before_the_header_are_skipped_as_records() -> None:
    data = b'"Export of\nMarch"\nid,name\n1,a\n'
    split = split_records([data], quotechar='"', skip_records=2, chunk_bytes=100)
    assert data[split.data_start :] == b"1,a\n"


def test_multibyte_characters_around_the_target_are_never_cut() -> None:
    data = ("id\n" + "".join(f"{'€' * 5}{i}\n" for i in range(20))).encode("utf-8")
    for chunk_bytes in range(1, 40):
        split = split_records(_blocks(data, 7), quotechar='"', skip_records=1, chunk_bytes=chunk_bytes)
        for start, end in split.ranges():
            data[start:end].decode("utf-8")  # raises on a cut character
            assert data[start - 1 : start] == b"\n"


def test_without_a_quote_character_every_line_feed_ends_a_record() -> None:
    data = b'id\n"1\n"2\n'
    split = split_records([data], quotechar=None, skip_records=1, chunk_bytes=1)
    assert [data[s:e] for s, e in split.ranges()] == [b'"1\n', b'"2\n']


def _manifest(**changes: object) -> FileManifest:
    base: dict[str, object] = {
        "format": "csv",
        "size_bytes": 10,
        "encoding": "utf-8",
        "delimiter": ",",
        "line_terminators": ["\n"],
        "sheets": [{"sheet_id": "sheet_1", "name": "f", "header_row": 0, "row_count": 3, "columns": []}],
    }
    return FileManifest.model_validate({**base, **changes})


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, True),
        ({"encoding": "utf-8-sig"}, True),
        ({"encoding": "cp1252"}, True),
        ({"line_terminators": ["\r\n", "\n"]}, True),
        ({"encoding": "utf-16-le"}, False),  # a line feed is two bytes there
        ({"line_terminators": ["\r"]}, False),  # old-Mac line breaks
        ({"irregular_quoting": True}, False),  # quote counting would lie
        ({"format": "xlsx", "delimiter": None, "encoding": None}, False),
    ],
)
def test_which_files_are_cut_by_bytes(changes: dict[str, object], expected: bool) -> None:
    assert byte_splittable(_manifest(**changes)) is expected


def test_row_chunks_cover_the_rows_and_number_runs_across_sources() -> None:
    rows = row_chunks("f1", "sheet_1", 2_500, 1_000)
    assert [(c.start, c.end) for c in rows] == [(0, 1000), (1000, 2000), (2000, 2500)]
    assert [(c.start, c.end) for c in row_chunks("f1", "sheet_1", 0, 1_000)] == [(0, 0)]
    data = b"id\n1\n2\n"
    split = split_records([data], quotechar='"', skip_records=1, chunk_bytes=1)
    numbered = number([*rows, *byte_chunks("f2", "sheet_1", split)])
    assert [(c.index, c.count) for c in numbered] == [(i, 5) for i in range(5)]
    assert numbered[3] == Chunk(3, 5, "f2", "sheet_1", "bytes", 3, 5, 3)
    assert Chunk.from_item(numbered[3].to_item()) == numbered[3]
