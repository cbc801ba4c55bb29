"""The fallback reader: a clause no wording rule read, recognised from its cues and the names it holds.

When neither the families nor the rephrasings understand a clause, its meaning is often still plain from *what* it
names and a few cue words anywhere in it: two phone columns and "empty" say a fallback column, a value of the file next
to an allowed value says a translation, rows with "without X" and "don't want" say a row filter. Each `Frame` below
takes the entities the resolver found (columns, fields, values of the file, allowed values) and the cues, and says the
plain command it would mean; that command is then read by the families like typed text, so every name is resolved and
every question asked as usual. A frame speaks only when every name the clause holds is one it uses (a clause naming
something else is another instruction, or one not understood), a reading is applied only when exactly one frame
gives one, and two readings become a question with both as options: a wrong change is worse than a question.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ferry.agent.enums import country_code
from ferry.agent.normalize import fold
from ferry.recipe.editor.mapping import MAP_VERBS
from ferry.recipe.editor.resolver import PRONOUNS, Ctx, is_full_name, name_fields, words_in
from ferry.recipe.editor.steps import Question, Step

_MISSING = frozenset({"no", "without", "lacking", "missing", "empty", "blank", "absent", "null", "none", "lack"})
_CONDITION = _MISSING | {"only", "otherwise", "else", "unless", "fallback", "backup", "if", "when", "where"}
_BUILD = frozenset({"build", "building", "generate", "generating", "create", "creating", "construct", "derive"})
# a word that asks for something: without one, 'Contacts without email have a website' only describes the data
_ASKING = _BUILD | {
    "use", "used", "take", "taken", "fill", "filled", "put", "map", "then", "instead", "otherwise", "else", "backup",
    "fallback", "first", "should", "must", "shall", "want", "prefer", "come", "comes", "make", "can", "could",
    "get", "gets", "need", "needs", "keep", "swap", "substitute", "sub",
} | {verb.split()[0] for verb in MAP_VERBS}  # fmt: skip
_ROWS = frozenset({"row", "rows", "contact", "contacts", "record", "records", "entry", "entries", "line", "lines"})
_NOT_WANTED_RE = re.compile(
    r"\b(?:(?:don't|do not|not|never|shouldn't|should not|mustn't|must not|won't|will not|no)\s+(?:\w+\s+){0,2}?"
    r"(?:want|need|import|keep|bring|load|take|be imported|be kept)|drop|skip|exclude|remove|delete|discard|"
    r"throw|filter out|leave out|can go|go away|get rid)\b",
    re.I,
)
_NEGATION_RE = re.compile(r"\b(?:not|never|no longer|nor)\b|n't\b", re.I)
_KEEP_RE = re.compile(
    r"\b(?:keep|retain|(?:don't|do not)\s+(?:want\s+to\s+)?(?:drop|lose)|not losing|over losing|"
    r"not\s+(?:be\s+)?(?:dropped|removed|deleted|skipped|excluded|lost))\b",
    re.I,
)
# a removal denied ('X, don't delete them', 'never remove them'): the rows are kept, so no filter drops them
_DENIED_REMOVAL_RE = re.compile(
    r"\b(?:don'?t|do\s+not|never|no)\s+(?:want\s+to\s+)?(?:drop|lose|delete|remove|erase|discard|exclude|skip|"
    r"throw\s+(?:out|away)|get\s+rid\s+of)\b",
    re.I,
)


@dataclass
class Entities:
    """What a clause names: its words, the columns and fields the resolver found in them, and the values."""

    words: list[str]
    columns: list[tuple[int, str]]  # (word position, column)
    fields: list[tuple[int, str]]  # (word position, field key), a column's field not included
    sources: list[tuple[int, str]]  # (word position, a value of the file)
    targets: list[tuple[int, str, str]]  # (word position, field key, an allowed value of that enum field)
    parts: list[int]  # for each word, which part of the sentence (cut at commas, colons, dashes) it is in
    sizes: dict[int, int]  # how many words the name starting at a position takes ('the work phone': 3)

    def lower(self) -> list[str]:
        return [w.lower() for w in self.words]


def entities(ctx: Ctx, text: str) -> Entities:
    words = words_in(text)
    taken = [False] * len(words)
    columns: list[tuple[int, str]] = []
    fields: list[tuple[int, str]] = []
    sizes: dict[int, int] = {}
    for m in ctx.mentions(text):
        if m.phrase.lower() in PRONOUNS or m.phrase.lower() in _CUES_NOT_NAMES:
            continue
        sizes[m.start] = m.size
        taken[m.start : m.start + m.size] = [True] * m.size
        if m.kind == "column":
            columns.append((m.start, m.name))
        else:
            fields.append((m.start, m.name))
    sources: list[tuple[int, str]] = []
    targets: list[tuple[int, str, str]] = []
    for i, word in enumerate(words):
        allowed = [(f.key, v) for f in ctx.template.fields for v in f.values or [] if fold(v) == fold(word)]
        if allowed:
            targets.append((i, *allowed[0]))
        elif not taken[i] and len(word) >= 3 and (value := ctx.known_value(word, ctx.columns)) is not None:
            if fold(value) != fold(word) and word.lower() in ctx.grammar:
                continue  # a word of the grammar ('fallback') is not a typo of a value ('call back')
            sources.append((i, value))
            taken[i] = True
    targets += _countries(ctx, words, taken, {i for i, _, _ in targets})
    targets.sort()
    parts = [n for n, piece in enumerate(re.split(r"[,;:()\u2014\u2013]|\s-\s|->|=>", text)) for _ in words_in(piece)]
    if len(parts) != len(words):  # a cut inside a word: read the sentence as one part
        parts = [0] * len(words)
    return Entities(words, columns, fields, sources, targets, parts, sizes)


def _countries(ctx: Ctx, words: list[str], taken: list[bool], seen: set[int]) -> list[tuple[int, str, str]]:
    """Country names ('United States', 'Germany') as the code an enum field of country codes allows."""
    found: list[tuple[int, str, str]] = []
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            span = range(start, start + size)
            if any(taken[i] or i in seen for i in span):
                continue
            code = country_code(" ".join(words[start : start + size]))
            fields = [f.key for f in ctx.template.fields if code and code in (f.values or [])]
            if code and fields and len(words[start]) > 2:
                found.append((start, fields[0], code))
                seen.update(span)
    return found


Frame = Callable[[Ctx, Entities], str | None]


_BEFORE = frozenset({"no", "without", "lacking", "lack", "missing", "nothing"})  # said before the name: 'no Mobile'
_AFTER = frozenset({"empty", "blank", "missing", "absent", "null", "none"})  # said after it: 'Work Phone is empty'
# words that say a value is (not) there, never a name here ('no Land given': not the given name)
_CUES_NOT_NAMES = frozenset({"given", "set", "provided", "filled", "known", "there"})
_ARTICLES = frozenset({"the", "a", "an", "any", "their", "its"})


def marked(e: Entities, position: int) -> bool:
    """A missing-value cue right before the name ('no Mobile') or right after it ('Work Phone is empty'), within
    the same part of the sentence (a comma ends it)."""
    low, part, size = e.lower(), e.parts[position], e.sizes.get(position, 1)
    # walking back from the name over articles and the name's own leading words ('no Land' is one name to the
    # resolver, 'without the work phone' another) to the word before it
    for i in range(position + size - 2, max(-1, position - 3), -1):
        if e.parts[i] != part:
            break
        if low[i] in _BEFORE:
            return True
        if not (i >= position or low[i] in _ARTICLES or low[i] in ("in", "for")):  # 'nothing in the work phone'
            break
    after = [i for i in range(position + size, min(len(low), position + size + 3)) if e.parts[i] == part]
    return any(low[i] in _AFTER for i in after)


def fallback_column(ctx: Ctx, e: Entities) -> str | None:
    """'Work Phone first, and where it's empty, Mobile': a field read from its column, another column when empty."""
    found = _fallback(ctx, e)
    return f"if there is no {found[0]}, use {found[1]}" if found else None


