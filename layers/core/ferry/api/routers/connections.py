"""A migration's source connection, and the list of connectors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status

from ferry.api.deps import CurrentAccount, StoreDep
from ferry.api.outbound import run_outbound
from ferry.api.schemas.connections import (
    ConnectionCheck,
    ConnectionCheckFailed,
    ConnectionCreate,
    ConnectionPublic,
    ConnectorList,
    ConnectorPublic,
)
from ferry.aws.secrets import Vault
from ferry.connections import service as connections
from ferry.connections.connectors.registry import connector_class
from ferry.core.errors import InvalidRequest

router = APIRouter(tags=["connections"])


def get_vault() -> Vault:
    """The Secrets Manager adapter (its client is created on first use)."""
    return Vault()


VaultDep = Annotated[Vault, Depends(get_vault)]


@dataclass(frozen=True)
class ConnectionQuery:
    """Which connection of the migration a GET, DELETE or check acts on."""

    source_key: str | None
    profile: str | None


def connection_query(
    source_key: Annotated[
        str | None, Query(max_length=64, description="The connection's source; needed when a profile has several.")
    ] = None,
    profile_id: Annotated[
        str | None,
        Query(
            max_length=64,
            description="A profile id, or `workbook` for the workbook-bound connection (saved with "
            "`profile_id: null`); omitted: the API key's default profile.",
        ),
    ] = None,
    profile: Annotated[str | None, Query(max_length=64, description="Alias of `profile_id`.", deprecated=True)] = None,
) -> ConnectionQuery:
    """`source_key` and `profile_id` (`profile` accepted as an alias; both must then agree)."""
    if profile_id is not None and profile is not None and profile_id != profile:
        raise InvalidRequest("`profile` is an alias of `profile_id`; send one of them.", param="profile")
    return ConnectionQuery(source_key, profile_id if profile_id is not None else profile)


ConnectionQueryDep = Annotated[ConnectionQuery, Depends(connection_query)]


@router.post(
    "/migrations/{migration_id}/connection",
    status_code=status.HTTP_201_CREATED,
    summary="Create or update the migration's connection to a source system",
)
def upsert_connection(
    migration_id: str, body: ConnectionCreate, account: CurrentAccount, db: StoreDep, vault: VaultDep
) -> ConnectionPublic:
    """No network I/O: config and literal hosts are checked, credentials validated and stored in Secrets Manager
    only; they are checked at the source at first use, or on demand by POST .../connection/check."""
    request = connections.ConnectionInput(
        source_key=body.source_key,
        profile_id=body.profile_id if "profile_id" in body.model_fields_set else connections.unset(),
        config=body.config,
        streams=body.streams,
        state=body.state,
        credentials=body.credentials,
    )
    record = connections.upsert_connection(db, vault, account, migration_id, request)
    return ConnectionPublic.of(record, connector_class(record.source_key))


@router.get("/migrations/{migration_id}/connection", summary="Get the migration's connection")
def get_connection(
    migration_id: str,
    account: CurrentAccount,
    db: StoreDep,
    query: ConnectionQueryDep,
) -> ConnectionPublic:
    """The connection for the profile (`profile_id=workbook` for the workbook-bound one); 404 when none."""
    record = connections.get_connection(db, account, migration_id, query.source_key, query.profile)
    return ConnectionPublic.of(record, connector_class(record.source_key))


@router.delete(
    "/migrations/{migration_id}/connection",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Delete the migration's connection and its stored credentials",
)
def delete_connection(
    migration_id: str,
    account: CurrentAccount,
    db: StoreDep,
    vault: VaultDep,
    query: ConnectionQueryDep,
) -> Response:
    """Deletes exactly the connection `source_key` and `profile_id` name, and its Secrets Manager secret."""
    connections.delete_connection(db, vault, account, migration_id, query.source_key, query.profile)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/migrations/{migration_id}/connection/check",
    summary="Test the connection's stored credentials at the source now",
    responses={400: {"model": ConnectionCheckFailed, "description": "The problem, named; `ok` is false."}},
)
async def check_connection(
    migration_id: str, account: CurrentAccount, db: StoreDep, vault: VaultDep, query: ConnectionQueryDep
) -> ConnectionCheck:
    """Resolves and guards the host and checks the credentials with one cheap call; changes nothing. A source
    that does not answer within the outbound deadline is a 400 `source_unreachable`."""
    await run_outbound(connections.check_connection, db, vault, account, migration_id, query.source_key, query.profile)
    return ConnectionCheck(ok=True)


@router.get("/connectors", summary="List the source systems a migration can connect to")
def list_connectors(account: CurrentAccount) -> ConnectorList:
    """Each connector's config and credential fields (JSON Schema) and default streams."""
    return ConnectorList(connectors=[ConnectorPublic.of(c) for c in connections.list_connectors()])
