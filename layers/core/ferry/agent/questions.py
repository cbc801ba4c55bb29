"""The questions the matcher asks a person: one per column it is unsure of, options best first."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.models import FieldMatch, MatchQuestion, QuestionOption, SheetMatch

if TYPE_CHECKING:
    from ferry.agent.pairs import ScoredSheet

# Why a which-column question is asked about a best match that is not sure enough: the guess that gives way first
# when a more useful question needs the sheet's budget (ferry.agent.record_keys).
UNSURE_WHY = "The best match is not sure enough to apply without asking"
# Why a which-column question is asked about a column whose header only resembles the field: the questions least often
# right (the person mostly answers "none"), so the first to go when a sheet asks more than its budget.
LOOK_ALIKE_WHY = "The header only resembles it"


def option(label: str, index: int) -> QuestionOption:
    return QuestionOption(id=f"opt_{index}", label=label)


def samples_of(col: ColumnInfo, k: int = 3) -> str:
    return ", ".join(f"'{s}'" for s in col.samples[:k]) or "none (the column is empty)"


def which_column(fld: FieldInfo, candidates: list[ColumnInfo], why: str) -> MatchQuestion:
    """Which column holds the field? The candidates best first (one option per source column), then 'none'."""
    key = fld.spec.key
    seen: list[ColumnInfo] = []
    for col in candidates:
        if all(col.source != s.source for s in seen):
            seen.append(col)
    options = [option(f"'{col.source}'", n) for n, col in enumerate(seen[:3], start=1)]
    options.append(option(f"None of these: leave {key} empty", len(options) + 1))
    context = "; ".join(f"'{col.source}': {samples_of(col)}" for col in seen[:3])
    return MatchQuestion(
        id=f"q_{key}_column",
        question=f"Which column holds {fld.spec.label or key}?",
        context=f"{why}. {context}",
        options=options,
        allow_custom=True,
        field=key,
        kind="which_column",
    )


def _fill_or_leave(fld: FieldInfo, name: str, suffix: str, question: str, context: str, kind: str) -> MatchQuestion:
    """A yes/no question whether column `name` fills the field: yes first, "leave it empty" second."""
    key = fld.spec.key
    return MatchQuestion(
        id=f"q_{key}_{suffix}",
        question=question,
        context=context,
        options=[option(f"Yes, map '{name}' to {key}", 1), option(f"No, leave {key} empty", 2)],
        field=key,
        kind=kind,
    )


def conflict(fld: FieldInfo, col: ColumnInfo, why: str) -> MatchQuestion:
    """Should this column fill the field although its header and its values disagree? Yes first."""
    label = fld.spec.label or fld.spec.key
    question = f"Should '{col.source}' fill {label}?"
    context = f"{why}. Samples: {samples_of(col)}."
    return _fill_or_leave(fld, col.source, "conflict", question, context, "header_value_conflict")


def other_party(fld: FieldInfo, col: ColumnInfo) -> MatchQuestion:
    label = fld.spec.label or fld.spec.key
    question = f"Is '{col.header}' the record's own {label}?"
    context = f"The header suggests the value belongs to another person. Samples: {samples_of(col)}."
    return _fill_or_leave(fld, col.header, "other_party", question, context, "other_party")


def date_order(key: str, col: ColumnInfo) -> MatchQuestion:
    return MatchQuestion(
        id=f"q_{key}_date_order",
        question=f"Are the dates in '{col.header}' day-first or month-first?",
        context=f"Samples: {samples_of(col)}; {col.profile.dates.evidence}.",
        options=[option("Day first (DD/MM/YYYY)", 1), option("Month first (MM/DD/YYYY)", 2)],
        field=key,
        kind="date_order",
    )


def enum_values(match: FieldMatch, col: ColumnInfo, fld: FieldInfo, lookup: bool) -> MatchQuestion:
    """What should the values no allowed value matches become? A value map, one option per allowed value."""
    key = fld.spec.key
    unmatched: list[str] = match.hints.get("unmatched_values", [])
    shown = ", ".join(f"'{v}'" for v in unmatched[:5])
    allowed = fld.spec.values or (["true", "false"] if fld.spec.type == "boolean" else [])  # a flag's worded states
    options = [option(f"Make {'them' if len(unmatched) > 1 else 'it'} '{v}'", k) for k, v in enumerate(allowed, 1)]
    options.append(option("Leave empty", len(options) + 1))
    example = (
        ", ".join(f"{v}={allowed[min(n, len(allowed) - 1)]}" for n, v in enumerate(unmatched[:2])) if allowed else ""
    )
    if lookup:
        question = f"'{col.header}' holds ids ({shown}): which {fld.spec.label or key} is each?"
        context = (
            f"The values look like the ids of a list kept elsewhere (e.g. a '{col.header}' table), so they cannot be "
            f"matched by name. Allowed values: {', '.join(allowed)}. Answer with a value map such as '{example}'."
        )
    else:
        question = f"What should {shown} in '{col.header}' become in {fld.spec.label or key}?"
        context = (
            f"No allowed value matches: {', '.join(allowed)}. Answer with a custom mapping such as "
            f"'{unmatched[0]}={allowed[0] if allowed else ''}' to map values one by one."
        )
    return MatchQuestion(
        id=f"q_{key}_values",
        question=question,
        context=context,
        options=options,
        allow_custom=True,
        field=key,
        kind="enum_values",
    )


def offered_columns(
    scored: ScoredSheet, result: SheetMatch, key: str
) -> tuple[FieldMatch, MatchQuestion, list[int]] | None:
    """The unapplied match of field `key`, the which-column question about it and the columns its options offer
    (indices into `scored.columns`, in option order, the first a known column); None when there is no such question."""
    match = result.match_for(key)
    question = next((q for q in result.questions if q.field == key and q.kind == "which_column"), None)
    if match is None or match.auto_applied or question is None:
        return None
    by_source = {c.source: i for i, c in enumerate(scored.columns)}
    named = [n for o in question.options if o.label.startswith("'") for n in re.findall(r"'([^']*)'", o.label)[:1]]
    if not named or named[0] not in by_source:
        return None
    return match, question, [by_source[n] for n in named if n in by_source]


def settle_with(
    result: SheetMatch, match: FieldMatch, question: MatchQuestion, source: str, confidence: float, rationale: str
) -> None:
    """Apply the column a which-column question offers (its answer was already clear) and withdraw the question."""
    match.column, match.columns, match.auto_applied = source, [source], True
    match.confidence, match.rationale = confidence, rationale
    result.questions.remove(question)
