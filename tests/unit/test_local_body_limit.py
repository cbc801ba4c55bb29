"""Local mode mirrors API Gateway's 10 MB request-body limit (issue 15, item 7): 413 in the contract's shape,
without reading more of the body than the limit."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from local.body_limit import MAX_BODY_BYTES, BodyLimitMiddleware

CHUNK = 1024 * 1024


class _Recorder:
    def __init__(self) -> None:
        self.called = False
        self.body = b""

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        self.called = True
        while True:
            message = await receive()
            self.body += message.get("body", b"")
            if not message.get("more_body"):
                break
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})


def _run(headers: list[tuple[bytes, bytes]], total: int) -> tuple[_Recorder, list[dict[str, Any]], int]:
    app = _Recorder()
    sent: list[dict[str, Any]] = []
    pulled = 0

    async def receive() -> dict[str, Any]:
        nonlocal pulled
        size = min(CHUNK, total - pulled)
        pulled += size
        return {"type": "http.request", "body": b"x" * size, "more_body": pulled < total}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/v1/migrations", "headers": headers}
    asyncio.run(BodyLimitMiddleware(app)(scope, receive, send))
    return app, sent, pulled


def _status_and_body(sent: list[dict[str, Any]]) -> tuple[int, dict[str, Any]]:
    return sent[0]["status"], json.loads(b"".join(m.get("body", b"") for m in sent[1:]))


def test_a_declared_oversized_body_is_refused_unread() -> None:
    app, sent, pulled = _run([(b"content-length", str(300 * CHUNK).encode())], 300 * CHUNK)
    status, body = _status_and_body(sent)
    assert status == 413 and body["error"]["code"] == "payload_too_large"
    assert pulled == 0 and not app.called


def test_a_chunked_oversized_body_is_refused_after_the_limit() -> None:
    app, sent, pulled = _run([(b"transfer-encoding", b"chunked")], 300 * CHUNK)
    status, body = _status_and_body(sent)
    assert status == 413 and "10 MB" in body["error"]["message"]
    assert pulled <= MAX_BODY_BYTES + CHUNK and not app.called


@pytest.mark.parametrize("total", [0, 5 * CHUNK, MAX_BODY_BYTES])
def test_bodies_up_to_the_limit_pass_whole(total: int) -> None:
    app, sent, _ = _run([(b"content-length", str(total).encode())], total)
    assert sent[0]["status"] == 200 and len(app.body) == total


def test_the_local_server_applies_it() -> None:
    from local.server import build_app

    assert isinstance(build_app(), BodyLimitMiddleware)
