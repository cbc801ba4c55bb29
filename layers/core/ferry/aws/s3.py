"""S3 access: the bucket layout, presigned uploads, streaming downloads and JSON manifests.

Layout: `uploads/<acct>/<mig>/<file>/<filename>` (the ingestion trigger prefix),
`manifests/<acct>/<mig>/<file>.json` (what ingestion found in the file), `previews/<acct>/<mig>/<prev>.json`
(large preview bodies) and `runs/<run>/...` (a run's working objects).
"""

from __future__ import annotations

import json
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
    """Where an execute run's CSV export of one template and filter (valid/invalid/all) is stored."""
    return f"exports/{run_id}/{sheet_id}.{filter}.csv"


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
        params: dict[str, Any] = {"Bucket": self.bucket, "Key": key}
        if etag:
            params["IfMatch"] = etag
        if max_bytes is not None:
            params["Range"] = f"bytes=0-{max_bytes - 1}"
        try:
            body = self.client.get_object(**params)["Body"]
        except ClientError as exc:
            if _error_code(exc) in _MISSING | _CHANGED:
                return False
            raise
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as out:
            for chunk in body.iter_chunks(_CHUNK):
                out.write(chunk)
        return True

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
