"""PostgreSQL: tables (`schema.table`) or named read-only queries, through psycopg 3.

Streams are the configured tables and query names; with neither configured, `discover` lists every table
outside the system schemas. Rows stream through a server-side cursor in a READ ONLY transaction. A stream
with a `cursor_columns` entry is read incrementally (`WHERE col > bookmark ORDER BY col`). The host goes
through the SSRF guard and the connection is made to the checked address (`hostaddr`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any, ClassVar, Literal

from pydantic import Field, SecretStr

from ferry.connections.connectors.base import (
    Connector,
    ConnectorConfig,
    ConnectorCredentials,
    CredentialsRejected,
    Record,
    SourceUnavailable,
    remaining_seconds,
    secret,
)
from ferry.connections.connectors.ssrf import check_host_literal, safe_address
from ferry.core.errors import InvalidRequest

_IDENT = r"[A-Za-z_][A-Za-z0-9_$]{0,62}"
_TABLE = re.compile(rf"^(?:{_IDENT}\.)?{_IDENT}$")
_QUERY_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_\-]{0,62}$")
_BATCH = 2000
# SQLSTATE classes: 28 = invalid authorization; 3D000 = no such database.
_AUTH_STATES = {"28000", "28P01", "3D000"}


class PostgresConfig(ConnectorConfig):
    host: str = Field(min_length=1, max_length=253)
    port: int = Field(default=5432, ge=1, le=65535)
    database: str = Field(min_length=1, max_length=63)
    sslmode: Literal["disable", "prefer", "require", "verify-ca", "verify-full"] = "prefer"
    tables: list[str] = Field(default_factory=list, description="`schema.table` names to read.")
    queries: dict[str, str] = Field(default_factory=dict, description="Stream name -> a read-only SELECT.")
    cursor_columns: dict[str, str] = Field(default_factory=dict, description="Stream -> its incremental column.")
    connect_timeout: int = Field(default=10, ge=1, le=60)


class PostgresCredentials(ConnectorCredentials):
    user: str = Field(min_length=1, max_length=63)
    password: SecretStr = secret("The user's password.", min_length=1, max_length=1024)


class PostgresConnector(Connector):
    """A PostgreSQL database."""

    source_key: ClassVar[str] = "postgres"
    name: ClassVar[str] = "PostgreSQL"
    category: ClassVar[str | None] = "Database"
    config_model = PostgresConfig
    credentials_model = PostgresCredentials

    def __init__(self, config: ConnectorConfig, credentials: ConnectorCredentials) -> None:
        super().__init__(config, credentials)
        assert isinstance(config, PostgresConfig) and isinstance(credentials, PostgresCredentials)
        for table in config.tables:
            if not _TABLE.match(table):
                raise InvalidRequest(f"`{table}` is not a `schema.table` name.", param="config.tables")
        for name in config.queries:
            if not _QUERY_NAME.match(name):
                raise InvalidRequest(f"`{name}` is not a valid query name.", param="config.queries")
        for column in config.cursor_columns.values():
            if not re.fullmatch(_IDENT, column):
                raise InvalidRequest(f"`{column}` is not a column name.", param="config.cursor_columns")
        self._config = config
        self._credentials = credentials
        self._address = safe_address(config.host, config.port)  # resolved and guarded at first use
        self._connection: Any = None

    @classmethod
    def check_config(cls, config: ConnectorConfig) -> None:
        """The host must not be private as written (resolved and guarded when the connector is opened)."""
        assert isinstance(config, PostgresConfig)
        check_host_literal(config.host)

    def _connect(self) -> Any:
        if self._connection is None:
            import psycopg

            try:
                self._connection = psycopg.connect(
                    host=self._config.host,
                    hostaddr=self._address,
                    port=self._config.port,
                    dbname=self._config.database,
                    user=self._credentials.user,
                    password=self._credentials.password.get_secret_value(),
                    sslmode=self._config.sslmode,
                    connect_timeout=_connect_timeout(self._config.connect_timeout),
                    application_name="ferry-connector",
                    options="-c default_transaction_read_only=on",
                    autocommit=False,
                )
            except psycopg.OperationalError as exc:
                # psycopg's message names host and user but never the password; ours names neither.
                state = getattr(exc, "sqlstate", None)
                if state in _AUTH_STATES or "authentication" in str(exc).lower():
                    raise CredentialsRejected("PostgreSQL refused the user name or password.") from None
                raise SourceUnavailable("PostgreSQL could not be reached at that host and port.") from None
        return self._connection

    def check(self) -> None:
        """Connect and run `SELECT 1`."""
        with self._connect().cursor() as cur:
            cur.execute("SELECT 1")
        self._connect().rollback()

    def discover(self) -> list[str]:
        """The configured tables and queries, or every user table when none are configured."""
        configured = [*self._config.tables, *self._config.queries]
        if configured:
            return configured
        with self._connect().cursor() as cur:
            cur.execute(
                "SELECT table_schema || '.' || table_name FROM information_schema.tables"
                " WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')"
                " ORDER BY 1"
            )
            names = [str(row[0]) for row in cur.fetchall()]
        self._connect().rollback()
        return names

    @classmethod
    def validate_streams(cls, streams: list[str]) -> list[str]:
        """Table names or query names."""
        for stream in streams:
            if not (_TABLE.match(stream) or _QUERY_NAME.match(stream)):
                raise InvalidRequest(f"`{stream}` is not a table or query name.", param="streams")
        return super().validate_streams(streams)

    def cursor_field(self, stream: str) -> str | None:
        """The configured incremental column of the stream, if any."""
        return self._config.cursor_columns.get(stream)

    def read(self, stream: str, bookmark: Any | None) -> Iterator[Record]:
        """The rows of a table or query, as dicts of column -> value."""
        from psycopg import sql

        if stream in self._config.queries:
            base: sql.Composable = sql.SQL("SELECT * FROM ({}) AS q").format(sql.SQL(self._config.queries[stream]))
        elif _TABLE.match(stream):
            base = sql.SQL("SELECT * FROM {}").format(sql.Identifier(*stream.split(".", 1)))
        else:
            raise InvalidRequest(f"`{stream}` is neither a configured query nor a table name.", param="streams")
        column = self.cursor_field(stream)
        params: list[Any] = []
        query = base
        if column:
            if bookmark is not None:
                query = sql.SQL("{} WHERE {} > %s").format(query, sql.Identifier(column))
                params.append(bookmark)
            query = sql.SQL("{} ORDER BY {}").format(query, sql.Identifier(column))
        import psycopg

        connection = self._connect()
        try:
            # A named (server-side) cursor streams the rows instead of loading the table into memory.
            with connection.cursor(name=f"ferry_{abs(hash(stream)) % 10**8}") as cur:
                cur.itersize = _BATCH
                cur.execute(query, params)
                names = [d.name for d in cur.description or []]
                for row in cur:
                    yield dict(zip(names, row, strict=True))
        except psycopg.errors.InsufficientPrivilege:
            raise CredentialsRejected(f"The database user may not read {stream}.") from None
        except psycopg.errors.ReadOnlySqlTransaction:
            raise InvalidRequest(f"The query `{stream}` tries to write; only SELECT queries are allowed.") from None
        except psycopg.Error as exc:
            raise SourceUnavailable(f"PostgreSQL could not read {stream} ({type(exc).__name__}).") from None
        finally:
            connection.rollback()

    def close(self) -> None:
        """Close the connection."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def _connect_timeout(configured: int) -> int:
    """The configured connect timeout, cut to what is left of an outbound deadline (whole seconds, at least 1)."""
    left = remaining_seconds()
    return configured if left is None else max(1, min(configured, math.ceil(left)))
