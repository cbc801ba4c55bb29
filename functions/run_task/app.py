"""RunTaskFunction: every task of the run state machine (plan, park, edit, clarify, preview, execute, commit, fail)."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from ferry.core.observability import logger
from ferry.runs.tasks import handle


@logger.inject_lambda_context(clear_state=True)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    """`{"step", "run": {run_id, migration_id, account_id, kind}, ...}` in; the step's result out."""
    return handle(event)
