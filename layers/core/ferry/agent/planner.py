"""Planners: file manifests + templates → a Plan (a Recipe, each field's confidence and rationale, the columns
left over, and questions where the decision is a person's), and the edit/clarify conversation that follows.

    class Planner(Protocol):
        generate(manifests, templates, filenames?, progress?) -> Plan    a first recipe, or questions
        answer(plan, answers) -> Plan                                      the plan with a person's answers applied
        update(recipe, templates, sheets, message) -> Edit                 edit a recipe per a plain-language message
        answer_update(recipe, templates, sheets, pending, answer) -> Edit  apply the answer to an update's question
        clarify(recipe, templates, preview, message) -> str                answer a read-only question about a preview

`HeuristicPlanner` (the default) is offline and deterministic: the matcher (ferry.agent.match_sheet), the
instruction editor (ferry.recipe.editor) and the preview explainer (ferry.recipe.clarify). `BedrockPlanner`
(ferry.agent.bedrock, `FERRY_PLANNER=bedrock`) proposes the first recipe with a model and falls back to the
heuristic one on any failure; ferry.agent.choice builds the one the settings name. Nothing here touches
storage: the run steps (ferry.runs.steps) load what a planner needs, keep the Plan between steps as JSON, and
preview its recipe through the engine.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Protocol

from pydantic import BaseModel

from ferry.agent.match import match_sheet
from ferry.agent.memory import Remembered, apply_memory
from ferry.agent.models import MatchQuestion, SheetMatch
from ferry.core.domain import FileManifest, SheetManifest, Template
from ferry.core.outcomes import Answer, Question, QuestionOption
from ferry.recipe import Op, Recipe, recipe_from_plan
from ferry.recipe.clarify import answer_question
from ferry.recipe.editor import Edit, answer_edit_question, edit_recipe

# The manifest of every sheet a recipe may read, by (file_id, sheet_id).
Sheets = dict[tuple[str, str], SheetManifest]
Progress = Callable[[str], None]


class TemplateMatch(BaseModel):
    """The matcher's working answer for one template: the sheet it reads and its field matches."""

    sheet_id: str
    file_id: str
    filename: str
    source_sheet_id: str
    match: SheetMatch


class Plan(BaseModel):
    """What a planner proposes: the recipe, how sure it is of each field, and what it needs to ask.

    `mappings` and `unmapped_columns` have the preview's shape (docs/api.md, "Preview"). While `questions`
    are open, the fields they are about are unmapped (which column?) or read with a default (month-first
    dates, unknown values kept). `templates` and `matches` are the working state `answer` needs; the whole
    plan is JSON (`model_dump(mode="json", by_alias=True)`) so a run keeps it between steps.
    """

    planner: str
    summary: str
    recipe: Recipe
    mappings: list[dict[str, Any]]
    unmapped_columns: list[dict[str, Any]]
    questions: list[Question]
    templates: list[Template]
    matches: list[TemplateMatch]

    def report(self) -> dict[str, Any]:
        """The plan as a person reads it (CLI `--json`): no working state."""
        return {
            "planner": self.planner,
            "summary": self.summary,
            "recipe": self.recipe.model_dump(mode="json", by_alias=True),
            "mappings": self.mappings,
            "unmapped_columns": self.unmapped_columns,
            "questions": [q.model_dump(mode="json") for q in self.questions],
        }


class Planner(Protocol):
    """Turns file manifests and templates into a Plan, and edits or explains the recipe afterwards."""

    name: str

    def generate(
        self,
        manifests: dict[str, FileManifest],
        templates: list[Template],
        filenames: dict[str, str] | None = None,
        *,
        progress: Progress | None = None,
        memory: list[Remembered] | None = None,
    ) -> Plan:
        """A first plan for `templates` from the files' manifests (by file_id; `filenames` name them); the
        account's `memory` of confirmed mappings goes first (ferry.agent.memory)."""
        ...

    def answer(self, plan: Plan, answers: list[Answer]) -> Plan:
        """The plan with a person's answers to its questions applied; no question is left open."""
        ...

    def update(self, recipe: Recipe, templates: list[Template], sheets: Sheets, message: str) -> Edit:
        """Edit `recipe` per a plain-language message: a new recipe, a question back, or why not."""
        ...

    def answer_update(
        self, recipe: Recipe, templates: list[Template], sheets: Sheets, pending: dict[str, Any], answer: Answer
    ) -> Edit:
        """Apply the answer to the question an `update` asked (`pending` is the Edit's)."""
        ...

    def clarify(self, recipe: Recipe, templates: list[Template], preview: dict[str, Any], message: str) -> str:
        """A plain-language answer to a question about a preview body; changes nothing."""
        ...


