"""Request and response bodies of the session token routes, mapped explicitly from session records."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, model_validator

from ferry.aws.dynamo import SessionRecord, SessionScopeKind
from ferry.core.domain import Strict

DEFAULT_EXPIRES_IN = 900
MIN_EXPIRES_IN, MAX_EXPIRES_IN = 60, 3600
Permission = Literal["read", "write"]
ALL_PERMISSIONS: tuple[Permission, ...] = ("read", "write")


class SessionCreate(Strict):
    """Mint a short-lived token for a browser: one migration's routes, or one company's import routes."""

    migration_id: str | None = Field(
        default=None, min_length=1, max_length=100, description="The migration the token works on (exclusive)."
    )
    company_id: str | None = Field(
        default=None, min_length=1, max_length=128, description="The company whose imports the token works on."
    )
    expires_in: int = Field(
        default=DEFAULT_EXPIRES_IN,
        ge=MIN_EXPIRES_IN,
        le=MAX_EXPIRES_IN,
        description=f"Seconds until the token stops working, {MIN_EXPIRES_IN} to {MAX_EXPIRES_IN}.",
    )
    permissions: list[Permission] = Field(
        default_factory=lambda: list(ALL_PERMISSIONS),
        min_length=1,
        max_length=2,
        description="`read`: the scope's GET routes (always granted). `write`: also its POST, PUT, PATCH and DELETE "
        "routes (uploads, runs, answers, imports, decisions), except deleting the migration itself.",
    )

    @model_validator(mode="after")
    def _exactly_one_scope(self) -> SessionCreate:
        if (self.migration_id is None) == (self.company_id is None):
            raise ValueError("send exactly one of `migration_id` and `company_id`")
        return self

    @property
    def scope(self) -> tuple[SessionScopeKind, str]:
        """The scope asked for: ("migration", id) or ("company", id)."""
        if self.migration_id is not None:
            return "migration", self.migration_id
        return "company", str(self.company_id)


class SessionScope(BaseModel):
    """What the token works on: exactly one of the two ids is set."""

    type: SessionScopeKind
    migration_id: str | None = None
    company_id: str | None = None


class SessionPublic(BaseModel):
    """A session as the API shows it; `token` only in the answer that minted it."""

    session_id: str
    token: str = Field(
        description="Send it as the `anx-api-key` header (or, for EventSource and download links only, as the "
        "`token` query parameter). Shown once: only its hash is stored."
    )
    scope: SessionScope
    permissions: list[Permission]
    created_at: str
    expires_at: str

    @classmethod
    def of(cls, record: SessionRecord, token: str, expires_at: str) -> SessionPublic:
        """The answer to the mint: the record's public fields and the token."""
        scope = SessionScope(type=record.scope_kind, **{f"{record.scope_kind}_id": record.scope_id})
        return cls(
            session_id=record.session_id,
            token=token,
            scope=scope,
            permissions=[p for p in ALL_PERMISSIONS if p in record.permissions],
            created_at=record.created_at,
            expires_at=expires_at,
        )
