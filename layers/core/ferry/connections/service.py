"""Connection use cases: create/update, read, delete, store credentials, extract, commit bookmarks.

A connection belongs to a migration and a profile (or, profile "workbook", to the migration itself).
Credentials only ever go to Secrets Manager (ferry.aws.secrets); the item keeps the secret's ARN. Extraction
turns each selected stream into a file of the migration, ingested exactly like an upload, so the agent and
the engine see no difference. Bookmarks found by an extraction wait in `pending_state` until the run's
execute commits (in the run's completing write), so a failed import never skips records next time.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import mimetypes
import re
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ferry.aws.dynamo import WORKBOOK_PROFILE, ConnectionRecord, ConnectionStore, FileRecord, Store
from ferry.aws.s3 import Blobs, upload_key
from ferry.aws.secrets import Vault
from ferry.connections.connectors.base import (
    Connector,
    ConnectorCredentials,
    Record,
    outbound_deadline,
    parse_config,
    parse_credentials,
    secret_values,
)
from ferry.connections.connectors.registry import available_connectors, connector_class
from ferry.core.clock import now_iso
from ferry.core.config import get_settings
from ferry.core.domain import AccountKey
from ferry.core.errors import Conflict, InvalidRequest, NotFound
from ferry.core.ids import has_prefix, new_id
from ferry.core.observability import logger
from ferry.migrations.files import sanitize_filename
from ferry.migrations.service import require_migration

CONNECTION_NOT_FOUND = "Connection not found."
_PROFILE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$")
_UNSET: Any = object()


@dataclass(frozen=True)
class ConnectionInput:
    """What a client sends to create or update a connection (`profile_id` may be left unset)."""

    source_key: str
    profile_id: Any = _UNSET  # str, None (workbook) or _UNSET (the key's default profile)
    config: Mapping[str, Any] | None = None
    streams: list[str] | None = None
    state: Mapping[str, Any] | None = None
    credentials: Mapping[str, Any] | None = None


def unset() -> Any:
    """The marker for an omitted `profile_id`."""
    return _UNSET


# ------------------------------------------------------------------------------------------ profiles


def profile_key_for_body(account: AccountKey, profile_id: Any) -> str:
    """Omitted -> the key's default profile (or the workbook); null -> the workbook; else that profile."""
    if profile_id is _UNSET:
        return account.profile_id or WORKBOOK_PROFILE
    if profile_id is None:
        return WORKBOOK_PROFILE
    return _checked_profile(str(profile_id), "profile_id")


def profile_key_for_query(account: AccountKey, profile: str | None, param: str = "profile_id") -> str:
    """`?profile_id=` omitted -> the key's default profile (or the workbook); `workbook` -> the workbook."""
    if profile is None or profile == "":
        return account.profile_id or WORKBOOK_PROFILE
    if profile == WORKBOOK_PROFILE:
        return WORKBOOK_PROFILE
    return _checked_profile(profile, param)


def _checked_profile(profile_id: str, param: str) -> str:
    if profile_id == WORKBOOK_PROFILE or not _PROFILE.match(profile_id):
        raise InvalidRequest(
            f"`{param}` must be 1-64 letters, digits, `_`, `-` or `.` (and not `workbook`).", param=param
        )
    return profile_id


# ------------------------------------------------------------------------------------------ routes' use cases


def list_connectors() -> list[type[Connector]]:
    """Every enabled connector."""
    return available_connectors()


