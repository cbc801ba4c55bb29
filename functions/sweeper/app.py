"""SweeperFunction: on a schedule, fail active runs whose engine died ("Import timed out") and free their migrations,
and reject files stuck in `pending_upload` (their upload never came or their ingestion died)."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from ferry.core.observability import logger
from ferry.migrations.uploads import sweep_stale_uploads
from ferry.runs.lifecycle import Lifecycle, sweep_stale_runs


@logger.inject_lambda_context(clear_state=True)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    """EventBridge scheduled event in; the ids of the runs it failed out and of the files it rejected."""
    lifecycle = Lifecycle()
    swept = sweep_stale_runs(lifecycle)
    rejected = sweep_stale_uploads(lifecycle.store)
    return {"swept": swept, **({"rejected_files": rejected} if rejected else {})}
