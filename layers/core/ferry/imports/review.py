"""The review of an import with flagged rows: one plain-language question per flagged group (sheet, column,
rule), a proposed patch, and turning a person's decision into the patch to apply.

Polars-free: the API resolves decisions with it; the worker builds reviews from the counts the engine's
patch pass (ferry.imports.patches) finds.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

from ferry.core.domain import Template, TemplateField
from ferry.core.errors import InvalidRequest
from ferry.core.outcomes import Answer
from ferry.recipe.spec import CASE_INSENSITIVE_UNIQUE, RULE_ORDER

SAMPLE_SIZE = 5
SAMPLE_MAX_CHARS = 200

ActionName = Literal["set_value", "delete_invalid_rows", "dedup_keep_first", "keep"]
Group = tuple[str, str, str]
"""A flagged group: (sheet_id, column, rule)."""

CLEAR, DELETE, KEEP_FIRST, KEEP = "clear_cells", "delete_rows", "keep_first", "keep_flagged"


class IssueCount(BaseModel):
    """What the engine found of one flagged group: how many cells, and a few of their values."""

    sheet_id: str
    column: str
    rule: str
    count: int
    samples: list[str]

    @property
    def group(self) -> Group:
        """(sheet_id, column, rule)."""
        return (self.sheet_id, self.column, self.rule)


class IssueDetails(BaseModel):
    """What a question is about."""

    sheet_id: str
    column: str
    affected_count: int
    sample_values: list[str]
    error: str


class ReviewOption(BaseModel):
    """An answer a person can pick, and the patch action it stands for."""

    id: str
    label: str
    action: ActionName
    value: str | None = None
    key_column: str | None = None


class ReviewQuestion(BaseModel):
    """One flagged group, asked in plain language."""

    id: str
    question: str
    context: str
    details: IssueDetails
    columns: list[str]
    options: list[ReviewOption]
    allow_custom: bool

    @property
    def group(self) -> Group:
        """(sheet_id, column, rule)."""
        return (self.details.sheet_id, self.details.column, self.details.error)


class PatchAction(BaseModel):
    """What to do with one flagged group's cells (`error` is the group's rule)."""

    question_id: str
    sheet_id: str
    column: str
    error: str
    action: ActionName
    value: str | None = None
    key_column: str | None = None

    @property
    def group(self) -> Group:
        """(sheet_id, column, rule)."""
        return (self.sheet_id, self.column, self.error)


class ProposedPatch(BaseModel):
    """The fix Ferry would apply if the decision is approved as it is."""

    summary: str
    actions: list[PatchAction]


class Review(BaseModel):
    """What an import waiting in `needs_attention` shows: the questions and the proposed patch."""

    questions: list[ReviewQuestion]
    proposed_patch: ProposedPatch

    def public(self) -> dict[str, Any]:
        """The review as clients see it, in the poll's `needs_attention` and in the thread alike: the options
        without the patch actions they stand for, the patch's actions without their rule."""
        questions = [
            {
                **q.model_dump(mode="json", exclude={"options"}),
                "options": [{"id": o.id, "label": o.label} for o in q.options],
            }
            for q in self.questions
        ]
        actions = []
        for a in self.proposed_patch.actions:
            shown = a.model_dump(mode="json", exclude={"error"})
            actions.append({k: v for k, v in shown.items() if v is not None or k not in ("value", "key_column")})
        return {"questions": questions, "proposed_patch": {"summary": self.proposed_patch.summary, "actions": actions}}


# ------------------------------------------------------------------------------------------ building


def build_review(templates: list[Template], issues: list[IssueCount], kept: set[Group]) -> Review | None:
    """The questions and proposed patch for the flagged groups, in template, field and rule order; groups
    a person chose to keep flagged are not asked again. None when nothing is left to ask."""
    fields = {(t.sheet_id, f.key): (t, f) for t in templates for f in t.fields}
    order = {key: n for n, key in enumerate(fields)}
    open_issues = [i for i in issues if i.count and i.group not in kept and (i.sheet_id, i.column) in fields]
    open_issues.sort(key=lambda i: (order[(i.sheet_id, i.column)], _rule_rank(i.rule)))
    if not open_issues:
        return None
    questions: list[ReviewQuestion] = []
    actions: list[PatchAction] = []
    for issue in open_issues:
        template, field = fields[(issue.sheet_id, issue.column)]
        question = _question(template, field, issue)
        questions.append(question)
        actions.append(_action(question, _proposed_option(question)))
    return Review(
        questions=questions,
        proposed_patch=ProposedPatch(summary=describe_patch(templates, questions, actions), actions=actions),
    )


def _rule_rank(rule: str) -> int:
    return RULE_ORDER.index(rule) if rule in RULE_ORDER else len(RULE_ORDER)


