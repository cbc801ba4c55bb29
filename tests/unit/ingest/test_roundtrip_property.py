"""Property: whatever table csv.writer produces, sniff + iter_rows give back its header and rows.

Tables have a non-blank header and at least two columns (a one-column file whose values hold commas
is genuinely ambiguous), and no header repeats one label over three or more columns (read as a group
label above the header, as SORMAS' imports write their entity's name). Values may hold the file's own
delimiter, commas, quotes, line breaks, spaces and any printable Unicode; the other candidate
delimiters stay out, since a ';' in every row of a comma file reads as well one way as the other.
Legacy code pages are detected statistically, so they are covered by the real-file tests rather than
by random text.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ferry.ingest import sniff
from tests.unit.ingest.helpers import all_rows, only_sheet

DELIMITERS = (",", ";", "\t", "|")
LINE_ENDINGS = ("\n", "\r\n", "\r")
ENCODERS: dict[str, Callable[[str], bytes]] = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8 with BOM": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf-16-le with BOM": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "utf-16-be with BOM": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
}


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[str]]
    delimiter: str
    line_ending: str
    encoding: str
    quoting: Literal[0, 1]  # csv.QUOTE_MINIMAL or csv.QUOTE_ALL

    def to_bytes(self) -> bytes:
        # Rows are written one by one with '\r\n' and re-terminated: Python 3.11's writer only quotes
        # line breaks found in its own terminator, so '\r' in a cell would go out bare with '\n'.
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, delimiter=self.delimiter, lineterminator="\r\n", quoting=self.quoting)
        lines = []
        for row in [self.header, *self.rows]:
            buffer.seek(0)
            buffer.truncate()
            writer.writerow(row)
            lines.append(buffer.getvalue().removesuffix("\r\n") + self.line_ending)
        return ENCODERS[self.encoding]("".join(lines))


@st.composite
def tables(draw: st.DrawFn) -> Table:
    delimiter = draw(st.sampled_from(DELIMITERS))
    other_delimiters = "".join(d for d in DELIMITERS[1:] if d != delimiter)
    printable = st.characters(categories=("L", "N", "P", "S", "Zs"), exclude_characters=other_delimiters)
    special = st.sampled_from([",", '"', "\n", "\r", " ", delimiter, "é", "ß", "€", "中", "😀", "Σ"])
    cell = st.text(st.one_of(printable, special), max_size=10)
    width = draw(st.integers(min_value=2, max_value=5))
    header = draw(st.lists(cell.filter(lambda text: text.strip() != ""), min_size=width, max_size=width))
    if width >= 3 and len({c.strip() for c in header}) == 1:
        header[-1] += "x"  # one label over three or more columns is read as a group label above the header
    rows = draw(st.lists(st.lists(cell, min_size=width, max_size=width), max_size=8))
    return Table(
        header=header,
        rows=rows,
        delimiter=delimiter,
        line_ending=draw(st.sampled_from(LINE_ENDINGS)),
        encoding=draw(st.sampled_from(sorted(ENCODERS))),
        quoting=draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL])),
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=tables())
def test_sniff_and_iter_rows_give_back_the_written_table(tmp_path: Path, table: Table) -> None:
    path = tmp_path / "table.csv"
    path.write_bytes(table.to_bytes())

    manifest = sniff(path, path.name)

    sheet = only_sheet(manifest)
    assert manifest.delimiter == table.delimiter
    assert [col.header for col in sheet.columns] == table.header
    expected_rows = [row for row in table.rows if any(cell.strip() for cell in row)]
    assert all_rows(path, manifest) == expected_rows
    assert sheet.row_count == len(expected_rows)
