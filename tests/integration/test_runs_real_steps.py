"""Runs with the real steps (no doubles): the matcher plans a preview from an uploaded file, clarify answers
from it, and update/execute fail in plain language until the instruction editor and the engine land."""

from __future__ import annotations

from fastapi.testclient import TestClient

from ferry import steps
from tests.integration.runs_support import ready_migration, wait_for_status


def _run(api: TestClient, headers: dict[str, str], migration_id: str, **body: object) -> str:
    response = api.post(f"/v1/migrations/{migration_id}/runs", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return str(response.json()["run_id"])


def test_generate_maps_the_file_then_clarify_update_and_execute(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    # Given: a migration with a Contacts template and a CSV with obvious headers
    acct = account()
    migration_id = ready_migration(api, acct.headers)
    # When: generate runs with the real matcher
    run_id = _run(api, acct.headers, migration_id, kind="generate")
    wait_for_status(api, acct.headers, migration_id, run_id, "awaiting_approval", timeout=60)
    # Then: the preview maps both fields from the file, with sample rows as mapped
    preview = api.get(f"/v1/migrations/{migration_id}/preview", headers=acct.headers).json()
    sources = {m["field"]: (m["source"] or {}).get("column") for m in preview["mappings"]}
    assert sources == {"first_name": "First Name", "email": "Email"}
    assert all(m["confidence"] >= 0.8 for m in preview["mappings"])
    (sheet,) = preview["sheets"]
    assert sheet["rowCount"] == 2 and sheet["columns"] == ["first_name", "email"]
    assert sheet["rows"][0] == {"first_name": "Ada", "email": "ada@example.com"}
    assert preview["recipe"]["templates"][0]["fields"]["email"]["columns"] == ["Email"]
    # And: the thread shows the planner's progress
    thread = api.get(f"/v1/migrations/{migration_id}/runs/{run_id}/thread", headers=acct.headers).json()
    assert "Matching columns to Contacts." in [e["text"] for e in thread["events"]]

    # When: a clarify question names a field
    clarify = _run(api, acct.headers, migration_id, kind="clarify", message="Where does the email come from?")
    done = wait_for_status(api, acct.headers, migration_id, clarify, "completed", "failed")
    # Then: it completes with the answer in its thread, and the preview is unchanged
    assert done["status"] == "completed" and "report" not in done
    events = api.get(f"/v1/migrations/{migration_id}/runs/{clarify}/thread", headers=acct.headers).json()["events"]
    (reply,) = [e for e in events if e["type"] == "reply"]
    assert "'Email'" in reply["text"]
    assert api.get(f"/v1/migrations/{migration_id}", headers=acct.headers).json()["preview_version"] == 1

    # When: update and execute run before their engines exist
    update = _run(api, acct.headers, migration_id, kind="update", message="map Email to first_name")
    failed = wait_for_status(api, acct.headers, migration_id, update, "failed", "awaiting_approval")
    assert failed == {**failed, "status": "failed", "error": steps.EDIT_NOT_AVAILABLE}
    execute = _run(api, acct.headers, migration_id, kind="execute")
    failed = wait_for_status(api, acct.headers, migration_id, execute, "failed", "completed")
    # Then: both fail in plain language, nothing is imported, and the migration is free again
    assert failed["error"] in (steps.ENGINE_MISSING, steps.ENGINE_NOT_WIRED)
    assert api.get(f"/v1/migrations/{migration_id}/runs?status=active", headers=acct.headers).json() == {"run": None}
    export = api.get(f"/v1/migrations/{migration_id}/runs/{execute}/export", headers=acct.headers)
    assert export.status_code == 409
