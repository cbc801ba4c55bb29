"""Split a column into fields ('split the Full Name column into First name and Last name', on a separator or as
a person's name) and join columns into one field ('combine Organization and Website into company with ' - '').
"""

from __future__ import annotations

import re
from functools import partial
from typing import Literal

from ferry.recipe.editor.helpers import full, match
from ferry.recipe.editor.recipe_helpers import apply_name_split, put
from ferry.recipe.editor.resolver import STOPWORDS, Ctx, is_full_name, name_fields
from ferry.recipe.editor.steps import Step, change, note
from ferry.recipe.model import Concat, FieldRecipe, Op, Split, Trim

_SEPARATORS = {
    "comma": ",", "commas": ",", "semicolon": ";", "semicolons": ";", "space": " ", "spaces": " ", "dash": "-",
    "dashes": "-", "hyphen": "-", "hyphens": "-", "slash": "/", "slashes": "/", "pipe": "|", "pipes": "|", "colon":
    ":", "underscore": "_", "tab": "\t", "plus": "+", "at": "@", "dot": ".", "period": ".",
}  # fmt: skip
SPLIT_PATTERNS = [
    full(
        r"(?:split|separate|break(?: up| apart)?|divide|cut)\s+(?:up\s+)?(?P<src>.+?)(?:\s+(?:on|by|at|using|with)"
        r"\s+(?:the\s+|an?\s+)?(?P<sep>.+?))?(?:\s+(?:into|in|to|across|between|over|for)\s+(?P<dst>.+))?"
    ),
    full(
        r"(?P<dst>.+?)\s+(?:should\s+)?(?:come|comes|are split|is split|be split|are taken|are extracted|"
        r"be taken|be extracted)\s+(?:from|out of)\s+(?P<src>.+)"
    ),
    full(r"(?:use|take|get)\s+(?P<src>.+?)\s+(?:for|to fill|as)\s+(?:both\s+)?(?P<dst>.+)"),
    full(r"(?P<src>.+?)\s*(?:->|\u2192|=>)\s*(?P<dst>.+)"),
    full(r"(?P<dst>.+?)\s+(?:from|out of)\s+(?P<src>.+)"),  # 'first and last name from Full Name'
    # a description: 'Full Name holds first and last names together'
    full(
        r"(?P<src>.+?)\s+(?:holds|has|contains|combines|includes|carries)\s+(?:both\s+)?(?P<dst>.+?)"
        r"(?:\s+(?:together|combined|in one(?: column| field)?|at once))?"
    ),
]


def split(ctx: Ctx, text: str) -> Step | None:
    for m in match(SPLIT_PATTERNS, text):
        groups = m.groupdict()
        verb = bool(re.match(r"(?:split|separate|break|divide|cut)\b", text, re.I))
        column = ctx.column(groups["src"])
        if column is None:
            continue
        sep_text = groups.get("sep")
        sep = _separator(ctx, sep_text) if sep_text else None
        if sep_text and sep is None:
            continue
        targets = _field_list(ctx, groups.get("dst"))
        if targets is None:
            continue
        names = name_fields(ctx)
        if not verb and not (len(targets) == 2 or (targets and is_full_name(column))):
            continue  # 'phone comes from Mobile' is a plain mapping
        if sep is None:
            targets = targets or names
            if not targets or any(t not in names for t in targets):
                if not verb:
                    continue
                return note("splitting without a separator is only for first and last names; say what to split on")
            return change(partial(apply_name_split, ctx, column, targets))
        if not targets:
            continue
        return change(partial(_apply_split, ctx, column, sep, targets))
    return None


_UNNAMED_PARTS_RE = re.compile(r"(?:two|2|its|their)?\s*(?:fields?|parts?|pieces?|columns?|halves)|two|2", re.I)