def _fallback(ctx: Ctx, e: Entities) -> tuple[str, str] | None:
    """The field and the column it falls back to, when the clause's names and cues say one."""
    low = e.lower()
    if e.sources or e.targets or not any(w in _CONDITION for w in low) or "domain" in low:
        return None
    if not any(w in _ASKING for w in low):
        return None
    keys = {k for _, k in e.fields} | {r for _, c in e.columns for r in ctx.readers(c)[:1]}
    if len(keys) != 1:
        return None
    key = keys.pop()
    current = ctx.sources(key)
    spare = [(i, c) for i, c in e.columns if c not in current]
    if len(spare) != 1 or not current:
        return None
    at, column = spare[0]
    if marked(e, at) and not any(w in ("only", "have", "has") for w in low[max(0, at - 3) : at]):
        return None  # the missing one is the new column: said the other way round, not a guess to make
    named = [i for i, c in e.columns if c in current] + [i for i, _ in e.fields]
    # the missing one: the field or its column, or a pronoun pointing back at it; or rows that only have the other
    cued = any(marked(e, i) for i in named) or any(
        w.split("'")[0] in PRONOUNS and marked(e, i) and i > min(named, default=len(low)) for i, w in enumerate(low)
    )
    only = any(low[i] == "only" for i in range(max(0, at - 3), at))
    otherwise = any(w in ("otherwise", "else", "fallback", "backup") for w in low) and min(named, default=at) < at
    if not (cued or only or otherwise):
        return None
    return key, column


