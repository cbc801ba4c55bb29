"""CORS: a product page on another origin embeds <ferry-importer> and calls the API with a session token. Origins in
FERRY_CORS_ORIGINS get their preflights answered without a key and may read every answer (errors included);
any other origin, or every origin when the setting is empty, gets no CORS header at all."""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from ferry.api.app import create_app
from local import lambdas
from local.stack import LocalStack
from tests.helpers import person_template

ROOT = Path(__file__).resolve().parents[2]
SITE = "https://app.example.com"
OTHER_SITE = "https://crm.example.org:8443"
STRANGER = "https://evil.example.net"
REFUSED = {
    "error": {
        "code": "invalid_request",
        "message": "Cross-origin request refused: its origin, method or a header is not allowed.",
    }
}


@contextmanager
def _api() -> Iterator[TestClient]:
    """The app as built after the test's settings (CORS is configured when the app is built, as in Lambda)."""
    with TestClient(create_app(), raise_server_exceptions=False) as client:
        yield client


def _cors_headers(response: Any) -> dict[str, str]:
    return {k.lower(): v for k, v in response.headers.items() if k.lower().startswith("access-control-")}


def _preflight(api: TestClient, path: str, origin: str, method: str = "POST", headers: str = "anx-api-key") -> Any:
    return api.options(
        path,
        headers={"Origin": origin, "Access-Control-Request-Method": method, "Access-Control-Request-Headers": headers},
    )


def _migration_and_token(api: TestClient, key_headers: dict[str, str]) -> tuple[str, str]:
    created = api.post(
        "/v1/migrations",
        json={"name": "People", "templates": [person_template("People", "people")]},
        headers=key_headers,
    )
    assert created.status_code == 201, created.text
    migration_id = str(created.json()["migration_id"])
    minted = api.post("/v1/sessions", json={"migration_id": migration_id, "expires_in": 600}, headers=key_headers)
    assert minted.status_code == 201, minted.text
    return migration_id, str(minted.json()["token"])


def test_a_listed_origin_s_preflight_is_answered_without_a_key(
    stack: LocalStack, account, setting: Callable[[str, str], None]
) -> None:  # type: ignore[no-untyped-def]
    # Given: two product sites allowed (as an operator writes them: spaces, upper case), and a migration
    setting("FERRY_CORS_ORIGINS", f" HTTPS://app.example.com , {OTHER_SITE}")
    acct = account()
    with _api() as api:
        migration_id, _ = _migration_and_token(api, acct.headers)
        for origin in (SITE, OTHER_SITE):
            # When: the browser asks, with no key, whether the page may start a run with its token
            answer = _preflight(api, f"/v1/migrations/{migration_id}/runs", origin, "POST", "anx-api-key, content-type")
            # Then: yes, for that very origin, for the headers and methods the component uses, cached 10 minutes
            assert answer.status_code == 200, answer.text
            cors = _cors_headers(answer)
            assert cors["access-control-allow-origin"] == origin
            allowed_headers = {h.strip().lower() for h in cors["access-control-allow-headers"].split(",")}
            assert {"anx-api-key", "content-type", "last-event-id"} <= allowed_headers
            methods = {m.strip() for m in cors["access-control-allow-methods"].split(",")}
            assert methods == {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}
            assert cors["access-control-max-age"] == "600"
            # And: no credentials (the token travels in a header, never in a cookie)
            assert "access-control-allow-credentials" not in cors
            assert "Origin" in answer.headers["vary"]
        # And: no run was started by the preflight
        runs = api.get(f"/v1/migrations/{migration_id}/runs", headers=acct.headers)
        assert runs.status_code == 200 and runs.json()["runs"] == []


def test_a_session_token_from_a_listed_origin_can_read_answers_and_errors(
    stack: LocalStack, account, setting: Callable[[str, str], None]
) -> None:  # type: ignore[no-untyped-def]
    # Given: the product site allowed, and a session token for one migration
    setting("FERRY_CORS_ORIGINS", SITE)
    acct = account()
    with _api() as api:
        migration_id, token = _migration_and_token(api, acct.headers)
        browser = {"anx-api-key": token, "Origin": SITE}
        # When: the page reads the migration with the token
        got = api.get(f"/v1/migrations/{migration_id}", headers=browser)
        # Then: the answer is readable from that origin, with the export name and 429 wait readable too
        assert got.status_code == 200 and got.json()["migration_id"] == migration_id
        cors = _cors_headers(got)
        assert cors["access-control-allow-origin"] == SITE
        assert {h.strip() for h in cors["access-control-expose-headers"].split(",")} == {
            "Content-Disposition",
            "Retry-After",
        }
        assert "access-control-allow-credentials" not in cors
        # And: error answers are readable too, so the component can show them
        elsewhere = api.get("/v1/migrations", headers=browser)
        assert elsewhere.status_code == 404 and elsewhere.json()["error"]["code"] == "not_found"
        assert _cors_headers(elsewhere)["access-control-allow-origin"] == SITE
        expired = api.get(f"/v1/migrations/{migration_id}", headers={"anx-api-key": token + "x", "Origin": SITE})
        assert expired.status_code == 401 and expired.json()["error"]["code"] == "unauthorized"
        assert _cors_headers(expired)["access-control-allow-origin"] == SITE
        # And: a preflight for a header the API does not take is refused in the contract's error shape
        odd = _preflight(api, f"/v1/migrations/{migration_id}", SITE, "GET", "anx-api-key, x-debug")
        assert odd.status_code == 400 and odd.json() == REFUSED
        assert _cors_headers(odd) == {}


