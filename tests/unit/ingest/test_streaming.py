"""The CSV pass streams: memory stays flat however large the file is."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from ferry.ingest import iter_rows, sniff

MB = 1024 * 1024


def big_csv(path: Path, size: int) -> int:
    """A CSV of about `size` bytes; returns its number of data rows."""
    rows = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("id,name,email,city,notes\n")
        while handle.tell() < size:
            lines = [
                f'{n},Name {n % 977},user{n}@example.com,Zürich,"note {n}, with a comma"\n'
                for n in range(rows, rows + 5000)
            ]
            handle.write("".join(lines))
            rows += 5000
    return rows


def peak_bytes(work: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.slow
def test_sniff_and_iter_rows_hold_a_small_fraction_of_the_file_in_memory(tmp_path: Path) -> None:
    # Sniffing keeps the first megabyte for detection and little else; reading rows keeps one row.
    path = tmp_path / "big.csv"
    rows = big_csv(path, 6 * MB)

    manifest = sniff(path, path.name)
    sniff_peak = peak_bytes(lambda: sniff(path, path.name))
    read_peak = peak_bytes(lambda: sum(1 for _ in iter_rows(path, manifest, "sheet_1")))

    assert manifest.sheets[0].row_count == rows
    assert sniff_peak < 4 * MB, sniff_peak
    assert read_peak < MB, read_peak
