"""HubSpot: CRM v3 objects API (contacts, companies, deals) with a private-app access token.

`GET /crm/v3/objects/{object}?limit=100&after=...` pages through `paging.next.after`. A record becomes
`{id, createdAt, updatedAt, archived, <each property>}`; the bookmark is `updatedAt`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import Field, SecretStr

from ferry.connections.connectors.base import (
    Connector,
    ConnectorConfig,
    ConnectorCredentials,
    Record,
    secret,
)
from ferry.connections.connectors.ssrf import check_url_literal

if TYPE_CHECKING:
    from ferry.connections.connectors.http import NextPage

DEFAULT_BASE_URL = "https://api.hubapi.com"
_PAGE_SIZE = 100


class HubSpotConfig(ConnectorConfig):
    base_url: str = Field(default=DEFAULT_BASE_URL, max_length=2048, description="API root; override for testing.")
    properties: dict[str, list[str]] | None = Field(
        default=None, description="Per stream, the properties to read (HubSpot's defaults when omitted)."
    )


class HubSpotCredentials(ConnectorCredentials):
    access_token: SecretStr = secret("A private app's access token.", min_length=1, max_length=4096)


class HubSpotConnector(Connector):
    """HubSpot CRM objects."""

    source_key: ClassVar[str] = "hubspot"
    name: ClassVar[str] = "HubSpot"
    category: ClassVar[str | None] = "CRM"
    config_model = HubSpotConfig
    credentials_model = HubSpotCredentials
    default_streams: ClassVar[tuple[str, ...]] = ("contacts", "companies", "deals")
    fixed_streams: ClassVar[bool] = True

    def __init__(self, config: ConnectorConfig, credentials: ConnectorCredentials) -> None:
        super().__init__(config, credentials)
        assert isinstance(config, HubSpotConfig) and isinstance(credentials, HubSpotCredentials)
        self._config = config
        # httpx (connectors layer) loads when a connector is built, not when the registry is imported.
        from ferry.connections.connectors.http import HttpSource

        self._http = HttpSource(
            config.base_url,
            {"Authorization": f"Bearer {credentials.access_token.get_secret_value()}"},
            source_name="HubSpot",
        )

    @classmethod
    def check_config(cls, config: ConnectorConfig) -> None:
        """The base URL must be an http(s) URL not private on its face (resolved at first use)."""
        assert isinstance(config, HubSpotConfig)
        check_url_literal(config.base_url)

    def check(self) -> None:
        """One contact page of one record proves the token."""
        self._http.get_json("/crm/v3/objects/contacts", {"limit": 1, "archived": "false"})

    def discover(self) -> list[str]:
        """The CRM objects this connector reads."""
        return list(self.default_streams)

    def cursor_field(self, stream: str) -> str | None:
        """HubSpot stamps every object with `updatedAt`."""
        return "updatedAt"

    def read(self, stream: str, bookmark: Any | None) -> Iterator[Record]:
        """Every object of the stream (only those updated after `bookmark`, when one is given)."""
        params: dict[str, Any] = {"limit": _PAGE_SIZE, "archived": "false"}
        wanted = (self._config.properties or {}).get(stream)
        if wanted:
            params["properties"] = ",".join(wanted)
        path = f"/crm/v3/objects/{stream}"

        def next_request(page: dict[str, Any]) -> NextPage | None:
            after = ((page.get("paging") or {}).get("next") or {}).get("after")
            return (path, {**params, "after": after}) if after else None

        pages = self._http.get_pages(path, params, items="results", next_request=next_request, shape="page shape")
        for results in pages:
            self.page_read(stream)
            for result in results:
                record = _record(result)
                # The objects API cannot filter by date; newer-than-bookmark is decided here.
                if bookmark is None or str(record.get("updatedAt") or "") > str(bookmark):
                    yield record

    def close(self) -> None:
        """Close the HTTP pool."""
        self._http.close()


def _record(result: dict[str, Any]) -> Record:
    record: Record = {k: v for k, v in result.items() if k not in ("properties", "propertiesWithHistory")}
    for key, value in (result.get("properties") or {}).items():
        record.setdefault(key, value)
    return record