# a condition stated, not only described: 'if', 'where it's empty', 'only have', 'for them'
_STATED = frozenset({"if", "when", "where", "whenever", "unless", "otherwise", "else", "only", "first", "backup",
                     "fallback", "instead", "them", "those", "these", "then"})  # fmt: skip


def column_for_everyone(ctx: Ctx, e: Entities) -> str | None:
    """'Some contacts have no work phone; use Mobile for phone': the rows are described, the command says every
    row; the other reading of a fallback column, so the two are asked about when nothing states the condition."""
    found = _fallback(ctx, e)
    if found is None or any(w.split("'")[0] in _STATED for w in e.lower()):
        return None
    return f"map {found[1]} to {found[0]}"


def _denied(e: Entities, position: int) -> bool:
    """The name is the one not wanted: 'not Work Phone', 'instead of the Work Phone', 'rather than Work Phone'."""
    low = e.lower()
    before = [w for i, w in enumerate(low[max(0, position - 3) : position]) if w not in _ARTICLES]
    return bool(before) and (before[-1] == "not" or before[-2:] in (["instead", "of"], ["rather", "than"]))


def column_instead(ctx: Ctx, e: Entities) -> str | None:
    """'Mobile is the phone number we want, not Work Phone': a field read from another column than it is now."""
    if e.sources or e.targets or any(w in _CONDITION for w in e.lower()):
        return None
    keys = {k for _, k in e.fields} | {r for _, c in e.columns for r in ctx.readers(c)[:1]}
    if len(keys) != 1:
        return None
    key = keys.pop()
    old = [i for i, c in e.columns if c in ctx.sources(key)]
    new = [(i, c) for i, c in e.columns if c not in ctx.sources(key)]
    if len(old) != 1 or len(new) != 1 or not _denied(e, old[0]) or _denied(e, new[0][0]):
        return None
    return f"map {new[0][1]} to {key}"


_SWITCH = frozenset({"switch", "change", "move", "swap", "replace", "point", "repoint", "redirect"})
# words that put columns in an order: a fallback said as a sequence (a rephrased "if it is missing")
_ORDER = frozenset({"first", "then", "next", "after", "afterwards"})


