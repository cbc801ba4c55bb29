"""The PostgreSQL connector against a real PostgreSQL server that the tests start in a temp dir.

The server comes from the machine's PostgreSQL binaries (the Makefile's `deps` step installs them); the
session fixture runs initdb/pg_ctl as the `postgres` user when we are root (initdb refuses root).
"""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from ferry.connections.connectors.base import CredentialsRejected, parse_config, parse_credentials
from ferry.connections.connectors.postgres import PostgresConnector
from ferry.connections.connectors.registry import connector_class
from ferry.connections.connectors.ssrf import UnsafeHost
from ferry.core.config import get_settings

READER = "ferry_reader"


@dataclass(frozen=True)
class PostgresServer:
    port: int
    admin_password: str
    reader_password: str

    def admin(self) -> Any:
        import psycopg

        return psycopg.connect(
            host="127.0.0.1", port=self.port, dbname="crm", user="admin", password=self.admin_password, autocommit=True
        )


def _binaries() -> Path | None:
    """The directory holding initdb and pg_ctl: PATH first, then Debian's versioned layout (newest)."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(os.path.realpath(found)).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4]))
    return Path(versions[-1]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    bin_dir = _binaries()
    if bin_dir is None:
        pytest.skip("PostgreSQL binaries (initdb, pg_ctl) not found; run `make deps` to install them")
    as_postgres: list[str] = []
    if os.geteuid() == 0:
        # initdb refuses to run as root: run the server as the distribution's `postgres` user.
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            subprocess.run(["useradd", "--system", "--no-create-home", "postgres"], check=True)
        as_postgres = ["runuser", "-u", "postgres", "--"]
    root = Path(tempfile.mkdtemp(prefix="ferry-pg-"))
    data, password_file = root / "data", root / "pw"
    admin_password = secrets.token_hex(12)
    password_file.write_text(admin_password)
    if as_postgres:
        shutil.chown(root, "postgres")
        shutil.chown(password_file, "postgres")
    port = _free_port()
    env = {**os.environ, "LC_ALL": "C"}

    def run(*args: str) -> None:
        subprocess.run([*as_postgres, *args], check=True, capture_output=True, env=env, timeout=60)

    run(
        str(bin_dir / "initdb"), "-D", str(data), "-U", "admin", f"--pwfile={password_file}",
        "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--no-sync",
    )  # fmt: skip
    run(
        str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-w", "-t", "30",
        "-o", f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off", "start",
    )  # fmt: skip
    server = PostgresServer(port=port, admin_password=admin_password, reader_password=secrets.token_hex(12))
    try:
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=port, dbname="postgres", user="admin", password=admin_password, autocommit=True
        ) as conn:
            conn.execute("CREATE DATABASE crm")
        with server.admin() as conn:
            conn.execute(
                f"CREATE ROLE {READER} LOGIN PASSWORD '{server.reader_password}'"  # test-only literal
            )
            conn.execute(
                "CREATE TABLE public.contacts (id int PRIMARY KEY, full_name text, email text, score numeric(5,2),"
                " active boolean, profile jsonb, updated_at timestamptz)"
            )
            conn.execute(
                "INSERT INTO public.contacts VALUES"
                " (1, 'Ada Lovelace', 'ada@example.com', 9.50, true, '{\"city\": \"London\"}', '2024-01-01T10:00:00Z'),"
                " (2, 'Alan Turing', 'alan@example.com', NULL, false, NULL, '2024-02-01T10:00:00Z'),"
                " (3, 'Grace Hopper', 'grace@example.com', 7.25, true, '{\"city\": \"NYC\"}', '2024-03-01T10:00:00Z')"
            )
            conn.execute("CREATE TABLE public.secret_salaries (id int, amount int)")
            conn.execute(f"GRANT SELECT ON public.contacts TO {READER}")
        yield server
    finally:
        subprocess.run(
            [*as_postgres, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def guard_off(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("FERRY_ALLOW_PRIVATE_HOSTS", "1")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def _connector(server: PostgresServer, password: str | None = None, **config: Any) -> PostgresConnector:
    cls = connector_class("postgres")
    parsed = parse_config(
        cls, {"host": "127.0.0.1", "port": server.port, "database": "crm", "sslmode": "disable", **config}
    )
    credentials = parse_credentials(cls, {"user": READER, "password": password or server.reader_password})
    connector = cls(parsed, credentials)
    assert isinstance(connector, PostgresConnector)
    return connector


@pytest.mark.usefixtures("guard_off")
def test_check_accepts_the_password_and_rejects_a_wrong_one(postgres_server: PostgresServer) -> None:
    _connector(postgres_server).check()
    with pytest.raises(CredentialsRejected) as raised:
        _connector(postgres_server, password="not-the-password").check()
    assert raised.value.message == "PostgreSQL refused the user name or password."


@pytest.mark.usefixtures("guard_off")
def test_reads_a_table_with_its_types(postgres_server: PostgresServer) -> None:
    connector = _connector(postgres_server, tables=["public.contacts"])
    try:
        assert connector.discover() == ["public.contacts"]
        rows = list(connector.read("public.contacts", None))
    finally:
        connector.close()
    assert [r["full_name"] for r in rows] == ["Ada Lovelace", "Alan Turing", "Grace Hopper"]
    assert rows[0]["profile"] == {"city": "London"} and rows[1]["score"] is None


@pytest.mark.usefixtures("guard_off")
def test_incremental_reads_only_rows_after_the_bookmark(postgres_server: PostgresServer) -> None:
    connector = _connector(
        postgres_server, tables=["public.contacts"], cursor_columns={"public.contacts": "updated_at"}
    )
    try:
        rows = list(connector.read("public.contacts", "2024-01-15T00:00:00+00:00"))
    finally:
        connector.close()
    assert [r["id"] for r in rows] == [2, 3]


@pytest.mark.usefixtures("guard_off")
def test_queries_are_streams_and_cannot_write(postgres_server: PostgresServer) -> None:
    from ferry.core.errors import InvalidRequest

    connector = _connector(
        postgres_server,
        queries={
            "active": "SELECT id, email FROM public.contacts WHERE active ORDER BY id",
            "sneaky": "SELECT nextval('x_seq') AS n",
        },
    )
    try:
        assert [r["email"] for r in connector.read("active", None)] == ["ada@example.com", "grace@example.com"]
        with pytest.raises(CredentialsRejected):
            list(connector.read("public.secret_salaries", None))
        with pytest.raises(InvalidRequest):
            list(connector.read("sneaky", None))
    finally:
        connector.close()


def test_the_guard_refuses_a_loopback_database(
    postgres_server: PostgresServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FERRY_ALLOW_PRIVATE_HOSTS", "0")
    get_settings.cache_clear()
    try:
        with pytest.raises(UnsafeHost):
            _connector(postgres_server)
    finally:
        get_settings.cache_clear()


@pytest.mark.usefixtures("guard_off")
def test_extracting_a_postgres_connection_makes_a_ready_file(  # type: ignore[no-untyped-def]
    postgres_server: PostgresServer, api, account
) -> None:
    from ferry.aws.dynamo import ConnectionStore
    from ferry.connections.service import extract_connection
    from local import lambdas

    acct = account()
    mig = api.post("/v1/migrations", json={"name": "From Postgres"}, headers=acct.headers).json()["migration_id"]
    created = api.post(
        f"/v1/migrations/{mig}/connection",
        json={
            "source_key": "postgres",
            "config": {"host": "127.0.0.1", "port": postgres_server.port, "database": "crm", "sslmode": "disable"},
            "streams": ["public.contacts"],
            "credentials": {"user": READER, "password": postgres_server.reader_password},
        },
        headers=acct.headers,
    )
    assert created.status_code == 201, created.text
    record = ConnectionStore().get(mig, "workbook", "postgres")
    assert record is not None
    files = extract_connection(record, acct.account_id)
    lambdas.drain()
    assert [f.status for f in files] == ["ready"]
    sheet = api.get(f"/v1/migrations/{mig}/files/{files[0].file_id}", headers=acct.headers).json()["sheets"][0]
    assert sheet["columns"] == ["id", "full_name", "email", "score", "active", "profile.city", "updated_at"]
    assert sheet["row_count"] == 3
