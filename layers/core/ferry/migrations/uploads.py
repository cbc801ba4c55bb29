"""Ingestion of one uploaded object: sniff it, store its manifest, mark its file `ready` or `rejected`.

Runs in the ingest function on S3 ObjectCreated events, which S3 delivers at least once and in no
guaranteed order. Every step is safe to repeat: the manifest key is fixed per file and the status
update is conditional on the object's ETag and event time (ferry.aws.dynamo.Store.record_ingest_result).
"""

from __future__ import annotations

import json
import tempfile
import urllib.parse
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Literal

from ferry.aws.dynamo import FileRecord, IngestResult, SheetSummary, Store
from ferry.aws.s3 import Blobs, UploadKey, manifest_key, parse_upload_key
from ferry.core.clock import iso, now, now_iso
from ferry.core.config import get_settings
from ferry.core.domain import FileManifest
from ferry.core.errors import FileRejected
from ferry.core.observability import logger
from ferry.migrations.files import human_size

Outcome = Literal["ready", "rejected", "duplicate", "ignored"]

UNREADABLE = "We could not read this file. Upload it as CSV (comma, semicolon or tab separated) or XLSX."
# The ingest function itself died on the file (out of memory, a reader aborting): Lambda's on-failure
# destination hands the event to `reject_failed_ingest`.
CRASHED = (
    "Ferry could not read this file: reading it stopped the importer. Save it again as CSV or XLSX "
    "(removing stray cells far from the table) and upload it again."
)
# A file still pending long after its upload URL was issued: the upload never came, or its ingestion died.
STALE = (
    "Ferry could not read this file, or its upload never finished, within {limit}. Upload it again; "
    "if this keeps happening, save it as CSV first."
)


@dataclass(frozen=True)
class UploadedObject:
    """What an S3 ObjectCreated record says about the object (key already URL-decoded)."""

    key: str
    etag: str
    size: int
    event_time: str


def process_upload(obj: UploadedObject, *, db: Store | None = None, blobs: Blobs | None = None) -> Outcome:
    """Ingest one uploaded object; repeated or stale deliveries change nothing."""
    db = db or Store()
    blobs = blobs or Blobs()
    upload = parse_upload_key(obj.key)
    if upload is None:
        logger.warning("object outside the upload layout ignored")
        return "ignored"
    logger.append_keys(migration_id=upload.migration_id, file_id=upload.file_id)
    try:
        return _process(obj, upload, db, blobs)
    finally:
        logger.remove_keys(["migration_id", "file_id"])


def _process(obj: UploadedObject, upload: UploadKey, db: Store, blobs: Blobs) -> Outcome:
    file = db.get_file(upload.migration_id, upload.file_id)
    if file is None:
        # The file (or its migration) was deleted; its bytes must not linger.
        logger.info("upload for an unknown or deleted file ignored")
        blobs.delete([obj.key])
        return "ignored"
    if file.account_id != upload.account_id or file.upload_key != obj.key:
        logger.warning("upload key does not match its file; ignored")
        return "ignored"
    if file.status != "pending_upload" and file.etag == obj.etag:
        logger.info("upload already ingested", status=file.status)
        return "duplicate"

    result = _ingest(obj, file, blobs)
    if result is None:
        logger.info("object changed or vanished since the event; a later event describes it")
        return "ignored"
    if result.status == "ready":
        blobs.put_json(result.manifest_key or "", _manifest_document(file, result))
    applied = db.record_ingest_result(upload.migration_id, upload.file_id, _summary(result), now_iso())
    if not applied:
        if db.get_file(upload.migration_id, upload.file_id) is None:
            # Deleted while we read it: remove what we just wrote rather than leave an orphan.
            blobs.delete([obj.key, manifest_key(upload.account_id, upload.migration_id, upload.file_id)])
        logger.info("ingest result not recorded: a newer or equal result is already there")
        return "duplicate"
    if result.status == "rejected":
        # A previous upload of this file may have left a manifest that no longer describes it.
        blobs.delete([manifest_key(upload.account_id, upload.migration_id, upload.file_id)])
    logger.info("file ingested", status=result.status, size=obj.size)
    return result.status


def objects_of_s3_event(event: dict[str, object]) -> list[UploadedObject]:
    """The ObjectCreated objects an S3 notification event names (keys URL-decoded)."""
    objects: list[UploadedObject] = []
    records = event.get("Records")
    for record in records if isinstance(records, list) else []:
        if not isinstance(record, dict) or not str(record.get("eventName", "")).startswith("ObjectCreated"):
            continue
        obj = record["s3"]["object"]
        objects.append(
            UploadedObject(
                # S3 URL-encodes keys in events (moto even encodes "/"); unquote_plus is right for both.
                key=urllib.parse.unquote_plus(obj["key"]),
                etag=str(obj.get("eTag", "")).strip('"'),
                size=int(obj.get("size", 0)),
                event_time=str(record.get("eventTime", "")),
            )
        )
    return objects


