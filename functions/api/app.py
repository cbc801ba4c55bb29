"""ApiFunction: the Migration API (FastAPI) behind API Gateway, through Mangum. No dataframe imports here.

The function runs with SnapStart (template.yaml): Lambda initialises it when a version is published, runs the
before-snapshot hook (which builds the app: every module imported, every route and model built) and snapshots
the result; a cold start resumes from that snapshot. Importing this module stays light (powertools only) so an
environment without a snapshot (local mode, tests, a region without SnapStart) pays for FastAPI and the routes
on its first request, and only once.
"""

from __future__ import annotations

import random
import threading
from typing import Any

from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from ferry.core.observability import logger

_asgi: Any = None
_lock = threading.Lock()


def asgi() -> Any:
    """The Mangum adapter around the FastAPI app, built once per execution environment."""
    global _asgi
    if _asgi is None:
        with _lock:
            if _asgi is None:
                from mangum import Mangum

                from ferry.api.app import create_app

                _asgi = Mangum(create_app(), lifespan="off")
    return _asgi


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST, clear_state=True)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    """API Gateway REST proxy event in, proxy response out."""
    return asgi()(event, context)  # type: ignore[no-any-return]


def before_snapshot() -> None:
    """Warm what is safe to snapshot: the app and boto3's modules. No AWS client, no connection, no credentials."""
    from ferry.aws.clients import preload_sdk

    asgi()
    preload_sdk()  # most of a first AWS call's cost; the clients themselves are made per environment


def after_restore() -> None:
    """Every environment resumed from the one snapshot must not share its state: drop the AWS clients (their
    credentials and pooled connections belong to the snapshot) and reseed `random` (retry jitter)."""
    from ferry.aws.clients import reset_clients

    reset_clients()
    random.seed()  # from os.urandom: each environment its own sequence


try:  # the Lambda Python runtime ships snapshot_restore_py; local mode and tests do not
    from snapshot_restore_py import register_after_restore, register_before_snapshot
except ImportError:
    pass
else:
    register_before_snapshot(before_snapshot)
    register_after_restore(after_restore)
