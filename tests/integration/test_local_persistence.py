"""Local mode's state on disk (local/persistence.py) and raw PUT bodies (local/s3.py), against the moto stack."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from local import lambdas
from local.persistence import Snapshotter, StateDir, StateDirBusy
from local.stack import LocalStack
from tests.integration.uploads import start_upload, wait_for_status


def _migration(api: TestClient, headers: dict[str, str]) -> str:
    created = api.post("/v1/migrations", json={"name": "m"}, headers=headers)
    assert created.status_code == 201, created.text
    return str(created.json()["migration_id"])


def test_a_presigned_put_with_a_form_content_type_stores_the_bytes(api: TestClient, account, stack: LocalStack) -> None:  # type: ignore[no-untyped-def]
    """urllib's default Content-Type for a body is application/x-www-form-urlencoded; S3 stores the bytes anyway."""
    acct = account()
    migration_id = _migration(api, acct.headers)
    data = b"first_name,email\nAda,ada@example.com\nGrace,grace@example.com\n"
    body = start_upload(api, acct.headers, migration_id, "people.csv", data)
    upload = body["upload"]
    assert "Content-Type" not in upload["headers"]
    request = urllib.request.Request(upload["url"], data=data, method=upload["method"])
    for name, value in upload["headers"].items():
        request.add_header(name, value)
    with urllib.request.urlopen(request, timeout=30) as put:
        assert put.status == 200
    assert request.get_header("Content-type") == "application/x-www-form-urlencoded"  # what urllib sent
    lambdas.drain()
    file = wait_for_status(api, acct.headers, migration_id, body["file_id"])
    assert file["status"] == "ready", file
    assert file["sheets"][0]["row_count"] == 2


def _scan(stack: LocalStack) -> list[dict[str, Any]]:
    items = stack.client("dynamodb").scan(TableName=stack.table_name)["Items"]
    return sorted(items, key=lambda i: json.dumps(i, sort_keys=True, default=str))


def test_items_objects_and_secrets_survive_a_snapshot_and_restore(stack: LocalStack, tmp_path: Path) -> None:
    ddb, s3, sm = stack.client("dynamodb"), stack.client("s3"), stack.client("secretsmanager")
    ddb.put_item(
        TableName=stack.table_name,
        Item={
            "PK": {"S": "T#1"},
            "SK": {"S": "A"},
            "n": {"N": "12.5"},
            "blob": {"B": b"\x00\xffbinary"},
            "nested": {"M": {"list": {"L": [{"S": "x"}, {"N": "1"}, {"B": b"\x01"}]}, "flag": {"BOOL": True}}},
            "tags": {"SS": ["a", "b"]},
            "blobs": {"BS": [b"\x02", b"\x03"]},
            "nothing": {"NULL": True},
        },
    )
    s3.put_object(Bucket=stack.bucket_name, Key="exports/r/a b.csv", Body=b"x,y\n1,2\n", ContentType="text/csv",
                  Metadata={"owner": "acct_1"})  # fmt: skip
    s3.put_object(Bucket=stack.bucket_name, Key="uploads/acct/mig/file/data.csv", Body=b"a\n1\n")
    lambdas.drain()  # the ingestion that upload triggered
    arn = sm.create_secret(Name="ferry/connections/conn_1", SecretString='{"token":"t"}')["ARN"]
    before_items = _scan(stack)
    before_etag = s3.head_object(Bucket=stack.bucket_name, Key="exports/r/a b.csv")["ETag"]
    notifications = s3.get_bucket_notification_configuration(Bucket=stack.bucket_name)["LambdaFunctionConfigurations"]

    state = StateDir(tmp_path / "state").acquire()
    try:
        snapshots = Snapshotter(stack, state)
        assert snapshots.save() is True
        assert snapshots.save() is False  # nothing changed since
        files = sorted((state.path / "s3").rglob("*"))
        stamps = {f: f.stat().st_mtime_ns for f in files if f.is_file()}
        ddb.put_item(TableName=stack.table_name, Item={"PK": {"S": "T#2"}, "SK": {"S": "B"}})
        assert snapshots.save() is True
        assert {f: f.stat().st_mtime_ns for f in stamps} == stamps  # unchanged objects are not written again
        assert not list(state.path.rglob(".tmp-*"))
        assert (state.snapshot_path.stat().st_mode & 0o777) == 0o600  # it holds credentials
        before_items = _scan(stack)

        stack.reset()
        ingested: list[Any] = []
        lambdas.HANDLERS["IngestFunction"] = lambda event, context: ingested.append(event)
        restored = Snapshotter(stack, state).restore()
        lambdas.drain()
    finally:
        state.release()

    assert restored is not None and restored.objects == 2 and restored.secrets == 1
    assert ingested == []  # restored uploads are not ingested again
    assert _scan(stack) == before_items
    head = s3.head_object(Bucket=stack.bucket_name, Key="exports/r/a b.csv")
    assert (head["ETag"], head["ContentType"], head["Metadata"]) == (before_etag, "text/csv", {"owner": "acct_1"})
    assert s3.get_object(Bucket=stack.bucket_name, Key="exports/r/a b.csv")["Body"].read() == b"x,y\n1,2\n"
    assert sm.get_secret_value(SecretId=arn)["SecretString"] == '{"token":"t"}'  # same ARN as before
    after = s3.get_bucket_notification_configuration(Bucket=stack.bucket_name)["LambdaFunctionConfigurations"]
    assert [(n["LambdaFunctionArn"], n["Events"]) for n in after] == [
        (n["LambdaFunctionArn"], n["Events"]) for n in notifications
    ]


def test_a_state_dir_serves_one_server_at_a_time(tmp_path: Path) -> None:
    first = StateDir(tmp_path).acquire()
    with pytest.raises(StateDirBusy):
        StateDir(tmp_path).acquire()
    first.release()
    StateDir(tmp_path).acquire().release()


def test_an_unreadable_snapshot_is_set_aside_not_fatal(stack: LocalStack, tmp_path: Path) -> None:
    state = StateDir(tmp_path).acquire()
    try:
        state.snapshot_path.write_text("{not json")
        assert Snapshotter(stack, state).restore() is None
        assert [p.name.split("-")[0] for p in tmp_path.glob("snapshot.json.*")] == ["snapshot.json.unreadable"]
    finally:
        state.release()
