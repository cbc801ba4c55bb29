"""CORS for pages on other origins (a product page embedding <ferry-importer>), from FERRY_CORS_ORIGINS.

Starlette's CORSMiddleware, with two changes: a refused preflight answers in the contract's error shape, and an
origin that is not listed gets no CORS header at all. No cookies are involved (the key or session token travels
in `anx-api-key`), so credentials stay off.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response
from starlette.types import Message, Receive, Scope, Send

from ferry.api.auth import API_KEY_HEADER

CORS_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
# What a page sends: the key or session token, and the thread's Last-Event-ID (an SSE client resuming); Starlette
# adds Accept, Accept-Language, Content-Language and Content-Type (JSON bodies). Idempotency keys are in the body.
CORS_REQUEST_HEADERS = [API_KEY_HEADER, "last-event-id"]
# What a page may read besides the safelisted headers: an export's file name, how long a 429 asks to wait.
CORS_EXPOSED_HEADERS = ["Content-Disposition", "Retry-After"]
CORS_MAX_AGE_SECONDS = 600

_REFUSED = {
    "error": {
        "code": "invalid_request",
        "message": "Cross-origin request refused: its origin, method or a header is not allowed.",
    }
}


class _ContractCORS(CORSMiddleware):
    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code == 200:
            return response
        return JSONResponse(_REFUSED, status_code=400, headers={"Vary": "Origin"})

    async def simple_response(self, scope: Scope, receive: Receive, send: Send, request_headers: Headers) -> None:
        origin = request_headers.get("origin")
        if origin is None or self.is_allowed_origin(origin):
            await super().simple_response(scope, receive, send, request_headers)
            return

        async def vary_on_origin(message: Message) -> None:
            # The answer differs by origin, so a cache must not hand this one to a listed origin.
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["Vary"] = ", ".join([*headers.getlist("Vary"), "Origin"])
            await send(message)

        await self.app(scope, receive, vary_on_origin)


def install_cors(app: FastAPI, origins: list[str]) -> None:
    """Answer CORS for `origins`; with none, add nothing (no CORS header on any answer)."""
    if not origins:
        return
    app.add_middleware(
        _ContractCORS,
        allow_origins=origins,
        allow_methods=CORS_METHODS,
        allow_headers=CORS_REQUEST_HEADERS,
        expose_headers=CORS_EXPOSED_HEADERS,
        allow_credentials=False,
        max_age=CORS_MAX_AGE_SECONDS,
    )
