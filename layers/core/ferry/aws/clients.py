"""Lazily created boto3 clients, shared by the AWS adapters (ferry.aws.dynamo, ferry.aws.s3).

Clients are built on first use (cold starts stay short) and cached per (service, endpoint, region), so a
settings change (tests, local mode) gets a fresh client instead of one pointing at a stale endpoint.
"""

from __future__ import annotations

import threading
from typing import Any

from ferry.core.config import get_settings

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
    # A fresh session per client: boto3's default session is not thread-safe to create clients from.
    # The endpoint is not passed: boto3 reads AWS_ENDPOINT_URL(_<SERVICE>) from the environment itself.
    return boto3.session.Session().client(service, region_name=region, config=Config(**options))


def reset_clients() -> None:
    """Forget every cached client (tests, after pointing the environment somewhere else)."""
    with _lock:
        _clients.clear()
