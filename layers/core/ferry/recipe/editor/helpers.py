"""What the recognisers share: pattern helpers, the leftover-word check that keeps a recogniser from reading
a clause it only half understands, how a typed value is spelt in the template or the file, and the questions
several instruction families ask.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ferry.agent.enums import country_code, map_enum_values
from ferry.agent.normalize import fold
from ferry.agent.synonyms import singular_phrase
from ferry.core.domain import TemplateField
from ferry.recipe.editor.messages import quote
from ferry.recipe.editor.resolver import STOPWORDS, Ctx, words_in, words_of
from ferry.recipe.editor.steps import Choice, Question


def full(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"^(?:{pattern})$", re.I)


def match(patterns: list[re.Pattern[str]], text: str) -> list[re.Match[str]]:
    return [m for p in patterns if (m := p.match(text))]


# A cell with no value, as people say it (row filters and fallbacks both read it).
MISSING = r"(?:empty|blank|missing|null|not set|not given|not filled(?: in)?|absent|unknown|none|nothing)"


# --- words a recogniser may leave unexplained ---------------------------------------------------------


# Function words any instruction may contain.
FILLER = STOPWORDS | words_of(
    "column columns field fields value values also always please thanks ok just really actually want need "
    "like i'd we'd let's sure yes make made sure there's it's isn't aren't don't doesn't that's they're "
    "what's there"
)


def leftover(ctx: Ctx, text: str, allowed: set[str] | frozenset[str]) -> list[str]:
    """Words of a clause that neither name a column/field nor belong to the recogniser's vocabulary."""
    words = words_in(text)
    for m in ctx.mentions(text):
        for i in range(m.start, m.start + m.size):
            words[i] = ""
    known = FILLER | allowed
    return [w for w in words if w and w.lower() not in known and not all(p in known for p in w.lower().split("-"))]


def foreign(ctx: Ctx, text: str, belongs: Callable[[str], bool], vocabulary: frozenset[str]) -> bool:
    """The clause names a field the recogniser is not about (words of its own vocabulary aside: 'country code')."""
    for m in ctx.mentions(text):
        own = all(w.lower() in vocabulary or w.lower() in FILLER for w in words_in(m.phrase))
        if m.key and not own and not belongs(m.key):
            return True
    return False


# --- values as the template and the file spell them ---------------------------------------------------


ADJECTIVES = {
    "german": "DE", "deutsch": "DE", "deutsche": "DE", "american": "US", "usa": "US", "us": "US", "u.s.": "US",
    "british": "GB", "english": "GB", "uk": "GB", "scottish": "GB", "welsh": "GB", "french": "FR", "spanish": "ES",
    "italian": "IT", "dutch": "NL", "belgian": "BE", "austrian": "AT", "swiss": "CH", "canadian": "CA", "mexican":
    "MX", "brazilian": "BR", "argentinian": "AR", "argentine": "AR", "australian": "AU", "irish": "IE",
    "portuguese": "PT", "swedish": "SE", "norwegian": "NO", "danish": "DK", "finnish": "FI", "polish": "PL",
    "czech": "CZ", "greek": "GR", "turkish": "TR", "russian": "RU", "ukrainian": "UA", "indian": "IN", "chinese":
    "CN", "japanese": "JP", "korean": "KR", "singaporean": "SG", "israeli": "IL", "emirati": "AE", "luxembourgish":
    "LU", "hungarian": "HU", "romanian": "RO", "chilean": "CL", "colombian": "CO", "peruvian": "PE", "kiwi": "NZ",
}  # fmt: skip


def allowed_value(spec: TemplateField, value: str) -> str | None:
    """The template's spelling of `value` for an enum field (same text, same country, a synonym), or None."""
    if not spec.values:
        return value
    folded = fold(value.strip())
    for allowed in spec.values:
        if fold(allowed) == folded:
            return allowed
    code = country_code(value) or ADJECTIVES.get(folded)
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


def sample_spelling(ctx: Ctx, key: str, value: str) -> str:
    """The value as the file spells it ('kunde' typed, 'Kunde' in the file)."""
    fr = ctx.recipe_field(key)
    for column in fr.source_columns() if fr else []:
        for sample in ctx.samples.get(column, []):
            if fold(sample) == fold(value):
                return sample
    return value


# --- questions several families ask -------------------------------------------------------------------


def fields_question(ctx: Ctx, topic: str, text: str, clause: Callable[[str], str]) -> Question:
    return Question(
        topic=topic,
        text=text,
        context=f"Fields of {ctx.template.name}: {', '.join(f.key for f in ctx.template.fields)}.",
        options=[(f.key, clause(f.key)) for f in ctx.template.fields],
        custom=clause("{answer}"),
    )


def allowed_question(ctx: Ctx, key: str, value: str, clause: Callable[[str], str]) -> Question:
    allowed = ctx.spec(key).values or []
    return Question(
        topic=f"{key}_value",
        text=f"'{value}' is not an allowed {key}. Which value do you mean?",
        context=f"{key} allows: {', '.join(allowed)}.",
        options=[(v, clause(v)) for v in allowed],
        custom=clause("{answer}"),
    )


def where_question(ctx: Ctx, column: str) -> Question:
    free = [f.key for f in ctx.template.fields if not ctx.sources(f.key)]
    options: list[tuple[str, Choice]] = [(key, f"map {quote(column)} to {key}") for key in free]
    options.append(("Don't import it", f"don't import {quote(column)}"))
    samples = ", ".join(f"'{s}'" for s in ctx.samples.get(column, [])[:3])
    return Question(
        topic=f"where_{_slug(column)}",
        text=f"Which field should '{column}' go to?",
        context=(f"Samples: {samples}. " if samples else "")
        + (f"Fields not filled yet: {', '.join(free)}." if free else "Every field is already filled."),
        options=options,
        custom=f"map {quote(column)} to {{answer}}",
    )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", fold(text)).strip("_") or "column"


def treat_in(sources: str, key: str, target: str) -> str:
    return f"treat {sources} as {quote(target)} in {key}"
