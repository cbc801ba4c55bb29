"""SSRF guard: connectors only ever talk to public addresses.

A host is resolved once, every address it resolves to must be global (not loopback, RFC 1918, link-local
incl. the 169.254.169.254 metadata endpoint, CGNAT, ULA, multicast, reserved, or an IPv4-mapped form of
those), and the connection is then made to the address that was checked (pinning defeats DNS rebinding).
`Settings.allow_private_hosts` switches the guard off for local mode and tests only.

Saving a connection does no network I/O: `check_url_literal` / `check_host_literal` refuse what is private on its
face (an IP literal that is not public, `localhost`, `.local`/`.internal` names, a single-label name); the
resolution and the full check happen when a connector first connects (`safe_address`, `check_url`).
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable
from urllib.parse import urlsplit

from ferry.core.config import get_settings
from ferry.core.errors import InvalidRequest

Resolver = Callable[[str, int], list[str]]


class UnsafeHost(InvalidRequest):
    """The connector's host is not a public address (or the URL is not http/https)."""

    code = "unsafe_host"


def system_resolver(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (the operating system's resolver)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise UnsafeHost(f"The host `{host}` could not be resolved.", param="config") from None
    return [str(info[4][0]) for info in infos]


# Module-level so tests can point a public-looking name at a private address.
resolver: Resolver = system_resolver


def is_public(address: str) -> bool:
    """True for a globally routable unicast address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if isinstance(ip, ipaddress.IPv6Address) and ip.sixtofour is not None:
        ip = ip.sixtofour
    return ip.is_global and not ip.is_multicast


def safe_address(host: str, port: int) -> str:
    """The address to connect to for `host`, after checking every address it resolves to.

    Raises UnsafeHost (400) when any of them is not public, unless private hosts are allowed.
    """
    host = host.strip("[]")
    try:
        literal: str | None = str(ipaddress.ip_address(host.split("%", 1)[0]))
    except ValueError:
        literal = None
    addresses = [literal] if literal else resolver(host, port)
    if not addresses:
        raise UnsafeHost(f"The host `{host}` could not be resolved.", param="config")
    if get_settings().allow_private_hosts:
        return addresses[0]
    for address in addresses:
        if not is_public(address):
            raise UnsafeHost(
                f"The host `{host}` is a private, loopback or link-local address; connectors only reach public hosts.",
                param="config",
            )
    return addresses[0]


def check_url(url: str) -> tuple[str, int]:
    """Validate an http(s) URL's scheme and host, resolving it; returns (host, port). Raises UnsafeHost."""
    host, port = check_url_literal(url)
    safe_address(host, port)
    return host, port


def check_url_literal(url: str) -> tuple[str, int]:
    """`check_url` without any look-up: the scheme, the port and the host as written. Raises UnsafeHost."""
    import httpx  # the connectors layer; imported on use so the API's cold start skips it

    try:
        parts = urlsplit(url)
        httpx.URL(url)  # what the HTTP client will parse: a URL it refuses is the request's problem, not a 500
    except (ValueError, httpx.InvalidURL):
        raise UnsafeHost("The URL is not valid.", param="config") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UnsafeHost("Connector URLs must be http:// or https:// URLs with a host name.", param="config")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise UnsafeHost("The URL's port is not valid.", param="config") from None
    if any(ch.isspace() or not ch.isprintable() for ch in parts.hostname):
        raise UnsafeHost("The URL's host is not a valid host name.", param="config")
    if _NUMERIC_HOST.match(parts.hostname) and not _is_ip(parts.hostname):
        # 0251.0376.0251.0376, 0x7f.1, 2130706433: resolvers read these as (private) addresses
        raise UnsafeHost("The URL's host is not a valid IP address or host name.", param="config")
    check_host_literal(parts.hostname)
    return parts.hostname, port


_NUMERIC_HOST = re.compile(r"^(0x[0-9a-f]+|[0-9]+)(\.(0x[0-9a-f]*|[0-9]*))*\.?$", re.IGNORECASE)


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


_PRIVATE_SUFFIXES = (".localhost", ".local", ".internal", ".localdomain", ".home.arpa", ".lan", ".intranet")


def check_host_literal(host: str) -> None:
    """Refuse a host that is private as written (no DNS): a non-public IP literal, `localhost`, a name under
    a private-use suffix, or a single-label name. Names that look public are checked when first used."""
    if get_settings().allow_private_hosts:
        return
    bare = host.strip("[]").rstrip(".").lower()
    try:
        private = not is_public(str(ipaddress.ip_address(bare.split("%", 1)[0])))
    except ValueError:
        private = bare == "localhost" or bare.endswith(_PRIVATE_SUFFIXES) or "." not in bare
    if private:
        raise UnsafeHost(
            f"The host `{host}` is a private, loopback or link-local address; connectors only reach public hosts.",
            param="config",
        )
