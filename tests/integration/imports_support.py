"""Helpers for company import tests: a migration with an approved recipe over a real messy file, and the
import routes."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from tests.helpers import person_template, wait_for
from tests.integration.runs_support import wait_for_status
from tests.integration.uploads import upload_and_wait

EXAMPLE = (
    Path(__file__).resolve().parents[3] / "shared" / "data" / "real" / "react-spreadsheet-import" / "exampleFile.csv"
)
CONTACTS = person_template(
    "Contacts", "contacts", {"key": "years", "type": "integer", "max": 90}, {"key": "team", "type": "string"}
)
EMAIL = re.compile(
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$"
)


def approved_migration(api: TestClient, headers: dict[str, str]) -> tuple[str, str]:
    """A migration with the Contacts template, the example file and a generated preview: (migration_id, file_id)."""
    created = api.post("/v1/migrations", json={"name": "Contacts", "templates": [CONTACTS]}, headers=headers)
    migration_id = str(created.json()["migration_id"])
    file = upload_and_wait(api, headers, migration_id, "exampleFile.csv", EXAMPLE.read_bytes())
    assert file["status"] == "ready", file
    run = api.post(f"/v1/migrations/{migration_id}/runs", json={"kind": "generate"}, headers=headers)
    assert run.status_code == 201, run.text
    wait_for_status(api, headers, migration_id, run.json()["run_id"], "awaiting_approval", timeout=60)
    return migration_id, str(file["file_id"])


def imports_url(company_id: str, run_id: str | None = None, tail: str = "") -> str:
    base = f"/v1/companies/{company_id}/imports"
    return base + (f"/{run_id}" if run_id else "") + tail


def post_import(api: TestClient, headers: dict[str, str], company_id: str, key: str, **body: Any) -> Any:
    return api.post(imports_url(company_id), json={"idempotency_key": key, **body}, headers=headers)


def poll(api: TestClient, headers: dict[str, str], company_id: str, run_id: str) -> dict[str, Any]:
    response = api.get(imports_url(company_id, run_id), headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def wait_for_import(
    api: TestClient, headers: dict[str, str], company_id: str, run_id: str, *statuses: str, timeout: float = 60
) -> dict[str, Any]:
    """Poll the import until its status is one of `statuses`."""

    def probe() -> dict[str, Any] | None:
        body = poll(api, headers, company_id, run_id)
        return body if body["status"] in statuses else None

    return wait_for(probe, timeout=timeout, what=f"import {run_id} to become {'/'.join(statuses)}")


def example_rows() -> list[dict[str, str]]:
    """The example file's rows, read independently of Ferry."""
    return list(csv.DictReader(EXAMPLE.open(encoding="utf-8", newline="")))


def read_csv(body: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(body.decode("utf-8"), newline="")))
