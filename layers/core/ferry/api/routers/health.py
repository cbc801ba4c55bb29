"""GET /v1/health: liveness, no key needed."""

from __future__ import annotations

from fastapi import APIRouter

from ferry.api.schemas.common import Health

router = APIRouter(tags=["health"])


@router.get("/health", summary="Check that the API answers (no key needed)")
def health() -> Health:
    """Always `{"status": "ok"}` while the API answers."""
    return Health()
