"""Fallbacks and defaults: a fallback column ('use mobile as a fallback for work phone') or a default value
('default country to US') for an empty field, a constant value in every row, and a field's value set from its own
column's value ('set status to lead when Lifecycle is Interessent').
"""

from __future__ import annotations

import re
from functools import partial

from ferry.recipe.editor.helpers import MISSING, allowed_question, allowed_value, full, match, sample_spelling, treat_in
from ferry.recipe.editor.messages import quote
from ferry.recipe.editor.recipe_helpers import apply_value_map, field_recipe, map_column, place, put
from ferry.recipe.editor.resolver import PRONOUNS, Ctx
from ferry.recipe.editor.steps import Ask, Question, Step, change, note
from ferry.recipe.model import Coalesce, Default, FieldRecipe

_WHEN = r"(?:when|if|where|whenever|in case|for rows where|wherever|in rows where|in case of)"
_USE = (
    r"(?:use|take|fill (?:it |them )?(?:in )?(?:with|from)|fall\s*back (?:to|on)|set (?:it |them )?(?:to|as)|"
    r"put|make (?:it|them)|default (?:it |them )?to|try|go with|pick|grab|get (?:it|them|the value) from|"
    r"read|fill in|put in|then use|then take|replace (?:it|them) with|give (?:it|them)|"
    r"(?:then\s+)?(?:it|they|that)\s*(?:is|are|'s|'re|becomes?|should be|must be|will be|=))"
)
FILL_PATTERNS = [
    # a field and its columns in order: 'phone: Work Phone, fallback Mobile', 'phone: 1) Work Phone 2) Mobile',
    # 'phone: Work Phone first, Mobile when that's missing'
    full(
        r"(?P<f>[^:]+?)\s*:\s*(?:1[.)]\s*|first\s*:?\s*)?(?P<x>.+?)(?:\s+first)?\s*,?\s+(?:2[.)]|fallback|fall back to|"
        r"fall back on|else|otherwise|then|backup|second|if not|or else)\s*:?\s*(?P<v>.+?)"
    ),
    full(
        r"(?P<f>[^:]+?)\s*:\s*(?P<x>.+?)\s+first\s*,\s*(?:then\s+)?(?P<v>.+?)\s+(?:when|if|where)\s+(?:that|it|this)"
        r"(?:'s|\s+is)\s+(?:missing|empty|blank|not there)"
    ),
    # object first: 'The mobile, if the work phone is empty'; 'Work Phone first, then Mobile'
    full(r"(?:use\s+)?(?P<x>.+?)\s+first\s*,?\s+(?:then|else|otherwise|and then|after that)\s+(?:use\s+)?(?P<v>.+)"),
    # the value after the condition: 'if there is no country, US' (a column or an allowed value only)
    full(rf"{_WHEN}\s+(?P<cond>.+?)\s*,\s*(?:then\s+)?(?P<vv>(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)"),
    full(
        rf"(?:use\s+)?(?P<x>.+?)\s+(?:is|are)\s+(?:preferred|the first choice|best|first|primary|the main one)\s*,?\s+"
        rf"(?:but\s+|and\s+)?{_WHEN}\s+(?P<cond>.+?)\s*,?\s+(?:then\s+)?{_USE}\s+(?P<v>.+)"
    ),
    # a description: 'contacts without a country are all American'
    full(
        r"(?:the\s+|all\s+)?(?:rows?|records?|contacts?|entries|people|lines?)\s+(?:without|with no|with an? empty|"
        r"missing|lacking)\s+(?:an?\s+|any\s+)?(?P<fe>.+?)\s+(?:are|is)\s+(?:all\s+|always\s+)?(?:from\s+)?(?P<v>.+)"
    ),
    full(rf"(?P<v>(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)\s*,\s*{_WHEN}\s+(?P<cond>.+)"),
    full(
        r"(?P<f>[^:\u2014\u2013]+?)\s*(?::|\u2014|\u2013)\s*\(?(?:blank|empty|missing|nothing|none|null|no value)\)?"
        r"\s*(?:=>|->|\u2192|=|:|becomes?|is|gets?)\s*(?P<v>.+)"
    ),
    full(
        rf"(?:put|use|set|write|enter|have)\s+(?P<v>.+?)\s+(?:as|for|in|into)\s+(?:the\s+)?(?P<f>.+?)\s+{_WHEN}\s+"
        rf"(?P<cond>.+)"
    ),
    full(rf"(?:set|make|fill|put|change)\s+(?P<f>.+?)\s+(?:to|=|as|with|in)\s+(?P<v>.+?)\s+{_WHEN}\s+(?P<cond>.+)"),
    # the field named after the value: 'if Work Phone is empty, use Mobile for phone'
    full(
        rf"{_WHEN}\s+(?P<cond>.+?)\s*,?\s+(?:then\s+)?{_USE}\s+(?P<v>.+?)\s+(?:for|as|in|into)\s+(?:the\s+)?"
        r"(?P<f>[^,]+?)(?:\s+instead)?"
    ),
    full(rf"{_WHEN}\s+(?P<cond>.+?)\s*,?\s+(?:then\s+)?{_USE}\s+(?P<v>.+?)(?:\s+instead)?"),
    full(rf"{_USE}\s+(?P<v>.+?)\s+{_WHEN}\s+(?P<cond>.+)"),
    full(
        rf"{_USE}\s+(?P<v>.+?)\s+(?:for|as|in|into|on)\s+(?:the\s+|any\s+|all\s+|every\s+)?"
        rf"(?:missing|empty|blank|absent|unknown)\s+(?P<f>.+)"
    ),
    full(
        r"(?:fill|complete|backfill|populate)\s+(?:in\s+|up\s+)?(?:the\s+|any\s+|all\s+)?(?:missing|empty|blank|"
        r"absent)\s+(?P<f>.+?)\s+(?:with|from|using|by|as)\s+(?P<v>.+)"
    ),
    full(
        r"(?:fill|complete|backfill)\s+(?:in\s+)?(?:the\s+)?(?:gaps|blanks|holes)\s+(?:in|of)\s+(?P<f>.+?)\s+"
        r"(?:with|from|using)\s+(?P<v>.+)"
    ),
    full(
        r"(?:the\s+|any\s+|all\s+)?(?:missing|empty|blank)\s+(?P<f>.+?)\s+(?:should\s+|must\s+|will\s+)?"
        r"(?:be|become|becomes|are|is|=|->|\u2192|get|gets|means?|default to|defaults? to|come from|comes from|"
        r"taken from|be taken from)\s+(?P<v>.+)"
    ),
    full(r"(?:the\s+)?default\s+(?:value\s+)?(?:for|of)\s+(?P<f>.+?)\s+(?:is|should be|=|:|to|will be)\s+(?P<v>.+)"),
    full(r"(?:default|defaults)\s+(?P<f>.+?)\s+(?:to|=|as|:)\s+(?P<v>.+)"),
    full(r"(?P<f>.+?)\s+(?:should\s+|must\s+)?(?:defaults?|default value is|default is)\s*(?:to|=|is|:)?\s+(?P<v>.+)"),
    full(r"(?:use|make|set|take)\s+(?P<v>.+?)\s+(?:as\s+)?(?:the\s+|a\s+)?default\s+(?:for|of|in)\s+(?P<f>.+)"),
    full(
        r"(?:use\s+)?(?P<v>.+?)\s+as\s+(?:a\s+|the\s+)?(?:fallback|backup|fall-back|second choice)\s+"
        r"(?:for|to|of)\s+(?P<x>.+)"
    ),
    full(r"(?:fall\s*back|fallback)\s+(?:to|on)\s+(?P<v>.+?)\s+(?:for)\s+(?P<x>.+)"),
    full(
        r"(?:use\s+|take\s+)?(?P<x>.+?)\s*,?\s+(?:else|otherwise|or else|falling back to|fall back to|"
        r"or if (?:that'?s|it'?s) (?:empty|blank|missing))\s+(?:use\s+|take\s+)?(?P<v>.+)"
    ),
]
_SUBJECT_PATTERNS = [
    full(
        rf"(?:it|they|that|this|the value|the field|the cell|its value|there)?\s*(?:is|are|'s|'re|was|were)?\s*"
        rf"{MISSING}(?:\s+or\s+{MISSING})*"
    ),
    full(r"(?:it|they)\s*(?:'s|is|are|'re)\s+not\s+(?:set|given|filled(?: in)?|there|known)"),
    full(
        r"(?:there'?s|there is|there are|there isn'?t (?:a|an|any)|we have|it has|the row has|they have|"
        r"we don'?t have (?:a|an|any))\s+(?:no\s+)?(?P<x>.+)"
    ),
    full(
        r"no\s+(?P<x>.+?)(?:\s+is\s+(?:given|set|there|present|available|provided|specified|entered|supplied|known))?"
    ),
    full(
        rf"(?:the\s+)?(?P<x>.+?)\s+(?:is|are|'s|'re|was|were|isn'?t|is not|aren'?t|are not)?\s*{MISSING}"
        rf"(?:\s+or\s+{MISSING})*"
    ),
    full(
        r"(?P<x>.+?)\s+(?:isn'?t|is not|aren'?t|are not)\s+(?:set|given|filled(?: in)?|there|present|available|known)"
    ),
    full(r"(?:missing|no|without|lacking)\s+(?P<x>.+)"),
    full(r"(?:there'?s|there is)\s+nothing\s+in\s+(?P<x>.+)"),
]


