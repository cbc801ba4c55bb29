"""Local mode's request-body limit: API Gateway refuses a payload over 10 MB before any Lambda runs; `make run`
does the same here, answering 413 `payload_too_large` in the contract's error shape.

A declared `Content-Length` over the limit is refused before a byte of the body is read; a body without one
(chunked) is read up to the limit and refused as soon as it goes past it. A body within the limit is passed on
whole. Used only by `local/server.py`.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_BODY_BYTES = 10 * 1024 * 1024  # API Gateway's payload limit


class BodyLimitMiddleware:
    """ASGI middleware: 413 for a request body over `limit` bytes, never reading more than that."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or ())
        declared = headers.get(b"content-length")
        if declared is not None and declared.strip().isdigit():
            if int(declared) > self.limit:
                await self._too_large(send)
                return
            await self.app(scope, receive, send)  # the server stops the body at its declared length
            return
        messages: list[Message] = []
        size = 0
        while True:  # no declared length: buffer up to the limit, then replay
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.limit:
                await self._too_large(send)
                return
            if not message.get("more_body"):
                break

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, send: Send) -> None:
        megabytes = self.limit // (1024 * 1024)
        body: dict[str, Any] = {
            "error": {
                "code": "payload_too_large",
                "message": f"The request body is over {megabytes} MB; upload files through POST .../files instead.",
            }
        }
        payload = json.dumps(body).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(payload)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": payload})
