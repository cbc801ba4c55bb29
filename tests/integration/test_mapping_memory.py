"""Mapping memory through the API: what one migration's execute confirmed, the account's next generate maps
the same way; another account never sees it; it is listed, forgotten, and a migration can opt out."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from ferry.aws.dynamo import Store
from tests.helpers import person_template
from tests.integration.runs_support import wait_for_status
from tests.integration.uploads import upload_and_wait

PEOPLE = person_template("People", "people", {"key": "team", "type": "string"})
# `zz_fam` holds last names under a header the matcher cannot read; `qq_grp` holds teams the same way.
FILE_A = b"First Name,zz_fam,Email,qq_grp\nAda,Lovelace,ada@example.com,Math\nGrace,Hopper,grace@example.com,Navy\n"
FILE_B = b"First Name,zz_fam,Email\nMarie,Curie,marie@example.com\nEmmy,Noether,emmy@example.com\n"
MEMORY_RATIONALE = "as confirmed in migration Acme contacts"


def _migration(api: TestClient, headers: dict[str, str], name: str, data: bytes, **extra: Any) -> str:
    created = api.post("/v1/migrations", json={"name": name, "templates": [PEOPLE], **extra}, headers=headers)
    assert created.status_code == 201, created.text
    migration_id = str(created.json()["migration_id"])
    assert upload_and_wait(api, headers, migration_id, "people.csv", data)["status"] == "ready"
    return migration_id


def _settled_run(api: TestClient, headers: dict[str, str], migration_id: str, **body: object) -> dict[str, Any]:
    """Start a run and wait for it to stop working; a planner's questions get their first option."""
    started = api.post(f"/v1/migrations/{migration_id}/runs", json=body, headers=headers)
    assert started.status_code == 201, started.text
    run_id = started.json()["run_id"]
    while True:
        run = wait_for_status(
            api, headers, migration_id, run_id, "awaiting_approval", "blocked", "completed", "failed", timeout=60
        )
        if run["status"] != "blocked" or body.get("kind") != "generate":
            assert run["status"] in ("awaiting_approval", "completed"), run
            return run
        answers = [{"question_id": q["id"], "option_id": q["options"][0]["id"]} for q in run["questions"]]
        sent = api.post(
            f"/v1/migrations/{migration_id}/runs/{run_id}/messages", json={"answers": answers}, headers=headers
        )
        assert sent.status_code == 200, sent.text


def _mapping(api: TestClient, headers: dict[str, str], migration_id: str, field: str) -> dict[str, Any]:
    preview = api.get(f"/v1/migrations/{migration_id}/preview", headers=headers).json()
    mapping: dict[str, Any] = next(m for m in preview["mappings"] if m["field"] == field)
    return mapping


def _memory(api: TestClient, headers: dict[str, str], **params: object) -> dict[str, Any]:
    listed = api.get("/v1/mapping-memory", params=params, headers=headers)
    assert listed.status_code == 200, listed.text
    body: dict[str, Any] = listed.json()
    return body


def _confirm_zz_fam(api: TestClient, headers: dict[str, str]) -> str:
    """Migration 'Acme contacts': generate, the person's own update, execute; its id."""
    migration_id = _migration(api, headers, "Acme contacts", FILE_A)
    _settled_run(api, headers, migration_id, kind="generate")
    assert _mapping(api, headers, migration_id, "last_name")["source"] is None  # the matcher cannot read zz_fam
    _settled_run(api, headers, migration_id, kind="update", message="map zz_fam to last_name")
    _settled_run(api, headers, migration_id, kind="update", message="map qq_grp to team")
    assert _mapping(api, headers, migration_id, "last_name")["source"]["column"] == "zz_fam"
    assert _settled_run(api, headers, migration_id, kind="execute")["report"]["totalRows"] == 2
    return migration_id


