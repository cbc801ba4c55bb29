"""Forms of the same commands from the voices dev11 showed (round 10 of issue 13) (a topic fronted and pointed
at again, chat shorthand, spreadsheet functions, a question before the instruction that answers it).

As in `forms.py`, nothing here decides what a name means: columns, fields and values stay as typed, and the
families, the resolver and `fit.py` still read the result. `RULES` are tried only on a clause the families did not
understand as typed; `message_idioms` works on the whole message, where a question mark would cut a form in two.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_Rule = tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]
# a topic of a few words, never a condition, a pronoun or a clause of its own
_TOPIC = r"(?P<np>(?!(?:if|when|where|whenever|and|but|so|then|it|they|we|i|you)\b)[A-Za-z][\w' -]{1,50}?)"
# a subject with no verb of its own before a bare 'be' (never 'X should not be …', already a command)
_MODAL_WORD = r"(?:should|must|shall|will|would|can|could|may|might|to|needs?|has|have)"
_BARE_SUBJECT = rf"(?P<np>(?:(?!\b{_MODAL_WORD}\b)[\w' -]){{2,50}}?)"
_POINTER = r"(?:them|it|those|these|this|that|this one|that one|those ones)"
_ROW_VERB = (
    r"(?P<v>remove|delete|drop|exclude|skip|ignore|keep|import|leave\s+out|don't\s+import|do\s+not\s+import|"
    r"don't\s+keep|do\s+not\s+keep|lowercase|split|map)"
)

# canonical words ← everyday words that mean them
IDIOMS: dict[str, tuple[str, ...]] = {
    # 'Notes needs to go in some column': the modal the families read
    "should go in": ("needs to go in", "need to go in", "has to go in", "have to go in"),
    "should go somewhere": ("needs to go somewhere", "need to go somewhere", "has to go somewhere"),
}  # fmt: skip

RULES: list[_Rule] = [
    # a topic fronted and pointed at again ('Rows without email, remove them'; 'The row, keep it'): the command
    # said with its object in place
    (re.compile(rf"^{_TOPIC}\s*,\s*(?:please\s+|kindly\s+|just\s+)?{_ROW_VERB}\s+{_POINTER}(?:\s+all)?\b"
                r"(?P<rest>.*)$", re.I),
     r"\g<v> \g<np>\g<rest>"),
    # an object fronted before 'we want/need' ('Phone we want from Mobile'): where it comes from, or that it stays
    (re.compile(rf"^{_TOPIC}\s+(?:also\s+|too\s+)?(?:we|i)\s+(?:also\s+|really\s+)?(?:want|need)\s+(?=from\b)", re.I),
     r"\g<np> should come "),
    (re.compile(rf"^{_TOPIC}\s+(?:also\s+|too\s+)?(?:we|i)\s+(?:also\s+|really\s+)?(?:want|need)(?:\s+(?:it|them))?"
                r"\s*(?=,|$)", re.I), r"keep \g<np>"),
    # 'rows which do not have email': what rows lack (after the fronted topic above is put back in place)
    (re.compile(r"\b(rows?|contacts?|records?|entries|people)\s+(?:that|which|who)\s+(?:do|does)\s*(?:not|n't)\s+"
                r"have\s+(?:an?\s+|any\s+)?", re.I), r"\1 without "),
    # a subject and a bare 'be' after 'asked that …' ('the Notes column not be brought over'): what should be
    (re.compile(rf"^{_BARE_SUBJECT}\s+(?P<neg>not\s+)?be\s+(?=\w+(?:ed|en|ght)\b)", re.I),
     lambda m: f"{m['np']} should {'not ' if m['neg'] else ''}be "),
    # chat shorthand: 'u' for you, 'asap' said of the whole request
    (re.compile(r"(?<![\w'@.])u(?![\w'@.])", re.I), "you"),
    (re.compile(r"\s*\b(?:asap|a\.s\.a\.p\.?|right away|straight away)(?!\w)", re.I), ""),
    # 'split full name -> first + last name': the arrow is 'into', the plus 'and' (between name words only)
    (re.compile(r"\b(split|divide|break)\s+(?P<o>[^,;]{1,40}?)\s*(?:->|→|=>)\s*(?=(?:the\s+)?(?:first|given)\b)",
                re.I), r"\1 \g<o> into "),
    (re.compile(r"\b(first|given)(\s+names?)?\s*\+\s*(?=(?:last|sur|family)\b)", re.I), r"\1\2 and "),
    # a spreadsheet program named as how: 'like Excel does' says nothing the command does not
    (re.compile(r"\s*,?\s*\b(?:like|as|the\s+way)\s+(?:in\s+)?(?:excel|google\s+sheets|sheets|libreoffice|numbers)"
                r"(?:\s+(?:does(?:\s+it)?|would|do))?\b", re.I), ""),
    # 'make the e-mail addresses to small letters': lower case said in letters
    (re.compile(r"\b(make|turn|put|convert|change|write)\s+(?P<o>[^,;]{1,40}?)\s+(?:to|into|in)\s+"
                r"(?:small|lower[\s-]?case)\s+letters\b", re.I), r"\1 \g<o> lower case"),
    # a place said as a landing ('Notes needs to land in some column'); what the speaker leaves open is asked anyway
    (re.compile(r"\b(should|must|needs?\s+to|has\s+to|have\s+to|can|could)\s+(?:land|end\s+up|live|sit)\s+"
                r"(?=in\b|into\b|somewhere\b|under\b)", re.I), r"\1 go "),
    (re.compile(r"\bdunno\b", re.I), "not sure"),
    (re.compile(r"\bsomewhere\s+(?:sensible|reasonable|appropriate|suitable|useful|fitting|good)\b", re.I),
     "somewhere"),
    # a non-native 'is no have': the column holds nothing
    (re.compile(r"\b(is|are)\s+(?:no|not)\s+have\b", re.I), r"\1 empty"),
]  # fmt: skip

# a spreadsheet function run on a column ('run `LOWER()` on email'): the case it sets (before quotes are cut out)
_FUNCTION_RE = re.compile(
    r"\b(?:run|apply|use|do)\s+['\"`]?(?P<f>lower|upper)\s*\(\s*\)['\"`]?\s+(?:on|to|for|over)\s+(?=\S)", re.I
)
# 'Why is created_at empty? Map it to Signup Date.': the question says what the next sentence acts on
_WHY_STATE_RE = re.compile(
    r"(^|(?<=[.!;]\s))why\s+(?P<be>is|are)\s+(?P<x>[^?.!;]{1,40}?)\s+(?P<state>empty|missing|blank|unmapped|"
    r"not\s+mapped|not\s+set)\s*\?+\s+(?=\S)",
    re.I,
)
# 'Where could the notes go? Put them somewhere.': asking where it goes is the request that it go somewhere
_WHERE_GO_RE = re.compile(
    r"(^|(?<=[.!;]\s))where\s+(?:could|should|can|would|might|do|does|will)\s+(?P<x>(?:the\s+)?[\w' -]{1,30}?)\s+"
    r"(?:go|live|land|end\s+up|be\s+put)\s*\?+\s+(?=\S)",
    re.I,
)

# 'Some people have no work phone, right? In that case take their mobile.': the statement is the condition
_IN_THAT_CASE_RE = re.compile(
    # (a statement with a 'but' in it is left to the sentence reader, which reads the contrast)
    r"(^|(?<=[.!;]\s))(?P<s>(?!(?:if|when|is|are|do|does|can|could|should|will|would)\b)(?:(?!\bbut\b)[^?.!;,]){3,80}?)"
    r"(?:,\s*(?:right|correct|true|yes|no|isn't\s+it|aren't\s+they|don't\s+they|doesn't\s+it))?\s*[?.!]+\s+"
    r"(?:in\s+that\s+case|in\s+those\s+cases|if\s+so|if\s+that's\s+the\s+case|when\s+that\s+happens)\s*,?\s+(?=\S)",
    re.I,
)

# a request asked in the negative ('Can't we get first and last name out of Full Name?'): the request itself
_NEGATIVE_ASK_RE = re.compile(
    r"(^|(?<=[.!;?]\s))(?:(can)(?:'t|not|\s+not)|(could|would)(?:n't|\s+not))\s+(we|you)\s+", re.I
)
_OUT_OF_RE = re.compile(r"\b(get|take|pull|extract)\s+(?P<o>[^,;.?!]{1,40}?)\s+out\s+of\b(?!\s+the\s+way)", re.I)


def spreadsheet_functions(text: str) -> str:
    """'run `LOWER()` on `email`' → 'lowercase `email`' (before quotes are cut out: the function is no name)."""
    return _FUNCTION_RE.sub(lambda m: f"{m['f'].lower()}case ", text)


def message_idioms(text: str) -> str:
    """'Why is X empty? Do Y with it.' → 'X is empty. Do Y with it.'; 'X, right? In that case Y' → 'if X, Y';
    'Can't we get A out of B?' → 'Can we get A from B?';
    'Where could X go? Put it somewhere.' →
    'X should go somewhere. Put it somewhere.' (a question alone is left as the question it is)."""
    text = _OUT_OF_RE.sub(r"\1 \g<o> from", _NEGATIVE_ASK_RE.sub(lambda m: f"{m[1]}{m[2] or m[3]} {m[4]} ", text))
    text = _IN_THAT_CASE_RE.sub(lambda m: f"{m[1]}if {m['s']}, ", text)
    text = _WHY_STATE_RE.sub(lambda m: f"{m[1]}{m['x']} {m['be'].lower()} {m['state']}. ", text)
    return _WHERE_GO_RE.sub(lambda m: f"{m[1]}{m['x']} should go somewhere. ", text)
