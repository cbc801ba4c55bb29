"""Shared dependencies of the routes, as `Annotated[..., Depends()]` aliases."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import Depends, Query, Request, Security
from fastapi.security import APIKeyHeader

from ferry.api.auth import (
    API_KEY_HEADER,
    TOKEN_QUERY_PARAMETER,
    Caller,
    caller_for_credential,
    caller_from_context,
    check_session_scope,
)
from ferry.aws.dynamo import Store
from ferry.aws.s3 import Blobs
from ferry.core.config import Settings, get_settings
from ferry.core.domain import AccountKey
from ferry.core.errors import Unauthorized
from ferry.runs.lifecycle import Lifecycle

UNAUTHORIZED_MESSAGE = "Missing or invalid anx-api-key header."  # the same text as the gateway's 401

_api_key = APIKeyHeader(
    name=API_KEY_HEADER, auto_error=False, description="Your API key; every route but /v1/health needs it."
)


def get_store() -> Store:
    """The table adapter (its client is created on first use)."""
    return Store()


def get_blobs() -> Blobs:
    """The bucket adapter (its client is created on first use)."""
    return Blobs()


def settings() -> Settings:
    """The settings read from the environment."""
    return get_settings()


def get_lifecycle() -> Lifecycle:
    """The run lifecycle's adapters (table, Step Functions, event bus, bucket)."""
    return Lifecycle()


StoreDep = Annotated[Store, Depends(get_store)]
LifecycleDep = Annotated[Lifecycle, Depends(get_lifecycle)]
BlobsDep = Annotated[Blobs, Depends(get_blobs)]
SettingsDep = Annotated[Settings, Depends(settings)]


def current_account(request: Request, db: StoreDep, api_key: Annotated[str | None, Security(_api_key)]) -> AccountKey:
    """The caller's account: from the Lambda authorizer's context behind API Gateway, else from the key.

    Behind API Gateway the authorizer has already checked the key (Mangum hands the event over in the
    ASGI scope); locally and in tests there is no authorizer, so the same look-up runs here. A session token
    answers only inside its scope (`auth.check_session_scope`).
    """
    return _in_scope(request, resolve_caller(request, api_key, db))


def current_account_or_link_token(
    request: Request,
    db: StoreDep,
    api_key: Annotated[str | None, Security(_api_key)],
    token: Annotated[
        str | None,
        Query(
            alias=TOKEN_QUERY_PARAMETER,
            max_length=512,
            description="A session token, for clients that cannot send headers (EventSource, download links); "
            "prefer the `anx-api-key` header. Account keys are refused here.",
        ),
    ] = None,
) -> AccountKey:
    """`current_account` for the routes a browser opens without headers: a session token may come as `?token=`."""
    return _in_scope(request, resolve_caller(request, api_key, db, link_token=token))


def _in_scope(request: Request, caller: Caller | None) -> AccountKey:
    if caller is None:
        raise Unauthorized(UNAUTHORIZED_MESSAGE)
    if caller.session is not None:
        check_session_scope(caller.session, request.method, request.url.path, request.path_params)
    return caller.account


def resolve_caller(request: Request, api_key: str | None, db: Store, link_token: str | None = None) -> Caller | None:
    """Who a request acts for (the authorizer's context, the header, else a `?token=` session token), or None."""
    context = _authorizer_context(request.scope.get("aws.event"))
    if context.get("account_id"):
        return caller_from_context(context, store=db)
    if api_key:
        return caller_for_credential(api_key, store=db)
    return caller_for_credential(link_token, store=db, sessions_only=True)


def resolve_account(request: Request, api_key: str | None, db: Store) -> AccountKey | None:
    """The account a request acts for, or None when it is not authenticated."""
    caller = resolve_caller(request, api_key, db)
    return caller.account if caller else None


def _authorizer_context(event: Any) -> dict[str, Any]:
    if not isinstance(event, dict):
        return {}
    context = (event.get("requestContext") or {}).get("authorizer")
    return context if isinstance(context, dict) else {}


CurrentAccount = Annotated[AccountKey, Depends(current_account)]
# The thread stream and export downloads: the header, or a session token as `?token=`.
LinkAccount = Annotated[AccountKey, Depends(current_account_or_link_token)]


@dataclass(frozen=True)
class HistoryQuery:
    """What a list of runs or imports asks for: the one in flight, or a page of the history."""

    active_only: bool
    limit: int
    cursor: str | None


def history_query(
    status_filter: Annotated[
        Literal["active"] | None, Query(alias="status", description="`active`: only the one in progress.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=100, description="Page size, 1 to 100.")] = 20,
    cursor: Annotated[str | None, Query(max_length=512, description="`next_cursor` of the previous page.")] = None,
) -> HistoryQuery:
    """The query of the runs and imports list routes."""
    return HistoryQuery(status_filter == "active", limit, cursor)


@dataclass(frozen=True)
class ExportQuery:
    """Which CSV of a completed run or import: the template and the row filter."""

    template: str | None
    filter: Literal["valid", "invalid", "all"]


def export_query(
    template: Annotated[str | None, Query(max_length=64, description="The template's sheet_id.")] = None,
    filter_: Annotated[Literal["valid", "invalid", "all"], Query(alias="filter")] = "valid",
) -> ExportQuery:
    """The query of the runs and imports export routes."""
    return ExportQuery(template, filter_)


HistoryQueryDep = Annotated[HistoryQuery, Depends(history_query)]
ExportQueryDep = Annotated[ExportQuery, Depends(export_query)]
