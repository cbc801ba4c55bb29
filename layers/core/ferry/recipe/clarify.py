"""Answers to read-only questions about a preview (`clarify` runs): where a field comes from, why a row is
flagged, what is dropped, which columns are not imported, how duplicates and dates are handled, how many values
are invalid, and which mappings are unsure.

Deterministic and read-only: nothing here changes the recipe. The preview's rows and errors cover only its
sample (the first ~50 source rows), and every count says so. The questions answered are listed in
docs/recipes.md, "Clarify".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ferry.core.domain import Template, TemplateField
from ferry.recipe.clarify_notions import asks_for_a_source
from ferry.recipe.clarify_rewording import rephrase
from ferry.recipe.editor import fields_named, fix_typos, tidy_message
from ferry.recipe.editor.clarify_voices import asked_plainly
from ferry.recipe.model import (
    Affix,
    Case,
    Coalesce,
    Concat,
    Default,
    EmailNormalize,
    FieldRecipe,
    FillFrom,
    Filter,
    JsonExtract,
    MapValues,
    NullTokens,
    Op,
    ParseDate,
    ParseDatetime,
    PhoneE164,
    Recipe,
    RegexExtract,
    Split,
    SplitName,
    TemplateRecipe,
    ToBoolean,
    ToNumber,
    Trim,
    UrlToDomain,
)

CONFIDENCE_BAR = 0.9  # calibrated: of the mappings reported at or above it, at least 90% are right
EXAMPLES = 3

HELP = (
    "I can answer questions about this preview: where a field comes from (\u201cWhere does email come from?\u201d), "
    "why a row is flagged (\u201cWhy is row 12 flagged?\u201d), how many rows are dropped, which columns are not "
    "imported, what happens to duplicates, which date format is assumed, how many values of a field are invalid, "
    "and which mappings have low confidence. To change the recipe, run an update instead."
)


def answer_question(recipe: Recipe, templates: list[Template], preview: dict[str, Any], message: str) -> str:
    """A plain-language answer to a question about the preview; never changes anything.

    `preview` is the stored preview body (`summary`, `mappings`, `unmapped_columns`, `sheets`, ...).
    """
    view = _View(recipe, templates, preview)
    text = fix_typos(tidy_message(asked_plainly(message)), view.vocabulary())
    if not text:
        return HELP
    request = _change_request(view, text)  # on the words as typed: rewording must not hide an instruction
    if request:
        return request
    text = rephrase(text)
    # 'the origin of the values in email': a source question is tried right after a row's (its dates, its doubts
    # or its filters are then what it asks the source of)
    first = [_row, _source] if asks_for_a_source(text) else []
    for intent in first + [i for i in _INTENTS[1:] if i not in first]:
        answer = intent(view, text)
        if answer:
            return answer
    return HELP


# ------------------------------------------------------------------------------------------ the preview


@dataclass
class _Part:
    """One template: its definition, its recipe part and its preview sheet."""

    template: Template
    tr: TemplateRecipe
    sheet: dict[str, Any]

    def field(self, key: str) -> FieldRecipe | None:
        return next((f for f in self.tr.fields if f.field == key), None)

    def spec(self, key: str) -> TemplateField:
        return next(f for f in self.template.fields if f.key == key)

    @property
    def errors(self) -> list[dict[str, Any]]:
        return list(self.sheet.get("errors") or [])

    @property
    def row_count(self) -> int:
        return int(self.sheet.get("rowCount") or 0)

    @property
    def dropped(self) -> dict[str, int] | None:
        dropped = self.sheet.get("droppedRows")
        return dict(dropped) if isinstance(dropped, dict) else None

    @property
    def sample(self) -> int:
        """Source rows the preview looked at: its output rows plus the ones filters and dedup dropped."""
        kept = len(self.sheet.get("rows") or [])
        read = int(self.sheet.get("sampleRowCount") or 0)
        return max(read, kept + sum((self.dropped or {}).values()))

    @property
    def whole_file(self) -> bool:
        return self.sample >= self.row_count

    def scope(self) -> str:
        """'the 50 preview rows (of 120)' or 'all 7 rows'."""
        if self.whole_file:
            return f"all {self.row_count} rows"
        return f"the first {self.sample} preview rows (of {self.row_count})"

    def estimate(self, count: int) -> str:
        """Extrapolate a sample count to the whole sheet, saying it is an estimate."""
        if self.whole_file or not self.sample:
            return ""
        total = round(count / self.sample * self.row_count)
        return f"; over all {self.row_count} rows that is about {total}, the exact number comes with execute"


class _View:
    """The recipe, templates and preview body, joined per template."""

    def __init__(self, recipe: Recipe, templates: list[Template], preview: dict[str, Any]) -> None:
        self.preview = preview
        by_id = {t.sheet_id: t for t in templates}
        sheets = {s.get("sheetId"): s for s in preview.get("sheets") or []}
        self.parts = [
            _Part(by_id[tr.sheet_id], tr, sheets.get(tr.sheet_id, {}))
            for tr in recipe.templates
            if tr.sheet_id in by_id
        ]
        self.mappings: list[dict[str, Any]] = list(preview.get("mappings") or [])

    def columns(self, part: _Part) -> list[str]:
        """Every source column the preview or the recipe knows of, for this template's sheet."""
        names: list[str] = []
        for fr in part.tr.fields:
            names += fr.source_columns()
        for m in self.mappings:
            if m.get("template") == part.template.name:
                names += [s["column"] for s in [m.get("source"), *(m.get("sources") or [])] if s]
        names += [u["column"] for u in self.preview.get("unmapped_columns") or [] if self._same_sheet(part, u)]
        return list(dict.fromkeys(names))

    def _same_sheet(self, part: _Part, ref: dict[str, Any]) -> bool:
        source = part.tr.source
        return ref.get("file_id", source.file_id) == source.file_id and ref.get("sheet_id", source.sheet_id) == (
            source.sheet_id
        )

    def named(self, text: str) -> list[tuple[_Part, str]]:
        """(template, field) pairs the text names."""
        return [(p, key) for p in self.parts for key in fields_named(p.template, p.tr, self.columns(p), text)]

    def mapping(self, part: _Part, key: str) -> dict[str, Any] | None:
        return next(
            (m for m in self.mappings if m.get("template") == part.template.name and m.get("field") == key), None
        )

    def vocabulary(self) -> list[str]:
        words = set(_KEYWORDS)
        for part in self.parts:
            for name in [*self.columns(part), *(f.key for f in part.template.fields)]:
                words.update(w.lower() for w in re.findall(r"[A-Za-z]+", name))
        return sorted(w for w in words if len(w) >= 3)


