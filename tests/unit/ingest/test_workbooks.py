"""Workbooks: several sheets, typed cells as text, merged multi-row headers, XLS and ODS."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import xlsxwriter

from ferry.core.domain import FileManifest
from ferry.ingest import sniff
from tests.unit.ingest.helpers import FIXTURES, all_rows, column, only_sheet

SniffBytes = Callable[..., tuple[FileManifest, Path]]


def xlsx(build: Callable[[xlsxwriter.Workbook], None]) -> bytes:
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    build(workbook)
    workbook.close()
    return buffer.getvalue()


def test_csvkit_sheets_leaves_out_the_empty_sheet_and_keeps_workbook_positions(real_data: Path) -> None:
    path = real_data / "csvkit" / "sheets.xlsx"

    manifest = sniff(path, path.name)

    assert manifest.format == "xlsx"
    assert (manifest.encoding, manifest.delimiter) == (None, None)
    assert [(sheet.sheet_id, sheet.name, sheet.row_count) for sheet in manifest.sheets] == [
        ("sheet_2", "data", 5),
        ("sheet_3", "ʤ", 1),
    ]


def test_csvkit_typed_cells_become_text(real_data: Path) -> None:
    path = real_data / "csvkit" / "sheets.xlsx"

    manifest = sniff(path, path.name)

    data = manifest.sheets[0]
    assert data.column_names == [
        "text", "date", "integer", "boolean", "float", "datetime", "empty_column", "column_8",
    ]  # fmt: skip
    assert all_rows(path, manifest, "sheet_2")[:3] == [
        ["Chicago Reader", "1971-01-01", "40", "TRUE", "1", "1971-01-01T04:14:00", "", ""],
        [
            "Chicago Sun-Times", "1948-01-01", "63", "TRUE", "1.27", "1948-01-01T14:57:13", "",
            "Extra data beyond headers will be trimmed",
        ],
        ["Chicago Tribune", "1920-01-01", "164", "FALSE", "41800000.01", "1920-01-01", "", ""],
    ]  # fmt: skip
    assert column(data, "boolean").samples == ["TRUE", "FALSE"]
    assert column(data, "empty_column").filled == 0
    assert column(data, "column_8").header == ""
    assert all_rows(path, manifest, "sheet_3") == [["1", "2", "3"]]


def test_frictionless_merged_five_row_header_joins_like_upstream(real_data: Path) -> None:
    path = real_data / "frictionless-py" / "multiline-headers.xlsx"

    manifest = sniff(path, path.name)

    sheet = only_sheet(manifest)
    # frictionless-py's test_resource_layout_header_xlsx_multiline expects exactly these labels
    assert sheet.column_names == [
        "Region",
        "Caloric contribution (%)",
        "Cumulative impact of changes on cost of food basket from previous quarter",
        "Cumulative impact of changes on cost of food basket from baseline (%)",
    ]
    assert (sheet.header_row, sheet.header_rows, sheet.row_count) == (0, 5, 1)
    assert all_rows(path, manifest) == [["A", "B", "C", "D"]]


def test_a_table_placed_lower_right_with_a_title_and_text_codes(sniff_bytes: SniffBytes) -> None:
    def build(workbook: xlsxwriter.Workbook) -> None:
        sheet = workbook.add_worksheet("Export")
        sheet.write("C2", "Customer list")
        sheet.write_row("C4", ["code", "name", "joined", "balance"])
        sheet.write_row("C5", ["00123", "Ann"])
        sheet.write_datetime("E5", dt.datetime(2020, 1, 2), workbook.add_format({"num_format": "yyyy-mm-dd"}))
        sheet.write_number("F5", 1234.5)
        sheet.write_row("C7", ["0042", "Bob", "", 7])

    manifest, path = sniff_bytes(xlsx(build), "export.xlsx")

    sheet = only_sheet(manifest)
    assert (sheet.header_row, sheet.row_count, sheet.blank_rows) == (3, 2, 1)
    assert sheet.column_names == ["code", "name", "joined", "balance"]
    assert all_rows(path, manifest) == [["00123", "Ann", "2020-01-02", "1234.5"], ["0042", "Bob", "", "7"]]


def test_a_workbook_is_recognised_by_content_not_by_its_name(real_data: Path, sniff_bytes: SniffBytes) -> None:
    data = (real_data / "csvkit" / "sheets.xlsx").read_bytes()

    manifest, _ = sniff_bytes(data, "actually-a-workbook.csv")

    assert manifest.format == "xlsx"


def test_a_header_only_sheet_is_kept_with_no_rows(sniff_bytes: SniffBytes) -> None:
    def build(workbook: xlsxwriter.Workbook) -> None:
        workbook.add_worksheet("Template").write_row(0, 0, ["email", "first name"])
        workbook.add_worksheet("Blank")
        workbook.add_worksheet("People").write_column(0, 0, ["email", "a@example.com"])

    manifest, path = sniff_bytes(xlsx(build), "book.xlsx")

    assert [(sheet.sheet_id, sheet.row_count) for sheet in manifest.sheets] == [("sheet_1", 0), ("sheet_3", 1)]
    assert all_rows(path, manifest, "sheet_1") == []
    assert all_rows(path, manifest, "sheet_3") == [["a@example.com"]]


def test_legacy_xls_workbook() -> None:
    # fixtures/legacy.xls: written once with xlwt (Contacts: name, zip as text, a date, a number; Empty)
    path = FIXTURES / "legacy.xls"

    manifest = sniff(path, path.name)

    assert manifest.format == "xls"
    assert [(sheet.sheet_id, sheet.name) for sheet in manifest.sheets] == [("sheet_1", "Contacts")]
    assert only_sheet(manifest).column_names == ["name", "zip", "joined", "score"]
    assert all_rows(path, manifest) == [
        ["Zoë Ünal", "08123", "2021-03-04", "12"],
        ["Bob", "00501", "1999-12-31", "7.5"],
    ]


_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)
_ODS_CONTENT = (
    f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NS} office:version="1.2">'
    '<office:body><office:spreadsheet><table:table table:name="Feuille1">'
    '<table:table-row><table:table-cell office:value-type="string"><text:p>nom</text:p></table:table-cell>'
    '<table:table-cell office:value-type="string"><text:p>code</text:p></table:table-cell></table:table-row>'
    '<table:table-row><table:table-cell office:value-type="string"><text:p>Élodie</text:p></table:table-cell>'
    '<table:table-cell office:value-type="float" office:value="42"><text:p>42</text:p></table:table-cell>'
    "</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"
)
_ODS_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""


def test_opendocument_spreadsheet(sniff_bytes: SniffBytes) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", _ODS_CONTENT, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", _ODS_MANIFEST)

    manifest, path = sniff_bytes(buffer.getvalue(), "liste.ods")

    assert manifest.format == "ods"
    assert (only_sheet(manifest).name, only_sheet(manifest).column_names) == ("Feuille1", ["nom", "code"])
    assert all_rows(path, manifest) == [["Élodie", "42"]]
