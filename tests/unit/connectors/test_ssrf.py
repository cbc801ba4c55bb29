"""The SSRF guard, switched on as in production: private targets are refused before any request is sent."""

from __future__ import annotations

import httpx
import pytest

from ferry.connections.connectors import ssrf
from ferry.connections.connectors.base import parse_config, parse_credentials
from ferry.connections.connectors.http import HttpSource
from ferry.connections.connectors.registry import connector_class
from ferry.connections.connectors.ssrf import UnsafeHost, check_url
from tests.fakes.server import FakeServer, Reply

PUBLIC_IP = "93.184.215.14"


@pytest.fixture
def listener():  # type: ignore[no-untyped-def]
    """A loopback listener that records every hit."""
    server = FakeServer(lambda seen: Reply(200, {"results": []})).start()
    yield server
    server.stop()


def _resolve_to(mapping: dict[str, list[str]]):  # type: ignore[no-untyped-def]
    def resolve(host: str, port: int) -> list[str]:
        return mapping[host]

    return resolve


@pytest.mark.usefixtures("guard_on")
@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
        "http://192.168.1.20/",
        "http://172.16.5.4/",
        "http://100.64.0.1/",
        "http://[::1]/",
        "http://[fd00::1]/",
        "http://[fe80::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
    ],
)
def test_private_and_link_local_targets_are_refused(url: str) -> None:
    with pytest.raises(UnsafeHost) as raised:
        check_url(url)
    assert raised.value.status == 400 and raised.value.code == "unsafe_host"


@pytest.mark.usefixtures("guard_on")
@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/", "gopher://example.com/"])
def test_non_http_schemes_are_refused(url: str) -> None:
    with pytest.raises(UnsafeHost):
        check_url(url)


@pytest.mark.usefixtures("guard_on")
def test_a_connector_pointed_at_loopback_sends_nothing(listener: FakeServer) -> None:
    # Given: a HubSpot connection whose base URL is our loopback listener
    cls = connector_class("hubspot")
    config = parse_config(cls, {"base_url": listener.url})
    # When / Then: refused with a 400 before any request
    with pytest.raises(UnsafeHost):
        cls.check_config(config)
    with pytest.raises(UnsafeHost):
        cls(config, parse_credentials(cls, {"access_token": "t"})).check()
    assert listener.requests == []


@pytest.mark.usefixtures("guard_on")
def test_a_public_name_resolving_to_a_private_address_is_refused(
    listener: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ssrf, "resolver", _resolve_to({"crm.example.com": ["203.0.113.9", "127.0.0.1"]}))
    with pytest.raises(UnsafeHost):
        HttpSource(f"http://crm.example.com:{listener.port}", {}, source_name="CRM")
    assert listener.requests == []


@pytest.mark.usefixtures("guard_on")
def test_a_redirect_to_the_metadata_address_is_refused_before_it_is_followed(monkeypatch: pytest.MonkeyPatch) -> None:
    # Given: a public API that redirects to the instance metadata endpoint
    monkeypatch.setattr(ssrf, "resolver", _resolve_to({"api.example.com": [PUBLIC_IP]}))
    sent: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(str(request.url))
        return httpx.Response(302, headers={"Location": "http://169.254.169.254/latest/meta-data/iam/"})

    source = HttpSource(
        "https://api.example.com",
        {"Authorization": "Bearer t"},
        source_name="CRM",
        transport=httpx.MockTransport(handler),
    )
    # When / Then: the hop is refused; only the first request ever left
    with pytest.raises(UnsafeHost):
        source.get_json("/objects")
    assert sent == ["https://api.example.com/objects"]


@pytest.mark.usefixtures("guard_off")
def test_connections_go_to_the_checked_address(listener: FakeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    # Given: a name the guard resolves to the listener (local testing allows private hosts)
    monkeypatch.setattr(ssrf, "resolver", _resolve_to({"pinned.example.test": ["127.0.0.1"]}))
    source = HttpSource(f"http://pinned.example.test:{listener.port}", {}, source_name="CRM")
    # When: a request is made (the system resolver knows nothing of that name)
    assert source.get_json("/ping") == {"results": []}
    # Then: it reached the address the guard checked, with the original Host header
    assert listener.requests[0].headers["host"] == f"pinned.example.test:{listener.port}"


@pytest.mark.usefixtures("guard_on")
def test_postgres_host_goes_through_the_guard() -> None:
    cls = connector_class("postgres")
    config = parse_config(cls, {"host": "169.254.169.254", "database": "crm"})
    with pytest.raises(UnsafeHost):
        cls.check_config(config)


@pytest.mark.usefixtures("guard_on")
def test_a_name_that_rebinds_to_loopback_at_connect_time_is_refused(
    listener: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given: DNS that answers a public address to the checks, then loopback (a rebinding attack)
    answers = iter([[PUBLIC_IP], [PUBLIC_IP]])
    monkeypatch.setattr(ssrf, "resolver", lambda host, port: next(answers, ["127.0.0.1"]))
    source = HttpSource(f"http://rebind.example.com:{listener.port}", {}, source_name="CRM")
    # When / Then: the connection itself re-checks the address it dials, and refuses
    with pytest.raises(UnsafeHost):
        source.get_json("/objects")
    assert listener.requests == []
