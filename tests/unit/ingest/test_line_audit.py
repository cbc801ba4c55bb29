"""The block audit (a second read of the file in large blocks, searched by polars) tells exactly what the
line-by-line watch tells: the counts of each line break and whether any quote is irregular — whatever the
text, the encoding, and where the blocks are cut (here every few bytes, so cuts fall inside CRLF pairs,
quote runs and multi-byte characters' lines)."""

from __future__ import annotations

import codecs
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ferry.ingest import line_audit, sniff
from ferry.ingest.line_audit import LineAudit, audit_blocks, bad_quote_pattern

# Characters the audit looks at, in plenty, plus ordinary and multi-byte letters.
PIECES = st.sampled_from(['"', '""', ",", ";", "\t", "|", "\n", "\r\n", "\r", "a", " ", "é", "ß", "日", "x5", "\ufeff"])
TEXTS = st.lists(PIECES, max_size=60).map("".join)


def watched(text: str, delimiter: str) -> LineAudit:
    audit = LineAudit()
    for _ in audit.watch(io.StringIO(text, newline=""), bad_quote_pattern(delimiter)):
        pass
    return audit


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=TEXTS,
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
    codec=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
    block=st.integers(min_value=1, max_value=9),
)
def test_blocks_tell_what_the_lines_tell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, delimiter: str, codec: str, block: int
) -> None:
    if codec == "cp1252":
        text = text.replace("日", "ü").replace("\ufeff", "")  # only characters the code page has
    data = text.encode(codec)
    path = tmp_path / "upload.csv"
    path.write_bytes(data)
    monkeypatch.setattr(line_audit, "_BLOCK_BYTES", block)
    # What csv reads: the text as the codec decodes it (utf-8-sig drops a leading BOM).
    expected = watched(data.decode(codec), delimiter)
    got = audit_blocks(path, codec, delimiter)
    assert (got.breaks, got.irregular_quoting) == (expected.breaks, expected.irregular_quoting)


def test_a_large_file_is_audited_in_blocks_with_the_same_result(write_file) -> None:  # type: ignore[no-untyped-def]
    # Given a file of well-quoted rows longer than one block, with one `5" screen` far past the first block
    rows = ['1,"Smith, Ann","ann@example.com"\r\n'] * 400_000
    rows[350_000] = '2,24" screen,"bob@example.com"\r\n'
    path = write_file(("id,name,email\r\n" + "".join(rows)).encode())
    assert path.stat().st_size > line_audit._BLOCK_BYTES
    # When it is sniffed, Then the manifest says CRLF and irregular quoting (so the engine reads it with csv)
    manifest = sniff(path, "upload.csv")
    assert manifest.line_terminators == ["\r\n"]
    assert manifest.irregular_quoting is True
    assert manifest.quoted_newlines is False
    assert manifest.sheets[0].row_count == 400_000


def test_a_bom_is_not_a_character_beside_a_quote(write_file) -> None:  # type: ignore[no-untyped-def]
    # A UTF-8 BOM before a quoted first header is not an ordinary character left of that quote
    path = write_file(codecs.BOM_UTF8 + b'"id","name"\n1,"Ann"\n')
    manifest = sniff(path, "upload.csv")
    assert manifest.encoding == "utf-8-sig"
    assert manifest.irregular_quoting is False
