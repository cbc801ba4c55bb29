"""Build a SheetManifest from a CSV file the way ingestion does (≤10 distinct non-blank samples per column)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ferry.core.domain import ColumnManifest, SheetManifest

SAMPLES = 10


def _decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def manifest_from_rows(header: list[str], rows: list[list[str]], name: str = "sheet") -> SheetManifest:
    """A manifest from a header and rows: blank/duplicate headers renamed, samples in file order."""
    names: list[str] = []
    for index, cell in enumerate(header):
        base = cell.strip() or f"column_{index + 1}"
        candidate, n = base, 2
        while candidate in names:
            candidate, n = f"{base}_{n}", n + 1
        names.append(candidate)
    columns = []
    for index, column_name in enumerate(names):
        samples: list[str] = []
        filled = 0
        for row in rows:
            value = row[index] if index < len(row) else ""
            if value.strip():
                filled += 1
                if value not in samples and len(samples) < SAMPLES:
                    samples.append(value)
        columns.append(ColumnManifest(name=column_name, header=header[index], samples=samples, filled=filled))
    data_rows = [r for r in rows if any(c.strip() for c in r)]
    return SheetManifest(sheet_id="sheet_1", name=name, columns=columns, row_count=len(data_rows), header_row=0)


def manifest_from_csv(path: Path) -> SheetManifest:
    """Read a CSV file (encoding and delimiter sniffed) into a manifest; uses ferry.ingest when it exists."""
    try:
        from ferry.ingest import sniff  # type: ignore[attr-defined]

        return sniff(path, path.name).sheets[0]  # type: ignore[no-any-return]
    except Exception:
        pass
    text = _decode(path.read_bytes())
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    header = [h.strip() for h in records[0]]
    return manifest_from_rows(header, records[1:], name=path.stem)