def upsert_connection(
    db: Store, vault: Vault, account: AccountKey, migration_id: str, body: ConnectionInput
) -> ConnectionRecord:
    """Create the migration's connection for a profile, or replace its config, streams and state.

    No network I/O: config and literal hosts are checked and credentials validated against the connector's
    fields, then stored; they are checked at the source at first use, or by `check_connection`.
    """
    require_migration(db, account.account_id, migration_id)
    cls = connector_class(body.source_key)
    config = parse_config(cls, body.config)
    cls.check_config(config)
    # None (omitted or null): the connector's default streams, kept as null.
    streams = cls.validate_streams(list(body.streams)) if body.streams is not None else None
    state = _checked_state(body.state)
    profile_key = profile_key_for_body(account, body.profile_id)
    table = ConnectionStore(db)
    existing = table.get(migration_id, profile_key, cls.source_key)
    config_json = config.model_dump(mode="json")
    if (
        existing is not None
        and existing.creds_configured
        and body.credentials is None
        and existing.config != config_json
    ):
        # Stored credentials must never follow a changed host unchecked.
        raise InvalidRequest(
            "Changing `config` of a connection with stored credentials needs `credentials` sent again.",
            param="credentials",
        )
    credentials = parse_credentials(cls, body.credentials) if body.credentials is not None else None

    now = now_iso()
    connection_id = existing.connection_id if existing else new_id("conn")
    secret_arn = existing.secret_arn if existing else None
    new_secret = False
    if credentials is not None:
        new_secret = secret_arn is None
        secret_arn = vault.put_credentials(connection_id, secret_values(credentials), account_id=account.account_id)
    record = ConnectionRecord(
        account_id=account.account_id,
        migration_id=migration_id,
        connection_id=connection_id,
        source_key=cls.source_key,
        profile_key=profile_key,
        config=config_json,
        streams=streams,
        state=state if body.state is not None else (existing.state if existing else {}),
        pending_state=existing.pending_state if existing else None,
        secret_arn=secret_arn,
        creds_configured=secret_arn is not None,
        extractor=existing.extractor if existing else None,
        last_extraction=existing.last_extraction if existing else None,
        last_synced_at=existing.last_synced_at if existing else None,
        created_at=existing.created_at if existing else now,
        updated_at=now,
    )
    if not table.put(record, replacing=existing.connection_id if existing else None):
        if new_secret and secret_arn:
            vault.delete_credentials(secret_arn)  # nothing may point at it
        raise Conflict("The connection was changed by another request at the same time; try again.")
    logger.info(
        "connection saved",
        migration_id=migration_id,
        connection_id=connection_id,
        source_key=cls.source_key,
        new_connection=existing is None,
        credentials_updated=credentials is not None,
    )
    return record


def get_connection(
    db: Store, account: AccountKey, migration_id: str, source_key: str | None, profile: str | None
) -> ConnectionRecord:
    """The connection of the migration for the profile (and source, when several share the profile)."""
    require_migration(db, account.account_id, migration_id)
    return _find(db, account, migration_id, source_key, profile)


def delete_connection(
    db: Store, vault: Vault, account: AccountKey, migration_id: str, source_key: str | None, profile: str | None
) -> None:
    """Delete the connection and its secret."""
    require_migration(db, account.account_id, migration_id)
    found = _find(db, account, migration_id, source_key, profile)
    deleted = ConnectionStore(db).delete(migration_id, found.profile_key, found.source_key)
    if deleted is None:
        raise NotFound(CONNECTION_NOT_FOUND)
    if deleted.secret_arn:
        vault.delete_credentials(deleted.secret_arn)
    logger.info("connection deleted", migration_id=migration_id, connection_id=deleted.connection_id)


def check_connection(
    db: Store, vault: Vault, account: AccountKey, migration_id: str, source_key: str | None, profile: str | None
) -> ConnectionRecord:
    """Test the connection's stored credentials at the source now (resolving and guarding its host).

    A 400 names the problem (no credentials yet, an unsafe or unknown host, refused credentials, a source
    error) and carries `ok: false` at the top level; nothing is changed either way.
    """
    require_migration(db, account.account_id, migration_id)
    found = _find(db, account, migration_id, source_key, profile)
    try:
        try:
            connector = open_connector(found, vault)
        except Conflict as exc:  # no credentials stored: a problem of this request, not a state conflict
            raise InvalidRequest(exc.message, code=exc.code, param="credentials") from None
        try:
            with outbound_deadline(get_settings().outbound_deadline_seconds):
                connector.check()
        finally:
            connector.close()
    except InvalidRequest as exc:
        exc.top = {"ok": False}
        raise
    logger.info("connection checked", migration_id=migration_id, connection_id=found.connection_id)
    return found