def column_switched(ctx: Ctx, e: Entities) -> str | None:
    """'switch the phone source to the mobile column': a field pointed at another column by a verb of changing."""
    low = e.lower()
    if e.sources or e.targets or not any(w in _SWITCH for w in low) or any(w in _CONDITION for w in low):
        return None
    keys = {k for _, k in e.fields} | {r for _, c in e.columns for r in ctx.readers(c)[:1]}
    new = [c for _, c in e.columns if not ctx.readers(c)]
    if len(keys) != 1 or len(new) != 1 or _NEGATION_RE.search(" ".join(low)):
        return None
    key = keys.pop()
    if any(w in _ORDER for w in low) and any(c in ctx.sources(key) for _, c in e.columns):
        return None  # 'Work Phone first, then swap in Mobile': the field's columns in an order, a fallback
    return f"map {new[0]} to {key}"


def domain_fill(ctx: Ctx, e: Entities) -> str | None:
    """'contacts with no email get an address on the website domain': a missing field built from a domain."""
    low = e.lower()
    if "domain" not in low or e.sources or e.targets or not any(w in _MISSING or w in _BUILD for w in low):
        return None
    if not any(w in _ASKING for w in low):
        return None
    named = sorted([(i, "column", c) for i, c in e.columns] + [(i, "field", k) for i, k in e.fields])
    emails = [f.key for f in ctx.template.fields if f.type == "email"]
    if len(emails) == 1 and not e.fields:  # 'an address on the website domain': the one email field
        named += [(i, "field", emails[0]) for i, w in enumerate(low) if w in ("address", "addresses")][:1]
    d = low.index("domain")
    # the name the domain belongs to: right after 'domain of', else right before 'domain'
    after = [n for n in named if n[0] > d and low[d + 1 : n[0]] in (["of"], ["of", "the"], ["of", "their"])]
    before = [n for n in named if d - 3 <= n[0] < d]
    if not (after or before):
        return None
    owner = (after or before[-1:])[0]
    column = owner[2] if owner[1] == "column" else next(iter(ctx.sources(owner[2])), None)
    keys = {k for _, kind, k in named if kind == "field" and k != owner[2]}
    keys |= {r for _, kind, c in named if kind == "column" and c != column for r in ctx.readers(c)[:1]}
    if column is None or len(keys) != 1:
        return None
    key = keys.pop()
    if column in ctx.sources(key):
        return None
    return f"if {key} is empty, use the domain of {column}"


def value_pairs(ctx: Ctx, e: Entities) -> str | None:
    """'Deutschland stands for DE and USA for US': each value of the file paired with the allowed value after it."""
    if not e.sources or len(e.sources) != len(e.targets):
        return None
    pairs = list(zip(e.sources, e.targets, strict=True))
    if any(not (s[0] < t[0] <= s[0] + 4) for s, t in pairs) or len({t[1] for _, t in pairs}) != 1:
        return None  # each value followed closely by its meaning, all meanings of one field
    key = pairs[0][1][1]
    if any(k != key for _, k in e.fields) or any(key not in ctx.readers(c) for _, c in e.columns):
        return None
    return " and ".join(f"{s[1]} is {t[2]}" for s, t in pairs)


def row_filter(ctx: Ctx, e: Entities) -> str | None:
    """'Rows without e-mail address we don't want to import': rows lacking a field, or holding a value, dropped."""
    low = e.lower()
    text = " ".join(low)
    if not any(w in _ROWS for w in low) or not _NOT_WANTED_RE.search(text) or _KEEP_RE.search(text) or e.targets:
        return None
    if _DENIED_REMOVAL_RE.search(text):
        return None
    named = [(i, c) for i, c in e.columns] + [(i, k) for i, k in e.fields]
    if len(e.sources) == 1 and len(e.columns) == 1 and not e.fields:
        column, value = e.columns[0][1], e.sources[0][1]
        if ctx.known_value(value, [column]) is None:
            return None
        return f"drop rows where {column} is {value}"
    if len(named) == 1 and not e.sources and marked(e, named[0][0]):
        return f"drop rows without {named[0][1]}"
    return None


