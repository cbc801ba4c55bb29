"""The registry of source systems: an explicit table of source_key → connector class, less the disabled ones.

A deployment switches connectors off with `FERRY_DISABLED_CONNECTORS` (comma-separated source keys). Each
connector module imports its heavy client (psycopg, boto3) only when it first needs it.
"""

from __future__ import annotations

from ferry.connections.connectors.base import Connector
from ferry.connections.connectors.hubspot import HubSpotConnector
from ferry.connections.connectors.postgres import PostgresConnector
from ferry.connections.connectors.s3 import S3Connector
from ferry.connections.connectors.salesforce import SalesforceConnector
from ferry.core.config import get_settings
from ferry.core.errors import InvalidRequest

CONNECTORS: dict[str, type[Connector]] = {
    cls.source_key: cls for cls in (HubSpotConnector, PostgresConnector, S3Connector, SalesforceConnector)
}


def available_connectors() -> list[type[Connector]]:
    """The enabled connectors, by source_key."""
    disabled = _disabled()
    return [cls for key, cls in sorted(CONNECTORS.items()) if key not in disabled]


def connector_class(source_key: str) -> type[Connector]:
    """The enabled connector for `source_key` (case-insensitive); 400 when unknown or disabled."""
    key = source_key.strip().lower()
    cls = CONNECTORS.get(key)
    if cls is None or key in _disabled():
        known = ", ".join(c.source_key for c in available_connectors())
        raise InvalidRequest(f"`{key}` is not an available source; choose from {known}.", param="source_key")
    return cls


def _disabled() -> set[str]:
    return {k.strip().lower() for k in get_settings().disabled_connectors.split(",") if k.strip()}
