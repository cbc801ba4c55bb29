"""Company import routes: idempotency keys (Stripe's rules), one active import per company, tenancy, replaying
the recipe on other files, and the OpenAPI document. Everything is real: the state machine, the engine, moto."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi.testclient import TestClient

from tests.integration.imports_support import (
    EXAMPLE,
    approved_migration,
    imports_url,
    poll,
    post_import,
    read_csv,
    wait_for_import,
)
from tests.integration.runs_support import CONTACTS, wait_for_status
from tests.integration.uploads import upload_and_wait


def test_the_same_key_and_body_answer_the_same_import_in_any_state(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    migration_id, file_id = approved_migration(api, acct.headers)
    # When: an import starts, and the same request is sent again at once (keys in another order)
    first = post_import(api, acct.headers, "acme", "order-17", migration_id=migration_id)
    assert first.status_code == 201, first.text
    run_id = first.json()["run_id"]
    replay = api.post(
        imports_url("acme"),
        content=f'{{"migration_id": "{migration_id}",   "extract_via_api": false, "idempotency_key": "order-17"}}',
        headers={**acct.headers, "content-type": "application/json"},
    )
    # Then: the replay is a 200 with the same import, whatever state it is in
    assert replay.status_code == 200 and replay.json()["run_id"] == run_id
    assert set(replay.json()) == {"run_id", "status", "poll_url", "created_at"}
    wait_for_import(api, acct.headers, "acme", run_id, "needs_attention")
    parked = post_import(api, acct.headers, "acme", "order-17", migration_id=migration_id)
    assert (parked.status_code, parked.json()["run_id"], parked.json()["status"]) == (200, run_id, "needs_attention")
    # And: the key with another body is a 422 and changes nothing
    other = post_import(api, acct.headers, "acme", "order-17", migration_id=migration_id, file_ids=[file_id])
    assert other.status_code == 422 and other.json()["error"]["code"] == "idempotency_key_reused"
    # And: a new key while the company's import is in flight is a 409 naming it; the key stays unused
    busy = post_import(api, acct.headers, "acme", "order-18", migration_id=migration_id)
    assert busy.status_code == 409
    assert busy.json()["error"] == {
        "code": "import_in_progress",
        "message": "An import is already in progress for this company.",
        "run_id": run_id,
    }
    # And: other companies are not held up
    elsewhere = post_import(api, acct.headers, "globex", "order-17", migration_id=migration_id)
    assert elsewhere.status_code == 201 and elsewhere.json()["run_id"] != run_id
    # When: the import ends (rejected)
    decided = api.post(imports_url("acme", run_id, "/decisions"), json={"decision": "reject"}, headers=acct.headers)
    assert decided.status_code == 200
    wait_for_import(api, acct.headers, "acme", run_id, "failed")
    # Then: its key still answers it, now failed; the key refused with 409 now starts a new import
    again = post_import(api, acct.headers, "acme", "order-17", migration_id=migration_id)
    assert (again.status_code, again.json()["run_id"], again.json()["status"]) == (200, run_id, "failed")
    fresh = post_import(api, acct.headers, "acme", "order-18", migration_id=migration_id)
    assert fresh.status_code == 201 and fresh.json()["run_id"] != run_id
    for company, created in (("acme", fresh), ("globex", elsewhere)):
        api.patch(imports_url(company, created.json()["run_id"]), json={"status": "cancel_requested"},
                  headers=acct.headers)  # fmt: skip


def test_a_request_refused_before_creating_an_import_leaves_the_key_unused(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    acct, other = account(), account()
    migration_id, file_id = approved_migration(api, acct.headers)
    foreign = api.post("/v1/migrations", json={"name": "theirs"}, headers=other.headers).json()["migration_id"]
    refused: list[tuple[dict[str, Any], int, str | None]] = [
        ({}, 400, "migration_id"),
        ({"migration_id": migration_id, "status": "completed"}, 400, "status"),
        ({"migration_id": migration_id, "file_ids": ["file_01JJZ8Q6W3T5Y7X9A1B3C5D7E9"]}, 400, "file_ids[0]"),
        ({"migration_id": migration_id, "file_ids": []}, 400, "file_ids"),
        ({"migration_id": migration_id, "file_ids": [file_id], "extract_via_api": True}, 400, None),
        ({"migration_id": foreign}, 404, None),
    ]
    for body, status, param in refused:
        response = post_import(api, acct.headers, "acme", "key-1", **body)
        assert response.status_code == status, (body, response.text)
        if param is not None:
            assert response.json()["error"]["param"] == param
    # And: a key longer than 255 characters, or none, is a 400
    assert post_import(api, acct.headers, "acme", "k" * 256, migration_id=migration_id).status_code == 400
    assert post_import(api, acct.headers, "acme", "", migration_id=migration_id).status_code == 400
    assert post_import(api, acct.headers, "bad company!", "key-1", migration_id=migration_id).status_code == 400
    # When: the corrected request is sent with the same key (255 characters is fine)
    created = post_import(api, acct.headers, "acme", "key-1", migration_id=migration_id)
    long_key = post_import(api, acct.headers, "initech", "k" * 255, migration_id=migration_id)
    # Then: it creates the import
    assert created.status_code == 201, created.text
    assert long_key.status_code == 201, long_key.text
    for company, response in (("acme", created), ("initech", long_key)):
        api.patch(imports_url(company, response.json()["run_id"]), json={"status": "cancel_requested"},
                  headers=acct.headers)  # fmt: skip


def test_twenty_simultaneous_first_requests_with_one_key_create_one_import(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    migration_id, _ = approved_migration(api, acct.headers)
    barrier = threading.Barrier(20)

    def send(_: int) -> Any:
        barrier.wait()
        return post_import(api, acct.headers, "acme", "the-one-key", migration_id=migration_id)

    # When: 20 clients send the same first request at the same moment
    with ThreadPoolExecutor(max_workers=20) as pool:
        responses = list(pool.map(send, range(20)))
    # Then: one import: a single 201, nineteen 200s naming it
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200] * 19 + [201], statuses
    assert len({r.json()["run_id"] for r in responses}) == 1
    run_id = responses[0].json()["run_id"]
    history = api.get(imports_url("acme"), headers=acct.headers).json()
    assert [r["run_id"] for r in history["runs"]] == [run_id]
    wait_for_import(api, acct.headers, "acme", run_id, "needs_attention")
    api.patch(imports_url("acme", run_id), json={"status": "cancel_requested"}, headers=acct.headers)


def test_imports_of_another_account_do_not_exist(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    owner, stranger = account(), account()
    migration_id, _ = approved_migration(api, owner.headers)
    run_id = post_import(api, owner.headers, "acme", "k", migration_id=migration_id).json()["run_id"]
    wait_for_import(api, owner.headers, "acme", run_id, "needs_attention")
    # Then: every route of the owner's import is a 404 for another account, shaped like a missing one
    missing = "run_01JJZ8Q6W3T5Y7X9A1B3C5D7E9"
    for rid in (run_id, missing):
        routes = [("get", "", None), ("patch", "", {"status": "cancel_requested"}),
                  ("post", "/decisions", {"decision": "approve"}), ("get", "/export", None)]  # fmt: skip
        for method, tail, body in routes:
            response = api.request(method, imports_url("acme", rid, tail), json=body, headers=stranger.headers)
            assert response.status_code == 404, (method, tail, response.text)
            assert response.json() == {"error": {"code": "not_found", "message": "Run not found."}}
    # And: the same company id and key are unrelated in another account (its own migration is 404 to it)
    assert post_import(api, stranger.headers, "acme", "k", migration_id=migration_id).status_code == 404
    assert api.get(imports_url("acme"), headers=stranger.headers).json() == {"runs": [], "next_cursor": None}
    assert api.get(imports_url("acme"), params={"status": "active"}, headers=stranger.headers).json() == {"run": None}
    assert poll(api, owner.headers, "acme", run_id)["status"] == "needs_attention"
    api.patch(imports_url("acme", run_id), json={"status": "cancel_requested"}, headers=owner.headers)


def test_the_recipe_replays_on_another_file_of_the_migration(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    migration_id, _ = approved_migration(api, acct.headers)
    # Given: a second file with the same columns and twelve clean rows
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    valid = [line for line in lines[1:] if "Zsa Zsa" not in line and ",9" not in line and "pizza" not in line]
    clean = [lines[0], *valid[:12]]
    file = upload_and_wait(api, acct.headers, migration_id, "march.csv", ("\n".join(clean) + "\n").encode())
    assert file["status"] == "ready"
    # When: an import replays the recipe on it
    created = post_import(api, acct.headers, "acme", "march", migration_id=migration_id, file_ids=[file["file_id"]])
    assert created.status_code == 201, created.text
    done = wait_for_import(
        api, acct.headers, "acme", created.json()["run_id"], "completed", "failed", "needs_attention"
    )
    # Then: nothing needs a decision; it completes with that file's rows
    assert done["status"] == "completed", done
    assert set(done) == {"run_id", "status", "created_at", "updated_at", "migration_id", "report"}
    assert done["report"]["totalRows"] == 12 and done["report"]["invalidCellCount"] == 0
    assert done["report"]["patches"] == {"cellsSet": 0, "rowsDeleted": 0, "duplicatesDropped": 0}
    export = api.get(imports_url("acme", done["run_id"], "/export"), params={"filter": "all"}, headers=acct.headers)
    rows = read_csv(export.content)
    assert [r["email"] for r in rows] == [line.split(",")[5].lower() for line in clean[1:]]


def _planned_from_s3(api: TestClient, headers: dict[str, str], s3: Any) -> str:
    """A migration planned from an S3 connection (credentials sent when the generate run asked)."""
    s3.create_bucket(Bucket="customer-exports")
    s3.put_object(Bucket="customer-exports", Key="crm/contacts.csv", Body=b"First Name,Email\nAda,ada@example.com\n")
    migration_id = api.post("/v1/migrations", json={"name": "CRM", "templates": [CONTACTS]}, headers=headers).json()[
        "migration_id"
    ]
    connection = {"source_key": "s3", "config": {"bucket": "customer-exports", "prefix": "crm/"}}
    assert api.post(f"/v1/migrations/{migration_id}/connection", json=connection, headers=headers).status_code == 201
    runs_url = f"/v1/migrations/{migration_id}/runs"
    run_id = api.post(runs_url, json={"kind": "generate", "extract_via_api": True}, headers=headers).json()["run_id"]
    wait_for_status(api, headers, migration_id, run_id, "blocked")
    credentials = {"credentials": {"aws_access_key_id": "AKIAIOSFODNN7EXAMPLE", "aws_secret_access_key": "s3cr3t"}}
    assert api.post(f"{runs_url}/{run_id}/credentials", json=credentials, headers=headers).status_code == 200
    wait_for_status(api, headers, migration_id, run_id, "awaiting_approval")
    return migration_id


def test_an_import_can_extract_from_the_migration_connection_first(api: TestClient, account, stack) -> None:  # type: ignore[no-untyped-def]
    # Given: a migration planned from an S3 connection
    acct = account()
    s3 = stack.client("s3")
    migration_id = _planned_from_s3(api, acct.headers, s3)
    # And: the source now holds this month's contacts
    month = b"First Name,Email\nGrace,grace@example.com\nAlan,alan@example.com\nKatherine,kj@example.com\n"
    s3.put_object(Bucket="customer-exports", Key="crm/contacts.csv", Body=month)
    # When: an import extracts before it replays the recipe
    created = post_import(api, acct.headers, "acme", "march", migration_id=migration_id, extract_via_api=True)
    assert created.status_code == 201, created.text
    done = wait_for_import(
        api, acct.headers, "acme", created.json()["run_id"], "completed", "failed", "needs_attention"
    )
    # Then: it imports what the source holds now, and the connection's bookmarks move on
    assert done["status"] == "completed", done
    rows = read_csv(api.get(imports_url("acme", done["run_id"], "/export"), headers=acct.headers).content)
    assert [r["email"] for r in rows] == ["grace@example.com", "alan@example.com", "kj@example.com"]
    state = api.get(f"/v1/migrations/{migration_id}/connection", headers=acct.headers).json()["state"]
    assert state["contacts.csv"]["cursor"]
    # And: with nothing new at the source, the next import says so and imports nothing
    again = post_import(api, acct.headers, "acme", "april", migration_id=migration_id, extract_via_api=True)
    failed = wait_for_import(api, acct.headers, "acme", again.json()["run_id"], "failed", "completed")
    assert failed["error"] == "The connection gave no new records to import. Nothing was imported."


def _before_completing(monkeypatch: Any, action: Any) -> Any:
    """`action(lc, run)` happens in the instant before a run completes; the real completion follows it.
    Returns what puts the plain completion back."""
    from ferry.runs import lifecycle

    complete_run = lifecycle.complete_run

    def action_first(lc, run, report=None, also=()):  # type: ignore[no-untyped-def]
        action(lc, run)
        return complete_run(lc, run, report, also=also)

    monkeypatch.setattr(lifecycle, "complete_run", action_first)
    return lambda: monkeypatch.setattr(lifecycle, "complete_run", complete_run)


def test_an_import_canceled_as_it_commits_leaves_the_bookmarks_where_they_were(  # type: ignore[no-untyped-def]
    api: TestClient, account, stack, monkeypatch
) -> None:
    from ferry.runs import lifecycle

    # Given: a migration planned from an S3 connection whose source now holds new contacts
    acct = account()
    s3 = stack.client("s3")
    migration_id = _planned_from_s3(api, acct.headers, s3)
    before = api.get(f"/v1/migrations/{migration_id}/connection", headers=acct.headers).json()["state"]
    grace = b"First Name,Email\nGrace,grace@example.com\n"
    s3.put_object(Bucket="customer-exports", Key="crm/contacts.csv", Body=grace)
    # And: the import is canceled in the instant before it completes
    plain_completion = _before_completing(monkeypatch, lifecycle.cancel)
    created = post_import(api, acct.headers, "acme", "march", migration_id=migration_id, extract_via_api=True)
    assert created.status_code == 201, created.text
    done = wait_for_import(api, acct.headers, "acme", created.json()["run_id"], "canceled", "completed", "failed")
    # Then: nothing was imported, and the bookmarks stay where they were, so the next import reads Grace
    assert done["status"] == "canceled", done
    assert api.get(f"/v1/migrations/{migration_id}/connection", headers=acct.headers).json()["state"] == before
    plain_completion()
    again = post_import(api, acct.headers, "acme", "april", migration_id=migration_id, extract_via_api=True)
    finished = wait_for_import(api, acct.headers, "acme", again.json()["run_id"], "completed", "failed")
    assert finished["status"] == "completed", finished
    rows = read_csv(api.get(imports_url("acme", finished["run_id"], "/export"), headers=acct.headers).content)
    assert [r["email"] for r in rows] == ["grace@example.com"]


def test_an_import_whose_connection_was_replaced_as_it_commits_still_completes(  # type: ignore[no-untyped-def]
    api: TestClient, account, stack, monkeypatch
) -> None:
    from ferry.aws.dynamo import ConnectionStore

    # Given: a migration planned from an S3 connection
    acct = account()
    migration_id = _planned_from_s3(api, acct.headers, stack.client("s3"))
    # And: the connection is replaced by a new one in the instant before the import completes
    replacement: list[Any] = []

    def replace_connection(lc, run):  # type: ignore[no-untyped-def]
        connections = ConnectionStore(lc.store)
        (old,) = connections.list_for(migration_id)
        new = old.model_copy(update={"connection_id": "conn_replacement", "state": {}, "pending_state": None})
        assert connections.put(new, replacing=old.connection_id)
        replacement.append(new)

    _before_completing(monkeypatch, replace_connection)
    created = post_import(api, acct.headers, "acme", "march", migration_id=migration_id, extract_via_api=True)
    done = wait_for_import(api, acct.headers, "acme", created.json()["run_id"], "completed", "failed", "canceled")
    # Then: the import lands, and the new connection keeps its own (empty) bookmarks
    assert done["status"] == "completed", done
    rows = read_csv(api.get(imports_url("acme", done["run_id"], "/export"), headers=acct.headers).content)
    assert [r["email"] for r in rows] == ["ada@example.com"]
    (now,) = ConnectionStore().list_for(migration_id)
    assert replacement and now.connection_id == "conn_replacement" and now.state == {} and now.pending_state is None
