"""Round 24 (issue 13): a message that states several value pairs is read whole or asked. When a clause set a
value map and another clause, put aside as background or a remark, names a value of the file in a pair-like form
('Kunde in Lifecycle is for us the customer'), applying only the pairs that were read would be a partial change
the speaker never asked for: the unread clause is asked about instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ferry.recipe.editor.resolver import Ctx
from ferry.recipe.model import MapValues, Recipe

# a pair's link word: 'X is Y', 'X means Y', 'X = Y', 'X → Y'
_LINK_RE = re.compile(r"\b(?:is|are|means?|stands?\s+for|equals|becomes?)\b|=|->|\u2192", re.I)
_WORD_RE = re.compile(r"[\w-]+")


def _maps(recipe: Recipe) -> set[tuple[str, str, str, str | None]]:
    return {
        (tr.sheet_id, fr.field, source, target)
        for tr in recipe.templates
        for fr in tr.fields
        for op in fr.ops
        if isinstance(op, MapValues)
        for source, target in op.mapping.items()
    }


def pair_left_unread(
    prior: Recipe, working: Recipe, aside: list[str], ctxs: Callable[[Recipe], list[Ctx]]
) -> str | None:
    """The first clause set aside that reads as a value pair naming one of the file's values, when the message
    changed a value map; None otherwise."""
    if not aside or _maps(working) <= _maps(prior):
        return None
    contexts = ctxs(working)
    for text in aside:
        if not _LINK_RE.search(text):
            continue
        words = _WORD_RE.findall(text)
        if any(ctx.is_value(w) for ctx in contexts for w in words if len(w) > 2):
            return text
    return None
