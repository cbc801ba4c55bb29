"""Shapes that carry a plain command whatever the words around it (round 16 of issue 13), each said once for every
wording of its kind rather than for one voice:

- a field said to come from a column with any verb of its own ('created_at should be charted from Signup Date',
  'created_at is from Signup Date', 'Company ships from Organization'): take the field from it;
- a pronoun said with a noun that names nothing ('when that dock is empty'): the pronoun alone;
- described rows said to be removed in the passive ('rows where Lifecycle = test are excluded'), or taken off a
  container of rows ('take them off the list', 'pull those rows from the load'): drop them;
- the object before a verb of keeping or removing at the end ('others remove please'): the verb first;
- a value said to be the same in many rows ('Email is same in many rows'): it is duplicated;
- a user story's frame ('As the importer, I parse …'): the command it wraps;
- a column said to hold a field's values ('Signup Date holds the created_at dates'): map it to the field.

As in the other idiom modules, nothing here decides what a name means: columns, fields and values stay as typed,
and the families, the resolver and `fit.py` still read the result. `RULES` are tried only on a clause the families
did not understand as typed; `message_idioms` works on the whole message.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ferry.agent.enums import country_code
from ferry.agent.normalize import fold

_Rule = tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]

IDIOMS: dict[str, tuple[str, ...]] = {
    "keep": ("hold on to", "hold onto", "hang on to", "hang onto"),
    "the first": ("the earliest",),
    "work phone": ("desk numbers", "desk number", "desk ones", "desk phones", "desk phone", "desk lines"),
}  # fmt: skip

_ROWS = r"(?:rows?|records?|contacts?|entries|entry|lines?|people|ones)"
_NOT_A_FIELD = rf"(?!(?:it|they|them|this|that|these|those|there|we|i|you|the\s+rest|others?|{_ROWS})\b)"
# a container the rows are in, never a column or a field: 'off the list', 'from the load'
# a field's name of up to three words, none a verb, modal or possessive ('created_at should take its values from …'
# is another shape)
_NAME_WORD = (
    r"(?!(?:should|must|will|would|can|could|shall|may|might|take|takes|its|their|is|are|be|has|have|to)\b)[\w'-]+"
)
_NAME_WORDS = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}?"
_CONTAINER = (
    r"(?:list|load|file|sheet|spreadsheet|batch|import|data|dataset|upload|run|manifest|pile|export|migration|books|"
    r"ledger|roster|register|set|table|feed|shipment|queue)"
)
_REMOVED = (
    r"(?:excluded|removed|dropped|deleted|filtered\s+out|skipped|ignored|left\s+out|discarded|thrown\s+(?:out|away)|"
    r"cut|binned|purged|taken\s+out|pulled|struck)"
)


def _sourced(m: re.Match[str]) -> str:
    """'X is from Y' is a source, but 'numbers are from Germany' is a country: left for the phone family."""
    rest = m.string[m.end() :].strip(" .!")
    if country_code(rest) or country_code(rest.split(" ")[0] if rest else ""):
        return m[0]
    return f"take {m['f']} from "


def _holds(m: re.Match[str]) -> str:
    """'X holds the created_at dates' maps X to the field; 'the European dates' names a country's way, no field."""
    said = m["f"]
    if re.fullmatch(r"[A-Za-z]+(?:an|ish|ese|ch)", said) or country_code(said) or fold(said) in _KINDS:
        return m[0]  # a people's or a region's adjective ('European', 'British', 'French') names a way, no field
    return f"map {m['c']} to {said}"


_KINDS = frozenset(
    {"usual", "normal", "same", "right", "wrong", "old", "new", "other", "iso", "local", "full", "short"}
)