def _question(template: Template, field: TemplateField, issue: IssueCount) -> ReviewQuestion:
    n, label = issue.count, _label(field)
    them = "them" if n != 1 else "it"
    if issue.rule == "required":
        text = f"{n} {_rows(n)} in {template.name} {'have' if n != 1 else 'has'} no {label}"
    elif issue.rule == "unique":
        text = f"{n} {_rows(n)} in {template.name} {'repeat' if n != 1 else 'repeats'} {_article(label)} {label} that"
        text += " an earlier row already has"
    else:
        text = f"{n} {_values(label, n)} in {template.name} {_problem(field, issue.rule, plural=n != 1)}"
    context = f"{label[:1].upper()}{label[1:]} {_requirement(field, issue.rule)}. Until this is resolved, "
    context += "these rows stay flagged and out of the valid export."
    options = _options(field, issue.rule, label)
    return ReviewQuestion(
        id=f"{issue.sheet_id}.{issue.column}.{issue.rule}",
        question=f"{text} — what should happen to {them}?",
        context=context,
        details=IssueDetails(
            sheet_id=issue.sheet_id,
            column=issue.column,
            affected_count=n,
            sample_values=[v[:SAMPLE_MAX_CHARS] for v in issue.samples[:SAMPLE_SIZE]],
            error=issue.rule,
        ),
        columns=[issue.column],
        options=options,
        allow_custom=issue.rule != "unique",
    )


def _options(field: TemplateField, rule: str, label: str) -> list[ReviewOption]:
    keep = ReviewOption(id=KEEP, label="Keep the rows flagged (they stay out of the valid export)", action="keep")
    if rule == "unique":
        first = ReviewOption(
            id=KEEP_FIRST,
            label=f"Keep the first row of each {label} and drop the later duplicates",
            action="dedup_keep_first",
            key_column=field.key,
        )
        return [first, keep]
    delete = ReviewOption(id=DELETE, label="Delete these rows", action="delete_invalid_rows")
    if field.required:
        return [delete, keep]
    clear = ReviewOption(id=CLEAR, label=f"Clear these cells (leave {label} empty)", action="set_value", value="")
    return [clear, delete, keep]


def _proposed_option(question: ReviewQuestion) -> ReviewOption:
    """Dedup a repeated value, clear a bad cell that may be empty, else delete the row."""
    by_id = {o.id: o for o in question.options}
    return by_id.get(KEEP_FIRST) or by_id.get(CLEAR) or by_id[DELETE]


def _action(question: ReviewQuestion, option: ReviewOption) -> PatchAction:
    d = question.details
    return PatchAction(
        question_id=question.id,
        sheet_id=d.sheet_id,
        column=d.column,
        error=d.error,
        action=option.action,
        value=option.value,
        key_column=option.key_column,
    )


# ------------------------------------------------------------------------------------------ decisions


def resolve_decision(review: Review, answers: list[Answer]) -> list[PatchAction]:
    """The patch an approval applies: the proposed action per question, overridden by each answer (a listed
    option, or custom text where the question allows it: set as the value, checked like any cell).

    400 for an unknown or repeated question, an unknown option, or custom text where it is not allowed.
    """
    by_id = {q.id: q for q in review.questions}
    chosen: dict[str, PatchAction] = {}
    for n, answer in enumerate(answers):
        question = by_id.get(answer.question_id)
        if question is None:
            raise InvalidRequest(
                f"No question `{answer.question_id}` is waiting for a decision.", param=f"answers[{n}].question_id"
            )
        if answer.question_id in chosen:
            raise InvalidRequest(
                f"Question `{answer.question_id}` is answered twice.", param=f"answers[{n}].question_id"
            )
        if answer.option_id is not None:
            option = next((o for o in question.options if o.id == answer.option_id), None)
            if option is None:
                known = ", ".join(o.id for o in question.options)
                raise InvalidRequest(
                    f"`{answer.option_id}` is not an option of question `{question.id}` (options: {known}).",
                    param=f"answers[{n}].option_id",
                )
        elif not question.allow_custom:
            raise InvalidRequest(
                f"Question `{question.id}` takes one of its options, not custom text.", param=f"answers[{n}].custom"
            )
        else:
            option = ReviewOption(id="custom", label="custom", action="set_value", value=(answer.custom or "").strip())
        chosen[question.id] = _action(question, option)
    proposed = {a.question_id: a for a in review.proposed_patch.actions}
    return [chosen.get(q.id) or proposed[q.id] for q in review.questions]


