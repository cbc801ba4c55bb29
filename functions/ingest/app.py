"""IngestFunction: S3 ObjectCreated under uploads/ -> sniff the file -> mark it ready or rejected."""

from __future__ import annotations

import urllib.parse
from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from ferry.core.observability import logger
from ferry.migrations.uploads import UploadedObject, process_upload


@logger.inject_lambda_context(clear_state=True)
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    """Process every ObjectCreated record; redelivered events are harmless (see ferry.migrations.uploads)."""
    outcomes = []
    for record in event.get("Records", []):
        if not str(record.get("eventName", "")).startswith("ObjectCreated"):
            continue
        obj = record["s3"]["object"]
        uploaded = UploadedObject(
            # S3 URL-encodes keys in events (moto even encodes "/"); unquote_plus is right for both.
            key=urllib.parse.unquote_plus(obj["key"]),
            etag=str(obj.get("eTag", "")).strip('"'),
            size=int(obj.get("size", 0)),
            event_time=str(record.get("eventTime", "")),
        )
        outcomes.append(process_upload(uploaded))
    return {"outcomes": outcomes}
