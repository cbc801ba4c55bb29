"""S3 access: the bucket layout, presigned uploads, streaming downloads and JSON manifests.

Layout: `uploads/<acct>/<mig>/<file>/<filename>` (the ingestion trigger prefix),
`manifests/<acct>/<mig>/<file>.json` (what ingestion found in the file), `previews/<acct>/<mig>/<prev>.json`
(large preview bodies) and `runs/<run>/...` (a run's working objects).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from botocore.exceptions import ClientError

from ferry.aws import clients as aws
from ferry.core.config import get_settings
from ferry.core.ids import has_prefix

_CHUNK = 1024 * 1024
_MISSING = {"NoSuchKey", "404", "NotFound"}
_CHANGED = {"PreconditionFailed", "412"}
_MIN_PART = 5 * 1024 * 1024  # S3: every part of a multipart upload but the last
_COPY_WORKERS = 10  # botocore keeps 10 connections a client by default


@dataclass(frozen=True)
class UploadKey:
    """The ids an upload's object key carries."""

    account_id: str
    migration_id: str
    file_id: str
    filename: str


@dataclass(frozen=True)
class PresignedPut:
    """A presigned upload: the URL and the headers the client must send with it."""

    url: str
    headers: dict[str, str]


def upload_key(account_id: str, migration_id: str, file_id: str, filename: str) -> str:
    """Where a file's bytes are uploaded (`filename` must already be sanitised: no `/`)."""
    return f"uploads/{account_id}/{migration_id}/{file_id}/{filename}"


def manifest_key(account_id: str, migration_id: str, file_id: str) -> str:
    """Where ingestion stores a file's manifest."""
    return f"manifests/{account_id}/{migration_id}/{file_id}.json"


def preview_key(account_id: str, migration_id: str, preview_id: str) -> str:
    """Where a preview too large for its table item is stored."""
    return f"previews/{account_id}/{migration_id}/{preview_id}.json"


def run_key(run_id: str, name: str) -> str:
    """A run's working object (planner state, draft preview, staging): fixed per run and name, so a
    retried step overwrites rather than duplicates."""
    return f"runs/{run_id}/{name}"


def export_key(run_id: str, sheet_id: str, filter: str) -> str:
    """Where an execute run's CSV export of one template and filter (valid/invalid/all) is stored: `valid`
    and `invalid` as the run completes, `all` once it is first asked for (ferry.runs.exports)."""
    return f"exports/{run_id}/{sheet_id}.{filter}.csv"


def export_build_key(run_id: str, sheet_id: str, filter: str) -> str:
    """The marker of an export being built on demand (`{"started_at": epoch seconds}`), gone once it is built."""
    return f"exports/{run_id}/{sheet_id}.{filter}.building"


def export_prefix(run_id: str) -> str:
    """Every export of a run."""
    return f"exports/{run_id}/"


def parse_upload_key(key: str) -> UploadKey | None:
    """The ids in an upload key, or None when the key is not one we hand out."""
    parts = key.split("/", 4)
    if len(parts) != 5 or parts[0] != "uploads" or not parts[4] or "/" in parts[4]:
        return None
    _, account_id, migration_id, file_id, filename = parts
    if not account_id or not has_prefix(migration_id, "mig") or not has_prefix(file_id, "file"):
        return None
    return UploadKey(account_id, migration_id, file_id, filename)