def _field_list(ctx: Ctx, text: str | None) -> list[str] | None:
    """Fields listed as 'first and last name', 'first_name, last_name': [] when none given, None when unknown."""
    if not text:
        return []
    text = re.sub(r"^(?:both\s+|the\s+)+", "", text.strip(), flags=re.I)
    if _UNNAMED_PARTS_RE.fullmatch(text):
        return []  # 'into the two fields', 'in two parts': the parts a name splits into, unnamed
    parts = [p for p in re.split(r"\s*(?:,|&|\+|/|\band\b)\s*", text) if p]
    if len(parts) > 1 and len(parts[-1].split()) > 1:
        tail = parts[-1].split()[-1]  # 'first and last name': the shared noun goes with each part
        parts = [p if len(p.split()) > 1 or p == parts[-1] else f"{p} {tail}" for p in parts]
    keys = []
    for part in parts:
        key = ctx.field(part, via_column=False) or _field_by_word(ctx, part)
        if key is None:
            return None
        keys.append(key)
    return keys


def _field_by_word(ctx: Ctx, word: str) -> str | None:
    """The one field whose name has this word ('first' → first_name), or None."""
    low = word.strip().lower()
    found = [f.key for f in ctx.template.fields if low in f.key.lower().split("_")]
    return found[0] if len(found) == 1 and low not in STOPWORDS else None


def _separator(ctx: Ctx, text: str) -> str | None:
    value, quoted = ctx.text(text)
    if quoted:
        return value
    word = value.lower().strip()
    if word in _SEPARATORS:
        return _SEPARATORS[word]
    return word if len(word) == 1 and not word.isalnum() else None


def _apply_split(ctx: Ctx, column: str, sep: str, targets: list[str]) -> str:
    for i, key in enumerate(targets):
        part: Literal["first", "last", "index"] = "first" if i == 0 else "last" if i == len(targets) - 1 else "index"
        if len(targets) == 1:
            part = "first"
        ops: list[Op] = [Trim(), Split(sep=sep, part=part, index=i), Trim()]
        put(ctx.tr, FieldRecipe(field=key, column=column, ops=ops))
    return f"'{column}' is split on '{sep}' into {', '.join(targets)}"


# --- concat -------------------------------------------------------------------------------------------

CONCAT_PATTERNS = [
    full(
        r"(?:combine|concatenate|concat|join|merge|glue|put together|stitch)\s+(?:together\s+)?(?P<src>.+?)"
        r"(?:\s+(?:with|separated by|seperated by|using|joined by|by)\s+(?:an?\s+|the\s+)?"
        r"(?P<sep>\S+|\u27e6\d+\u27e7))?"
        r"\s+(?:into|in|to|as|for|to make|to form|to get)\s+(?P<dst>.+?)"
        r"(?:\s+(?:with|separated by|seperated by|using|joined by|by)\s+(?:an?\s+|the\s+)?(?P<sep2>.+))?"
    ),
    full(
        r"(?P<dst>.+?)\s+(?:is|=|should be|comes from|is made of|combines|is built from|is the combination of)\s+"
        r"(?P<src>.+?\s*(?:\+|&|\bplus\b)\s*.+)"
    ),
]


def concat(ctx: Ctx, text: str) -> Step | None:
    for m in match(CONCAT_PATTERNS, text):
        groups = m.groupdict()
        parts = [p for p in re.split(r"\s*(?:,|&|\+|\bplus\b|\band\b)\s*", groups["src"]) if p.strip()]
        columns = [ctx.column(p) for p in parts]
        if len(columns) < 2 or None in columns:
            continue
        key = ctx.field(groups["dst"], via_column=False)
        sep_text = groups.get("sep") or groups.get("sep2")
        sep = _separator(ctx, sep_text) if sep_text else " "
        if key is None or sep is None:
            continue
        cols = [c for c in columns if c]

        def apply(k: str = key, c: list[str] = cols, s: str = sep) -> str:
            put(ctx.tr, FieldRecipe(field=k, column=None, ops=[Concat.model_validate({"columns": c, "sep": s})]))
            return f"{k} joins {', '.join(repr(x) for x in c)} with {s!r}"

        return change(apply)
    return None
