"""SweeperFunction: on a schedule, fail active runs whose engine died ("Import timed out") and free their migrations."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from ferry.core.observability import logger
from ferry.runs.lifecycle import Lifecycle, sweep_stale_runs


@logger.inject_lambda_context(clear_state=True)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    """EventBridge scheduled event in; the ids of the runs it failed out."""
    return {"swept": sweep_stale_runs(Lifecycle())}
