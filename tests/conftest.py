"""Shared fixtures: the embedded AWS stack (moto, bootstrapped from template.yaml) and API clients.

The stack starts once per session; every test that uses it gets a freshly reset, freshly bootstrapped
stack, so tests never see each other's data.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import local  # noqa: F401 - puts the core layer on sys.path
from local.stack import LocalStack

REAL_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "real"


@pytest.fixture(scope="session")
def real_data() -> Path:
    """The real CSV/XLSX files from public projects (read-only)."""
    if not REAL_DATA.is_dir():
        pytest.fail(f"shared test data not found at {REAL_DATA}")
    return REAL_DATA


@pytest.fixture(scope="session")
def _session_stack() -> Iterator[LocalStack]:
    stack = LocalStack().start()
    yield stack
    stack.stop()


@pytest.fixture
def stack(_session_stack: LocalStack) -> LocalStack:
    """A clean local AWS stack: every resource from template.yaml, no items, no objects."""
    _session_stack.reset()
    return _session_stack


@pytest.fixture
def api(stack: LocalStack):  # type: ignore[no-untyped-def]
    """A TestClient of the real FastAPI app, talking to the clean stack."""
    from fastapi.testclient import TestClient

    from ferry.api.app import create_app

    with TestClient(create_app(), raise_server_exceptions=False) as client:
        yield client


@dataclass(frozen=True)
class Account:
    account_id: str
    key: str

    @property
    def headers(self) -> dict[str, str]:
        return {"anx-api-key": self.key}


@pytest.fixture
def account(stack: LocalStack) -> Callable[[], Account]:
    """Factory: `account()` registers a fresh account with a fresh API key."""
    from ferry.api.auth import register_api_key
    from ferry.core.ids import new_id

    def make() -> Account:
        acct = Account(account_id=new_id("acct"), key="fk_" + secrets.token_urlsafe(24))
        register_api_key(acct.key, acct.account_id)
        return acct

    return make
