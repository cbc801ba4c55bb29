"""The FastAPI application: routers, the one error handler, and an OpenAPI document true to the contract."""

from __future__ import annotations

from typing import Any

from fastapi import Depends, FastAPI
from fastapi.openapi.utils import get_openapi

from ferry.api.cors import install_cors
from ferry.api.docs import install_docs
from ferry.api.errors import index_route_methods, install_error_handling
from ferry.api.openapi_rules import document_rules
from ferry.api.query_check import reject_unknown_query_parameters
from ferry.api.routers import (
    connections,
    files,
    health,
    imports,
    mapping_memory,
    migrations,
    previews,
    runs,
    sessions,
    web,
)
from ferry.api.schemas.common import ErrorBody
from ferry.core.config import get_settings

API_PREFIX = "/v1"

# Error answers each route may give besides its success (documented in the OpenAPI document).
_COMMON_ERRORS = {400: "Invalid request", 401: "Missing or invalid anx-api-key", 500: "Unexpected error"}
_OBJECT_ERRORS = {404: "Not found in your account"}


def create_app() -> FastAPI:
    """Build the app. Settings and AWS clients are read per request, so one app serves any environment."""
    app = FastAPI(
        title="Ferry Migration API",
        version="1.0.0",
        description="Upload spreadsheets, map them onto your templates, preview and import. JSON in and out.",
        docs_url=None,  # install_docs serves /docs and /redoc from bundled assets, not a CDN
        redoc_url=None,
        # A body sent without a content-type is read as JSON (the API takes nothing else).
        strict_content_type=False,
    )
    install_docs(app)
    install_error_handling(app)
    # Added last, so outermost: error answers (500s included) carry the CORS headers too.
    install_cors(app, get_settings().cors_origin_list)
    routers = [
        (API_PREFIX, health.router),
        (API_PREFIX, migrations.router),
        (API_PREFIX, files.router),
        (API_PREFIX, runs.router),
        (API_PREFIX, previews.router),
        (API_PREFIX, connections.router),
        (API_PREFIX, imports.router),
        (API_PREFIX, mapping_memory.router),
        (API_PREFIX, sessions.router),
        ("", web.router),  # the console at /app: static files, no key, not in the OpenAPI document
    ]
    for prefix, router in routers:
        # Every route: an unknown query parameter is a 400 naming it (api.query_check).
        app.include_router(router, prefix=prefix, dependencies=[Depends(reject_unknown_query_parameters)])
    index_route_methods(app, routers)

    def openapi() -> dict[str, Any]:
        """Built once, on first request for it."""
        if app.openapi_schema is None:
            app.openapi_schema = _contract_openapi(app)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


def _contract_openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's document, with its 422 answers replaced by the 4xx/5xx the API really gives."""
    doc = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    error_ref = {"$ref": "#/components/schemas/ErrorBody"}
    schemas.update(ErrorBody.model_json_schema(ref_template="#/components/schemas/{model}").pop("$defs", {}))
    schemas["ErrorBody"] = ErrorBody.model_json_schema(ref_template="#/components/schemas/{model}")
    for path, operations in doc.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            responses.pop("422", None)
            if path == f"{API_PREFIX}/health":
                continue
            errors = dict(_COMMON_ERRORS)
            if "{migration_id}" in path or "{run_id}" in path or "{memory_id}" in path or "{session_id}" in path:
                errors.update(_OBJECT_ERRORS)
            else:
                errors[404] = "Outside the session token's scope (an account key never gets it here)"
            if path == f"{API_PREFIX}/sessions" and method == "post":
                errors[404] = "The migration is not in your account"
            if method != "get" and ("{migration_id}" in path or "{company_id}" in path):
                errors[403] = "A session token without the `write` permission (or deleting its migration)"
            if method == "delete" and path == f"{API_PREFIX}/migrations/{{migration_id}}":
                errors[409] = "A run is active on this migration"
            if method == "post" and path.endswith("/files"):
                errors[413] = "Declared size is over the upload limit"
            if "/runs" in path and (method in ("post", "patch") or path.endswith("/export")):
                errors[409] = "State conflict: a run in progress, no templates or preview, or the wrong run status"
            if "/imports" in path and (method in ("post", "patch") or path.endswith("/export")):
                errors[409] = "State conflict: an import in progress, no templates or preview, or the wrong status"
            if method == "post" and path == f"{API_PREFIX}/companies/{{company_id}}/imports":
                errors[404] = "The migration is not in your account"
                errors[422] = "The idempotency_key was used with a different request"
            for status_code, description in errors.items():
                responses.setdefault(
                    str(status_code),
                    {"description": description, "content": {"application/json": {"schema": error_ref}}},
                )
    return document_rules(doc)