# ------------------------------------------------------------------------------------------ intents

_QUESTION_START_RE = re.compile(
    r"^(?:what|which|why|where|when|how|who|whose|is|are|was|were|do|does|did|will|would|can|could|should|shall|"
    r"has|have|tell|show|explain|list|give|describe|any|anything)\b",
    re.I,
)
_EDIT_VERB_RE = re.compile(
    r"^(?:map|unmap|use|set|make|change|drop|remove|delete|ignore|skip|exclude|split|combine|join|merge|"
    r"concatenate|treat|lowercase|lower-case|uppercase|upper-case|capitali[sz]e|dedupe|dedup|de-?duplicate|keep|"
    r"fill|default|rename|add|undo|revert|replace|convert|translate|put|move|don'?t|do not|stop|only|trim|"
    r"prefix|append|go back|roll back|take|import only|filter|cut|ditch|toss|swap|get rid of|leave out|fall back|"
    r"format|lower-?case|put)\b",
    re.I,
)
_KEYWORDS = frozenset(
    re.findall(
        r"\S+",
        "where come comes from source row rows line record flagged flag why wrong error errors invalid valid bad "
        "broken failing fail fails problem problems issue issues dropped drop filtered filter removed excluded "
        "skipped lost duplicate duplicates dupes dedup deduplicated same repeated column columns imported import "
        "unmapped unused ignored mapped date dates format formats assumed assume order first month day parse "
        "parsed confidence confident unsure uncertain sure low mapping mappings many count number numbers phone "
        "phones email emails happens happen which what how summary changed rate rates ratio share percent",
    )
)


def _change_request(view: _View, text: str) -> str | None:
    """An instruction sent as a question: say how to make it an update; change nothing."""
    asked = text.rstrip().endswith("?") or _QUESTION_START_RE.match(text)
    should = re.search(r"\b(?:should|must|needs? to|has to|have to)\s+(?:be|become|come|go|get)\b", text, re.I)
    if (_EDIT_VERB_RE.match(text) and not asked) or (should and not asked):
        return (
            "A clarify run only answers questions, so nothing was changed. "
            f"To do that, run an update with: \u201c{text.rstrip('?.! ')}\u201d."
        )
    return None


