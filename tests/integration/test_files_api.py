"""Files over the API: presigned uploads, tenancy, limits, listing and deletion, and real ingestion."""

from __future__ import annotations

import os
from urllib.parse import unquote, urlsplit

import pytest
from fastapi.testclient import TestClient

from ferry.core.config import get_settings
from ferry.core.ids import new_id
from local.stack import LocalStack
from tests.conftest import REAL_DATA
from tests.integration.uploads import install_sniff_spy, real_sniff_available, start_upload, upload_and_wait

needs_real_sniff = pytest.mark.skipif(not real_sniff_available(), reason="ferry.ingest.sniff not built yet")


def _migration(api: TestClient, headers: dict[str, str], name: str = "m") -> str:
    response = api.post("/v1/migrations", json={"name": name}, headers=headers)
    assert response.status_code == 201
    return str(response.json()["migration_id"])


def test_presign_answers_a_put_to_the_local_s3(api: TestClient, account, stack: LocalStack) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    mig = _migration(api, acct.headers)
    # When: an upload is started with a declared size and type
    response = api.post(
        f"/v1/migrations/{mig}/files",
        json={"filename": "contacts.csv", "content_type": "text/csv", "size": 1234},
        headers=acct.headers,
    )
    # Then: 201, pending, and a presigned PUT on the local S3 endpoint with the signed headers to send
    assert response.status_code == 201, response.text
    body = response.json()
    assert set(body) == {"file_id", "filename", "status", "upload"}
    assert body["status"] == "pending_upload" and body["filename"] == "contacts.csv"
    upload = body["upload"]
    assert upload["method"] == "PUT"
    assert upload["url"].startswith(stack.endpoint_url + "/" + stack.bucket_name + "/uploads/")
    assert upload["headers"] == {"Content-Type": "text/csv", "Content-Length": "1234"}
    assert "content-length" in unquote(upload["url"]).lower().split("x-amz-signedheaders=")[1]
    assert upload["expires_at"].endswith("Z")
    key = unquote(urlsplit(upload["url"]).path).split(f"/{stack.bucket_name}/", 1)[1]
    assert key == f"uploads/{acct.account_id}/{mig}/{body['file_id']}/contacts.csv"
    # And: the file is listed as pending
    listed = api.get(f"/v1/migrations/{mig}/files", headers=acct.headers).json()["files"]
    assert [(f["file_id"], f["status"], f["size"], f["content_type"]) for f in listed] == [
        (body["file_id"], "pending_upload", 1234, "text/csv")
    ]


