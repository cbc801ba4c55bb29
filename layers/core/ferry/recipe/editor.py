"""The instruction editor behind `update` runs: a plain-language message becomes a new recipe version.

Deterministic, no model call. A message is cleaned (politeness, quotes, typos), cut into clauses, and each
clause is read by a list of recognisers (map a column, set a default, drop rows, ...) against the template it
names best. Column and field names are matched loosely: case, punctuation, plurals, typos, labels, aliases
and CRM synonyms. Anything ambiguous or not understood becomes a question instead of a guess; the answer is
applied by `answer_edit_question`. The grammar is listed in docs/recipes.md, "The update grammar".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Literal

from pydantic import BaseModel
from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from ferry.agent.enums import COUNTRIES, country_code, map_enum_values
from ferry.agent.normalize import fold, normalize_header
from ferry.agent.synonyms import concepts_of, singular_phrase
from ferry.core.domain import SheetManifest, Template, TemplateField
from ferry.core.outcomes import Answer, Question, QuestionOption
from ferry.recipe.model import (
    Affix,
    Case,
    Coalesce,
    Concat,
    Dedup,
    Default,
    FieldRecipe,
    FillFrom,
    Filter,
    MapValues,
    Op,
    ParseDate,
    ParseDatetime,
    PhoneE164,
    Recipe,
    RecipeError,
    Split,
    SplitName,
    TemplateRecipe,
    Trim,
    UrlToDomain,
    field_from_mapping,
)

ACCEPT = 0.8  # a name matched at least this well is taken as meant
MENTION = 0.85  # a word group inside a sentence must match this well to count as naming a column or field
DEFAULT_LOCAL_PART = "info"


class Edit(BaseModel):
    """What an `update` message did to the recipe.

    `changed` is True exactly when `recipe` holds a new version. `revert` asks the caller to restore the
    previous preview's recipe. `question` (with `pending`, the state `answer_edit_question` needs) means the
    run blocks until a person answers; nothing was changed yet.
    """

    recipe: Recipe | None = None
    summary: str
    question: Question | None = None
    pending: dict[str, Any] | None = None
    revert: bool = False
    changed: bool = False


# ------------------------------------------------------------------------------------------ public API


def edit_recipe(
    recipe: Recipe, templates: list[Template], sheets: dict[tuple[str, str], SheetManifest], message: str
) -> Edit:
    """Apply a plain-language instruction (one or several) to `recipe`; a new version, a question, or why not.

    `sheets` maps (file_id, sheet_id) to the manifest of each template's source sheet.
    """
    session = _Session(recipe, templates, sheets)
    clauses = [c for c in session.clauses(message) if session.read(_cut_quotes(c)).kind != "ignore"]
    if not clauses:  # only greetings or thanks: ask what to change rather than report a change
        return session._ask(_not_understood(message.strip(), session, recipe), [], [], _cut_quotes(message.strip()))
    return session.run(clauses)


def answer_edit_question(
    recipe: Recipe,
    templates: list[Template],
    sheets: dict[tuple[str, str], SheetManifest],
    pending: dict[str, Any],
    answer: Answer,
) -> Edit:
    """Apply the answer to a question an earlier `edit_recipe` asked (with the `pending` it returned)."""
    session = _Session(recipe, templates, sheets)
    if answer.question_id != pending.get("question_id"):
        return Edit(summary="That answer belongs to another question, so nothing changed.")
    before: list[str] = list(pending.get("before", []))
    after: list[str] = list(pending.get("after", []))
    if answer.option_id is not None:
        options: dict[str, str | None] = pending.get("options", {})
        if answer.option_id not in options:
            return Edit(summary=f"'{answer.option_id}' is not one of the offered answers, so nothing changed.")
        chosen = options[answer.option_id]
        return session.run(before + ([chosen] if chosen else []) + after)
    custom = (answer.custom or "").strip()
    template = pending.get("custom")
    if template:
        filled = template.replace("'{answer}'", "{answer}").replace("{answer}", _quote(custom))
        if session.understood(filled):
            return session.run([*before, filled, *after])
    return session.run(before + session.clauses(custom) + after)


def fields_named(template: Template, recipe_template: TemplateRecipe, columns: list[str], text: str) -> list[str]:
    """Template fields named in free text: by key, label, alias, CRM synonym, or the column that feeds them."""
    clause = _cut_quotes(text)
    ctx = _Ctx(template=template, tr=recipe_template, columns=columns, samples={}, quotes=clause.quotes)
    return list(dict.fromkeys(m.key for m in ctx.mentions(clause.text) if m.key))


def fix_typos(text: str, vocabulary: list[str]) -> str:
    """Each unknown word replaced by the one vocabulary word within one typo (two for words over 6 letters)."""
    known = set(vocabulary)

    def fix(m: re.Match[str]) -> str:
        return _closest(m.group(0), vocabulary, known)

    return re.sub(r"(?<![\u27e6\d])[A-Za-z]+(?![\u27e7\d])", fix, text)


def tidy_message(message: str) -> str:
    """A message without politeness and filler at either end ('could you please ... thanks')."""
    return _tidy(message)


# ------------------------------------------------------------------------------------------ messages

_APOSTROPHE_RE = re.compile(r"(?<=\w)[\u2019\u02bc](?=\w)")
_QUOTED_RE = re.compile(
    r"(?<![\w'])(?:\"([^\"]+)\"|\u201c([^\u201d]+)\u201d|\u2018([^\u2019]+)\u2019|'([^']+)'|`([^`]+)`)(?![\w'])"
)
_HOLE_RE = re.compile(r"\u27e6(\d+)\u27e7")
_LEADING_NOISE_RE = re.compile(
    r"^(?:please|pls|plz|kindly|hey|hi|hello|ok(?:ay)?|so|now|also|and|then|and then|just|oh|well|actually|"
    r"great|thanks|cool|alright|next|finally|lastly|one more thing|can you|could you|would you|will you|"
    r"can we|could we|would you mind|i(?:'d| would) like (?:you )?to|i want (?:you )?to|i need (?:you )?to|"
    r"we need to|we want to|you should|let'?s|let us|go ahead and|make sure (?:to|that you)|be sure to)"
    r"(?![\w'])[\s,:]*",
    re.I,
)
_TRAILING_NOISE_RE = re.compile(
    r"(?:[\s,]+(?:please|pls|plz|thanks|thank you|thx|for me|if possible|if you can|if you could))*[\s.!?,]*$",
    re.I,
)
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+|[;\n]+")
_SOFT_BREAK_RE = re.compile(
    r"(\s*,\s*(?:and then\s+|and\s+|then\s+|also\s+|plus\s+)?|\s+(?:and then|and also|and|then|also|plus|but)\s+)", re.I
)


@dataclass
class _Clause:
    """One instruction with its quoted parts cut out as holes ⟦n⟧ (so quotes survive every regex)."""

    text: str
    quotes: list[str]

    def restore(self, text: str | None = None) -> str:
        """The text with each hole put back in quotes."""
        return _HOLE_RE.sub(lambda m: _quote(self.quotes[int(m.group(1))]), self.text if text is None else text)


def _quote(text: str) -> str:
    return f"'{text}'" if "'" not in text else f'"{text}"'


def _cut_quotes(message: str) -> _Clause:
    text = _APOSTROPHE_RE.sub("'", message)
    quotes: list[str] = []

    def hole(m: re.Match[str]) -> str:
        quotes.append(next(g for g in m.groups() if g is not None))
        return f"\u27e6{len(quotes) - 1}\u27e7"

    return _Clause(_QUOTED_RE.sub(hole, text), quotes)


def _tidy(text: str) -> str:
    """Politeness and filler off both ends, white space collapsed."""
    text = " ".join(text.split())
    previous = None
    while previous != text:
        previous = text
        text = _LEADING_NOISE_RE.sub("", text).strip()
        text = _TRAILING_NOISE_RE.sub("", text).strip()
    return text


# ------------------------------------------------------------------------------------------ names


def _words_of(text: str) -> frozenset[str]:
    """A word list written as one string (vocabularies read better that way)."""
    return frozenset(text.split())


_STOPWORDS = _words_of(
    "a an the and or of to in on for with by it its is are be as at from this that these those all any "
    "each every some no not do does please should must can will would could so then also only just if "
    "when where which who whose they them their there have has had was were been my our your we i you me "
    "us than into onto"
)
_SPAN_START_RE = re.compile(
    r"^(?:(?:the|a|an|any|all|every|each|our|my|your|their|this|these|those|its|column|field|col|source|target)\s+)+",
    re.I,
)
_SPAN_END_RE = re.compile(
    r"(?:\s+(?:column|columns|field|fields|col|cols|header|values?|entries|cells?|data|one|ones|instead|too|"
    r"as well|please|here|then|now))+$",
    re.I,
)
_PRONOUNS = frozenset({"it", "them", "that", "this", "those", "these", "they", "its", "that one", "this one"})
_VAGUE_TARGETS_RE = re.compile(
    r"^(?:somewhere|anywhere|some ?where else|some ?place|any ?place|(?:some|any|another|a|an|other|the right|"
    r"a suitable|some suitable|whatever)(?: other)? (?:field|place|column|spot|target))$",
    re.I,
)


@dataclass(frozen=True)
class _Ranked:
    """Candidate names for a phrase, best first, with how well each matched (0..1)."""

    ranked: tuple[tuple[str, float], ...]

    @property
    def name(self) -> str | None:
        return self.ranked[0][0] if self.ranked and self.ranked[0][1] >= ACCEPT else None

    @property
    def score(self) -> float:
        return self.ranked[0][1] if self.ranked else 0.0

    @property
    def rivals(self) -> list[str]:
        """Names almost as good as the best one (a question, not a guess), when the best is not certain."""
        if not self.ranked or self.score >= 0.97:
            return []
        close = [n for n, s in self.ranked if s >= ACCEPT and s >= self.score - 0.04]
        return close if len(close) > 1 else []


def _norm(text: str) -> str:
    return singular_phrase(normalize_header(text))


def _similarity(phrase: str, name: str) -> float:
    """How well a typed phrase names a column/field name: 1 equal, less for typos or part of the name."""
    p, n = _norm(phrase), _norm(name)
    if not p or not n:
        return 0.0
    if p == n:
        return 1.0
    if p.replace(" ", "") == n.replace(" ", ""):
        return 0.97
    score = 0.0
    ratio = fuzz.ratio(p, n) / 100
    if ratio >= 0.85:
        score = ratio * 0.95
    elif len(p) >= 4 and DamerauLevenshtein.distance(p, n) <= 1:
        score = 0.86
    pw, nw = set(p.split()), set(n.split())
    if nw < pw and pw - nw <= _GENERIC_TAILS:
        return max(score, 0.9)  # 'mobile number' for 'Mobile'
    if pw < nw or nw < pw:
        score = max(score, 0.55 + 0.3 * min(len(pw), len(nw)) / max(len(pw), len(nw)))
    return score


_GENERIC_TAILS = frozenset({"number", "address", "col", "data", "value", "phone", "code", "text", "cell", "entry"})


def _concept_score(phrase: str, names: list[str], weight: float) -> float:
    """Phrase and name stand for the same CRM concept ('organisation' and 'company')."""
    found = {c: s for c, s in concepts_of(phrase).items() if s >= 0.9}
    best = 0.0
    for name in names:
        for concept, strength in concepts_of(name).items():
            if concept in found and strength >= 0.9:
                best = max(best, weight * min(strength, found[concept]))
    return best


@dataclass
class _Ctx:
    """One template as the editor sees it: its fields, the recipe part and the source sheet's columns."""

    template: Template
    tr: TemplateRecipe
    columns: list[str]
    samples: dict[str, list[str]]
    quotes: list[str] = field(default_factory=list)
    focus: str | None = None  # the field 'it'/'them' refers to
    scores: list[float] = field(default_factory=list)

    @property
    def fields(self) -> dict[str, TemplateField]:
        return {f.key: f for f in self.template.fields}

    def spec(self, key: str) -> TemplateField:
        return self.fields[key]

    def recipe_field(self, key: str) -> FieldRecipe | None:
        return next((fr for fr in self.tr.fields if fr.field == key), None)

    def readers(self, column: str) -> list[str]:
        """Fields that read `column`, the ones taking it as their main column first."""
        main = [fr.field for fr in self.tr.fields if fr.column == column]
        other = [fr.field for fr in self.tr.fields if column in fr.source_columns() and fr.field not in main]
        return main + other

    def is_value(self, text: str) -> bool:
        """The text is a cell value seen in the samples or an allowed enum value (so not a name)."""
        folded = fold(text.strip())
        values = [v for vs in self.samples.values() for v in vs]
        values += [v for f in self.template.fields for v in f.values or []]
        return any(fold(v) == folded for v in values)

    # --- resolving phrases -------------------------------------------------------------------------------

    def text(self, span: str) -> tuple[str, bool]:
        """A captured span without articles and 'column'/'field', holes filled; and whether it was quoted."""
        span = _SPAN_END_RE.sub("", _SPAN_START_RE.sub("", span.strip(" ,.:;!?"))).strip(" ,.:;!?")
        hole = _HOLE_RE.fullmatch(span)
        if hole:
            return self.quotes[int(hole.group(1))], True
        return _HOLE_RE.sub(lambda m: self.quotes[int(m.group(1))], span), False

    def rank_columns(self, span: str) -> _Ranked:
        """Source columns a span may name, best first."""
        phrase, quoted = self.text(span)
        exact = [c for c in self.columns if c.strip().lower() == phrase.strip().lower()]
        if exact:
            return _Ranked(((exact[0], 1.0),))
        if not phrase or (quoted and not _norm(phrase)):
            return _Ranked(())
        value = self.is_value(phrase)
        scored = []
        for column in self.columns:
            score = _similarity(phrase, column)
            if not value:
                score = max(score, _concept_score(phrase, [column], 0.82))  # a synonym alone: below MENTION
            elif score < 0.97:
                score = min(score, ACCEPT - 0.01)  # a cell value is not a column name, however alike
            scored.append((column, round(score, 4)))
        return _Ranked(tuple(sorted(scored, key=lambda s: -s[1])))

    def rank_fields(self, span: str) -> _Ranked:
        """Template fields a span may name (key, label, aliases, synonyms), best first."""
        phrase, _ = self.text(span)
        if phrase.lower() in _PRONOUNS and self.focus:
            return _Ranked(((self.focus, 1.0),))
        exact = [f.key for f in self.template.fields if phrase.strip().lower() in _field_names(f, lower=True)]
        if exact:
            return _Ranked(((exact[0], 1.0),))
        if not phrase:
            return _Ranked(())
        value = self.is_value(phrase)
        scored = []
        for f in self.template.fields:
            names = _field_names(f)
            score = max(_similarity(phrase, n) for n in names)
            if not value:
                score = max(score, _concept_score(phrase, names, 0.88))
            elif score < 0.97:
                score = min(score, ACCEPT - 0.01)
            scored.append((f.key, round(score, 4)))
        return _Ranked(tuple(sorted(scored, key=lambda s: -s[1])))

    def column(self, span: str) -> str | None:
        """The column a span names, or None; asks when two columns fit equally well."""
        ranked = self.rank_columns(span)
        if ranked.rivals:
            raise _Ask(self._which_column_question(span, ranked.rivals))
        if ranked.name:
            self.scores.append(ranked.score)
        return ranked.name

    def field(self, span: str, *, via_column: bool = True) -> str | None:
        """The field a span names (directly, or through the one column feeding it), or None."""
        fields, columns = self.rank_fields(span), self.rank_columns(span)
        if via_column and columns.name and columns.score > fields.score:
            readers = self.readers(columns.name)
            if readers:
                self.scores.append(columns.score)
                return self._focus(readers[0])
        if fields.rivals:
            raise _Ask(self._which_field_question(span, fields.rivals))
        if fields.name:
            self.scores.append(fields.score)
            return self._focus(fields.name)
        return None

    def target(self, span: str) -> tuple[Literal["column", "field"], str] | None:
        """A column or a field, whichever the span names better (a tie goes to the field)."""
        fields, columns = self.rank_fields(span), self.rank_columns(span)
        if columns.name and columns.score > fields.score:
            self.scores.append(columns.score)
            return "column", columns.name
        name = self.field(span, via_column=False)
        return ("field", name) if name else None

    def _focus(self, key: str) -> str:
        self.focus = key
        return key

    def mentions(self, text: str) -> list[_Mention]:
        """Columns and fields named inside free text, longest word groups first, in reading order."""
        words = _words(text)
        taken = [False] * len(words)
        found: list[_Mention] = []
        for size in range(min(4, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                if any(taken[start : start + size]):
                    continue
                group = words[start : start + size]
                if size == 1 and group[0].lower() in _PRONOUNS and self.focus:
                    found.append(_Mention("field", self.focus, self.focus, start, 1, group[0]))
                    taken[start] = True
                    continue
                content = [w.lower() for w in group if w.lower() not in _STOPWORDS]
                if not content or (len(content) == 1 and content[0] in _NOT_NAMES):
                    continue
                mention = self._mention(" ".join(group), start, size)
                if mention is not None:
                    found.append(mention)
                    taken[start : start + size] = [True] * size
        return sorted(found, key=lambda m: m.start)

    def _mention(self, phrase: str, start: int, size: int) -> _Mention | None:
        fields, columns = self.rank_fields(phrase), self.rank_columns(phrase)
        if fields.score >= MENTION and fields.score >= columns.score and fields.name:
            return _Mention("field", fields.ranked[0][0], fields.ranked[0][0], start, size, phrase)
        if columns.score >= MENTION and columns.name:
            readers = self.readers(columns.name)
            return _Mention("column", columns.name, readers[0] if readers else None, start, size, phrase)
        return None

    # --- questions about names ------------------------------------------------------------------------

    def _which_column_question(self, span: str, names: list[str]) -> _Question:
        phrase, _ = self.text(span)
        return _Question(
            topic="which_column",
            text=f"Which column do you mean by \u201c{phrase}\u201d?",
            context="Several source columns have a similar name: " + ", ".join(f"'{n}'" for n in names) + ".",
            options=[(f"'{n}'", ("replace", span, _quote(n))) for n in names],
        )

    def _which_field_question(self, span: str, keys: list[str]) -> _Question:
        phrase, _ = self.text(span)
        return _Question(
            topic="which_field",
            text=f"Which field do you mean by \u201c{phrase}\u201d?",
            context="Several template fields have a similar name: " + ", ".join(keys) + ".",
            options=[(k, ("replace", span, k)) for k in keys],
        )


# Words that never name a column or field on their own inside a sentence.
_NOT_NAMES = _words_of(
    "first last row rows record records entry entries value values empty blank missing number numbers "
    "name names date dates day month year format keep drop only one per instead use take map put set make"
)


def _field_names(f: TemplateField, *, lower: bool = False) -> list[str]:
    names = [f.key, f.key.replace("_", " "), *([f.label] if f.label else []), *(f.aliases or [])]
    return [n.lower() for n in names] if lower else names


def _words(text: str) -> list[str]:
    """Words and holes of a text (punctuation dropped, apostrophes and hyphens kept inside words)."""
    return re.findall(r"\u27e6\d+\u27e7|[\w@%][\w@%'\-./]*[\w@%]|[\w@%]", text)


@dataclass
class _Mention:
    kind: Literal["column", "field"]
    name: str
    key: str | None  # the field: itself, or the field the column feeds
    start: int
    size: int
    phrase: str


# ------------------------------------------------------------------------------------------ steps


# What an option resolves to: a clause to apply, None (change nothing), or ("replace", span, text) — the
# clause with that span replaced (resolved against the clause being asked about).
_Choice = str | None | tuple[str, str, str]


@dataclass
class _Question:
    topic: str
    text: str
    context: str
    options: list[tuple[str, _Choice]]
    custom: str | None = None  # a clause with '{answer}' for a custom answer, or None (read it as a message)


class _Ask(Exception):
    """Raised by a recogniser that needs a person's decision."""

    def __init__(self, question: _Question) -> None:
        super().__init__(question.text)
        self.question = question


@dataclass
class _Step:
    """What one clause means for one template."""

    kind: Literal["change", "note", "revert", "ignore", "ask", "unknown"]
    say: str = ""
    apply: Callable[[], str] | None = None
    question: _Question | None = None
    score: float = 1.0
    focus: dict[str, str | None] = field(default_factory=dict)  # per template: the field 'it' now means
    templates: list[str] = field(default_factory=list)  # the templates it was read against


_TEMPLATE_SCOPE_RES = [
    re.compile(r"^(?:in|for|on)\s+(?:the\s+)?(?P<t>[\w ]+?)(?:\s+(?:template|sheet))?\s*[,:]\s*(?P<rest>.+)$", re.I),
    re.compile(r"^(?P<rest>.+?)\s+(?:in|for|on)\s+(?:the\s+)?(?P<t>[\w ]+?)\s+(?:template|sheet)$", re.I),
]
_WEIGHT = {"change": 1.0, "note": 1.0, "revert": 1.0, "ignore": 1.0, "ask": 0.5, "unknown": 0.0}


def _change(apply: Callable[[], str]) -> _Step:
    return _Step("change", apply=apply)


def _note(say: str) -> _Step:
    return _Step("note", say=say)


# ------------------------------------------------------------------------------------------ session


class _Session:
    """One edit: the recipe being changed, and the templates and sheets it is read against."""

    def __init__(self, recipe: Recipe, templates: list[Template], sheets: dict[tuple[str, str], SheetManifest]) -> None:
        self.recipe = recipe
        self.templates = {t.sheet_id: t for t in templates}
        self.template_list = templates
        self.sheets = sheets
        self.focus: dict[str, str | None] = {}
        self.keys = frozenset(f.key for t in templates for f in t.fields)

    # --- reading -------------------------------------------------------------------------------------

    def clauses(self, message: str) -> list[str]:
        """The instructions in a message: sentences, each cut where its parts stand alone as instructions."""
        whole = _cut_quotes(message)
        out: list[str] = []
        for sentence in _SENTENCE_RE.split(whole.text):
            sentence = _tidy(sentence)
            if sentence:
                out += [whole.restore(part) for part in self._segment(sentence, whole.quotes)]
        return out

    def _segment(self, sentence: str, quotes: list[str]) -> list[str]:
        """The best cut of a sentence at ',' / 'and' / 'then': the most of it understood, in the fewest parts."""
        bits = _SOFT_BREAK_RE.split(sentence)
        pieces, seps = bits[0::2], bits[1::2]
        if len(pieces) == 1:
            return [sentence]
        n = len(pieces)
        best: list[tuple[float, int, list[str]] | None] = [None] * (n + 1)
        best[0] = (0.0, 0, [])
        for end in range(1, n + 1):
            for start in range(end):
                prev = best[start]
                if prev is None:
                    continue
                text = "".join(pieces[i] + (seps[i] if i < end - 1 else "") for i in range(start, end)).strip()
                kind = self.read(_Clause(_tidy(text), quotes)).kind
                # a question earns the same whatever it swallows, so a sentence is not kept whole just to ask
                weight = _WEIGHT[kind] * (1 if kind == "ask" else end - start)
                if start and seps[start - 1].strip().lower() in ("and", "plus", "but"):
                    weight -= 0.01  # a bare 'and' more often joins words ('first and last name') than orders
                cand = (prev[0] + weight, prev[1] - 1, [*prev[2], _tidy(text)])
                current = best[end]
                if current is None or cand[:2] > current[:2]:
                    best[end] = cand
        final = best[n]
        return [p for p in final[2] if p] if final else [sentence]

    def understood(self, clause: str) -> bool:
        """The clause reads as an instruction (a change or a definite no-change), not a question."""
        return self.read(_cut_quotes(_tidy(clause))).kind in ("change", "note", "revert", "ignore")

    def read(self, clause: _Clause, recipe: Recipe | None = None) -> _Step:
        """The clause read against every template; the templates it fits best win."""
        recipe = recipe or self.recipe
        text, only = self._template_scope(clause.text)
        steps: list[_Step] = []
        for tr in recipe.templates:
            ctx = self._ctx(tr, clause.quotes)
            if ctx is not None and (only is None or tr.sheet_id == only):
                step = _recognise(ctx, text)
                step.focus = {tr.sheet_id: ctx.focus}
                step.templates = [ctx.template.name]
                steps.append(step)
        if not steps:
            return _Step("unknown")
        rank = {"change": 5, "revert": 4, "note": 3, "ignore": 3, "ask": 2, "unknown": 1}
        top = max(steps, key=lambda s: (rank[s.kind], s.score))
        if top.kind != "change":
            return top
        chosen = [s for s in steps if s.kind == "change" and s.score >= top.score - 0.02]
        if len(chosen) == 1:
            return top

        names = [n for s in chosen for n in s.templates]

        def apply_all() -> str:
            said = "; ".join(dict.fromkeys(s.apply() for s in chosen if s.apply))
            return f"{said} (in {' and '.join(names)})"

        focus = {k: v for s in chosen for k, v in s.focus.items()}
        return _Step("change", apply=apply_all, score=top.score, focus=focus)

    def _template_scope(self, text: str) -> tuple[str, str | None]:
        """'In the Companies template, ...': the clause without that, and the template it is limited to."""
        for pattern in _TEMPLATE_SCOPE_RES:
            m = pattern.match(text)
            if m is None:
                continue
            named = fold(m.group("t").strip())
            for template in self.template_list:
                if fuzz.ratio(named, fold(template.name)) >= 85 or fuzz.ratio(named, fold(template.sheet_id)) >= 85:
                    return m.group("rest"), template.sheet_id
        return text, None

    def _ctx(self, tr: TemplateRecipe, quotes: list[str]) -> _Ctx | None:
        template = self.templates.get(tr.sheet_id)
        sheet = self.sheets.get((tr.source.file_id, tr.source.sheet_id))
        if template is None or sheet is None:
            return None
        return _Ctx(
            template=template,
            tr=tr,
            columns=sheet.column_names,
            samples={c.name: c.samples for c in sheet.columns},
            quotes=quotes,
            focus=self.focus.get(tr.sheet_id),
        )

    # --- applying ------------------------------------------------------------------------------------

    def run(self, clauses: list[str]) -> Edit:
        """Apply the clauses in order to a copy of the recipe; stop at the first one that needs a question."""
        if not clauses:
            return Edit(summary="Nothing changed: the recipe stays as it is, as you chose.")
        working = self.recipe.model_copy(deep=True)
        said: list[str] = []
        noted: list[str] = []
        revert = False
        for i, text in enumerate(clauses):
            clause = _cut_quotes(text)
            step = self.read(clause, working)
            if step.kind in ("ask", "unknown"):
                question = step.question or _not_understood(text, self, working)
                return self._ask(question, clauses[:i], clauses[i + 1 :], clause)
            if step.kind == "revert":
                revert = True
            elif step.kind == "note":
                noted.append(step.say)
            elif step.kind == "change" and step.apply is not None:
                before = working.model_dump(by_alias=True)
                phrase = step.apply()
                if working.model_dump(by_alias=True) == before:
                    noted.append(f"\u201c{text}\u201d is already how the recipe works")
                else:
                    said.append(phrase)
            self.focus.update(step.focus)
        if revert:
            rest = (
                " The other instructions were not applied; send them again on the restored version."
                if (said or noted)
                else ""
            )
            return Edit(summary="Going back to the previous version of the recipe." + rest, revert=True)
        return self._finish(working, said, noted)

    def _finish(self, working: Recipe, said: list[str], noted: list[str]) -> Edit:
        if not said:
            why = "; ".join(dict.fromkeys(noted)) or "the message asked for no change"
            return Edit(summary=_sentence(f"Nothing changed: {why}", self.keys))
        data = working.model_dump(by_alias=True)
        data["version"] = self.recipe.version + 1
        try:
            new = Recipe.model_validate(data)
            new.validate_against(self.template_list, self.sheets)
        except (RecipeError, ValueError) as exc:
            return Edit(summary=_sentence(f"Nothing changed: the edit would break the recipe ({exc})", self.keys))
        return Edit(recipe=new, summary=_sentence("; ".join([*said, *dict.fromkeys(noted)]), self.keys), changed=True)

    def _ask(self, q: _Question, before: list[str], after: list[str], clause: _Clause) -> Edit:
        options: dict[str, str | None] = {}
        listed: list[QuestionOption] = []
        for n, (label, choice) in enumerate(q.options, start=1):
            option_id = f"opt_{n}"
            if isinstance(choice, tuple):
                _, span, replacement = choice
                choice = clause.restore(clause.text.replace(span, replacement, 1))
            options[option_id] = choice
            listed.append(QuestionOption(id=option_id, label=label))
        question = Question(
            id=f"edit.{q.topic}", question=q.text, context=q.context or None, options=listed, allow_custom=True
        )
        pending = {
            "question_id": question.id,
            "before": before,
            "after": after,
            "clause": clause.restore(),
            "options": options,
            "custom": q.custom,
        }
        return Edit(summary=f"Nothing changed yet. {q.text}", question=question, pending=pending)


def _not_understood(text: str, session: _Session, recipe: Recipe) -> _Question:
    example = "Map 'Mobile' to phone"
    for tr in recipe.templates:
        ctx = session._ctx(tr, [])
        if ctx is None:
            continue
        unused = [c for c in ctx.columns if not ctx.readers(c)]
        empty = [f.key for f in ctx.template.fields if not _sources(ctx, f.key)]
        if unused and empty:
            example = f"Map '{unused[0]}' to {empty[0]}"
            break
    return _Question(
        topic="unclear",
        text=f"I did not understand \u201c{text}\u201d. What should change in the recipe?",
        context=(
            "I can map or stop importing a column, use a fallback column or default value, set the date order or "
            "format, split or combine columns, translate values, drop rows or duplicates, change letter case, "
            f"set the phone region, or undo the last change. For example: \u201c{example}\u201d."
        ),
        options=[("Leave the recipe as it is", None)],
    )


def _sentence(text: str, keys: frozenset[str] = frozenset()) -> str:
    """Capitalised and closed with a full stop; a leading field key keeps its spelling ('created_at is ...')."""
    text = text.strip().rstrip(".")
    if text and text.split()[0] not in keys:
        text = text[:1].upper() + text[1:]
    return text + "." if text else ""


# ------------------------------------------------------------------------------------------ recognisers


def _recognise(ctx: _Ctx, text: str) -> _Step:
    """The first recogniser that understands the clause; typos are corrected only when none does."""
    step = _first(ctx, text)
    if step.kind == "unknown":
        fixed = _fix_typos(ctx, text)
        if fixed != text:
            step = _first(ctx, fixed)
    return step


def _first(ctx: _Ctx, text: str) -> _Step:
    focus = ctx.focus
    for recogniser in _RECOGNISERS:
        ctx.scores, ctx.focus = [], focus  # a recogniser that gives up leaves nothing behind
        try:
            step = recogniser(ctx, text)
        except _Ask as ask:
            return _Step("ask", question=ask.question, score=min(ctx.scores, default=1.0))
        if step is not None:
            step.score = min(ctx.scores, default=1.0)
            return step
    return _Step("unknown")


def _full(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"^(?:{pattern})$", re.I)


def _match(patterns: list[re.Pattern[str]], text: str) -> list[re.Match[str]]:
    return [m for p in patterns if (m := p.match(text))]


def _leftover(ctx: _Ctx, text: str, allowed: set[str] | frozenset[str]) -> list[str]:
    """Words of a clause that neither name a column/field nor belong to the recogniser's vocabulary."""
    words = _words(text)
    for m in ctx.mentions(text):
        for i in range(m.start, m.start + m.size):
            words[i] = ""
    known = _FILLER | allowed
    return [w for w in words if w and w.lower() not in known and not all(p in known for p in w.lower().split("-"))]


# Function words any instruction may contain.
_FILLER = _STOPWORDS | _words_of(
    "column columns field fields value values also always please thanks ok just really actually want need "
    "like i'd we'd let's sure yes make made sure there's it's isn't aren't don't doesn't that's they're "
    "what's there"
)


def _foreign(ctx: _Ctx, text: str, belongs: Callable[[str], bool], vocabulary: frozenset[str]) -> bool:
    """The clause names a field the recogniser is not about (words of its own vocabulary aside: 'country code')."""
    for m in ctx.mentions(text):
        own = all(w.lower() in vocabulary or w.lower() in _FILLER for w in _words(m.phrase))
        if m.key and not own and not belongs(m.key):
            return True
    return False


# --- undo -----------------------------------------------------------------------------------------

_UNDO_CUE_RE = re.compile(
    r"\b(?:undo|revert|roll ?back|rollback|go back|step back|previous version|last version|earlier version|"
    r"prior version|old version|restore|take (?:that|it|this) back|scratch that|never ?mind|cancel that)\b",
    re.I,
)
_UNDO_WORDS = _words_of(
    "undo revert roll rollback back go step return previous last earlier prior old version versions "
    "preview recipe change changes edit edits restore take scratch never mind nevermind cancel one state "
    "mapping before did made what you"
)


def _undo(ctx: _Ctx, text: str) -> _Step | None:
    if not _UNDO_CUE_RE.search(text) or _leftover(ctx, text, _UNDO_WORDS):
        return None
    return _Step("revert", say="going back to the previous version")


# --- template-level requests ------------------------------------------------------------------------

_LEVEL_RE = re.compile(
    r"\b(optional|not required|non[- ]required|mandatory|required|compulsory|obligatory|unique|not unique|"
    r"non[- ]unique|nullable)\b",
    re.I,
)
_LEVEL_WORDS = _words_of(
    "make set mark have let should must can could may need needs needn't to has be is are isn't aren't "
    "not no longer anymore doesn't don't does do optional required mandatory compulsory obligatory unique "
    "non nullable allowed allow empty blank missing field fields filled anything"
)
_OPTIONAL_RE = _full(
    r"(?P<t>.+?)\s+(?:can|may|could|is allowed to|are allowed to|should be allowed to|may also)\s+be\s+"
    r"(?:left\s+)?(?:empty|blank|missing|null)|(?:allow|accept|permit)\s+(?:empty|blank|missing)\s+(?P<t2>.+)"
)
_STRUCTURE_PATTERNS = [
    _full(r"(?:rename|add|create|delete|remove)\s+(?:a\s+|an\s+|the\s+|new\s+)*(?:template\s+)?fields?\b.*"),
    _full(r"(?:change|set|make)\s+(?:the\s+)?type\s+of\s+(?P<t>.+?)\s+(?:to|into)\s+.+"),
    _full(
        r"(?:add|allow)\s+.+?\s+(?:to|as)\s+(?:the\s+)?(?:allowed|valid|possible|permitted)?\s*"
        r"(?:values|options|choices)(?:\s+(?:of|for)\s+(?P<t>.+))?"
    ),
]


def _template_level(ctx: _Ctx, text: str) -> _Step | None:
    name = ctx.template.name
    structure = _match(_STRUCTURE_PATTERNS, text)
    if structure:
        return _note(
            f"fields, their types and allowed values are defined by the {name} template, not the recipe; "
            "change the template to change them"
        )
    optional = _OPTIONAL_RE.match(text)
    if optional:
        key = ctx.field(optional.group("t") or optional.group("t2"), via_column=False)
        if key:
            return _note(
                f"whether {key} is required is decided by the {name} template, not the recipe; "
                "change the template to change it"
            )
    level = _LEVEL_RE.search(text)
    if level is None or _leftover(ctx, text, _LEVEL_WORDS):
        return None
    keys = [m.key for m in ctx.mentions(text) if m.key]
    what = level.group(1).lower()
    subject = keys[0] if keys else "a field"
    rule = "unique" if "unique" in what else "required"
    return _note(
        f"whether {subject} is {rule} is decided by the {name} template, not the recipe; "
        "change the template to change it"
    )


# --- dedup ------------------------------------------------------------------------------------------

_DEDUP_CUE_RE = re.compile(
    r"\b(?:de-?dup\w*|de-?duplicat\w*|duplicat\w*|dupes?|doubles?|repeat\w*|"
    r"one (?:row|record|entry|line|contact)s? (?:per|for each|for every|by)|"
    r"(?:first|last|latest|newest|oldest|earliest|most recent) (?:one|row|record|entry|occurrence)s? "
    r"(?:per|for|of|by|with)|unique (?:per|by|on))",
    re.I,
)
_DEDUP_OFF_RE = re.compile(
    r"\b(?:don'?t|do not|no|stop|never|without|skip|turn off|disable|no more|no longer)\s+"
    r"(?:the\s+)?(?:de-?dup\w*|remov\w* duplicates|duplicate removal|dropping duplicates|drop\w* duplicates)|"
    r"\b(?:keep|allow|leave|retain|import)\s+(?:all\s+)?(?:the\s+)?duplicat\w*|"
    r"\b(?:remove|drop|delete)\s+(?:the\s+)?(?:dedup\w*|de-duplication|deduplication)\b",
    re.I,
)
_KEEP_LAST_RE = re.compile(r"\b(?:last|latest|newest|most recent|recent|final|later|bottom|youngest)\b", re.I)
_DEDUP_WORDS = _words_of(
    "keep only first last latest newest oldest earliest most recent final later row rows record records "
    "entry entries line lines contact contacts one per each every by on based using same drop remove "
    "delete dedup dedupe deduplicate de-dup de-duplicate duplicate duplicates dupes dup double doubles "
    "repeated repeats repeat unique occurrence occurrences don't do not no stop never without skip turn "
    "off disable allow leave retain import them those ones keeping remain whichever comes appears earlier"
)


def _dedup(ctx: _Ctx, text: str) -> _Step | None:
    if not _DEDUP_CUE_RE.search(text) and not _DEDUP_OFF_RE.search(text):
        return None
    stems = re.sub(r"\b(?:de-?dup|de-?duplicat|duplicat|dup)\w*", "dedup", text, flags=re.I)
    if _leftover(ctx, stems, _DEDUP_WORDS):
        return None
    tr = ctx.tr
    if _DEDUP_OFF_RE.search(text):
        if tr.dedup is None:
            return _note(f"no dedup is set for {ctx.template.name}")
        unique = [f.key for f in ctx.template.fields if f.unique]
        extra = f" ({', '.join(unique)} must still be unique, so repeats are flagged)" if unique else ""

        def off() -> str:
            tr.dedup = None
            return f"duplicate rows are no longer dropped{extra}"

        return _change(off)
    mentions = ctx.mentions(text)
    keys = list(dict.fromkeys(m.key for m in mentions if m.key))
    if not keys:
        keys = [f.key for f in ctx.template.fields if f.unique]
    if not keys:
        raise _Ask(
            _fields_question(
                ctx,
                "dedup_keys",
                "Which field makes two rows duplicates?",
                lambda k: f"keep only the first row for each {k}",
            )
        )
    rest = _words(text)
    for m in mentions:
        rest[m.start : m.start + m.size] = [""] * m.size
    keep: Literal["first", "last"] = "last" if _KEEP_LAST_RE.search(" ".join(rest)) else "first"

    def apply() -> str:
        tr.dedup = Dedup(keys=keys, keep=keep)
        return f"rows repeating the same {' and '.join(keys)} are dropped, keeping the {keep} one"

    return _change(apply)


def _fields_question(ctx: _Ctx, topic: str, text: str, clause: Callable[[str], str]) -> _Question:
    return _Question(
        topic=topic,
        text=text,
        context=f"Fields of {ctx.template.name}: {', '.join(f.key for f in ctx.template.fields)}.",
        options=[(f.key, clause(f.key)) for f in ctx.template.fields],
        custom=clause("{answer}"),
    )


# --- row filters ------------------------------------------------------------------------------------

_ROWS = r"(?:rows?|records?|entries|entry|lines?|contacts?|people|persons|ones)"
_DROP_VERBS = (
    r"drop|remove|delete|ignore|skip|exclude|filter out|filter|throw away|throw out|get rid of|discard|leave out|"
    r"omit|strip out|don'?t import|do not import|don'?t include|do not include|don'?t keep|do not keep"
)
_KEEP_VERBS = (
    r"keep only|only keep|import only|only import|include only|only include|keep just|just keep|only want|"
    r"want only|limit (?:it )?to|restrict (?:it )?to|only|keep|import|include|retain"
)
_DROPPED = (
    r"dropped|removed|deleted|ignored|skipped|excluded|filtered out|filtered|thrown away|discarded|left out|"
    r"omitted|go|kept|imported|included|retained"
)
_FILTER_PATTERNS = [
    _full(
        rf"(?P<neg>don'?t|do not|never|stop|no longer)\s+(?P<verb>drop|remove|delete|ignore|skip|exclude|"
        rf"filter out|filter|discard|lose)(?:ping|ing)?\s+(?:the\s+|any\s+|all\s+|those\s+)?{_ROWS}"
        rf"(?:\s+(?P<cond>.+))?"
    ),
    _full(
        rf"(?P<verb>{_DROP_VERBS}|{_KEEP_VERBS})\s+(?:the\s+|any\s+|all\s+|those\s+|these\s+)?"
        rf"{_ROWS}\s+(?P<cond>.+)"
    ),
    _full(
        rf"(?:the\s+|any\s+|all\s+)?{_ROWS}\s+(?P<cond>.+?)\s+(?:should|must|can|will|need to|have to|are to)?"
        rf"\s*(?:be\s+)?(?P<verb>{_DROPPED})(?:\s+out)?"
    ),
    _full(
        rf"(?P<cond>(?:if|when|where|whenever)\s+.+?)\s*,?\s+(?:then\s+)?(?P<verb>{_DROP_VERBS}|keep|"
        rf"import)\s+(?:it|the row|that row|the record|them|those rows|those|the rows|the line|the entry|"
        rf"that record|the contact)"
    ),
    _full(rf"(?P<verb>{_DROP_VERBS}|{_KEEP_VERBS})\s+(?:all\s+|the\s+|any\s+)?(?P<value>.+?)\s+{_ROWS}"),
    _full(r"(?P<verb>only import|import only|keep only|only keep|only)\s+(?:the\s+)?(?P<value>.+)"),
]
_MISSING = r"(?:empty|blank|missing|null|not set|not given|not filled(?: in)?|absent|unknown|none|nothing)"
_MISSING_PATTERNS = [
    _full(
        r"(?:without|with no|with an? empty|with an? blank|with empty|with blank|with missing|missing|lacking|"
        r"that lack|which lack|that have no|which have no|having no|that has no|which has no|with no value in|"
        r"where there is no|where there'?s no|that don'?t have|which don'?t have|with nothing in|where no|"
        r"that do not have|with no value for|without any)\s+(?:an?\s+|any\s+|the\s+)?(?P<x>.+)"
    ),
    _full(
        rf"(?:where|whose|in which|if|when|for which|that have|which have|with)\s+(?:the\s+)?(?P<x>.+?)\s+"
        rf"(?:is|are|'s|was|were)?\s*{_MISSING}"
    ),
    _full(r"(?:where|whose|in which|if|when)\s+(?:there'?s|there is)\s+no\s+(?P<x>.+)"),
    _full(
        r"(?:if|when|where)\s+(?:the\s+)?(?P<x>.+?)\s+(?:isn'?t|is not|aren'?t|are not)\s+"
        r"(?:set|given|filled(?: in)?|there|present|available|known)"
    ),
]
_PRESENT_PATTERNS = [_full(r"(?:with|that have|having|which have|containing|that has)\s+(?:an?\s+|some\s+)?(?P<x>.+)")]
_NEGATIVE_REL = (
    r"is not|isn'?t|is no|are not|aren'?t|!=|<>|\u2260|not equal to|does not equal|doesn'?t equal|is other than|"
    r"is anything but|is anything other than|is not one of|is none of|not in|isn'?t one of|other than|not"
)
_POSITIVE_REL = r"is one of|is either|is|are|=|==|equals|is equal to|says|reads|of|in|was|were|set to|marked|:"
_VALUE_PATTERNS = [
    _full(
        rf"(?:where|whose|in which|if|when|with|that have|having|for which|which have|that has)\s+(?:the\s+)?"
        rf"(?P<x>.+?)\s+(?P<rel>{_NEGATIVE_REL}|{_POSITIVE_REL})\s+(?P<v>.+)"
    ),
    _full(r"(?:with|where|whose)\s+(?:the\s+)?(?P<x>.+?)\s+(?P<v>\u27e6\d+\u27e7)"),
    _full(r"(?:marked|labelled|labeled|tagged|flagged)\s+(?:as\s+)?(?P<v>.+)"),
]
_KEEP_VERB_RE = re.compile(rf"^(?:{_KEEP_VERBS}|kept|imported|included|retained)$", re.I)


@dataclass
class _Condition:
    """Which rows a filter instruction talks about."""

    kind: Literal["missing", "present", "value"]
    target: tuple[Literal["column", "field"], str]
    values: list[str] = field(default_factory=list)
    negated: bool = False


def _filter(ctx: _Ctx, text: str) -> _Step | None:
    for m in _match(_FILTER_PATTERNS, text):
        groups = m.groupdict()
        if groups.get("neg"):
            return _unfilter(ctx, groups.get("cond"))
        verb = groups["verb"].lower()
        keep = bool(_KEEP_VERB_RE.match(verb))
        cond = _value_only(ctx, groups["value"]) if groups.get("value") else _condition(ctx, groups["cond"] or "")
        if cond is not None:
            return _filter_step(ctx, cond, keep, only="only" in verb or "just" in verb or "limit" in verb)
    return None


def _condition(ctx: _Ctx, cond: str) -> _Condition | None:
    cond = cond.strip(" ,")
    for m in _match(_MISSING_PATTERNS, cond):
        target = ctx.target(m.group("x"))
        if target:
            return _Condition("missing", target)
    for m in _match(_VALUE_PATTERNS, cond):
        groups = m.groupdict()
        values = _values_list(ctx, groups["v"])
        if not values:
            continue
        if groups.get("x") is None:
            found = _value_only(ctx, groups["v"])
            if found:
                return found
            continue
        target = ctx.target(groups["x"])
        if target is None:
            continue
        negated = bool(re.fullmatch(_NEGATIVE_REL, (groups.get("rel") or "").lower()))
        return _Condition("value", target, values, negated)
    for m in _match(_PRESENT_PATTERNS, cond):
        target = ctx.target(m.group("x"))
        if target:
            return _Condition("present", target)
    return None


def _values_list(ctx: _Ctx, text: str) -> list[str]:
    parts = re.split(r"\s*(?:,|/|\bor\b|\band\b|\bnor\b)\s*", text.strip())
    values = []
    for part in parts:
        value, quoted = ctx.text(part)
        if not value or not (quoted or len(value.split()) == 1 or ctx.is_value(value)):
            return []  # not a list of values: more of the sentence follows
        values.append(value)
    return values


def _value_only(ctx: _Ctx, text: str) -> _Condition | None:
    """'drop test rows': the column whose samples hold the value, else the enum field allowing it."""
    values = _values_list(ctx, text)
    if not values:
        return None
    singular = [v for v in values] + [v[:-1] for v in values if v.lower().endswith("s") and len(v) > 3]
    for column, samples in ctx.samples.items():
        seen = {fold(s) for s in samples}
        hits = [v for v in singular if fold(v) in seen]
        if hits and len(hits) >= len(values):
            return _Condition("value", ("column", column), hits[: len(values)])
    for f in ctx.template.fields:
        allowed = [_allowed_value(f, v) for v in singular] if f.values else []
        hits = [a for a in allowed if a]
        if f.values and len(hits) >= len(values):
            return _Condition("value", ("field", f.key), list(dict.fromkeys(hits))[: len(values)])
    return None


def _filter_step(ctx: _Ctx, cond: _Condition, keep: bool, only: bool) -> _Step:
    kind, name = cond.target
    shown = name if kind == "field" else f"'{name}'"
    if cond.kind in ("missing", "present"):
        if (cond.kind == "missing") == keep:
            return _note(
                f"the recipe can only keep rows where {shown} is filled (filters cannot select empty values), "
                "so that was not changed"
            )
        flt = _make_filter(cond.target, "not_null", None)
        phrase = f"rows without {'an' if shown[:1].lower() in 'aeiou' else 'a'} {shown} are dropped"
    else:
        kind, name = _filter_target(ctx, cond)
        shown = name if kind == "field" else f"'{name}'"
        values = cond.values if kind == "column" else [_allowed_value(ctx.spec(name), v) or v for v in cond.values]
        equal = keep != cond.negated
        if len(values) == 1:
            flt = _make_filter((kind, name), "eq" if equal else "ne", values[0])
        else:
            flt = _make_filter((kind, name), "in" if equal else "not_in", values)
        listed = " or ".join(f"'{v}'" for v in values)
        phrase = (
            f"only rows where {shown} is {listed} are kept" if equal else f"rows where {shown} is {listed} are dropped"
        )
    existing = [f for f in ctx.tr.filters if f.model_dump() == flt.model_dump()]
    if existing:
        return _note(f"{phrase} already")
    tr = ctx.tr
    undone = _excluding(ctx, (kind, name), cond.values) if keep and cond.kind == "value" and not cond.negated else []
    if undone and not only:
        # 'keep the test rows' after they were dropped: lift that filter rather than keep nothing else
        again = f"rows where {shown} is {' or '.join(repr(v) for v in cond.values)} are kept again"
        return _change(lambda: _remove_filters(ctx, undone, again))

    def apply() -> str:
        _remove_filters(ctx, undone, "")
        tr.filters.append(flt)
        return phrase

    return _change(apply)


def _filter_target(ctx: _Ctx, cond: _Condition) -> tuple[Literal["column", "field"], str]:
    """A value filter on a field reads the output; raw source values ('Kunde', 'test') are matched on the column."""
    kind, name = cond.target
    if kind == "field":
        spec = ctx.spec(name)
        fr = ctx.recipe_field(name)
        raw = fr.column if fr else None
        allowed = {fold(v) for v in spec.values or []}
        samples = {fold(s) for s in ctx.samples.get(raw or "", [])}
        if raw and all(fold(v) in samples and fold(v) not in allowed for v in cond.values):
            return "column", raw
    return kind, name


def _make_filter(target: tuple[str, str], op: str, value: str | list[str] | None) -> Filter:
    kind, name = target
    return Filter.model_validate({kind: name, "op": op, "value": value})


def _excluding(ctx: _Ctx, target: tuple[str, str], values: list[str]) -> list[Filter]:
    """Filters on the target that drop rows holding one of `values`."""
    wanted = {fold(v) for v in values}
    found = []
    for f in _filters_on(ctx, target, negative_only=True):
        dropped = f.value if isinstance(f.value, list) else [f.value or ""]
        if f.op in ("ne", "not_in") and wanted & {fold(v) for v in dropped}:
            found.append(f)
    return found


def _filters_on(ctx: _Ctx, target: tuple[str, str], *, negative_only: bool = False) -> list[Filter]:
    kind, name = target
    names = {name}
    if kind == "field":
        fr = ctx.recipe_field(name)
        names |= set(fr.source_columns()) if fr else set()
    else:
        names |= set(ctx.readers(name))
    found = [f for f in ctx.tr.filters if (f.field or f.column) in names]
    return [f for f in found if f.op in ("ne", "not_in", "not_null")] if negative_only else found


def _remove_filters(ctx: _Ctx, filters: list[Filter], phrase: str) -> str:
    ctx.tr.filters = [f for f in ctx.tr.filters if all(f is not g for g in filters)]
    return phrase


def _unfilter(ctx: _Ctx, cond_text: str | None) -> _Step:
    if not cond_text:
        return _Step("ignore", say="")
    cond = _condition(ctx, cond_text)
    if cond is None:
        return _Step("ignore", say="")
    kind, name = cond.target
    shown = name if kind == "field" else f"'{name}'"
    found = _filters_on(ctx, cond.target)
    if cond.kind == "missing":
        found = [f for f in found if f.op == "not_null"]
    if not found:
        return _note(f"no filter drops rows by {shown}")
    return _change(lambda: _remove_filters(ctx, found, f"rows are no longer dropped by {shown}"))


# --- phone region ---------------------------------------------------------------------------------

_ADJECTIVES = {
    "german": "DE", "deutsch": "DE", "deutsche": "DE", "american": "US", "usa": "US", "us": "US", "u.s.": "US",
    "british": "GB", "english": "GB", "uk": "GB", "scottish": "GB", "welsh": "GB", "french": "FR", "spanish": "ES",
    "italian": "IT", "dutch": "NL", "belgian": "BE", "austrian": "AT", "swiss": "CH", "canadian": "CA", "mexican":
    "MX", "brazilian": "BR", "argentinian": "AR", "argentine": "AR", "australian": "AU", "irish": "IE",
    "portuguese": "PT", "swedish": "SE", "norwegian": "NO", "danish": "DK", "finnish": "FI", "polish": "PL",
    "czech": "CZ", "greek": "GR", "turkish": "TR", "russian": "RU", "ukrainian": "UA", "indian": "IN", "chinese":
    "CN", "japanese": "JP", "korean": "KR", "singaporean": "SG", "israeli": "IL", "emirati": "AE", "luxembourgish":
    "LU", "hungarian": "HU", "romanian": "RO", "chilean": "CL", "colombian": "CO", "peruvian": "PE", "kiwi": "NZ",
}  # fmt: skip
_PHONE_CUE_RE = re.compile(
    r"\b(?:phones?|telephones?|tel|numbers?|mobiles?|cell(?:phone)?s?|landlines?|region|country codes?|"
    r"dial(?:l?ing)? codes?|calling codes?|prefix(?:es)?|area codes?)\b",
    re.I,
)
_PHONE_WORDS = _words_of(
    "phone phones telephone telephones tel number numbers mobile mobiles cell cellphone landline "
    "landlines region default country code codes dial dialing dialling calling prefix international "
    "format formatted local unless except without have has they them their already start starts begin "
    "with plus national assume treat read parse use set are is from in all come be should mostly mainly "
    "usually every one e164 e.164 prefixed come comes don't do not contain include written given missing "
    "lack otherwise"
)
_DIAL_RE = re.compile(r"(?:\+|\b00)\s?(\d{1,3})\b")


def _country_in(text: str) -> tuple[str, list[str]] | None:
    """An ISO alpha-2 country named in the text (adjective, name, code or dial code) and the words naming it."""
    dial = _DIAL_RE.search(text)
    if dial:
        import phonenumbers  # the engine's phone library, only needed here

        region = phonenumbers.region_code_for_country_code(int(dial.group(1)))
        if region and region != "ZZ":
            return region, [dial.group(1), "+" + dial.group(1), "00" + dial.group(1)]
    words = _words(text)
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            group = " ".join(words[start : start + size])
            code = _ADJECTIVES.get(fold(group))
            if code is None and (len(group) >= 4 or (group.isupper() and len(group) in (2, 3))):
                code = country_code(group)
            if code:
                return code, [w.lower() for w in words[start : start + size]]
    return None


def _phone_region(ctx: _Ctx, text: str) -> _Step | None:
    mentions = ctx.mentions(text)
    phone_keys = [m.key for m in mentions if m.key and _is_phone(ctx, m.key)]
    if not (_PHONE_CUE_RE.search(text) or phone_keys):
        return None
    found = _country_in(text)
    if found is None:
        return None
    region, naming = found
    if _leftover(ctx, text, _PHONE_WORDS | set(naming)):
        return None
    if _foreign(ctx, text, partial(_is_phone, ctx), _PHONE_WORDS):
        return None
    keys = list(dict.fromkeys(phone_keys)) or [f.key for f in ctx.template.fields if _is_phone(ctx, f.key)]
    keys = [k for k in keys if (fr := ctx.recipe_field(k)) and fr.source_columns()]
    if not keys:
        return _note(f"{ctx.template.name} has no mapped phone field to read in {region}")
    tr_fields = [ctx.recipe_field(k) for k in keys]

    def apply() -> str:
        for fr in tr_fields:
            if fr is None:
                continue
            ops = [op for op in fr.ops if isinstance(op, PhoneE164)]
            if not ops:
                _place(fr.ops, PhoneE164(region=region))
            for op in ops:
                op.region = region
        return f"{' and '.join(keys)} numbers without a country code are read as {region} numbers"

    return _change(apply)


def _is_phone(ctx: _Ctx, key: str) -> bool:
    fr = ctx.recipe_field(key)
    return ctx.spec(key).type == "phone" or bool(fr and any(isinstance(op, PhoneE164) for op in fr.ops))


# --- dates ------------------------------------------------------------------------------------------

_ORDER_WORDS: list[tuple[str, str]] = [
    (
        "DMY",
        r"day[- ]?first|days? (?:come )?first|day before (?:the )?month|dd first|europe(?:an)?(?: style| format)?|"
        r"british|uk style|uk format|german(?: style| format)?|dmy|d/m/y|day/month(?:/year)?|"
        r"day-month(?:-year)?|day\.month(?:\.year)?|little[- ]endian|not american|not us",
    ),
    (
        "MDY",
        r"month[- ]?first|months? (?:come )?first|month before (?:the )?day|american(?: style| format)?|"
        r"us style|us format|u\.s\. style|mdy|m/d/y|month/day(?:/year)?|month-day(?:-year)?",
    ),
    ("YMD", r"year[- ]?first|iso(?: ?8601)?(?: style| format)?|ymd|y/m/d|year/month/day|year-month-day|big[- ]endian"),
]
_DATE_CUE_RE = re.compile(r"\b(?:dates?|days?|months?|years?|formats?|formatted|dd|mm|yyyy|yy|iso)\b", re.I)
_DATE_PART = r"(?:%[dmyYbB]|[dD]{1,2}|[mM]{1,4}|[yY]{2,4})"
_FORMAT_RE = re.compile(rf"(?<![\w%])({_DATE_PART})([./\- ])({_DATE_PART})\2({_DATE_PART})(?![\w])")
_DATE_WORDS = _words_of(
    "date dates day days month months year years first format formats formatted style order written are "
    "is in as use uses using with the read parse interpret treat come comes before after european "
    "american british uk us iso 8601 dmy mdy ymd little big endian not always all every signup should be "
    "numeric they them like e.g. eg for example means put value values"
)


def _date_order(ctx: _Ctx, text: str) -> _Step | None:
    plain = _HOLE_RE.sub(lambda m: ctx.quotes[int(m.group(1))], text)
    fmt_match = _FORMAT_RE.search(plain)
    fmt = _date_format(fmt_match) if fmt_match else None
    order: str | None = _format_order(fmt) if fmt else None
    order_words: list[str] = []
    for name, pattern in _ORDER_WORDS:
        found = re.search(rf"\b(?:{pattern})\b", plain, re.I)
        if found and order is None:
            order = name
            order_words = _words(found.group(0))
    if order is None and fmt is None:
        return None
    if not (
        _DATE_CUE_RE.search(plain)
        or fmt
        or any(ctx.spec(m.key).type in ("date", "datetime") for m in ctx.mentions(text) if m.key)
    ):
        return None
    residue = plain.replace(fmt_match.group(0), " ") if fmt_match else plain
    if _leftover(ctx, residue, _DATE_WORDS | {w.lower() for w in order_words}):
        return None
    if _foreign(ctx, text, lambda key: ctx.spec(key).type in ("date", "datetime"), _DATE_WORDS):
        return None  # 'dates are day-first and phones are German' is two instructions
    keys, to_map = _date_targets(ctx, text)
    if not keys:
        return _note(f"{ctx.template.name} has no mapped date field")
    how = f"with the format {_show_format(fmt)}" if fmt else _ORDER_NAMES[order or "MDY"]

    def apply() -> str:
        for key, column in to_map.items():
            _map_column(ctx, key, column)
        for key in keys:
            fr = ctx.recipe_field(key)
            if fr is not None:
                _set_date_parsing(fr, ctx.spec(key).type, order, fmt)
        return f"{' and '.join(keys)} {'is' if len(keys) == 1 else 'are'} read {how}"

    return _change(apply)


_ORDER_NAMES = {"DMY": "day first (DD/MM/YYYY)", "MDY": "month first (MM/DD/YYYY)", "YMD": "year first (YYYY-MM-DD)"}


def _date_targets(ctx: _Ctx, text: str) -> tuple[list[str], dict[str, str]]:
    """Date fields the clause names (directly or by their column), else every mapped date field; and the
    unmapped date column named, to map onto the one date field still empty."""
    dated = [f.key for f in ctx.template.fields if f.type in ("date", "datetime")]
    named: list[str] = []
    to_map: dict[str, str] = {}
    for m in ctx.mentions(text):
        if m.key in dated:
            named.append(m.key)
        elif m.kind == "column" and m.key is None:
            free = [k for k in dated if not _sources(ctx, k)]
            if len(free) == 1:
                to_map[free[0]] = m.name
                named.append(free[0])
    if named:
        return list(dict.fromkeys(named)), to_map
    return [k for k in dated if _sources(ctx, k)], to_map


def _sources(ctx: _Ctx, key: str) -> list[str]:
    """The columns a field reads now ([] when it is not filled from the file)."""
    fr = ctx.recipe_field(key)
    return fr.source_columns() if fr else []


def _date_format(m: re.Match[str]) -> str | None:
    parts = [m.group(1), m.group(3), m.group(4)]
    sep = m.group(2)
    out = []
    for part in parts:
        low = part.lower()
        if part.startswith("%"):
            out.append(part)
        elif low.startswith("d"):
            out.append("%d")
        elif low in ("m", "mm"):
            out.append("%m")
        elif low == "mmm":
            out.append("%b")
        elif low == "mmmm":
            out.append("%B")
        elif low == "yy":
            out.append("%y")
        elif low == "yyyy":
            out.append("%Y")
        else:
            return None
    kinds = {p[1].lower() if p[1] not in "bB" else "m" for p in out}
    return sep.join(out) if kinds == {"d", "m", "y"} else None


_ORDERS: dict[str, Literal["DMY", "MDY", "YMD"]] = {"DMY": "DMY", "MDY": "MDY", "YMD": "YMD"}


def _format_order(fmt: str | None) -> Literal["DMY", "MDY", "YMD"] | None:
    if not fmt:
        return None
    found = re.findall(r"%([dmbByY])", fmt)
    order = "".join({"d": "D", "m": "M", "b": "M", "B": "M", "y": "Y", "Y": "Y"}[c] for c in found)
    return _ORDERS.get(order)


def _show_format(fmt: str | None) -> str:
    shown = (fmt or "").replace("%d", "DD").replace("%m", "MM").replace("%Y", "YYYY").replace("%y", "YY")
    return shown.replace("%b", "Mon").replace("%B", "Month")


def _set_date_parsing(fr: FieldRecipe, ftype: str, order: str | None, fmt: str | None) -> None:
    op = next((o for o in fr.ops if isinstance(o, ParseDate | ParseDatetime)), None)
    if op is None:
        op = ParseDatetime() if ftype == "datetime" else ParseDate()
        _place(fr.ops, op)
    known = _ORDERS.get(order or "")
    if known:
        op.order = known
    if fmt:
        op.formats = [fmt]
    elif op.formats and order in ("DMY", "MDY"):
        # planner formats name an order themselves; swap the day/month of those reading the other way
        op.formats = list(
            dict.fromkeys(_swap_day_month(f) if _format_order(f) not in (order, "YMD", None) else f for f in op.formats)
        )


def _swap_day_month(fmt: str) -> str:
    return fmt.replace("%d", "\0").replace("%m", "%d").replace("\0", "%m")


# --- split and concat ---------------------------------------------------------------------------------

_SEPARATORS = {
    "comma": ",", "commas": ",", "semicolon": ";", "semicolons": ";", "space": " ", "spaces": " ", "dash": "-",
    "dashes": "-", "hyphen": "-", "hyphens": "-", "slash": "/", "slashes": "/", "pipe": "|", "pipes": "|", "colon":
    ":", "underscore": "_", "tab": "\t", "plus": "+", "at": "@", "dot": ".", "period": ".",
}  # fmt: skip
_SPLIT_PATTERNS = [
    _full(
        r"(?:split|separate|break(?: up| apart)?|divide|cut)\s+(?:up\s+)?(?P<src>.+?)(?:\s+(?:on|by|at|using|with)"
        r"\s+(?:the\s+|an?\s+)?(?P<sep>.+?))?(?:\s+(?:into|in|to|across|between|over|for)\s+(?P<dst>.+))?"
    ),
    _full(
        r"(?P<dst>.+?)\s+(?:should\s+)?(?:come|comes|are split|is split|be split|are taken|are extracted|"
        r"be taken|be extracted)\s+(?:from|out of)\s+(?P<src>.+)"
    ),
    _full(r"(?:use|take|get)\s+(?P<src>.+?)\s+(?:for|to fill|as)\s+(?:both\s+)?(?P<dst>.+)"),
    _full(r"(?P<src>.+?)\s*(?:->|\u2192|=>)\s*(?P<dst>.+)"),
]


def _split(ctx: _Ctx, text: str) -> _Step | None:
    for m in _match(_SPLIT_PATTERNS, text):
        groups = m.groupdict()
        verb = bool(re.match(r"(?:split|separate|break|divide|cut)\b", text, re.I))
        column = ctx.column(groups["src"])
        if column is None:
            continue
        sep_text = groups.get("sep")
        sep = _separator(ctx, sep_text) if sep_text else None
        if sep_text and sep is None:
            continue
        targets = _field_list(ctx, groups.get("dst"))
        if targets is None:
            continue
        names = _name_fields(ctx)
        if not verb and not (len(targets) == 2 or (targets and _is_full_name(column))):
            continue  # 'phone comes from Mobile' is a plain mapping
        if sep is None:
            targets = targets or names
            if not targets or any(t not in names for t in targets):
                if not verb:
                    continue
                return _note("splitting without a separator is only for first and last names; say what to split on")
            return _change(partial(_apply_name_split, ctx, column, targets))
        if not targets:
            continue
        return _change(partial(_apply_split, ctx, column, sep, targets))
    return None


def _is_full_name(column: str) -> bool:
    return concepts_of(column).get("full_name", 0.0) >= 0.9


def _name_fields(ctx: _Ctx) -> list[str]:
    first = [f.key for f in ctx.template.fields if concepts_of(f.key).get("first_name", 0) >= 0.9]
    last = [f.key for f in ctx.template.fields if concepts_of(f.key).get("last_name", 0) >= 0.9]
    return first[:1] + last[:1]


def _field_list(ctx: _Ctx, text: str | None) -> list[str] | None:
    """Fields listed as 'first and last name', 'first_name, last_name': [] when none given, None when unknown."""
    if not text:
        return []
    text = re.sub(r"^(?:both\s+|the\s+)+", "", text.strip(), flags=re.I)
    parts = [p for p in re.split(r"\s*(?:,|&|\+|/|\band\b)\s*", text) if p]
    if len(parts) > 1 and len(parts[-1].split()) > 1:
        tail = parts[-1].split()[-1]  # 'first and last name': the shared noun goes with each part
        parts = [p if len(p.split()) > 1 or p == parts[-1] else f"{p} {tail}" for p in parts]
    keys = []
    for part in parts:
        key = ctx.field(part, via_column=False) or _field_by_word(ctx, part)
        if key is None:
            return None
        keys.append(key)
    return keys


def _field_by_word(ctx: _Ctx, word: str) -> str | None:
    """The one field whose name has this word ('first' → first_name), or None."""
    low = word.strip().lower()
    found = [f.key for f in ctx.template.fields if low in f.key.lower().split("_")]
    return found[0] if len(found) == 1 and low not in _STOPWORDS else None


def _separator(ctx: _Ctx, text: str) -> str | None:
    value, quoted = ctx.text(text)
    if quoted:
        return value
    word = value.lower().strip()
    if word in _SEPARATORS:
        return _SEPARATORS[word]
    return word if len(word) == 1 and not word.isalnum() else None


def _apply_name_split(ctx: _Ctx, column: str, targets: list[str]) -> str:
    last = _name_fields(ctx)[1:]
    for i, key in enumerate(targets):
        part: Literal["first", "last"] = "last" if key in last or (len(targets) > 1 and i == 1) else "first"
        _put(ctx.tr, FieldRecipe(field=key, column=column, ops=[Trim(), SplitName(part=part)]))
    verb = "is" if len(targets) == 1 else "are"
    return (
        f"{' and '.join(targets)} {verb} split from '{column}' "
        "(the last word is the last name, with particles like 'van der')"
    )


def _apply_split(ctx: _Ctx, column: str, sep: str, targets: list[str]) -> str:
    for i, key in enumerate(targets):
        part: Literal["first", "last", "index"] = "first" if i == 0 else "last" if i == len(targets) - 1 else "index"
        if len(targets) == 1:
            part = "first"
        ops: list[Op] = [Trim(), Split(sep=sep, part=part, index=i), Trim()]
        _put(ctx.tr, FieldRecipe(field=key, column=column, ops=ops))
    return f"'{column}' is split on '{sep}' into {', '.join(targets)}"


_CONCAT_PATTERNS = [
    _full(
        r"(?:combine|concatenate|concat|join|merge|glue|put together|stitch)\s+(?:together\s+)?(?P<src>.+?)"
        r"(?:\s+(?:with|separated by|seperated by|using|joined by|by)\s+(?:an?\s+|the\s+)?"
        r"(?P<sep>\S+|\u27e6\d+\u27e7))?"
        r"\s+(?:into|in|to|as|for|to make|to form|to get)\s+(?P<dst>.+?)"
        r"(?:\s+(?:with|separated by|seperated by|using|joined by|by)\s+(?:an?\s+|the\s+)?(?P<sep2>.+))?"
    ),
    _full(
        r"(?P<dst>.+?)\s+(?:is|=|should be|comes from|is made of|combines|is built from|is the combination of)\s+"
        r"(?P<src>.+?\s*(?:\+|&|\bplus\b)\s*.+)"
    ),
]


def _concat(ctx: _Ctx, text: str) -> _Step | None:
    for m in _match(_CONCAT_PATTERNS, text):
        groups = m.groupdict()
        parts = [p for p in re.split(r"\s*(?:,|&|\+|\bplus\b|\band\b)\s*", groups["src"]) if p.strip()]
        columns = [ctx.column(p) for p in parts]
        if len(columns) < 2 or None in columns:
            continue
        key = ctx.field(groups["dst"], via_column=False)
        sep_text = groups.get("sep") or groups.get("sep2")
        sep = _separator(ctx, sep_text) if sep_text else " "
        if key is None or sep is None:
            continue
        cols = [c for c in columns if c]

        def apply(k: str = key, c: list[str] = cols, s: str = sep) -> str:
            _put(ctx.tr, FieldRecipe(field=k, column=None, ops=[Concat.model_validate({"columns": c, "sep": s})]))
            return f"{k} joins {', '.join(repr(x) for x in c)} with {s!r}"

        return _change(apply)
    return None


# --- domains: company from the email domain, email built on the website's domain ----------------------

_DOMAIN_RE = re.compile(r"\bdomains?\b|\bwebsites?\b|\bweb ?sites?\b|\burls?\b|\bhomepages?\b", re.I)
_OWNER_RES = [
    re.compile(
        r"\bdomains?\s+(?:of|from|in|out of)\s+(?:the\s+|their\s+|its\s+|an?\s+)?(?P<owner>[\w\-\u27e6\u27e7]+"
        r"(?:\s+[\w\-\u27e6\u27e7]+)?)",
        re.I,
    ),
    re.compile(r"(?P<owner>(?:[\w\-\u27e6\u27e7']+\s+)?[\w\-\u27e6\u27e7']+?)(?:'s)?\s+domains?\b", re.I),
]
_DOMAIN_VERBS = frozenset({"use", "take", "build", "make", "derive", "get", "from", "fill", "create", "generate"})
_EMAIL_WORDS = frozenset({"email", "e-mail", "mail", "emails", "e-mails", "address", "addresses"})
_LOCAL_PART_RE = re.compile(r"(?<![\w.])([A-Za-z0-9._%+-]+)@(?![A-Za-z0-9-]+\.)")
_CONDITIONAL_RE = re.compile(
    r"\b(?:when|if|where|whenever|blank|empty|missing|no|none|else|otherwise|fallback|fall back|unless|not|"
    r"without|isn'?t|lacking|absent)\b",
    re.I,
)
_DOMAIN_WORDS = _words_of(
    "use build make create generate construct derive take get fill from for missing empty blank any all "
    "no none when if is are domain domains website websites web site sites url urls homepage address "
    "addresses should come comes instead local part with as prefix plus at + there isn't not without else "
    "otherwise fallback fall back unless based on using the company's email's emails e-mails out their "
    "its build built a an row rows don't drop filled given set put one ones lacking absent"
)


def _domain(ctx: _Ctx, text: str) -> _Step | None:
    if not _DOMAIN_RE.search(text):
        return None
    owner_words, from_email = _domain_owner(ctx, text)
    local = _LOCAL_PART_RE.search(text)
    residue = _LOCAL_PART_RE.sub(" ", text)
    if _leftover(ctx, residue, _DOMAIN_WORDS | owner_words):
        return None
    emails = [f.key for f in ctx.template.fields if f.type == "email"]
    targets = [m.key for m in ctx.mentions(_without_words(text, owner_words)) if m.key and m.kind == "field"]
    targets += [m.key for m in ctx.mentions(_without_words(text, owner_words)) if m.key and m.key not in targets]
    conditional = bool(_CONDITIONAL_RE.search(text))
    if from_email:
        source = _email_column(ctx)
        target = next((k for k in targets if k not in emails), None)
        if source is None or target is None:
            return None
        key, column = target, source
        return _change(lambda: _apply_domain_field(ctx, key, column, conditional))
    website = _website_column(ctx, owner_words)
    target = next((k for k in targets if k in emails), None) or (emails[0] if emails and not targets else None)
    if target is None:
        return None
    if website is None:
        return _note("the source has no website column to take a domain from")
    local_part = local.group(1) if local else DEFAULT_LOCAL_PART
    return _change(lambda: _apply_email_from_website(ctx, target, website, local_part, bool(local)))


def _without_words(text: str, words: set[str]) -> str:
    return " ".join(w for w in _words(text) if w.lower() not in words)


def _domain_owner(ctx: _Ctx, text: str) -> tuple[set[str], bool]:
    """The words naming whose domain it is, and whether that is the email address's."""
    for n, pattern in enumerate(_OWNER_RES):
        m = pattern.search(text)
        if m is None:
            continue
        # the words next to 'domain' ('domain of the email', 'the company's domain'), up to a stop word
        found = _words(m.group("owner"))
        words: list[str] = []
        for word in found if n == 0 else reversed(found):
            if word.lower() in _STOPWORDS or word.lower() in _DOMAIN_VERBS:
                break
            words.insert(len(words) if n == 0 else 0, re.sub(r"'s$", "", word))
        if not words:
            continue
        phrase = " ".join(words)
        owner = {w.lower() for w in words}
        emailish = bool(owner & _EMAIL_WORDS) or any(ctx.spec(k).type == "email" for k in [ctx.field(phrase)] if k)
        return owner | {"domain", "domains"}, emailish
    return set(), False


def _email_column(ctx: _Ctx) -> str | None:
    for f in ctx.template.fields:
        fr = ctx.recipe_field(f.key)
        if f.type == "email" and fr and fr.column:
            return fr.column
    ranked = [(c, concepts_of(c).get("email", 0.0)) for c in ctx.columns]
    best = max(ranked, key=lambda r: r[1], default=None)
    return best[0] if best and best[1] >= 0.9 else None


def _website_column(ctx: _Ctx, owner_words: set[str]) -> str | None:
    for word in owner_words:
        found = ctx.rank_columns(word)
        if found.name and found.score >= 0.97:
            return found.name
    ranked = [(c, concepts_of(c).get("website", 0.0)) for c in ctx.columns]
    best = max(ranked, key=lambda r: r[1], default=None)
    if best and best[1] >= 0.8:
        return best[0]
    urlish = [c for c, samples in ctx.samples.items() if samples and all(_looks_like_url(s) for s in samples)]
    return urlish[0] if len(urlish) == 1 else None


def _looks_like_url(value: str) -> bool:
    return (
        bool(re.match(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/.*)?$", value.strip(), re.I))
        and "@" not in value
    )


def _apply_domain_field(ctx: _Ctx, key: str, source: str, conditional: bool) -> str:
    domain: list[Op] = [Trim(), UrlToDomain()]
    fr = ctx.recipe_field(key)
    if conditional and fr is not None and fr.column:
        fr.ops = [op for op in fr.ops if not isinstance(op, FillFrom)]
        _place(fr.ops, FillFrom(column=source, ops=domain))
        return f"{key} takes the domain of '{source}' when '{fr.column}' is blank"
    old = f" instead of '{fr.column}'" if fr is not None and fr.column else ""
    _put(ctx.tr, FieldRecipe(field=key, column=source, ops=domain))
    return f"{key} is the domain of '{source}'{old}"


def _apply_email_from_website(ctx: _Ctx, key: str, website: str, local: str, asked: bool) -> str:
    fr = ctx.recipe_field(key)
    if fr is None:
        fr = FieldRecipe.model_validate(field_from_mapping(key, None, "email"))
        fr.ops = [Trim(), *[op for op in _fresh(ctx, key, website).ops if op.op == "email_normalize"]]
        _put(ctx.tr, fr)
    fr.ops = [op for op in fr.ops if not isinstance(op, FillFrom)]
    _place(fr.ops, FillFrom(column=website, ops=[Trim(), UrlToDomain(), Affix(prefix=f"{local}@")]))
    which = "as you said" if asked else "change it by naming another, e.g. 'use contact@'"
    return (
        f"a missing {key} is built as {local}@ + the domain of '{website}' (local part {local}@, {which}), "
        "so the row is kept"
    )


# --- fallbacks and defaults --------------------------------------------------------------------------

_WHEN = r"(?:when|if|where|whenever|in case|for rows where|wherever|in rows where|in case of)"
_USE = (
    r"(?:use|take|fill (?:it |them )?(?:in )?(?:with|from)|fall\s*back (?:to|on)|set (?:it |them )?(?:to|as)|"
    r"put|make (?:it|them)|default (?:it |them )?to|try|go with|pick|grab|get (?:it|them|the value) from|"
    r"read|fill in|put in|then use|then take|replace (?:it|them) with|give (?:it|them))"
)
_FILL_PATTERNS = [
    _full(rf"(?:set|make|fill|put|change)\s+(?P<f>.+?)\s+(?:to|=|as|with|in)\s+(?P<v>.+?)\s+{_WHEN}\s+(?P<cond>.+)"),
    _full(rf"{_WHEN}\s+(?P<cond>.+?)\s*,?\s+(?:then\s+)?{_USE}\s+(?P<v>.+?)(?:\s+instead)?"),
    _full(rf"{_USE}\s+(?P<v>.+?)\s+{_WHEN}\s+(?P<cond>.+)"),
    _full(
        rf"{_USE}\s+(?P<v>.+?)\s+(?:for|as|in|into|on)\s+(?:the\s+|any\s+|all\s+|every\s+)?"
        rf"(?:missing|empty|blank|absent|unknown)\s+(?P<f>.+)"
    ),
    _full(
        r"(?:fill|complete|backfill|populate)\s+(?:in\s+|up\s+)?(?:the\s+|any\s+|all\s+)?(?:missing|empty|blank|"
        r"absent)\s+(?P<f>.+?)\s+(?:with|from|using|by|as)\s+(?P<v>.+)"
    ),
    _full(
        r"(?:fill|complete|backfill)\s+(?:in\s+)?(?:the\s+)?(?:gaps|blanks|holes)\s+(?:in|of)\s+(?P<f>.+?)\s+"
        r"(?:with|from|using)\s+(?P<v>.+)"
    ),
    _full(
        r"(?:the\s+|any\s+|all\s+)?(?:missing|empty|blank)\s+(?P<f>.+?)\s+(?:should\s+|must\s+|will\s+)?"
        r"(?:be|become|becomes|are|is|=|->|\u2192|get|gets|default to|defaults? to|come from|comes from|"
        r"taken from|be taken from)\s+(?P<v>.+)"
    ),
    _full(r"(?:the\s+)?default\s+(?:value\s+)?(?:for|of)\s+(?P<f>.+?)\s+(?:is|should be|=|:|to|will be)\s+(?P<v>.+)"),
    _full(r"(?:default|defaults)\s+(?P<f>.+?)\s+(?:to|=|as|:)\s+(?P<v>.+)"),
    _full(r"(?P<f>.+?)\s+(?:should\s+|must\s+)?(?:defaults?|default value is|default is)\s*(?:to|=|is|:)?\s+(?P<v>.+)"),
    _full(r"(?:use|make|set|take)\s+(?P<v>.+?)\s+(?:as\s+)?(?:the\s+|a\s+)?default\s+(?:for|of|in)\s+(?P<f>.+)"),
    _full(
        r"(?:use\s+)?(?P<v>.+?)\s+as\s+(?:a\s+|the\s+)?(?:fallback|backup|fall-back|second choice)\s+"
        r"(?:for|to|of)\s+(?P<x>.+)"
    ),
    _full(r"(?:fall\s*back|fallback)\s+(?:to|on)\s+(?P<v>.+?)\s+(?:for)\s+(?P<x>.+)"),
    _full(
        r"(?:use\s+|take\s+)?(?P<x>.+?)\s*,?\s+(?:else|otherwise|or else|falling back to|fall back to|"
        r"or if (?:that'?s|it'?s) (?:empty|blank|missing))\s+(?:use\s+|take\s+)?(?P<v>.+)"
    ),
]
_SUBJECT_PATTERNS = [
    _full(
        rf"(?:it|they|that|this|the value|the field|the cell|its value|there)?\s*(?:is|are|'s|'re|was|were)?\s*"
        rf"{_MISSING}(?:\s+or\s+{_MISSING})*"
    ),
    _full(r"(?:it|they)\s*(?:'s|is|are|'re)\s+not\s+(?:set|given|filled(?: in)?|there|known)"),
    _full(
        r"(?:there'?s|there is|there are|there isn'?t (?:a|an|any)|we have|it has|the row has|they have|"
        r"we don'?t have (?:a|an|any))\s+(?:no\s+)?(?P<x>.+)"
    ),
    _full(r"no\s+(?P<x>.+?)(?:\s+is\s+(?:given|set|there|present|available))?"),
    _full(
        rf"(?:the\s+)?(?P<x>.+?)\s+(?:is|are|'s|'re|was|were|isn'?t|is not|aren'?t|are not)?\s*{_MISSING}"
        rf"(?:\s+or\s+{_MISSING})*"
    ),
    _full(
        r"(?P<x>.+?)\s+(?:isn'?t|is not|aren'?t|are not)\s+(?:set|given|filled(?: in)?|there|present|available|known)"
    ),
    _full(r"(?:missing|no|without|lacking)\s+(?P<x>.+)"),
    _full(r"(?:there'?s|there is)\s+nothing\s+in\s+(?P<x>.+)"),
]


def _fill(ctx: _Ctx, text: str) -> _Step | None:
    for m in _match(_FILL_PATTERNS, text):
        groups = m.groupdict()
        subject = groups.get("x")
        if groups.get("cond") is not None:
            found = _missing_subject(groups["cond"])
            if found is None:
                continue
            subject = found or None
        key = ctx.field(groups["f"]) if groups.get("f") else None
        if key is None and subject:
            key = _field_of_subject(ctx, subject)
        if key is None:
            continue
        step = _fill_step(ctx, key, groups["v"], subject)
        if step is not None:
            return step
    return None


def _missing_subject(cond: str) -> str | None:
    """The thing a 'when ... is empty' condition is about ('' for it/they), or None when it is no such condition."""
    for m in _match(_SUBJECT_PATTERNS, cond.strip(" ,")):
        return m.groupdict().get("x") or ""
    return None


def _field_of_subject(ctx: _Ctx, subject: str) -> str | None:
    target = ctx.target(subject)
    if target is None:
        return None
    kind, name = target
    if kind == "field":
        return name
    readers = ctx.readers(name)
    return readers[0] if readers else None


def _fill_step(ctx: _Ctx, key: str, value_text: str, subject: str | None) -> _Step | None:
    """A column to fall back to, or else a literal default value (spelt as the enum allows)."""
    value, quoted = ctx.text(value_text)
    spec = ctx.spec(key)
    literal = _allowed_value(spec, value) if spec.values else value
    ranked = ctx.rank_columns(value_text)
    # an allowed value wins over a column of a similar name ('US'); a quoted text is a column only when exact
    is_column = ranked.name is not None and not (spec.values and literal and ranked.score < 0.97)
    if ranked.name and is_column and (not quoted or ranked.score >= 0.97):
        ctx.scores.append(ranked.score)
        return _change(partial(_apply_fallback, ctx, key, ranked.name, _subject_column(ctx, subject)))
    if not quoted and len(value.split()) > 1 and _fix_typos(ctx, value) != value:
        return None  # 'company domian' is a misspelt instruction, not a value
    if spec.values and literal is None:
        raise _Ask(_allowed_question(ctx, key, value, lambda v: f"set {key} to {_quote(v)} when it is empty"))
    return _change(lambda: _apply_default(ctx, key, literal or value))


def _subject_column(ctx: _Ctx, subject: str | None) -> str | None:
    if not subject:
        return None
    ranked = ctx.rank_columns(subject)
    return ranked.name if ranked.score >= 0.9 else None


def _apply_fallback(ctx: _Ctx, key: str, column: str, main: str | None) -> str:
    fr = ctx.recipe_field(key)
    if fr is None or not fr.column:
        if main and main != column:
            _map_column(ctx, key, main)
            return _apply_fallback(ctx, key, column, None)
        _map_column(ctx, key, column)
        return f"{key} now comes from '{column}'"
    if main and main != fr.column and main != column:
        _map_column(ctx, key, main)
        fr = ctx.recipe_field(key)
        assert fr is not None
    if fr.column == column:
        return f"{key} already comes from '{column}'"
    coalesce = next((op for op in fr.ops if isinstance(op, Coalesce)), None)
    if coalesce is None:
        _place(fr.ops, Coalesce.model_validate({"columns": [column]}))
    elif column not in coalesce.columns_:
        coalesce.columns_.append(column)
    return f"{key} comes from '{fr.column}', and from '{column}' when that is blank"


def _apply_default(ctx: _Ctx, key: str, value: str) -> str:
    fr = ctx.recipe_field(key)
    if fr is None:
        fr = FieldRecipe(field=key)
        _put(ctx.tr, fr)
    fr.ops = [op for op in fr.ops if not isinstance(op, Default)]
    _place(fr.ops, Default(value=value))
    return f"an empty {key} becomes '{value}'"


def _allowed_question(ctx: _Ctx, key: str, value: str, clause: Callable[[str], str]) -> _Question:
    allowed = ctx.spec(key).values or []
    return _Question(
        topic=f"{key}_value",
        text=f"'{value}' is not an allowed {key}. Which value do you mean?",
        context=f"{key} allows: {', '.join(allowed)}.",
        options=[(v, clause(v)) for v in allowed],
        custom=clause("{answer}"),
    )


def _allowed_value(spec: TemplateField, value: str) -> str | None:
    """The template's spelling of `value` for an enum field (same text, same country, a synonym), or None."""
    if not spec.values:
        return value
    folded = fold(value.strip())
    for allowed in spec.values:
        if fold(allowed) == folded:
            return allowed
    code = country_code(value) or _ADJECTIVES.get(folded)
    if code:
        for allowed in spec.values:
            if country_code(allowed) == code:
                return allowed
    for candidate in dict.fromkeys([value, singular_phrase(value)]):
        found = map_enum_values([candidate], spec.values)
        target = found.mapping.get(candidate)
        if target and found.confidence.get(candidate, 0.0) >= 0.85:
            return target
    return None


_CONSTANT_PATTERNS = [
    _full(
        r"(?:set|make|fill)\s+(?P<f>.+?)\s+(?:to|=|as|with)\s+(?P<v>.+?)(?P<all>\s+(?:for|in|on)\s+(?:all|every|"
        r"each)\s+(?:the\s+)?(?:rows?|records?|entries|contacts?|lines?))?"
    ),
    _full(
        r"(?P<f>.+?)\s+(?:should|must)\s+(?:always\s+)?be\s+(?P<v>.+?)(?P<all>\s+(?:for|in|on)\s+(?:all|every|each)\s+"
        r"(?:the\s+)?(?:rows?|records?|entries|contacts?|lines?)|\s+always|\s+everywhere)"
    ),
    _full(
        r"(?:all|every)\s+(?:rows?|records?|contacts?|entries)\s+(?:get|have|should have)\s+(?P<f>.+?)\s+(?P<v>.+)"
        r"(?P<all>)"
    ),
]


def _set_constant(ctx: _Ctx, text: str) -> _Step | None:
    for m in _match(_CONSTANT_PATTERNS, text):
        key = ctx.field(m.group("f"), via_column=False)
        if key is None:
            continue
        value, quoted = ctx.text(m.group("v"))
        if ctx.rank_columns(m.group("v")).score >= 0.9:
            return None  # 'set phone to Mobile' is a mapping
        if not quoted and len(value.split()) > 3:
            continue
        spec = ctx.spec(key)
        literal = _allowed_value(spec, value)
        if literal is None:

            def every_row(v: str, k: str = key) -> str:
                return f"set {k} to {_quote(v)} for all rows"

            raise _Ask(_allowed_question(ctx, key, value, every_row))
        fr = ctx.recipe_field(key)
        if fr is not None and fr.source_columns() and m.group("all") is None:
            q = f"Set {key} to '{literal}' in every row, or only where it is empty?"
            raise _Ask(
                _Question(
                    topic=f"{key}_constant",
                    text=q,
                    context=f"{key} comes from {', '.join(repr(c) for c in fr.source_columns())} today.",
                    options=[
                        (f"Only where {key} is empty", f"set {key} to {_quote(literal)} when it is empty"),
                        (
                            f"Every row (stop reading {fr.source_columns()[0]!r})",
                            f"set {key} to {_quote(literal)} for all rows",
                        ),
                    ],
                )
            )
        return _change(partial(_apply_constant, ctx, key, literal))
    return None


def _apply_constant(ctx: _Ctx, key: str, value: str) -> str:
    _put(ctx.tr, FieldRecipe(field=key, column=None, ops=[Default(value=value)]))
    return f"{key} is '{value}' in every row"


_CONDITIONAL_VALUE_PATTERNS = [
    _full(r"(?:set|make|put)\s+(?P<f>.+?)\s+(?:to|=|as)\s+(?P<v>.+?)\s+(?:when|if|where|whenever|for rows where)\s+"
          r"(?P<x>.+?)\s+(?:is|=|==|equals|says)\s+(?P<s>.+)"),
    _full(r"(?:when|if|where|whenever)\s+(?P<x>.+?)\s+(?:is|=|==|equals|says)\s+(?P<s>.+?)\s*,?\s+(?:then\s+)?"
          r"(?:set\s+|make\s+)?(?P<f>.+?)\s+(?:to|is|=|should be|becomes?)\s+(?P<v>.+)"),
]  # fmt: skip


def _conditional_value(ctx: _Ctx, text: str) -> _Step | None:
    """'set status to lead when Lifecycle is Interessent': a value translation of the field's own column."""
    for m in _match(_CONDITIONAL_VALUE_PATTERNS, text):
        column = ctx.column(m.group("x")) or _main_column(ctx, ctx.field(m.group("x"), via_column=False))
        if ctx.text(m.group("f"))[0].lower() in _PRONOUNS:  # 'if status is Kunde, set it to customer'
            ctx.focus = ctx.field(m.group("x"))
        key = ctx.field(m.group("f"), via_column=False)
        if key is None or column is None:
            continue
        source, quoted = ctx.text(m.group("s"))
        if not quoted and re.fullmatch(_MISSING, source, re.I):
            continue  # 'when country is empty' is a default, read by _fill
        if column not in _sources(ctx, key):
            return _note(
                f"the recipe cannot set {key} from the value of '{column}' (only from {key}'s own column), "
                "so that was not changed"
            )
        value, _ = ctx.text(m.group("v"))
        target = _allowed_value(ctx.spec(key), value)
        if target is None:
            raise _Ask(_allowed_question(ctx, key, value, partial(_treat_in, _quote(source), key)))
        mapping: dict[str, str | None] = {_sample_spelling(ctx, key, source): target}
        return _change(partial(_apply_value_map, ctx, key, mapping))
    return None


def _main_column(ctx: _Ctx, key: str | None) -> str | None:
    fr = ctx.recipe_field(key) if key else None
    return fr.column if fr else None


# --- unmap ------------------------------------------------------------------------------------------

_UNMAP_PATTERNS = [
    _full(r"(?:don'?t|do not|dont|never|stop)\s+(?:map|use|put)\s+(?P<x>.+?)\s+(?:to|for|in|into|as)\s+(?P<f>.+)"),
    _full(
        r"(?:don'?t|do not|dont|never|no need to|stop|we don'?t need to)\s+(?:import|map|use|include|bring"
        r"(?:\s+over)?|keep|load|migrate|copy|transfer|carry(?:\s+over)?|fill|mapping|importing|using|"
        r"including)\s+(?P<x>.+?)(?:\s+(?:at all|anymore|any more|either|over|in))?"
    ),
    _full(
        r"(?:ignore|skip|exclude|drop|remove|unmap|omit|leave out|discard|forget(?: about)?|delete|hide|"
        r"get rid of|throw away|toss|lose|clear|blank out|empty|unlink|disconnect)\s+(?P<x>.+?)"
        r"(?:\s+(?:entirely|completely|altogether|from the import|from the recipe|from the mapping))?"
    ),
    _full(r"(?:leave|keep)\s+(?P<x>.+?)\s+(?:out|empty|blank|unmapped|unfilled|unused|alone|out of it)"),
    _full(r"(?:leave|keep)\s+(?:out|empty|blank|unmapped|unfilled)\s+(?P<x>.+?)"),
    _full(
        r"(?P<x>.+?)\s+(?:is|are)\s+(?:not\s+needed|unnecessary|irrelevant|useless|not wanted|unwanted|junk|noise|"
        r"not important|not relevant|not useful|garbage|rubbish)"
    ),
    _full(
        r"(?P<x>.+?)\s+(?:should|must|can|shall)\s*(?:not|n't)\s+be\s+(?:imported|mapped|used|included|migrated|kept)"
    ),
    _full(
        r"(?P<x>.+?)\s+(?:shouldn'?t|mustn'?t|can'?t|won'?t|doesn'?t|don'?t)\s+(?:be\s+|need to be\s+)?"
        r"(?:imported|mapped|used|included|migrated|kept|go anywhere|matter)"
    ),
    _full(r"no\s+(?P<x>.+?)"),
    _full(r"(?:we|i)\s+(?:don'?t|do not)\s+(?:need|want|care about)\s+(?P<x>.+?)"),
]


def _unmap(ctx: _Ctx, text: str) -> _Step | None:
    for m in _match(_UNMAP_PATTERNS, text):
        groups = m.groupdict()
        targets = _target_list(ctx, groups["x"])
        if not targets:
            continue
        only = ctx.field(groups["f"], via_column=False) if groups.get("f") else None
        if groups.get("f") and only is None:
            continue
        if all(kind == "column" and not _readers_in(ctx, name, only) for kind, name in targets):
            names = " and ".join(f"'{n}'" for _, n in targets)
            where = f" into {only}" if only else ""
            return _note(f"{names} {'is' if len(targets) == 1 else 'are'} already not imported{where}")
        return _change(partial(_apply_unmaps, ctx, targets, only))
    return None


def _readers_in(ctx: _Ctx, column: str, only: str | None) -> list[str]:
    return [k for k in ctx.readers(column) if only is None or k == only]


def _target_list(ctx: _Ctx, text: str) -> list[tuple[Literal["column", "field"], str]]:
    """One column or field, or a list of them ('Notes and Website'); [] when any part names nothing."""
    whole = ctx.target(text)
    if whole:
        return [whole]
    parts = [p for p in re.split(r"\s*(?:,|&|\bor\b|\band\b|\bnor\b)\s*", text) if p.strip()]
    found = [ctx.target(p) for p in parts] if len(parts) > 1 else []
    return [f for f in found if f] if found and all(found) else []


def _apply_unmaps(ctx: _Ctx, targets: list[tuple[Literal["column", "field"], str]], only: str | None) -> str:
    return "; ".join(_apply_unmap(ctx, kind, name, only) for kind, name in targets)


def _apply_unmap(ctx: _Ctx, kind: str, name: str, only: str | None) -> str:
    if kind == "field":
        _put(ctx.tr, FieldRecipe(field=name, column=None, ops=[]))
        return f"{name} is no longer filled from the file (it stays empty)"
    readers = _readers_in(ctx, name, only)
    for key in readers:
        fr = ctx.recipe_field(key)
        if fr is not None:
            _drop_column(fr, name)
    return f"'{name}' is no longer imported (it fed {', '.join(readers)})"


def _drop_column(fr: FieldRecipe, column: str) -> None:
    """Stop reading `column`: a fallback column takes its place, or the field stays empty."""
    for op in list(fr.ops):
        if isinstance(op, Coalesce | Concat):
            op.columns_ = [c for c in op.columns_ if c != column]
            if not op.columns_:
                fr.ops.remove(op)
        elif isinstance(op, FillFrom) and column in op.columns():
            fr.ops.remove(op)
    if fr.column == column:
        coalesce = next((op for op in fr.ops if isinstance(op, Coalesce)), None)
        if coalesce is not None:
            fr.column = coalesce.columns_.pop(0)
            if not coalesce.columns_:
                fr.ops.remove(coalesce)
        else:
            fr.column = None
    if not fr.source_columns() and not any(isinstance(op, Default) for op in fr.ops):
        fr.ops = []


# --- letter case, trim, affixes -----------------------------------------------------------------------

_CASES: list[tuple[Literal["lower", "upper", "title"], str]] = [
    ("lower", r"lower[- ]?case[ds]?|lower[- ]?cased|lower|downcase[ds]?|small letters|lowercasing"),
    ("upper", r"upper[- ]?case[ds]?|upper[- ]?cased|upper|capitals|capital letters|all caps|caps|uppercasing"),
    ("title", r"title[- ]?case[ds]?|proper case|capitali[sz]e[ds]?|capitali[sz]ing|first letter capital|title"),
]
_CASE_WORDS = _words_of(
    "make convert change turn put set write format have should be all in to into as letters letter "
    "everything every lower upper case cased lowercase uppercase lowercased uppercased titlecase capital "
    "capitals caps capitalize capitalise capitalized capitalised proper title small downcase first "
    "written store stored them please force normalise normalize lowercasing uppercasing name names"
)


def _case(ctx: _Ctx, text: str) -> _Step | None:
    to = next((name for name, pattern in _CASES if re.search(rf"\b(?:{pattern})\b", text, re.I)), None)
    if to is None or _leftover(ctx, text, _CASE_WORDS):
        return None
    keys = list(dict.fromkeys(m.key for m in ctx.mentions(text) if m.key))
    if not keys and re.search(r"\bnames\b", text, re.I):
        keys = [f.key for f in ctx.template.fields if "name" in f.key.split("_")]
    if not keys:
        raise _Ask(
            _fields_question(ctx, "case_fields", f"Which field should be {to}-cased?", lambda k: f"make {k} {to}case")
        )

    def apply() -> str:
        for key in keys:
            fr = ctx.recipe_field(key)
            if fr is None:
                continue
            fr.ops = [op for op in fr.ops if not isinstance(op, Case)]
            _place(fr.ops, Case(to=to))
        return f"{' and '.join(keys)} {'is' if len(keys) == 1 else 'are'} {to}-cased"

    return _change(apply)


_TRIM_RE = re.compile(r"\b(?:trim|strip)\b", re.I)
_TRIM_WORDS = _words_of("trim strip white space spaces whitespace blanks leading trailing surrounding off of from")


def _trim(ctx: _Ctx, text: str) -> _Step | None:
    if not _TRIM_RE.search(text) or _leftover(ctx, text, _TRIM_WORDS):
        return None
    keys = [m.key for m in ctx.mentions(text) if m.key] or [fr.field for fr in ctx.tr.fields if fr.source_columns()]

    def apply() -> str:
        for key in keys:
            fr = ctx.recipe_field(key)
            if fr is not None and not any(isinstance(op, Trim) for op in fr.ops):
                fr.ops.insert(0, Trim())
        return f"white space around {', '.join(keys)} is trimmed"

    return _change(apply)


_AFFIX_PATTERNS = [
    (_full(r"(?:prefix|prepend)\s+(?P<t>.+?)\s+with\s+(?P<v>.+)"), "prefix"),
    (_full(r"prepend\s+(?P<v>.+?)\s+to\s+(?P<t>.+)"), "prefix"),
    (_full(r"append\s+(?P<v>.+?)\s+to\s+(?P<t>.+)"), "suffix"),
    (
        _full(
            r"(?:add|put|prepend|insert)\s+(?P<v>.+?)\s+(?:before|in front of|at the start of|to the start of|"
            r"to the beginning of|as a prefix to|as prefix (?:to|for))\s+(?P<t>.+)"
        ),
        "prefix",
    ),
    (_full(r"(?:suffix|append)\s+(?P<t>.+?)\s+with\s+(?P<v>.+)"), "suffix"),
    (
        _full(
            r"(?:add|put|append)\s+(?P<v>.+?)\s+(?:after|at the end of|to the end of|behind|as a suffix to|"
            r"as suffix (?:to|for))\s+(?P<t>.+)"
        ),
        "suffix",
    ),
]


def _affix(ctx: _Ctx, text: str) -> _Step | None:
    for pattern, where in _AFFIX_PATTERNS:
        m = pattern.match(text)
        if m is None:
            continue
        value, quoted = ctx.text(m.group("v"))
        key = ctx.field(m.group("t"))
        if key is None or not (quoted or " " not in value):
            continue
        fr = ctx.recipe_field(key)
        if fr is None:
            continue

        def apply(f: FieldRecipe = fr, v: str = value, w: str = where, k: str = key) -> str:
            _place(f.ops, Affix(**{w: v}))
            return f"{k} gets '{v}' {'in front' if w == 'prefix' else 'at the end'}"

        return _change(apply)
    return None


# --- map a column to a field ---------------------------------------------------------------------

_INSTEAD_RE = re.compile(
    r"(?:\s+instead(?:\s+of\s+.+)?|\s+rather than\s+.+|\s+in place of\s+.+|,?\s+(?:but\s+)?not\s+[^,]+)$", re.I
)
_MAP_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (
        _full(
            r"(?:map|assign|link|match|connect|point|send|move|put|import|load|copy|route|bring|place|pipe|"
            r"migrate)\s+(?P<a>.+?)\s+(?:to|into|onto|in|as|under|->|\u2192|=>|over to|with)\s+(?P<b>.+?)"
        ),
        "ab",
    ),
    (
        _full(
            r"(?:use|take|pick|choose|select|read|prefer)\s+(?P<a>.+?)\s+(?:for|as|in|into|to fill|to populate|"
            r"as the source (?:for|of))\s+(?P<b>.+?)"
        ),
        "ab",
    ),
    (
        _full(
            r"(?P<b>.+?)\s+(?:should\s+|must\s+|will\s+|needs to\s+|has to\s+)?(?:come|comes|be taken|is taken|"
            r"be read|is read|be filled|is filled|be mapped|is mapped|be populated|is populated|be sourced|"
            r"is sourced)\s+(?:from|with|by|out of)\s+(?P<a>.+?)"
        ),
        "ab",
    ),
    (
        _full(
            r"(?:take|get|read|fill|populate|source|pull)\s+(?P<b>.+?)\s+(?:from|with|using|out of|off)\s+"
            r"(?P<a>.+?)"
        ),
        "ab",
    ),
    (
        _full(
            r"(?P<a>.+?)\s+(?:goes|go|should go|must go|belongs|belong|should belong|maps|map|is mapped|"
            r"should be mapped|feeds|fills|should fill|->|\u2192|=>|is for|should be used for|is used for)\s+"
            r"(?:to|into|in|onto|under|as)?\s*(?P<b>.+?)"
        ),
        "ab",
    ),
    (_full(r"(?P<b>.+?)\s*(?:<-|\u2190)\s*(?P<a>.+?)"), "ab"),
    (
        _full(
            r"(?P<b>.+?)\s+(?:is|=|are|should be|must be|equals|means|is in|lives in|is stored in|is found in|"
            r"is called|is named|corresponds to|is actually|is really|is the same as|matches)\s+(?P<a>.+?)"
        ),
        "either",
    ),
    (_full(r"(?P<b>[^:]+?)\s*:\s*(?P<a>.+?)"), "either"),
    (_full(r"(?P<a>.+?)\s+(?:to|into|for)\s+(?P<b>.+?)"), "bare"),  # 'and Mobile to phone', after a first mapping
]


def _map(ctx: _Ctx, text: str) -> _Step | None:
    instead = _INSTEAD_RE.search(text)
    core = text[: instead.start()] if instead else text
    for pattern, direction in _MAP_PATTERNS:
        m = pattern.match(core)
        if m is None:
            continue
        a, b = m.group("a"), m.group("b")
        pair = _column_and_field(ctx, a, b, direction)
        if pair is not None:
            column, key = pair
            return _map_step(ctx, key, column)
        if direction == "ab":  # a clear mapping verb: ask rather than give up
            asked = _map_question(ctx, a, b)
            if asked is not None:
                raise _Ask(asked)
    return None


def _column_and_field(ctx: _Ctx, a: str, b: str, direction: str) -> tuple[str, str] | None:
    """(column, field) for two spans, trying the reverse reading for 'X is Y' clauses; None unless both fit."""
    readings = [(a, b)] + ([(b, a)] if direction == "either" else [])
    best: tuple[float, str, str] | None = None
    for col_span, field_span in readings:
        if ctx.is_value(ctx.text(col_span)[0]) and ctx.rank_columns(col_span).score < 0.97:
            continue
        columns, fields = ctx.rank_columns(col_span), ctx.rank_fields(field_span)
        if columns.name and fields.name and columns.score >= MENTION:  # a synonym alone is asked about
            score = min(columns.score, fields.score)
            if best is None or score > best[0]:
                best = (score, columns.name, fields.name)
    if best is None:
        return None
    score, column, key = best
    ctx.column(column)  # raises when ambiguous
    ctx.scores.append(score)
    ctx.focus = key
    return column, key


def _map_question(ctx: _Ctx, a: str, b: str) -> _Question | None:
    """A clear column with no field it could go to (or the reverse): ask instead of guessing."""
    columns = ctx.rank_columns(a)
    phrase, _ = ctx.text(b)
    clear_column = columns.name and columns.score >= 0.9 and not ctx.is_value(phrase)
    if clear_column and columns.name and (_VAGUE_TARGETS_RE.match(phrase) or not ctx.rank_fields(b).name):
        return _where_question(ctx, columns.name)
    fields = ctx.rank_fields(b)
    if fields.name and fields.score >= 0.9 and not ctx.is_value(ctx.text(a)[0]) and len(a.split()) <= 4:
        return _which_source_question(ctx, fields.name, ctx.text(a)[0])
    return None


def _where_question(ctx: _Ctx, column: str) -> _Question:
    free = [f.key for f in ctx.template.fields if not _sources(ctx, f.key)]
    options: list[tuple[str, _Choice]] = [(key, f"map {_quote(column)} to {key}") for key in free]
    options.append(("Don't import it", f"don't import {_quote(column)}"))
    samples = ", ".join(f"'{s}'" for s in ctx.samples.get(column, [])[:3])
    return _Question(
        topic=f"where_{_slug(column)}",
        text=f"Which field should '{column}' go to?",
        context=(f"Samples: {samples}. " if samples else "")
        + (f"Fields not filled yet: {', '.join(free)}." if free else "Every field is already filled."),
        options=options,
        custom=f"map {_quote(column)} to {{answer}}",
    )


def _which_source_question(ctx: _Ctx, key: str, phrase: str) -> _Question:
    ranked = [c for c, s in ctx.rank_columns(phrase).ranked if s > 0.3][:4]
    ranked += [c for c in ctx.columns if not ctx.readers(c) and c not in ranked][: max(0, 4 - len(ranked))]
    options: list[tuple[str, _Choice]] = [(f"'{c}'", f"map {_quote(c)} to {key}") for c in ranked]
    options.append((f"Leave {key} empty", f"don't fill {key}"))
    return _Question(
        topic=f"source_{key}",
        text=f"There is no column '{phrase}'. Which column should {key} come from?",
        context=f"Columns: {', '.join(repr(c) for c in ctx.columns)}.",
        options=options,
        custom=f"map {{answer}} to {key}",
    )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", fold(text)).strip("_") or "column"


def _map_step(ctx: _Ctx, key: str, column: str) -> _Step:
    if key in _name_fields(ctx) and _is_full_name(column):
        return _change(lambda: _apply_name_split(ctx, column, [key]))  # a full name feeds a name part
    fr = ctx.recipe_field(key)
    if fr is not None and fr.column == column and not _ops_columns(fr):
        return _note(f"{key} already comes from '{column}'")
    return _change(lambda: _map_column(ctx, key, column))


def _map_column(ctx: _Ctx, key: str, column: str) -> str:
    old = ctx.recipe_field(key)
    new = _fresh(ctx, key, column)
    if old is not None:
        # what a person set about the field stays: phone region, default value, letter case
        for op in old.ops:
            if isinstance(op, PhoneE164) and op.region:
                for mine in new.ops:
                    if isinstance(mine, PhoneE164):
                        mine.region = op.region
            if isinstance(op, Default | Case):
                _place(new.ops, op)
    _put(ctx.tr, new)
    was = old.source_columns() if old is not None else []
    instead = f" instead of {' and '.join(repr(c) for c in was)}" if was and was != [column] else ""
    return f"{key} now comes from '{column}'{instead}"


def _fresh(ctx: _Ctx, key: str, column: str) -> FieldRecipe:
    return FieldRecipe.model_validate(field_from_mapping(key, column, ctx.spec(key).type))


# --- value maps -----------------------------------------------------------------------------------

_VALUE_VERB_RE = re.compile(
    r"^(?:treat|read|interpret|consider|count|regard|handle|take|understand|translate|convert|map|change|turn|"
    r"recode|rename|replace|make|set|mark|see)\s+",
    re.I,
)
_PAIR_RE = re.compile(
    r"^(?P<a>.+?)\s*(?:\bas\b|\bis\b|\bare\b|\bmeans?\b|==?|->|\u2192|=>|\bto\b|\binto\b|\bshould be\b|"
    r"\bshould become\b|\bbecomes?\b|\bequals\b|\bstands for\b|\bwith\b|\bis the same as\b|:)\s*(?P<b>.+)$",
    re.I,
)
_NOT_VALUES = _STOPWORDS | _words_of("set make use map put treat change take")
_NULL_WORDS = frozenset({"empty", "blank", "null", "nothing", "none", "missing", "no value", "nil", "unknown"})
_SCOPE_PREFIX_RE = re.compile(r"^(?:for|in|on|within|inside)\s+(?:the\s+)?(?P<s>[^,:]+?)\s*[,:]\s*(?P<rest>.+)$", re.I)
_SCOPE_SUFFIX_RE = re.compile(r"^(?P<rest>.+?)\s+(?:in|for|on|within|inside|of)\s+(?:the\s+)?(?P<s>[^,]+?)$", re.I)


def _values(ctx: _Ctx, text: str) -> _Step | None:
    rest, scope = text, None
    for scope_re in (_SCOPE_PREFIX_RE, _SCOPE_SUFFIX_RE):
        m = scope_re.match(text)
        if m and (found := ctx.field(m.group("s"))) is not None:
            rest, scope = m.group("rest"), found
            break
    verb = _VALUE_VERB_RE.match(rest)
    pairs = _pairs(ctx, rest[verb.end() :] if verb else rest)
    if not pairs:
        return None
    grouped: dict[str, dict[str, str | None]] = {}
    for sources, target in pairs:
        key = scope or _value_field(ctx, sources, target)
        if key is None and verb:
            shown = ", ".join(_quote(s) for s in sources)
            to = _quote(target) if target is not None else "empty"
            raise _Ask(
                _fields_question(
                    ctx,
                    "value_field",
                    f"Which field should {shown} become {to} in?",
                    partial(_treat_clause, shown, to),
                )
            )
        if key is None:
            return None
        spec = ctx.spec(key)
        value = target
        if target is not None and spec.values:
            value = _allowed_value(spec, target)
            if value is None:
                shown = ", ".join(_quote(s) for s in sources)
                raise _Ask(_allowed_question(ctx, key, target, partial(_treat_in, shown, key)))
        for source in sources:
            grouped.setdefault(key, {})[_sample_spelling(ctx, key, source)] = value
    return _change(lambda: "; ".join(_apply_value_map(ctx, k, m) for k, m in grouped.items()))


def _sample_spelling(ctx: _Ctx, key: str, value: str) -> str:
    """The value as the file spells it ('kunde' typed, 'Kunde' in the file)."""
    fr = ctx.recipe_field(key)
    for column in fr.source_columns() if fr else []:
        for sample in ctx.samples.get(column, []):
            if fold(sample) == fold(value):
                return sample
    return value


def _treat_clause(sources: str, target: str, key: str) -> str:
    return f"treat {sources} as {target} in {key}"


def _treat_in(sources: str, key: str, target: str) -> str:
    return f"treat {sources} as {_quote(target)} in {key}"


def _pairs(ctx: _Ctx, text: str) -> list[tuple[list[str], str | None]]:
    """'A as B, C as D' / 'A and B are C' → [([A], B), ([C], D)]; [] when the text is not such a list."""
    items = [i for i in re.split(r"\s*(?:,|;|&)\s*(?:and\s+)?|\s+and\s+", text.strip()) if i]
    pairs: list[tuple[list[str], str | None]] = []
    waiting: list[str] = []
    for item in items:
        m = _PAIR_RE.match(item)
        if m is None:
            value, quoted = ctx.text(item)
            if not (quoted or len(value.split()) <= 2):
                return []
            waiting.append(value)
            continue
        source, s_quoted = ctx.text(m.group("a"))
        target, t_quoted = ctx.text(m.group("b"))
        if not (s_quoted or len(source.split()) <= 3) or not (t_quoted or len(target.split()) <= 3) or not source:
            return []
        if not s_quoted and not ctx.is_value(source) and set(source.lower().split()) & _NOT_VALUES:
            return []  # 'if status' or 'set it' is part of a sentence, not a value
        if not s_quoted and (
            ctx.rank_fields(m.group("a")).score >= 0.97 or ctx.rank_columns(m.group("a")).score >= 0.97
        ):
            return []  # 'status to lead' names a field, not a value
        pairs.append(([*waiting, source], None if not t_quoted and target.lower() in _NULL_WORDS else target))
        waiting = []
    return pairs if pairs and not waiting else []


def _value_field(ctx: _Ctx, sources: list[str], target: str | None) -> str | None:
    """The field a value translation is about: its column's samples hold the source, or it allows the target."""
    by_samples = []
    for fr in ctx.tr.fields:
        seen = {fold(s) for c in fr.source_columns() for s in ctx.samples.get(c, [])}
        if any(fold(s) in seen for s in sources):
            by_samples.append(fr.field)
    by_target = [f.key for f in ctx.template.fields if f.values and target is not None and _allowed_value(f, target)]
    both = [k for k in by_samples if k in by_target]
    for group in (both, by_samples if target is None or not by_target else [], by_target if not by_samples else []):
        if len(group) == 1:
            ctx.scores.append(0.95)
            return group[0]
    if len(both) > 1 or len(by_samples) > 1:
        shown = ", ".join(_quote(s) for s in sources)
        to = _quote(target) if target is not None else "empty"
        raise _Ask(
            _fields_question(
                ctx,
                "value_field",
                f"Which field should {shown} become {to} in?",
                lambda k: f"treat {shown} as {to} in {k}",
            )
        )
    return None


def _apply_value_map(ctx: _Ctx, key: str, mapping: dict[str, str | None]) -> str:
    fr = ctx.recipe_field(key)
    if fr is None:
        fr = FieldRecipe(field=key)
        _put(ctx.tr, fr)
    op = next((o for o in fr.ops if isinstance(o, MapValues)), None)
    if op is None:
        op = MapValues(mapping={})
        _place(fr.ops, op)
    lowered = {k.strip().lower(): k for k in op.mapping}
    for source, target in mapping.items():
        op.mapping.pop(lowered.get(source.strip().lower(), source), None)
        op.mapping[source] = target
    shown = ", ".join(f"'{s}' \u2192 {t if t is not None else 'empty'}" for s, t in mapping.items())
    return f"{key} maps {shown}"


_OTHER_VALUES_PATTERNS = [
    _full(
        r"(?:treat\s+|map\s+|make\s+)?(?:everything|anything|all(?: the)?|any)\s+(?:other\s+values?\s+|else\s+)"
        r"(?:in\s+(?P<f>.+?)\s+)?(?:is|are|becomes?|should be|to|as|->|=|into)\s+(?P<v>.+)"
    ),
    _full(
        r"(?:treat\s+|map\s+|make\s+)?(?:the\s+)?(?:other|remaining|unknown|unmapped|leftover)\s+values?\s+"
        r"(?:in\s+|of\s+)?(?P<f>.+?)?\s*(?:is|are|becomes?|become|should be|to|as|->|=|into)\s+(?P<v>.+)"
    ),
]


def _other_values(ctx: _Ctx, text: str) -> _Step | None:
    """'everything else is lead': the value for source values no translation names."""
    for m in _match(_OTHER_VALUES_PATTERNS, text):
        value, _ = ctx.text(m.group("v"))
        if m.group("f"):
            key = ctx.field(m.group("f"))
        else:
            keys = [f.key for f in ctx.template.fields if f.values and _allowed_value(f, value)]
            mapped = [k for k in keys if any(isinstance(o, MapValues) for o in _ops(ctx, k))]
            key = (mapped or keys)[0] if len(mapped or keys) == 1 else None
        if key is None:
            continue
        literal = _allowed_value(ctx.spec(key), value)
        if literal is None:
            raise _Ask(_allowed_question(ctx, key, value, partial(_others_clause, key)))
        return _change(partial(_apply_other_values, ctx, key, literal))
    return None


def _others_clause(key: str, value: str) -> str:
    return f"everything else in {key} is {_quote(value)}"


def _ops(ctx: _Ctx, key: str) -> list[Op]:
    fr = ctx.recipe_field(key)
    return fr.ops if fr else []


def _apply_other_values(ctx: _Ctx, key: str, value: str) -> str:
    fr = ctx.recipe_field(key)
    if fr is None:
        fr = FieldRecipe(field=key)
        _put(ctx.tr, fr)
    op = next((o for o in fr.ops if isinstance(o, MapValues)), None)
    if op is None:
        op = MapValues(mapping={})
        _place(fr.ops, op)
    op.default = value
    return f"any other {key} value becomes '{value}'"


# --- vague requests and filler ----------------------------------------------------------------------

_KEEP_COLUMN_PATTERNS = [
    _full(
        r"(?:put|keep|import|include|map|use|save|store|bring(?: over)?|add|preserve|retain|carry(?: over)?|"
        r"migrate|load|copy|send|do something with)\s+(?P<a>.+?)(?:\s+(?:somewhere|anywhere|too|as well|also|"
        r"in some field|in a field|some ?place|somewhere else|(?:in|into|to) (?:some|any|another|a|an) "
        r"(?:other )?(?:field|place|column|spot)))?"
    ),
    _full(r"(?:don'?t|do not)\s+(?:lose|throw away|forget|ignore)\s+(?P<a>.+?)"),
    _full(
        r"(?:i|we)\s+(?:need|want|would like|'d like)\s+(?P<a>.+?)(?:\s+(?:too|as well|also|imported|kept|included))?"
    ),
    _full(
        r"(?P<a>.+?)\s+(?:should|must|need to|needs to|has to|have to)\s+(?:be\s+)?(?:imported|kept|included|"
        r"go somewhere|be somewhere|end up somewhere|land somewhere|mapped)(?:\s+somewhere)?"
    ),
    _full(r"where (?:do|does|can|should) (?P<a>.+?) go"),
]


def _keep_column(ctx: _Ctx, text: str) -> _Step | None:
    for m in _match(_KEEP_COLUMN_PATTERNS, text):
        ranked = ctx.rank_columns(m.group("a"))
        if not ranked.name or ranked.score < 0.9:
            continue
        readers = ctx.readers(ranked.name)
        if readers:
            return _note(f"'{ranked.name}' is already imported into {', '.join(readers)}")
        raise _Ask(_where_question(ctx, ranked.name))
    return None


_FILLER_RE = _full(
    r"(?:thanks|thank you|thx|ok|okay|cool|great|perfect|nice|that'?s (?:all|it)|nothing else|"
    r"cheers|done|good|looks good|fine|yes|yep|no worries)"
)


def _filler(ctx: _Ctx, text: str) -> _Step | None:
    return _Step("ignore") if _FILLER_RE.match(text) or not text.strip() else None


_RECOGNISERS: list[Callable[[_Ctx, str], _Step | None]] = [
    _filler,
    _undo,
    _template_level,
    _dedup,
    _filter,
    _phone_region,
    _date_order,
    _split,
    _concat,
    _domain,
    _conditional_value,
    _fill,
    _set_constant,
    _unmap,
    _case,
    _trim,
    _affix,
    _map,
    _other_values,
    _values,
    _keep_column,
]


# ------------------------------------------------------------------------------------------ typos


def _vocabulary(ctx: _Ctx) -> list[str]:
    """Words a typo may be corrected to: the grammar's own words and the names and values of this template."""
    words = set(_GRAMMAR_WORDS)
    names = [*ctx.columns, *(n for f in ctx.template.fields for n in _field_names(f))]
    names += [v for vs in ctx.samples.values() for v in vs] + [v for f in ctx.template.fields for v in f.values or []]
    for name in names:
        for word in re.findall(r"[a-z]+", fold(name)):
            words.update({word, word + "s"})
    return sorted(w for w in words if len(w) >= 3)


def _fix_typos(ctx: _Ctx, text: str) -> str:
    return fix_typos(text, _vocabulary(ctx))


def _closest(word: str, vocabulary: list[str], known: set[str]) -> str:
    low = word.lower()
    if low in known or len(low) < 3:
        return word
    if len(low) == 3:  # short words: only swapped letters ('mpa' → map), anything else is too risky
        swapped = [w for w in vocabulary if len(w) == 3 and sorted(w) == sorted(low)]
        return swapped[0] if len(swapped) == 1 else word
    limit = 1 if len(low) <= 6 else 2
    found = process.extract(low, vocabulary, scorer=DamerauLevenshtein.distance, score_cutoff=limit, limit=5)
    if not found:
        return word
    # closest first; between equally close words, the one sharing more letters ('splt' → split, not spot)
    ranked = sorted(found, key=lambda f: (f[1], -fuzz.ratio(low, f[0])))
    if (
        len(ranked) > 1
        and ranked[1][1] == ranked[0][1]
        and fuzz.ratio(low, ranked[1][0]) == fuzz.ratio(low, ranked[0][0])
    ):
        return word
    return str(ranked[0][0])


def _grammar_words() -> frozenset[str]:
    sources: list[str] = [p.pattern for p in _FILTER_PATTERNS + _FILL_PATTERNS + _UNMAP_PATTERNS + _SPLIT_PATTERNS]
    sources += [p.pattern for p, _ in _MAP_PATTERNS] + [p.pattern for p in _KEEP_COLUMN_PATTERNS + _CONCAT_PATTERNS]
    sources += [_UNDO_CUE_RE.pattern, _DEDUP_CUE_RE.pattern, _LEVEL_RE.pattern, _VALUE_VERB_RE.pattern]
    sources += [p for _, p in _ORDER_WORDS] + [p for _, p in _CASES] + [_PHONE_CUE_RE.pattern]
    words = {w for s in sources for w in re.findall(r"[a-z]{3,}", s)}
    words |= _FILLER | _UNDO_WORDS | _DEDUP_WORDS | _PHONE_WORDS | _DATE_WORDS | _CASE_WORDS | _DOMAIN_WORDS
    words |= set(_ADJECTIVES) | {n for names in COUNTRIES.values() for n in names if " " not in n}
    return frozenset(w for w in words if w.isalpha())


_GRAMMAR_WORDS = _grammar_words()


# ------------------------------------------------------------------------------------------ recipe helpers

# Where each op goes in a field's pipeline: sources, cleaning, fallbacks, value maps, typing, final touches.
_STAGE = {
    "trim": 0, "concat": 1, "coalesce": 1, "json_extract": 1, "regex_extract": 1, "split": 2, "split_name": 2,
    "url_to_domain": 2, "null_tokens": 3, "fill_from": 4, "map_values": 5, "parse_date": 6, "parse_datetime": 6,
    "to_number": 6, "to_boolean": 6, "phone_e164": 6, "email_normalize": 6, "case": 7, "affix": 7, "default": 8,
}  # fmt: skip


def _place(ops: list[Op], op: Op) -> None:
    """Insert `op` at its stage: after every op of the same or an earlier stage."""
    stage = _STAGE[op.op]
    index = next((i for i, o in enumerate(ops) if _STAGE[o.op] > stage), len(ops))
    ops.insert(index, op)


def _put(tr: TemplateRecipe, fr: FieldRecipe) -> None:
    for i, existing in enumerate(tr.fields):
        if existing.field == fr.field:
            tr.fields[i] = fr
            return
    tr.fields.append(fr)


def _ops_columns(fr: FieldRecipe) -> list[str]:
    """Columns read by the ops besides the main column (fallbacks, joins)."""
    return [c for op in fr.ops for c in op.columns()]
