"""A header below instruction or title cells merged across the table (import templates with one example row)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import xlsxwriter

from ferry.core.domain import FileManifest
from tests.unit.ingest.helpers import all_rows, only_sheet
from tests.unit.ingest.test_workbooks import xlsx

SniffBytes = Callable[..., tuple[FileManifest, Path]]
HEADER = ["name", "email", "team", "position", "jobNumber"]
EXAMPLE = ["Jack", "jack@example.com", "Sales", "assistant", "1000"]


def _template(merged_titles: bool) -> Callable[[xlsxwriter.Workbook], None]:
    def build(workbook: xlsxwriter.Workbook) -> None:
        sheet = workbook.add_worksheet("template")
        if merged_titles:
            sheet.merge_range(0, 0, 0, 4, "Instructions: 1. Do not change the header. 2. Email is required.")
            sheet.merge_range(1, 0, 1, 4, "Employee")
        else:
            sheet.write_row(0, 0, ["Instructions: 1. Do not change the header. 2. Email is required."])
            sheet.write_row(1, 0, ["Employee"])
        sheet.write_row(2, 0, HEADER)
        sheet.write_row(3, 0, EXAMPLE)

    return build


def test_the_header_under_merged_instruction_and_title_cells_is_found(sniff_bytes: SniffBytes) -> None:
    # Given a member-import template: an instruction cell and a title merged over five columns, one example row
    manifest, path = sniff_bytes(xlsx(_template(merged_titles=True)), "contacts.xlsx")

    # Then the header is the third row and the example its only data row
    sheet = only_sheet(manifest)
    assert sheet.header_row == 2
    assert [column.name for column in sheet.columns] == HEADER
    assert all_rows(path, manifest) == [EXAMPLE]


def test_unmerged_single_cells_above_one_example_row_keep_the_earlier_reading(sniff_bytes: SniffBytes) -> None:
    # Given the same rows with the title cells not merged (nothing says they span the table)
    manifest, _ = sniff_bytes(xlsx(_template(merged_titles=False)), "contacts.xlsx")

    # Then the sniffer reads the first row as before: only a merge marks a row as a title
    assert only_sheet(manifest).header_row == 0


def test_a_sheet_holding_only_a_merged_title_is_still_read(sniff_bytes: SniffBytes) -> None:
    # Given a sheet whose one filled row is a merged cell
    def build(workbook: xlsxwriter.Workbook) -> None:
        workbook.add_worksheet("notes").merge_range(0, 0, 0, 3, "Nothing to import yet")

    manifest, _ = sniff_bytes(xlsx(build), "notes.xlsx")

    # Then it is not thrown away as blank
    assert only_sheet(manifest).header_row == 0
