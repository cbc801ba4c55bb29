"""The API function's Lambda handler on the sample health event, and what it imports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import local  # noqa: F401 - puts the core layer on sys.path
from local import lambdas

ROOT = Path(__file__).resolve().parents[2]


def test_health_event_through_mangum() -> None:
    handler = lambdas.load_handler(ROOT / "functions" / "api", "app.handler", "ApiFunctionUnit")
    event = json.loads((ROOT / "events" / "api_get_health.json").read_text())
    context = lambdas.LambdaContext(function_name="ApiFunction", invoked_function_arn="arn:aws:lambda:::api")
    response = handler(event, context)
    assert response["statusCode"] == 200
    assert json.loads(response["body"]) == {"status": "ok"}


def test_an_unknown_route_through_mangum_has_the_error_shape() -> None:
    handler = lambdas.load_handler(ROOT / "functions" / "api", "app.handler", "ApiFunctionUnit2")
    event = json.loads((ROOT / "events" / "api_get_health.json").read_text())
    event = {**event, "path": "/v1/nope", "resource": "/{proxy+}"}
    context = lambdas.LambdaContext(function_name="ApiFunction", invoked_function_arn="arn:aws:lambda:::api")
    response = handler(event, context)
    assert response["statusCode"] == 404
    assert json.loads(response["body"])["error"]["code"] == "not_found"


COLD_START = """
import importlib.util, sys
sys.path.insert(0, {core!r})
spec = importlib.util.spec_from_file_location("api_app", {app!r})
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
{then}
print(",".join(sorted(m for m in {watched!r} if m in sys.modules)))
"""
# Dataframe libraries, connector drivers (the connectors layer), the matcher's and the phone library, the SDK.
_HEAVY = ("polars", "pandas", "numpy", "pyarrow", "psycopg", "httpx", "rapidfuzz", "phonenumbers", "boto3")


def _loaded_after(then: str, watched: tuple[str, ...]) -> list[str]:
    """A fresh interpreter, as in a cold start: import the handler module, run `then`, list what came with it."""
    code = COLD_START.format(
        core=str(ROOT / "layers" / "core"), app=str(ROOT / "functions" / "api" / "app.py"), then=then, watched=watched
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return [m for m in result.stdout.strip().split(",") if m]


def test_the_api_function_imports_no_dataframe_library_connector_driver_or_aws_sdk_at_start() -> None:
    # The import itself is light: not even FastAPI (the app is built before the snapshot or on the first request).
    assert _loaded_after("pass", (*_HEAVY, "fastapi", "mangum", "ferry.api.app")) == []


def test_building_the_api_imports_no_dataframe_library_connector_driver_or_matcher() -> None:
    # Every route built (what a first request or the SnapStart snapshot holds): still none of the worker libraries.
    watched = (*_HEAVY, "ferry.engine", "ferry.agent", "ferry.recipe.editor")
    assert _loaded_after("module.asgi()", watched) == []