def find_connection_by_id(db: Store, account_id: str, migration_id: str, connection_id: str) -> ConnectionRecord:
    """A connection of the caller's migration by its id (the runs' credentials answer names one)."""
    require_migration(db, account_id, migration_id)
    if has_prefix(connection_id, "conn"):
        for record in ConnectionStore(db).list_for(migration_id):
            if record.connection_id == connection_id and record.account_id == account_id:
                return record
    raise NotFound(CONNECTION_NOT_FOUND)


def list_migration_connections(db: Store, account_id: str, migration_id: str) -> list[ConnectionRecord]:
    """Every connection of the caller's migration (a run picks the one to extract from these)."""
    require_migration(db, account_id, migration_id)
    return [c for c in ConnectionStore(db).list_for(migration_id) if c.account_id == account_id]


def _find(
    db: Store, account: AccountKey, migration_id: str, source_key: str | None, profile: str | None
) -> ConnectionRecord:
    profile_key = profile_key_for_query(account, profile)
    table = ConnectionStore(db)
    if source_key:
        record = table.get(migration_id, profile_key, source_key.strip().lower())
        candidates = [record] if record else []
    else:
        candidates = table.list_for(migration_id, profile_key)
    candidates = [c for c in candidates if c.account_id == account.account_id]
    if not candidates:
        raise NotFound(CONNECTION_NOT_FOUND)
    if len(candidates) > 1:
        keys = ", ".join(c.source_key for c in candidates)
        raise InvalidRequest(f"This profile has several connections ({keys}); pass `source_key`.", param="source_key")
    return candidates[0]


def _checked_state(state: Mapping[str, Any] | None) -> dict[str, Any]:
    if state is None:
        return {}
    for stream, bookmark in state.items():
        if not isinstance(bookmark, dict) or set(bookmark) - {"cursor"}:
            raise InvalidRequest(f'`state.{stream}` must be an object like {{"cursor": ...}}.', param=f"state.{stream}")
    return dict(state)


# ------------------------------------------------------------------------------------------ credentials


def _check_credentials(cls: type[Connector], config: Mapping[str, Any], credentials: ConnectorCredentials) -> None:
    """Run the connector's check; its failures are plain 400s that name no secret."""
    connector = cls(parse_config(cls, config), credentials)
    try:
        with outbound_deadline(get_settings().outbound_deadline_seconds):  # a client waits for the answer
            connector.check()
    finally:
        connector.close()


def store_credentials(
    connection: ConnectionRecord,
    credentials: Mapping[str, Any],
    *,
    db: Store | None = None,
    vault: Vault | None = None,
) -> ConnectionRecord:
    """Validate credentials against the connector's credential fields, check them at the source, store them.

    Bad credentials answer 400 with a plain message and store nothing. Used by POST .../connection and by
    the runs' `credentials` answer to a credential request.
    """
    db = db or Store()
    vault = vault or Vault()
    cls = connector_class(connection.source_key)
    parsed = parse_credentials(cls, credentials)
    _check_credentials(cls, connection.config, parsed)
    arn = vault.put_credentials(connection.connection_id, secret_values(parsed), account_id=connection.account_id)
    updated = ConnectionStore(db).update(
        connection, {"secret_arn": arn, "creds_configured": True, "updated_at": now_iso()}
    )
    if updated is None:
        if connection.secret_arn is None:
            vault.delete_credentials(arn)
        raise NotFound(CONNECTION_NOT_FOUND)
    logger.info("connection credentials stored", connection_id=connection.connection_id)
    return updated


def credential_fields(connection: ConnectionRecord) -> list[str]:
    """The credential keys a credential request asks for."""
    return connector_class(connection.source_key).credential_field_names()


