"""Request and response bodies of the company Imports routes, mapped explicitly from store records."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, SerializerFunctionWrapHandler, field_validator, model_serializer, model_validator

from ferry.aws.dynamo import RunRecord, RunStatus
from ferry.core.domain import Strict
from ferry.core.outcomes import Answer
from ferry.imports.review import Review
from ferry.imports.service import IDEMPOTENCY_KEY_MAX

_BASE = ("run_id", "status", "created_at", "updated_at", "migration_id")
_BY_STATUS: dict[str, tuple[str, ...]] = {
    "queued": ("progress_message",),
    "running": ("progress_message",),
    "needs_attention": ("report", "needs_attention", "decisions"),
    "completed": ("report", "decisions"),
    "failed": ("error", "report", "decisions"),
}


class ImportCreate(Strict):
    """Start an import for the company."""

    idempotency_key: str = Field(
        min_length=1,
        max_length=IDEMPOTENCY_KEY_MAX,
        description="Your key for this import (e.g. a UUID): the same key and body return the same import.",
    )
    migration_id: str = Field(min_length=1, max_length=100, description="The migration whose recipe to replay.")
    file_ids: list[str] | None = Field(
        default=None,
        min_length=1,
        max_length=50,
        description="Ready files of the migration to read instead of the recipe's own (one, or one per source).",
    )
    extract_via_api: bool = Field(default=False, description="Extract the migration's connections now and import that.")

    @field_validator("file_ids")
    @classmethod
    def _distinct(cls, v: list[str] | None) -> list[str] | None:
        if v is not None and len(set(v)) != len(v):
            raise ValueError("lists a file twice")
        return v

    @model_validator(mode="after")
    def _one_source(self) -> ImportCreate:
        if self.file_ids and self.extract_via_api:
            raise ValueError("give `file_ids` or `extract_via_api`, not both")
        return self


class ImportCreated(BaseModel):
    """The import the key stands for (201 when this request created it, else 200)."""

    run_id: str
    status: RunStatus
    poll_url: str
    created_at: str


class QuestionOptionPublic(BaseModel):
    """One answer to pick."""

    id: str
    label: str


class IssueDetailsPublic(BaseModel):
    """What a question is about: the flagged group and a few of its real values."""

    sheet_id: str
    column: str
    affected_count: int = Field(description="How many rows (cells) of the group are flagged.")
    sample_values: list[str]
    error: str = Field(description="The rule the cells fail: required, type, enum, pattern, min, max, unique...")


class ReviewQuestionPublic(BaseModel):
    """One flagged group (sheet, column, rule), asked in plain language."""

    id: str
    question: str
    context: str
    details: IssueDetailsPublic
    columns: list[str]
    options: list[QuestionOptionPublic]
    allow_custom: bool


class PatchActionPublic(BaseModel):
    """What the proposed patch does with one flagged group."""

    question_id: str
    sheet_id: str
    column: str
    action: Literal["set_value", "delete_invalid_rows", "dedup_keep_first", "keep"]
    value: str | None = None
    key_column: str | None = None

    @model_serializer(mode="wrap")
    def _omit_unused(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        return {k: v for k, v in data.items() if v is not None or k not in ("value", "key_column")}


class ProposedPatchPublic(BaseModel):
    """The fix applied when the decision approves without answers."""

    summary: str
    actions: list[PatchActionPublic]


class NeedsAttentionPublic(BaseModel):
    """What to decide on: the questions and the proposed patch."""

    questions: list[ReviewQuestionPublic]
    proposed_patch: ProposedPatchPublic

    @classmethod
    def of(cls, review: Review) -> NeedsAttentionPublic:
        """The public view of a stored review (the options' patch actions stay inside)."""
        return cls(
            questions=[
                ReviewQuestionPublic(
                    id=q.id,
                    question=q.question,
                    context=q.context,
                    details=IssueDetailsPublic.model_validate(q.details.model_dump()),
                    columns=q.columns,
                    options=[QuestionOptionPublic(id=o.id, label=o.label) for o in q.options],
                    allow_custom=q.allow_custom,
                )
                for q in review.questions
            ],
            proposed_patch=ProposedPatchPublic(
                summary=review.proposed_patch.summary,
                actions=[
                    PatchActionPublic(
                        question_id=a.question_id,
                        sheet_id=a.sheet_id,
                        column=a.column,
                        action=a.action,
                        value=a.value,
                        key_column=a.key_column,
                    )
                    for a in review.proposed_patch.actions
                ],
            ),
        )


_RESULT_KEYS = {"cells_set": "cellsSet", "rows_deleted": "rowsDeleted", "duplicates_dropped": "duplicatesDropped"}


class DecisionPublic(BaseModel):
    """A decision taken on the import: who, when, what it applied and what that did."""

    decision: Literal["approve", "reject"]
    decided_at: str
    decided_by: dict[str, str | None]
    patch: list[PatchActionPublic] | None = None
    result: dict[str, int] | None = Field(
        default=None, description="cellsSet, rowsDeleted, duplicatesDropped (the keys of the report's `patches`)"
    )

    @field_validator("result", mode="before")
    @classmethod
    def _report_spelling(cls, v: Any) -> Any:
        # Decisions recorded before the spelling was unified carry snake_case keys.
        if isinstance(v, dict):
            return {_RESULT_KEYS.get(k, k): n for k, n in v.items()}
        return v


class ImportPublic(BaseModel):
    """An import; besides the common fields, only the fields of its status are present."""

    run_id: str
    status: RunStatus
    created_at: str
    updated_at: str
    migration_id: str
    progress_message: str | None = Field(default=None, description="queued/running: the latest human update.")
    report: dict[str, Any] | None = Field(default=None, description="needs_attention/completed (failed: if any).")
    needs_attention: NeedsAttentionPublic | None = Field(default=None, description="needs_attention: what to decide.")
    decisions: list[DecisionPublic] | None = Field(default=None, description="The decisions taken, oldest first.")
    error: str | None = Field(default=None, description="failed: why, in plain language.")
    poll_url: str | None = Field(default=None, description="On a decision's answer: where to poll the import.")

    @model_serializer(mode="wrap")
    def _shape_by_status(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        keep = set(_BASE) | set(_BY_STATUS.get(self.status, ()))
        if self.poll_url is not None:
            keep.add("poll_url")
        if not self.decisions:
            keep.discard("decisions")
        if self.status == "failed" and self.report is None:
            keep.discard("report")
        return {k: v for k, v in data.items() if k in keep}

    @classmethod
    def of(cls, run: RunRecord, *, poll_url: str | None = None) -> ImportPublic:
        """The public view of a stored import (never its task token); `poll_url` on a decision's answer."""
        return cls(
            poll_url=poll_url,
            run_id=run.run_id,
            status=run.status,
            created_at=run.created_at,
            updated_at=run.updated_at,
            migration_id=run.migration_id,
            progress_message=run.message,
            report=run.report,
            needs_attention=NeedsAttentionPublic.of(Review.model_validate(run.needs_attention))
            if run.needs_attention
            else None,
            decisions=[
                DecisionPublic.model_validate({k: d.get(k) for k in DecisionPublic.model_fields})
                for d in run.decisions or []
            ],
            error=run.error,
        )


class ImportList(BaseModel):
    """One page of the company's imports, newest first."""

    runs: list[ImportPublic]
    next_cursor: str | None


class ActiveImport(BaseModel):
    """The company's import in flight, if any."""

    run: ImportPublic | None


class ImportPatch(Strict):
    """The only change a client can make to an import: ask to cancel it."""

    status: Literal["cancel_requested"]


class ImportDecision(Strict):
    """A decision on an import waiting in needs_attention."""

    decision: Literal["approve", "reject"]
    answers: list[Answer] | None = Field(
        default=None, max_length=200, description="approve only: overrides of the proposed patch, per question."
    )
