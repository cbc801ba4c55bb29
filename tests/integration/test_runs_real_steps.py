"""Runs with the real steps (no doubles) on a real messy file: the matcher plans, the engine previews and
executes, the report and the exports agree with an independent count, and a failed execute leaves nothing."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from ferry.aws.s3 import Blobs
from ferry.core.config import get_settings
from ferry.core.outcomes import TransientStepError
from ferry.engine import parts as engine_parts
from ferry.runs import steps
from tests.helpers import person_template
from tests.integration.imports_support import EMAIL, EXAMPLE
from tests.integration.runs_support import wait_for_status
from tests.integration.uploads import upload_and_wait

PEOPLE = person_template("People", "people", {"key": "team", "type": "string"})


def _run(api: TestClient, headers: dict[str, str], migration_id: str, **body: object) -> str:
    response = api.post(f"/v1/migrations/{migration_id}/runs", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return str(response.json()["run_id"])


def _expected() -> tuple[int, set[int]]:
    """Independently of the engine: the rows, and the 1-based rows whose email is not a valid address or
    repeats an earlier one (case-insensitively, after trimming)."""
    rows = list(csv.DictReader(EXAMPLE.open(encoding="utf-8", newline="")))
    seen: set[str] = set()
    bad: set[int] = set()
    for i, row in enumerate(rows, start=1):
        email = row["email"].strip().lower()
        if not row["firstname"].strip() or not EMAIL.match(email) or email in seen:
            bad.add(i)
        seen.add(email)
    return len(rows), bad


def _read_csv(body: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(body.decode("utf-8"), newline="")))


@pytest.fixture
def people_migration(api: TestClient, account):  # type: ignore[no-untyped-def]
    acct = account()
    created = api.post("/v1/migrations", json={"name": "People", "templates": [PEOPLE]}, headers=acct.headers)
    migration_id = created.json()["migration_id"]
    file = upload_and_wait(api, acct.headers, migration_id, "exampleFile.csv", EXAMPLE.read_bytes())
    assert file["status"] == "ready", file
    return acct, migration_id


@pytest.fixture
def previewed(api: TestClient, people_migration):  # type: ignore[no-untyped-def]
    """The People migration generated to its first preview."""
    acct, migration_id = people_migration
    run_id = _run(api, acct.headers, migration_id, kind="generate")
    wait_for_status(api, acct.headers, migration_id, run_id, "awaiting_approval", timeout=60)
    return acct, migration_id


def test_generate_preview_execute_report_and_exports(api: TestClient, people_migration) -> None:  # type: ignore[no-untyped-def]
    acct, migration_id = people_migration
    # When: generate runs with the real matcher and the engine's preview
    run_id = _run(api, acct.headers, migration_id, kind="generate")
    wait_for_status(api, acct.headers, migration_id, run_id, "awaiting_approval", timeout=60)
    preview = api.get(f"/v1/migrations/{migration_id}/preview", headers=acct.headers).json()
    # Then: fields are mapped with their transforms, and the sample rows are transformed and checked
    sources = {m["field"]: (m["source"] or {}).get("column") for m in preview["mappings"]}
    assert sources == {"first_name": "firstname", "last_name": "lastname", "email": "email", "team": "team"}
    email_mapping = next(m for m in preview["mappings"] if m["field"] == "email")
    assert {"op": "email_normalize"} in email_mapping["transform"]
    (sheet,) = preview["sheets"]
    assert sheet["rowCount"] == 1000 and len(sheet["rows"]) == 50
    assert sheet["rows"][0]["email"] == "christy.rodmann@mailmail.com"  # normalised, not as in the file
    assert preview["recipe"]["version"] == 1
    assert preview["recipe"]["templates"][0]["fields"][2]["field"] == "email"

    # When: the preview is executed
    execute = _run(api, acct.headers, migration_id, kind="execute")
    done = wait_for_status(api, acct.headers, migration_id, execute, "completed", "failed", timeout=60)
    # Then: the report matches an independent count of the file
    total, bad = _expected()
    assert done["status"] == "completed", done
    report = done["report"]
    assert report["totalRows"] == total == 1000
    assert report["templates"] == [{"templateName": "People", "sheetId": "people", "rowCount": 1000}]
    assert report["invalidCellCount"] == len(bad) > 0
    email_profile = next(c for c in report["profile"]["columns"] if c["column"] == "email")
    assert email_profile["source"]["filled"] == email_profile["output"]["filled"] == 1000
    # And: the valid export leaves out exactly the flagged rows, the invalid one lists them with reasons
    url = f"/v1/migrations/{migration_id}/runs/{execute}/export"
    valid = api.get(url, headers=acct.headers)
    assert valid.status_code == 200 and valid.headers["content-type"].startswith("text/csv")
    valid_rows = _read_csv(valid.content)
    assert len(valid_rows) == total - len(bad) and list(valid_rows[0]) == ["first_name", "last_name", "email", "team"]
    invalid_rows = _read_csv(api.get(url, params={"filter": "invalid"}, headers=acct.headers).content)
    assert {int(r["_row"]) for r in invalid_rows} == bad
    assert all(r["_errors"].startswith("email: ") for r in invalid_rows if r["email"])
    every = _read_csv(api.get(url, params={"filter": "all", "template": "people"}, headers=acct.headers).content)
    assert len(every) == total
    # And: the thread told the story
    thread = api.get(f"/v1/migrations/{migration_id}/runs/{execute}/thread", headers=acct.headers).json()
    texts = [e["text"] for e in thread["events"]]
    assert "Validating 1,000 rows for People." in texts and "Saving the import: 1,000 rows." in texts
    # And: a wrong template or filter is a 400, a non-execute run a 409
    assert api.get(url, params={"template": "nope"}, headers=acct.headers).status_code == 400
    assert api.get(url, params={"filter": "some"}, headers=acct.headers).status_code == 400
    generate_export = api.get(f"/v1/migrations/{migration_id}/runs/{run_id}/export", headers=acct.headers)
    assert generate_export.status_code == 409 and generate_export.json()["error"]["code"] == "run_not_exportable"


def test_large_export_redirects_to_a_presigned_url(api: TestClient, previewed, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    acct, migration_id = previewed
    execute = _run(api, acct.headers, migration_id, kind="execute")
    wait_for_status(api, acct.headers, migration_id, execute, "completed", timeout=60)
    monkeypatch.setenv("FERRY_EXPORT_INLINE_MAX_BYTES", "100")
    get_settings.cache_clear()
    try:
        response = api.get(
            f"/v1/migrations/{migration_id}/runs/{execute}/export", headers=acct.headers, follow_redirects=False
        )
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
    assert response.status_code == 302
    downloaded = httpx.get(response.headers["location"], timeout=30)
    assert downloaded.status_code == 200 and len(_read_csv(downloaded.content)) == 1000 - len(_expected()[1])


def test_failure_mid_execute_imports_nothing(
    api: TestClient, previewed, stack, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    acct, migration_id = previewed
    # Given: the engine's uploads succeed for the exports, then S3 fails in the middle of the row parts
    real_upload = Blobs.upload_file
    uploaded: list[str] = []

    def failing_upload(self: Blobs, key: str, path: Path, content_type: str) -> str:
        if key.endswith(".parquet"):
            raise OSError("connection reset while uploading")
        uploaded.append(key)
        return real_upload(self, key, path, content_type)

    monkeypatch.setattr(Blobs, "upload_file", failing_upload)
    # When: execute runs
    execute = _run(api, acct.headers, migration_id, kind="execute")
    failed = wait_for_status(api, acct.headers, migration_id, execute, "failed", "completed", timeout=60)
    # Then: it failed in plain words, what it had uploaded is gone, and there is nothing to export
    assert failed["status"] == "failed" and "Nothing was imported" in failed["error"]
    assert uploaded and all(k.startswith(f"exports/{execute}/") for k in uploaded)
    s3 = stack.client("s3")
    bucket = stack.bucket_name
    for prefix in (f"exports/{execute}/", f"runs/{execute}/output/"):
        assert s3.list_objects_v2(Bucket=bucket, Prefix=prefix).get("KeyCount", 0) == 0
    export = api.get(f"/v1/migrations/{migration_id}/runs/{execute}/export", headers=acct.headers)
    assert export.status_code == 409
    assert api.get(f"/v1/migrations/{migration_id}/runs?status=active", headers=acct.headers).json() == {"run": None}


def test_engine_failure_is_a_plain_failed_run(api: TestClient, previewed, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    acct, migration_id = previewed

    def disk_full(frame: object, path: Path) -> None:
        raise OSError("No space left on device")

    monkeypatch.setattr(engine_parts, "write_output", disk_full)
    execute = _run(api, acct.headers, migration_id, kind="execute")
    failed = wait_for_status(api, acct.headers, migration_id, execute, "failed", "completed", timeout=60)
    assert failed["status"] == "failed" and "No space" not in failed["error"]
    assert "Nothing was imported" in failed["error"]


def test_an_execute_retried_after_a_partial_upload_imports_each_row_once(
    api: TestClient, previewed, stack, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    acct, migration_id = previewed
    # Given: the first attempt uploads the exports, then S3 throttles the row parts (a transient error)
    real_upload = Blobs.upload_file
    failures: list[str] = []

    def throttled_once(self: Blobs, key: str, path: Path, content_type: str) -> str:
        if key.endswith(".parquet") and not failures:
            failures.append(key)
            raise TransientStepError("SlowDown")
        return real_upload(self, key, path, content_type)

    monkeypatch.setattr(Blobs, "upload_file", throttled_once)
    # When: execute runs; Step Functions retries the task
    execute = _run(api, acct.headers, migration_id, kind="execute")
    done = wait_for_status(api, acct.headers, migration_id, execute, "completed", "failed", timeout=90)
    # Then: it completed once, said it retried, and every row is in the exports exactly once
    assert done["status"] == "completed" and failures
    thread = api.get(f"/v1/migrations/{migration_id}/runs/{execute}/thread", headers=acct.headers).json()
    assert "Retrying (attempt 2 of 5)." in [e["text"] for e in thread["events"]]
    url = f"/v1/migrations/{migration_id}/runs/{execute}/export"
    every = _read_csv(api.get(url, params={"filter": "all"}, headers=acct.headers).content)
    assert sorted(int(r["_row"]) for r in every) == list(range(1, 1001))
    s3 = stack.client("s3")
    parts = s3.list_objects_v2(Bucket=stack.bucket_name, Prefix=f"runs/{execute}/output/")["Contents"]
    assert [p["Key"].rsplit("/", 1)[-1] for p in parts] == ["part-00000.parquet"]


def test_a_large_csv_is_previewed_from_its_first_bytes(
    api: TestClient, people_migration, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    acct, migration_id = people_migration
    # Given: previews read at most 2 KB of a CSV (about 34 of exampleFile's 1000 rows)
    monkeypatch.setattr(steps, "PREVIEW_PREFIX_BYTES", 2048)
    real_download = Blobs.download
    ranges: list[int | None] = []

    def spy(self: Blobs, key: str, path: Path, **kwargs: Any) -> bool:
        ranges.append(kwargs.get("max_bytes"))
        return real_download(self, key, path, **kwargs)

    monkeypatch.setattr(Blobs, "download", spy)
    # When: generate previews the file
    run_id = _run(api, acct.headers, migration_id, kind="generate")
    wait_for_status(api, acct.headers, migration_id, run_id, "awaiting_approval", timeout=60)
    (sheet,) = api.get(f"/v1/migrations/{migration_id}/preview", headers=acct.headers).json()["sheets"]
    # Then: the prefix was too short for 50 rows, so the whole file was read, and the rows are the file's
    assert ranges[:2] == [2048, None]
    assert len(sheet["rows"]) == 50 and sheet["rowCount"] == 1000
    # When: the prefix holds enough rows
    ranges.clear()
    monkeypatch.setattr(steps, "PREVIEW_PREFIX_BYTES", 8192)
    run_id = _run(api, acct.headers, migration_id, kind="generate")
    wait_for_status(api, acct.headers, migration_id, run_id, "awaiting_approval", timeout=60)
    (again,) = api.get(f"/v1/migrations/{migration_id}/preview", headers=acct.headers).json()["sheets"]
    # Then: only the prefix was fetched, and the preview is the same
    assert ranges == [8192]
    assert again["rows"] == sheet["rows"] and again["errors"] == sheet["errors"]


def test_an_answer_about_team_values_reaches_the_preview(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    # Given: a template whose team is an enum none of exampleFile's teams spells exactly
    acct = account()
    team = {"key": "team", "type": "enum", "values": ["Engineering", "Human Resources", "Recruiting", "Operations"]}
    template = person_template("People", "people", team)
    created = api.post("/v1/migrations", json={"name": "People", "templates": [template]}, headers=acct.headers)
    migration_id = created.json()["migration_id"]
    file = upload_and_wait(api, acct.headers, migration_id, "exampleFile.csv", EXAMPLE.read_bytes())
    assert file["status"] == "ready", file
    # When: generate asks what the teams become, and the person answers in their own words
    run_id = _run(api, acct.headers, migration_id, kind="generate")
    blocked = wait_for_status(api, acct.headers, migration_id, run_id, "blocked", "awaiting_approval", "failed")
    (question,) = blocked["questions"]
    assert question["id"] == "people.q_team_values" and "'worker'" in question["question"]
    answer = {
        "question_id": question["id"],
        "custom": "Map team value 'worker' to 'Operations', HR means human resources",
    }
    sent = api.post(
        f"/v1/migrations/{migration_id}/runs/{run_id}/messages", json={"answers": [answer]}, headers=acct.headers
    )
    assert sent.status_code == 200, sent.text
    wait_for_status(api, acct.headers, migration_id, run_id, "awaiting_approval", timeout=60)
    # Then: the preview's recipe maps the values themselves, and flags neither of them
    preview = api.get(f"/v1/migrations/{migration_id}/preview", headers=acct.headers).json()
    (mapping,) = [m for m in preview["mappings"] if m["field"] == "team"]
    (value_map,) = [op["mapping"] for op in mapping["transform"] if op["op"] == "map_values"]
    assert value_map == {"Recruitment": "Recruiting", "worker": "Operations", "HR": "Human Resources"}
    (sheet,) = preview["sheets"]
    flagged = {e["value"] for e in sheet["errors"] if e["column"] == "team"}
    assert flagged and flagged.isdisjoint({"worker", "HR", "Operations", "Human Resources"})
    assert {"Operations", "Human Resources"} <= {r["team"] for r in sheet["rows"]}
