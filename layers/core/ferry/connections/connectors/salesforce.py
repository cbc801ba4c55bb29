"""Salesforce: the REST query API (SOQL) with an instance URL and an access token.

Fields come from `GET /services/data/<v>/sobjects/<Object>/describe` unless the config lists them; pages
follow `nextRecordsUrl` until `done`. The bookmark is `SystemModstamp`, filtered in the SOQL itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import Field, SecretStr

from ferry.connections.connectors.base import (
    Connector,
    ConnectorConfig,
    ConnectorCredentials,
    Record,
    SourceUnavailable,
    secret,
)
from ferry.connections.connectors.ssrf import check_url_literal
from ferry.core.errors import InvalidRequest

if TYPE_CHECKING:
    from ferry.connections.connectors.http import NextPage

_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,79}$")
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})$")
_CURSOR = "SystemModstamp"
# Compound and binary fields cannot be selected field by field in SOQL.
_UNSELECTABLE_TYPES = {"address", "location", "base64"}


class SalesforceConfig(ConnectorConfig):
    instance_url: str = Field(max_length=2048, description="e.g. https://yourcompany.my.salesforce.com")
    api_version: str = Field(default="v60.0", pattern=r"^v\d{2,3}\.0$")
    fields: dict[str, list[str]] | None = Field(
        default=None, description="Per object, the fields to read (every selectable field when omitted)."
    )


class SalesforceCredentials(ConnectorCredentials):
    access_token: SecretStr = secret("An OAuth access token (session id).", min_length=1, max_length=4096)


class SalesforceConnector(Connector):
    """Salesforce objects through SOQL."""

    source_key: ClassVar[str] = "salesforce"
    name: ClassVar[str] = "Salesforce"
    category: ClassVar[str | None] = "CRM"
    config_model = SalesforceConfig
    credentials_model = SalesforceCredentials
    default_streams: ClassVar[tuple[str, ...]] = ("Account", "Contact", "Lead", "Opportunity")

    def __init__(self, config: ConnectorConfig, credentials: ConnectorCredentials) -> None:
        super().__init__(config, credentials)
        assert isinstance(config, SalesforceConfig) and isinstance(credentials, SalesforceCredentials)
        self._config = config
        self._root = f"/services/data/{config.api_version}"
        # httpx (connectors layer) loads when a connector is built, not when the registry is imported.
        from ferry.connections.connectors.http import HttpSource

        self._http = HttpSource(
            config.instance_url,
            {"Authorization": f"Bearer {credentials.access_token.get_secret_value()}"},
            source_name="Salesforce",
        )

    @classmethod
    def validate_streams(cls, streams: list[str]) -> list[str]:
        """Object API names (Account, Custom__c)."""
        for stream in streams:
            if not _IDENTIFIER.match(stream):
                raise InvalidRequest(f"`{stream}` is not a Salesforce object name.", param="streams")
        return super().validate_streams(streams)

    @classmethod
    def check_config(cls, config: ConnectorConfig) -> None:
        """The instance URL must be an http(s) URL not private on its face (resolved at first use)."""
        assert isinstance(config, SalesforceConfig)
        check_url_literal(config.instance_url)

    def check(self) -> None:
        """The org's limits: cheap, and any valid session may read them."""
        self._http.get_json(f"{self._root}/limits")

    def discover(self) -> list[str]:
        """The standard objects this connector reads by default."""
        return list(self.default_streams)

    def cursor_field(self, stream: str) -> str | None:
        """Every object carries SystemModstamp."""
        return _CURSOR

    def read(self, stream: str, bookmark: Any | None) -> Iterator[Record]:
        """Every record of the object (modified after `bookmark`, when one is given), oldest change first."""
        fields = self._fields(stream)
        # Names are checked against _IDENTIFIER and the bookmark against _TIMESTAMP: nothing else is spliced in.
        soql = f"SELECT {', '.join(fields)} FROM {stream}"  # noqa: S608
        if bookmark is not None:
            if not _TIMESTAMP.match(str(bookmark)):
                raise SourceUnavailable(f"The saved bookmark for {stream} is not a timestamp; reset the state.")
            soql += f" WHERE {_CURSOR} > {bookmark}"  # SOQL datetime literals are unquoted
        soql += f" ORDER BY {_CURSOR}"
        pages = self._http.get_pages(
            f"{self._root}/query", {"q": soql}, items="records", next_request=_next_records, shape="query result"
        )
        for records in pages:
            self.page_read(stream)
            for record in records:
                yield _strip_attributes(record)

    def _fields(self, stream: str) -> list[str]:
        configured = (self._config.fields or {}).get(stream)
        if configured:
            for field in configured:
                if not _IDENTIFIER.match(field):
                    raise InvalidRequest(f"`{field}` is not a Salesforce field name.", param="config.fields")
            return list(dict.fromkeys([*configured, _CURSOR]))
        describe = self._http.get_json(f"{self._root}/sobjects/{stream}/describe")
        fields = [
            str(f["name"])
            for f in (describe.get("fields") or [] if isinstance(describe, dict) else [])
            if isinstance(f, dict) and f.get("type") not in _UNSELECTABLE_TYPES and _IDENTIFIER.match(str(f["name"]))
        ]
        if not fields:
            raise SourceUnavailable(f"Salesforce described no readable fields for {stream}.")
        return list(dict.fromkeys([*fields, _CURSOR]))

    def close(self) -> None:
        """Close the HTTP pool."""
        self._http.close()


def _next_records(page: dict[str, Any]) -> NextPage | None:
    """A query result's next page: `nextRecordsUrl` until `done`."""
    next_url = page.get("nextRecordsUrl")
    return None if page.get("done", True) or not next_url else (str(next_url), None)


def _strip_attributes(value: Any) -> Any:
    """Records (and related records) carry an `attributes` object that is metadata, not data."""
    if isinstance(value, dict):
        return {k: _strip_attributes(v) for k, v in value.items() if k != "attributes"}
    return value