def default_value(ctx: Ctx, e: Entities) -> str | None:
    """'no Land given means United States': a field said to be missing, and the one allowed value it then takes."""
    named = [(i, k) for i, k in e.fields] + [(i, r) for i, c in e.columns for r in ctx.readers(c)[:1]]
    if e.sources or len(e.targets) != 1 or len(named) != len(e.columns) + len(e.fields):
        return None  # a column feeding no field is named: not about this one
    _, key, value = e.targets[0]
    if not named or any(_phone_code(e, i) for i, _ in named):
        return None
    low, first = e.lower(), min(i for i, _ in named)
    pointed = [i for i, w in enumerate(low) if w.split("'")[0] in PRONOUNS and i > first]
    if {k for _, k in named} != {key} or not any(marked(e, i) for i in [*(i for i, _ in named), *pointed]):
        return None  # the field (or its column, or a pronoun after it) said to be missing, and nothing else named
    return f"if {key} is empty, use {value}"


# 'numbers with no country code': the field's name as the modifier of a phone's code, said of phone numbers
_CODE_HEADS = frozenset({"code", "codes", "prefix", "prefixes"})
_PHONE_NOUNS = frozenset({"phone", "phones", "number", "numbers", "mobile", "mobiles", "telephone", "telephones"})


def _phone_code(e: Entities, position: int) -> bool:
    """The name at `position` only says which code a phone number lacks ('no country code'), not the field: said
    of phone numbers, or as what something lacks ('faxes without a country code'; an empty country is 'no country')."""
    low, end = e.lower(), position + e.sizes.get(position, 1)
    head = low[end - 1 : end + 1]  # the name's last word ('country code' as one name) or the word after it
    lacked = any(w in _BEFORE for w in low[max(0, position - 2) : position])  # 'with no country code': a number's
    return bool(_CODE_HEADS & set(head)) and (lacked or bool(_PHONE_NOUNS & set(low)))


def name_split(ctx: Ctx, e: Entities) -> str | None:
    """'first name and last name both come from Full Name': a full-name column feeding both name fields."""
    parts = name_fields(ctx)
    full = {c for _, c in e.columns if is_full_name(c)}
    if len(parts) != 2 or len(full) != 1 or e.sources or e.targets or any(w in _CONDITION for w in e.lower()):
        return None
    if {k for _, k in e.fields} != set(parts) or len(e.columns) != 1:
        return None
    return f"split {full.pop()} into {parts[0]} and {parts[1]}"


FRAMES: list[Frame] = [
    fallback_column, column_for_everyone, column_instead, column_switched, domain_fill, value_pairs, default_value,
    row_filter, name_split,
]  # fmt: skip
DENIAL_FRAMES: list[Frame] = [column_instead, row_filter]  # the frames whose cue is a denial


def negated(text: str) -> bool:
    """The clause denies something ('Kunde is not customer'), a row kept aside ('don't drop the row')."""
    return _NEGATION_RE.search(_KEEP_RE.sub("", text)) is not None


def read_by_cues(ctx: Ctx, text: str, read: Callable[[Ctx, str], Step]) -> Step | None:
    """The one change the clause's names and cues fit, read by the families; a question when two fit; else None."""
    e = entities(ctx, text)
    # a denial turns every frame's reading around but those whose cue it is
    frames = DENIAL_FRAMES if negated(text) else FRAMES
    said = list(dict.fromkeys(s for frame in frames if (s := frame(ctx, e)) is not None))
    readings: list[tuple[str, Step]] = []
    for command in said:
        step = read(ctx, command)
        if step.kind == "change":
            readings.append((command, step))
    if len(readings) == 1:
        step = readings[0][1]
        step.guessed = True
        return step
    if len(readings) > 1:
        question = Question(
            topic="reading",
            text=f"\u201c{text}\u201d can mean more than one change. Which one did you mean?",
            context="I read it from the names and words it holds; choose one, or say it another way.",
            options=[(command, command) for command, _ in readings] + [("Leave the recipe as it is", None)],
        )
        return Step("ask", question=question)
    return None
