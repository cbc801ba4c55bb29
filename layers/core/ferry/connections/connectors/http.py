"""The HTTP client every HTTP connector uses: JSON GETs with retries/backoff and the SSRF guard.

- Retries 429 (honouring `Retry-After`, capped) and 5xx / connection errors with exponential backoff.
- Every request and every redirect hop is checked by ferry.connections.connectors.ssrf before it is sent, and the TCP
  connection goes to the very address that was checked (no second DNS look-up to rebind).
- Redirects are followed by hand (at most 5); credentials are dropped when a redirect changes host.
- 401/403 become CredentialsRejected with the connector's plain message; other errors SourceUnavailable.
  Neither carries the response body or headers, which could echo a token.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from ferry.connections.connectors.base import CredentialsRejected, SourceUnavailable, remaining_seconds, timed_out
from ferry.connections.connectors.ssrf import check_url, safe_address
from ferry.core.observability import logger

MAX_RETRY_AFTER_SECONDS = 60.0
_MAX_REDIRECTS = 5
_RETRY_STATUSES = {429, 500, 502, 503, 504}
# Where a paged API's next page is: a path (or absolute URL) and its query parameters.
NextPage = tuple[str, Mapping[str, Any] | None]


def sleep(seconds: float) -> None:
    """Wait between retries (tests replace it to record the waits instead)."""
    time.sleep(seconds)


class _PinnedBackend(httpcore.SyncBackend):
    """Connects to the address the SSRF guard approved for the host, never to a fresh look-up."""

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        address = safe_address(host, port)
        return super().connect_tcp(address, port, timeout, local_address, socket_options)


def _guarded_transport() -> httpx.HTTPTransport:
    transport = httpx.HTTPTransport(retries=0)
    # httpx has no public knob for the network backend; the pool is rebuilt with the pinning one
    # (TLS still verifies the certificate against the host name, which httpcore passes as SNI).
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(), network_backend=_PinnedBackend(), retries=0
    )
    return transport


class HttpSource:
    """A JSON API at `base_url`, reached with `headers` (which carry the credentials)."""

    def __init__(
        self,
        base_url: str,
        headers: Mapping[str, str],
        *,
        source_name: str,
        timeout: float = 30.0,
        max_attempts: int = 5,
        backoff_seconds: float = 0.5,
        transport: httpx.BaseTransport | None = None,
        wait: Callable[[float], None] | None = None,
    ) -> None:
        check_url(base_url)
        self.base_url = base_url.rstrip("/") + "/"
        self.source_name = source_name
        self._headers = dict(headers)
        self._max_attempts = max_attempts
        self._timeout = timeout
        self._backoff = backoff_seconds
        self._wait = wait
        # trust_env=False: a proxy from the environment would bypass the address pinning.
        self._client = httpx.Client(
            transport=transport or _guarded_transport(),
            timeout=timeout,
            follow_redirects=False,
            trust_env=False,
            headers={"Accept": "application/json", "User-Agent": "ferry-connector/1"},
        )

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def get_json(self, path_or_url: str, params: Mapping[str, Any] | None = None) -> Any:
        """GET a JSON document (relative paths resolve against `base_url`), retrying transient failures."""
        url = urljoin(self.base_url, path_or_url.lstrip("/")) if "://" not in path_or_url else path_or_url
        response = self._send_with_retries(url, params)
        try:
            return response.json()
        except ValueError:
            raise SourceUnavailable(f"{self.source_name} answered with something that is not JSON.") from None

    def get_pages(
        self,
        path_or_url: str,
        params: Mapping[str, Any] | None,
        *,
        items: str,
        next_request: Callable[[dict[str, Any]], NextPage | None],
        shape: str,
    ) -> Iterator[list[Any]]:
        """The `items` list of each page of a paged JSON API, from the first page at `path_or_url` on.

        `next_request(page)` says where the page after `page` is (None: it was the last); it is asked only once
        the page's items are consumed. A page that is not an object with a list under `items` is a
        SourceUnavailable ("<source> answered with an unexpected <shape>.").
        """
        request: NextPage | None = (path_or_url, params)
        while request is not None:
            page = self.get_json(*request)
            if not isinstance(page, dict) or not isinstance(page.get(items), list):
                raise SourceUnavailable(f"{self.source_name} answered with an unexpected {shape}.")
            yield page[items]
            request = next_request(page)

    def _send_with_retries(self, url: str, params: Mapping[str, Any] | None) -> httpx.Response:
        for attempt in range(1, self._max_attempts + 1):
            try:
                response = self._send_following_redirects(url, params)
            except httpx.TransportError as exc:
                if remaining_seconds() == 0.0:  # the outbound deadline passed while waiting for the source
                    raise timed_out(self.source_name) from None
                if attempt == self._max_attempts:
                    raise SourceUnavailable(f"{self.source_name} could not be reached.") from None
                logger.info(
                    "source unreachable; retrying", source=self.source_name, attempt=attempt, error=type(exc).__name__
                )
                self._pause(self._backoff_delay(attempt))
                continue
            if response.status_code in _RETRY_STATUSES and attempt < self._max_attempts:
                delay = _retry_after(response) if response.status_code == 429 else None
                logger.info(
                    "source busy; retrying", source=self.source_name, status=response.status_code, attempt=attempt
                )
                self._pause(delay if delay is not None else self._backoff_delay(attempt))
                continue
            return self._raise_for_status(response)
        raise AssertionError("unreachable")  # the loop always returns or raises on its last attempt

    def _send_following_redirects(self, url: str, params: Mapping[str, Any] | None) -> httpx.Response:
        headers = dict(self._headers)
        origin = _origin(url)
        for _ in range(_MAX_REDIRECTS + 1):
            check_url(url)  # before anything is sent, on the first request and on every hop
            response = self._client.get(url, params=params, headers=headers, timeout=self._request_timeout())
            if not response.is_redirect:
                return response
            location = response.headers.get("Location", "")
            response.close()
            url = urljoin(str(response.request.url), location)
            params = None  # the Location carries its own query
            if _origin(url) != origin:
                headers = {}  # never hand the credentials to another host
        raise SourceUnavailable(f"{self.source_name} redirected too many times.")

    def _raise_for_status(self, response: httpx.Response) -> httpx.Response:
        status = response.status_code
        if status in (401, 403):
            raise CredentialsRejected(f"{self.source_name} rejected the credentials (HTTP {status}).")
        if status == 429:
            raise SourceUnavailable(f"{self.source_name} kept rate-limiting the requests; try again later.")
        if status >= 400:
            raise SourceUnavailable(f"{self.source_name} answered HTTP {status}.")
        return response

    def _backoff_delay(self, attempt: int) -> float:
        # Full jitter keeps concurrent extractions from retrying in lockstep.
        return float(random.uniform(0, self._backoff * (2 ** (attempt - 1))))

    def _request_timeout(self) -> float:
        """The client's timeout, cut to what is left of the outbound deadline (each phase: connect, read)."""
        left = remaining_seconds()
        if left is None:
            return self._timeout
        if left <= 0:
            raise timed_out(self.source_name)
        return min(self._timeout, left)

    def _pause(self, seconds: float) -> None:
        left = remaining_seconds()
        if left is not None and seconds >= left:  # a retry after the deadline would not be waited for
            raise timed_out(self.source_name)
        (self._wait or sleep)(seconds)


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After", "").strip()
    try:
        return min(max(float(value), 0.0), MAX_RETRY_AFTER_SECONDS)
    except ValueError:
        return None


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    return parts.scheme, (parts.hostname or ""), parts.port
