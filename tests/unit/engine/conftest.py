"""Fixtures for the engine tests: real files from shared/data/real, sniffed once."""

from __future__ import annotations

from pathlib import Path

import pytest

from ferry.core.domain import FileManifest, Template
from ferry.ingest import sniff

REAL = Path(__file__).resolve().parents[4] / "shared" / "data" / "real"
EXAMPLE = REAL / "react-spreadsheet-import" / "exampleFile.csv"
ACCOUNTS = REAL / "salesforce-dataloader" / "accountData.csv"
COMMA_IN_QUOTES = REAL / "csv-spectrum" / "comma_in_quotes.csv"
PAYLOADS = REAL / "payloadbox-csv-injection" / "csv-payload.txt"


def sniffed(path: Path) -> tuple[Path, FileManifest]:
    return path, sniff(path, path.name)


@pytest.fixture(scope="session")
def example_input() -> tuple[Path, FileManifest]:
    return sniffed(EXAMPLE)


@pytest.fixture
def people() -> Template:
    return Template.model_validate(
        {
            "name": "People",
            "sheet_id": "people",
            "fields": [
                {"key": "first_name", "type": "string", "required": True},
                {"key": "last_name", "type": "string"},
                {"key": "age", "type": "integer", "min": 0, "max": 150},
                {"key": "team", "type": "string"},
                {"key": "manager", "type": "boolean"},
                {"key": "email", "type": "email", "unique": True},
            ],
        }
    )


PEOPLE_MAPPING = {
    "first_name": "firstname",
    "last_name": "lastname",
    "age": "years",
    "team": "team",
    "manager": "manager",
    "email": "email",
}
