"""What kind of file an upload is, from its first bytes (never from its name).

Text goes on to encoding and dialect sniffing; workbooks to calamine; everything else is rejected
with a reason that names what the file looks like.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Literal

from ferry.core.errors import FileRejected

WorkbookKind = Literal["xlsx", "xls", "ods"]
Kind = Literal["text", "xlsx", "xls", "ods"]

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"

# Signatures distinctive enough to decide alone. Shorter ones (MZ, BM...) also start ordinary text,
# so they only name a file that already looks binary.
_STRONG_MAGICS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x7fELF", "a program (executable)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xfd7zXZ\x00", "an XZ archive"),
    (b"\x00\x00\x00\x0cjP  ", "a JPEG 2000 image"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_WEAK_MAGICS: tuple[tuple[bytes, str], ...] = (
    (b"MZ", "a Windows program (executable)"),
    (b"BM", "a bitmap image"),
    (b"BZh", "a bzip2 archive"),
    (b"RIFF", "a media file (RIFF)"),
    (b"OggS", "an audio file (Ogg)"),
    (b"ID3", "an audio file (MP3)"),
    (b"PAR1", "a Parquet file"),
    (b"\xca\xfe\xba\xbe", "a program (executable)"),
    (b"\xcf\xfa\xed\xfe", "a program (executable)"),
)
# Text formats that are not tables, matched on the lower-cased start of the text.
_TEXT_MAGICS: tuple[tuple[bytes, str], ...] = (
    (b"{\\rtf", "a Rich Text (RTF) document"),
    (b"<!doctype html", "a web page (HTML)"),
    (b"<html", "a web page (HTML)"),
    (b"<?xml", "an XML document"),
    (b"%!ps", "a PostScript document"),
)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def not_a_spreadsheet(what: str) -> FileRejected:
    """The rejection every unsupported kind shares, naming what the file looks like."""
    return FileRejected(
        f"This file is not a spreadsheet we can read (it looks like {what}). "
        "Upload a CSV file or an Excel workbook (.xlsx)."
    )


def detect_kind(path: Path, head: bytes) -> Kind:
    """Classify a non-empty file by its leading bytes; raises FileRejected for anything but a table."""
    if head.startswith(_ZIP_MAGICS):
        return _zip_kind(path)
    if head.startswith(OLE2_MAGIC):
        return "xls"
    for magic, what in _STRONG_MAGICS:
        if head.startswith(magic):
            raise not_a_spreadsheet(what)
    text_start = _strip_bom(head).lstrip()[:32].lower()
    for magic, what in _TEXT_MAGICS:
        if text_start.startswith(magic):
            raise not_a_spreadsheet(what)
    return "text"


def binary_kind(head: bytes) -> str:
    """A name for a file already known to be binary, for the rejection message."""
    for magic, what in _WEAK_MAGICS:
        if head.startswith(magic):
            return what
    return "binary data, not text"


def _strip_bom(head: bytes) -> bytes:
    for bom in _BOMS:
        if head.startswith(bom):
            return head[len(bom) :]
    return head


def _zip_kind(path: Path) -> WorkbookKind:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:100].strip() if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise FileRejected(
            "This file looks like a zip archive or an Excel workbook, but it is damaged and can't be opened."
        ) from exc
    if "xl/workbook.xml" in names:
        return "xlsx"
    if mimetype == _ODS_MIMETYPE:
        return "ods"
    raise not_a_spreadsheet(_zip_content_name(names, mimetype))


def _zip_content_name(names: set[str], mimetype: bytes) -> str:
    if "xl/workbook.bin" in names:
        return "an Excel binary workbook (.xlsb); save it as .xlsx"
    if "word/document.xml" in names:
        return "a Word document"
    if "ppt/presentation.xml" in names:
        return "a PowerPoint presentation"
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        return "an OpenDocument file that is not a spreadsheet"
    return "a zip archive"
