"""AuthorizerFunction: API Gateway REQUEST authorizer on the anx-api-key header."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from ferry.api.auth import authorize_request
from ferry.core.observability import logger


@logger.inject_lambda_context(clear_state=True)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    """Allow policy with the account as context, or raise Exception("Unauthorized") (API Gateway's 401)."""
    return authorize_request(event)
