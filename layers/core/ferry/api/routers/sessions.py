"""Session tokens for browsers: an account key mints a short-lived token scoped to one migration or company."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from ferry.api import keys
from ferry.api.deps import CurrentAccount, StoreDep
from ferry.api.schemas.sessions import SessionCreate, SessionPublic

router = APIRouter(prefix="/sessions", tags=["sessions"])


@router.post("", status_code=status.HTTP_201_CREATED, summary="Mint a session token for a browser")
def create_session(body: SessionCreate, account: CurrentAccount, db: StoreDep) -> SessionPublic:
    """Account keys only (a session token gets 404 here). The token is in this answer only: hand it to the
    browser, which sends it as `anx-api-key`; it works on the migration's or the company's routes until
    `expires_at` or `DELETE /v1/sessions/{session_id}`."""
    scope_kind, scope_id = body.scope
    record, token = keys.mint_session(db, account, scope_kind, scope_id, body.expires_in, body.permissions)
    return SessionPublic.of(record, token, keys.session_expiry_iso(record))


@router.delete(
    "/{session_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Revoke a session token at once",
)
def delete_session(session_id: str, account: CurrentAccount, db: StoreDep) -> Response:
    """The token stops working on the next request; 404 when the session is not in your account."""
    keys.revoke_session(db, account.account_id, session_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
