"""Undo: 'undo', 'go back to the previous version' ask the caller to restore the previous recipe."""

from __future__ import annotations

import re

from ferry.recipe.editor.helpers import leftover
from ferry.recipe.editor.resolver import Ctx, words_of
from ferry.recipe.editor.steps import Step

UNDO_CUE_RE = re.compile(
    r"\b(?:undo|revert|roll ?back|rollback|go back|step back|previous version|last version|earlier version|"
    r"prior version|old version|restore|take (?:that|it|this) back|take back|"
    r"(?:cancel|undo|revert|reverse) what you (?:just )?(?:did|changed|made)|scratch that|never ?mind|cancel that|"
    r"roll (?:that|it|this|the (?:last )?(?:change|edit))\s+back|put (?:it|that|this|things|everything) back|"
    r"(?:back )?(?:to )?(?:how|the way|as) it was|undone|un-?do(?:ne)?|(?:that|the|this) (?:last )?(?:change|edit) "
    r"was (?:a mistake|wrong|an error|not right|bad)|reverse (?:that|it|this|the last change)|"
    r"^(?:go\s+)?back$|reset (?:it |that |this |everything )?(?:to|back)|(?:the )?version before|back to before|"
    r"as (?:it was )?before|one (?:version|step) back|back one (?:version|step)|like (?:it was )?before|"
    r"the last thing|restore (?:the )?previous|previous one|changed my mind|change of mind)\b",
    re.I,
)
UNDO_WORDS = words_of(
    "undo revert roll rollback back go step return previous last earlier prior old version versions "
    "preview recipe change changes edit edits restore take scratch never mind nevermind cancel one state "
    "mapping before did made what you roll put it back how way as was were undone make mistake wrong error "
    "not right bad reverse nah no oops sorry things everything please reset to one like thing update updates "
    "step steps modification changed i i've we've"
)


# a part of the last change kept or undone alone ('undo only the phone change', 'revert all but the names'): a
# revert restores the whole previous version, so such an undo is not one to read
_PARTIAL_RE = re.compile(r"\b(?:only|just|except|but\s+(?:keep|not|leave)|(?:the\s+)?rest|part|all\s+but)\b", re.I)


# the undo itself denied ('Don't undo that, it was right'): nothing to go back from
_DENIED_UNDO_RE = re.compile(
    r"\b(?:don'?t|do not|never|no need to|stop|please don'?t)\s+(?:\w+\s+)?(?:undo|revert|roll|go back|restore|"
    r"reverse|cancel|take (?:it|that) back)|"
    # 'undo is not needed', 'the revert was …': the undo the subject of a statement, no command
    r"\b(?:undo|revert\w*|roll\s*back|rollback)\s+(?:is|was|are|were|isn't|wasn't)\b",
    re.I,
)


def undo(ctx: Ctx, text: str) -> Step | None:
    if not UNDO_CUE_RE.search(text) or leftover(ctx, text, UNDO_WORDS) or _DENIED_UNDO_RE.search(text):
        return None
    if _PARTIAL_RE.search(text) and ctx.mentions(text):
        return None
    return Step("revert", say="going back to the previous version")