def fill(ctx: Ctx, text: str) -> Step | None:
    for m in match(FILL_PATTERNS, text):
        groups = m.groupdict()
        subject = groups.get("x")
        if subject is not None and not _names_something(ctx, subject):
            continue  # "a 'van der' or similar stays with the surname": no first column, so no fallback to it
        if groups.get("cond") is not None:
            found = _missing_subject(groups["cond"])
            if found is None:
                continue
            subject = found or subject or None
        if groups.get("fe"):  # a description gives only an allowed value of an enum field ('are all American')
            key = ctx.field(groups["fe"])
            spec = ctx.spec(key) if key else None
            if spec is None or not spec.values or allowed_value(spec, ctx.text(groups["v"])[0]) is None:
                continue
            step = _fill_step(ctx, spec.key, groups["v"], None)
            if step is not None:
                return step
            continue
        key = ctx.field(groups["f"]) if groups.get("f") else None
        if key is None and subject:
            key = _field_of_subject(ctx, subject)
        if key is None:
            continue
        if groups.get("vv") is not None:  # a bare word after a condition: only a column or an allowed value
            value = ctx.text(groups["vv"])[0]
            spec = ctx.spec(key)
            if not ctx.rank_columns(groups["vv"]).name and not (spec.values and allowed_value(spec, value)):
                continue
        step = _fill_step(ctx, key, groups.get("v") or groups["vv"], subject)
        if step is not None:
            return step
    return None


