"""The `all` export is built when first asked for: an execute stores `valid` and `invalid` only, the first
`GET .../export?filter=all` has the worker function build `all` from the run's output rows (the bytes the
execute used to write), and later requests are served the stored one. Real steps, state machines and moto."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from ferry.aws import functions
from ferry.aws.dynamo import Store
from ferry.aws.s3 import Blobs, export_build_key, export_key, run_key
from ferry.engine import Inputs, execute
from ferry.engine.csv_export import EXPORT_FILTERS
from ferry.ingest import sniff
from ferry.runs import steps
from ferry.runs.tasks import handle
from tests.integration.imports_support import EXAMPLE, approved_migration, imports_url, post_import, wait_for_import
from tests.integration.runs_support import wait_for_status


def _rows(body: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))


@pytest.fixture
def invocations(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Every build the API asks the worker function for (the real invocation goes ahead)."""
    seen: list[dict[str, Any]] = []
    real = functions.invoke_run_task

    def counting(payload: dict[str, Any]) -> dict[str, Any]:
        seen.append(payload)
        return real(payload)

    monkeypatch.setattr(functions, "invoke_run_task", counting)
    return seen


def _executed(api: TestClient, acct: Any) -> tuple[str, str]:
    """The example file planned and executed: (migration_id, run_id) of the completed execute."""
    migration_id, _ = approved_migration(api, acct.headers)
    created = api.post(f"/v1/migrations/{migration_id}/runs", json={"kind": "execute"}, headers=acct.headers)
    assert created.status_code == 201, created.text
    run_id = str(created.json()["run_id"])
    done = wait_for_status(api, acct.headers, migration_id, run_id, "completed", "failed", timeout=60)
    assert done["status"] == "completed", done
    return migration_id, run_id


def _as_before(api: TestClient, acct: Any, migration_id: str, tmp_path: Path) -> dict[str, bytes]:
    """The exports the execute wrote before `all` was built on demand: the engine on the same file and recipe,
    writing all three."""
    migration = Store().get_migration(acct.account_id, migration_id)
    assert migration is not None
    preview = api.get(f"/v1/migrations/{migration_id}/preview", headers=acct.headers).json()
    recipe = steps.recipe_of(preview, migration.templates)
    manifest = sniff(EXAMPLE, EXAMPLE.name)
    inputs: Inputs = {tr.source.file_id: (EXAMPLE, manifest) for tr in recipe.templates}
    result = execute(recipe, migration.templates, inputs, tmp_path / "before", exports=EXPORT_FILTERS)
    return {name: (result.outputs["contacts"] / f"{name}.csv").read_bytes() for name in EXPORT_FILTERS}


def test_an_execute_stores_valid_and_invalid_and_all_is_built_once_on_request(
    api: TestClient, account, setting, invocations: list[dict[str, Any]], tmp_path: Path
) -> None:
    acct = account()
    migration_id, run_id = _executed(api, acct)
    blobs = Blobs()
    before = _as_before(api, acct, migration_id, tmp_path)
    # Then: the execute stored valid and invalid, as before, and no `all`
    assert blobs.get_bytes(export_key(run_id, "contacts", "valid")) == before["valid"]
    assert blobs.get_bytes(export_key(run_id, "contacts", "invalid")) == before["invalid"]
    assert blobs.size(export_key(run_id, "contacts", "all")) is None
    # When: `all` is asked for
    url = f"/v1/migrations/{migration_id}/runs/{run_id}/export"
    first = api.get(url, params={"filter": "all"}, headers=acct.headers)
    # Then: the worker built it once, byte for byte what the execute used to write, and it is stored
    assert first.status_code == 200, first.text
    assert first.headers["content-disposition"] == 'attachment; filename="contacts.all.csv"'
    assert first.content == before["all"]
    assert len(_rows(first.content)) == 1 + 1000
    assert [p["step"] for p in invocations] == ["build_export"]
    assert blobs.get_bytes(export_key(run_id, "contacts", "all")) == before["all"]
    assert blobs.size(export_build_key(run_id, "contacts", "all")) is None
    # When: it is asked for again
    second = api.get(url, params={"filter": "all", "template": "contacts"}, headers=acct.headers)
    # Then: the stored one is served, nothing built again
    assert second.status_code == 200 and second.content == before["all"]
    assert len(invocations) == 1
    # And: a large one is a redirect to the same bytes, as for the other exports
    setting("FERRY_EXPORT_INLINE_MAX_BYTES", "1000")
    redirect = api.get(url, params={"filter": "all"}, headers=acct.headers, follow_redirects=False)
    assert redirect.status_code == 302
    assert httpx.get(redirect.headers["location"]).content == before["all"]
    assert len(invocations) == 1


