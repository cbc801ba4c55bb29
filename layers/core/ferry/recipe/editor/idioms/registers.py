"""Forms of the same commands from the voices dev12 showed (round 11 of issue 13) (a legal register, examples
given for a rule, a correction mid-message, "you will want", non-native "X no have", a requirement said of a field).

As in `forms.py` and `topics.py`, nothing here decides what a name means: columns, fields and values stay as
typed, and the families, the resolver and `fit.py` still read the result. `RULES` are tried only on a clause the
families did not understand as typed; `message_idioms` works on the whole message, where a comma or an "and"
would cut a form in two.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_Rule = tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]
_TOPIC = r"(?P<np>(?!(?:if|when|where|whenever|and|but|so|then|it|they|we|i|you)\b)[A-Za-z][\w' -]{1,40}?)"
_ROWS = r"(?:rows?|contacts?|records?|entries|lines?)"
_LAST_CHANGE = r"(?:the\s+)?(?:preceding|previous|last|latest|most\s+recent)\s+(?:amendment|change|edit|modification)"
_EXAMPLE = r"(?:for\s+example|for\s+instance|e\.\s?g\.|such\s+as|like)"

# canonical words ← everyday words that mean them
IDIOMS: dict[str, tuple[str, ...]] = {
    "not from": ("nicht von", "nicht aus"),
    "obligatory": ("obligatorio", "obligatoire", "obligatorisch"),
    "is empty": ("está vacío", "esta vacio", "está vacía", "esta vacia", "ist leer"),
}  # fmt: skip

RULES: list[_Rule] = [
    # a legal register's filler: 'is hereby excluded' is 'is excluded'
    (re.compile(r"\s*\b(?:hereby|herewith|for\s+the\s+purposes?\s+of\s+this\s+(?:import|migration)\s*,?)(?=\s|$)",
                re.I), ""),
    # a requirement said of the records it holds for ('optional for contacts'): the field's requirement
    (re.compile(rf"\b(optional|required|mandatory|obligatory|compulsory)\s+(?:for|on|in)\s+(?:the\s+|all\s+|every\s+|"
                rf"each\s+)?{_ROWS}\s*$", re.I), r"\1"),
    # 'make email not obligatory (field)': the field made optional
    (re.compile(r"^make\s+(?P<f>(?!it\b|them\b)[\w-]+(?:\s+[\w-]+)?)\s+(?:an?\s+)?(?:not\s+(?:an?\s+)?(?:obligatory|"
                r"mandatory|required|compulsory)|optional|non-?mandatory|non-?required)(?:\s+(?:field|column))?\s*$",
                re.I), r"\g<f> should be optional"),
    # 'I want created_at to take its value from Y': what X should do (a wish said of the field)
    (re.compile(r"^(?:i|we)\s+(?:want|need|would\s+like|'d\s+like)\s+(?P<x>(?!to\b|it\b|them\b)[\w' -]{1,30}?)\s+to\s+"
                r"(?=(?:come|take|get|pull|be|go|stay)\b)", re.I), r"\g<x> should "),
    # … and once the wish frame is off ('created_at to take its value from Y'): where its value comes from
    # (never a modal's own 'to': 'ought to', 'needs to', 'has to', 'is going to' are read by the register table)
    (re.compile(r"^(?P<x>(?!(?:i|we|you|it|them|this|that)\b)[\w' -]{1,30}?(?<!\bought)(?<!\bneed)(?<!\bneeds)"
                r"(?<!\bhas)(?<!\bhave)(?<!\bgoing)(?<!\bwants)(?<!\bwant)(?<!\bused))\s+to\s+(?=(?:come|take|get|pull)\s+"
                r"(?:its\s+values?\s+)?from\b)", re.I), r"\g<x> should "),
    # a non-native 'need to divide on first and last name': split into them
    (re.compile(r"\b(divide|separate)d?\s+(?:on|in|to)\s+(?=(?:the\s+)?(?:first|given)\b)", re.I), "split into "),
    # a remark that leaves the place open ('wherever they fit', 'any field is okay', 'I don't care where')
    (re.compile(r"\s*,?\s*(?:wherever\s+(?:they|it)\s+fits?|wherever\s+(?:suits|it\s+suits|works)|"
                r"(?:any|whichever|whatever)\s+(?:field|column|one|place)\s+(?:is|'s)\s+(?:okay|ok|fine|good)|"
                r"i\s+(?:don't|do\s+not)\s+(?:care|mind)\s+where)\s*$", re.I), ""),
    # a fronted topic wanted in a place ('The Notes, I want them in some field'): put it there
    (re.compile(rf"^{_TOPIC}\s*,\s*(?:i|we)\s+(?:want|need|would\s+like|'d\s+like)\s+(?:them|it)\s+(?=in\b|into\b|"
                r"somewhere\b)", re.I), r"put \g<np> "),
    # a non-native 'contact with email no have': rows without it
    (re.compile(r"\bwith\s+(?P<x>(?!no\b|not\b)[\w-]+(?:\s+[\w-]+)?)\s+(?:no|not)\s+have\b", re.I), r"without \g<x>"),
    # 'contact must stay in import': the rows are kept
    (re.compile(rf"^(?:but\s+)?(?:the\s+)?(?P<r>{_ROWS})\s+(?:must|should|has\s+to|have\s+to|needs?\s+to)\s+"
                r"(?:stay|remain|be\s+kept)\s+in(?:\s+the)?\s+(?:import|migration|file)\s*$", re.I), r"keep the \g<r>"),
    # 'where two rows share an email address, only the first such row shall be retained': keep the first
    (re.compile(r"^(?:where|if|when|whenever)\s+(?:two\s+or\s+more\s+|several\s+|multiple\s+|some\s+)?"
                rf"{_ROWS}\s+share\s+(?:an?|the\s+same)\s+(?P<x>[\w-]+(?:\s+address)?)\s*,\s*", re.I),
     r"if the same \g<x> appears twice, "),
    (re.compile(rf"\bonly\s+the\s+first\s+(?:such\s+)?(?:{_ROWS}|one)\s+(?:should|shall|must|is\s+to|will)\s+be\s+"
                r"(?:retained|kept|imported)\s*$", re.I), "keep only the first one"),
    # a legal withdrawal of the last change: undo it
    (re.compile(rf"^{_LAST_CHANGE}\s+(?:is|should\s+be|must\s+be|shall\s+be)\s+(?:withdrawn|retracted|rescinded|"
                r"revoked|cancell?ed|reversed)\s*$", re.I), "undo the last change"),
    (re.compile(rf"^(?:withdraw|retract|rescind|revoke|reverse)\s+{_LAST_CHANGE}\s*$", re.I), "undo the last change"),
]  # fmt: skip

# 'phone should come from Work Phone - no wait, I mean from Mobile': the source said again replaces the one said wrong
_CORRECTED_SOURCE_RE = re.compile(
    r"\bfrom\s+(?:the\s+)?[\w' -]{1,30}?\s*(?:\u2013|\u2014|-|,|\.\.\.)\s*"
    r"(?:no\s+wait|wait|oops|sorry|actually|or\s+rather|no)"
    r"\s*,?\s*(?:(?:no\s+)?i\s+mean\s+|make\s+that\s+)?(?=from\s+\w)",
    re.I,
)
# a sentence said to the reader ('You will want to drop …', 'You'll want X to come from Y'): the speaker's own wish
_SECOND_PERSON_WISH_RE = re.compile(
    r"(^|(?<=[.!;]\s))you(?:'ll|\s+will|\s+would|'d)\s+(?:probably\s+|also\s+)?want(?P<to>\s+to)?\s+(?=\w)", re.I
)
# a Spanish 'si' opening a condition ('Si country está vacío, …'), before a comma only
_SI_RE = re.compile(r"^si\s+(?=[^,?]{3,60},)", re.I)
# 'Translate the Lifecycle values, e.g. Kunde -> customer, …' and 'Land needs ISO codes, e.g. Deutschland -> DE':
# the examples are the value map of the column named before them
_EXAMPLE_MAP_RE = re.compile(
    r"^(?:(?:translate|convert|recode|map|change)\s+(?:the\s+|all\s+)?(?P<a>[\w -]{1,30}?)\s+values?|"
    r"(?P<b>[\w -]{1,30}?)\s+(?:needs?|wants?|should\s+(?:get|have|use))\s+(?:iso\s+|country\s+|proper\s+)?"
    rf"(?:codes?|values?))\s*,?\s*{_EXAMPLE}\s*:?\s+(?=[^,;]+?\s*(?:->|→|=>))",
    re.I,
)
# 'Fill created_at from a source column, e.g. Signup Date': the example is the column meant
_EXAMPLE_COLUMN_RE = re.compile(rf"\bfrom\s+(?:a|some|one|any)\s+(?:source\s+)?column\s*,?\s*{_EXAMPLE}\s*:?\s+", re.I)


def message_idioms(text: str) -> str:
    """'from A - no wait, I mean from B' → 'from B'; 'Translate the X values, e.g. A -> B, C -> D' → 'X: A -> B,
    C -> D'; 'from a source column, e.g. Y' → 'from Y'."""
    text = _CORRECTED_SOURCE_RE.sub("", _SI_RE.sub("if ", text.strip()))
    text = _SECOND_PERSON_WISH_RE.sub(lambda m: m[1] if m["to"] else f"{m[1]}I want ", text)
    text = _EXAMPLE_MAP_RE.sub(lambda m: f"{(m['a'] or m['b']).strip()}: ", text.strip())
    return _EXAMPLE_COLUMN_RE.sub("from ", text)
