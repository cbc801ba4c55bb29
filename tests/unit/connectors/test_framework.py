"""The connector framework: registry, config/credential validation, records flattened into CSV."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from ferry.connections.connectors.base import parse_credentials, secret_values
from ferry.connections.connectors.registry import connector_class
from ferry.connections.service import write_records_csv
from ferry.core.errors import InvalidRequest


def test_source_keys_are_case_insensitive_and_unknown_ones_name_the_choices() -> None:
    assert connector_class(" HubSpot ").source_key == "hubspot"
    with pytest.raises(InvalidRequest) as raised:
        connector_class("zoho")
    assert raised.value.message == "`zoho` is not an available source; choose from hubspot, postgres, s3, salesforce."


def test_credential_errors_name_the_field_never_the_value() -> None:
    cls = connector_class("postgres")
    with pytest.raises(InvalidRequest) as raised:
        parse_credentials(cls, {"user": "u", "password": "", "pin": "hunter2-value"})
    assert "hunter2-value" not in raised.value.message
    assert raised.value.extra["param"] in ("credentials.password", "credentials.pin")


def test_secrets_are_masked_until_handed_to_the_vault() -> None:
    cls = connector_class("hubspot")
    parsed = parse_credentials(cls, {"access_token": "pat-secret-value"})
    assert "pat-secret-value" not in repr(parsed) and "pat-secret-value" not in str(parsed)
    assert secret_values(parsed) == {"access_token": "pat-secret-value"}


def test_records_become_a_csv_with_dotted_columns(tmp_path: Path) -> None:
    records = [
        {"id": 1, "name": "Acme", "owner": {"name": "Ada", "team": {"code": "EU"}}, "tags": ["a", "b"], "vip": True},
        {"id": 2, "name": "Globex", "owner": None, "amount": Decimal("12.50"), "seen": dt.date(2024, 5, 1)},
    ]
    count, top = write_records_csv(iter(records), tmp_path / "out.csv", "id")
    with (tmp_path / "out.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert count == 2 and top == 2
    assert rows[0] == ["id", "name", "owner.name", "owner.team.code", "tags", "vip", "amount", "seen"]
    assert rows[1] == ["1", "Acme", "Ada", "EU", '["a", "b"]', "true", "", ""]
    assert rows[2] == ["2", "Globex", "", "", "", "", "12.50", "2024-05-01"]


def test_no_records_write_no_header(tmp_path: Path) -> None:
    assert write_records_csv(iter([]), tmp_path / "empty.csv", None) == (0, None)