def open_connector(connection: ConnectionRecord, vault: Vault | None = None) -> Connector:
    """The connector for a connection, with its stored credentials.

    Raises Conflict (code `credentials_required`) when none are stored: the run then asks for them.
    """
    cls = connector_class(connection.source_key)
    stored = (vault or Vault()).get_credentials(connection.secret_arn) if connection.secret_arn else None
    if stored is None:
        raise Conflict(
            f"The {cls.name} connection has no credentials yet.",
            code="credentials_required",
            connection_id=connection.connection_id,
        )
    return cls(parse_config(cls, connection.config), parse_credentials(cls, stored))


# ------------------------------------------------------------------------------------------ extraction


def extract_connection(
    connection: ConnectionRecord,
    account_id: str,
    *,
    db: Store | None = None,
    blobs: Blobs | None = None,
    vault: Vault | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[FileRecord]:
    """Read every selected stream into a ready (or rejected) file of the migration, like an upload.

    Each stream becomes one CSV (records flattened, nested keys dotted) or, for file sources, the file
    itself; it is stored under the uploads layout, sniffed and given a manifest by the same code as an
    upload. The connection records the extractor, a summary and `last_synced_at`; the new bookmarks wait
    in `pending_state` until the import's completion moves them (`ferry.runs.steps.bookmark_moves`). Streams
    with nothing new produce no file.
    `progress` is told what is being read in plain words ("Extracting contacts from HubSpot (3 pages).").
    """
    if connection.account_id != account_id:
        raise NotFound(CONNECTION_NOT_FOUND)
    db = db or Store()
    blobs = blobs or Blobs()
    connector = open_connector(connection, vault)
    say = progress or (lambda _text: None)
    source = connector.name

    def page_done(stream: str, pages: int) -> None:
        say(f"Extracting {stream} from {source} ({pages} page{'s' if pages != 1 else ''}).")

    connector.page_listener = page_done
    files: list[FileRecord] = []
    summary: list[dict[str, Any]] = []
    pending: dict[str, Any] = dict(connection.state)
    try:
        streams = connection.streams or connector.discover()
        for stream in streams:
            logger.info("extracting stream", connection_id=connection.connection_id, stream=stream)
            say(f"Extracting {stream} from {source}.")
            outcome = _extract_stream(connector, connection, stream, db, blobs)
            say(_extracted_text(stream, source, outcome, connector.pages_read(stream)))
            if outcome.bookmark is not None:
                pending[stream] = {"cursor": outcome.bookmark}
            if outcome.file is not None:
                files.append(outcome.file)
            summary.append(
                {
                    "stream": stream,
                    "records": outcome.records,
                    "file_id": outcome.file.file_id if outcome.file else None,
                    "status": outcome.file.status if outcome.file else "unchanged",
                }
            )
    finally:
        connector.close()
    now = now_iso()
    ConnectionStore(db).update(
        connection,
        {
            "extractor": f"ferry.connectors.{connection.source_key}",
            "last_extraction": {"streams": summary, "file_count": len(files), "extracted_at": now},
            "last_synced_at": now,
            "pending_state": pending,
            "updated_at": now,
        },
    )
    logger.info("connection extracted", connection_id=connection.connection_id, file_count=len(files))
    return files


def _extracted_text(stream: str, source: str, outcome: _StreamOutcome, pages: int) -> str:
    records = outcome.records
    if outcome.file is None:
        return f"Nothing new in {stream} from {source}."
    if records is None:
        return f"Extracted {stream} from {source}."
    counted = f"{records} record{'s' if records != 1 else ''}"
    paged = f" ({pages} page{'s' if pages != 1 else ''})" if pages else ""
    return f"Extracted {counted} of {stream} from {source}{paged}."


@dataclass(frozen=True)
class _StreamOutcome:
    file: FileRecord | None
    records: int | None
    bookmark: Any | None


def _extract_stream(
    connector: Connector, connection: ConnectionRecord, stream: str, db: Store, blobs: Blobs
) -> _StreamOutcome:
    bookmark = (connection.state.get(stream) or {}).get("cursor")
    version = connector.file_version(stream)
    if version is not None and bookmark is not None and version <= str(bookmark):
        return _StreamOutcome(None, 0, bookmark)
    with tempfile.TemporaryDirectory(prefix="ferry-extract-") as tmp:
        path = Path(tmp) / "stream"
        filename = connector.fetch_file(stream, path)
        records: int | None = None
        new_bookmark: Any | None = version
        if filename is None:
            cursor = connector.cursor_field(stream)
            records, top = write_records_csv(
                connector.read(stream, bookmark if version is None else None), path, cursor
            )
            if records == 0:
                return _StreamOutcome(None, 0, bookmark)
            filename = f"{connection.source_key}-{stream}.csv"
            if version is None:
                new_bookmark = top if top is not None else bookmark
        file = _ingest_extracted(db, blobs, connection, sanitize_filename(filename.replace("/", "_")), path)
    return _StreamOutcome(file, records, new_bookmark)


def _ingest_extracted(db: Store, blobs: Blobs, connection: ConnectionRecord, filename: str, path: Path) -> FileRecord:
    """Record a file and ingest it with the upload pipeline (sniff, manifest, ready/rejected)."""
    # Imported here: ingestion brings the dataframe libraries, present only in worker functions.
    from ferry.migrations.uploads import UploadedObject, process_upload

    now = now_iso()
    file_id = new_id("file")
    size = path.stat().st_size
    record = FileRecord(
        account_id=connection.account_id,
        migration_id=connection.migration_id,
        file_id=file_id,
        filename=filename,
        content_type=mimetypes.guess_type(filename)[0] or "application/octet-stream",
        size=size,
        status="pending_upload",
        upload_key=upload_key(connection.account_id, connection.migration_id, file_id, filename),
        created_at=now,
        updated_at=now,
    )
    db.put_file(record)
    try:
        etag = blobs.upload_file(record.upload_key, path, record.content_type)
    except BaseException:
        # The object never landed: drop its record, so a retried extraction leaves no phantom pending file.
        with contextlib.suppress(Exception):
            db.delete_file(connection.migration_id, file_id)
        raise
    # The upload's S3 event may ingest it too; process_upload makes the second one a no-op.
    process_upload(UploadedObject(key=record.upload_key, etag=etag, size=size, event_time=now), db=db, blobs=blobs)
    return db.get_file(connection.migration_id, file_id) or record


# ------------------------------------------------------------------------------------------ records -> CSV


def flatten(record: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    """One CSV row from a record: nested objects become dotted columns, lists JSON text, null empty."""
    row: dict[str, str] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            nested = flatten(value, f"{name}.")
            row.update(nested if nested else {name: ""})
        else:
            row[name] = cell(value)
    return row


def cell(value: Any) -> str:
    """A value as CSV text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return json.dumps(value, default=str, ensure_ascii=False)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    return str(value)


def write_records_csv(records: Iterable[Record], path: Path, cursor_field: str | None) -> tuple[int, Any | None]:
    """Write records as a UTF-8 CSV with the union of their columns; returns (count, largest cursor value)."""
    columns: dict[str, None] = {}
    filled: set[str] = set()
    count = 0
    top: Any | None = None
    spool = path.with_suffix(".jsonl")
    # Two passes through a spool file: the header needs every column, memory must not need every row.
    with spool.open("w", encoding="utf-8") as out:
        for record in records:
            row = flatten(record)
            columns.update(dict.fromkeys(row))
            filled.update(k for k, v in row.items() if v)
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
            if cursor_field and record.get(cursor_field) is not None:
                top = _larger(top, record[cursor_field])
    # A null object (`profile: null`) next to filled ones (`profile.city`) is not a column of its own.
    header = [c for c in columns if c in filled or not any(o.startswith(c + ".") for o in columns)]
    with spool.open(encoding="utf-8") as rows, path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=header, restval="", extrasaction="ignore")
        if count:
            writer.writeheader()
        for line in rows:
            writer.writerow(json.loads(line))
    spool.unlink()
    return count, _jsonable(top)


def _larger(current: Any | None, value: Any) -> Any:
    if current is None:
        return value
    try:
        return value if value > current else current
    except TypeError:
        return value if str(value) > str(current) else current


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return cell(value)
