"""Local mode's usage-plan throttle (local/throttle.py): a token bucket per API key, 429 with Retry-After."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.testclient import TestClient

import local  # noqa: F401 - puts the core layer on sys.path
from local.throttle import ThrottleLimits, ThrottleMiddleware, usage_plan_limits


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _client(limits: ThrottleLimits, clock: Clock) -> TestClient:
    async def ok(_: Any) -> JSONResponse:
        return JSONResponse({"ok": True})

    app = Starlette(routes=[Route("/v1/migrations", ok)])
    return TestClient(ThrottleMiddleware(app, limits, clock=clock))


def test_a_burst_then_429_with_retry_after_and_the_contract_shape() -> None:
    clock = Clock()
    client = _client(ThrottleLimits(rate=2.0, burst=3), clock)
    busy = {"anx-api-key": "fk_busy"}
    # Given: a full bucket of 3; When: 3 requests at once, then a 4th
    assert [client.get("/v1/migrations", headers=busy).status_code for _ in range(3)] == [200, 200, 200]
    limited = client.get("/v1/migrations", headers=busy)
    # Then: 429 rate_limited in the error shape, with Retry-After in whole seconds
    assert limited.status_code == 429
    assert limited.json()["error"]["code"] == "rate_limited" and set(limited.json()) == {"error"}
    assert limited.headers["retry-after"] == "1"
    # And: the bucket refills at the rate (2 per second): half a second later one more goes through
    clock.now += 0.5
    assert client.get("/v1/migrations", headers=busy).status_code == 200
    assert client.get("/v1/migrations", headers=busy).status_code == 429


def test_another_key_is_not_starved() -> None:
    clock = Clock()
    client = _client(ThrottleLimits(rate=1.0, burst=2), clock)
    for _ in range(10):
        client.get("/v1/migrations", headers={"anx-api-key": "fk_noisy"})
    assert client.get("/v1/migrations", headers={"anx-api-key": "fk_noisy"}).status_code == 429
    # Then: another account's key has its own full bucket
    quiet = [client.get("/v1/migrations", headers={"anx-api-key": "fk_quiet"}).status_code for _ in range(2)]
    assert quiet == [200, 200]


def test_a_slow_rate_asks_to_wait_longer() -> None:
    client = _client(ThrottleLimits(rate=0.25, burst=1), Clock())
    assert client.get("/v1/migrations", headers={"anx-api-key": "k"}).status_code == 200
    assert client.get("/v1/migrations", headers={"anx-api-key": "k"}).headers["retry-after"] == "4"


def test_limits_come_from_the_template_usage_plan_with_env_overrides() -> None:
    from local.template import load_raw

    params = load_raw()["Parameters"]
    plan = usage_plan_limits({})
    assert plan.rate == float(params["RateLimit"]["Default"]) and plan.burst == int(params["BurstLimit"]["Default"])
    assert usage_plan_limits({"FERRY_THROTTLE_RATE": "5", "FERRY_THROTTLE_BURST": "7"}) == ThrottleLimits(5.0, 7)
    with pytest.raises(ValueError):
        usage_plan_limits({"FERRY_THROTTLE_RATE": "0"})
