"""A format line above the header (DATEV's '"EXTF";700;16;...': codes, version numbers, a few words) is no header:
the record below, naming more columns than the line has cells, each once and in words, is. Near neighbours whose
first record is the header stay as they were."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ferry.core.domain import FileManifest
from tests.unit.ingest.helpers import only_sheet

SniffBytes = Callable[..., tuple[FileManifest, Path]]

# A format line of codes, numbers and quoted words, narrower than the header below it.
_FORMAT_LINE = '"EXTF";700;16;"Debitoren/Kreditoren";5;20180306102500000;;"XY";"Accounting";1001'
_HEADER = ";".join(
    ["Konto", "Name", "Vorname", "Anrede", "Strasse", "Postleitzahl", "Ort", "Land"]
    + [f"Bemerkung {n}" for n in range(1, 8)]
)
_ROWS = [
    ";".join(["10000", "Muster", "Sabine", "Frau", "Hauptweg 1", "50999", "Koeln", "DE"] + [""] * 7),
    ";".join(["70001", "Meyer GmbH", "", "", "", "", "", ""] + [""] * 7),
]


def test_the_header_below_a_format_line_is_found(sniff_bytes: SniffBytes) -> None:
    # Given: an accounting export whose first line describes the format, the header on line 2
    manifest, _ = sniff_bytes("\r\n".join([_FORMAT_LINE, _HEADER, *_ROWS]).encode() + b"\r\n")
    sheet = only_sheet(manifest)
    # Then: the second record is the header and both accounts are rows
    assert sheet.header_row == 1
    assert [c.name for c in sheet.columns][:3] == ["Konto", "Name", "Vorname"]
    assert sheet.row_count == 2


def test_a_header_with_a_number_over_wider_rows_of_data_stays_the_header(sniff_bytes: SniffBytes) -> None:
    # Near neighbour: a narrow header holding a year, the rows below wider but of repeated and numeric values
    lines = ["name;2024;note", "Ann;1;x;1;1", "Bob;2;y;1;1", "Cid;3;z;1;1"]
    manifest, _ = sniff_bytes("\n".join(lines).encode() + b"\n")
    assert only_sheet(manifest).header_row == 0


def test_a_header_line_without_a_bare_number_stays_the_header(sniff_bytes: SniffBytes) -> None:
    # Near neighbour: a short header of words over a row of distinct words is still the header
    lines = ["name;email;city", "Ann;ann@example.com;Paris;Nord;Blue", "Bob;bob@example.com;Lyon;Sud;Red"]
    manifest, _ = sniff_bytes("\n".join(lines).encode() + b"\n")
    assert only_sheet(manifest).header_row == 0