def reject_failed_ingest(message_body: str, *, db: Store | None = None, blobs: Blobs | None = None) -> list[str]:
    """Consume one message of the ingest function's on-failure queue: the S3 event whose invocation failed
    every attempt (Lambda's destination record holds it as `requestPayload`; a plain dead-letter message
    is the event itself). Each object's file is marked rejected with `CRASHED`, under the same condition as
    an ingest result (a newer upload of the file, or one already ingested, is left alone). Returns the
    file ids it rejected; a message it cannot read is logged and dropped."""
    try:
        document = json.loads(message_body)
        event = document.get("requestPayload", document) if isinstance(document, dict) else {}
        objects = objects_of_s3_event(event if isinstance(event, dict) else {})
    except (ValueError, KeyError, TypeError, AttributeError):
        logger.exception("unreadable ingest failure message dropped")
        return []
    db = db or Store()
    blobs = blobs or Blobs()
    rejected: list[str] = []
    for obj in objects:
        upload = parse_upload_key(obj.key)
        if upload is None:
            continue
        result = IngestResult(
            status="rejected", etag=obj.etag, uploaded_at=obj.event_time, size=obj.size, error=CRASHED
        )
        if db.record_ingest_result(upload.migration_id, upload.file_id, result, now_iso()):
            blobs.delete([manifest_key(upload.account_id, upload.migration_id, upload.file_id)])
            logger.warning("file rejected after its ingestion failed", migration_id=upload.migration_id,
                           file_id=upload.file_id)  # fmt: skip
            rejected.append(upload.file_id)
    return rejected


def sweep_stale_uploads(db: Store, at: datetime | None = None) -> list[str]:
    """Reject every file still `pending_upload` longer than `upload_stale_after_seconds` after it was
    created (the upload never came, or ingestion died without a word); returns their file ids."""
    limit = get_settings().upload_stale_after_seconds
    cutoff = iso((at or now()) - timedelta(seconds=limit))
    error = STALE.format(limit=_duration(limit))
    swept: list[str] = []
    for migration_id, file_id in db.list_pending_files(created_before=cutoff):
        if db.reject_pending_file(migration_id, file_id, error, now_iso()):
            logger.warning("stale pending upload rejected", migration_id=migration_id, file_id=file_id)
            swept.append(file_id)
    return swept


def _duration(seconds: int) -> str:
    if seconds % 3600 == 0:
        hours = seconds // 3600
        return f"{hours} hour{'s' if hours != 1 else ''}"
    if seconds % 60 == 0:
        minutes = seconds // 60
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    return f"{seconds} second{'s' if seconds != 1 else ''}"


@dataclass(frozen=True)
class _Result:
    status: Literal["ready", "rejected"]
    etag: str
    uploaded_at: str
    size: int
    manifest: FileManifest | None = None
    manifest_key: str | None = None
    error: str | None = None


def _ingest(obj: UploadedObject, file: FileRecord, blobs: Blobs) -> _Result | None:
    """Read the object and decide ready or rejected; None when it is gone or was replaced meanwhile."""
    settings = get_settings()

    def rejected(error: str) -> _Result:
        return _Result(status="rejected", etag=obj.etag, uploaded_at=obj.event_time, size=obj.size, error=error)

    if obj.size > settings.max_upload_bytes:
        return rejected(
            f"The file is {human_size(obj.size)}, larger than the {human_size(settings.max_upload_bytes)} limit."
        )
    # Imported here: ferry.ingest brings the dataframe libraries, which only the ingest function carries.
    from ferry.ingest import sniff

    with tempfile.TemporaryDirectory(prefix="ferry-ingest-") as tmp:
        path = Path(tmp) / "upload"
        if not blobs.download(obj.key, path, etag=obj.etag):
            return None
        try:
            manifest = sniff(
                path,
                file.filename,
                max_bytes=settings.max_upload_bytes,
                max_xlsx_uncompressed_bytes=settings.max_xlsx_uncompressed_bytes,
            )
        except FileRejected as exc:
            return rejected(exc.reason)
        except Exception:
            # A reader crashing on hostile input must not leave the file pending forever: the user
            # gets a plain answer, we get the traceback in the log.
            logger.exception("sniffing failed unexpectedly", migration_id=file.migration_id, file_id=file.file_id)
            return rejected(UNREADABLE)
    return _Result(
        status="ready",
        etag=obj.etag,
        uploaded_at=obj.event_time,
        size=obj.size,
        manifest=manifest,
        manifest_key=manifest_key(file.account_id, file.migration_id, file.file_id),
    )


def _summary(result: _Result) -> IngestResult:
    sheets = None
    if result.manifest is not None:
        sheets = [
            SheetSummary(sheet_id=s.sheet_id, name=s.name, columns=s.column_names, row_count=s.row_count)
            for s in result.manifest.sheets
        ]
    return IngestResult(
        status=result.status,
        etag=result.etag,
        uploaded_at=result.uploaded_at,
        size=result.size,
        sheets=sheets,
        manifest_key=result.manifest_key,
        error=result.error,
    )


def _manifest_document(file: FileRecord, result: _Result) -> dict[str, object]:
    assert result.manifest is not None
    return {
        "file_id": file.file_id,
        "migration_id": file.migration_id,
        "filename": file.filename,
        "etag": result.etag,
        **result.manifest.model_dump(mode="json"),
    }
