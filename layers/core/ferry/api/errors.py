"""The one exception handler: every 4xx/5xx the app answers has the contract's shape.

`{"error": {"code", "message", ...}}` for domain errors (ferry.core.errors.FerryError), request validation
(400, naming the field), unknown routes (404), wrong methods (405) and anything unexpected (500 with a
`request_id` and nothing about the failure itself).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ferry.api.auth import API_KEY_HEADER
from ferry.api.deps import UNAUTHORIZED_MESSAGE, resolve_account
from ferry.aws.dynamo import Store
from ferry.core.errors import FerryError, Unauthorized
from ferry.core.observability import logger

_HTTP_CODES = {
    400: "invalid_request",
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    429: "rate_limited",
}


def error_response(request: Request, exc: Exception) -> JSONResponse:
    """Turn any exception into the contract's error response."""
    if isinstance(exc, FerryError):
        return JSONResponse(exc.body(), status_code=exc.status)
    if isinstance(exc, RequestValidationError):
        if _is_unauthenticated_json_error(request, exc):
            return error_response(request, Unauthorized(UNAUTHORIZED_MESSAGE))
        message, param = describe_validation_errors(exc.errors())
        if _body_not_read_as_json(exc):
            sent = request.headers.get("content-type", "")
            message = f"The request body must be JSON; send it with `content-type: application/json` (not `{sent}`)."
            param = None
        error: dict[str, Any] = {"code": "invalid_request", "message": message}
        if param:
            error["param"] = param
        return JSONResponse({"error": error}, status_code=400)
    if isinstance(exc, StarletteHTTPException) and exc.status_code < 500:
        code = _HTTP_CODES.get(exc.status_code, "invalid_request")
        if exc.status_code == 404:
            message = f"No route {request.method} {request.url.path}."
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}."
        else:
            message = str(exc.detail)
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            # Starlette names only the first route matching the path; list every allowed method.
            headers["Allow"] = ", ".join(_allowed_methods(request))
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=exc.status_code, headers=headers)
    request_id = _request_id(request)
    # The traceback goes to the log only; the client gets an id to quote, never the exception text.
    logger.exception("unexpected error", request_id=request_id, method=request.method, path=request.url.path)
    body = {"error": {"code": "internal_error", "message": "Unexpected error.", "request_id": request_id}}
    return JSONResponse(body, status_code=500)


def _is_unauthenticated_json_error(request: Request, exc: RequestValidationError) -> bool:
    """FastAPI parses the JSON body before any dependency runs, so a malformed body would answer 400
    before the key is checked; every route but health must answer 401 first, as API Gateway does."""
    if not any(e.get("type") == "json_invalid" for e in exc.errors()):
        return False
    return resolve_account(request, request.headers.get(API_KEY_HEADER), Store()) is None


def _body_not_read_as_json(exc: RequestValidationError) -> bool:
    """A body FastAPI kept as raw bytes because its content-type is not JSON (curl -d sends a form type)."""
    errors = exc.errors()
    return (
        bool(errors)
        and tuple(errors[0].get("loc", ())) == ("body",)
        and isinstance(errors[0].get("input"), bytes | bytearray)
    )


def describe_validation_errors(errors: Sequence[Any]) -> tuple[str, str | None]:
    """A plain message naming the first offending field (and how many more there are), and that field."""
    if not errors:
        return "The request is not valid.", None
    first = errors[0]
    location = list(first.get("loc", ()))
    source = location.pop(0) if location and location[0] in ("body", "query", "path", "header") else "body"
    param = _param_path(location)
    kind = first.get("type", "")
    if kind == "json_invalid":
        return "The request body is not valid JSON.", None
    if kind == "missing" and not param and source == "body":
        message = "A JSON request body is required."
    elif kind == "missing":
        message = f"`{param}` is required."
    elif kind == "extra_forbidden":
        message = f"`{param}` is not a known field."
    else:
        detail = str(first.get("msg", "is not valid")).removeprefix("Value error, ")
        message = f"`{param}`: {detail}" if param else detail
        if not message.endswith("."):
            message += "."
    if len(errors) > 1:
        message += f" ({len(errors) - 1} more problem{'s' if len(errors) > 2 else ''} in the request.)"
    return message, param or None


def _param_path(location: list[Any]) -> str:
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return f"body{path}" if path.startswith("[") else path


def _allowed_methods(request: Request) -> list[str]:
    table: list[tuple[re.Pattern[str], set[str]]] = getattr(request.app.state, "route_methods", [])
    path = request.url.path
    return sorted({m for pattern, methods in table if pattern.match(path) for m in methods})


def index_route_methods(app: FastAPI, routers: Sequence[tuple[str, APIRouter]]) -> None:
    """Remember which methods each path allows, for the Allow header of a 405."""
    table = []
    for prefix, router in routers:
        for route in router.routes:
            if isinstance(route, APIRoute):
                pattern, _, _ = compile_path(prefix + route.path)
                table.append((pattern, set(route.methods or ())))
    app.state.route_methods = table


def _request_id(request: Request) -> str:
    """API Gateway's request id when behind it (matches its logs), else the Lambda's, else a fresh one."""
    event = request.scope.get("aws.event") or {}
    gateway_id = (event.get("requestContext") or {}).get("requestId")
    if isinstance(gateway_id, str) and gateway_id:
        return gateway_id
    context = request.scope.get("aws.context")
    lambda_id = getattr(context, "aws_request_id", None)
    if isinstance(lambda_id, str) and lambda_id:
        return lambda_id
    return f"req_{uuid.uuid4().hex}"


class _CatchUnexpected:
    """Answers unexpected exceptions through `error_response` instead of Starlette's re-raising 500 path."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            if started:  # too late to answer differently; let the server log it
                raise
            await error_response(Request(scope), exc)(scope, receive, send)


def install_error_handling(app: FastAPI) -> None:
    """Route every error the app can produce through `error_response`."""
    for exc_class in (FerryError, RequestValidationError, StarletteHTTPException):
        app.add_exception_handler(exc_class, error_response)
    app.add_middleware(_CatchUnexpected)
