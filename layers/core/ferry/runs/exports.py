"""Finding a completed run's CSV exports (written by the execute step; polars-free, for the API)."""

from __future__ import annotations

from dataclasses import dataclass

from ferry.aws.dynamo import RunRecord
from ferry.aws.s3 import Blobs, export_key
from ferry.core.errors import Conflict, InvalidRequest

EXPORT_MISSING = "The export of this run is no longer stored; execute the migration again."


@dataclass(frozen=True)
class Export:
    key: str
    size: int
    filename: str


def locate_export(blobs: Blobs, run: RunRecord, template: str | None, filter: str) -> Export:
    """The stored export of one template of a completed execute run or import.

    409 unless the run is a completed execute or import; 400 when `template` is missing but the run imported
    several templates, or names one the run did not import.
    """
    if run.kind not in ("execute", "import") or run.status != "completed" or not run.report:
        what = "import" if run.kind == "import" else "execute run"
        raise Conflict(f"Only a completed {what} can be exported.", code="run_not_exportable", run_id=run.run_id)
    sheet_ids = [str(t["sheetId"]) for t in run.report.get("templates", [])]
    if template is None:
        if len(sheet_ids) != 1:
            raise InvalidRequest(
                f"This run imported several templates; name one with `template` ({', '.join(sheet_ids)}).",
                param="template",
            )
        template = sheet_ids[0]
    if template not in sheet_ids:
        known = ", ".join(sheet_ids) or "none"
        raise InvalidRequest(f"This run imported no template {template!r} (it imported: {known}).", param="template")
    key = export_key(run.run_id, template, filter)
    size = blobs.size(key)
    if size is None:
        raise Conflict(EXPORT_MISSING, code="export_missing", run_id=run.run_id)
    return Export(key=key, size=size, filename=f"{template}.{filter}.csv")


def read_export(blobs: Blobs, export: Export) -> bytes:
    """The bytes of a (small) export."""
    data = blobs.get_bytes(export.key)
    if data is None:
        raise Conflict(
            "The export of this run is no longer stored; execute the migration again.", code="export_missing"
        )
    return data
