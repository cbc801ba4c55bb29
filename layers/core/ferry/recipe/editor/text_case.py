"""Letter case ('make emails lowercase'), trimming white space, and a prefix or suffix ('prefix phone with '+49'')."""

from __future__ import annotations

import re
from typing import Literal

from ferry.recipe.editor.helpers import fields_question, full, leftover
from ferry.recipe.editor.recipe_helpers import place
from ferry.recipe.editor.resolver import Ctx, words_of
from ferry.recipe.editor.steps import Ask, Step, change
from ferry.recipe.model import Affix, Case, FieldRecipe, Trim

CASES: list[tuple[Literal["lower", "upper", "title"], str]] = [
    ("lower", r"lower[- ]?case[ds]?|lower[- ]?cased|lower|downcase[ds]?|small letters|lowercasing"),
    ("upper", r"upper[- ]?case[ds]?|upper[- ]?cased|upper|capitals|capital letters|all caps|caps|uppercasing"),
    ("title", r"title[- ]?case[ds]?|proper case|capitali[sz]e[ds]?|capitali[sz]ing|first letter capital|title"),
]
_NO_CAPS_RE = re.compile(
    r"\b(?:no|without|never|not in|not|none in|zero|avoid|get rid of|remove|drop|strip)\s+(?:any\s+|the\s+)?"
    r"(?:caps|capitals|capital letters|upper[- ]?case(?: letters)?|all caps)\b",
    re.I,
)
_NO_LOWER_RE = re.compile(
    r"\b(?:no|without|never|not in|not|avoid)\s+(?:any\s+)?(?:lower[- ]?case(?: letters)?|small letters)\b", re.I
)
_DENIAL_RE = re.compile(r"\b(?:not|never|no|without)\b|n't\b", re.I)
CASE_WORDS = words_of(
    "make convert change turn put set write format have should be all in to into as letters letter "
    "everything every lower upper case cased lowercase uppercase lowercased uppercased titlecase capital "
    "capitals caps capitalize capitalise capitalized capitalised proper title small downcase first "
    "written store stored them please force normalise normalize lowercasing uppercasing name names no without "
    "never not avoid zero none any get rid remove drop strip"
)


# 'some emails are in capitals': how some values look today, the problem and not the wish (rephrase reads it)
_HOW_IT_IS_RE = re.compile(
    r"^(?:some|many|a few|several|most|a lot of|lots of)\b.*\b(?:are|is)\s+(?:in|with|written)\b", re.I
)


# 'the emails have capital letters (in them)', 'some addresses contain caps': the case the values have today, said
# in the indicative with no modal or verb of making: a description of the problem, never the case wanted
_HAS_CASE_RE = re.compile(
    r"^(?!.*\b(?:should|must|shall|need|needs|want|wants|wish|like|make|convert|change|turn|put|set|write|format|"
    r"force|please|only|always|all be)\b)[^,;]*\b(?:have|has|contain|contains|carry|carries|are in|is in|"
    r"are written in|is written in|come in|comes in|arrive in|use|uses)\s+(?:some\s+|any\s+|many\s+)?"
    r"(?:capitals|capital letters|caps|upper[- ]?case(?: letters)?|lower[- ]?case(?: letters)?|small letters|"
    r"mixed case)\b",
    re.I,
)


# 'Lowercase the Full Name into first and last name': a target other than a case ('into' fields) is another
# family's relation (a split, a mapping), so the clause is not only about letter case: not read here
_INTO_OTHER_RE = re.compile(
    r"\binto\s+(?!(?:all\s+)?(?:lower|upper|small|capital|title|proper|caps|mixed))(?:the\s+|two\s+)?\w+",
    re.I,
)