def test_a_declared_size_over_the_limit_is_413(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    mig = _migration(api, acct.headers)
    limit = get_settings().max_upload_bytes
    # When: the declared size is one byte over the limit
    response = api.post(
        f"/v1/migrations/{mig}/files", json={"filename": "big.csv", "size": limit + 1}, headers=acct.headers
    )
    # Then: 413 in the error shape, naming the limit, and no file was recorded
    assert response.status_code == 413
    error = response.json()["error"]
    assert error["code"] == "payload_too_large"
    assert str(limit) in error["message"] and "512 MB" in error["message"]
    assert api.get(f"/v1/migrations/{mig}/files", headers=acct.headers).json()["files"] == []
    # And: exactly the limit is fine
    ok = api.post(f"/v1/migrations/{mig}/files", json={"filename": "big.csv", "size": limit}, headers=acct.headers)
    assert ok.status_code == 201


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\me\\contacts.csv", "contacts.csv"),
        ("  spaced   name.csv ", "spaced name.csv"),
        ("x" * 300 + ".csv", "x" * 251 + ".csv"),
    ],
)
def test_filenames_are_sanitised(api: TestClient, account, raw: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    mig = _migration(api, acct.headers)
    response = api.post(f"/v1/migrations/{mig}/files", json={"filename": raw}, headers=acct.headers)
    assert response.status_code == 201, response.text
    assert response.json()["filename"] == expected
    assert unquote(urlsplit(response.json()["upload"]["url"]).path).endswith("/" + expected)


@pytest.mark.parametrize(
    ("body", "param"),
    [
        ({"filename": "../"}, "filename"),
        ({"filename": "con\x00tacts.csv"}, "filename"),  # a NUL is refused, not silently stripped
        ({"filename": "report\u202egnp.csv"}, "filename"),  # a bidi override disguises the extension
        ({"filename": ""}, "filename"),
        ({}, "filename"),
        ({"filename": "a.csv", "size": -1}, "size"),
        ({"filename": "a.csv", "content_type": "not a type"}, "content_type"),
        ({"filename": "a.csv", "status": "ready"}, "status"),
    ],
)
def test_invalid_upload_requests_are_400(api: TestClient, account, body: dict, param: str) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    mig = _migration(api, acct.headers)
    response = api.post(f"/v1/migrations/{mig}/files", json=body, headers=acct.headers)
    assert response.status_code == 400, response.text
    assert response.json()["error"]["param"] == param


def test_another_accounts_objects_are_404_exactly_like_missing_ones(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    # Given: account A with a migration and a file; account B with its own migration
    alice, bob = account(), account()
    mig = _migration(api, alice.headers)
    file_id = start_upload(api, alice.headers, mig, "a.csv", b"a\n1\n")["file_id"]
    bobs_mig = _migration(api, bob.headers)
    missing_mig, missing_file = new_id("mig"), new_id("file")
    routes = [
        ("GET", "/v1/migrations/{m}", None),
        ("PUT", "/v1/migrations/{m}/templates", []),
        ("POST", "/v1/migrations/{m}/files", {"filename": "x.csv"}),
        ("GET", "/v1/migrations/{m}/files", None),
        ("GET", "/v1/migrations/{m}/files/{f}", None),
        ("DELETE", "/v1/migrations/{m}/files/{f}", None),
        ("DELETE", "/v1/migrations/{m}", None),
    ]
    for method, template, body in routes:
        # When: B uses A's ids, and ids that never existed
        theirs = api.request(method, template.format(m=mig, f=file_id), json=body, headers=bob.headers)
        absent = api.request(method, template.format(m=missing_mig, f=missing_file), json=body, headers=bob.headers)
        # Then: both are 404 with byte-identical bodies
        assert theirs.status_code == absent.status_code == 404, (method, template, theirs.text)
        assert theirs.content == absent.content, (method, template)
    # And: A's file under B's own migration is also just missing
    crossed = api.get(f"/v1/migrations/{bobs_mig}/files/{file_id}", headers=bob.headers)
    never = api.get(f"/v1/migrations/{bobs_mig}/files/{missing_file}", headers=bob.headers)
    assert crossed.status_code == never.status_code == 404
    assert crossed.content == never.content
    # And: nothing of A's changed
    mine = api.get(f"/v1/migrations/{mig}", headers=alice.headers)
    assert mine.status_code == 200
    assert [f["file_id"] for f in mine.json()["files"]] == [file_id]


def test_delete_a_file_removes_its_object_and_manifest(  # type: ignore[no-untyped-def]
    api: TestClient, account, stack: LocalStack, monkeypatch
) -> None:
    install_sniff_spy(monkeypatch)
    acct = account()
    mig = _migration(api, acct.headers)
    kept = upload_and_wait(api, acct.headers, mig, "keep.csv", b"a,b\n1,2\n")
    gone = upload_and_wait(api, acct.headers, mig, "gone.csv", b"a,b\n3,4\n")
    assert gone["status"] == "ready"
    s3 = stack.client("s3")
    before = {o["Key"] for o in s3.list_objects_v2(Bucket=stack.bucket_name)["Contents"]}
    assert f"manifests/{acct.account_id}/{mig}/{gone['file_id']}.json" in before
    # When: one file is deleted
    response = api.delete(f"/v1/migrations/{mig}/files/{gone['file_id']}", headers=acct.headers)
    # Then: 204; it is gone from the API and from S3; the other file is untouched
    assert response.status_code == 204
    assert api.get(f"/v1/migrations/{mig}/files/{gone['file_id']}", headers=acct.headers).status_code == 404
    after = {o["Key"] for o in s3.list_objects_v2(Bucket=stack.bucket_name)["Contents"]}
    assert not any(gone["file_id"] in key for key in after)
    assert any(kept["file_id"] in key for key in after)
    assert api.get(f"/v1/migrations/{mig}/files", headers=acct.headers).json()["files"] == [kept]


@needs_real_sniff
def test_a_real_csv_uploaded_through_the_url_becomes_ready(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    # Given: react-spreadsheet-import's example file (1000 rows, 6 columns)
    acct = account()
    mig = _migration(api, acct.headers)
    data = (REAL_DATA / "react-spreadsheet-import" / "exampleFile.csv").read_bytes()
    # When: it is uploaded through the presigned URL
    file = upload_and_wait(api, acct.headers, mig, "exampleFile.csv", data)
    # Then: it is ready, with one sheet of 1000 rows and 6 columns
    assert file["status"] == "ready", file
    assert file["error"] is None
    assert file["size"] == len(data)
    (sheet,) = file["sheets"]
    assert sheet["row_count"] == 1000
    assert len(sheet["columns"]) == 6
    assert all(isinstance(c, str) and c for c in sheet["columns"])
    # And: the migration lists it
    files = api.get(f"/v1/migrations/{mig}", headers=acct.headers).json()["files"]
    assert files == [file]


@needs_real_sniff
def test_random_binary_is_rejected_with_a_reason(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    mig = _migration(api, acct.headers)
    file = upload_and_wait(api, acct.headers, mig, "export.csv", os.urandom(4096))
    assert file["status"] == "rejected"
    assert isinstance(file["error"], str) and len(file["error"]) > 10
    assert file["sheets"] is None
