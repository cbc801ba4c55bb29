"""Every way sniff refuses a file, each with a reason a non-engineer can act on."""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import xlsxwriter

from ferry.core.errors import FileRejected
from ferry.ingest import sniff

MB = 1024 * 1024


def reason(write_file: Callable[[bytes, str], Path], data: bytes, name: str = "upload.csv", **limits: int) -> str:
    path = write_file(data, name)
    with pytest.raises(FileRejected) as rejected:
        sniff(path, name, **limits)
    return rejected.value.reason


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def small_xlsx() -> bytes:
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    workbook.add_worksheet("Data").write_row(0, 0, ["id", "name"])
    workbook.close()
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n\n  \r\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\n", b"\xff\xfe", b",,,\n,,\n\n"],
    ids=["zero-bytes", "whitespace", "bom-only", "bom-and-newline", "utf16-bom-only", "only-blank-records"],
)
def test_a_file_with_nothing_in_it_is_empty(write_file: Callable[[bytes, str], Path], data: bytes) -> None:
    assert reason(write_file, data) == "The file is empty."


def test_a_file_over_the_size_limit_names_the_limit_in_mb(write_file: Callable[[bytes, str], Path]) -> None:
    data = b"id,name\n" + b"1,abc\n" * (MB // 6 + 10)

    assert (
        reason(write_file, data, max_bytes=MB) == "The file is larger than the 1 MB limit. Split it into smaller files."
    )


def test_a_pdf_is_named_as_a_pdf(write_file: Callable[[bytes, str], Path]) -> None:
    pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n"

    text = reason(write_file, pdf, "contacts.csv")

    assert text.startswith("This file is not a spreadsheet we can read (it looks like a PDF).")


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "a PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64), "a JPEG image"),
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(64), "a Windows program (executable)"),
        (b"\x7fELF\x02\x01\x01" + bytes(64), "a program (executable)"),
        (b"\x1f\x8b\x08\x00" + bytes(32), "a gzip archive"),
        (random.Random(7).randbytes(4096), "binary data, not text"),
        (b"{\\rtf1\\ansi hello}", "a Rich Text (RTF) document"),
        (b"<!DOCTYPE html><html><table><tr><td>1</td></tr></table></html>", "a web page (HTML)"),
    ],
    ids=["png", "jpeg", "exe", "elf", "gzip", "random-bytes", "rtf", "html"],
)
def test_non_spreadsheets_are_rejected_naming_what_they_look_like(
    write_file: Callable[[bytes, str], Path], data: bytes, what: str
) -> None:
    assert reason(write_file, data, "data.xlsx") == (
        f"This file is not a spreadsheet we can read (it looks like {what}). "
        "Upload a CSV file or an Excel workbook (.xlsx)."
    )


def test_a_stray_nul_byte_in_a_text_file_is_data_not_a_reason_to_reject(
    write_file: Callable[[bytes, str], Path],
) -> None:
    path = write_file(b"id,name\n1,Ann\x00\n2,Bob\n" + b"3,Carla\n" * 50, "export.csv")

    manifest = sniff(path, "export.csv")

    assert manifest.sheets[0].row_count == 52


def test_a_text_file_that_merely_starts_like_an_executable_is_still_read(
    write_file: Callable[[bytes, str], Path],
) -> None:
    path = write_file(b"MZ code,name\nA1,Alpha\n", "codes.csv")

    manifest = sniff(path, "codes.csv")

    assert manifest.sheets[0].column_names == ["MZ code", "name"]


@pytest.mark.parametrize(
    ("entries", "what"),
    [
        ({"notes.txt": b"hello"}, "a zip archive"),
        ({"word/document.xml": b"<w:document/>", "[Content_Types].xml": b"<Types/>"}, "a Word document"),
        ({"xl/workbook.bin": b"\x00", "[Content_Types].xml": b"<Types/>"}, "an Excel binary workbook (.xlsb)"),
    ],
    ids=["plain-zip", "docx", "xlsb"],
)
def test_zips_that_are_not_workbooks_are_rejected(
    write_file: Callable[[bytes, str], Path], entries: dict[str, bytes], what: str
) -> None:
    text = reason(write_file, zip_bytes(entries), "book.xlsx")

    assert text.startswith(f"This file is not a spreadsheet we can read (it looks like {what}")


def test_a_damaged_zip_is_rejected(write_file: Callable[[bytes, str], Path]) -> None:
    text = reason(write_file, small_xlsx()[:200], "book.xlsx")

    assert "damaged" in text


def test_a_word_97_document_is_named(write_file: Callable[[bytes, str], Path]) -> None:
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "WordDocument".encode("utf-16-le") + bytes(512)

    assert reason(write_file, ole2, "old.xls").startswith(
        "This file is not a spreadsheet we can read (it looks like a Word document)."
    )


def test_a_workbook_expanding_past_the_limit_is_rejected_before_it_is_opened(
    write_file: Callable[[bytes, str], Path],
) -> None:
    bomb = zip_bytes(
        {
            "[Content_Types].xml": b"<Types/>",
            "xl/workbook.xml": b"<workbook/>",
            "xl/worksheets/sheet1.xml": b" " * (12 * MB),
        }
    )
    assert len(bomb) < 100 * 1024

    text = reason(write_file, bomb, "bomb.xlsx", max_xlsx_uncompressed_bytes=10 * MB)

    assert text == (
        "The workbook expands to more than 10 MB when opened, more than we accept. "
        "Split it into smaller workbooks, or save each sheet as CSV."
    )


def test_a_workbook_compressed_like_a_zip_bomb_is_rejected_even_under_the_size_limit(
    write_file: Callable[[bytes, str], Path],
) -> None:
    bomb = zip_bytes({"xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": bytes(20 * MB)})

    text = reason(write_file, bomb, "bomb.xlsx", max_xlsx_uncompressed_bytes=1024 * MB)

    assert "zip bomb" in text


def test_a_normal_workbook_passes_the_zip_guard(write_file: Callable[[bytes, str], Path]) -> None:
    path = write_file(small_xlsx(), "fine.xlsx")

    manifest = sniff(path, "fine.xlsx", max_xlsx_uncompressed_bytes=MB)

    assert manifest.format == "xlsx"
    assert manifest.sheets[0].row_count == 0


def test_a_workbook_whose_sheets_are_all_empty_is_rejected(write_file: Callable[[bytes, str], Path]) -> None:
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    workbook.add_worksheet("One")
    workbook.add_worksheet("Two")
    workbook.close()

    assert reason(write_file, buffer.getvalue(), "blank.xlsx") == (
        "The file is empty: none of the workbook's sheets holds any data."
    )
