"""Frames around a plain command (round 14 of issue 13), each said once for every wording of its kind:

- a command split over two sentences, the first only selecting the rows ('1. find rows with Lifecycle = test 2.
  leave them out'): the selection is the rows the next sentence's pronoun points at;
- the object before 'do not' and a bare verb ('Notes column do not bring in import');
- a source said with a copula ('created_at must be from Signup Date'), a purpose clause ('leverage the email
  domain to populate company'), a convention followed ('the entries follow the day-month-year convention');
- a leading frame of belief ('I believe the created_at box should …'; never 'I don't think'), a field called by a
  container noun ('the created_at box'), a place left open said twice ('find a home for Notes somewhere');
- an undo said as a return ('come back to the version from before') or a keystroke ('ctrl+z'), a mistake said in
  a game's word ('a misplay'), a consultant's 'sunset' for removal;
- a bullet or numbered item after the source that only says what it is not ('- phone: use Mobile / - not Work Phone').

As in the other idiom modules, nothing here decides what a name means: columns, fields and values stay as typed,
and the families, the resolver and `fit.py` still read the result. `RULES` are tried only on a clause the families
did not understand as typed; `message_idioms` works on the whole message.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ferry.recipe.editor.idioms.shapes import _BARE_VERB, _NP

_Rule = tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]

IDIOMS: dict[str, tuple[str, ...]] = {
    "undo": ("ctrl+z", "ctrl-z", "ctrl z", "cmd+z", "cmd-z", "command-z", "control-z"),
    "mistake": ("misplay", "misclick", "blunder", "goof"),
    "drop": ("sunset",),
    "go back to": ("come back to", "get back to", "return to", "roll back to", "revert to"),
    "the previous version": (
        "the version from before", "the version before", "the earlier version", "the old version",
        "the prior version", "how it was before",
    ),
}  # fmt: skip

RULES: list[_Rule] = [
    # a leading frame of belief ('I believe the created_at box should …'), never a negation ('I don't think …')
    (
        re.compile(
            r"^(?:(?:i|we)\s+(?:believe|think|reckon|guess|feel|suppose|figure)|in\s+my\s+(?:view|opinion))"
            r"(?:\s+that)?\s*,?\s+(?=\S)",
            re.I,
        ),
        "",
    ),
    # the object before 'do not' and a bare verb ('Notes column do not bring in import'): the negated command
    (re.compile(rf"^(?:the\s+)?{_NP}\s+(?:do|does)\s*n[o']t\s+{_BARE_VERB}\b", re.I), r"don't \g<v> \g<x>"),
    # a source said with a copula ('created_at must be from Signup Date'): take the field from it
    (
        re.compile(
            r"^(?P<f>(?!(?:it|they|this|that|there)\b)[\w' -]{2,30}?)\s+(?:must|should|has\s+to|needs\s+to|is\s+to)"
            r"\s+be\s+(?:taken\s+|filled\s+|pulled\s+|sourced\s+)?from\s+(?=\S)",
            re.I,
        ),
        r"take \g<f> from ",
    ),
    # a purpose clause ('leverage the email domain to populate company'): use X for Y
    (
        re.compile(
            r"\b(?:use|leverage|utili[sz]e|take|employ)\s+(?P<x>[\w' -]{2,40}?)\s+to\s+(?:populate|fill(?:\s+in)?|"
            r"feed|derive|build|supply|set)\s+(?:the\s+)?(?P<y>[\w' -]{2,30}?)(?=\s*(?:[,.;!?]|$))",
            re.I,
        ),
        r"use \g<x> for \g<y>",
    ),
    # a convention followed ('the entries follow the day-month-year convention'): the column is in that format
    (
        re.compile(
            r"\b(?:follows?|uses?|adheres?\s+to|is\s+in|are\s+in)\s+(?:the|a)\s+(?P<o>[\w/-]{3,30})\s+"
            r"(?:convention|pattern|standard|style|notation|scheme)\b",
            re.I,
        ),
        r"is in \g<o> format",
    ),
    # a column's values called by a head noun after its name ('the Signup Date entries')
    (
        re.compile(
            r"^(?:the\s+)?(?P<x>[A-Z][\w' -]{1,30}?)\s+(?:entries|cells|values|data)\s+(?=(?:follow|use|are|is)\b)"
        ),
        r"\g<x> ",
    ),
    # a field called by a container noun ('the created_at box')
    (re.compile(r"\b(?P<x>[\w-]+)\s+(?:box|slot|bucket|spot|cell)\b", re.I), r"\g<x> field"),
    # a place left open said twice once 'find a home for X' is 'put X somewhere' ('… for Notes somewhere')
    (re.compile(r"\b(somewhere|anywhere)\s+(?:somewhere|anywhere)\b", re.I), r"\1"),
]

# a sentence that only selects the rows the next one acts on ('find rows with Lifecycle = test'): the rows
_SELECT_RE = re.compile(
    r"(?P<lead>^|(?<=[.!?\n])\s*(?:\d+[.)]\s*|[-*\u2022]\s*)?)(?:\d+[.)]\s*|[-*\u2022]\s*)?(?:(?:first|please|just)\s*,?\s+)?"
    r"(?:find|select|pick|locate|identify|look\s+for|spot|grab|get)\s+(?:all\s+)?(?:the\s+)?(?P<r>(?:rows|records|"
    r"contacts|entries|lines)\s+(?:with|where|that|which|having|whose)\b[^.!?\n]{2,60})(?P<end>[.!?]?\s*\n|[.!?]\s+)"
    r"(?=(?:\d+[.)]\s*|[-*\u2022]\s*)?(?:and\s+|then\s+)?(?:please\s+)?\w+\s+(?:them|those|these)\b)",
    re.I,
)
# a source item, then one that only says what it is not ('- phone: use Mobile\n- not Work Phone')
_NOT_ITEM_RE = re.compile(
    r"(?P<head>[^\n]*?(?:=|:|\bfrom\b|\buse\b)[^\n]*?)\s*\n\s*(?:(?:[-*\u2022]|\d+[.)])\s*)?not\s+(?:from\s+)?(?:the\s+)?"
    r"(?P<x>[A-Za-z][\w' -]{1,30}?)\s*[.!]?\s*$",
    re.I,
)


def message_idioms(text: str) -> str:
    """A selecting sentence said as the rows the next one acts on; a bullet that only says what the source is not."""
    text = _SELECT_RE.sub(lambda m: f"{m['lead']}{m['r']}. ", text)
    return _NOT_ITEM_RE.sub(r"\g<head> instead of \g<x>.", text)
