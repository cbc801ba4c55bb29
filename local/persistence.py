"""`make run`'s state on disk: DynamoDB items, S3 objects and Secrets Manager secrets survive a restart.

moto keeps everything in memory. This module snapshots the stack's state into a directory (default
`.local/state`, FERRY_LOCAL_STATE_DIR) and puts it back on the next start, before the API serves:

    .local/state/
      .lock               held (flock) by the running server: a second server on the same state is refused
      snapshot.json       items, secrets and the S3 index; replaced atomically (temp file, fsync, rename)
      s3/<bucket>/<sha256(key)>-<etag>   each object's bytes, written once per ETag

When: every FERRY_LOCAL_SNAPSHOT_SECONDS (default 2) when something may have changed (stack.write_count
moved), and once more at shutdown. A SIGKILL loses at most the last interval; the previous snapshot stays
whole because a snapshot only ever replaces the file by rename, and object files are written (and fsynced)
before the index that names them.

How each service is read and written back:
- DynamoDB: read in-process from moto's backend while holding the lock that serialises every item operation
  (local/dynamodb.py), so a snapshot is a consistent cut: a transaction (run + migration lock) is in it whole
  or not at all, which a paged Scan over HTTP could not promise. Items are kept in DynamoDB's wire JSON, as
  moto holds them, and put back through the backend's put_item.
- S3: through the S3 API. list_objects_v2 each snapshot; get_object only for an object whose ETag is new,
  streamed to its file; unchanged objects are never read or rewritten again. Restore PUTs each object with its
  Content-Type and user metadata while the bucket notification is switched off (restored uploads must not be
  ingested again), and keeps its ETag (file records download with If-Match on it).
- Secrets Manager: through its API (list, describe, get value), restored with the same name, value, description,
  tags and ARN (connection records keep the ARN; moto would draw a new random suffix, so the backend object's
  ARN is set back). The snapshot holds connection credentials in plain text: it is written 0600.

Step Functions executions are not restored: a run that was in flight when the server stopped is failed by
the sweeper on the next start (local/sweeper.py), as a run whose engine died is on AWS.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import hashlib
import json
import os
import re
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from moto.dynamodb.models import dynamodb_backends
from moto.dynamodb.models.dynamo_type import DynamoType
from moto.s3.models import s3_backends
from moto.secretsmanager.models import secretsmanager_backends

from ferry.core.observability import logger
from local import dynamodb
from local.stack import LocalStack
from local.template import ACCOUNT_ID, PARTITION, REGION, ROOT

DEFAULT_STATE_DIR = ROOT / ".local" / "state"
SNAPSHOT = "snapshot.json"
FORMAT = 1
_CHUNK = 8 * 1024 * 1024
_OBJECT_FIELDS = ("ContentType", "ContentEncoding", "ContentDisposition", "ContentLanguage", "CacheControl")


class StateDirBusy(RuntimeError):
    """Another server holds the state directory."""


@dataclass
class Restored:
    items: int = 0
    objects: int = 0
    secrets: int = 0
    skipped: int = 0  # entries whose table/bucket no longer exists, or whose object file is missing

    def __str__(self) -> str:
        text = f"{self.items} items, {self.objects} objects, {self.secrets} secrets"
        return text + (f" ({self.skipped} skipped, see the log)" if self.skipped else "")


class StateDir:
    """The directory and its lock. `acquire` before anything reads or writes it."""

    def __init__(self, path: Path) -> None:
        self.path = path.resolve()
        self._lock_file: IO[str] | None = None

    @property
    def snapshot_path(self) -> Path:
        return self.path / SNAPSHOT

    def acquire(self) -> StateDir:
        self.path.mkdir(parents=True, exist_ok=True)
        handle = open(self.path / ".lock", "a+", encoding="utf-8")  # noqa: SIM115 - held for the server's life
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            message = f"{self.path} is in use by another local server (stop it, or set FERRY_LOCAL_STATE_DIR)"
            raise StateDirBusy(message) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._lock_file = handle
        return self

    def release(self) -> None:
        if self._lock_file is not None:
            fcntl.flock(self._lock_file, fcntl.LOCK_UN)
            self._lock_file.close()
            self._lock_file = None

    def wipe(self) -> None:
        """Forget the saved state (the lock must be held)."""
        for child in self.path.iterdir():
            if child.name == ".lock":
                continue
            if child.is_dir():
                shutil.rmtree(child)
            else:
                child.unlink()


class Snapshotter:
    """Restores the stack from a StateDir, then keeps the StateDir up to date until stopped."""

    def __init__(self, stack: LocalStack, state: StateDir, every: float = 2.0) -> None:
        self.stack = stack
        self.state = state
        self.every = every
        self.saves = 0  # snapshots written (tests read it)
        self._saved_count = -1
        self._index: dict[str, dict[str, dict[str, Any]]] = {}  # bucket -> key -> object entry
        self._save_lock = threading.Lock()
        self._clients: dict[str, Any] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="local-snapshots", daemon=True)

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> Snapshotter:
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop the periodic snapshots, then write a last one."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(60)
        try:
            self.save()
        except Exception:
            logger.exception("final local snapshot failed; the previous one is kept")

    def _loop(self) -> None:
        while not self._stop.wait(self.every):
            try:
                self.save()
            except Exception:
                logger.exception("local snapshot failed; the previous one is kept")

    def _client(self, service: str) -> Any:
        if service not in self._clients:  # boto3 clients are thread-safe; creating one costs tens of ms
            self._clients[service] = self.stack.client(service)
        return self._clients[service]

    # ------------------------------------------------------------------ save
    def save(self, force: bool = False) -> bool:
        """Write a snapshot if anything may have changed since the last one; True when one was written."""
        with self._save_lock:
            count = self.stack.write_count  # read first: writes answered later are in the next snapshot
            if count == self._saved_count and not force:
                return False
            tables = self._dump_tables()
            secrets = self._dump_secrets()
            index = self._dump_objects()
            document = {
                "format": FORMAT,
                "saved_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "dynamodb": tables,
                "secretsmanager": secrets,
                "s3": index,
            }
            _write_atomically(self.state.snapshot_path, json.dumps(document, separators=(",", ":")).encode())
            self._index = index
            self._remove_unreferenced_objects()
            self._saved_count = count
            self.saves += 1
            return True

    def _dump_tables(self) -> dict[str, list[dict[str, Any]]]:
        backend = dynamodb_backends[ACCOUNT_ID][REGION]
        with dynamodb.LOCK:  # no item operation runs meanwhile: a consistent cut
            return {
                name: [{k: _wire(v) for k, v in item.attrs.items()} for item in table.all_items()]
                for name, table in backend.tables.items()
            }

    def _dump_secrets(self) -> list[dict[str, Any]]:
        client = self._client("secretsmanager")
        dumped: list[dict[str, Any]] = []
        for page in client.get_paginator("list_secrets").paginate():
            for listed in page["SecretList"]:
                try:
                    value = client.get_secret_value(SecretId=listed["ARN"])
                except client.exceptions.ResourceNotFoundException:
                    continue  # deleted meanwhile
                entry: dict[str, Any] = {
                    "Name": listed["Name"],
                    "ARN": listed["ARN"],
                    "Description": listed.get("Description"),
                    "Tags": listed.get("Tags") or [],
                }
                if "SecretString" in value:
                    entry["SecretString"] = value["SecretString"]
                elif "SecretBinary" in value:
                    entry["SecretBinary"] = base64.b64encode(value["SecretBinary"]).decode()
                dumped.append(entry)
        return dumped

    def _dump_objects(self) -> dict[str, dict[str, dict[str, Any]]]:
        client = self._client("s3")
        index: dict[str, dict[str, dict[str, Any]]] = {}
        for bucket in (b["Name"] for b in client.list_buckets().get("Buckets", [])):
            known = self._index.get(bucket, {})
            entries: dict[str, dict[str, Any]] = {}
            for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket):
                for obj in page.get("Contents", []):
                    key, etag = obj["Key"], obj["ETag"]
                    previous = known.get(key)
                    if previous and previous["ETag"] == etag and (self.state.path / previous["file"]).is_file():
                        entries[key] = previous
                        continue
                    entry = self._save_object(client, bucket, key)
                    if entry is not None:
                        entries[key] = entry
            index[bucket] = entries
        return index

    def _save_object(self, client: Any, bucket: str, key: str) -> dict[str, Any] | None:
        try:
            response = client.get_object(Bucket=bucket, Key=key)
        except client.exceptions.NoSuchKey:
            return None  # deleted since the listing
        etag = response["ETag"]
        name = hashlib.sha256(key.encode()).hexdigest() + "-" + re.sub(r"[^0-9A-Za-z-]", "", etag)
        relative = Path("s3") / _safe(bucket) / name
        target = self.state.path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        with _atomic_file(target) as out:
            for chunk in response["Body"].iter_chunks(_CHUNK):
                out.write(chunk)
        entry: dict[str, Any] = {"file": relative.as_posix(), "ETag": etag, "Size": response["ContentLength"]}
        entry.update({f: response[f] for f in _OBJECT_FIELDS if response.get(f)})
        if response.get("Metadata"):
            entry["Metadata"] = response["Metadata"]
        return entry

    def _remove_unreferenced_objects(self) -> None:
        root = self.state.path / "s3"
        if not root.is_dir():
            return
        referenced = {e["file"] for entries in self._index.values() for e in entries.values()}
        for path in root.rglob("*"):
            if path.is_file() and path.relative_to(self.state.path).as_posix() not in referenced:
                path.unlink(missing_ok=True)

    # ------------------------------------------------------------------ restore
    def restore(self) -> Restored | None:
        """Put the saved state back (before the API serves); None when there is none."""
        path = self.state.snapshot_path
        for stray in self.state.path.rglob(".tmp-*"):  # a snapshot cut short by a kill
            stray.unlink(missing_ok=True)
        if not path.is_file():
            return None
        try:
            document = json.loads(path.read_bytes())
            if document.get("format") != FORMAT:
                raise ValueError(f"format {document.get('format')!r}, expected {FORMAT}")
        except ValueError as exc:
            kept = path.with_name(f"{SNAPSHOT}.unreadable-{int(time.time())}")
            path.rename(kept)
            logger.error("local state not restored: unreadable snapshot set aside", path=str(kept), error=str(exc))
            return None
        restored = Restored()
        self._restore_tables(document.get("dynamodb", {}), restored)
        self._restore_secrets(document.get("secretsmanager", []), restored)
        self._index = self._restore_objects(document.get("s3", {}), restored)
        self._saved_count = self.stack.write_count  # what is in moto now is what is on disk
        return restored

    def _restore_tables(self, tables: dict[str, list[dict[str, Any]]], restored: Restored) -> None:
        backend = dynamodb_backends[ACCOUNT_ID][REGION]
        with dynamodb.LOCK:
            for name, items in tables.items():
                if name not in backend.tables:
                    logger.warning("local state: table gone from the template, items skipped", table=name)
                    restored.skipped += len(items)
                    continue
                for item in items:
                    backend.put_item(name, item)
                restored.items += len(items)

    def _restore_secrets(self, secrets: list[dict[str, Any]], restored: Restored) -> None:
        client = self._client("secretsmanager")
        backend = secretsmanager_backends[ACCOUNT_ID][REGION]
        for entry in secrets:
            kwargs: dict[str, Any] = {"Name": entry["Name"], "Tags": entry.get("Tags") or []}
            if entry.get("Description"):
                kwargs["Description"] = entry["Description"]
            if "SecretString" in entry:
                kwargs["SecretString"] = entry["SecretString"]
            elif "SecretBinary" in entry:
                kwargs["SecretBinary"] = base64.b64decode(entry["SecretBinary"])
            client.create_secret(**kwargs)
            backend.secrets[entry["Name"]].arn = entry["ARN"]  # the ARN records hold, not a new random one
            restored.secrets += 1

    def _restore_objects(
        self, index: dict[str, dict[str, dict[str, Any]]], restored: Restored
    ) -> dict[str, dict[str, dict[str, Any]]]:
        client = self._client("s3")
        existing = {b["Name"] for b in client.list_buckets().get("Buckets", [])}
        kept: dict[str, dict[str, dict[str, Any]]] = {}
        for bucket, entries in index.items():
            if bucket not in existing:
                logger.warning("local state: bucket gone from the template, objects skipped", bucket=bucket)
                restored.skipped += len(entries)
                continue
            notifications = client.get_bucket_notification_configuration(Bucket=bucket)
            notifications.pop("ResponseMetadata", None)
            client.put_bucket_notification_configuration(Bucket=bucket, NotificationConfiguration={})
            try:
                kept[bucket] = self._put_objects(client, bucket, entries, restored)
            finally:
                client.put_bucket_notification_configuration(Bucket=bucket, NotificationConfiguration=notifications)
        return kept

    def _put_objects(
        self, client: Any, bucket: str, entries: dict[str, dict[str, Any]], restored: Restored
    ) -> dict[str, dict[str, Any]]:
        kept: dict[str, dict[str, Any]] = {}
        for key, entry in entries.items():
            path = self.state.path / entry["file"]
            if not path.is_file():
                logger.warning("local state: object file missing, object skipped", bucket=bucket, key=key)
                restored.skipped += 1
                continue
            extra = {f: entry[f] for f in _OBJECT_FIELDS if entry.get(f)}
            with path.open("rb") as body:
                etag = client.put_object(
                    Bucket=bucket, Key=key, Body=body, Metadata=entry.get("Metadata", {}), **extra
                )["ETag"]
            if etag != entry["ETag"]:  # e.g. a multipart upload's "<md5>-<parts>": keep what records hold
                s3_backends[ACCOUNT_ID][PARTITION].get_object(bucket, key)._etag = entry["ETag"].strip('"')  # type: ignore[union-attr]
            kept[key] = entry
            restored.objects += 1
        return kept


def state_dir_from_environment(environ: dict[str, str]) -> Path:
    value = environ.get("FERRY_LOCAL_STATE_DIR", "").strip()
    return Path(value).expanduser() if value else DEFAULT_STATE_DIR


# ---------------------------------------------------------------------------------------------- helpers


def _wire(value: DynamoType) -> dict[str, Any]:
    """An attribute as moto holds it -> DynamoDB's wire JSON (what put_item takes back)."""
    if value.is_list():
        return {"L": [_wire(v) for v in value.value]}
    if value.is_map():
        return {"M": {k: _wire(v) for k, v in value.value.items()}}
    raw = value.value
    if isinstance(raw, bytes):
        raw = base64.b64encode(raw).decode()
    elif isinstance(raw, list | set):
        raw = [base64.b64encode(v).decode() if isinstance(v, bytes) else v for v in raw]
    return {value.type: raw}


def _safe(name: str) -> str:
    return re.sub(r"[^0-9A-Za-z._-]", "_", name)


@contextlib.contextmanager
def _atomic_file(target: Path) -> Any:
    """Write `target` through a temp file in its directory, fsynced and renamed into place."""
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    dir_fd = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _write_atomically(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with _atomic_file(target) as out:
        out.write(data)