_ROW_RE = re.compile(
    r"\b(?:row|line|record|entry)\s*(?:number|no\.?|nr\.?|#)?\s*(\d+)\b|"
    r"\b(\d+)(?:st|nd|rd|th|\.)\s+(?:row|line|record|entry)\b",  # 'the 12th row', German 'the 12. row'
    re.I,
)


def _row(view: _View, text: str) -> str | None:
    found = _ROW_RE.search(text)
    if found is None:
        return None
    n = int(found.group(1) or found.group(2))
    return " ".join(_row_answer(part, n) for part in view.parts)


def _row_answer(part: _Part, n: int) -> str:
    name = part.template.name
    if part.row_count and n > part.row_count:
        return f"{name} has only {part.row_count} data rows, so there is no row {n}."
    failing = [e for e in part.errors if e.get("row") == n]
    if failing:
        cells = "; ".join(_explain_error(part, e) for e in failing)
        return f"Row {n} of {name} is flagged because {cells}."
    if n > part.sample:
        return (
            f"Row {n} is beyond the {part.sample} preview rows of {name}, so I cannot see it; "
            "the execute report and the invalid-rows export list every flagged row."
        )
    dropped = sum((part.dropped or {}).values())
    unless = f" (unless it is one of the {dropped} preview rows that a filter or dedup drops)" if dropped else ""
    return f"Row {n} of {name} passes every check in the preview{unless}."


_TYPE_WORDS = {
    "email": "an email address",
    "phone": "a phone number in international form (E.164, like +4930123456)",
    "date": "a date (YYYY-MM-DD once parsed)",
    "datetime": "a date and time",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "url": "an http(s) URL",
}


def _explain_error(part: _Part, error: dict[str, Any]) -> str:
    key, rule, value = error.get("column", ""), error.get("error", ""), error.get("value")
    spec = next((f for f in part.template.fields if f.key == key), None)
    shown = f"'{value}'" if value not in (None, "") else "the empty value"
    if spec is None:
        return f"{key} fails the {rule} rule ({shown})"
    why = {
        "required": f"{key} is empty but required",
        "type": f"{key} {shown} is not {_TYPE_WORDS.get(spec.type, spec.type)} (type rule)",
        "enum": f"{key} {shown} is not one of {', '.join(spec.values or [])} (enum rule)",
        "pattern": f"{key} {shown} does not match the pattern {spec.pattern} (pattern rule)",
        "unique": f"{key} {shown} already appears in an earlier row and must be unique (unique rule)",
    }
    return why.get(rule, f"{key} {shown} breaks the {rule} rule (limits {spec.min}..{spec.max})")


_DUPLICATE_RE = re.compile(
    r"\b(?:duplicat\w*|dupes?|dups?|de-?dup\w*|twice|repeat\w*|doubles?|doubled|same (?:\w+ ){0,2}\w+)", re.I
)


def _duplicates(view: _View, text: str) -> str | None:
    if not _DUPLICATE_RE.search(text):
        return None
    if re.search(r"\bhow many\b", text, re.I) and _DROPPED_RE.search(text) and re.search(r"\bfilter", text, re.I):
        return None  # 'how many rows do the filters and the dedup remove': the count of every rule
    named = view.named(text)
    return " ".join(_dedup_answer(part, [k for p, k in named if p is part]) for part in view.parts)


def _dedup_answer(part: _Part, keys: list[str]) -> str:
    name = part.template.name
    unique = [f.key for f in part.template.fields if f.unique]
    about = keys or (part.tr.dedup.keys if part.tr.dedup else unique)
    flagged = [e for e in part.errors if e.get("error") == "unique"]
    if part.tr.dedup is not None:
        d = part.tr.dedup
        dropped = (part.dropped or {}).get("dedup")
        counted = f"; in {part.scope()} that drops {_rows(dropped)}" if dropped is not None else ""
        return (
            f"{name}: rows repeating the same {' and '.join(d.keys)} (compared ignoring case) are dropped, "
            f"keeping the {d.keep} one{counted}."
        )
    lines = [f"{name}: no dedup is set, so rows with the same {' and '.join(about) or 'values'} are all kept."]
    checked = [k for k in about if k in unique]
    if checked:
        lines.append(
            f"{' and '.join(checked)} must be unique in the {name} template, so execute flags the second and later "
            f"rows with the same value (unique rule, not dropped); the preview flags {len(flagged)} such cells in "
            f"{part.scope()}."
        )
    example = (about or ["email"])[0]
    lines.append(f"To drop them instead, run an update with: \u201cKeep only the first row for each {example}\u201d.")
    return " ".join(lines)


