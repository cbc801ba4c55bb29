"""The resolver: which column, field or value a typed phrase names, and typos fixed against what is known.

Names are matched loosely (case, punctuation, plurals, typos, labels, aliases and CRM synonyms); a phrase two
names fit equally well raises a question (`Ask`) rather than a guess. `Ctx` is one template as a recogniser
sees it: its fields, the recipe part, the source sheet's columns and samples.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from ferry.agent.normalize import fold, normalize_header
from ferry.agent.synonyms import concepts_of, singular_phrase
from ferry.core.domain import Template, TemplateField
from ferry.recipe.editor.common_typos import fix_slips
from ferry.recipe.editor.english_words import is_common_word
from ferry.recipe.editor.messages import HOLE_RE, quote
from ferry.recipe.editor.steps import Ask, Question
from ferry.recipe.model import FieldRecipe, TemplateRecipe

ACCEPT = 0.8  # a name matched at least this well is taken as meant
MENTION = 0.85  # a word group inside a sentence must match this well to count as naming a column or field


def words_of(text: str) -> frozenset[str]:
    """A word list written as one string (vocabularies read better that way)."""
    return frozenset(text.split())


STOPWORDS = words_of(
    "a an the and or of to in on for with by it its is are be as at from this that these those all any "
    "each every some no not do does please should must can will would could so then also only just if "
    "when where which who whose they them their there have has had was were been my our your we i you me "
    "us than into onto"
)
_SPAN_START_RE = re.compile(
    r"^(?:(?:(?:column|field|col)s? (?:of|for|with|called|named)|the|a|an|any|all|every|each|our|my|your|their|"
    r"this|these|those|its|column|field|col|source|target)\s+)+",
    re.I,
)
_SPAN_END_RE = re.compile(
    r"(?:\s+(?:column|columns|field|fields|col|cols|header|values?|entries|cells?|data|one|ones|instead|too|"
    r"as well|please|here|then|now))+$",
    re.I,
)
PRONOUNS = frozenset({"it", "them", "that", "this", "those", "these", "they", "its", "that one", "this one"})


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


_GENERIC_TAILS = frozenset(
    {"number", "address", "col", "data", "value", "phone", "code", "text", "cell", "entry", "num", "nums", "nr", "no"}
)


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
class Ctx:
    """One template as the editor sees it: its fields, the recipe part and the source sheet's columns."""

    template: Template
    tr: TemplateRecipe
    columns: list[str]
    samples: dict[str, list[str]]
    quotes: list[str] = field(default_factory=list)
    focus: str | None = None  # the field 'it'/'them' refers to
    scores: list[float] = field(default_factory=list)
    # the grammar's own words a typo may be corrected to; gathered by the dispatcher, which knows every family
    grammar: frozenset[str] = frozenset()

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

    def sources(self, key: str) -> list[str]:
        """The columns a field reads now ([] when it is not filled from the file)."""
        fr = self.recipe_field(key)
        return fr.source_columns() if fr else []

    def is_value(self, text: str) -> bool:
        """The text is a cell value seen in the samples or an allowed enum value (so not a name)."""
        folded = fold(text.strip())
        values = [v for vs in self.samples.values() for v in vs]
        values += [v for f in self.template.fields for v in f.values or []]
        return any(fold(v) == folded for v in values)

    def known_value(self, text: str, columns: list[str] | None = None) -> str | None:
        """The value a typed value means, as the file or the template spells it: the same text, or the one known
        value within one typo (two for values over 6 letters; 'Interesent' → Interessent, 'UAS' → USA); None
        when no value, or two, are that close. `columns` limits the file's values to those columns' samples."""
        pool = [v for c in (self.columns if columns is None else columns) for v in self.samples.get(c, [])]
        if columns is None:
            pool += [v for f in self.template.fields for v in f.values or []]
        folded = fold(text.strip())
        for value in pool:
            if fold(value) == folded:
                return value
        if len(folded) < 3 or " " in folded.strip():
            return None
        if len(folded) <= 3:  # short values: only swapped letters ('UAS' → USA), anything else is too risky
            near = {fold(v): v for v in pool if sorted(fold(v)) == sorted(folded)}
        else:
            limit = 1 if len(folded) <= 6 else 2
            near = {fold(v): v for v in pool if DamerauLevenshtein.distance(folded, fold(v)) <= limit}
        return next(iter(near.values())) if len(near) == 1 else None

    # --- resolving phrases ----------------------------------------------------------------------------

    def text(self, span: str) -> tuple[str, bool]:
        """A captured span without articles and 'column'/'field', holes filled; and whether it was quoted."""
        span = _SPAN_END_RE.sub("", _SPAN_START_RE.sub("", span.strip(" ,.:;!?"))).strip(" ,.:;!?")
        hole = HOLE_RE.fullmatch(span)
        if hole:
            return self.quotes[int(hole.group(1))], True
        return HOLE_RE.sub(lambda m: self.quotes[int(m.group(1))], span), False

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
        if phrase.lower() in PRONOUNS and self.focus:
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
            raise Ask(self._which_column_question(span, ranked.rivals))
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
            raise Ask(self._which_field_question(span, fields.rivals))
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
        words = words_in(text)
        taken = [False] * len(words)
        found: list[_Mention] = []
        for size in range(min(4, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                if any(taken[start : start + size]):
                    continue
                group = words[start : start + size]
                if size == 1 and group[0].lower() in PRONOUNS and self.focus:
                    found.append(_Mention("field", self.focus, self.focus, start, 1, group[0]))
                    taken[start] = True
                    continue
                content = [w.lower() for w in group if w.lower() not in STOPWORDS]
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

    def _which_column_question(self, span: str, names: list[str]) -> Question:
        phrase, _ = self.text(span)
        return Question(
            topic="which_column",
            text=f"Which column do you mean by \u201c{phrase}\u201d?",
            context="Several source columns have a similar name: " + ", ".join(f"'{n}'" for n in names) + ".",
            options=[(f"'{n}'", ("replace", span, quote(n))) for n in names],
        )

    def _which_field_question(self, span: str, keys: list[str]) -> Question:
        phrase, _ = self.text(span)
        return Question(
            topic="which_field",
            text=f"Which field do you mean by \u201c{phrase}\u201d?",
            context="Several template fields have a similar name: " + ", ".join(keys) + ".",
            options=[(k, ("replace", span, k)) for k in keys],
        )

    # --- typos ----------------------------------------------------------------------------------------

    def vocabulary(self) -> list[str]:
        """Words a typo may be corrected to: the grammar's own words and the names and values of this template."""
        words = set(self.grammar)
        names = [*self.columns, *(n for f in self.template.fields for n in _field_names(f))]
        names += [v for vs in self.samples.values() for v in vs]
        names += [v for f in self.template.fields for v in f.values or []]
        for name in names:
            found = re.findall(r"[a-z]+", fold(name))
            for word in found:
                words.update({word, word + "s"})
                if re.search(r"[^aeiou]y$", word):  # 'Contries' is a typo of 'countries', the plural of country
                    words.add(word[:-1] + "ies")
            if 1 < len(found) <= 3:
                words.add("".join(found))  # 'Fulname' → fullname, which names 'Full Name'
        words.update({"split", "splits"})
        return sorted(w for w in words if len(w) >= 3)

    def fix_typos(self, text: str) -> str:
        """The text with each unknown word corrected to this template's vocabulary."""
        return fix_typos(text, self.vocabulary())


# Words that never name a column or field on their own inside a sentence.
_NOT_NAMES = words_of(
    "first last row rows record records entry entries value values empty blank missing number numbers "
    "name names date dates day month year format keep drop only one per instead use take map put set make"
)


def _field_names(f: TemplateField, *, lower: bool = False) -> list[str]:
    names = [f.key, f.key.replace("_", " "), *([f.label] if f.label else []), *(f.aliases or [])]
    return [n.lower() for n in names] if lower else names


def words_in(text: str) -> list[str]:
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


# --- people's names: a full name column feeds the first and last name fields --------------------------


def is_full_name(column: str) -> bool:
    return concepts_of(column).get("full_name", 0.0) >= 0.9


def name_fields(ctx: Ctx) -> list[str]:
    first = [f.key for f in ctx.template.fields if concepts_of(f.key).get("first_name", 0) >= 0.9]
    last = [f.key for f in ctx.template.fields if concepts_of(f.key).get("last_name", 0) >= 0.9]
    return first[:1] + last[:1]


# --- typos --------------------------------------------------------------------------------------------


def fix_typos(text: str, vocabulary: list[str]) -> str:
    """Each unknown word replaced by the one vocabulary word within one typo (two for words over 6 letters)."""
    known = set(vocabulary)
    text = fix_slips(text, known)  # 'teh', 'cse', 'ot of': slips of small words the vocabulary lacks

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        if "-" in word:  # 'E-mial': the whole word against glued names ('email') before its parts
            parts = word.split("-")
            if all(p.lower() in known or len(p) < 3 for p in parts):
                return word
            glued = _closest("".join(parts), vocabulary, known)
            if glued != "".join(parts):
                return glued
            return "-".join(_closest(p, vocabulary, known) for p in parts)
        return _closest(word, vocabulary, known)

    return re.sub(r"(?<![\u27e6\d])[A-Za-z]+(?:-[A-Za-z]+)*(?![\u27e7\d])", fix, text)


def _closest(word: str, vocabulary: list[str], known: set[str]) -> str:
    low = word.lower()
    if low in known or len(low) < 3 or is_common_word(low):  # a correct English word is no typo ('were', 'weed')
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
