"""The recogniser dispatch: each instruction family reads a clause in turn, and the first that understands it
wins.

The order of `RECOGNISERS` is part of the grammar: several families can read the same clause and the earlier
one claims it, so reordering them changes what messages mean. The words a typo may be corrected to are the
grammar's own, so they are gathered here, where every family is known, and the session hands them to each `Ctx`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ferry.agent.enums import COUNTRIES
from ferry.recipe.editor import (
    dates,
    dedup,
    domains,
    fill,
    filters,
    mapping,
    phone,
    split_concat,
    template_level,
    text_case,
    undo,
    unmap,
    vague,
    value_maps,
)
from ferry.recipe.editor.fallback import read_by_cues
from ferry.recipe.editor.helpers import ADJECTIVES, FILLER
from ferry.recipe.editor.lexicon import canonical
from ferry.recipe.editor.rephrase import rephrasings
from ferry.recipe.editor.resolver import Ctx
from ferry.recipe.editor.steps import Ask, Step

RECOGNISERS: list[Callable[[Ctx, str], Step | None]] = [
    vague.filler,
    undo.undo,
    template_level.template_level,
    dedup.dedup,
    filters.filter_rows,
    phone.phone_region,
    dates.date_order,
    split_concat.split,
    split_concat.concat,
    domains.domain,
    fill.conditional_value,
    fill.fill,
    fill.set_constant,
    unmap.unmap,
    text_case.case,
    text_case.trim,
    text_case.affix,
    mapping.map_to_field,
    value_maps.other_values,
    value_maps.values,
    vague.keep_column,
]


def recognise(ctx: Ctx, text: str) -> Step:
    """The first recogniser that understands the clause; typos are corrected only when none does."""
    if value_maps.foreign_scope(ctx, text):
        return Step("unknown")
    step = _first(ctx, text)
    if step.kind == "unknown":
        fixed = ctx.fix_typos(text)
        if fixed != text:
            step = _first(ctx, fixed)
    if step.kind in ("unknown", "ask"):  # said another way (a description, an arrow, an everyday verb)
        question: Step | None = None
        fixed = ctx.fix_typos(text)
        said_plainly = rephrasings(ctx, text) + rephrasings(ctx, fixed)
        for canon in dict.fromkeys(c for c in (canonical(text), canonical(fixed)) if c not in (text, fixed)):
            said_plainly += [canon, *rephrasings(ctx, canon)]  # everyday words in the grammar's vocabulary
        for said in dict.fromkeys(said_plainly):
            plain = _first(ctx, said)
            if plain.kind not in ("unknown", "ask"):
                return plain
            question = question or (plain if plain.kind == "ask" else None)
        # no wording fits: the names the clause holds and its cue words, when they fit one change only
        # (as typed, or with the everyday names of columns spelled the usual way: 'the work number')
        guessed = None
        for said in dict.fromkeys([canonical(fixed), *(canonical(r) for r in rephrasings(ctx, fixed)[:1])]):
            if (guessed := read_by_cues(ctx, said, _first)) is not None:
                break
        if guessed is not None and (step.kind == "unknown" or guessed.kind == "change"):
            return guessed
        # a question stands unless a plain command is understood outright; a question beats not understanding
        if step.kind == "unknown" and question is not None:
            return question
    return step


def _first(ctx: Ctx, text: str) -> Step:
    focus = ctx.focus
    for recogniser in RECOGNISERS:
        ctx.scores, ctx.focus = [], focus  # a recogniser that gives up leaves nothing behind
        try:
            step = recogniser(ctx, text)
        except Ask as ask:
            return Step("ask", question=ask.question, score=min(ctx.scores, default=1.0))
        if step is not None:
            step.score = min(ctx.scores, default=1.0)
            return step
    return Step("unknown")


def _grammar_words() -> frozenset[str]:
    sources: list[str] = [
        p.pattern
        for p in filters.FILTER_PATTERNS + fill.FILL_PATTERNS + unmap.UNMAP_PATTERNS + split_concat.SPLIT_PATTERNS
    ]
    sources += [p.pattern for p, _ in mapping.MAP_PATTERNS]
    sources += [p.pattern for p in vague.KEEP_COLUMN_PATTERNS + split_concat.CONCAT_PATTERNS]
    sources += [undo.UNDO_CUE_RE.pattern, dedup.DEDUP_CUE_RE.pattern, template_level.LEVEL_RE.pattern]
    sources += [value_maps.VALUE_VERB_RE.pattern]
    sources += [p for _, p in dates.ORDER_WORDS] + [p for _, p in text_case.CASES] + [phone.PHONE_CUE_RE.pattern]
    words = {w for s in sources for w in re.findall(r"[a-z]{3,}", s)}
    words |= FILLER | undo.UNDO_WORDS | dedup.DEDUP_WORDS | phone.PHONE_WORDS | dates.DATE_WORDS
    words |= text_case.CASE_WORDS | domains.DOMAIN_WORDS
    words |= set(ADJECTIVES) | {n for names in COUNTRIES.values() for n in names if " " not in n}
    return frozenset(w for w in words if w.isalpha())


GRAMMAR_WORDS = _grammar_words()
