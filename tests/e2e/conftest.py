"""End-to-end fixtures: the real `make run` server (python -m local.server) in a subprocess, over HTTP."""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.e2e.browser import SAVED, SCREENSHOTS, BrowserPage, open_page
from tests.e2e.browser import chromium as chromium  # a fixture: the browser plumbing lives in tests/e2e/browser.py

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class LocalServer:
    base_url: str
    keys: dict[str, str]  # account_id -> API key

    def headers(self, account_id: str) -> dict[str, str]:
        return {"anx-api-key": self.keys[account_id]}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalServer]:
    """`make run`'s server with four accounts' keys (acct_fuzz is the OpenAPI fuzzer's own, acct_browser the
    browser tests'), stopped with SIGTERM at the end (and checked to exit cleanly).

    Its state goes to a temporary directory: never the developer's .local/state."""
    accounts = ("acct_alpha", "acct_beta", "acct_fuzz", "acct_browser")
    keys = {name: "ek_" + secrets.token_urlsafe(16) for name in accounts}
    with local_server(keys, tmp_path_factory.mktemp("local-state")) as started:
        yield started


@contextmanager
def local_server(keys: dict[str, str], state_dir: Path) -> Iterator[LocalServer]:
    """`make run`'s server (python -m local.server) on a free port with these keys (account_id -> key) and its
    state in `state_dir`, stopped with SIGTERM at the end and checked to exit cleanly. Its log goes to a file:
    a pipe nobody reads would fill up and stall the server."""
    port = _free_port()
    env = {
        **os.environ,
        "FERRY_API_KEYS": ",".join(f"{k}={a}" for a, k in keys.items()),
        "PORT": str(port),
        "FERRY_LOCAL_STATE_DIR": str(state_dir),
    }
    log = tempfile.TemporaryFile("w+")  # noqa: SIM115 - closed below, after the server stops
    proc = subprocess.Popen(
        [sys.executable, "-m", "local.server", "--port", str(port), "--quiet"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        if proc.poll() is not None:
            log.seek(0)
            pytest.fail(f"local server exited early:\n{log.read()}")
        try:
            if httpx.get(f"{base}/v1/health", timeout=2).status_code == 200:
                break
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail("local server did not answer /v1/health within 90 s")
        time.sleep(0.2)
    try:
        yield LocalServer(base_url=base, keys=keys)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            code = proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            code = None
        log.close()
    assert code is not None, "local server did not stop on SIGTERM within 20 s"
    assert code == 0, f"local server exited with {code} on SIGTERM"


@pytest.fixture
def browser_page(chromium: Any, server: LocalServer, request: pytest.FixtureRequest) -> Iterator[BrowserPage]:
    """A Chromium page on `make run`'s server in a fresh context; the test fails if the page requested any
    external URL or threw an uncaught error. Screenshots go to .local/screenshots/<test name>-NN-<step>.png, one
    more ("failed here") when the test fails."""
    name = request.node.name.replace("test_", "", 1)
    failed = lambda: bool(getattr(request.node, "call_failed", False))  # noqa: E731
    yield from open_page(chromium, name, base_url=server.base_url, failed=failed)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """Mark a test whose body failed, so that its browser page is screenshot as it was then."""
    report = yield
    if report.when == "call" and report.failed:
        item.call_failed = True  # type: ignore[attr-defined]
    return report


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Point at the browser tests' screenshots (the artifacts to look at when a browser test fails)."""
    if SAVED:
        where = SCREENSHOTS.relative_to(ROOT)
        terminalreporter.write_line(f"browser tests: {len(SAVED)} screenshots of their steps in {where}/")
