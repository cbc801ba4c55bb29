"""Over HTTP against `make run`'s server: the first slice a newcomer tries with curl."""

from __future__ import annotations

import os

import httpx
import pytest

from tests.conftest import REAL_DATA
from tests.e2e.conftest import LocalServer
from tests.helpers import person_template, wait_for

pytestmark = pytest.mark.e2e

CONTACTS = person_template("Contacts", "contacts", {"key": "phone", "type": "phone"})

# (path under shared/data/real, data rows, columns) for files whose shape is known from their sources.
KNOWN_SHAPES = [
    ("react-spreadsheet-import/exampleFile.csv", 1000, 6),
    ("salesforce-dataloader/accountData.csv", 423, 38),
    ("salesforce-dataloader/csvtext_BOM_UTF16LE.csv", 2, 3),
    ("dedupe-examples/csv_example_messy_input.csv", 3337, None),
    ("csvkit/mac_newlines.csv", 2, None),
    ("frictionless-py/accent.csv", 2, 17),
]


def _upload(client: httpx.Client, server: LocalServer, account: str, migration_id: str, path, name=None) -> dict:
    data = path.read_bytes() if hasattr(path, "read_bytes") else path
    filename = name or path.name
    created = client.post(
        f"/v1/migrations/{migration_id}/files",
        json={"filename": filename, "size": len(data)},
        headers=server.headers(account),
    )
    assert created.status_code == 201, created.text
    body = created.json()
    upload = body["upload"]
    put = httpx.request(upload["method"], upload["url"], content=data, headers=upload.get("headers") or {})
    assert put.status_code in (200, 204), put.text

    def settled() -> dict | None:
        file = client.get(f"/v1/migrations/{migration_id}/files/{body['file_id']}", headers=server.headers(account))
        assert file.status_code == 200
        return file.json() if file.json()["status"] != "pending_upload" else None

    return wait_for(settled, timeout=60, what=f"{filename} to be ingested")


@pytest.fixture
def client(server: LocalServer):  # type: ignore[no-untyped-def]
    with httpx.Client(base_url=server.base_url, timeout=30) as http:
        yield http


def test_health_answers_without_a_key(client: httpx.Client) -> None:
    assert client.get("/v1/health").json() == {"status": "ok"}
    assert client.get("/v1/migrations").status_code == 401


def test_every_real_file_is_ingested_or_rejected_with_a_reason(client: httpx.Client, server: LocalServer) -> None:
    mig = client.post(
        "/v1/migrations", json={"name": "Real files", "templates": [CONTACTS]}, headers=server.headers("acct_alpha")
    )
    assert mig.status_code == 201, mig.text
    migration_id = mig.json()["migration_id"]
    known = {p: (rows, cols) for p, rows, cols in KNOWN_SHAPES}
    seen = 0
    for path in sorted(REAL_DATA.rglob("*")):
        if not path.is_file() or path.name == "SOURCES.md":
            continue
        file = _upload(client, server, "acct_alpha", migration_id, path)
        seen += 1
        rel = path.relative_to(REAL_DATA).as_posix()
        assert file["status"] in ("ready", "rejected"), (rel, file)
        if file["status"] == "rejected":
            assert file["error"] and len(file["error"]) > 10, (rel, file)
            continue
        assert file["sheets"], rel
        if rel in known:
            rows, cols = known[rel]
            sheet = file["sheets"][0]
            assert sheet["row_count"] == rows, (rel, sheet)
            if cols is not None:
                assert len(sheet["columns"]) == cols, (rel, sheet["columns"])
    assert seen >= 20
    listed = client.get(f"/v1/migrations/{migration_id}", headers=server.headers("acct_alpha")).json()
    assert len(listed["files"]) == seen


def test_multi_sheet_workbook_lists_its_sheets(client: httpx.Client, server: LocalServer) -> None:
    mig = client.post("/v1/migrations", json={"name": "Workbook"}, headers=server.headers("acct_alpha")).json()
    file = _upload(client, server, "acct_alpha", mig["migration_id"], REAL_DATA / "csvkit" / "sheets.xlsx")
    assert file["status"] == "ready"
    assert len(file["sheets"]) >= 2
    assert all(s["columns"] for s in file["sheets"])


def test_random_binary_is_rejected_and_changes_nothing_else(client: httpx.Client, server: LocalServer) -> None:
    mig = client.post("/v1/migrations", json={"name": "Binary"}, headers=server.headers("acct_alpha")).json()
    good = _upload(client, server, "acct_alpha", mig["migration_id"], REAL_DATA / "csvkit" / "blanks.csv")
    bad = _upload(client, server, "acct_alpha", mig["migration_id"], os.urandom(4096), name="export.csv")
    assert bad["status"] == "rejected"
    assert bad["error"]
    after = client.get(f"/v1/migrations/{mig['migration_id']}", headers=server.headers("acct_alpha")).json()
    assert {f["file_id"]: f["status"] for f in after["files"]} == {good["file_id"]: "ready", bad["file_id"]: "rejected"}
    assert after["name"] == "Binary"


def test_two_accounts_never_see_each_other(client: httpx.Client, server: LocalServer) -> None:
    mig = client.post("/v1/migrations", json={"name": "Alpha only"}, headers=server.headers("acct_alpha")).json()
    file = _upload(client, server, "acct_alpha", mig["migration_id"], REAL_DATA / "csvkit" / "blanks.csv")
    missing = client.get("/v1/migrations/mig_01ZZZZZZZZZZZZZZZZZZZZZZZZ", headers=server.headers("acct_beta"))
    assert missing.status_code == 404
    for path in (
        f"/v1/migrations/{mig['migration_id']}",
        f"/v1/migrations/{mig['migration_id']}/files/{file['file_id']}",
    ):
        other = client.get(path, headers=server.headers("acct_beta"))
        assert other.status_code == 404
        assert other.json()["error"]["code"] == missing.json()["error"]["code"]
    beta_list = client.get("/v1/migrations", headers=server.headers("acct_beta")).json()
    assert mig["migration_id"] not in [m["migration_id"] for m in beta_list["migrations"]]