class HeuristicPlanner:
    """The default planner: offline and deterministic (matcher, instruction editor, preview explainer)."""

    name = "heuristic"

    def generate(
        self,
        manifests: dict[str, FileManifest],
        templates: list[Template],
        filenames: dict[str, str] | None = None,
        *,
        progress: Progress | None = None,
        memory: list[Remembered] | None = None,
    ) -> Plan:
        """Match every template onto the best-fitting sheet of the files; ask only where it is unsure.
        Columns the account confirmed before (`memory`) map as they were confirmed.

        Raises ValueError when the files hold no sheet at all.
        """
        names = filenames or {}
        candidates = [(file_id, sheet) for file_id, manifest in manifests.items() for sheet in manifest.sheets]
        if not candidates:
            raise ValueError("the files hold no sheet to plan from")
        chosen: list[TemplateMatch] = []
        for template in templates:
            if progress is not None:
                progress(f"Matching columns to {template.name}.")
            scored = [(file_id, sheet, match_sheet(sheet, template)) for file_id, sheet in candidates]
            file_id, sheet, match = max(scored, key=lambda c: sheet_fit(c[2]))
            chosen.append(
                TemplateMatch(
                    sheet_id=template.sheet_id,
                    file_id=file_id,
                    filename=names.get(file_id, file_id),
                    source_sheet_id=sheet.sheet_id,
                    match=match,
                )
            )
        if memory:  # mapping memory: what the account confirmed before overrides the matcher's picks
            apply_memory(chosen, manifests, templates, memory)
        return plan_of_matches(chosen, templates, self.name)

    def answer(self, plan: Plan, answers: list[Answer]) -> Plan:
        """Apply each answer to the field it is about; questions left unanswered keep their field empty."""
        by_id = {a.question_id: a for a in answers}
        chosen = [tm.model_copy(deep=True) for tm in plan.matches]
        for tm in chosen:
            for question in tm.match.questions:
                answer = by_id.get(f"{tm.sheet_id}.{question.id}")
                if answer is not None:
                    apply_answer(tm.match, question, answer)
            tm.match.questions = []
        return plan_of_matches(chosen, plan.templates, plan.planner)

    def update(self, recipe: Recipe, templates: list[Template], sheets: Sheets, message: str) -> Edit:
        """The instruction editor (ferry.recipe.editor.edit_recipe)."""
        return edit_recipe(recipe, templates, sheets, message)

    def answer_update(
        self, recipe: Recipe, templates: list[Template], sheets: Sheets, pending: dict[str, Any], answer: Answer
    ) -> Edit:
        """The instruction editor's answers (ferry.recipe.editor.answer_edit_question)."""
        return answer_edit_question(recipe, templates, sheets, pending, answer)

    def clarify(self, recipe: Recipe, templates: list[Template], preview: dict[str, Any], message: str) -> str:
        """The preview explainer (ferry.recipe.clarify.answer_question)."""
        return answer_question(recipe, templates, preview, message)


# ------------------------------------------------------------------------------------------ the plan


def sheet_fit(match: SheetMatch) -> float:
    """How well a sheet fits a template: the confidence of what would be applied without asking."""
    return sum(m.confidence for m in match.matches if m.auto_applied) + 0.1 * sum(
        m.confidence for m in match.matches if not m.auto_applied and m.column
    )


def preview_mapping(
    template: Template, field: str, source: dict[str, str], columns: list[str], ops: list[Op]
) -> dict[str, Any]:
    """A recipe field as a preview mapping reads it: the column it reads (all of them in `sources` when several)
    and, when it reads any, its ops as `transform`; the caller adds `confidence` and `rationale`."""
    mapping: dict[str, Any] = {
        "template": template.name,
        "field": field,
        "source": {**source, "column": columns[0]} if columns else None,
    }
    if len(columns) > 1:
        mapping["sources"] = [{**source, "column": c} for c in columns]
    if columns and ops:
        mapping["transform"] = [op.model_dump(mode="json", by_alias=True) for op in ops]
    return mapping