def _names_something(ctx: Ctx, first: str) -> bool:
    """The first choice of a fallback ('Work Phone, else Mobile') names a column, a field, or is a pronoun."""
    first = first.strip(" ,.").removeprefix("use ").removeprefix("take ").strip()
    return first.lower() in PRONOUNS or bool(ctx.rank_columns(first).name or ctx.rank_fields(first).name)


def _missing_subject(cond: str) -> str | None:
    """The thing a 'when ... is empty' condition is about ('' for it/they), or None when it is no such condition."""
    for m in match(_SUBJECT_PATTERNS, cond.strip(" ,")):
        return m.groupdict().get("x") or ""
    return None


def _field_of_subject(ctx: Ctx, subject: str) -> str | None:
    target = ctx.target(subject)
    if target is None:
        return None
    kind, name = target
    if kind == "field":
        return name
    readers = ctx.readers(name)
    return readers[0] if readers else None


def _fill_step(ctx: Ctx, key: str, value_text: str, subject: str | None) -> Step | None:
    """A column to fall back to, or else a literal default value (spelt as the enum allows)."""
    value, quoted = ctx.text(value_text)
    spec = ctx.spec(key)
    literal = allowed_value(spec, value) if spec.values else value
    ranked = ctx.rank_columns(value_text)
    # an allowed value wins over a column of a similar name ('US'); a quoted text is a column only when exact
    is_column = ranked.name is not None and not (spec.values and literal and ranked.score < 0.97)
    if ranked.name and is_column and (not quoted or ranked.score >= 0.97):
        ctx.scores.append(ranked.score)
        return change(partial(_apply_fallback, ctx, key, ranked.name, _subject_column(ctx, subject)))
    if not quoted and len(value.split()) > 1 and ctx.fix_typos(value) != value:
        return None  # 'company domian' is a misspelt instruction, not a value
    if not quoted and (len(value.split()) > 3 or "," in value):
        return None  # 'the domain of the Website, the row must stay' is more sentence, not a value
    if not quoted and (_DERIVED_RE.search(value) or any(m.kind == "column" for m in ctx.mentions(value))):
        return None  # "the e-mail's domain", "Mobile for phone": taken from a column, never a literal default
    if spec.values and literal is None:
        raise Ask(allowed_question(ctx, key, value, lambda v: f"set {key} to {quote(v)} when it is empty"))
    if not quoted and not fits_type(spec.type, value):
        return None  # 'fine' is no email, 'soon' no date: more sentence than a default ('it's fine if ... no email')
    return change(lambda: _apply_default(ctx, key, literal or value))


