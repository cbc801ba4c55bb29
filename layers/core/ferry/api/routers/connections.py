"""A migration's source connection, and the list of connectors."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status

from ferry.api.deps import CurrentAccount, StoreDep
from ferry.api.schemas.connections import ConnectionCreate, ConnectionPublic, ConnectorList, ConnectorPublic
from ferry.aws.secrets import Vault
from ferry.connections import service as connections
from ferry.connections.connectors.registry import connector_class

router = APIRouter(tags=["connections"])


def get_vault() -> Vault:
    """The Secrets Manager adapter (its client is created on first use)."""
    return Vault()


VaultDep = Annotated[Vault, Depends(get_vault)]
SourceKeyQuery = Annotated[
    str | None, Query(max_length=64, description="The connection's source; needed when a profile has several.")
]
ProfileQuery = Annotated[
    str | None,
    Query(max_length=64, description="A profile id, or `workbook`; omitted: the API key's default profile."),
]


@router.post(
    "/migrations/{migration_id}/connection",
    status_code=status.HTTP_201_CREATED,
    summary="Create or update the migration's connection to a source system",
)
def upsert_connection(
    migration_id: str, body: ConnectionCreate, account: CurrentAccount, db: StoreDep, vault: VaultDep
) -> ConnectionPublic:
    """Credentials are checked at the source, then stored in Secrets Manager only."""
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
    source_key: SourceKeyQuery = None,
    profile: ProfileQuery = None,
) -> ConnectionPublic:
    """The connection for the profile (`profile=workbook` for the workbook-bound one)."""
    record = connections.get_connection(db, account, migration_id, source_key, profile)
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
    source_key: SourceKeyQuery = None,
    profile: ProfileQuery = None,
) -> Response:
    """Deletes the connection item and its Secrets Manager secret."""
    connections.delete_connection(db, vault, account, migration_id, source_key, profile)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/connectors", summary="List the source systems a migration can connect to")
def list_connectors(account: CurrentAccount) -> ConnectorList:
    """Each connector's config and credential fields (JSON Schema) and default streams."""
    return ConnectorList(connectors=[ConnectorPublic.of(c) for c in connections.list_connectors()])
