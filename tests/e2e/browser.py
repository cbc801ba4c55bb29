"""Browser tests' plumbing: Debian's Chromium driven by Playwright, a guard that fails the test on any request
to a host other than this machine, axe-core run on the page, and a screenshot of each step.

Playwright's own browser download cannot be used here, so it drives the system Chromium (`make deps` installs
Debian's `chromium`). The flags are the ones this machine needs: without the background-networking ones
Chromium keeps dialling Google's hosts, which a closed network refuses.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / ".local" / "screenshots"
AXE_JS = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("FERRY_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The page may talk to the local server and to the presigned S3 URLs, which in local mode are the embedded
# moto server on another loopback port. Anything else is an external URL.
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
# What Chromium loads without the network: inline data, blobs the page made, its own error pages.
NO_NETWORK_SCHEMES = {"data", "blob", "about", "chrome-error"}
BLOCKING_IMPACTS = ("serious", "critical")
SAVED: list[Path] = []  # the screenshots this test session took, named in pytest's summary


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def unavailable(reason: str) -> None:
    """No browser: a failure in CI (where `make test` installs one), a skip with the reason elsewhere."""
    if in_ci():
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(f"{reason} (in CI, with CI=true, this fails instead)")


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in NO_NETWORK_SCHEMES:
        return True
    return parts.scheme in ("http", "https", "ws", "wss") and parts.hostname in LOCAL_HOSTS


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """Debian's Chromium, launched once per test module (each test gets its own context: a fresh profile).

    Module scope, not session: Playwright's sync API keeps an asyncio loop running in this thread while it is
    open, which would break every later test that runs a loop of its own (Mangum, asyncio.run)."""
    if not Path(CHROMIUM).exists():
        unavailable(f"no Chromium at {CHROMIUM}: install Debian's `chromium` (`make deps`, as root)")
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        unavailable("the `playwright` package is not installed (`make venv` installs requirements-dev.txt)")
    # What the page shows after a run step waits on the run; on a loaded 2-core CI box that can take more than
    # Playwright's 5 s default. A passing check returns as soon as it holds, so a long ceiling costs nothing.
    expect.set_options(timeout=30_000)
    with sync_playwright() as playwright:
        # launch() starts Chromium on a new, empty --user-data-dir of its own and deletes it at close.
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Guard:
    """Every request the page made, and the external ones, which were refused."""

    requested: list[tuple[str, str]] = field(default_factory=list)  # (method, url)
    external: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def origins(self) -> set[str]:
        """scheme://host:port of every network request."""
        return {f"{p.scheme}://{p.netloc}" for p in (urlsplit(url) for _, url in self.requested) if p.netloc}

    def check(self) -> None:
        assert not self.external, "The page tried to load external URLs:\n  " + "\n  ".join(self.external)
        assert not self.page_errors, "The page threw uncaught errors:\n  " + "\n  ".join(self.page_errors)


@dataclass
class BrowserPage:
    """A page in a fresh browser context, behind the guard, with a step-by-step screenshot and axe helper."""

    page: Any
    guard: Guard
    name: str
    steps: list[str] = field(default_factory=list)

    def screenshot(self, step: str) -> Path:
        """A full-page PNG of what the page shows now: .local/screenshots/<test>-<NN>-<step>.png."""
        self.steps.append(step)
        path = SCREENSHOTS / f"{self.name}-{len(self.steps):02d}-{_slug(step)}.png"
        self.page.screenshot(path=str(path), full_page=True)
        SAVED.append(path)
        return path

    def axe(self, step: str) -> list[dict[str, Any]]:
        """Run axe-core on the page as it is now; fail on any serious or critical violation. The violations."""
        if not self.page.evaluate("() => typeof window.axe === 'object'"):
            # evaluate, not a <script> tag: it runs whatever the page's Content-Security-Policy says.
            self.page.evaluate(AXE_JS.read_text(encoding="utf-8"))
        violations: list[dict[str, Any]] = self.page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        )
        blocking = [v for v in violations if v.get("impact") in BLOCKING_IMPACTS]
        assert not blocking, f"axe-core at step {step!r}: {len(blocking)} serious/critical violation(s):\n" + (
            "\n".join(_describe(v) for v in blocking)
        )
        return violations

    def look(self, step: str) -> Path:
        """A step a person sees: screenshot it, then check it with axe-core."""
        path = self.screenshot(step)
        self.axe(step)
        return path


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _describe(violation: dict[str, Any]) -> str:
    targets = [json.dumps(node.get("target")) for node in violation.get("nodes", [])[:5]]
    return f"  [{violation['impact']}] {violation['id']}: {violation['help']} at {', '.join(targets)}"


def open_page(
    browser: Any, name: str, base_url: str | None = None, failed: Callable[[], bool] | None = None
) -> Iterator[BrowserPage]:
    """A page in its own context (own profile state, cookies, storage) whose every request goes through the
    guard; the guard's verdict is checked when the test is done with it."""
    name = _slug(name)
    for old in SCREENSHOTS.glob(f"{name}-*.png"):
        old.unlink()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    guard = Guard()
    context = browser.new_context(
        base_url=base_url,
        viewport={"width": 1280, "height": 900},
        accept_downloads=True,
        service_workers="block",  # a service worker's own requests would go around the guard
    )

    def route(route: Any) -> None:
        url = route.request.url
        guard.requested.append((route.request.method, url))
        if is_local(url):
            route.continue_()
        else:
            guard.external.append(f"{route.request.method} {url}")
            route.abort("blockedbyclient")

    def route_socket(socket: Any) -> None:
        if is_local(socket.url):
            socket.connect_to_server()
        else:
            guard.external.append(f"WebSocket {socket.url}")
            socket.close()

    context.route("**/*", route)
    context.route_web_socket(re.compile(".*"), route_socket)
    page = context.new_page()
    page.on("pageerror", lambda error: guard.page_errors.append(str(error)))
    page.set_default_timeout(30_000)
    browser_page = BrowserPage(page=page, guard=guard, name=name)
    try:
        yield browser_page
        if failed is not None and failed():
            browser_page.screenshot("failed here")  # what the page showed when the test failed
        guard.check()
    finally:
        context.close()