def test_a_confirmed_mapping_is_used_by_the_accounts_next_generate_only(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    one, two = account(), account()
    # Given: account one executed a migration where the person mapped zz_fam to last_name themselves
    acme = _confirm_zz_fam(api, one.headers)

    # Then: the account's memory lists what was confirmed, with where it came from
    entries = _memory(api, one.headers)["entries"]
    zz_fam = next(e for e in entries if e["header"] == "zz_fam")
    assert zz_fam["field"] == "last_name" and zz_fam["sheet_id"] == "people" and zz_fam["template"] == "People"
    assert zz_fam["migration_id"] == acme and zz_fam["migration_name"] == "Acme contacts"
    assert zz_fam["normalized_header"] == "zz fam" and zz_fam["value_signature"] == "text"
    assert zz_fam["memory_id"].startswith("mem_") and zz_fam["confirmed_at"] and zz_fam["ops"][0] == {"op": "trim"}
    assert {e["field"] for e in entries} == {"first_name", "last_name", "email", "team"}

    # When: another migration of the account generates from a file with the same header
    second = _migration(api, one.headers, "Second office", FILE_B)
    _settled_run(api, one.headers, second, kind="generate")
    # Then: zz_fam is last_name at once, and the preview says why
    last_name = _mapping(api, one.headers, second, "last_name")
    assert last_name["source"]["column"] == "zz_fam"
    assert last_name["confidence"] == 0.97 and last_name["rationale"] == MEMORY_RATIONALE
    assert last_name["transform"] == zz_fam["ops"]
    preview = api.get(f"/v1/migrations/{second}/preview", headers=one.headers).json()
    assert preview["sheets"][0]["rows"][0]["last_name"] == "Curie"
    assert "zz_fam" not in [c["column"] for c in preview["unmapped_columns"]]

    # When: another account generates from the same file
    other = _migration(api, two.headers, "Elsewhere", FILE_B)
    _settled_run(api, two.headers, other, kind="generate")
    # Then: it knows nothing of account one's memory
    assert _mapping(api, two.headers, other, "last_name")["source"] is None
    assert _memory(api, two.headers) == {"entries": [], "next_cursor": None}
    refused = api.delete(f"/v1/mapping-memory/{zz_fam['memory_id']}", headers=two.headers)
    assert refused.status_code == 404 and refused.json()["error"]["code"] == "not_found"
    assert zz_fam in _memory(api, one.headers)["entries"]

    # When: account one forgets everything
    forgot = api.delete("/v1/mapping-memory", headers=one.headers)
    assert forgot.status_code == 204
    # Then: the list is empty and the next generate maps from the file alone
    assert _memory(api, one.headers)["entries"] == []
    third = _migration(api, one.headers, "Third office", FILE_B)
    _settled_run(api, one.headers, third, kind="generate")
    assert _mapping(api, one.headers, third, "last_name")["source"] is None


def test_entries_are_paged_filtered_and_forgotten_one_by_one(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    _confirm_zz_fam(api, acct.headers)
    everything = _memory(api, acct.headers)["entries"]
    # When: the list is read a page of one at a time
    seen, cursor = [], None
    while True:
        page = _memory(api, acct.headers, limit=1, **({"cursor": cursor} if cursor else {}))
        seen += page["entries"]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    # Then: the pages hold every entry once, by template then header
    assert seen == everything and len(everything) == 4
    assert [e["normalized_header"] for e in everything] == sorted(e["normalized_header"] for e in everything)
    # And: a filter on another template, and a cursor not issued by us
    assert _memory(api, acct.headers, template="companies")["entries"] == []
    assert len(_memory(api, acct.headers, template="people")["entries"]) == 4
    assert api.get("/v1/mapping-memory", params={"cursor": "nope"}, headers=acct.headers).status_code == 400

    # When: one entry is forgotten
    email = next(e for e in everything if e["field"] == "email")
    assert api.delete(f"/v1/mapping-memory/{email['memory_id']}", headers=acct.headers).status_code == 204
    # Then: only that one is gone, and forgetting it again is a 404
    assert [e for e in _memory(api, acct.headers)["entries"]] == [e for e in everything if e != email]
    assert api.delete(f"/v1/mapping-memory/{email['memory_id']}", headers=acct.headers).status_code == 404
    assert api.delete("/v1/mapping-memory/mem_nonsense", headers=acct.headers).status_code == 404
    assert api.get("/v1/mapping-memory").status_code == 401


def test_a_migration_without_mapping_memory_neither_uses_nor_records_it(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    acme = _confirm_zz_fam(api, acct.headers)
    before = _memory(api, acct.headers)["entries"]
    # Given: a migration created with mapping_memory false
    private = _migration(api, acct.headers, "Private", FILE_A, mapping_memory=False)
    assert api.get(f"/v1/migrations/{private}", headers=acct.headers).json()["mapping_memory"] is False
    assert api.get(f"/v1/migrations/{acme}", headers=acct.headers).json()["mapping_memory"] is True
    # When: it generates from a file with the remembered header
    _settled_run(api, acct.headers, private, kind="generate")
    # Then: memory is not used
    assert _mapping(api, acct.headers, private, "last_name")["source"] is None
    # When: it maps zz_fam to another field and executes
    _settled_run(api, acct.headers, private, kind="update", message="map zz_fam to team")
    assert _settled_run(api, acct.headers, private, kind="execute")["status"] == "completed"
    # Then: nothing of it was recorded
    assert _memory(api, acct.headers)["entries"] == before
    assert {e["migration_id"] for e in before} == {acme}


def test_executing_again_updates_the_entries_and_a_recording_failure_never_fails_the_import(
    api: TestClient, account, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    acme = _confirm_zz_fam(api, acct.headers)
    first = _memory(api, acct.headers)["entries"]
    # When: the same preview is executed again
    assert _settled_run(api, acct.headers, acme, kind="execute")["status"] == "completed"
    # Then: still one entry per column and field, with its id, confirmed anew
    again = _memory(api, acct.headers)["entries"]
    assert [(e["memory_id"], e["field"]) for e in again] == [(e["memory_id"], e["field"]) for e in first]
    assert all(a["confirmed_at"] > f["confirmed_at"] for a, f in zip(again, first, strict=True))

    # Given: the table refuses the memory's writes
    def refuse(self: Store, records: object) -> None:
        raise RuntimeError("table unavailable")

    monkeypatch.setattr(Store, "remember_mappings", refuse)
    # When: another migration executes
    other = _migration(api, acct.headers, "Other", FILE_B)
    _settled_run(api, acct.headers, other, kind="generate")
    done = _settled_run(api, acct.headers, other, kind="execute")
    # Then: the import completed all the same, and the memory is as it was
    assert done["status"] == "completed" and done["report"]["totalRows"] == 2
    assert _memory(api, acct.headers)["entries"] == again