def test_a_build_longer_than_the_wait_answers_503_until_it_is_stored(
    api: TestClient, account, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    acct = account()
    migration_id, run_id = _executed(api, acct)
    before = _as_before(api, acct, migration_id, tmp_path)
    started: list[dict[str, Any]] = []

    def slow(payload: dict[str, Any]) -> dict[str, Any]:  # the invoked function is still running at the wait's end
        started.append(payload)
        raise functions.StillRunning("read timeout")

    monkeypatch.setattr(functions, "invoke_run_task", slow)
    url = f"/v1/migrations/{migration_id}/runs/{run_id}/export"
    # When: `all` is asked for and the build outlasts the wait
    waiting = api.get(url, params={"filter": "all"}, headers=acct.headers)
    # Then: 503 in the contract's error shape, with Retry-After
    assert waiting.status_code == 503
    assert waiting.headers["retry-after"] == "10"
    assert waiting.json()["error"]["code"] == "export_not_ready"
    # When: asked again while it runs: the same answer, and no second build
    again = api.get(url, params={"filter": "all"}, headers=acct.headers)
    assert again.status_code == 503 and len(started) == 1
    # When: the invoked build finishes (the task the API started, run to its end)
    assert handle(started[0]) == {"size": len(before["all"])}
    # Then: the next request is served the stored export, byte for byte
    done = api.get(url, params={"filter": "all"}, headers=acct.headers)
    assert done.status_code == 200 and done.content == before["all"]
    assert Blobs().size(export_build_key(run_id, "contacts", "all")) is None
    assert len(started) == 1


def test_all_of_a_run_whose_rows_are_gone_is_409_and_may_be_asked_again(
    api: TestClient, account, invocations: list[dict[str, Any]]
) -> None:
    acct = account()
    migration_id, run_id = _executed(api, acct)
    blobs = Blobs()
    blobs.delete_prefix(run_key(run_id, steps.OUTPUT))
    url = f"/v1/migrations/{migration_id}/runs/{run_id}/export"
    # When: `all` is asked for but the output rows are no longer stored
    gone = api.get(url, params={"filter": "all"}, headers=acct.headers)
    # Then: 409 export_missing, as for an export no longer stored; no marker is left behind to hold a retry
    assert gone.status_code == 409 and gone.json()["error"]["code"] == "export_missing"
    assert blobs.size(export_build_key(run_id, "contacts", "all")) is None
    assert api.get(url, params={"filter": "all"}, headers=acct.headers).status_code == 409
    assert len(invocations) == 2
    # And: when the run's exports have expired nothing is built at all
    blobs.delete([export_key(run_id, "contacts", "valid")])
    assert api.get(url, params={"filter": "all"}, headers=acct.headers).status_code == 409
    assert len(invocations) == 2


def test_an_import_builds_all_from_its_last_round(api: TestClient, account, invocations: list[dict[str, Any]]) -> None:
    acct = account()
    migration_id, _ = approved_migration(api, acct.headers)
    created = post_import(api, acct.headers, "acme", "all-1", migration_id=migration_id)
    assert created.status_code == 201, created.text
    run_id = created.json()["run_id"]
    assert wait_for_import(api, acct.headers, "acme", run_id, "needs_attention", "completed")["status"] == (
        "needs_attention"
    )
    # When: the proposed patch is approved (round 1), the import completes and `all` is asked for, twice
    decided = api.post(imports_url("acme", run_id, "/decisions"), json={"decision": "approve"}, headers=acct.headers)
    assert decided.status_code == 200, decided.text
    done = wait_for_import(api, acct.headers, "acme", run_id, "completed", "failed", "needs_attention")
    assert done["status"] == "completed", done
    url = imports_url("acme", run_id, "/export")
    assert Blobs().size(export_key(run_id, "contacts", "all")) is None
    every = api.get(url, params={"filter": "all"}, headers=acct.headers)
    assert every.status_code == 200, every.text
    again = api.get(url, params={"filter": "all"}, headers=acct.headers)
    assert again.status_code == 200 and again.content == every.content
    assert len(invocations) == 1
    # Then: it holds the patched rows, every one once: its flagged rows are the invalid export's lines and the
    # others the valid export's (without `_row` and `_errors`)
    valid = _rows(api.get(url, headers=acct.headers).content)
    invalid = _rows(api.get(url, params={"filter": "invalid"}, headers=acct.headers).content)
    header, *rows = _rows(every.content)
    assert header == [*valid[0], "_row", "_errors"] == invalid[0]
    assert len(rows) == done["report"]["totalRows"] == 1000 - done["decisions"][0]["result"]["rowsDeleted"]
    assert [r for r in rows if r[-1]] == invalid[1:]
    assert [r[:-2] for r in rows if not r[-1]] == valid[1:]
    assert [int(r[-2]) for r in rows] == sorted(int(r[-2]) for r in rows)