_COLUMNS_RE = re.compile(
    # (the progressive too: 'which columns are not getting mapped?')
    r"(?:\bnot|n't) (?:be |being |getting |get )?(?:imported|mapped|used|included)|"
    r"\b(?:unmapped|unused|left out|left over|leftover|"
    # a verb's every form: 'ignored', 'you're ignoring', 'omits', 'leaving out'
    r"ignor\w*|omit\w*|disregard\w*|exclud\w*|skip\w*|leav\w* out|"
    r"drop|lose|losing|lost|missing|dropp?ed|without a (?:field|target)|left behind|"
    r"(?:have|has) nowhere to go|"
    r"(?:have|has|get|gets|with) no (?:field|target|home|place)|every column|all (?:the |of the )?columns)",
    re.I,
)


# what the file holds, named without the word 'column': 'what from the file is not used?', 'which headers ...'
_SOURCE_PARTS_RE = re.compile(
    r"\b(?:columns?|headers?|headings?|unmapped|unused|(?:source|input|file|sheet|csv)\s+fields?)\b|"
    r"\b(?:from|in|of|out of)\s+(?:the|my|our|this)\s+"
    r"(?:file|source|sheet|spreadsheet|csv|export|upload)\b(?!.*\b(?:rows?|records?|lines?|entries|contacts)\b)",
    re.I,
)


def _columns(view: _View, text: str) -> str | None:
    if not _SOURCE_PARTS_RE.search(text):
        return None
    if not _COLUMNS_RE.search(text):
        return None
    answers = []
    for part in view.parts:
        read = {c for fr in part.tr.fields for c in fr.source_columns()}
        unused = [c for c in view.columns(part) if c not in read]
        if unused:
            listed = ", ".join(f"'{c}'" for c in unused)
            them = "them, so they are" if len(unused) > 1 else "it, so it is"
            answers.append(f"{part.template.name} does not import {listed}: no field reads {them} dropped.")
        else:
            answers.append(f"{part.template.name} uses every source column the preview knows of.")
    return " ".join(answers)


_DROPPED_RE = re.compile(
    r"\b(?:drop\w*|filter\w*|remov\w*|exclud\w*|skip\w*|discard\w*|lose|lost|left out|thrown away|"
    r"imported|kept)\b",
    re.I,
)


def _dropped(view: _View, text: str) -> str | None:
    # 'what gets filtered out?': rows are what filters drop, even unnamed
    rows = r"\b(?:rows?|records?|lines?|entries|contacts?|people|how many|what (?:gets|is|will be|are))\b"
    if not _DROPPED_RE.search(text) or not re.search(rows, text, re.I):
        return None
    return " ".join(_dropped_answer(part) for part in view.parts)


def _dropped_answer(part: _Part) -> str:
    name = part.template.name
    rules = [_describe_filter(f) for f in part.tr.filters]
    if part.tr.dedup is not None:
        rules.append(f"dedup on {' and '.join(part.tr.dedup.keys)} (keeping the {part.tr.dedup.keep})")
    if not rules:
        return (
            f"{name}: no rows are dropped; the recipe has no filter and no dedup, so all {part.row_count} rows "
            "are imported (rows with invalid cells are flagged, not dropped)."
        )
    dropped = part.dropped
    if dropped is None:
        return f"{name}: rows are dropped by {'; '.join(rules)}; the preview does not count them yet."
    by_filters, by_dedup = dropped.get("filters", 0), dropped.get("dedup", 0)
    total = by_filters + by_dedup
    detail = []
    if part.tr.filters:
        detail.append(f"{by_filters} by the filters ({'; '.join(rules[: len(part.tr.filters)])})")
    if part.tr.dedup is not None:
        detail.append(f"{by_dedup} by {rules[-1]}")
    verb = "is" if total == 1 else "are"
    return f"{name}: in {part.scope()}, {_rows(total)} {verb} dropped: {' and '.join(detail)}{part.estimate(total)}."