def describe_patch(templates: list[Template], questions: list[ReviewQuestion], actions: list[PatchAction]) -> str:
    """One plain sentence for a patch ("Delete the 3 rows of Contacts whose email is not a valid email
    address; clear years in the 93 rows where it is above the maximum of 90.")."""
    names = {t.sheet_id: t for t in templates}
    counts = {q.id: q.details.affected_count for q in questions}
    phrases: list[str] = []
    for a in actions:
        template = names.get(a.sheet_id)
        field = next((f for f in template.fields if f.key == a.column), None) if template else None
        if template is None or field is None:
            continue
        n, label = counts.get(a.question_id, 0), _label(field)
        where = "it is empty" if a.error == "required" else f"it {_problem(field, a.error, plural=False)}"
        if a.action == "delete_invalid_rows":
            what = f"with no {label}" if a.error == "required" else f"whose {label} {_problem(field, a.error, False)}"
            phrases.append(f"delete the {n} {_rows(n)} of {template.name} {what}")
        elif a.action == "set_value" and not a.value:
            phrases.append(f"clear {label} in the {n} {_rows(n)} of {template.name} where {where}")
        elif a.action == "set_value":
            phrases.append(f"set {label} to '{a.value}' in the {n} {_rows(n)} of {template.name} where {where}")
        elif a.action == "dedup_keep_first":
            phrases.append(
                f"keep the first row of each repeated {label} in {template.name} and drop the {n} later {_rows(n)}"
            )
        else:
            phrases.append(f"keep the {n} {_rows(n)} of {template.name} flagged for {label}")
    if not phrases:
        return "Nothing to change."
    text = "; ".join(phrases)
    return text[:1].upper() + text[1:] + "."


# ------------------------------------------------------------------------------------------ wording


def _label(field: TemplateField) -> str:
    return (field.label or field.key.replace("_", " ")).strip().lower() or field.key


def _rows(n: int) -> str:
    return "row" if n == 1 else "rows"


def _values(label: str, n: int) -> str:
    """'emails' for a one-word label, 'years values' otherwise (no guessing at English plurals)."""
    if " " not in label and not label.endswith("s"):
        return label if n == 1 else label + "s"
    return f"{label} value" if n == 1 else f"{label} values"


def _article(label: str) -> str:
    return "an" if label[:1] in "aeiou" else "a"


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


_TYPE_NOUNS = {  # (one value, several values)
    "email": ("a valid email address", "valid email addresses"),
    "phone": ("a valid phone number", "valid phone numbers"),
    "url": ("a valid web address", "valid web addresses"),
    "date": ("a date Ferry can read", "dates Ferry can read"),
    "datetime": ("a date and time Ferry can read", "dates and times Ferry can read"),
    "integer": ("a whole number", "whole numbers"),
    "number": ("a number", "numbers"),
    "boolean": ("true or false", "true or false"),
}


def _type_noun(field: TemplateField, plural: bool) -> str:
    one, several = _TYPE_NOUNS.get(field.type, (f"a valid {field.type}", f"valid {field.type} values"))
    return several if plural else one


def _problem(field: TemplateField, rule: str, plural: bool) -> str:
    """What is wrong with the flagged values ('are not valid email addresses')."""
    is_, not_ = ("are", "are not") if plural else ("is", "is not")
    if rule == "type":
        return f"{not_} {_type_noun(field, plural)}"
    if rule == "enum":
        return f"{not_} one of the allowed values ({', '.join(field.values or [])})"
    if rule == "pattern":
        return f"{'do not' if plural else 'does not'} match the pattern {field.pattern}"
    if rule == "min":
        return f"{is_} below the minimum of {_number(field.min)}"
    if rule == "max":
        return f"{is_} above the maximum of {_number(field.max)}"
    if rule == "min_length":
        return f"{is_} shorter than {_number(field.min)} characters"
    if rule == "max_length":
        return f"{is_} longer than {_number(field.max)} characters"
    if rule == "unique":
        return f"{is_} already used by an earlier row"
    if rule == "required":
        return f"{is_} empty"
    return f"{'fail' if plural else 'fails'} the {rule} rule"


def _requirement(field: TemplateField, rule: str) -> str:
    """The rule the flagged values break, as a requirement ('must be a valid email address')."""
    if rule == "required":
        return "is required on every row"
    if rule == "type":
        return f"must be {_type_noun(field, plural=False)}"
    if rule == "enum":
        return f"must be one of: {', '.join(field.values or [])}"
    if rule == "pattern":
        return f"must match the pattern {field.pattern}"
    if rule == "min":
        return f"must be at least {_number(field.min)}"
    if rule == "max":
        return f"must be at most {_number(field.max)}"
    if rule == "min_length":
        return f"must be at least {_number(field.min)} characters long"
    if rule == "max_length":
        return f"must be at most {_number(field.max)} characters long"
    if rule == "unique":
        ignoring = " (compared ignoring case)" if field.type in CASE_INSENSITIVE_UNIQUE else ""
        return f"must be unique across rows{ignoring}"
    return f"must pass the {rule} rule"
