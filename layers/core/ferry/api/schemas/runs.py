"""Request and response bodies of the Runs routes, mapped explicitly from store records."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

from ferry.aws.dynamo import MigrationRunKind, RunKind, RunRecord, RunStatus, ThreadEvent
from ferry.core.domain import Strict
from ferry.core.outcomes import Answer, CredentialRequest, Question, QuestionOption

_BASE = ("run_id", "kind", "status", "created_at", "updated_at")
_BY_STATUS: dict[str, tuple[str, ...]] = {"queued": ("message",), "running": ("message",),
                                          "blocked": ("questions", "credential_request"),
                                          "completed": ("report",), "failed": ("error",)}  # fmt: skip


class RunCreate(Strict):
    """Start a run."""

    kind: MigrationRunKind
    message: str | None = Field(default=None, max_length=4000, description="What to change (update) or ask (clarify).")
    extract_via_api: bool = False


class RunCreated(BaseModel):
    """A run that was just queued."""

    run_id: str
    kind: RunKind
    status: RunStatus
    poll_url: str
    created_at: str


class QuestionPublic(BaseModel):
    """A question the run waits on."""

    model_config = ConfigDict(populate_by_name=True)

    id: str
    question: str
    context: str | None = None
    options: list[QuestionOption]
    allow_custom: bool = Field(serialization_alias="allowCustom")

    @model_serializer(mode="wrap")
    def _omit_missing_context(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        if data.get("context") is None:
            data.pop("context", None)
        return data

    @classmethod
    def of(cls, question: Question) -> QuestionPublic:
        """The public view of a stored question."""
        return cls(
            id=question.id,
            question=question.question,
            context=question.context,
            options=question.options,
            allow_custom=question.allow_custom,
        )


class CredentialRequestPublic(BaseModel):
    """The credentials a blocked run waits for: the connection and the credential keys (never values)."""

    connection_id: str
    source_key: str
    fields: list[str] = Field(description="The credential keys to send to POST .../credentials.")

    @classmethod
    def of(cls, request: CredentialRequest) -> CredentialRequestPublic:
        """The public view of a stored credential request."""
        return cls(connection_id=request.connection_id, source_key=request.source_key, fields=request.fields)


class RunPublic(BaseModel):
    """A run; besides the common fields, only the fields of its status are present."""

    run_id: str
    kind: RunKind
    status: RunStatus
    created_at: str
    updated_at: str
    message: str | None = Field(default=None, description="queued/running: the latest human progress update.")
    questions: list[QuestionPublic] | None = Field(default=None, description="blocked: what to answer.")
    credential_request: CredentialRequestPublic | None = Field(
        default=None, description="blocked: the connection's credentials to send (instead of questions)."
    )
    report: dict[str, Any] | None = Field(default=None, description="completed execute: the import report.")
    error: str | None = Field(default=None, description="failed: why, in plain language.")
    poll_url: str | None = Field(default=None, description="On the answers that resume the run: where to poll it.")

    @model_serializer(mode="wrap")
    def _shape_by_status(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        keep = set(_BASE) | set(_BY_STATUS.get(self.status, ()))
        if self.poll_url is not None:
            keep.add("poll_url")
        if self.status == "completed" and self.report is None:
            keep.discard("report")
        if self.status == "blocked":  # blocked on questions or on credentials, never both
            keep.discard("questions" if self.credential_request is not None else "credential_request")
        return {k: v for k, v in data.items() if k in keep}

    @classmethod
    def of(cls, run: RunRecord, *, poll_url: str | None = None) -> RunPublic:
        """The public view of a stored run (never its task token); `poll_url` on the answers that resume it."""
        return cls(
            poll_url=poll_url,
            run_id=run.run_id,
            kind=run.kind,
            status=run.status,
            created_at=run.created_at,
            updated_at=run.updated_at,
            message=run.message,
            questions=[QuestionPublic.of(Question.model_validate(q)) for q in run.questions or []],
            credential_request=(
                CredentialRequestPublic.of(CredentialRequest.model_validate(run.credential_request))
                if run.credential_request
                else None
            ),
            report=run.report,
            error=run.error,
        )


class RunList(BaseModel):
    """One page of a migration's runs, newest first."""

    runs: list[RunPublic]
    next_cursor: str | None


class ActiveRun(BaseModel):
    """The migration's active run, if any."""

    run: RunPublic | None


class RunPatch(Strict):
    """The only change a client can make to a run: ask to cancel it."""

    status: Literal["cancel_requested"]


class RunMessages(Strict):
    """Answers to a blocked run's questions."""

    answers: list[Answer] = Field(max_length=200)
    message: str | None = Field(default=None, max_length=4000)


class RunCredentials(Strict):
    """Credentials answering a blocked run's credential request (stored in Secrets Manager only)."""

    connection_id: str | None = Field(
        default=None, max_length=100, description="The requested connection (defaults to the one the run asked for)."
    )
    credentials: dict[str, Any] = Field(description="The connector's credential fields; see GET /v1/connectors.")


class ThreadEventPublic(BaseModel):
    """One event of a run's thread."""

    seq: int
    at: str
    type: str
    text: str
    data: dict[str, Any] | None = None

    @classmethod
    def of(cls, event: ThreadEvent) -> ThreadEventPublic:
        """The public view of a stored event."""
        return cls(seq=event.seq, at=event.at, type=event.type, text=event.text, data=event.data)


class ThreadPage(BaseModel):
    """Thread events after `after`; pass `next_after` as `after` next time."""

    events: list[ThreadEventPublic]
    next_after: int
