"""Bodies every route shares: the error shape and the health answer."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class ErrorDetail(BaseModel):
    """What went wrong; `code` is stable, `message` is for people."""

    code: str = Field(examples=["not_found"])
    message: str = Field(examples=["Migration not found."])
    param: str | None = Field(default=None, description="The request field the error is about, when there is one.")
    run_id: str | None = Field(default=None, description="The conflicting run, on a 409 caused by an active run.")
    request_id: str | None = Field(default=None, description="On a 500: quote it when reporting the problem.")


class ErrorBody(BaseModel):
    """Every 4xx/5xx answer has this shape."""

    error: ErrorDetail
    run_id: str | None = Field(
        default=None, description="A 409 that names a conflicting run repeats its `run_id` here (as in `error`)."
    )


class Health(BaseModel):
    """The API answers."""

    status: Literal["ok"] = "ok"
