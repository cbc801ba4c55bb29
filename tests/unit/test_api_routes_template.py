"""Every API route is reachable when deployed. API Gateway makes each prefix of an explicitly declared path a
resource of its own, and a request landing exactly on such a resource is not passed on to `/{proxy+}`: so a route
of the app whose path is such a prefix needs its own methods (with the default authorizer) and its own preflight."""

from __future__ import annotations

from typing import Any

import pytest

from ferry.api.app import create_app
from local.template import TEMPLATE_PATH, load_raw

RAW = load_raw(TEMPLATE_PATH)
EVENTS: list[dict[str, Any]] = [
    e["Properties"] for e in RAW["Resources"]["ApiFunction"]["Properties"]["Events"].values() if e["Type"] == "Api"
]
ROUTES = set(create_app().openapi()["paths"])


def _prefixes(path: str) -> list[str]:
    parts = path.strip("/").split("/")
    return ["/" + "/".join(parts[:n]) for n in range(1, len(parts))]


SHADOWED = sorted(
    {prefix for e in EVENTS if "{proxy+}" not in e["Path"] for prefix in _prefixes(e["Path"]) if prefix in ROUTES}
)


def test_the_explicit_paths_do_shadow_routes() -> None:
    # Guards the guard: the thread and export routes create resources under /v1/migrations and /v1/companies.
    assert "/v1/migrations/{migration_id}/runs/{run_id}" in SHADOWED
    assert "/v1/migrations" in SHADOWED


@pytest.mark.parametrize("path", SHADOWED)
def test_a_route_shadowed_by_an_explicit_resource_keeps_its_methods_and_preflight(path: str) -> None:
    on_path = [e for e in EVENTS if e["Path"] == path]
    any_method = [e for e in on_path if e["Method"].upper() == "ANY"]
    assert any_method, f"{path}: no ANY method, so API Gateway answers 403 'Missing Authentication Token'"
    assert all("Auth" not in e for e in any_method), f"{path}: must use the default authorizer and API key"
    preflight = [e for e in on_path if e["Method"].upper() == "OPTIONS"]
    assert preflight and preflight[0]["Auth"] == {"Authorizer": "NONE", "ApiKeyRequired": False}
