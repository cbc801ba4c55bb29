"""DELETE of a migration against POST of a run (issue 15, item 6): the run's start is conditional on the
migration in the same transaction, and a deleted migration leaves no run, preview or thread items behind."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from fastapi.testclient import TestClient

from ferry.runs import lifecycle
from local.stack import LocalStack
from tests.integration.runs_support import StepDouble, ready_migration, wait_for_status


@pytest.fixture
def double(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    planner = StepDouble(monkeypatch)
    yield planner
    planner.release()


def _items_of(stack: LocalStack, migration_id: str, run_ids: set[str]) -> list[tuple[str, str]]:
    items = stack.client("dynamodb").scan(TableName=stack.table_name)["Items"]
    left = []
    for item in items:
        pk, sk = item["PK"]["S"], item["SK"]["S"]
        if pk == f"MIG#{migration_id}" or sk == f"MIG#{migration_id}" or any(r in pk for r in run_ids):
            left.append((pk, sk))
    return left


def test_concurrent_delete_and_start_never_both_succeed(  # type: ignore[no-untyped-def]
    api: TestClient, account, stack: LocalStack, double: StepDouble, monkeypatch: pytest.MonkeyPatch
) -> None:
    acct = account()
    migrations = [ready_migration(api, acct.headers) for _ in range(10)]
    double.hold()  # a run that started stays active: a delete after it must be a 409
    # The window between the start's checks and its write, widened so the race shows every time.
    original = lifecycle._create_holding_lock

    def slow_create(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.5)
        return original(*args, **kwargs)

    monkeypatch.setattr(lifecycle, "_create_holding_lock", slow_create)

    def start(mig: str) -> Any:
        return api.post(f"/v1/migrations/{mig}/runs", json={"kind": "generate"}, headers=acct.headers)

    def delete(mig: str) -> Any:
        time.sleep(0.2)
        return api.delete(f"/v1/migrations/{mig}", headers=acct.headers)

    with ThreadPoolExecutor(max_workers=20) as pool:
        pairs = [(pool.submit(start, m), pool.submit(delete, m)) for m in migrations]
        outcomes = [(s.result().status_code, d.result().status_code) for s, d in pairs]
    double.release()
    assert all(pair in {(201, 409), (404, 204)} for pair in outcomes), outcomes
    for mig, (_, deleted), (start_response, _) in zip(migrations, outcomes, pairs, strict=True):
        if deleted == 204:
            assert _items_of(stack, mig, set()) == [], mig
        else:  # let the run finish before the stack is reset
            run_id = start_response.result().json()["run_id"]
            wait_for_status(api, acct.headers, mig, run_id, "awaiting_approval")


def test_delete_removes_the_runs_previews_threads_and_what_memory_learned_from_it(  # type: ignore[no-untyped-def]
    api: TestClient, account, stack: LocalStack, double: StepDouble
) -> None:
    acct = account()
    mig = ready_migration(api, acct.headers)
    run_ids = set()
    for _ in range(2):  # two previews, two runs, two threads
        started = api.post(f"/v1/migrations/{mig}/runs", json={"kind": "generate"}, headers=acct.headers)
        run_id = started.json()["run_id"]
        wait_for_status(api, acct.headers, mig, run_id, "awaiting_approval")
        run_ids.add(run_id)
    learned = {"PK": {"S": f"ACCT#{acct.account_id}"}, "SK": {"S": "MEMORY#contacts#email#text#email"},
               "migration_id": {"S": mig}, "migration_name": {"S": "Runs"}}  # fmt: skip
    other = {"PK": {"S": f"ACCT#{acct.account_id}"}, "SK": {"S": "MEMORY#contacts#phone#phone#phone"},
             "migration_id": {"S": "mig_another"}, "migration_name": {"S": "Another"}}  # fmt: skip
    for item in (learned, other):
        stack.client("dynamodb").put_item(TableName=stack.table_name, Item=item)
    before = _items_of(stack, mig, run_ids)
    assert any(sk.startswith("RUN#") for _, sk in before) and any(sk.startswith("PREVIEW#") for _, sk in before)
    assert any(pk.startswith("RUN#") and sk.startswith("EVT#") for pk, sk in before)
    # When: the migration is deleted
    assert api.delete(f"/v1/migrations/{mig}", headers=acct.headers).status_code == 204
    # Then: nothing of it is left, not even what the account's memory learned from it; other memory stays
    assert [(pk, sk) for pk, sk in _items_of(stack, mig, run_ids) if not sk.startswith("MEMORY#")] == []
    ddb = stack.client("dynamodb")
    assert "Item" not in ddb.get_item(TableName=stack.table_name, Key={"PK": learned["PK"], "SK": learned["SK"]})
    assert "Item" in ddb.get_item(TableName=stack.table_name, Key={"PK": other["PK"], "SK": other["SK"]})
