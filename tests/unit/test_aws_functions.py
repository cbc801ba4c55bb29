"""The API's synchronous invocation of the worker function (ferry.aws.functions): the wait is the Lambda client's
read timeout with no retry, a timeout means the task is still running, a failed task says which error it was."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from botocore.exceptions import ReadTimeoutError

from ferry.aws import clients as aws
from ferry.aws import functions
from ferry.core.config import get_settings


class FakeLambda:
    def __init__(self, answer: dict[str, Any] | Exception) -> None:
        self.answer = answer
        self.calls: list[dict[str, Any]] = []

    def invoke(self, **kwargs: Any) -> dict[str, Any]:
        self.calls.append(kwargs)
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[dict[str, Any] | Exception], FakeLambda]]:
    def install(answer: dict[str, Any] | Exception) -> FakeLambda:
        client = FakeLambda(answer)
        monkeypatch.setattr(aws, "client", lambda service: client)
        return client

    monkeypatch.setenv("FERRY_RUN_TASK_FUNCTION_NAME", "RunTaskFunction")
    get_settings.cache_clear()
    yield install
    get_settings.cache_clear()


def test_the_task_answer_comes_back(fake: Callable[[dict[str, Any] | Exception], FakeLambda]) -> None:
    client = fake({"Payload": io.BytesIO(b'{"size": 12}'), "StatusCode": 200})
    assert functions.invoke_run_task({"step": "build_export"}) == {"size": 12}
    (call,) = client.calls
    assert call["FunctionName"] == "RunTaskFunction" and json.loads(call["Payload"]) == {"step": "build_export"}


def test_a_wait_that_runs_out_is_still_running(fake: Callable[[dict[str, Any] | Exception], FakeLambda]) -> None:
    fake(ReadTimeoutError(endpoint_url="https://lambda"))
    with pytest.raises(functions.StillRunning):
        functions.invoke_run_task({"step": "build_export"})


def test_a_failed_task_names_its_error(fake: Callable[[dict[str, Any] | Exception], FakeLambda]) -> None:
    body = {"errorType": "StepFailed", "errorMessage": "The rows of this run are no longer stored."}
    fake({"Payload": io.BytesIO(json.dumps(body).encode()), "FunctionError": "Unhandled"})
    with pytest.raises(functions.TaskError) as raised:
        functions.invoke_run_task({"step": "build_export"})
    assert raised.value.error_type == "StepFailed" and "no longer stored" in str(raised.value)


def test_the_lambda_client_waits_the_setting_and_never_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FERRY_EXPORT_BUILD_WAIT_SECONDS", "7")
    get_settings.cache_clear()
    try:
        client = aws._create("lambda", "us-east-1", False)
        assert client.meta.config.read_timeout == 7
        assert client.meta.config.retries["total_max_attempts"] == 1
    finally:
        get_settings.cache_clear()