def _rows(n: int) -> str:
    return f"{n} row" if n == 1 else f"{n} rows"


def _describe_filter(flt: Filter) -> str:
    target = flt.field if flt.field else f"'{flt.column}'"
    values = flt.value if isinstance(flt.value, list) else [flt.value or ""]
    listed = " or ".join(f"'{v}'" for v in values)
    return {
        "not_null": f"rows without {target} are dropped",
        "eq": f"only rows where {target} is {listed} are kept",
        "in": f"only rows where {target} is {listed} are kept",
        "ne": f"rows where {target} is {listed} are dropped",
        "not_in": f"rows where {target} is {listed} are dropped",
    }[flt.op]


_DATE_RE = re.compile(
    r"\b(?:dates?|date format|day[- ]first|month[- ]first|dd/mm|mm/dd|formats?|dmy|mdy)\b|"
    r"\b\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b.*\b(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december|day|month)s?\b",
    re.I,
)


_DATE_WORD_RE = re.compile(r"\b(?:dates?|day|month|year|dd/mm|mm/dd|dmy|mdy|\d{1,2}[/.-]\d{1,2})", re.I)


def _dates(view: _View, text: str) -> str | None:
    named = view.named(text)
    read = re.search(r"\b(?:pars\w*|read|interpret\w*|understood|understand)\b", text, re.I)
    dated = any(p.spec(k).type in ("date", "datetime") for p, k in named)
    if not _DATE_RE.search(text) and not (read and dated):
        return None
    # 'phone numbers in a wrong format': a non-date field named with a complaint is its own question, not the dates'
    if named and not dated and _INVALID_RE.search(text) and not _DATE_WORD_RE.search(text):
        return None
    pairs = [(p, k) for p, k in named if p.spec(k).type in ("date", "datetime")]
    if not pairs:
        pairs = [(p, f.key) for p in view.parts for f in p.template.fields if f.type in ("date", "datetime")]
    if not pairs:
        return "No field of the templates is a date."
    return " ".join(_date_answer(view, part, key) for part, key in pairs)


_ORDER_WORDS = {"DMY": "day first (DD/MM/YYYY)", "MDY": "month first (MM/DD/YYYY)", "YMD": "year first (YYYY-MM-DD)"}


def _date_answer(view: _View, part: _Part, key: str) -> str:
    fr = part.field(key)
    op = next((o for o in fr.ops if isinstance(o, ParseDate | ParseDatetime)), None) if fr else None
    if fr is None or not fr.source_columns():
        return f"{key} is not filled from any column, so no date format applies."
    column = fr.source_columns()[0]
    if op is None:
        return f"{key} takes '{column}' as it is, without parsing dates."
    how = f"the format {', '.join(_show_format(f) for f in op.formats)}" if op.formats else _ORDER_WORDS[op.order]
    reasons = [r for r in (_date_hint(view, part, key, op.order), _date_evidence(part, key, op.order)) if r]
    failed = [e for e in part.errors if e.get("column") == key and e.get("error") == "type"]
    if failed:
        shown = ", ".join(f"'{e.get('value')}'" for e in failed[:EXAMPLES])
        reasons.append(f"{len(failed)} preview values did not parse ({shown})")
    because = f": {'; '.join(reasons)}" if reasons else ""
    return f"{key} reads '{column}' as {how}{because}."


def _date_hint(view: _View, part: _Part, key: str, order: str) -> str:
    """What the planner saw in the samples, and whether an update or answer changed it since."""
    transform = (view.mapping(part, key) or {}).get("transform") or {}
    if "date_order" not in transform:
        return ""
    hinted = transform.get("date_order")
    if hinted is None:
        return "the samples did not settle the order (no value had a day above 12); it was asked or set by an update"
    if hinted != order:
        return f"the samples suggested {_ORDER_WORDS.get(hinted, hinted)}; an update or an answer changed it"
    return "the samples settled it"


def _date_evidence(part: _Part, key: str, order: str) -> str:
    """What the parsed preview values show: a day above 12 can only be read one way."""
    parsed = [
        v for v in (row.get(key) for row in part.sheet.get("rows") or []) if re.match(r"^\d{4}-\d{2}-\d{2}", v or "")
    ]
    if not parsed or order == "YMD":
        return ""
    telling = [v for v in parsed if int(v[8:10]) > 12]
    if telling:
        y, m, d = telling[0][:4], telling[0][5:7], telling[0][8:10]
        written = f"{d}/{m}/{y}" if order == "DMY" else f"{m}/{d}/{y}"
        first = "day" if order == "DMY" else "month"
        return f"values like '{written}' (read as {telling[0][:10]}) can only be {first} first"
    return "no preview value has a day above 12, so the data alone cannot tell day-first from month-first"


