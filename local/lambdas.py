"""Route moto's Lambda executions to the real handlers, imported in-process (no Docker).

moto runs every Lambda invocation (Step Functions tasks, the Invoke API, S3 notifications) through
`LambdaFunction._invoke_lambda`; we patch that one method. It is private, so moto is pinned and
tests/unit/test_local_hook.py fails loudly if it disappears.
"""

from __future__ import annotations

import contextvars
import importlib.util
import json
import sys
import threading
import traceback
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from moto.awslambda.models import LambdaFunction
from moto.s3 import notifications as s3_notifications

from ferry.core.observability import logger

Handler = Callable[[Any, Any], Any]

HANDLERS: dict[str, Handler] = {}  # function name -> handler
_original_invoke_awslambda = s3_notifications._invoke_awslambda
_async_pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="s3-notify")
_pending: set[Future[None]] = set()
_pending_lock = threading.Lock()


@dataclass
class LambdaContext:
    """The parts of the Lambda context object our handlers and Powertools read."""

    function_name: str
    invoked_function_arn: str
    memory_limit_in_mb: int = 128
    timeout_seconds: int = 30
    function_version: str = "$LATEST"
    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    log_group_name: str = ""
    log_stream_name: str = "local"

    def get_remaining_time_in_millis(self) -> int:
        return self.timeout_seconds * 1000


def load_handler(code_dir: Path, handler_ref: str, unique_name: str) -> Handler:
    """Import `module.func` from a function's CodeUri under a unique module name (every function has app.py)."""
    module_name, func_name = handler_ref.rsplit(".", 1)
    path = code_dir / (module_name.replace(".", "/") + ".py")
    spec = importlib.util.spec_from_file_location(f"ferry_functions.{unique_name}", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import handler {handler_ref} from {code_dir}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    handler: Handler = getattr(module, func_name)
    return handler


def _invoke_in_process(self: LambdaFunction, event: Any = None) -> tuple[str, bool, str]:
    handler = HANDLERS.get(self.function_name)
    if handler is None:
        body = {"errorType": "HandlerNotRegistered", "errorMessage": self.function_name}
        return json.dumps(body), True, ""
    if isinstance(event, str | bytes):
        event = json.loads(event or "{}")
    context = LambdaContext(
        function_name=self.function_name,
        invoked_function_arn=self.function_arn,
        memory_limit_in_mb=int(self.memory_size or 128),
        timeout_seconds=int(self.timeout or 30),
    )
    try:
        # A context of its own: the log keys the handler sets (its function name, request id, run id) stay
        # with this invocation, as each Lambda has its own process when deployed.
        return json.dumps(contextvars.copy_context().run(handler, event, context)), False, ""
    except Exception as exc:  # the payload real Lambda returns for an unhandled error
        trace = traceback.format_exc()
        body = {"errorType": type(exc).__name__, "errorMessage": str(exc), "stackTrace": trace.splitlines()}
        return json.dumps(body), True, trace


def _invoke_awslambda_async(account_id: str, event_body: Any, fn_arn: str, region_name: str) -> None:
    """S3 invokes Lambda asynchronously: the upload answers at once, ingestion follows."""
    future = _async_pool.submit(_original_invoke_awslambda, account_id, event_body, fn_arn, region_name)
    with _pending_lock:
        _pending.add(future)
    future.add_done_callback(_forget)


def _forget(future: Future[None]) -> None:
    with _pending_lock:
        _pending.discard(future)


def drain(timeout: float = 60.0) -> None:
    """Wait for in-flight asynchronous invocations (tests call this before resetting the stack)."""
    with _pending_lock:
        futures = list(_pending)
    for future in futures:
        try:
            future.result(timeout=timeout)
        except Exception:
            logger.exception("async invocation failed")


def install() -> None:
    LambdaFunction._invoke_lambda = _invoke_in_process  # type: ignore[method-assign]
    s3_notifications._invoke_awslambda = _invoke_awslambda_async
    _keep_log_keys_per_invocation()


def _keep_log_keys_per_invocation() -> None:
    """Powertools keeps the keys `inject_lambda_context` and `append_keys` set on the one shared formatter, so
    in one process every later log line (the API's requests' too) would carry the last invocation's
    `function_name` and request id, and concurrent invocations each other's. Here they go to the formatter's
    context-variable keys instead, which `_invoke_in_process` gives each invocation fresh."""

    def structure_logs(append: bool = False, formatter_options: Any = None, **keys: Any) -> None:
        if not append:
            logger.thread_safe_clear_keys()
        logger.thread_safe_append_keys(**keys)

    setattr(logger, "structure_logs", structure_logs)  # noqa: B010 - an instance attribute over the method
    setattr(logger, "append_keys", logger.thread_safe_append_keys)  # noqa: B010


def is_installed() -> bool:
    return LambdaFunction._invoke_lambda is _invoke_in_process