def test_an_unlisted_origin_gets_no_cors_headers(
    stack: LocalStack, account, setting: Callable[[str, str], None]
) -> None:  # type: ignore[no-untyped-def]
    # Given: only the product site allowed, and a token that leaked to another site
    setting("FERRY_CORS_ORIGINS", SITE)
    acct = account()
    with _api() as api:
        migration_id, token = _migration_and_token(api, acct.headers)
        # When: that other site's preflight arrives
        preflight = _preflight(api, f"/v1/migrations/{migration_id}/runs", STRANGER)
        # Then: it is refused in the contract's error shape, with no CORS header for the browser to accept
        assert preflight.status_code == 400 and preflight.json() == REFUSED
        assert _cors_headers(preflight) == {}
        # And: a simple request from it gets its answer without any CORS header, so its page cannot read it
        got = api.get(f"/v1/migrations/{migration_id}", headers={"anx-api-key": token, "Origin": STRANGER})
        assert got.status_code == 200
        assert _cors_headers(got) == {}
        assert "Origin" in got.headers["vary"]  # a cache must not hand it to the listed site either
        # And: an origin that only starts like the listed one is another origin
        lookalike = _preflight(api, f"/v1/migrations/{migration_id}/runs", SITE + ".evil.example.net")
        assert lookalike.status_code == 400 and _cors_headers(lookalike) == {}


def test_with_the_setting_empty_no_answer_has_cors_headers(
    stack: LocalStack, account, setting: Callable[[str, str], None]
) -> None:  # type: ignore[no-untyped-def]
    # Given: the default, no origin allowed
    setting("FERRY_CORS_ORIGINS", "")
    acct = account()
    with _api() as api:
        migration_id, token = _migration_and_token(api, acct.headers)
        # When: a page on any site sends a preflight and a request
        preflight = _preflight(api, f"/v1/migrations/{migration_id}/runs", SITE)
        got = api.get(f"/v1/migrations/{migration_id}", headers={"anx-api-key": token, "Origin": SITE})
        # Then: the preflight is an ordinary 405 in the contract's shape, and neither answer names an origin
        assert preflight.status_code == 405 and preflight.json()["error"]["code"] == "method_not_allowed"
        assert got.status_code == 200
        assert _cors_headers(preflight) == {} and _cors_headers(got) == {}


def test_behind_api_gateway_a_preflight_reaches_the_app_with_no_authorizer_context(
    stack: LocalStack, setting: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given: the API function's real Lambda handler, built with the product site allowed (the template routes
    # OPTIONS to it with no authorizer, so the event carries no key and no authorizer context)
    setting("FERRY_CORS_ORIGINS", SITE)
    handler = lambdas.HANDLERS["ApiFunction"]
    # the app is built once per environment: forget the one an earlier test built (unwrap: powertools decorates it)
    monkeypatch.setitem(inspect.unwrap(handler).__globals__, "_asgi", None)
    context = lambdas.LambdaContext(function_name="ApiFunction", invoked_function_arn="arn:aws:lambda:::ApiFunction")
    event = json.loads((ROOT / "events" / "api_get_health.json").read_text())
    headers = {
        **event["headers"],
        "origin": SITE,
        "access-control-request-method": "POST",
        "access-control-request-headers": "anx-api-key,content-type",
    }
    preflight = {
        **event,
        "path": "/v1/migrations/mig_01JJZ8Q6W3T5Y7X9A1B3C5D7E9/runs",
        "resource": "/{proxy+}",
        "httpMethod": "OPTIONS",
        "headers": headers,
        "multiValueHeaders": {k: [v] for k, v in headers.items()},
    }
    # When: API Gateway forwards the preflight
    answer = handler(preflight, context)
    # Then: the function allows the site, with no key asked for
    assert answer["statusCode"] == 200, answer
    answered = {k.lower(): v for k, v in answer["headers"].items()}
    assert answered["access-control-allow-origin"] == SITE
    assert "anx-api-key" in answered["access-control-allow-headers"].lower()
