"""File use cases on the API side: hand out a presigned upload, list, read and delete files.

Ingestion (what happens once the bytes land in S3) is ferry.migrations.uploads; it runs in the ingest
function, which has the dataframe libraries this module must never import.
"""

from __future__ import annotations

import mimetypes
import re
import unicodedata
from dataclasses import dataclass

from ferry.aws.dynamo import FileRecord, Store
from ferry.aws.s3 import Blobs, PresignedPut, manifest_key, upload_key
from ferry.core.clock import iso_in, now_iso
from ferry.core.config import Settings
from ferry.core.errors import InvalidRequest, NotFound, PayloadTooLarge
from ferry.core.ids import has_prefix, new_id
from ferry.core.observability import logger
from ferry.migrations.service import require_migration

FILE_NOT_FOUND = "File not found."
MAX_FILENAME_LENGTH = 255
_CONTENT_TYPE = re.compile(r"^[A-Za-z0-9][\w.+-]*/[\w.+-]+(\s*;\s*[\w.+-]+=[\w.+\-\"]+)*$")


@dataclass(frozen=True)
class NewUpload:
    """A pending file, its presigned upload and when that expires."""

    file: FileRecord
    upload: PresignedPut
    expires_at: str


def sanitize_filename(raw: str) -> str:
    """A safe object-key segment from a client's file name: last path segment, no control characters.

    Raises InvalidRequest when nothing usable is left.
    """
    name = re.split(r"[/\\]", raw)[-1]
    # Drop control and format characters (NUL, newlines, bidi overrides) and normalise the rest.
    name = "".join(ch for ch in unicodedata.normalize("NFC", name) if unicodedata.category(ch) not in ("Cc", "Cf"))
    name = re.sub(r"\s+", " ", name).strip()
    if len(name) > MAX_FILENAME_LENGTH:
        stem, dot, ext = name.rpartition(".")
        keep_ext = bool(dot) and 0 < len(ext) <= 16 and bool(stem)
        name = (stem[: MAX_FILENAME_LENGTH - len(ext) - 1] + "." + ext) if keep_ext else name[:MAX_FILENAME_LENGTH]
    if name in ("", ".", ".."):
        raise InvalidRequest("filename must name a file, e.g. `contacts.csv`.", param="filename")
    return name


def _check_content_type(content_type: str) -> str:
    if len(content_type) > 255 or not _CONTENT_TYPE.match(content_type):
        raise InvalidRequest("content_type must be a media type such as `text/csv`.", param="content_type")
    return content_type


def human_size(size: int) -> str:
    """`536870912` -> `512 MB` (binary multiples, as people read file sizes)."""
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value)} {unit}" if value == int(value) else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} bytes"  # unreachable; keeps mypy sure of a return


def create_upload(
    db: Store,
    blobs: Blobs,
    settings: Settings,
    account_id: str,
    migration_id: str,
    *,
    filename: str,
    content_type: str | None = None,
    size: int | None = None,
) -> NewUpload:
    """Record a pending file and presign the PUT that uploads its bytes straight to S3."""
    require_migration(db, account_id, migration_id)
    safe_name = sanitize_filename(filename)
    if content_type is not None:
        _check_content_type(content_type)
    if size is not None and size > settings.max_upload_bytes:
        raise PayloadTooLarge(
            f"The file is {human_size(size)}; the upload limit is {human_size(settings.max_upload_bytes)}"
            f" ({settings.max_upload_bytes} bytes).",
            limit=settings.max_upload_bytes,
        )
    now = now_iso()
    file_id = new_id("file")
    record = FileRecord(
        account_id=account_id,
        migration_id=migration_id,
        file_id=file_id,
        filename=safe_name,
        content_type=content_type or mimetypes.guess_type(safe_name)[0] or "application/octet-stream",
        size=size,
        status="pending_upload",
        upload_key=upload_key(account_id, migration_id, file_id, safe_name),
        created_at=now,
        updated_at=now,
    )
    db.put_file(record)
    upload = blobs.presign_put(
        record.upload_key, expires_in=settings.upload_url_ttl_seconds, content_type=content_type, content_length=size
    )
    logger.info("upload presigned", migration_id=migration_id, file_id=file_id, declared_size=size)
    return NewUpload(file=record, upload=upload, expires_at=iso_in(settings.upload_url_ttl_seconds))


def list_files(db: Store, account_id: str, migration_id: str) -> list[FileRecord]:
    """The migration's files, oldest first."""
    require_migration(db, account_id, migration_id)
    return db.list_files(migration_id)


def get_file(db: Store, account_id: str, migration_id: str, file_id: str) -> FileRecord:
    """One file of the caller's migration."""
    require_migration(db, account_id, migration_id)
    record = db.get_file(migration_id, file_id) if has_prefix(file_id, "file") else None
    if record is None or record.account_id != account_id:
        raise NotFound(FILE_NOT_FOUND)
    return record


def delete_file(db: Store, blobs: Blobs, account_id: str, migration_id: str, file_id: str) -> None:
    """Delete a file: its item, its uploaded object and its manifest."""
    require_migration(db, account_id, migration_id)
    record = db.delete_file(migration_id, file_id) if has_prefix(file_id, "file") else None
    if record is None:
        raise NotFound(FILE_NOT_FOUND)
    blobs.delete([record.upload_key, manifest_key(account_id, migration_id, file_id)])
    logger.info("file deleted", migration_id=migration_id, file_id=file_id)
