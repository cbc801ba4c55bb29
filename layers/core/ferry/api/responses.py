"""Answers that are not a JSON body: the CSV export of a completed run or import."""

from __future__ import annotations

from fastapi import status
from fastapi.responses import JSONResponse, RedirectResponse, Response

from ferry.api.deps import ExportQuery
from ferry.aws.dynamo import RunRecord
from ferry.aws.s3 import Blobs
from ferry.core.config import Settings
from ferry.runs import exports

# The export routes' OpenAPI: CSV inline, or a redirect for a large one.
EXPORT_RESPONSES: dict[int | str, dict[str, object]] = {
    200: {"content": {"text/csv": {}}, "description": "The rows as CSV."},
    302: {"description": "A large export: a short-lived presigned URL to download it from."},
    503: {
        "description": "`export_not_ready`: the `all` export is built on its first request and is not ready yet; "
        "ask again after `Retry-After` seconds."
    },
}


def export_response(blobs: Blobs, settings: Settings, run: RunRecord, query: ExportQuery) -> Response:
    """The run's CSV inline, or a 302 to a short-lived presigned URL when it is too large to answer inline;
    409 unless the run completed with exports; 503 with Retry-After while the `all` export is being built."""
    try:
        export = exports.locate_export(blobs, run, query.template, query.filter)
    except exports.ExportNotReady as exc:
        return JSONResponse(exc.body(), status_code=exc.status, headers={"Retry-After": str(exc.retry_after)})
    if export.size > settings.export_inline_max_bytes:
        url = blobs.presign_get(export.key, expires_in=settings.export_url_ttl_seconds, filename=export.filename)
        return RedirectResponse(url, status_code=status.HTTP_302_FOUND)
    return Response(
        exports.read_export(blobs, export),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{export.filename}"'},
    )
