"""IngestFunction: S3 ObjectCreated under uploads/ -> sniff the file -> mark it ready or rejected.

It also consumes its own on-failure queue (SQS): an S3 event whose invocation failed every attempt (the
process died on the file) marks the file rejected, so it never stays `pending_upload`.
"""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from ferry.core.observability import logger
from ferry.migrations.uploads import objects_of_s3_event, process_upload, reject_failed_ingest


@logger.inject_lambda_context(clear_state=True)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    """Process every ObjectCreated record; redelivered events are harmless (see ferry.migrations.uploads)."""
    records = event.get("Records", [])
    failures = [r for r in records if isinstance(r, dict) and r.get("eventSource") == "aws:sqs"]
    if failures:
        return {"rejected": [file_id for r in failures for file_id in reject_failed_ingest(str(r.get("body", "")))]}
    return {"outcomes": [process_upload(uploaded) for uploaded in objects_of_s3_event(event)]}
