"""ApiFunction: the Migration API (FastAPI) behind API Gateway, through Mangum. No dataframe imports here."""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext
from mangum import Mangum

from ferry.api.app import create_app
from ferry.core.observability import logger

# Built once per container; AWS clients are created on first use inside requests.
asgi = Mangum(create_app(), lifespan="off")


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST, clear_state=True)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    """API Gateway REST proxy event in, proxy response out."""
    return asgi(event, context)
