"""A header under a row of group titles over runs of columns and/or a row of running column numbers (MaxKey's import
templates: '基本资料' merged over eleven columns, then 1, 2, 3 ..., then the names) is the row of names. Near
neighbours keep the header they had: a header of years, numbers as data under a header, a header of question
numbers over answers, a headerless file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import xlsxwriter

from ferry.core.domain import FileManifest
from ferry.ingest import sniff
from tests.unit.ingest.helpers import only_sheet
from tests.unit.ingest.test_workbooks import xlsx

SniffBytes = Callable[..., tuple[FileManifest, Path]]
MAXKEY = Path(__file__).resolve().parents[3] / "bench" / "mapping" / "real" / "maxkey"
NAMES = ["login", "password", "first_name", "last_name", "email", "phone", "department", "title", "city"]


def _csv(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode()


def _template(group_row: bool, numbering_row: bool) -> Callable[[xlsxwriter.Workbook], None]:
    def build(workbook: xlsxwriter.Workbook) -> None:
        sheet = workbook.add_worksheet("users")
        row = 0
        if group_row:
            sheet.merge_range(0, 0, 0, 3, "Account")
            sheet.merge_range(0, 4, 0, 8, "Work")
            row += 1
        if numbering_row:
            sheet.write_row(row, 0, list(range(1, len(NAMES) + 1)))
            row += 1
        sheet.write_row(row, 0, NAMES)
        sheet.write_row(row + 1, 0, ["jdoe", "secret", "John"])

    return build


@pytest.mark.parametrize("template", ["Users_Import_Template.xlsx", "Orgs_Import_Template.xlsx"])
def test_maxkeys_templates_header_is_the_third_row(template: str) -> None:
    # Given: MaxKey's import templates, a merged group row and a row of column numbers (13 repeated) above the names
    manifest = sniff(MAXKEY / template, template)
    sheet = only_sheet(manifest)
    # Then: the names on row 3 are the header, the one example its only row
    assert sheet.header_row == 2
    assert sheet.row_count == 1
    assert all(not name.startswith("column_") and not name.isdigit() for name in sheet.column_names)


@pytest.mark.parametrize(("group_row", "numbering_row"), [(True, True), (True, False), (False, True)])
def test_a_header_under_group_or_number_rows_is_found(
    sniff_bytes: SniffBytes, group_row: bool, numbering_row: bool
) -> None:
    # Given: a template with one short example row under a merged group row and/or a row of column numbers
    manifest, _ = sniff_bytes(xlsx(_template(group_row, numbering_row)), "users.xlsx")
    sheet = only_sheet(manifest)
    # Then: the row of names is the header
    assert sheet.header_row == int(group_row) + int(numbering_row)
    assert sheet.column_names == NAMES
    assert sheet.row_count == 1


def test_a_csv_header_under_group_titles_and_column_letters_is_found(sniff_bytes: SniffBytes) -> None:
    # Given: group titles over runs of three columns, then column letters, then the names and two rows
    manifest, _ = sniff_bytes(
        _csv(
            "Person,,,Contact,,,Address,,",
            "A,B,C,D,E,F,G,H,I",
            "first,last,born,email,phone,fax,street,city,zip",
            "Ann,Lee,,,,,,,",
            "Bob,Ray,,,,,,,",
        )
    )
    sheet = only_sheet(manifest)
    assert sheet.header_row == 2
    assert sheet.column_names[:3] == ["first", "last", "born"]
    assert sheet.row_count == 2


def test_a_csv_header_under_a_numbering_row_alone_is_found(sniff_bytes: SniffBytes) -> None:
    manifest, _ = sniff_bytes(_csv("1,2,3,4", "name,email,city,zip", "Ann,ann@example.com,Paris,75001"))
    sheet = only_sheet(manifest)
    assert sheet.header_row == 1
    assert sheet.column_names == ["name", "email", "city", "zip"]


@pytest.mark.parametrize(
    "lines",
    [
        # a header of years over numbers
        ("2021,2022,2023", "10,20,30", "11,21,31"),
        # numbers as data under a real header
        ("a,b,c", "1,2,3", "4,5,6"),
        # a header of question numbers a person uses, over answers (which repeat down their column)
        ("1,2,3,4", "yes,no,maybe,often", "no,no,maybe,never", "yes,yes,maybe,often"),
        # a numeric-coded header over amounts
        ("0,1,2,3", "12.5,3,4,5", "1,2,3,4"),
        # a headerless file of people
        ("Ann,ann@example.com,Paris", "Bob,bob@example.com,Lyon", "Cid,cid@example.com,Nice"),
        # a sparse header over a row of words: not a group row (a title over each column pair is too dense)
        ("name,,email,", "Ann,Lee,Paris,Nord", "Bob,Ray,Lyon,Sud"),
    ],
)
def test_near_neighbours_keep_their_header(sniff_bytes: SniffBytes, lines: tuple[str, ...]) -> None:
    manifest, _ = sniff_bytes(_csv(*lines))
    assert only_sheet(manifest).header_row == 0


def test_a_header_of_column_numbers_over_names_used_as_data_stays(sniff_bytes: SniffBytes) -> None:
    # Near neighbour: column numbers over rows of names that repeat in their column: the names are data
    manifest, _ = sniff_bytes(_csv("1,2,3", "Ann,Paris,red", "Bob,Lyon,blue", "Ann,Nice,red"))
    assert only_sheet(manifest).header_row == 0


def test_bk_users_instruction_row_above_its_header_is_still_passed() -> None:
    # Given: BlueKing user management's sample, one instruction cell merged over the first columns above the header
    path = MAXKEY.parent / "bk-user" / "fake_users.xlsx"
    sheet = only_sheet(sniff(path, path.name))
    assert sheet.header_row == 1
    assert sheet.column_names[0] == "用户名/username"