def _show_format(fmt: str) -> str:
    shown = fmt.replace("%d", "DD").replace("%m", "MM").replace("%Y", "YYYY").replace("%y", "YY")
    return shown.replace("%b", "Mon").replace("%B", "Month").replace("%H", "hh").replace("%M", "mm")


_INVALID_RE = re.compile(
    r"\b(?:invalid|bad|wrong|broken|fail\w*|malformed|not valid|errors?|problems?|issues?|flagged|incorrect)\b",
    re.I,
)


def _invalid(view: _View, text: str) -> str | None:
    if not _INVALID_RE.search(text):
        return None
    named = view.named(text)
    if named:
        return " ".join(_invalid_field(part, key) for part, key in named)
    return " ".join(_invalid_overview(part) for part in view.parts)


def _invalid_field(part: _Part, key: str) -> str:
    failing = [e for e in part.errors if e.get("column") == key]
    if not failing:
        return f"No {key} value is invalid in {part.scope()}."
    rows = {int(e["row"]) for e in failing if isinstance(e.get("row"), int)}
    examples = "; ".join(_explain_error(part, e) + f" (row {e.get('row')})" for e in failing[:EXAMPLES])
    counted = f"{len(rows)} {key} value{'s are' if len(rows) != 1 else ' is'} invalid"
    answer = f"{counted} in {part.scope()}{part.estimate(len(rows))}. For example: {examples}."
    phone = next((o for o in (part.field(key) or FieldRecipe(field=key)).ops if isinstance(o, PhoneE164)), None)
    if phone is not None and phone.region is None:
        answer += (
            " Numbers without a country code cannot be read without a default region; "
            "to set one, run an update like \u201cPhone numbers are German\u201d."
        )
    return answer


def _invalid_overview(part: _Part) -> str:
    counts: dict[str, int] = {}
    for e in part.errors:
        counts[e.get("column", "")] = counts.get(e.get("column", ""), 0) + 1
    if not counts:
        return f"{part.template.name}: nothing is invalid in {part.scope()}."
    listed = ", ".join(f"{k}: {n}" for k, n in sorted(counts.items(), key=lambda kv: -kv[1]))
    rows = len({e.get("row") for e in part.errors})
    return f"{part.template.name}: {rows} rows have invalid cells in {part.scope()} ({listed}){part.estimate(rows)}."


_CONFIDENCE_RE = re.compile(
    r"\b(?:confiden\w*|unsure|uncertain|not sure|doubt\w*|guess\w*|risky|weak|shaky|ambiguous|low|sure|certain\w*)\b",
    re.I,
)


def _confidence(view: _View, text: str) -> str | None:
    if not _CONFIDENCE_RE.search(text):
        return None
    low: list[str] = []
    empty: list[str] = []
    for part in view.parts:
        for fr in part.tr.fields:
            m = view.mapping(part, fr.field) or {}
            source = (m.get("source") or {}).get("column")
            if not fr.source_columns() and not any(isinstance(o, Default) for o in fr.ops):
                empty.append(fr.field)
            elif source and source in fr.source_columns() and float(m.get("confidence") or 0) < CONFIDENCE_BAR:
                low.append(f"{fr.field} from '{source}' ({float(m.get('confidence') or 0):.2f}: {m.get('rationale')})")
    if not low:
        answer = f"No: every mapped field is at or above the confidence bar of {CONFIDENCE_BAR}."
    else:
        answer = f"Below the confidence bar of {CONFIDENCE_BAR}: " + "; ".join(low) + "."
    if empty:
        answer += f" Not mapped at all: {', '.join(empty)}."
    return answer


_SUMMARY_RE = re.compile(r"\b(?:summary|overview|what changed|what did you (?:do|change))\b", re.I)


def _summary(view: _View, text: str) -> str | None:
    if not _SUMMARY_RE.search(text):
        return None
    return str(view.preview.get("summary") or "This preview has no summary.")


def _source(view: _View, text: str) -> str | None:
    named = view.named(text)
    if not named:
        return None
    return " ".join(_describe_field(view, part, key) for part, key in named)