def plan_of_matches(chosen: list[TemplateMatch], templates: list[Template], planner: str) -> Plan:
    """The Plan of the matcher's answers: recipe, mappings, unmapped columns, summary and open questions."""
    by_id = {t.sheet_id: t for t in templates}
    mappings: list[dict[str, Any]] = []
    unmapped: list[dict[str, Any]] = []
    recipe_templates: list[dict[str, Any]] = []
    summary: list[str] = []
    questions: list[Question] = []
    for tm in chosen:
        template = by_id[tm.sheet_id]
        source = {"file_id": tm.file_id, "sheet_id": tm.source_sheet_id}
        fields: dict[str, Any] = {}
        for fm in tm.match.matches:
            applied = fm.auto_applied and bool(fm.columns)
            fields[fm.field] = {"columns": fm.columns, **({"hints": fm.hints} if fm.hints else {})} if applied else None
            mapping: dict[str, Any] = {
                "template": template.name,
                "field": fm.field,
                "source": {**source, "column": fm.columns[0]} if applied else None,
                "confidence": round(fm.confidence, 4) if applied else 0.0,
                "rationale": fm.rationale,
            }
            if applied and len(fm.columns) > 1:
                mapping["sources"] = [{**source, "column": c} for c in fm.columns]
            mappings.append(mapping)
        unmapped += [{**source, "column": c} for c in tm.match.unmapped_columns]
        recipe_templates.append({"sheet_id": template.sheet_id, "source": source, "fields": fields})
        mapped = sum(1 for f in fields.values() if f)
        summary.append(f"{template.name}: {mapped} of {len(fields)} fields mapped from {tm.filename}.")
        questions += [_question(tm.sheet_id, q) for q in tm.match.questions]
    recipe = recipe_from_plan({"version": 1, "templates": recipe_templates}, templates)
    ops = {(t.sheet_id, f.field): f.ops for t in recipe.templates for f in t.fields}
    sheet_of = {t.name: t.sheet_id for t in templates}
    for mapping in mappings:
        field_ops = ops.get((sheet_of[mapping["template"]], mapping["field"]))
        if mapping["source"] and field_ops:
            mapping["transform"] = [op.model_dump(mode="json", by_alias=True) for op in field_ops]
    return Plan(
        planner=planner,
        summary=" ".join(summary),
        recipe=recipe,
        mappings=mappings,
        unmapped_columns=unmapped,
        questions=questions,
        templates=templates,
        matches=chosen,
    )


def _question(sheet_id: str, q: MatchQuestion) -> Question:
    """A matcher question as the run asks it; its id names the template, so answers find their way back."""
    return Question(
        id=f"{sheet_id}.{q.id}",
        question=q.question,
        context=q.context or None,
        options=[QuestionOption(id=o.id, label=o.label) for o in q.options],
        allow_custom=q.allow_custom,
    )


