"""Local mode's usage-plan throttle: a token bucket per API key, as API Gateway applies when deployed.

The rate (requests per second, refilled continuously) and the burst (the bucket's size) are the template's
usage plan (`UsagePlan.Properties.Throttle`, resolved through its parameters' defaults);
`FERRY_THROTTLE_RATE` and `FERRY_THROTTLE_BURST` override them. Each `anx-api-key` has its own bucket, so one
busy account never starves another; requests without a key share one bucket. An empty bucket answers 429 in
the contract's error shape (`rate_limited`) with a `Retry-After` header (whole seconds, at least 1).

Used only by `local/server.py` (`make run`); behind API Gateway the usage plan does this.
"""

from __future__ import annotations

import json
import math
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

API_KEY_HEADER = b"anx-api-key"
_MAX_BUCKETS = 10_000  # idle buckets beyond this are dropped (a full bucket is the same as no bucket)


@dataclass(frozen=True)
class ThrottleLimits:
    rate: float  # tokens per second
    burst: int  # bucket size


def usage_plan_limits(environ: dict[str, str] | None = None) -> ThrottleLimits:
    """The template's usage-plan throttle, with the environment's overrides."""
    from local.template import load_raw

    env = os.environ if environ is None else environ
    raw = load_raw()
    params = raw.get("Parameters", {})
    throttle = raw.get("Resources", {}).get("UsagePlan", {}).get("Properties", {}).get("Throttle", {})

    def value(name: str) -> str:
        v = throttle.get(name)
        if isinstance(v, dict) and "Ref" in v:
            v = params.get(v["Ref"], {}).get("Default")
        return str(v)

    rate = float(env.get("FERRY_THROTTLE_RATE") or value("RateLimit"))
    burst = int(env.get("FERRY_THROTTLE_BURST") or value("BurstLimit"))
    if rate <= 0 or burst < 1:
        raise ValueError("the throttle needs a positive rate and a burst of at least 1")
    return ThrottleLimits(rate=rate, burst=burst)


class _Bucket:
    __slots__ = ("stamp", "tokens")

    def __init__(self, tokens: float, stamp: float) -> None:
        self.tokens = tokens
        self.stamp = stamp


class ThrottleMiddleware:
    """ASGI middleware: a token bucket per `anx-api-key`; 429 `rate_limited` with `Retry-After` when empty."""

    def __init__(
        self, app: ASGIApp, limits: ThrottleLimits | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.app = app
        self.limits = limits or usage_plan_limits()
        self._clock = clock
        self._buckets: dict[bytes, _Bucket] = {}
        self._lock = threading.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        key = dict(scope.get("headers") or ()).get(API_KEY_HEADER, b"")
        wait = self._take(key)
        if wait is None:
            await self.app(scope, receive, send)
            return
        await _too_many_requests(send, wait)

    def _take(self, key: bytes) -> float | None:
        """Take one token from the key's bucket: None when taken, else the seconds until one is there."""
        rate, burst = self.limits.rate, float(self.limits.burst)
        with self._lock:
            now = self._clock()
            bucket = self._buckets.get(key)
            if bucket is None:
                if len(self._buckets) >= _MAX_BUCKETS:
                    self._forget_full(now)
                bucket = self._buckets[key] = _Bucket(burst, now)
            bucket.tokens = min(burst, bucket.tokens + (now - bucket.stamp) * rate)
            bucket.stamp = now
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return None
            return (1.0 - bucket.tokens) / rate

    def _forget_full(self, now: float) -> None:
        rate, burst = self.limits.rate, float(self.limits.burst)
        for key in [k for k, b in self._buckets.items() if b.tokens + (now - b.stamp) * rate >= burst]:
            del self._buckets[key]


async def _too_many_requests(send: Send, wait: float) -> None:
    retry_after = max(1, math.ceil(wait))
    body: dict[str, Any] = {
        "error": {"code": "rate_limited", "message": f"Too many requests; retry in {retry_after} s."}
    }
    payload = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 429,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
                (b"retry-after", str(retry_after).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})