_INTENTS: list[Callable[[_View, str], str | None]] = [
    _change_request,
    _row,
    _duplicates,
    _columns,
    _dropped,
    _dates,
    _invalid,
    _confidence,
    _summary,
    _source,
]


# ------------------------------------------------------------------------------------------ fields in words


def _describe_field(view: _View, part: _Part, key: str) -> str:
    fr = part.field(key)
    if fr is None or (not fr.source_columns() and not fr.ops):
        required = " and it is required, so every row will be flagged" if part.spec(key).required else ""
        return f"{key} is not filled from any column: it stays empty{required}."
    source = f"comes from the column '{fr.column}'" if fr.column else "is not read from one column"
    steps = [s for s in (_describe_op(op) for op in fr.ops) if s]
    how = f": {', then '.join(steps)}" if steps else ""
    rules = [_describe_filter(f) for f in part.tr.filters if f.field == key or f.column in fr.source_columns()]
    if part.tr.dedup is not None and key in part.tr.dedup.keys:
        rules.append(f"rows repeating the same {key} are dropped, keeping the {part.tr.dedup.keep}")
    extra = f" Also: {'; '.join(rules)}." if rules else ""
    m = view.mapping(part, key) or {}
    mapped_from = (m.get("source") or {}).get("column")
    confidence = ""
    if mapped_from and mapped_from == fr.column and m.get("confidence") is not None:
        confidence = f" (matched with confidence {float(m['confidence']):.2f}: {m.get('rationale') or 'no rationale'})"
    elif mapped_from and mapped_from != fr.column:
        confidence = f" (an update changed it from '{mapped_from}')"
    return f"{key} {source}{how}{confidence}.{extra}"


def _describe_op(op: Op) -> str:
    """One op in plain words."""
    describers: dict[type, Callable[[Any], str]] = {
        Trim: lambda o: "trimmed",
        Case: lambda o: f"{o.to}-cased",
        NullTokens: lambda o: "placeholders like N/A treated as empty",
        ParseDate: _describe_date,
        ParseDatetime: _describe_date,
        ToNumber: lambda o: "read as a number",
        ToBoolean: lambda o: "read as true/false",
        PhoneE164: lambda o: (
            "formatted as an international phone number"
            + (f" (numbers without a country code read as {o.region})" if o.region else " (a country code is needed)")
        ),
        EmailNormalize: lambda o: "normalised as an email address (lower-cased)",
        UrlToDomain: lambda o: "reduced to its domain",
        Split: lambda o: f"split on '{o.sep}', keeping the {o.part if o.part != 'index' else f'part {o.index + 1}'}",
        SplitName: lambda o: f"the {o.part} name split from the full name",
        Affix: lambda o: " and ".join(
            t
            for t in (f"'{o.prefix}' put in front" if o.prefix else "", f"'{o.suffix}' added" if o.suffix else "")
            if t
        ),
        Concat: lambda o: f"joined from {', '.join(repr(c) for c in o.columns())} with '{o.sep}'",
        MapValues: _describe_map,
        Default: lambda o: f"'{o.value}' when empty",
        Coalesce: lambda o: f"when blank, {' then '.join(repr(c) for c in o.columns())} is used instead",
        FillFrom: lambda o: (
            f"when blank, taken from '{o.column}'"
            + (f" ({', '.join(s for s in (_describe_op(i) for i in o.ops) if s)})" if o.ops else "")
        ),
        RegexExtract: lambda o: f"the part matching /{o.pattern}/",
        JsonExtract: lambda o: f"the value at {o.path}",
    }
    describe = describers.get(type(op))
    return describe(op) if describe else op.op


def _describe_date(op: ParseDate | ParseDatetime) -> str:
    if op.formats:
        return f"read as a date with the format {', '.join(_show_format(f) for f in op.formats)}"
    return f"read as a date, {_ORDER_WORDS[op.order]}"


def _describe_map(op: MapValues) -> str:
    pairs = ", ".join(f"'{k}' \u2192 {v if v is not None else 'empty'}" for k, v in list(op.mapping.items())[:8])
    more = f" and {len(op.mapping) - 8} more" if len(op.mapping) > 8 else ""
    other = f", anything else \u2192 {op.default}" if op.default is not None else ""
    return f"values translated ({pairs}{more}{other})"