RULES: list[_Rule] = [
    # a field said to come from a column with a verb of its own: 'created_at should be charted from Signup Date',
    # 'created_at is from Signup Date', 'Company ships from Organization'
    (
        re.compile(
            rf"^(?P<f>{_NOT_A_FIELD}{_NAME_WORDS})\s+(?:(?:must|should|has\s+to|needs\s+to|is\s+to|will|shall)"
            r"\s+be\s+[a-z]+(?:ed|en|wn)\s+|(?:is|are)\s+(?:[a-z]+(?:ed|en|wn)\s+)?|(?!comes\b)[a-z]{3,}s\s+)from\s+(?=\S)",
            re.I,
        ),
        _sourced,
    ),
    # a pronoun said with a noun that names nothing: 'when that dock is empty' is 'when it is empty'
    (
        re.compile(r"\b(?P<c>when|if|where|whenever)\s+(?:that|this)\s+[a-z]+\s+(?=(?:is|are)\s+(?:empty|blank)\b)"),
        r"\g<c> it ",
    ),
    # described rows removed in the passive: 'rows where Lifecycle = test are excluded'
    (
        re.compile(
            rf"^(?:all\s+)?(?:the\s+)?(?P<r>{_ROWS}\s+(?:where|with|whose|that|which|having|without)\b.{{2,60}}?)\s+"
            rf"(?:are|get|should\s+be|must\s+be|will\s+be|need\s+to\s+be|have\s+to\s+be)\s+{_REMOVED}$",
            re.I,
        ),
        r"drop \g<r>",
    ),
    # rows taken off a container: 'take them off the list', 'pull those rows from the load'
    (
        re.compile(
            rf"^(?:(?:please|just|so|then)\s+)*(?:take|pull|strike|cross|knock|scratch|yank|cut|get)\s+(?P<x>them|those|"
            rf"these|(?:those|these|the|such|all)\s+{_ROWS}|(?:the\s+|all\s+)?{_ROWS}\s+(?:where|with|whose|that|which|without)\b"
            rf"[^,]{{2,50}}?)"
            rf"\s+(?:off|out\s+of|from)\s+(?:the|this|our|my|that)\s+{_CONTAINER}$",
            re.I,
        ),
        r"drop \g<x>",
    ),
    # the object before a verb of keeping or removing at the end: 'others remove please'
    (
        re.compile(
            r"^(?P<x>(?:the\s+)?(?:others|other\s+rows|other\s+ones|the\s+rest|rest|duplicates))\s+"
            r"(?P<v>remove|drop|delete|discard|cut)(?:\s+please)?$",
            re.I,
        ),
        r"\g<v> \g<x>",
    ),
    # a value said to be the same in many rows: 'Email is same in many rows'
    (
        re.compile(
            r"^(?P<x>[\w' -]{2,30}?)\s+(?:is|are)\s+(?:the\s+)?same\s+in\s+(?:many|several|multiple|some|two|more)\s+"
            r"(?:rows|records|lines|entries)\b",
            re.I,
        ),
        r"\g<x> is duplicated",
    ),
    # the progressive for the passive, before a date order: 'Signup Date is writing day-month-year'
    (
        re.compile(
            r"\b(?P<b>is|are)\s+(?:writ|formatt|stor|record|enter|sav|keep)ing\s+(?=(?:in\s+)?(?:the\s+)?(?:day|month|"
            r"year|dd|mm|yyyy|european|american|iso)\b)",
            re.I,
        ),
        r"\g<b> written ",
    ),
    # a bare 'no <verb>' for the command denied, said of what the clause before named: 'no import please'
    (re.compile(r"^(?:so\s+)?no\s+(?:import|importing)(?:\s+(?:please|pls|thanks))?$", re.I), "don't import it"),
    # a value put 'there', where the clause before said it is missing: 'so please fill US there'
    (
        re.compile(
            r"^(?:(?:so|then|just|please)\s+)*(?:fill(?:\s+in)?|put|set|use|write|enter)\s+(?P<v>[A-Z]{2,3}|[A-Z][a-z]+)"
            r"\s+(?:in\s+)?there$"
        ),
        r"if it is empty, use \g<v>",
    ),
    # a column said to hold a field's values: 'Signup Date holds the created_at dates'
    (
        re.compile(
            r"^(?P<c>[\w' -]{2,30}?)\s+(?:holds|contains|carries|stores|keeps)\s+the\s+(?P<f>[\w-]+)\s+"
            r"(?:dates|values|data|numbers|entries|info|information)$",
            re.I,
        ),
        _holds,
    ),
]

# a user story's frame: 'As the importer, I parse …' (never 'As a default, we use US': a role, not the rule's part)
_STORY_RE = re.compile(
    r"(?P<lead>^|(?<=[.:!?])\s*)as\s+(?:an?|the)\s+(?!(?:default|fallback|backup|rule|result|source|first|last|"
    r"last\s+resort|rule)\b)[a-z-]+(?:\s+[a-z-]+){0,2}\s*,\s*(?:i|we)\s+(?:want\s+to\s+|would\s+like\s+to\s+|"
    r"need\s+to\s+|can\s+|should\s+|must\s+)?(?=[a-z])",
    re.I,
)


def message_idioms(text: str) -> str:
    """A user story's 'As the <role>, I …' said as the command it wraps."""
    return _STORY_RE.sub(lambda m: m["lead"], text)