class Blobs:
    """The data bucket. `client` is an optional boto3 S3 client (tests inject a stubbed one)."""

    def __init__(self, bucket: str | None = None, client: Any = None) -> None:
        self._bucket = bucket
        self._client = client

    @property
    def bucket(self) -> str:
        """The bucket name (from settings unless given)."""
        return self._bucket or get_settings().bucket_name

    @property
    def client(self) -> Any:
        """The injected S3 client, else the shared lazily created one."""
        return self._client or aws.client("s3")

    def presign_put(
        self, key: str, *, expires_in: int, content_type: str | None = None, content_length: int | None = None
    ) -> PresignedPut:
        """A URL the client PUTs the bytes to, and the headers it must send (they are signed)."""
        params: dict[str, Any] = {"Bucket": self.bucket, "Key": key}
        headers: dict[str, str] = {}
        if content_type is not None:
            params["ContentType"] = content_type
            headers["Content-Type"] = content_type
        if content_length is not None:
            # Signed, so S3 refuses a body of any other length: the declared size is enforced.
            params["ContentLength"] = content_length
            headers["Content-Length"] = str(content_length)
        url = self.client.generate_presigned_url("put_object", Params=params, ExpiresIn=expires_in)
        return PresignedPut(url=url, headers=headers)

    def download(self, key: str, path: Path, *, etag: str | None = None, max_bytes: int | None = None) -> bool:
        """Stream an object (or its first `max_bytes`) to `path`. False when it is gone, or no longer has
        `etag` (a newer upload)."""
        body = self._body(key, etag, None if max_bytes is None else f"bytes=0-{max_bytes - 1}")
        if body is None:
            return False
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as out:
            for chunk in body.iter_chunks(_CHUNK):
                out.write(chunk)
        return True

    def stream(
        self, key: str, *, etag: str | None = None, start: int = 0, end: int | None = None, block_size: int = 8 * _CHUNK
    ) -> Iterator[bytes] | None:
        """The object's bytes [start, end) in blocks, read as they arrive (nothing lands on disk); None when it is
        gone or no longer has `etag`."""
        byte_range = None
        if start or end is not None:
            if end is not None and end <= start:
                return iter(())
            byte_range = f"bytes={start}-{'' if end is None else end - 1}"
        body = self._body(key, etag, byte_range)
        return None if body is None else iter(body.iter_chunks(block_size))

    def _body(self, key: str, etag: str | None, byte_range: str | None) -> Any:
        """The streaming body of a GET of the object (only `byte_range` when given); None when it is gone or no
        longer has `etag`."""
        params: dict[str, Any] = {"Bucket": self.bucket, "Key": key}
        if etag:
            params["IfMatch"] = etag
        if byte_range:
            params["Range"] = byte_range
        try:
            return self.client.get_object(**params)["Body"]
        except ClientError as exc:
            if _error_code(exc) in _MISSING | _CHANGED:
                return None
            raise

    def concatenate(self, key: str, pieces: list[tuple[str, int]], content_type: str) -> None:
        """Store under `key` the bytes of each `(source key, first byte)` piece end to end, in S3: a multipart
        upload copying the large pieces server-side (UploadPartCopy) and sending the small ones through this
        process (every part but the last must be at least 5 MiB). FileNotFoundError when a piece is gone."""
        spans: list[tuple[str, int, int]] = []
        for src, start in pieces:
            size = self.size(src)
            if size is None:
                raise FileNotFoundError(src)
            if size > start:
                spans.append((src, start, size))
        if sum(size - start for _, start, size in spans) < _MIN_PART:
            body = b"".join(self._range(src, start, size) for src, start, size in spans)
            self.client.put_object(Bucket=self.bucket, Key=key, Body=body, ContentType=content_type)
            return
        upload = self.client.create_multipart_upload(Bucket=self.bucket, Key=key, ContentType=content_type)
        upload_id, buffer = upload["UploadId"], bytearray()
        jobs: list[dict[str, Any]] = []  # each part's UploadPart / UploadPartCopy arguments, in order
        try:
            for src, start, size in spans:
                if buffer:  # top the pending bytes up to a part from this piece's head
                    take = min(size - start, _MIN_PART - len(buffer))
                    buffer += self._range(src, start, start + take)
                    start += take
                    if len(buffer) < _MIN_PART:
                        continue
                    jobs.append({"Body": bytes(buffer)})
                    buffer.clear()
                if size - start >= _MIN_PART:
                    source = {"Bucket": self.bucket, "Key": src}
                    jobs.append({"CopySource": source, "CopySourceRange": f"bytes={start}-{size - 1}"})
                elif size > start:
                    buffer += self._range(src, start, size)
            if buffer or not jobs:
                jobs.append({"Body": bytes(buffer)})

            def send(number: int, job: dict[str, Any]) -> dict[str, Any]:
                ids = {"Bucket": self.bucket, "Key": key, "UploadId": upload_id, "PartNumber": number}
                if "CopySource" in job:
                    etag = self.client.upload_part_copy(**ids, **job)["CopyPartResult"]["ETag"]
                else:
                    etag = self.client.upload_part(**ids, **job)["ETag"]
                return {"PartNumber": number, "ETag": etag}

            # the copies run in S3; issuing them side by side is what keeps a 300-part export to seconds
            with ThreadPoolExecutor(max_workers=_COPY_WORKERS) as pool:
                parts = list(pool.map(send, range(1, len(jobs) + 1), jobs))
            self.client.complete_multipart_upload(
                Bucket=self.bucket, Key=key, UploadId=upload_id, MultipartUpload={"Parts": parts}
            )
        except BaseException:
            self.client.abort_multipart_upload(Bucket=self.bucket, Key=key, UploadId=upload_id)
            raise

    def _range(self, key: str, start: int, end: int) -> bytes:
        if end <= start:
            return b""
        response = self.client.get_object(Bucket=self.bucket, Key=key, Range=f"bytes={start}-{end - 1}")
        return bytes(response["Body"].read())

    def upload_file(self, key: str, path: Path, content_type: str) -> str:
        """Store a local file under `key` (connector extractions); returns the object's ETag."""
        with path.open("rb") as body:
            response = self.client.put_object(Bucket=self.bucket, Key=key, Body=body, ContentType=content_type)
        return str(response["ETag"])

    def size(self, key: str) -> int | None:
        """An object's size in bytes, or None when there is none."""
        try:
            head = self.client.head_object(Bucket=self.bucket, Key=key)
        except ClientError as exc:
            if _error_code(exc) in _MISSING:
                return None
            raise
        return int(head["ContentLength"])

    def get_bytes(self, key: str) -> bytes | None:
        """A (small) object's bytes, or None when there is none."""
        try:
            return bytes(self.client.get_object(Bucket=self.bucket, Key=key)["Body"].read())
        except ClientError as exc:
            if _error_code(exc) in _MISSING:
                return None
            raise

    def presign_get(self, key: str, *, expires_in: int, filename: str | None = None) -> str:
        """A short-lived URL that downloads the object (as `filename` when given)."""
        params: dict[str, Any] = {"Bucket": self.bucket, "Key": key}
        if filename:
            params["ResponseContentDisposition"] = f'attachment; filename="{filename}"'
        return str(self.client.generate_presigned_url("get_object", Params=params, ExpiresIn=expires_in))

    def put_json(self, key: str, data: Any) -> None:
        """Store a JSON document."""
        self.client.put_object(
            Bucket=self.bucket,
            Key=key,
            Body=json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
            ContentType="application/json",
        )

    def get_json(self, key: str) -> Any | None:
        """A stored JSON document, or None when there is none."""
        try:
            body = self.client.get_object(Bucket=self.bucket, Key=key)["Body"]
        except ClientError as exc:
            if _error_code(exc) in _MISSING:
                return None
            raise
        return json.loads(body.read())

    def delete(self, keys: list[str]) -> None:
        """Delete objects by key (missing keys are fine)."""
        for start in range(0, len(keys), 1000):  # DeleteObjects takes at most 1000 keys
            batch = [{"Key": key} for key in keys[start : start + 1000]]
            if batch:
                self.client.delete_objects(Bucket=self.bucket, Delete={"Objects": batch, "Quiet": True})

    def keys(self, prefix: str) -> list[str]:
        """The keys under `prefix` (needs s3:ListBucket), in key order."""
        paginator = self.client.get_paginator("list_objects_v2")
        keys: list[str] = []
        for page in paginator.paginate(Bucket=self.bucket, Prefix=prefix):
            keys += [obj["Key"] for obj in page.get("Contents", [])]
        return keys

    def delete_prefix(self, prefix: str) -> int:
        """Delete every object under `prefix` (needs s3:ListBucket); returns how many were listed."""
        if not prefix.endswith("/"):
            raise ValueError("a prefix to delete must end with '/'")
        paginator = self.client.get_paginator("list_objects_v2")
        count = 0
        for page in paginator.paginate(Bucket=self.bucket, Prefix=prefix):
            keys = [obj["Key"] for obj in page.get("Contents", [])]
            self.delete(keys)
            count += len(keys)
        return count


def _error_code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))
