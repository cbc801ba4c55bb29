"""Helpers for tests that upload files through the presigned URL (real HTTP to the moto server)."""

from __future__ import annotations

import csv
import io
import sys
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from fastapi.testclient import TestClient

from ferry.core.domain import ColumnManifest, FileManifest, SheetManifest
from ferry.core.errors import FileRejected
from local import lambdas
from tests.helpers import wait_for


def start_upload(api: TestClient, headers: dict[str, str], migration_id: str, filename: str, data: bytes) -> dict:
    """POST .../files with the real size; returns the 201 body."""
    created = api.post(
        f"/v1/migrations/{migration_id}/files", json={"filename": filename, "size": len(data)}, headers=headers
    )
    assert created.status_code == 201, created.text
    return created.json()


def put_bytes(upload: dict, data: bytes) -> None:
    """PUT through the presigned URL, as a browser or curl would."""
    put = httpx.request(upload["method"], upload["url"], content=data, headers=upload["headers"], timeout=30)
    assert put.status_code in (200, 204), put.text


def upload_and_wait(
    api: TestClient, headers: dict[str, str], migration_id: str, filename: str, data: bytes
) -> dict[str, Any]:
    """Upload a file and wait until ingestion settles it (ready or rejected); returns GET .../files/{id}."""
    body = start_upload(api, headers, migration_id, filename, data)
    put_bytes(body["upload"], data)
    lambdas.drain()
    return wait_for_status(api, headers, migration_id, body["file_id"])


def wait_for_status(api: TestClient, headers: dict[str, str], migration_id: str, file_id: str) -> dict[str, Any]:
    def settled() -> dict[str, Any] | None:
        file = api.get(f"/v1/migrations/{migration_id}/files/{file_id}", headers=headers)
        assert file.status_code == 200, file.text
        return file.json() if file.json()["status"] != "pending_upload" else None

    return wait_for(settled, timeout=60, what=f"file {file_id} to be ingested")


def s3_event(bucket: str, key: str, etag: str, size: int, event_time: str = "2030-01-01T00:00:00.000Z") -> dict:
    """An ObjectCreated event as S3 sends it (key URL-encoded)."""
    from urllib.parse import quote_plus

    return {
        "Records": [
            {
                "eventVersion": "2.1",
                "eventSource": "aws:s3",
                "eventTime": event_time,
                "eventName": "ObjectCreated:Put",
                "s3": {
                    "bucket": {"name": bucket, "arn": f"arn:aws:s3:::{bucket}"},
                    "object": {"key": quote_plus(key), "size": size, "eTag": etag},
                },
            }
        ]
    }


def invoke_ingest(event: dict) -> Any:
    """Call the real ingest handler directly, as Lambda would on a (re)delivered event."""
    context = lambdas.LambdaContext(
        function_name="IngestFunction",
        invoked_function_arn="arn:aws:lambda:us-east-1:123456789012:function:IngestFunction",
    )
    return lambdas.HANDLERS["IngestFunction"](event, context)


class SniffSpy:
    """Counts sniff calls; delegates to ferry.ingest when it is installed, else to a tiny CSV stand-in."""

    def __init__(self) -> None:
        self.calls = 0
        self._real: Callable[..., FileManifest] | None = None

    def __call__(self, path: Path, filename: str, **limits: Any) -> FileManifest:
        self.calls += 1
        if self._real is not None:
            return self._real(path, filename, **limits)
        return _csv_stand_in(path)


def install_sniff_spy(monkeypatch: Any) -> SniffSpy:
    """Route ferry.ingest.sniff through a SniffSpy for this test."""
    spy = SniffSpy()
    try:
        import ferry.ingest as real
    except ImportError:  # ferry.ingest not built yet: a stand-in module keeps the handler tests meaningful
        module = types.ModuleType("ferry.ingest")
        module.sniff = spy  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, "ferry.ingest", module)
        return spy
    spy._real = getattr(real, "sniff", None)
    monkeypatch.setattr(real, "sniff", spy, raising=False)
    return spy


def _csv_stand_in(path: Path) -> FileManifest:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise FileRejected("This file is not a spreadsheet we can read.") from None
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        raise FileRejected("The file is empty.")
    columns = [ColumnManifest(name=h.strip(), header=h) for h in rows[0]]
    sheet = SheetManifest(sheet_id="sheet_1", name="Sheet 1", columns=columns, row_count=len(rows) - 1, header_row=0)
    return FileManifest(format="csv", size_bytes=len(raw), encoding="utf-8", delimiter=",", sheets=[sheet])


def real_sniff_available() -> bool:
    """True once ferry.ingest provides sniff (another part of the project builds it)."""
    try:
        import ferry.ingest as real
    except ImportError:
        return False
    return callable(getattr(real, "sniff", None))
