"""Value maps: source values translated to the field's values ('treat kunde as customer and interessent as
lead'), and the value for every other source value ('everything else in status is lead').
"""

from __future__ import annotations

import re
from functools import partial

from ferry.agent.enums import COUNTRIES
from ferry.agent.normalize import fold
from ferry.recipe.editor.helpers import (
    ADJECTIVES,
    allowed_question,
    allowed_value,
    fields_question,
    full,
    match,
    sample_spelling,
    treat_in,
)
from ferry.recipe.editor.messages import quote
from ferry.recipe.editor.recipe_helpers import apply_value_map, value_map_op
from ferry.recipe.editor.resolver import STOPWORDS, Ctx, words_of
from ferry.recipe.editor.steps import Ask, Choice, Question, Step, change
from ferry.recipe.model import MapValues, Op

VALUE_VERB_RE = re.compile(
    r"^(?:treat|read|interpret|consider|count|regard|handle|take|understand|translate|convert|map|change|turn|"
    r"recode|rename|replace|make|set|mark|see)\s+",
    re.I,
)
_PAIR_RE = re.compile(
    r"^(?P<a>.+?)\s*(?:\bas\b|\bis\b|\bare\b|\bmeans?\b|==?|->|\u2192|=>|\bto\b|\binto\b|\bshould be\b|"
    r"\bshould become\b|\bbecomes?\b|\bequals\b|\bstands for\b|\bwith\b|\bis the same as\b|:)\s*(?P<b>.+)$",
    re.I,
)
# 'lead for Interessent': the target first, when it is an allowed value and the source a value of the file
_REVERSED_PAIR_RE = re.compile(r"^(?P<b>.+?)\s+for\s+(?P<a>.+)$", re.I)
_NOT_TRANSLATED = frozenset({"date", "datetime", "number", "integer", "boolean", "phone", "email"})
# words of a sentence, never of a value ('if status', 'set it', 'fill blanks with US' is a default)
_NOT_VALUES = STOPWORDS | words_of("set make use map put treat change take fill replace default")
_NULL_WORDS = frozenset({"empty", "blank", "null", "nothing", "none", "missing", "no value", "nil", "unknown"})
_SCOPE_PREFIX_RE = re.compile(r"^(?:for|in|on|within|inside)\s+(?:the\s+)?(?P<s>[^,:]+?)\s*[,:]\s*(?P<rest>.+)$", re.I)
_SCOPE_LABEL_RE = re.compile(r"^(?P<s>[^,:\u2014\u2013]+?)\s*(?::|\u2014|\u2013|\s-\s|--)\s*(?P<rest>.+)$", re.I)
_SCOPE_SUFFIX_RE = re.compile(r"^(?P<rest>.+?)\s+(?:in|for|on|within|inside|of)\s+(?:the\s+)?(?P<s>[^,]+?)$", re.I)


# a value map said in a named column first ('In Fax map Deutschland to DE'): the column must be one of the migration
_NAMED_SCOPE_RE = re.compile(
    r"^(?i:in|within|inside)\s+(?i:the\s+)?(?P<s>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)(?i:\s+(?:column|field|sheet))?"
    r"(?:\s*[,:]\s*|\s+(?=(?i:map|translate|change|convert|recode|replace|turn|rename|make|treat|set)\b))"
)


_PLACES = frozenset(fold(n) for names in COUNTRIES.values() for n in names) | frozenset(ADJECTIVES)


def foreign_scope(ctx: Ctx, text: str) -> bool:
    """The clause opens in a named column the migration lacks ('In Fax map Deutschland to DE'): read as typed, the
    command would act on whichever column happens to hold its values, so it is not understood at all."""
    named = _NAMED_SCOPE_RE.match(text)
    if named is None or fold(named["s"]) in _PLACES or ctx.is_value(named["s"]):
        return False
    return _scope_field(ctx, named["s"]) is None and not ctx.mentions(named["s"])


def values(ctx: Ctx, text: str) -> Step | None:
    rest, scope = text, None
    lead = VALUE_VERB_RE.match(text)
    for candidate in dict.fromkeys([text, text[lead.end() :] if lead else text]):
        for scope_re in (_SCOPE_PREFIX_RE, _SCOPE_LABEL_RE, _SCOPE_SUFFIX_RE):
            m = scope_re.match(candidate)
            if m and (found := _scope_field(ctx, m.group("s"))) is not None:
                rest, scope = m.group("rest"), found
                break
        if scope is not None:
            break
    verb = VALUE_VERB_RE.match(rest) or lead
    pairs = _pairs(ctx, rest[verb.end() :] if verb and VALUE_VERB_RE.match(rest) else rest)
    pairs = _known_sources(ctx, pairs, explicit=bool(verb) or scope is not None)
    if not pairs:
        return None
    grouped: dict[str, dict[str, str | None]] = {}
    for sources, target in pairs:
        _same_sides(ctx, sources, target)
        key = scope or _value_field(ctx, sources, target)
        if key is None and verb:
            raise Ask(_value_field_question(ctx, sources, target))
        if key is None:
            return None
        spec = ctx.spec(key)
        if spec.type in _NOT_TRANSLATED:
            return None  # '03/04/2024 as 3 April' says how to read a date, not a value to swap in
        value = target
        if target is not None and spec.values:
            value = allowed_value(spec, target)
            if value is None:
                shown = ", ".join(quote(s) for s in sources)
                raise Ask(allowed_question(ctx, key, target, partial(treat_in, shown, key)))
        for source in sources:
            grouped.setdefault(key, {})[sample_spelling(ctx, key, source)] = value
    return change(lambda: "; ".join(apply_value_map(ctx, k, m) for k, m in grouped.items()))


