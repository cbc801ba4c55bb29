"""What the matcher returns: per-field matches, columns left over, and questions for a person."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

QuestionKind = Literal["which_column", "date_order", "other_party", "enum_values", "header_value_conflict"]


class FieldMatch(BaseModel):
    """One template field and the source column(s) proposed for it."""

    field: str
    column: str | None = None
    columns: list[str] = Field(default_factory=list, description="Every source column used (coalesce, split, JSON).")
    confidence: float = 0.0
    rationale: str = ""
    auto_applied: bool = False
    candidates: list[tuple[str, float]] = Field(default_factory=list, description="Top-3 (column, confidence).")
    hints: dict[str, Any] = Field(default_factory=dict)


class QuestionOption(BaseModel):
    id: str
    label: str


class MatchQuestion(BaseModel):
    """A decision the data cannot settle; the run blocks on it."""

    id: str
    question: str
    context: str = ""
    options: list[QuestionOption] = Field(default_factory=list)
    allow_custom: bool = False
    field: str | None = None
    kind: QuestionKind
    # A which-address question offers whole blocks of columns: option id → {field: column} it maps together.
    blocks: dict[str, dict[str, str]] = Field(default_factory=dict)


class SheetMatch(BaseModel):
    """The matcher's answer for one sheet against one template."""

    matches: list[FieldMatch] = Field(default_factory=list)
    unmapped_columns: list[str] = Field(default_factory=list)
    questions: list[MatchQuestion] = Field(default_factory=list)

    def match_for(self, field: str) -> FieldMatch | None:
        """The match of a field by key, if any."""
        return next((m for m in self.matches if m.field == field), None)

    def auto_mapping(self) -> dict[str, str]:
        """Source column → field for every auto-applied single-column mapping (split/JSON sources included)."""
        out: dict[str, str] = {}
        for match in self.matches:
            if match.auto_applied:
                for column in match.columns:
                    out.setdefault(column, match.field)
        return out
