"""The API function's SnapStart runtime hooks (functions/api/app.py): registered with the runtime's
snapshot_restore_py, the before-snapshot hook builds the app without touching AWS, and the after-restore hook
gives each resumed environment its own AWS clients and random sequence."""

from __future__ import annotations

import random
import sys
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import local  # noqa: F401 - puts the core layer on sys.path
from ferry.aws import clients
from local import lambdas

ROOT = Path(__file__).resolve().parents[2]
API = ROOT / "functions" / "api"


def _load_api(name: str) -> types.ModuleType:
    lambdas.load_handler(API, "app.handler", name)
    return sys.modules[f"ferry_functions.{name}"]


@pytest.fixture
def runtime_hooks(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, list[Callable[[], Any]]]]:
    """A stand-in for the Lambda runtime's snapshot_restore_py that records what gets registered."""
    registered: dict[str, list[Callable[[], Any]]] = {"before_snapshot": [], "after_restore": []}
    fake = types.ModuleType("snapshot_restore_py")
    fake.register_before_snapshot = registered["before_snapshot"].append  # type: ignore[attr-defined]
    fake.register_after_restore = registered["after_restore"].append  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "snapshot_restore_py", fake)
    yield registered


def test_in_the_lambda_runtime_both_hooks_are_registered(runtime_hooks: dict[str, list[Any]]) -> None:
    module = _load_api("ApiSnapStartHooks")
    assert runtime_hooks["before_snapshot"] == [module.before_snapshot]
    assert runtime_hooks["after_restore"] == [module.after_restore]


def test_without_the_runtime_library_the_handler_still_loads() -> None:
    assert "snapshot_restore_py" not in sys.modules
    module = _load_api("ApiNoSnapStart")
    assert callable(module.handler)


def test_before_snapshot_builds_the_app_and_creates_no_aws_client(monkeypatch: pytest.MonkeyPatch) -> None:
    module = _load_api("ApiBeforeSnapshot")
    clients.reset_clients()

    def no_client(*args: object, **kwargs: object) -> None:
        raise AssertionError("an AWS client was created before the snapshot")

    monkeypatch.setattr(clients, "_create", no_client)
    assert module._asgi is None
    module.before_snapshot()
    assert module._asgi is not None  # the snapshot holds the built app: a restored request builds nothing
    assert "boto3" in sys.modules
    assert clients._clients == {}


def test_after_restore_drops_cached_clients_and_reseeds_random(monkeypatch: pytest.MonkeyPatch) -> None:
    module = _load_api("ApiAfterRestore")
    # Given a client cached before the snapshot and the random state every restored environment would share
    monkeypatch.setitem(clients._clients, ("dynamodb", "", "us-east-1"), object())
    random.seed(1234)
    snapshot_state = random.getstate()
    shared_next = random.random()
    random.setstate(snapshot_state)

    module.after_restore()

    assert clients._clients == {}  # the next call builds a client with this environment's credentials
    assert random.random() != shared_next  # reseeded from os.urandom, not the snapshot's sequence
