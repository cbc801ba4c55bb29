"""Map a column to a field ('map the 'Mobile' column to the phone field'); a clear column with no field it could
go to, or a clear field with no column, is asked about rather than guessed.
"""

from __future__ import annotations

import re

from ferry.recipe.editor.helpers import full, where_question
from ferry.recipe.editor.messages import quote
from ferry.recipe.editor.recipe_helpers import apply_name_split, map_column, ops_columns
from ferry.recipe.editor.resolver import MENTION, Ctx, is_full_name, name_fields
from ferry.recipe.editor.steps import Ask, Choice, Question, Step, change, note

_VAGUE_TARGETS_RE = re.compile(
    r"^(?:somewhere|anywhere|some ?where else|some ?place|any ?place|(?:some|any|another|a|an|other|the right|"
    r"a suitable|some suitable|whatever)(?: other)? (?:field|place|column|spot|target))$",
    re.I,
)
_INSTEAD_RE = re.compile(
    r"(?:\s+instead(?:\s+of\s+.+)?|\s+rather than\s+.+|\s+in place of\s+.+|,?\s+(?:but\s+|and\s+)?not\s+[^,]+|"
    r"\s*\(\s*(?:not|instead of|rather than|in place of)\s+[^)]*\))$",
    re.I,
)
# The verbs that map a column to a field ('map / wire / hook up A to B'): the one list the mapping reading and the
# fallback reading (`fallback._ASKING`) use; an electrician's or a plumber's hookup is a mapping too
MAP_VERBS: tuple[str, ...] = (
    "map", "assign", "link", "match", "connect", "point", "send", "move", "put", "import", "load", "copy", "route",
    "bring", "place", "pipe", "migrate", "wire", "hook up", "hook", "plug", "patch",
)  # fmt: skip
_MAP_VERB = "(?:" + "|".join(v.replace(" ", r"\s+") for v in MAP_VERBS) + ")"
MAP_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (
        full(_MAP_VERB + r"\s+(?P<a>.+?)\s+(?:to|into|onto|in|as|under|->|\u2192|=>|over to|with)\s+(?P<b>.+?)"),
        "ab",
    ),
    (
        full(
            r"(?:use|take|pick|choose|select|read|prefer)\s+(?P<a>.+?)\s+(?:for|as|in|into|to fill|to populate|"
            r"as the source (?:for|of))\s+(?P<b>.+?)"
        ),
        "ab",
    ),
    (
        full(
            r"(?P<b>.+?)\s+(?:should\s+|must\s+|will\s+|needs to\s+|has to\s+)?(?:come|comes|be taken|is taken|"
            r"be read|is read|be filled|is filled|be mapped|is mapped|be populated|is populated|be sourced|"
            r"is sourced)\s+(?:from|with|by|out of)\s+(?P<a>.+?)"
        ),
        "ab",
    ),
    (
        full(
            r"(?:take|get|read|fill|populate|source|pull)\s+(?P<b>.+?)\s+(?:from|with|using|out of|off)\s+"
            r"(?P<a>.+?)"
        ),
        "ab",
    ),
    (
        full(
            r"(?P<a>.+?)\s+(?:goes|go|should go|must go|belongs|belong|should belong|maps|map|is mapped|"
            r"should be mapped|feeds|fills|should fill|->|\u2192|=>|is for|should be used for|is used for)\s+"
            r"(?:to|into|in|onto|under|as)?\s*(?P<b>.+?)"
        ),
        "ab",
    ),
    (full(r"(?P<b>.+?)\s*(?:<-|\u2190)\s*(?P<a>.+?)"), "ab"),
    # other verbs and word orders: 'swap Work Phone for Mobile in phone', 'use for phone the Mobile column',
    # 'for created_at take Signup Date', 'created_at filled from Signup Date'
    (
        full(
            r"(?:swap|replace|exchange|switch|trade)\s+(?P<old>.+?)\s+(?:for|with|by)\s+(?P<a>.+?)\s+(?:in|for|on|as)\s+"
            r"(?P<b>.+?)"
        ),
        "ab",
    ),
    (full(r"(?:use|take|read|pick)\s+for\s+(?:the\s+)?(?P<b>.+?)\s+(?P<a>the\s+.+?)"), "ab"),
    (full(r"for\s+(?P<b>.+?),?\s+(?:use|take|read|pick|choose)\s+(?P<a>.+?)"), "ab"),
    (
        full(r"(?P<b>.+?)\s+(?:filled|taken|read|sourced|populated|pulled|fed)\s+(?:from|with|by|out of)\s+(?P<a>.+?)"),
        "ab",
    ),
    (full(r"(?P<b>.+?),\s+(?:it|that|this)\s*(?:is|'s)\s+(?P<a>.+?)"), "either"),
    (full(r"(?P<b>.+?)\s+(?:to|should|must|shall|will)\s+(?:use|take|read)\s+(?P<a>.+?)"), "ab"),
    (full(r"(?P<a>.+?)\s*(?:->|\u2192|=>)\s*(?P<b>.+?)"), "either"),  # 'phone -> Mobile': whichever way round
    (
        full(
            r"(?P<b>.+?)\s+(?:is|=|are|should be|must be|equals|means|is in|lives in|is stored in|is found in|"
            r"is called|is named|corresponds to|is actually|is really|is the same as|matches)\s+(?P<a>.+?)"
        ),
        "either",
    ),
    (full(r"(?P<b>[^:]+?)\s*:\s*(?P<a>.+?)"), "either"),
    (full(r"(?P<a>.+?)\s+(?:to|into|for)\s+(?P<b>.+?)"), "bare"),  # 'and Mobile to phone', after a first mapping
    (full(r"(?P<b>.+?)\s+(?:from|out of)\s+(?P<a>.+?)"), "field"),  # 'phone from Mobile': b names a field, no column
]


