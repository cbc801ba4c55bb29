"""The ingest function on S3 ObjectCreated events: idempotent under redelivery, isolated on rejection."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient

from local.stack import LocalStack
from tests.integration.uploads import (
    install_sniff_spy,
    invoke_ingest,
    put_bytes,
    s3_event,
    start_upload,
    upload_and_wait,
    wait_for_status,
)

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = b"name,email,phone\nAda,ada@example.com,+441234\nGrace,grace@example.com,+15550100\n"
BINARY = (b"\x00\xff\xfe\x01" * 64)[: len(PEOPLE)]  # same size as PEOPLE, unreadable as text


def _object(stack: LocalStack, account_id: str, migration_id: str, file: dict) -> tuple[str, str, int]:
    key = f"uploads/{account_id}/{migration_id}/{file['file_id']}/{file['filename']}"
    head = stack.client("s3").head_object(Bucket=stack.bucket_name, Key=key)
    return key, head["ETag"].strip('"'), int(head["ContentLength"])


def test_redelivering_the_same_event_changes_nothing(api: TestClient, account, stack: LocalStack, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Given: a file that S3's first event has already made ready
    spy = install_sniff_spy(monkeypatch)
    acct = account()
    mig = api.post("/v1/migrations", json={"name": "m"}, headers=acct.headers).json()["migration_id"]
    first = upload_and_wait(api, acct.headers, mig, "people.csv", PEOPLE)
    assert first["status"] == "ready"
    assert spy.calls == 1
    key, etag, size = _object(stack, acct.account_id, mig, first)
    manifest_before = stack.client("s3").get_object(
        Bucket=stack.bucket_name, Key=f"manifests/{acct.account_id}/{mig}/{first['file_id']}.json"
    )["LastModified"]
    # When: the same event is delivered again, twice (S3 delivers at least once)
    event = s3_event(stack.bucket_name, key, etag, size)
    outcomes = [invoke_ingest(event), invoke_ingest(event)]
    # Then: nothing was read again and nothing changed
    assert outcomes == [{"outcomes": ["duplicate"]}, {"outcomes": ["duplicate"]}]
    assert spy.calls == 1
    assert api.get(f"/v1/migrations/{mig}/files/{first['file_id']}", headers=acct.headers).json() == first
    manifest_after = stack.client("s3").get_object(
        Bucket=stack.bucket_name, Key=f"manifests/{acct.account_id}/{mig}/{first['file_id']}.json"
    )["LastModified"]
    assert manifest_after == manifest_before


def test_a_stored_manifest_describes_the_file(api: TestClient, account, stack: LocalStack, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    install_sniff_spy(monkeypatch)
    acct = account()
    mig = api.post("/v1/migrations", json={"name": "m"}, headers=acct.headers).json()["migration_id"]
    file = upload_and_wait(api, acct.headers, mig, "people.csv", PEOPLE)
    body = stack.client("s3").get_object(
        Bucket=stack.bucket_name, Key=f"manifests/{acct.account_id}/{mig}/{file['file_id']}.json"
    )["Body"]
    manifest = json.loads(body.read())
    assert manifest["file_id"] == file["file_id"]
    assert manifest["format"] == "csv"
    assert [s["row_count"] for s in manifest["sheets"]] == [2]
    assert [c["name"] for c in manifest["sheets"][0]["columns"]] == file["sheets"][0]["columns"]


def test_a_rejected_file_changes_nothing_else(api: TestClient, account, stack: LocalStack, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Given: a migration with templates and a ready file
    install_sniff_spy(monkeypatch)
    acct = account()
    template = {"name": "People", "sheet_id": "people", "fields": [{"key": "name", "type": "string"}]}
    mig = api.post("/v1/migrations", json={"name": "m", "templates": [template]}, headers=acct.headers).json()
    good = upload_and_wait(api, acct.headers, mig["migration_id"], "people.csv", PEOPLE)
    before = api.get(f"/v1/migrations/{mig['migration_id']}", headers=acct.headers).json()
    # When: a binary file is uploaded as a CSV
    bad = upload_and_wait(api, acct.headers, mig["migration_id"], "export.csv", bytes(range(256)) * 16)
    # Then: that file alone is rejected with a reason
    assert bad["status"] == "rejected"
    assert bad["error"] and bad["sheets"] is None
    after = api.get(f"/v1/migrations/{mig['migration_id']}", headers=acct.headers).json()
    assert {k: v for k, v in after.items() if k != "files"} == {k: v for k, v in before.items() if k != "files"}
    assert after["files"] == [good, bad]
    # And: no manifest exists for the rejected file
    keys = [
        o["Key"] for o in stack.client("s3").list_objects_v2(Bucket=stack.bucket_name, Prefix="manifests/")["Contents"]
    ]
    assert keys == [f"manifests/{acct.account_id}/{mig['migration_id']}/{good['file_id']}.json"]


def test_an_event_for_an_unknown_file_is_ignored(stack: LocalStack, account) -> None:  # type: ignore[no-untyped-def]
    # Given: the sample event, naming a file nobody created
    event = json.loads((ROOT / "events" / "s3_object_created.json").read_text())
    account()
    items_before = stack.client("dynamodb").scan(TableName=stack.table_name)["Items"]
    # When: it is delivered
    result = invoke_ingest(event)
    # Then: it is ignored and nothing is written
    assert result == {"outcomes": ["ignored"]}
    assert stack.client("dynamodb").scan(TableName=stack.table_name)["Items"] == items_before
    assert "Contents" not in stack.client("s3").list_objects_v2(Bucket=stack.bucket_name)


def test_an_upload_after_the_file_was_deleted_is_dropped(
    api: TestClient, account, stack: LocalStack, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    # Given: an upload URL whose file is deleted before the bytes arrive
    spy = install_sniff_spy(monkeypatch)
    acct = account()
    mig = api.post("/v1/migrations", json={"name": "m"}, headers=acct.headers).json()["migration_id"]
    started = start_upload(api, acct.headers, mig, "late.csv", PEOPLE)
    assert api.delete(f"/v1/migrations/{mig}/files/{started['file_id']}", headers=acct.headers).status_code == 204
    # When: the bytes arrive anyway
    put_bytes(started["upload"], PEOPLE)
    from local import lambdas

    lambdas.drain()
    # Then: nothing was ingested and the orphaned object is removed
    assert spy.calls == 0
    assert "Contents" not in stack.client("s3").list_objects_v2(Bucket=stack.bucket_name, Prefix="uploads/")


def test_a_new_upload_to_the_same_url_is_ingested_again(
    api: TestClient, account, stack: LocalStack, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    # Given: a file that was rejected
    install_sniff_spy(monkeypatch)
    acct = account()
    mig = api.post("/v1/migrations", json={"name": "m"}, headers=acct.headers).json()["migration_id"]
    started = start_upload(api, acct.headers, mig, "people.csv", PEOPLE)
    put_bytes(started["upload"], BINARY)
    from local import lambdas

    lambdas.drain()
    assert wait_for_status(api, acct.headers, mig, started["file_id"])["status"] == "rejected"
    # When: the user fixes it and uploads again through the same (still valid) URL
    put_bytes(started["upload"], PEOPLE)
    lambdas.drain()
    # Then: the new object is ingested and the file is ready
    file = api.get(f"/v1/migrations/{mig}/files/{started['file_id']}", headers=acct.headers).json()
    assert file["status"] == "ready", file
    assert file["error"] is None
    assert file["sheets"][0]["row_count"] == 2
