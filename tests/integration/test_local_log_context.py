"""Local mode runs Lambda handlers in-process (local/lambdas.py): a log line carries the context of its own
invocation only, and the API's requests (served by uvicorn, no Lambda) carry none (issue 15, item 7)."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from ferry.core.observability import logger
from local import lambdas
from local.stack import LocalStack

LAMBDA_KEYS = {"function_name", "function_request_id", "function_arn", "cold_start", "function_memory_size"}


class _Lines(logging.Handler):
    """Every ferry log line as the function's JSON formatter writes it (formatted in the logging thread)."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[dict[str, Any]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(json.loads(logger.registered_formatter.format(record)))

    def take(self, message: str) -> list[dict[str, Any]]:
        found = [line for line in self.lines if line.get("message") == message]
        self.lines.clear()
        return found


@pytest.fixture
def logged() -> Iterator[_Lines]:
    # Other tests call handlers directly (outside local/lambdas.py, as a Lambda runtime would in its own
    # process); start from a logger without their keys so what is checked is this test's invocations only.
    logger.clear_state()
    handler = _Lines()
    logging.getLogger(logger.name).addHandler(handler)
    yield handler
    logging.getLogger(logger.name).removeHandler(handler)


def test_api_log_lines_carry_no_lambda_context(  # type: ignore[no-untyped-def]
    api: TestClient, account, stack: LocalStack, logged: _Lines
) -> None:
    response = stack.client("lambda").invoke(FunctionName="SweeperFunction", Payload=b"{}")
    assert "FunctionError" not in response, response["Payload"].read()
    logged.lines.clear()
    assert api.post("/v1/migrations", json={"name": "x"}, headers=account().headers).status_code == 201
    lines = logged.take("migration created")
    assert lines, "no log line seen"
    assert [sorted(LAMBDA_KEYS & set(line)) for line in lines] == [[]]


def test_concurrent_invocations_log_their_own_context(logged: _Lines) -> None:
    """Two handlers running at once each log their own function name and request id."""
    both_inside = threading.Barrier(2, timeout=10)

    @logger.inject_lambda_context(clear_state=True)
    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        both_inside.wait()  # the other invocation has set its context too
        logger.info("handler ran", tag=event["tag"])
        return {}

    lambdas.HANDLERS["FirstFunction"] = lambdas.HANDLERS["SecondFunction"] = handler

    class _Fn:  # the parts of moto's LambdaFunction the hook reads
        def __init__(self, name: str) -> None:
            self.function_name, self.function_arn = name, f"arn:aws:lambda:us-east-1:1:function:{name}"
            self.memory_size, self.timeout = 128, 30

    try:
        threads = [
            threading.Thread(target=lambdas._invoke_in_process, args=(_Fn(name), json.dumps({"tag": name})))
            for name in ("FirstFunction", "SecondFunction")
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=10)
    finally:
        del lambdas.HANDLERS["FirstFunction"], lambdas.HANDLERS["SecondFunction"]
    lines = logged.take("handler ran")
    assert sorted((line["tag"], line["function_name"]) for line in lines) == [
        ("FirstFunction", "FirstFunction"),
        ("SecondFunction", "SecondFunction"),
    ]
    assert len({line["function_request_id"] for line in lines}) == 2
    logger.info("after the invocations")
    assert not LAMBDA_KEYS & set(logged.take("after the invocations")[0])