def _same_sides(ctx: Ctx, sources: list[str], target: str | None) -> None:
    """A relation whose two sides name one value is no translation: 'Interessent is Interessent' says nothing,
    and 'customer is Kunde' says it the other way round (the file's value last), so ask rather than guess."""
    if target is None or len(sources) != 1:
        return
    source = sources[0]
    options: list[tuple[str, Choice]] = [("Leave the recipe as it is", None)]
    if fold(source) == fold(target):
        text = f"Both sides of \u201c{source} is {target}\u201d are the same value. Which value should become which?"
    elif not _in_file(ctx, source) and _in_file(ctx, target) and _allowed_somewhere(ctx, source):
        value = ctx.known_value(target) or target
        text = f"Did you mean that {quote(value)} (a value of the file) should become {quote(source)}?"
        options.insert(0, (f"{value} becomes {source}", f"treat {quote(value)} as {quote(source)}"))
    else:
        return
    raise Ask(
        Question("same_sides", text, "A translation names a value of the file, then the value it becomes.", options)
    )


def _in_file(ctx: Ctx, value: str) -> bool:
    """A value some column of the file holds (not only one the template allows)."""
    return fold(value) in {fold(s) for samples in ctx.samples.values() for s in samples}


def _scope_field(ctx: Ctx, span: str) -> str | None:
    """The field a scope names ('Land', 'the country codes', 'Lifecycle status'), or None."""
    span = re.sub(
        r"\s+(?:(?:codes?|values?|names?|entries)\s+)?(?:are|is)\s+(?:in\s+)?[a-z]+$", "", span.strip(), flags=re.I
    )
    phrase, _ = ctx.text(re.sub(r"\s+(?:codes?|values?|names?|entries)$", "", span, flags=re.I))
    if not phrase or len(phrase.split()) > 3 or ctx.is_value(phrase):
        return None
    return ctx.field(phrase)


def _known_sources(
    ctx: Ctx, pairs: list[tuple[list[str], str | None]], *, explicit: bool
) -> list[tuple[list[str], str | None]]:
    """Source values as the file spells them, a typo corrected ('Deutschand' → Deutschland); [] when a value is
    neither in the file nor one typo from it and nothing else (a verb, a named field) says these are values."""
    out: list[tuple[list[str], str | None]] = []
    for sources, target in pairs:
        known: list[str] = []
        for source in sources:
            if source.strip("()[] ").lower() in _NULL_WORDS:
                return []  # '(blank) => US' gives empty cells a value: a default, not a translation
            found = ctx.known_value(source) or _after_column(ctx, source)
            if found is None and not explicit:
                return []
            known.append(found or source)
        out.append((known, target))
    return out


def _after_column(ctx: Ctx, source: str) -> str | None:
    """'Lifecycle Kunde', 'the status Kunde': a value of the file after the name of its column or field."""
    words = re.sub(r"^(?:the|a|an)\s+", "", source.strip(), flags=re.I).split()
    for i in range(1, len(words)):
        column = ctx.rank_columns(" ".join(words[:i]))
        if column.name and column.score >= 0.9 and (found := ctx.known_value(" ".join(words[i:]), [column.name])):
            return found
        # 'the status Kunde': a value after the field it feeds, read from that field's columns
        key = ctx.field(" ".join(words[:i]), via_column=False)
        if key and (columns := ctx.sources(key)) and (found := ctx.known_value(" ".join(words[i:]), columns)):
            return found
    return None


def _treat_clause(sources: str, target: str, key: str) -> str:
    return f"treat {sources} as {target} in {key}"


