"""Integration-only hooks: the fault-injection matrix (test_fault_injection.MATRIX) in the terminal summary."""

from __future__ import annotations

import sys
from typing import Any


def pytest_terminal_summary(terminalreporter: Any) -> None:
    module = sys.modules.get("tests.integration.test_fault_injection")
    matrix = getattr(module, "MATRIX", None)
    if not matrix:
        return
    terminalreporter.section("fault injection: fault x step -> outcome")
    for fault, step, target, outcome in matrix:
        terminalreporter.write_line(f"{fault:<58} {step:<13} {target:<45} {outcome}")
