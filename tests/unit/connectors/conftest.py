"""Fixtures for connector tests: the SSRF guard switch, recorded retry waits, the fake servers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ferry.connections.connectors import http
from ferry.core.config import get_settings
from tests.fakes.hubspot import FakeHubSpot, contact
from tests.fakes.salesforce import FakeSalesforce, account


@pytest.fixture
def guard_off(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local testing only: let connectors reach the fake servers on 127.0.0.1."""
    monkeypatch.setenv("FERRY_ALLOW_PRIVATE_HOSTS", "1")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def guard_on(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The production setting: private hosts refused."""
    monkeypatch.setenv("FERRY_ALLOW_PRIVATE_HOSTS", "0")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The retry waits the HTTP client asked for (recorded, not slept)."""
    recorded: list[float] = []
    monkeypatch.setattr(http, "sleep", recorded.append)
    return recorded


@pytest.fixture
def hubspot() -> Iterator[FakeHubSpot]:
    fake = FakeHubSpot({"contacts": [contact(i) for i in range(5)], "companies": [], "deals": []})
    fake.server.start()
    yield fake
    fake.server.stop()


@pytest.fixture
def salesforce() -> Iterator[FakeSalesforce]:
    fake = FakeSalesforce({"Account": [account(i) for i in range(5)]})
    fake.server.start()
    yield fake
    fake.server.stop()
