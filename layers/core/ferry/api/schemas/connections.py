"""Request and response bodies of the connection routes, mapped explicitly from store records."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from ferry.api.schemas.common import ErrorDetail
from ferry.aws.dynamo import ConnectionRecord
from ferry.connections.connectors.base import Connector
from ferry.core.domain import Strict


class ConnectionCreate(Strict):
    """Create the migration's connection for a profile, or update it (same source and profile)."""

    source_key: str = Field(min_length=1, max_length=64, examples=["hubspot"])
    profile_id: str | None = Field(
        default=None,
        max_length=64,
        description="Omitted: the API key's default profile. null: bound to the workbook (the migration).",
    )
    config: dict[str, Any] | None = Field(default=None, description="Validated against the connector's config_fields.")
    streams: list[str] | None = Field(
        default=None, max_length=200, description="Streams to extract; omitted or null: the connector's default."
    )
    state: dict[str, Any] | None = Field(
        default=None, description='Per-stream bookmarks, e.g. {"contacts": {"cursor": "2025-01-01T00:00:00Z"}}.'
    )
    credentials: dict[str, Any] | None = Field(
        default=None,
        description="Validated against credential_fields and stored only in Secrets Manager; checked at the source "
        "at first use or by POST .../connection/check.",
    )


class ConnectionPublic(BaseModel):
    """A source connection. Never carries a credential."""

    connection_id: str
    source_key: str
    name: str
    category: str | None = Field(description="The connector's grouping as shown to people (e.g. `CRM`), or null.")
    config: dict[str, Any]
    streams: list[str] | None = Field(description="The streams to extract; null: the connector's default streams.")
    state: dict[str, Any]
    creds_configured: bool
    extractor: str | None
    last_extraction: dict[str, Any] | None
    last_synced_at: str | None
    profile_id: str | None = Field(description="null when the connection is bound to the workbook.")
    created_at: str
    updated_at: str

    @classmethod
    def of(cls, record: ConnectionRecord, connector: type[Connector]) -> ConnectionPublic:
        """The public view of a stored connection."""
        return cls(
            connection_id=record.connection_id,
            source_key=record.source_key,
            name=connector.name,
            category=connector.category,
            config=record.config,
            streams=record.streams,
            state=record.state,
            creds_configured=record.creds_configured,
            extractor=record.extractor,
            last_extraction=record.last_extraction,
            last_synced_at=record.last_synced_at,
            profile_id=record.profile_id,
            created_at=record.created_at,
            updated_at=record.updated_at,
        )


class ConnectionCheck(BaseModel):
    """The connection's credentials work at the source."""

    ok: bool = True


class ConnectionCheckFailed(BaseModel):
    """Why the check failed (the error shape, with `ok: false` beside it)."""

    ok: bool = False
    error: ErrorDetail


class ConnectorPublic(BaseModel):
    """A source system Ferry can extract from."""

    source_key: str
    name: str
    category: str | None
    config_fields: dict[str, Any] = Field(description="JSON Schema of `config`.")
    credential_fields: dict[str, Any] = Field(description="JSON Schema of `credentials`; secrets marked x-secret.")
    streams: list[str] = Field(description="Default streams; empty when they depend on the config.")

    @classmethod
    def of(cls, connector: type[Connector]) -> ConnectorPublic:
        """The public description of a connector."""
        return cls(
            source_key=connector.source_key,
            name=connector.name,
            category=connector.category,
            config_fields=connector.config_fields(),
            credential_fields=connector.credential_fields(),
            streams=list(connector.default_streams),
        )


class ConnectorList(BaseModel):
    """Every available connector."""

    connectors: list[ConnectorPublic]
