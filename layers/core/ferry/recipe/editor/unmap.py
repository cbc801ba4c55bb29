"""Unmap: stop importing a column ('don't import Work Phone') or stop filling a field."""

from __future__ import annotations

import re
from functools import partial
from typing import Literal

from ferry.recipe.editor.helpers import full, match
from ferry.recipe.editor.recipe_helpers import put
from ferry.recipe.editor.resolver import Ctx
from ferry.recipe.editor.steps import Step, change, note
from ferry.recipe.model import Coalesce, Concat, Default, FieldRecipe, FillFrom

UNMAP_PATTERNS = [
    full(r"(?:don'?t|do not|dont|never|stop)\s+(?:map|use|put)\s+(?P<x>.+?)\s+(?:to|for|in|into|as)\s+(?P<f>.+)"),
    full(
        r"(?:don'?t|do not|dont|never|no need to|stop|we don'?t need to)\s+(?:import|map|use|include|bring"
        r"(?:\s+over)?|keep|load|migrate|copy|transfer|carry(?:\s+over)?|fill|mapping|importing|using|"
        r"including)\s+(?P<x>.+?)(?:\s+(?:at all|anymore|any more|either|over|in))?"
    ),
    full(
        r"(?:ignore|skip|exclude|drop|remove|unmap|omit|leave out|discard|forget(?: about)?|delete|hide|"
        r"get rid of|throw away|toss|lose|clear|blank out|empty|unlink|disconnect|ditch|scrap|bin|dump|"
        r"cut|kill|nuke)\s+(?P<x>.+?)"
        r"(?:\s+(?:entirely|completely|altogether|from the import|from the recipe|from the mapping))?"
    ),
    full(r"(?:leave|keep)\s+(?P<x>.+?)\s+(?:out|empty|blank|unmapped|unfilled|unused|alone|out of it)"),
    full(r"(?:leave|keep)\s+(?:out|empty|blank|unmapped|unfilled)\s+(?P<x>.+?)"),
    full(
        r"(?P<x>.+?)\s+(?:is|are)\s+(?:not\s+needed|unnecessary|irrelevant|useless|not wanted|unwanted|junk|noise|"
        r"not important|not relevant|not useful|garbage|rubbish)"
    ),
    full(
        r"(?P<x>.+?)\s+(?:should|must|can|shall)\s*(?:not|n't)\s+be\s+(?:imported|mapped|used|included|migrated|kept)"
    ),
    full(
        r"(?P<x>.+?)\s+(?:shouldn'?t|mustn'?t|can'?t|won'?t|doesn'?t|don'?t)\s+(?:be\s+|need to be\s+)?"
        r"(?:imported|mapped|used|included|migrated|kept|go anywhere|matter)"
    ),
    full(r"no\s+(?P<x>.+?)"),
    full(
        r"(?P<x>[^:\u2192]+?)\s*(?::|\u2192|->|=>|\u2014|\u2013)\s*\(?\s*(?:skip|skipped|none|nothing|drop|dropped|"
        r"ignore|ignored|not needed|unneeded|don'?t import|do not import|not imported|n/a|x|-+|no|nope|unused|"
        r"leave out|left out|exclude|excluded)\s*\)?"
    ),
    full(
        r"(?P<x>.+?)\s+(?:is|are)\s+(?:just\s+|only\s+)?(?:internal|private|scribbles|comments|noise|junk)\b.*?,?\s+"
        r"(?:we|i)\s+(?:don'?t|do not)\s+(?:need|want|use)\s+(?:it|them)(?:\s+.*)?"
    ),
    full(
        r"(?:we|i)\s+(?:don'?t|do not)\s+(?:want|need)\s+to\s+(?:import|map|use|include|keep|bring over|carry over|"
        r"migrate|load)\s+(?P<x>.+?)"
    ),
    full(r"(?:we|i)\s+(?:don'?t|do not)\s+(?:need|want|care about)\s+(?P<x>.+?)"),
    full(r"(?:we|i)\s+(?:have|see)\s+no\s+(?:use|need|place)\s+for\s+(?P<x>.+?)"),
]


# a word naming an operation on a field, not the field or column itself
_OPERATION_WORD_RE = re.compile(
    r"\b(?:defaults?|fallbacks?|backups?|domains?|formats?|prefix(?:es)?|translations?|regions?|lower-?case|"
    r"upper-?case|splitting|split)\b",
    re.I,
)


def unmap(ctx: Ctx, text: str) -> Step | None:
    for m in match(UNMAP_PATTERNS, text):
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
            return note(f"{names} {'is' if len(targets) == 1 else 'are'} already not imported{where}")
        return change(partial(_apply_unmaps, ctx, targets, only))
    return None


def _readers_in(ctx: Ctx, column: str, only: str | None) -> list[str]:
    return [k for k in ctx.readers(column) if only is None or k == only]


def _target_list(ctx: Ctx, text: str) -> list[tuple[Literal["column", "field"], str]]:
    """One column or field, or a list of them ('Notes and Website'); [] when any part names nothing."""
    if _OPERATION_WORD_RE.search(text):
        return []  # 'we don't need a default country' denies the default, not the country
    whole = ctx.target(text)
    if whole:
        return [whole]
    parts = [p for p in re.split(r"\s*(?:,|&|\bor\b|\band\b|\bnor\b)\s*", text) if p.strip()]
    found = [ctx.target(p) for p in parts] if len(parts) > 1 else []
    return [f for f in found if f] if found and all(found) else []


def _apply_unmaps(ctx: Ctx, targets: list[tuple[Literal["column", "field"], str]], only: str | None) -> str:
    return "; ".join(_apply_unmap(ctx, kind, name, only) for kind, name in targets)


def _apply_unmap(ctx: Ctx, kind: str, name: str, only: str | None) -> str:
    if kind == "field":
        put(ctx.tr, FieldRecipe(field=name, column=None, ops=[]))
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
