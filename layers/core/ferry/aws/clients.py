"""Lazily created boto3 clients shared by the AWS adapters, and how a failed AWS call reaches the code above.

Clients are built on first use (cold starts stay short) and cached per (service, endpoint, region), so a
settings change (tests, local mode) gets a fresh client instead of one pointing at a stale endpoint.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from ferry.core.config import get_settings

T = TypeVar("T")

_clients: dict[tuple[str, str, str], Any] = {}
_lock = threading.Lock()


def client(service: str) -> Any:
    """The boto3 client for `service`, created on first use for the current endpoint and region."""
    settings = get_settings()
    cache_key = (service, settings.aws_endpoint_url, settings.region)
    cached = _clients.get(cache_key)
    if cached is not None:
        return cached
    with _lock:
        cached = _clients.get(cache_key)
        if cached is None:
            cached = _clients[cache_key] = _create(service, settings.region, bool(settings.aws_endpoint_url))
    return cached


def _create(service: str, region: str, custom_endpoint: bool) -> Any:
    # Imported here so functions that never touch AWS (and cold starts) skip boto3's import cost.
    import boto3
    from botocore.config import Config

    options: dict[str, Any] = {"retries": {"mode": "standard"}}
    if service == "s3":
        # SigV4 so presigned URLs can sign Content-Length/Content-Type; path style because a local
        # endpoint (moto) has no per-bucket DNS names.
        options["signature_version"] = "s3v4"
        options["s3"] = {"addressing_style": "path" if custom_endpoint else "auto"}
    if service == "bedrock-runtime":
        # The Bedrock planner retries throttling itself, within its own budget; a model answer takes a while.
        options["retries"] = {"mode": "standard", "total_max_attempts": 1}
        options["read_timeout"] = 300
    if service == "lambda":
        # The API waits for a short worker task (ferry.aws.functions): the wait is the read timeout, and no
        # retry (the invoked function carries on when the caller stops waiting; a retry would start it twice).
        options["retries"] = {"mode": "standard", "total_max_attempts": 1}
        options["read_timeout"] = get_settings().export_build_wait_seconds
        options["connect_timeout"] = 5
    # A fresh session per client: boto3's default session is not thread-safe to create clients from.
    # The endpoint is not passed: boto3 reads AWS_ENDPOINT_URL(_<SERVICE>) from the environment itself.
    return boto3.session.Session().client(service, region_name=region, config=Config(**options))


# AWS error codes worth retrying: throttling, a service briefly unavailable, a transaction that lost a race.
_TRANSIENT_CODES = {
    "ThrottlingException",
    "ProvisionedThroughputExceededException",
    "RequestLimitExceeded",
    "InternalServerError",
    "ServiceUnavailable",
    "SlowDown",
    "TransactionConflictException",
}


def transient_error_code(exc: BaseException) -> str | None:
    """The error code of an AWS call that failed in a way worth retrying (throttling, a 5xx), else None."""
    from botocore.exceptions import ClientError

    if not isinstance(exc, ClientError):
        return None
    code = str(exc.response.get("Error", {}).get("Code", ""))
    status = int(exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0))
    return code if code in _TRANSIENT_CODES or status >= 500 else None


def foreign_client(
    service: str,
    *,
    region: str,
    endpoint_url: str | None,
    access_key_id: str,
    secret_access_key: str,
    within_seconds: float | None = None,
) -> Any:
    """A client signed with someone else's keys (a customer's own bucket), never with the function's role.

    `within_seconds`: a call must end within that time (a check while a client waits): one attempt, with the
    connect and read timeouts cut to it."""
    import boto3
    from botocore.config import Config

    if within_seconds is not None:
        timeout = max(1.0, within_seconds)
        config = Config(retries={"mode": "standard", "total_max_attempts": 1}, connect_timeout=timeout,
                        read_timeout=timeout)  # fmt: skip
        return boto3.session.Session().client(
            service,
            region_name=region,
            endpoint_url=endpoint_url or None,
            aws_access_key_id=access_key_id,
            aws_secret_access_key=secret_access_key,
            config=config,
        )

    return boto3.session.Session().client(
        service,
        region_name=region,
        endpoint_url=endpoint_url or None,
        aws_access_key_id=access_key_id,
        aws_secret_access_key=secret_access_key,
        config=Config(retries={"mode": "standard"}, connect_timeout=10, read_timeout=60),
    )


class AwsCallFailed(Exception):
    """An AWS call failed: `code` is the service's error code and `status` its HTTP status, or `reached`
    is False when the service was not reached at all (then `code` names the client-side failure)."""

    def __init__(self, code: str, status: int, *, reached: bool) -> None:
        super().__init__(code or str(status))
        self.code = code
        self.status = status
        self.reached = reached


def call_aws(action: Callable[[], T]) -> T:
    """Run `action` (one or more boto3 calls), turning botocore's errors into AwsCallFailed."""
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        return action()
    except ClientError as exc:
        code = str(exc.response.get("Error", {}).get("Code", ""))
        status = int(exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0) or 0)
        raise AwsCallFailed(code, status, reached=True) from exc
    except BotoCoreError as exc:
        raise AwsCallFailed(type(exc).__name__, 0, reached=False) from exc


def preload_sdk() -> None:
    """Import boto3 and botocore's client machinery ahead of the first call (a SnapStart snapshot keeps them).
    Creates no client, so no credentials are read and no connection is opened."""
    import boto3  # noqa: F401
    import botocore.client  # noqa: F401


def reset_clients() -> None:
    """Forget every cached client: tests, after pointing the environment somewhere else, and an environment
    restored from a SnapStart snapshot (its clients would carry the snapshot's credentials and connections)."""
    with _lock:
        _clients.clear()
