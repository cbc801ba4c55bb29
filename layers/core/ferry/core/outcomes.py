"""What runs and their steps exchange: questions for a person, their answers, preview drafts, step errors.

Polars-free and agent-free: the API function imports these to validate answers.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ferry.core.domain import Strict


class QuestionOption(BaseModel):
    """One answer a person can pick."""

    id: str
    label: str


class Question(BaseModel):
    """A decision the run cannot make alone; the run is `blocked` until it is answered."""

    id: str
    question: str
    context: str | None = None
    options: list[QuestionOption] = Field(default_factory=list)
    allow_custom: bool = False

    def public(self) -> dict[str, Any]:
        """The question as clients see it, in a run's poll and in its thread alike:
        `{id, question, context?, options: [{id, label}], allowCustom}`."""
        shown: dict[str, Any] = {"id": self.id, "question": self.question}
        if self.context is not None:
            shown["context"] = self.context
        shown["options"] = [o.model_dump(mode="json") for o in self.options]
        shown["allowCustom"] = self.allow_custom
        return shown


class Answer(Strict):
    """The answer to one question: a listed option (`option_id`), or custom text (`custom`) where the question
    allows it; exactly one of the two."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"oneOf": [{"required": ["option_id"]}, {"required": ["custom"]}]},
    )

    question_id: str = Field(min_length=1, max_length=200)
    option_id: str | None = Field(default=None, min_length=1, max_length=200)
    custom: str | None = Field(default=None, min_length=1, max_length=2000)

    @model_validator(mode="after")
    def _one_of_option_or_custom(self) -> Answer:
        if (self.option_id is None) == (self.custom is None):
            raise ValueError("give exactly one of `option_id` or `custom`")
        return self


class CredentialRequest(BaseModel):
    """The run needs a connection's credentials before it can extract; it names fields, never values."""

    connection_id: str
    source_key: str
    fields: list[str]


class PreviewDraft(BaseModel):
    """What a planning step proposes; the run stores it as the migration's next preview version."""

    summary: str
    recipe: dict[str, Any]
    mappings: list[dict[str, Any]] = Field(default_factory=list)
    unmapped_columns: list[dict[str, Any]] = Field(default_factory=list)
    sheets: list[dict[str, Any]] = Field(default_factory=list)


class StepOutcome(BaseModel):
    """A planning step ends with questions for a person, a request for credentials, or a preview draft."""

    questions: list[Question] = Field(default_factory=list)
    credential_request: CredentialRequest | None = None
    preview: PreviewDraft | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> StepOutcome:
        if [bool(self.questions), self.credential_request is not None, self.preview is not None].count(True) != 1:
            raise ValueError("a step outcome has exactly one of questions, a credential request or a preview")
        return self


# --- errors a step raises; their class names are what the state machine's Retry/Catch match on ----------


class StepFailed(Exception):
    """The step cannot succeed; `message` is the plain-language reason the run shows as its `error`."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TransientStepError(Exception):
    """A failure worth retrying (throttling, a dependency briefly unavailable); Step Functions retries it."""


class RunNoLongerActive(Exception):
    """The run was canceled, swept or finished meanwhile: the step stops and writes nothing."""
