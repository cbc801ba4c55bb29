"""Lambda access: the API invoking the worker function (RunTaskFunction) for a short task while a client waits.

The only module that invokes a function. The call is synchronous, its read timeout the wait
(`export_build_wait_seconds`) and without retry (ferry.aws.clients): when the wait is over the caller stops
waiting and the invoked function carries on to the end.
"""

from __future__ import annotations

import json
from typing import Any

from ferry.aws import clients as aws
from ferry.core.config import get_settings


class StillRunning(Exception):
    """The invoked task did not answer within the wait; it carries on."""


class TaskError(Exception):
    """The invoked task failed: `error_type` is its exception's class name, the message its text."""

    def __init__(self, error_type: str, message: str) -> None:
        super().__init__(message)
        self.error_type = error_type


def invoke_run_task(payload: dict[str, Any]) -> dict[str, Any]:
    """Run one task of RunTaskFunction (`{"step", "run", ...}`) and wait for its answer (StillRunning when
    the wait is over first, TaskError when it failed)."""
    from botocore.exceptions import ReadTimeoutError

    try:
        response = aws.client("lambda").invoke(
            FunctionName=get_settings().run_task_function_name, Payload=json.dumps(payload).encode("utf-8")
        )
        body = json.loads(response["Payload"].read() or b"null")
    except ReadTimeoutError as exc:
        raise StillRunning(str(exc)) from None
    if response.get("FunctionError"):
        error = body if isinstance(body, dict) else {}
        raise TaskError(str(error.get("errorType", "Error")), str(error.get("errorMessage", "")))
    return body if isinstance(body, dict) else {}
