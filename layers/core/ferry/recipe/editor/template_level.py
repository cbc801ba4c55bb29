"""Requests only the template can meet ('email should not be required', new fields, types, allowed values)
are answered with a note saying where to change them, not with a recipe change.
"""

from __future__ import annotations

import re

from ferry.recipe.editor.helpers import full, leftover, match
from ferry.recipe.editor.resolver import Ctx, words_of
from ferry.recipe.editor.steps import Step, note

LEVEL_RE = re.compile(
    r"\b(optional|not required|non[- ]required|mandatory|required|compulsory|obligatory|unique|not unique|"
    r"non[- ]unique|nullable)\b",
    re.I,
)
_LEVEL_WORDS = words_of(
    "make set mark have let should must can could may need needs needn't to has be is are isn't aren't "
    "not no longer anymore doesn't don't does do optional required mandatory compulsory obligatory unique "
    "non nullable allowed allow empty blank missing field fields filled anything drop remove flag flags on "
    "unset clear turn off lift requirement constraint rule"
)
_OPTIONAL_RE = full(
    r"(?P<t>.+?)\s+(?:can|may|could|is allowed to|are allowed to|should be allowed to|may also)\s+be\s+"
    r"(?:left\s+)?(?:empty|blank|missing|null)|(?:allow|accept|permit)\s+(?:empty|blank|missing)\s+(?P<t2>.+)|"
    r"(?:allow|accept|permit|tolerate)\s+(?:the\s+)?(?:contacts?|rows?|records?|entries|lines?|people)\s+"
    r"(?:without|with no|missing|lacking)\s+(?:an?\s+|any\s+)?(?P<t3>.+)|"
    # "it's fine if a contact has no email": a missing value accepted is the field optional
    r"(?:it'?s|it\s+is|that'?s|that\s+is)\s+(?:fine|ok|okay|acceptable|alright|all right|no problem)\s+(?:if|when)\s+"
    r"(?:a\s+|the\s+|some\s+)?(?:contacts?|rows?|records?|entries|lines?|people|there\s+is|there's)\s*(?:has|have)?\s+"
    r"(?:no|without)\s+(?:an?\s+|any\s+)?(?P<t4>.+)"
)
_STRUCTURE_PATTERNS = [
    full(r"(?:rename|add|create|delete|remove)\s+(?:a\s+|an\s+|the\s+|new\s+)*(?:template\s+)?fields?\b.*"),
    full(r"(?:change|set|make)\s+(?:the\s+)?type\s+of\s+(?P<t>.+?)\s+(?:to|into)\s+.+"),
    full(
        r"(?:add|allow)\s+.+?\s+(?:to|as)\s+(?:the\s+)?(?:allowed|valid|possible|permitted)?\s*"
        r"(?:values|options|choices)(?:\s+(?:of|for)\s+(?P<t>.+))?"
    ),
]


def template_level(ctx: Ctx, text: str) -> Step | None:
    name = ctx.template.name
    structure = match(_STRUCTURE_PATTERNS, text)
    if structure:
        return note(
            f"fields, their types and allowed values are defined by the {name} template, not the recipe; "
            "change the template to change them"
        )
    optional = _OPTIONAL_RE.match(text)
    if optional:
        key = ctx.field(
            optional.group("t") or optional.group("t2") or optional.group("t3") or optional.group("t4"),
            via_column=False,
        )
        if key:
            return note(
                f"whether {key} is required is decided by the {name} template, not the recipe; "
                "change the template to change it"
            )
    level = LEVEL_RE.search(text)
    if level is None or leftover(ctx, text, _LEVEL_WORDS):
        return None
    keys = [m.key for m in ctx.mentions(text) if m.key]
    what = level.group(1).lower()
    subject = keys[0] if keys else "a field"
    rule = "unique" if "unique" in what else "required"
    return note(
        f"whether {subject} is {rule} is decided by the {name} template, not the recipe; "
        "change the template to change it"
    )