def apply_answer(match: SheetMatch, question: MatchQuestion, answer: Answer) -> None:
    """Change the field the question is about per the person's answer (a column, yes/no, an order, values)."""
    field_match = match.match_for(question.field or "")
    if field_match is None:
        return
    label = next((o.label for o in question.options if o.id == answer.option_id), "")
    chosen_block = _block_named(question, answer.custom) if answer.custom else answer.option_id
    if question.blocks and chosen_block is not None:
        apply_block(match, question, chosen_block)
    elif question.kind == "which_column":
        column = answer.custom.strip() if answer.custom else _quoted(label)
        if column:
            field_match.column, field_match.columns, field_match.auto_applied = column, [column], True
            field_match.rationale = f"chosen by you: '{column}'"
        else:
            field_match.column, field_match.columns, field_match.auto_applied = None, [], False
            field_match.rationale = "left empty, as you chose"
    elif question.kind in ("other_party", "header_value_conflict"):
        keep = answer.option_id == "opt_1"
        # A split of one full-name column is asked once, about the first name: the answer holds for both parts.
        parts = [field_match]
        if field_match.hints.get("split"):
            parts += [m for m in match.matches if m is not field_match and m.hints.get("split") and m.column]
        for part in parts:
            part.auto_applied = keep and part.column is not None
            if not keep:
                part.column, part.columns = None, []
            part.rationale = "confirmed by you" if keep else "left empty, as you chose"
    elif question.kind == "date_order":
        order = "DMY" if answer.option_id == "opt_1" else "MDY"
        field_match.hints["date_order"] = order
        field_match.hints["date_formats"] = formats_in_order(field_match.hints.get("date_formats") or [], order)
    elif question.kind == "enum_values":
        value_map: dict[str, str | None] = dict(field_match.hints.get("value_map", {}))
        unmatched: list[str] = field_match.hints.get("unmatched_values", [])
        allowed = [v for o in question.options if o.label.startswith("Make") and (v := _quoted(o.label))]
        if answer.custom:
            names = [question.field or "", *field_match.columns, field_match.column or ""]
            pairs = value_answer_pairs(answer.custom, allowed, [*unmatched, *value_map], names)
            if not pairs and (whole := _value_target(answer.custom, allowed)) in (None, *allowed):
                pairs = dict.fromkeys(unmatched, whole)  # 'Operations' or 'leave them empty': all of them
            value_map.update(pairs)
        elif label.startswith("Make"):
            value_map.update(dict.fromkeys(unmatched, _quoted(label)))
        elif label.startswith("Leave"):  # 'Leave empty': the values asked about become null, not flagged
            value_map.update(dict.fromkeys(unmatched))
        field_match.hints["value_map"] = value_map
        mapped = {k.strip().lower() for k in value_map}
        field_match.hints["unmatched_values"] = [v for v in unmatched if v.strip().lower() not in mapped]


def apply_block(match: SheetMatch, question: MatchQuestion, option_id: str | None) -> None:
    """A which-address answer maps every field of the chosen block from its columns, together; the fields of the
    blocks not chosen (or of none, when the person chose none) are left empty."""
    chosen = question.blocks.get(option_id or "", {})
    for key in {k for block in question.blocks.values() for k in block}:
        field_match = match.match_for(key)
        if field_match is None:
            continue
        column = chosen.get(key)
        field_match.column, field_match.columns, field_match.auto_applied = (
            column,
            [column] if column else [],
            bool(column),
        )
        field_match.rationale = f"chosen by you: '{column}'" if column else "left empty, as you chose"


def _block_named(question: MatchQuestion, text: str) -> str | None:
    """The option of a which-address question a typed answer names by its word ('home', 'the work one'), if any."""
    words = set(re.findall(r"\w+", text.lower()))
    named = [o.id for o in question.options if o.id in question.blocks and o.label.split()[1].lower() in words]
    return named[0] if len(named) == 1 else None


def formats_in_order(formats: list[str], order: str) -> list[str]:
    """The sampled date formats read in the chosen day/month `order`: a format of the other order is swapped
    (the engine tries formats in turn, so '%d/%m/%Y' left before '%m/%d/%Y' would win regardless)."""
    out: list[str] = []
    for fmt in formats:
        numeric = "".join(re.findall(r"%([dmyY])", fmt)).upper()
        if numeric in ("DMY", "MDY") and numeric != order:  # numeric day and month, year last: swap them
            fmt = fmt.replace("%d", "\0").replace("%m", "%d").replace("\0", "%m")
        if fmt not in out:
            out.append(fmt)
    return out


def _quoted(label: str) -> str | None:
    found = re.search(r"'([^']*)'", label)
    return found.group(1) if found else None


# --------------------------------------------------------------------------- custom answers about values

_QUOTED_RE = re.compile(r"""(?<!\w)'([^']+)'(?!\w)|"([^"]+)"|\u2018([^\u2019]+)\u2019|\u201c([^\u201d]+)\u201d""")
_QUOTES = "'\"\u2018\u2019\u201c\u201d` "  # straight, curly and back quotes, and spaces
_ARROW_RE = re.compile(r"\s*(?:=>|->|→|=)\s*")
_WORD_SEP_RE = re.compile(r"\s+(?:to|means|into|as|becomes?|is|should\s+be)\s+", re.IGNORECASE)
_COLON_RE = re.compile(r"\s*:\s+")
_VERB_RE = re.compile(r"^(?:please\s+)?(?:map|set|treat|change|turn|make|translate|convert|rename|replace)\s+", re.I)
_EMPTY_RE = re.compile(r"(?:leave\s+(?:it\s+|them\s+)?)?(?:empty|blank|nothing|null|none)", re.IGNORECASE)


