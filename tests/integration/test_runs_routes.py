"""Runs and preview routes: the contract's validation rules, history, preview versions and diff, export,
authentication and tenancy. The planner is the step double; everything else is real."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from ferry.core.outcomes import StepOutcome
from tests.integration.runs_support import CONTACTS, StepDouble, draft, ready_migration, wait_for_status

RUN = "run_01JJZ8Q6W3T5Y7X9A1B3C5D7E9"


@pytest.fixture
def double(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    planner = StepDouble(monkeypatch)
    yield planner
    planner.release()


def _runs(migration_id: str) -> str:
    return f"/v1/migrations/{migration_id}/runs"


def _generate_to_preview(api: TestClient, headers: dict[str, str], migration_id: str) -> str:
    run_id = str(api.post(_runs(migration_id), json={"kind": "generate"}, headers=headers).json()["run_id"])
    wait_for_status(api, headers, migration_id, run_id, "awaiting_approval")
    return run_id


@pytest.mark.parametrize(
    ("body", "param"),
    [({}, "kind"), ({"kind": "import"}, "kind"), ({"kind": "generate", "status": "running"}, "status")],
)
def test_a_missing_or_unknown_kind_is_400(api: TestClient, account, body: dict, param: str) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    migration_id = api.post("/v1/migrations", json={"name": "x", "templates": [CONTACTS]}, headers=acct.headers).json()[
        "migration_id"
    ]
    response = api.post(_runs(migration_id), json=body, headers=acct.headers)
    assert response.status_code == 400
    assert response.json()["error"]["param"] == param


def test_start_rules_of_the_contract(api: TestClient, account, double: StepDouble) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    bare = api.post("/v1/migrations", json={"name": "no files", "templates": [CONTACTS]}, headers=acct.headers).json()
    # Given: no ready file -> generate is a 400
    no_files = api.post(_runs(bare["migration_id"]), json={"kind": "generate"}, headers=acct.headers)
    assert no_files.status_code == 400 and no_files.json()["error"]["code"] == "no_ready_files"
    # And: update/clarify need a message (400) before anything else
    for kind in ("update", "clarify"):
        response = api.post(_runs(bare["migration_id"]), json={"kind": kind, "message": "  "}, headers=acct.headers)
        assert response.status_code == 400 and response.json()["error"]["param"] == "message"
    # And: without a preview, update/clarify/execute are 409 preview_required
    for body in ({"kind": "update", "message": "x"}, {"kind": "clarify", "message": "x"}, {"kind": "execute"}):
        response = api.post(_runs(bare["migration_id"]), json=body, headers=acct.headers)
        assert response.status_code == 409 and response.json()["error"]["code"] == "preview_required"
    # And: without templates every kind is 409 templates_required
    no_templates = ready_migration(api, acct.headers, templates=False)
    response = api.post(_runs(no_templates), json={"kind": "generate"}, headers=acct.headers)
    assert response.status_code == 409 and response.json()["error"]["code"] == "templates_required"
    # And: nothing was created by any of these
    assert api.get(_runs(bare["migration_id"]), headers=acct.headers).json() == {"runs": [], "next_cursor": None}


def test_history_is_newest_first_with_a_cursor(api: TestClient, account, double: StepDouble) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    migration_id = ready_migration(api, acct.headers)
    created = [_generate_to_preview(api, acct.headers, migration_id) for _ in range(3)]
    seen: list[str] = []
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = api.get(_runs(migration_id), params=params, headers=acct.headers).json()
        seen += [r["run_id"] for r in page["runs"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == list(reversed(created))
    assert api.get(_runs(migration_id), params={"cursor": "bogus"}, headers=acct.headers).status_code == 400
    assert api.get(_runs(migration_id), params={"status": "done"}, headers=acct.headers).status_code == 400
    # awaiting_approval has no extra fields
    run = api.get(f"{_runs(migration_id)}/{created[0]}", headers=acct.headers).json()
    assert set(run) == {"run_id", "kind", "status", "created_at", "updated_at"}


def test_preview_versions_and_diff(api: TestClient, account, double: StepDouble) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    migration_id = ready_migration(api, acct.headers)
    preview_url = f"/v1/migrations/{migration_id}/preview"
    assert api.get(preview_url, headers=acct.headers).status_code == 404
    # Given: two generate runs with different recipes
    double.generate_outcome = lambda: StepOutcome(preview=draft("Email"))
    first_run = _generate_to_preview(api, acct.headers, migration_id)
    double.generate_outcome = lambda: StepOutcome(preview=draft("E-mail"))
    second_run = _generate_to_preview(api, acct.headers, migration_id)
    # Then: the current preview is version 2, version 1 is still readable, the migration points at 2
    current = api.get(preview_url, headers=acct.headers).json()
    assert (current["version"], current["run_id"]) == (2, second_run)
    assert set(current) == {"preview_id", "version", "run_id", "created_at", "summary", "recipe", "mappings",
                            "unmapped_columns", "sheets"}  # fmt: skip
    old = api.get(preview_url, params={"version": 1}, headers=acct.headers).json()
    assert (old["version"], old["run_id"]) == (1, first_run)
    assert api.get(preview_url, params={"version": 3}, headers=acct.headers).status_code == 404
    assert api.get(f"/v1/migrations/{migration_id}", headers=acct.headers).json()["preview_version"] == 2
    # And: the diff names exactly what changed in the recipe
    diff = api.get(f"{preview_url}/diff", params={"from": 1}, headers=acct.headers).json()
    assert (diff["from"], diff["to"]) == (1, 2)
    assert sorted(diff["changes"], key=lambda c: c["path"]) == [
        {"op": "replace", "path": "/templates/0/fields/email/columns/0", "old": "Email", "new": "E-mail"},
        {"op": "replace", "path": "/version", "old": 1, "new": 2},  # a recipe's version is its preview's
    ]
    assert api.get(f"{preview_url}/diff", params={"from": 2, "to": 2}, headers=acct.headers).json()["changes"] == []
    assert api.get(f"{preview_url}/diff", params={"from": 2, "to": 1}, headers=acct.headers).status_code == 400
    assert api.get(f"{preview_url}/diff", headers=acct.headers).status_code == 400


def test_export_is_409_unless_a_completed_execute(api: TestClient, account, double: StepDouble) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    migration_id = ready_migration(api, acct.headers)
    run_id = _generate_to_preview(api, acct.headers, migration_id)
    response = api.get(f"{_runs(migration_id)}/{run_id}/export", headers=acct.headers)
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "run_not_exportable"


def _routes(migration_id: str, run_id: str) -> list[tuple[str, str, Any]]:
    base = f"/v1/migrations/{migration_id}"
    return [
        ("POST", f"{base}/runs", {"kind": "generate"}),
        ("GET", f"{base}/runs", None),
        ("GET", f"{base}/runs?status=active", None),
        ("GET", f"{base}/runs/{run_id}", None),
        ("PATCH", f"{base}/runs/{run_id}", {"status": "cancel_requested"}),
        ("POST", f"{base}/runs/{run_id}/messages", {"answers": []}),
        ("POST", f"{base}/runs/{run_id}/credentials", {"credentials": {}}),
        ("GET", f"{base}/runs/{run_id}/thread", None),
        ("GET", f"{base}/runs/{run_id}/export", None),
        ("GET", f"{base}/preview", None),
        ("GET", f"{base}/preview?version=1", None),
        ("GET", f"{base}/preview/diff?from=1", None),
    ]


def test_every_run_route_needs_a_key_and_hides_other_accounts(api: TestClient, account, double: StepDouble) -> None:  # type: ignore[no-untyped-def]
    # Given: account A's migration with a finished run and a preview
    owner, stranger = account(), account()
    migration_id = ready_migration(api, owner.headers)
    run_id = _generate_to_preview(api, owner.headers, migration_id)
    for method, path, body in _routes(migration_id, run_id):
        # Then: no key -> 401
        assert api.request(method, path, json=body).status_code == 401, (method, path)
        # And: account B gets 404, the same body as a truly missing migration
        response = api.request(method, path, json=body, headers=stranger.headers)
        assert response.status_code == 404, (method, path, response.text)
        assert response.json() == {"error": {"code": "not_found", "message": "Migration not found."}}
    # And: a run id that is not in this migration is a 404 too
    for method, path, body in _routes(migration_id, RUN)[3:9]:
        response = api.request(method, path, json=body, headers=owner.headers)
        assert response.status_code == 404, (method, path)
        assert response.json()["error"]["message"] == "Run not found."
    # And: account A still sees its run untouched
    assert api.get(f"{_runs(migration_id)}/{run_id}", headers=owner.headers).json()["status"] == "awaiting_approval"


def test_the_openapi_document_lists_the_run_routes(api: TestClient) -> None:
    paths = api.get("/openapi.json").json()["paths"]
    assert {
        "/v1/migrations/{migration_id}/runs",
        "/v1/migrations/{migration_id}/runs/{run_id}",
        "/v1/migrations/{migration_id}/runs/{run_id}/messages",
        "/v1/migrations/{migration_id}/runs/{run_id}/credentials",
        "/v1/migrations/{migration_id}/runs/{run_id}/thread",
        "/v1/migrations/{migration_id}/runs/{run_id}/export",
        "/v1/migrations/{migration_id}/preview",
        "/v1/migrations/{migration_id}/preview/diff",
    } <= set(paths)
    assert "409" in paths["/v1/migrations/{migration_id}/runs"]["post"]["responses"]
