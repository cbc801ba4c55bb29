"""Round 34: one field's two changes in one message must agree, or the message is asked back.

'Is it possible to move phone off Work Phone? It's parked in the wrong bay: phone should come from Mobile.' was read
as two changes, phone from Mobile and then phone from Work Phone again: the second undid the first, and the recipe
was saved as if both were wanted. A change that gives a field back the columns it had when the message began, after
an earlier clause of the same message moved it elsewhere, contradicts that clause; which one is meant is asked.
"""

from __future__ import annotations

from ferry.recipe.model import Recipe


def _columns(recipe: Recipe) -> dict[tuple[str, str], tuple[str, ...]]:
    return {(tr.sheet_id, f.field): tuple(f.source_columns()) for tr in recipe.templates for f in tr.fields}


def undoes_earlier(start: Recipe, before: Recipe, after: Recipe, touched: set[tuple[str, str]]) -> str | None:
    """Why the change from `before` to `after` contradicts an earlier clause: it moves a field this message already
    moved back to the columns it had at the start (`start`); None when it does not."""
    first, prior, now = _columns(start), _columns(before), _columns(after)
    for key in touched:
        if (
            key in first
            and prior.get(key) != first[key]
            and now.get(key) != prior.get(key)
            and now.get(key) == first[key]
        ):
            return f"it would give {key[1]} back the column an earlier instruction in this message just moved it from"
    return None
