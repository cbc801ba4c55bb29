"""Unknown query parameters are a 400 on every route: a typo must never widen or redirect what a call touches.

One app-level dependency compares the request's query parameters with those the matched route declares (its
own and its dependencies', by their public names), and answers the contract's error shape naming the first
unknown one. An unauthenticated request still answers 401 first, as API Gateway would.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.routing import APIRoute

from ferry.api.auth import API_KEY_HEADER, TOKEN_QUERY_PARAMETER
from ferry.api.deps import (
    UNAUTHORIZED_MESSAGE,
    current_account,
    current_account_or_link_token,
    get_store,
    resolve_caller,
)
from ferry.core.errors import InvalidRequest, Unauthorized

_DECLARED: dict[int, tuple[frozenset[str], bool]] = {}


def reject_unknown_query_parameters(request: Request) -> None:
    """400 naming the first query parameter the matched route does not declare."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or not request.query_params:
        return
    known, needs_key = _declared(route)
    unknown = [name for name in dict.fromkeys(request.query_params.keys()) if name not in known]
    if not unknown:
        return
    # A session token may come as `?token=` on the routes that declare it (the thread, export downloads).
    link_token = request.query_params.get(TOKEN_QUERY_PARAMETER) if TOKEN_QUERY_PARAMETER in known else None
    if needs_key and resolve_caller(request, request.headers.get(API_KEY_HEADER), get_store(), link_token) is None:
        raise Unauthorized(UNAUTHORIZED_MESSAGE)
    allowed = ", ".join(f"`{name}`" for name in sorted(known)) or "none"
    more = f" ({len(unknown) - 1} more unknown)" if len(unknown) > 1 else ""
    raise InvalidRequest(
        f"`{unknown[0]}` is not a query parameter of {request.method} {request.url.path}{more}; it takes {allowed}.",
        param=unknown[0],
    )


def _declared(route: APIRoute) -> tuple[frozenset[str], bool]:
    """The route's query parameter names (aliases) and whether it needs an API key; computed once per route."""
    cached = _DECLARED.get(id(route))
    if cached is None:
        names: set[str] = set()
        calls: set[Any] = set()
        stack = [route.dependant]
        while stack:
            dependant = stack.pop()
            names.update(field.alias for field in dependant.query_params)
            calls.add(dependant.call)
            stack.extend(dependant.dependencies)
        cached = (frozenset(names), bool(calls & {current_account, current_account_or_link_token}))
        _DECLARED[id(route)] = cached
    return cached
