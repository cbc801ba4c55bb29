"""Undo: 'undo', 'go back to the previous version' ask the caller to restore the previous recipe."""

from __future__ import annotations

import re

from ferry.recipe.editor.helpers import leftover
from ferry.recipe.editor.resolver import Ctx, words_of
from ferry.recipe.editor.steps import Step

UNDO_CUE_RE = re.compile(
    r"\b(?:undo|revert|roll ?back|rollback|go back|step back|previous version|last version|earlier version|"
    r"prior version|old version|restore|take (?:that|it|this) back|scratch that|never ?mind|cancel that)\b",
    re.I,
)
UNDO_WORDS = words_of(
    "undo revert roll rollback back go step return previous last earlier prior old version versions "
    "preview recipe change changes edit edits restore take scratch never mind nevermind cancel one state "
    "mapping before did made what you"
)


def undo(ctx: Ctx, text: str) -> Step | None:
    if not UNDO_CUE_RE.search(text) or leftover(ctx, text, UNDO_WORDS):
        return None
    return Step("revert", say="going back to the previous version")