def case(ctx: Ctx, text: str) -> Step | None:
    if _HOW_IT_IS_RE.match(text) or _HAS_CASE_RE.match(text) or _INTO_OTHER_RE.search(text):
        return None
    found = next(((name, m) for name, pattern in CASES if (m := re.search(rf"\b(?:{pattern})\b", text, re.I))), None)
    to = found[0] if found else None
    # a denial anywhere before the case word ('emails should not have capitals', 'don't lowercase them')
    denied = found is not None and _DENIAL_RE.search(text[: found[1].start()]) is not None
    if to == "upper" and (_NO_CAPS_RE.search(text) or denied):
        to = "lower"  # 'no caps in emails', 'without capital letters', 'should not have capitals'
    elif denied or (to == "lower" and _NO_LOWER_RE.search(text)):
        # 'don't lowercase the emails', 'avoid lowercase emails': no case asked for, and upper case would be a guess
        return None
    if to is None or leftover(ctx, text, CASE_WORDS):
        return None
    keys = list(dict.fromkeys(m.key for m in ctx.mentions(text) if m.key))
    if not keys and re.search(r"\bnames\b", text, re.I):
        keys = [f.key for f in ctx.template.fields if "name" in f.key.split("_")]
    if not keys:
        raise Ask(
            fields_question(ctx, "case_fields", f"Which field should be {to}-cased?", lambda k: f"make {k} {to}case")
        )
    if len(keys) == 1:
        ctx.focus = keys[0]  # 'lowercase the emails and drop rows without one': 'one' is the email

    def apply() -> str:
        for key in keys:
            fr = ctx.recipe_field(key)
            if fr is None:
                continue
            fr.ops = [op for op in fr.ops if not isinstance(op, Case)]
            place(fr.ops, Case(to=to))
        return f"{' and '.join(keys)} {'is' if len(keys) == 1 else 'are'} {to}-cased"

    return change(apply)


# --- trim ---------------------------------------------------------------------------------------------

_TRIM_RE = re.compile(r"\b(?:trim|strip)\b", re.I)
_TRIM_WORDS = words_of("trim strip white space spaces whitespace blanks leading trailing surrounding off of from")


def trim(ctx: Ctx, text: str) -> Step | None:
    if not _TRIM_RE.search(text) or leftover(ctx, text, _TRIM_WORDS):
        return None
    keys = [m.key for m in ctx.mentions(text) if m.key] or [fr.field for fr in ctx.tr.fields if fr.source_columns()]

    def apply() -> str:
        for key in keys:
            fr = ctx.recipe_field(key)
            if fr is not None and not any(isinstance(op, Trim) for op in fr.ops):
                fr.ops.insert(0, Trim())
        return f"white space around {', '.join(keys)} is trimmed"

    return change(apply)


# --- prefix and suffix --------------------------------------------------------------------------------

_AFFIX_PATTERNS = [
    (full(r"(?:prefix|prepend)\s+(?P<t>.+?)\s+with\s+(?P<v>.+)"), "prefix"),
    (full(r"prepend\s+(?P<v>.+?)\s+to\s+(?P<t>.+)"), "prefix"),
    (full(r"append\s+(?P<v>.+?)\s+to\s+(?P<t>.+)"), "suffix"),
    (
        full(
            r"(?:add|put|prepend|insert)\s+(?P<v>.+?)\s+(?:before|in front of|at the start of|to the start of|"
            r"to the beginning of|as a prefix to|as prefix (?:to|for))\s+(?P<t>.+)"
        ),
        "prefix",
    ),
    (full(r"(?:suffix|append)\s+(?P<t>.+?)\s+with\s+(?P<v>.+)"), "suffix"),
    (
        full(
            r"(?:add|put|append)\s+(?P<v>.+?)\s+(?:after|at the end of|to the end of|behind|as a suffix to|"
            r"as suffix (?:to|for))\s+(?P<t>.+)"
        ),
        "suffix",
    ),
]


def affix(ctx: Ctx, text: str) -> Step | None:
    for pattern, where in _AFFIX_PATTERNS:
        m = pattern.match(text)
        if m is None:
            continue
        value, quoted = ctx.text(m.group("v"))
        key = ctx.field(m.group("t"))
        if key is None or not (quoted or " " not in value):
            continue
        fr = ctx.recipe_field(key)
        if fr is None:
            continue

        def apply(f: FieldRecipe = fr, v: str = value, w: str = where, k: str = key) -> str:
            place(f.ops, Affix(**{w: v}))
            return f"{k} gets '{v}' {'in front' if w == 'prefix' else 'at the end'}"

        return change(apply)
    return None