_TYPE_SHAPES = {
    "email": re.compile(r"\S+@\S+"),
    "phone": re.compile(r"(?:\D*\d){5}"),
    "date": re.compile(r".*\d"),
    "datetime": re.compile(r".*\d"),
    "integer": re.compile(r"[-+]?\d[\d,. ]*"),
    "number": re.compile(r"[-+]?[\d,. ]*\d[\d,. ]*"),
    "boolean": re.compile(r"true|false|yes|no|y|n|1|0", re.I),
    "url": re.compile(r"\S+\.\S+"),
}


def fits_type(field_type: str, value: str) -> bool:
    """A literal could be a value of a field of this type (strings and enums take any; enums are checked apart)."""
    shape = _TYPE_SHAPES.get(field_type)
    return shape is None or shape.fullmatch(value.strip()) is not None


def _subject_column(ctx: Ctx, subject: str | None) -> str | None:
    if not subject:
        return None
    ranked = ctx.rank_columns(subject)
    return ranked.name if ranked.score >= 0.9 else None


def _apply_fallback(ctx: Ctx, key: str, column: str, main: str | None) -> str:
    fr = ctx.recipe_field(key)
    if fr is None or not fr.column:
        if main and main != column:
            map_column(ctx, key, main)
            return _apply_fallback(ctx, key, column, None)
        map_column(ctx, key, column)
        return f"{key} now comes from '{column}'"
    if main and main != fr.column and main != column:
        map_column(ctx, key, main)
        fr = ctx.recipe_field(key)
        assert fr is not None
    if fr.column == column:
        return f"{key} already comes from '{column}'"
    coalesce = next((op for op in fr.ops if isinstance(op, Coalesce)), None)
    if coalesce is None:
        place(fr.ops, Coalesce.model_validate({"columns": [column]}))
    elif column not in coalesce.columns_:
        coalesce.columns_.append(column)
    return f"{key} comes from '{fr.column}', and from '{column}' when that is blank"


def _apply_default(ctx: Ctx, key: str, value: str) -> str:
    fr = field_recipe(ctx, key)
    fr.ops = [op for op in fr.ops if not isinstance(op, Default)]
    place(fr.ops, Default(value=value))
    return f"an empty {key} becomes '{value}'"


# --- a constant value in every row --------------------------------------------------------------------

_CONSTANT_PATTERNS = [
    full(
        r"(?:set|make|fill)\s+(?P<f>.+?)\s+(?:to|=|as|with)\s+(?P<v>.+?)(?P<all>\s+(?:for|in|on)\s+(?:all|every|"
        r"each)\s+(?:the\s+)?(?:rows?|records?|entries|contacts?|lines?))?"
    ),
    full(
        r"(?P<f>.+?)\s+(?:should|must)\s+(?:always\s+)?be\s+(?P<v>.+?)(?P<all>\s+(?:for|in|on)\s+(?:all|every|each)\s+"
        r"(?:the\s+)?(?:rows?|records?|entries|contacts?|lines?)|\s+always|\s+everywhere)"
    ),
    full(
        r"(?:all|every)\s+(?:rows?|records?|contacts?|entries)\s+(?:get|have|should have)\s+(?P<f>.+?)\s+(?P<v>.+)"
        r"(?P<all>)"
    ),
]


_DERIVED_RE = re.compile(r"\w's\b|\b(?:domains?|websites?|urls?|columns?)\b", re.I)