def value_answer_pairs(text: str, allowed: list[str], known: list[str], names: list[str]) -> dict[str, str | None]:
    """Source value → target of a custom answer to an enum-values question, in the person's words.

    Each clause (split on ',', ';', new lines and ' and ') names one value and its target: 'worker=Operations',
    "value 'worker' to 'Operations'", "'worker' → 'Operations'", 'worker means Operations', with or without a verb
    ('map', 'treat', …) and the field or column (`names`) in front ("team value 'worker'", 'team: worker'). Quoted
    text is taken whole. A target is the allowed value it names (any case), None for 'empty'/'nothing'; a source is
    spelled as in the file when it is one of `known`, which also keeps a value such as 'Value Proposition' whole.
    """
    quoted: list[str] = []

    def hide(m: re.Match[str]) -> str:
        quoted.append(next(g for g in m.groups() if g is not None))
        return f"\0{len(quoted) - 1}\0"

    def show(part: str) -> str:
        return re.sub(r"\0(\d+)\0", lambda m: quoted[int(m.group(1))], part).strip(_QUOTES)

    spelled = {k.strip().lower(): k for k in known}
    variants = {v for n in names if n.strip() for v in (n.strip(), n.strip().replace("_", " "))}
    field = "|".join(re.escape(v) for v in sorted(variants, key=len, reverse=True)) or r"(?!)"
    prefix = re.compile(
        rf"^(?:the\s+)?(?:(?P<field>(?:{field})(?:\s+values?)?\s*:\s*|(?:{field})\s+values?\s+)|values?\s+)(?=\S)",
        re.IGNORECASE,
    )

    def source_of(left: str) -> str:
        verbless = _VERB_RE.sub("", left)
        candidates = [left, verbless]
        found = prefix.match(verbless)
        # 'team value x' and "value 'x'" lose their prefix; a bare 'Value Proposition' keeps it
        if found and (found.group("field") or verbless[found.end() :].startswith("\0")):
            candidates.append(verbless[found.end() :])
        shown = [show(c) for c in candidates]
        return next((spelled[c.lower()] for c in shown if c.lower() in spelled), shown[-1])

    def separator(clause: str) -> re.Match[str] | None:
        """'=' or an arrow first; else the first of 'to', 'means', … whose right side is an allowed value (or
        'empty'), else the last of them; else a colon."""
        if arrow := _ARROW_RE.search(clause):
            return arrow
        words = list(_WORD_SEP_RE.finditer(clause))
        for word in words:
            if _value_target(show(clause[word.end() :]), allowed) in (None, *allowed):
                return word
        return words[-1] if words else _COLON_RE.search(clause)

    def pair(clause: str) -> tuple[str, str | None] | None:
        clause = clause.strip().rstrip(".!")
        found = separator(clause)
        if found is None:
            return None
        source, target = source_of(clause[: found.start()].strip()), show(clause[found.end() :])
        if not source or not target:
            return None
        return source, _value_target(target, allowed)

    pairs: dict[str, str | None] = {}
    for chunk in re.split(r"[,;\n]", _QUOTED_RE.sub(hide, text)):
        parts = re.split(r"\s+and\s+", chunk, flags=re.IGNORECASE)
        each = [pair(p) for p in parts]
        for one in each if len(parts) > 1 and all(each) else [pair(chunk)]:
            if one is not None:
                pairs[one[0]] = one[1]
    return pairs


def _value_target(text: str, allowed: list[str]) -> str | None:
    """The allowed value a target names (any case), None for 'empty', else the text as typed (unquoted)."""
    target = text.strip().rstrip(".!").strip(_QUOTES)
    if _EMPTY_RE.fullmatch(target):
        return None
    return next((v for v in allowed if v.lower() == target.lower()), target)
