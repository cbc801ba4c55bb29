"""Integration-only fixtures and hooks: `setting` (one FERRY_ setting for one test), and the fault-injection
matrix (test_fault_injection.MATRIX) in the terminal summary."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from ferry.core.config import get_settings


@pytest.fixture
def setting(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str, str], None]]:
    """`setting(NAME, value)` changes one FERRY_ setting for this test only."""

    def change(name: str, value: str) -> None:
        monkeypatch.setenv(name, value)
        get_settings.cache_clear()

    yield change
    monkeypatch.undo()
    get_settings.cache_clear()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    module = sys.modules.get("tests.integration.test_fault_injection")
    matrix = getattr(module, "MATRIX", None)
    if not matrix:
        return
    terminalreporter.section("fault injection: fault x step -> outcome")
    for fault, step, target, outcome in matrix:
        terminalreporter.write_line(f"{fault:<58} {step:<13} {target:<45} {outcome}")
