"""Small helpers shared by the ingestion tests."""

from __future__ import annotations

from pathlib import Path

from ferry.core.domain import ColumnManifest, FileManifest, SheetManifest
from ferry.ingest import iter_rows

FIXTURES = Path(__file__).parent / "fixtures"


def all_rows(path: Path, manifest: FileManifest, sheet_id: str = "sheet_1") -> list[list[str]]:
    return list(iter_rows(path, manifest, sheet_id))


def only_sheet(manifest: FileManifest) -> SheetManifest:
    assert len(manifest.sheets) == 1
    return manifest.sheets[0]


def column(sheet: SheetManifest, name: str) -> ColumnManifest:
    """A column's manifest, found by its downstream name."""
    for col in sheet.columns:
        if col.name == name:
            return col
    raise AssertionError(f"no column {name!r} in {sheet.column_names}")