def map_to_field(ctx: Ctx, text: str) -> Step | None:
    instead = _INSTEAD_RE.search(text)
    core = text[: instead.start()] if instead else text
    for pattern, direction in MAP_PATTERNS:
        m = pattern.match(core)
        if m is None:
            continue
        a, b = m.group("a"), m.group("b")
        if direction == "field":
            fields, columns = ctx.rank_fields(b), ctx.rank_columns(b)
            if fields.score < 0.9 or columns.score >= fields.score:
                continue
        pair = _column_and_field(ctx, a, b, direction)
        if pair is not None:
            column, key = pair
            return _map_step(ctx, key, column)
        if direction == "ab":  # a clear mapping verb: ask rather than give up
            asked = _map_question(ctx, a, b)
            if asked is not None:
                raise Ask(asked)
    return None


def _column_and_field(ctx: Ctx, a: str, b: str, direction: str) -> tuple[str, str] | None:
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


def _map_question(ctx: Ctx, a: str, b: str) -> Question | None:
    """A clear column with no field it could go to (or the reverse): ask instead of guessing."""
    columns = ctx.rank_columns(a)
    phrase, _ = ctx.text(b)
    clear_column = columns.name and columns.score >= 0.9 and not ctx.is_value(phrase)
    if clear_column and columns.name and (_VAGUE_TARGETS_RE.match(phrase) or not ctx.rank_fields(b).name):
        return where_question(ctx, columns.name)
    fields = ctx.rank_fields(b)
    if fields.name and fields.score >= 0.9 and not ctx.is_value(ctx.text(a)[0]) and len(a.split()) <= 4:
        return _which_source_question(ctx, fields.name, ctx.text(a)[0])
    return None


def _which_source_question(ctx: Ctx, key: str, phrase: str) -> Question:
    ranked = [c for c, s in ctx.rank_columns(phrase).ranked if s > 0.3][:4]
    ranked += [c for c in ctx.columns if not ctx.readers(c) and c not in ranked][: max(0, 4 - len(ranked))]
    options: list[tuple[str, Choice]] = [(f"'{c}'", f"map {quote(c)} to {key}") for c in ranked]
    options.append((f"Leave {key} empty", f"don't fill {key}"))
    return Question(
        topic=f"source_{key}",
        text=f"There is no column '{phrase}'. Which column should {key} come from?",
        context=f"Columns: {', '.join(repr(c) for c in ctx.columns)}.",
        options=options,
        custom=f"map {{answer}} to {key}",
    )


def _map_step(ctx: Ctx, key: str, column: str) -> Step:
    if key in name_fields(ctx) and is_full_name(column):
        return change(lambda: apply_name_split(ctx, column, [key]))  # a full name feeds a name part
    fr = ctx.recipe_field(key)
    if fr is not None and fr.column == column and not ops_columns(fr):
        return note(f"{key} already comes from '{column}'")
    return change(lambda: map_column(ctx, key, column))