def _pairs(ctx: Ctx, text: str) -> list[tuple[list[str], str | None]]:
    """'A as B, C as D' / 'A and B are C' → [([A], B), ([C], D)]; [] when the text is not such a list."""
    items = [i for i in re.split(r"\s*(?:,|;|&)\s*(?:and\s+)?|\s+and\s+", text.strip()) if i]
    pairs: list[tuple[list[str], str | None]] = []
    waiting: list[str] = []
    for item in items:
        reversed_pair = _REVERSED_PAIR_RE.match(item)
        if (
            reversed_pair
            and ctx.known_value(ctx.text(reversed_pair.group("a"))[0], ctx.columns)  # a value of the file
            and ctx.known_value(ctx.text(reversed_pair.group("b"))[0], ctx.columns) is None  # the target is not
            and _allowed_somewhere(ctx, ctx.text(reversed_pair.group("b"))[0])
        ):
            pairs.append(([ctx.text(reversed_pair.group("a"))[0]], ctx.text(reversed_pair.group("b"))[0]))
            continue
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
        if not s_quoted and _RECORD_WORD_RE.match(m.group("a").strip()) and not ctx.known_value(source, ctx.columns):
            return []  # round 34: 'All our customers are in Germany' says who the records are, not a value
        if not s_quoted and (
            ctx.rank_fields(m.group("a")).score >= 0.97 or ctx.rank_columns(m.group("a")).score >= 0.97
        ):
            return []  # 'status to lead' names a field, not a value
        pairs.append(([*waiting, source], None if not t_quoted and target.lower() in _NULL_WORDS else target))
        waiting = []
    return pairs if pairs and not waiting else []


# who the records are, said of all of them: a possessive or quantifier before a plural ('our customers', 'all the
# leads', 'most of our contacts'), or 'everyone' — a scene, never a value of the file ('Kunde', 'lead' alone)
_RECORD_WORD_RE = re.compile(
    r"^(?:(?:all|most|every|each|both)\s+(?:of\s+)?(?:(?:our|my|your|their|the|these|those)\s+)?|"
    r"(?:our|my|your|their)\s+)(?:\w+\s+)?\w+s$|^(?:everyone|everybody|all of them|all of us)$",
    re.I,
)


def _allowed_somewhere(ctx: Ctx, value: str) -> bool:
    return any(f.values and allowed_value(f, value) for f in ctx.template.fields)


def _value_field(ctx: Ctx, sources: list[str], target: str | None) -> str | None:
    """The field a value translation is about: its column's samples hold the source, or it allows the target."""
    by_samples = []
    for fr in ctx.tr.fields:
        seen = {fold(s) for c in fr.source_columns() for s in ctx.samples.get(c, [])}
        if any(fold(s) in seen for s in sources):
            by_samples.append(fr.field)
    by_target = [f.key for f in ctx.template.fields if f.values and target is not None and allowed_value(f, target)]
    both = [k for k in by_samples if k in by_target]
    for group in (both, by_samples if target is None or not by_target else [], by_target if not by_samples else []):
        if len(group) == 1:
            ctx.scores.append(0.95)
            return group[0]
    if len(both) > 1 or len(by_samples) > 1:
        raise Ask(_value_field_question(ctx, sources, target))
    return None


def _value_field_question(ctx: Ctx, sources: list[str], target: str | None) -> Question:
    """Which field the values are translated in, when the values alone do not tell."""
    shown = ", ".join(quote(s) for s in sources)
    to = quote(target) if target is not None else "empty"
    return fields_question(
        ctx, "value_field", f"Which field should {shown} become {to} in?", partial(_treat_clause, shown, to)
    )


# --- every other value --------------------------------------------------------------------------------

_OTHER_VALUES_PATTERNS = [
    full(
        r"(?:treat\s+|map\s+|make\s+)?(?:everything|anything|all(?: the)?|any)\s+(?:other\s+values?\s+|else\s+)"
        r"(?:in\s+(?P<f>.+?)\s+)?(?:is|are|becomes?|should be|to|as|->|=|into)\s+(?P<v>.+)"
    ),
    full(
        r"(?:treat\s+|map\s+|make\s+)?(?:the\s+)?(?:other|remaining|unknown|unmapped|leftover)\s+values?\s+"
        r"(?:in\s+|of\s+)?(?P<f>.+?)?\s*(?:is|are|becomes?|become|should be|to|as|->|=|into)\s+(?P<v>.+)"
    ),
]


def other_values(ctx: Ctx, text: str) -> Step | None:
    """'everything else is lead': the value for source values no translation names."""
    for m in match(_OTHER_VALUES_PATTERNS, text):
        value, _ = ctx.text(m.group("v"))
        if m.group("f"):
            key = ctx.field(m.group("f"))
        else:
            keys = [f.key for f in ctx.template.fields if f.values and allowed_value(f, value)]
            mapped = [k for k in keys if any(isinstance(o, MapValues) for o in _ops(ctx, k))]
            key = (mapped or keys)[0] if len(mapped or keys) == 1 else None
        if key is None:
            continue
        literal = allowed_value(ctx.spec(key), value)
        if literal is None:
            raise Ask(allowed_question(ctx, key, value, partial(_others_clause, key)))
        return change(partial(_apply_other_values, ctx, key, literal))
    return None


def _others_clause(key: str, value: str) -> str:
    return f"everything else in {key} is {quote(value)}"


def _ops(ctx: Ctx, key: str) -> list[Op]:
    fr = ctx.recipe_field(key)
    return fr.ops if fr else []


def _apply_other_values(ctx: Ctx, key: str, value: str) -> str:
    value_map_op(ctx, key).default = value
    return f"any other {key} value becomes '{value}'"