def set_constant(ctx: Ctx, text: str) -> Step | None:
    for m in match(_CONSTANT_PATTERNS, text):
        key = ctx.field(m.group("f"), via_column=False)
        if key is None:
            continue
        value, quoted = ctx.text(m.group("v"))
        if ctx.rank_columns(m.group("v")).score >= 0.9:
            return None  # 'set phone to Mobile' is a mapping
        if not quoted and _DERIVED_RE.search(value):
            return None  # "the e-mail's domain", "Organization's value": taken from a column, never a constant
        if not quoted and len(value.split()) > 3:
            continue
        spec = ctx.spec(key)
        literal = allowed_value(spec, value)
        if literal is None:

            def every_row(v: str, k: str = key) -> str:
                return f"set {k} to {quote(v)} for all rows"

            raise Ask(allowed_question(ctx, key, value, every_row))
        fr = ctx.recipe_field(key)
        if fr is not None and fr.source_columns() and m.group("all") is None:
            q = f"Set {key} to '{literal}' in every row, or only where it is empty?"
            raise Ask(
                Question(
                    topic=f"{key}_constant",
                    text=q,
                    context=f"{key} comes from {', '.join(repr(c) for c in fr.source_columns())} today.",
                    options=[
                        (f"Only where {key} is empty", f"set {key} to {quote(literal)} when it is empty"),
                        (
                            f"Every row (stop reading {fr.source_columns()[0]!r})",
                            f"set {key} to {quote(literal)} for all rows",
                        ),
                    ],
                )
            )
        return change(partial(_apply_constant, ctx, key, literal))
    return None


def _apply_constant(ctx: Ctx, key: str, value: str) -> str:
    put(ctx.tr, FieldRecipe(field=key, column=None, ops=[Default(value=value)]))
    return f"{key} is '{value}' in every row"


# --- a value set from the field's own column's value --------------------------------------------------

_CONDITIONAL_VALUE_PATTERNS = [
    full(r"(?:set|make|put)\s+(?P<f>.+?)\s+(?:to|=|as)\s+(?P<v>.+?)\s+(?:when|if|where|whenever|for rows where)\s+"
          r"(?P<x>.+?)\s+(?:is|=|==|equals|says)\s+(?P<s>.+)"),
    full(r"(?:when|if|where|whenever)\s+(?P<x>.+?)\s+(?:is|=|==|equals|says)\s+(?P<s>.+?)\s*,?\s+(?:then\s+)?"
          r"(?:set\s+|make\s+)?(?P<f>.+?)\s+(?:to|is|=|should be|becomes?)\s+(?P<v>.+)"),
]  # fmt: skip


_PRESENCE_RE = re.compile(
    r"(?:not\s+)?(?:given|set|filled(?: in)?|there|present|available|known|provided|specified|entered|supplied)", re.I
)


def conditional_value(ctx: Ctx, text: str) -> Step | None:
    """'set status to lead when Lifecycle is Interessent': a value translation of the field's own column."""
    for m in match(_CONDITIONAL_VALUE_PATTERNS, text):
        column = ctx.column(m.group("x")) or _main_column(ctx, ctx.field(m.group("x"), via_column=False))
        if ctx.text(m.group("f"))[0].lower() in PRONOUNS:  # 'if status is Kunde, set it to customer'
            ctx.focus = ctx.field(m.group("x"))
        key = ctx.field(m.group("f"), via_column=False)
        if key is None or column is None:
            continue
        source, quoted = ctx.text(m.group("s"))
        if not quoted and re.fullmatch(MISSING, source, re.I):
            continue  # 'when country is empty' is a default, read by `fill`
        if column not in ctx.sources(key):
            return note(
                f"the recipe cannot set {key} from the value of '{column}' (only from {key}'s own column), "
                "so that was not changed"
            )
        # 'if no country is given': a state, not a value; a value the samples lack is one only when they may not
        # list them all (a manifest keeps up to 10)
        unknown = not quoted and ctx.known_value(source) is None
        if unknown and (_PRESENCE_RE.fullmatch(source) or len(ctx.samples.get(column, [])) < 10):
            continue
        value, _ = ctx.text(m.group("v"))
        target = allowed_value(ctx.spec(key), value)
        if target is None:
            raise Ask(allowed_question(ctx, key, value, partial(treat_in, quote(source), key)))
        mapping: dict[str, str | None] = {sample_spelling(ctx, key, source): target}
        return change(partial(apply_value_map, ctx, key, mapping))
    return None


def _main_column(ctx: Ctx, key: str | None) -> str | None:
    fr = ctx.recipe_field(key) if key else None
    return fr.column if fr else None
