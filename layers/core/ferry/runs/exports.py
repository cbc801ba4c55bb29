"""Finding a completed run's CSV exports (polars-free, for the API).

The execute step stores `valid` and `invalid`. `all` is built from the run's output rows the first time it
is asked for: the API invokes the worker function (step `build_export`, ferry.runs.steps.build_export) and
waits up to `export_build_wait_seconds`; the stored export then serves every later request. A build still
running when the wait is over carries on, and until it is stored the API answers 503 `export_not_ready` with
`Retry-After` (a marker object says a build is under way, so waiting clients do not start it again).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from ferry.aws.dynamo import RunRecord
from ferry.aws.s3 import Blobs, export_build_key, export_key
from ferry.core.errors import Conflict, FerryError, InvalidRequest
from ferry.core.observability import logger

EXPORT_MISSING = "The export of this run is no longer stored; execute the migration again."
BUILT_ON_DEMAND = "all"
BUILD_RETRY_AFTER_SECONDS = 10
# A Lambda runs at most 15 minutes: an older marker belongs to a build that died, and a new one may start.
BUILD_STALE_SECONDS = 900


class ExportNotReady(FerryError):
    """503: the export is being built; ask again after `retry_after` seconds (the `Retry-After` header)."""

    status = 503
    code = "export_not_ready"
    retry_after = BUILD_RETRY_AFTER_SECONDS


@dataclass(frozen=True)
class Export:
    key: str
    size: int
    filename: str


def locate_export(blobs: Blobs, run: RunRecord, template: str | None, filter: str) -> Export:
    """The stored export of one template of a completed execute run or import (`all` built on first request).

    409 unless the run is a completed execute or import; 400 when `template` is missing but the run imported
    several templates, or names one the run did not import; 503 (ExportNotReady) while `all` is being built.
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
    if size is None and filter == BUILT_ON_DEMAND:
        size = _build(blobs, run, template)
    if size is None:
        raise Conflict(EXPORT_MISSING, code="export_missing", run_id=run.run_id)
    return Export(key=key, size=size, filename=f"{template}.{filter}.csv")


def _build(blobs: Blobs, run: RunRecord, sheet_id: str) -> int | None:
    """Have the worker build the run's `all` export of `sheet_id` and wait for it; its size, or None when the
    run's exports are gone (expired with the `valid` one, or its output rows no longer stored)."""
    from ferry.aws.functions import StillRunning, TaskError, invoke_run_task

    if blobs.size(export_key(run.run_id, sheet_id, "valid")) is None:
        return None  # the exports expired: nothing to build beside
    marker = export_build_key(run.run_id, sheet_id, BUILT_ON_DEMAND)
    started = blobs.get_json(marker)
    if isinstance(started, dict) and time.time() - float(started.get("started_at", 0)) < BUILD_STALE_SECONDS:
        raise _not_ready()
    blobs.put_json(marker, {"started_at": time.time()})
    ref: dict[str, Any] = {"run_id": run.run_id, "migration_id": run.migration_id, "account_id": run.account_id,
                           "kind": run.kind}  # fmt: skip
    if run.company_id is not None:
        ref["company_id"] = run.company_id
    try:
        invoke_run_task({"step": "build_export", "run": ref, "sheet_id": sheet_id, "export": BUILT_ON_DEMAND})
    except StillRunning:
        logger.info("export still building", run_id=run.run_id, sheet_id=sheet_id)
        raise _not_ready() from None
    except TaskError as exc:
        blobs.delete([marker])
        if exc.error_type == "StepFailed":  # the output rows are gone
            return None
        raise
    except BaseException:
        blobs.delete([marker])  # the task never ran: let the next request try again
        raise
    return blobs.size(export_key(run.run_id, sheet_id, BUILT_ON_DEMAND))


def _not_ready() -> ExportNotReady:
    return ExportNotReady(
        f"The `all` export of this run is being prepared; ask again in {BUILD_RETRY_AFTER_SECONDS} seconds.",
        retry_after_seconds=BUILD_RETRY_AFTER_SECONDS,
    )


def read_export(blobs: Blobs, export: Export) -> bytes:
    """The bytes of a (small) export."""
    data = blobs.get_bytes(export.key)
    if data is None:
        raise Conflict(
            "The export of this run is no longer stored; execute the migration again.", code="export_missing"
        )
    return data
