"""A header of names under one-cell title rows, over example rows that fill few of its columns (openBIS'
batch-registration templates: 'SAMPLE', 'Sample type', 'ANTIBODY' over 21 names, two examples filling two cells) is
the row of names: the title cells are not the typical width. Near neighbours keep their header: example rows as wide
as the names (unmerged titles over a full example), a real header of short words over data, headerless files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import xlsxwriter

from ferry.core.domain import FileManifest
from ferry.ingest import sniff
from tests.unit.ingest.helpers import only_sheet
from tests.unit.ingest.test_workbooks import xlsx

SniffBytes = Callable[..., tuple[FileManifest, Path]]
OPENBIS = Path(__file__).resolve().parents[3] / "bench" / "mapping" / "real" / "openbis"
NAMES = ["$", "Code", "Parents", "Children", "Name", "Barcode", "Host", "Supplier", "Art. Number", "Notes"]


def _csv(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode()


def _template(examples: list[list[str]]) -> Callable[[xlsxwriter.Workbook], None]:
    def build(workbook: xlsxwriter.Workbook) -> None:
        sheet = workbook.add_worksheet("ANTIBODY")
        for row, title in enumerate(["SAMPLE", "Sample type", "ANTIBODY"]):
            sheet.write(row, 0, title)
        sheet.write_row(3, 0, NAMES)
        for offset, example in enumerate(examples, start=4):
            sheet.write_row(offset, 0, example)

    return build


def test_openbis_antibody_template_header_is_the_fourth_row() -> None:
    manifest = sniff(OPENBIS / "antibody_storage_position_template.xlsx", "antibody.xlsx")
    for sheet in manifest.sheets:
        assert sheet.header_row == 3, sheet.name
        assert sheet.column_names[:3] == ["$", "Code", "Parents"]


def test_the_sample_template_of_the_same_shape_is_read_as_before() -> None:
    manifest = sniff(OPENBIS / "sample_storage_position_template.xlsx", "sample.xlsx")
    assert [sheet.header_row for sheet in manifest.sheets] == [3, 3]


def test_names_under_titles_over_sparse_examples_are_the_header(sniff_bytes: SniffBytes) -> None:
    examples = [["", "", "/REAGENTS/CHE1", "", "antibody 1"], ["", "", "/REAGENTS/CHE3", "", "antibody 2"]]
    manifest, _ = sniff_bytes(xlsx(_template(examples)), "antibodies.xlsx")
    sheet = only_sheet(manifest)
    assert sheet.header_row == 3
    assert sheet.column_names == NAMES
    assert sheet.row_count == 2


def test_names_under_titles_with_no_rows_are_the_header(sniff_bytes: SniffBytes) -> None:
    manifest, _ = sniff_bytes(xlsx(_template([])), "empty_template.xlsx")
    assert only_sheet(manifest).header_row == 3


def test_a_csv_of_titles_over_names_over_sparse_rows(sniff_bytes: SniffBytes) -> None:
    manifest, _ = sniff_bytes(_csv("Stock list", "Lab 4", "name,box,position,owner,notes", "FM7a,,,,", "CyO,,,,"))
    sheet = only_sheet(manifest)
    assert sheet.header_row == 2
    assert sheet.column_names == ["name", "box", "position", "owner", "notes"]


def test_near_neighbours_keep_row_zero(sniff_bytes: SniffBytes) -> None:
    cases = [
        # titles over names over a full example: the earlier reading (only a merge marks a title)
        ("Employees", "Team", "name,email,team", "Ann,ann@example.com,Sales"),
        # a real header of short words over data
        ("a,b,c", "1,2,3", "4,5,6"),
        # a one-column list
        ("Ann", "Bob", "Cid", "Dee"),
        # a headerless file of people
        ("Ann,ann@example.com,Paris", "Bob,bob@example.com,Lyon"),
        # a one-cell row over numbers in three columns: numbers are no names
        ("Totals", "1,2,3", "4,,"),
    ]
    for lines in cases:
        manifest, _ = sniff_bytes(_csv(*lines))
        assert only_sheet(manifest).header_row == 0, lines
