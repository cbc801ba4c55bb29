"""Domain errors, raised low and turned into the contract's error shape in one place (ferry.api.errors)."""

from typing import Any


class FerryError(Exception):
    """Base of every error a client may see. `status` is the HTTP status the API answers with."""

    status = 400
    code = "invalid_request"
    # Keys of `extra` repeated at the top level of the body, beside `error` (a 409's `run_id`, as the seeds say).
    top_level: tuple[str, ...] = ()

    def __init__(self, message: str, *, code: str | None = None, **extra: Any) -> None:
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        self.extra = {k: v for k, v in extra.items() if v is not None}
        self.top: dict[str, Any] = {}

    def body(self) -> dict[str, Any]:
        """`{"error": {code, message, ...}}`, plus the top-level keys (`run_id` of a conflicting run)."""
        top = {k: self.extra[k] for k in self.top_level if k in self.extra}
        return {"error": {"code": self.code, "message": self.message, **self.extra}, **top, **self.top}


class InvalidRequest(FerryError):
    status = 400
    code = "invalid_request"


class Unauthorized(FerryError):
    status = 401
    code = "unauthorized"


class NotFound(FerryError):
    status = 404
    code = "not_found"


class Conflict(FerryError):
    status = 409
    code = "conflict"
    top_level = ("run_id",)


class PayloadTooLarge(FerryError):
    status = 413
    code = "payload_too_large"


class IdempotencyMismatch(FerryError):
    status = 422
    code = "idempotency_key_reused"


class FileRejected(Exception):
    """Ingestion refused a file; `reason` is the plain-language text shown to the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
