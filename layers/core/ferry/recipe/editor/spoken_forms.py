"""Round 27 (issue 13): how people put a request in speech and in a learner's or a clerk's register, found as
dev33's misses, each said in a form the editor knows (rewritten after `trade_figured`); a form, never a corpus string:

- value pairs described, then 'so map them that way': 'the A values in C are (our) Ps, and the B ones are Qs' as
  'in C, A means P and B means Q' (the tail goes only after such pairs);
- formal pairs, 'A in C shall / is to be read / interpreted / construed / treated as P (and B as Q)' as
  'in C, A means P (and B means Q)'; a formal scope before them, 'For the purposes of the X field,', goes;
- a fallback said in one sentence with 'use': 'use A for F, and (use) B when A is empty' as
  'use A for F; if A is empty, use B';
- learners' verbs for a mapping, 'connect / link / tie / bind / associate F with / to C (column)' as
  'map F with C', and a pointer after it (', this is where the … is', ', there is the …') goes;
- a question asked politely: an apology opening it ('Sorry,', 'Sorry but'), 'is there any / some way to' as
  'is there a way to', and a question tag at its end (', eh?', ', right?', ', yeah?', ', ok?') as '?';
- a case brought down, 'take / bring / get / knock X down to lowercase' as 'make X lowercase', and a tail that
  repeats it (', not a capital left on it', ', no capitals left') goes.
"""

from __future__ import annotations

import re

_PLURAL_RE = re.compile(r"(?<=[a-z])s$")
_WORD = r"(?:'[^'\n]{1,30}'|\"[^\"\n]{1,30}\"|[\w-]+)"

# 'the Kunde values in Lifecycle are our customers, and the Interessent ones are leads(, so map them that way)'
_DESCRIBED_PAIRS_RE = re.compile(
    rf"(?<![\w'\"])(?:the\s+)?(?P<a>{_WORD})\s+(?:values?|ones?|entries|rows?|records?)\s+in\s+(?P<c>[\w ]{{1,30}}?)\s+"
    rf"(?:are|is)\s+(?:our|the|all|just)?\s*(?P<p>[\w-]+),?\s+and\s+(?:the\s+)?(?P<b>{_WORD})\s+"
    r"(?:values?|ones?|entries|rows?|records?)\s+(?:are|is)\s+(?:our|the|all|just)?\s*(?P<q>[\w-]+)"
    r"(?:\s*[,;]\s*(?:so\s+|and\s+)?(?:please\s+)?(?:map|translate|treat|read)\s+(?:them|those|these)\s+"
    r"(?:that\s+way|like\s+that|this\s+way|accordingly|as\s+such|so))?",
    re.I,
)
# "the value 'Deutschland' in Land shall be read as DE and 'USA' as US"
_READ_AS = r"(?:shall|should|is\s+to|are\s+to|must|will)\s+be\s+(?:read|interpreted|construed|treated|understood|taken)"
_FORMAL_PAIRS_RE = re.compile(
    rf"(?<![\w'\"])(?:the\s+values?\s+)?(?!(?:dates?|values?|rows?|records?|it|them|everything|all)\b)(?P<a>{_WORD})\s+in\s+"
    rf"(?P<c>[\w ]{{1,30}}?)\s+{_READ_AS}\s+as\s+(?P<p>{_WORD})(?!\s+(?:first|format|dates?|order)\b)"
    rf"(?:\s*,?\s+and\s+(?:the\s+values?\s+)?(?P<b>{_WORD})\s+as\s+(?P<q>{_WORD}))?",
    re.I,
)
_FORMAL_SCOPE_RE = re.compile(
    r"^\s*for\s+the\s+purposes?\s+of\s+(?:the\s+)?[\w ]{1,30}?(?:\s+(?:field|column))?\s*,\s*(?=.*\bin\s+[\w ]+,)",
    re.I | re.S,
)
# 'use Work Phone for phone, and Mobile when Work Phone is empty'
_USE_THEN_RE = re.compile(
    r"\buse\s+(?P<a>[\w ]{1,30}?)\s+for\s+(?P<f>[\w ]{1,30}?)\s*,?\s+and\s+(?:use\s+)?(?P<b>[\w ]{1,30}?)\s+"
    r"(?:when|if|where|whenever)\s+(?P=a)\s+is\s+(?P<e>empty|blank|missing)\b",
    re.I,
)
# 'connect created_at with Signup Date column, this is where date of creation is'
_LINK_RE = re.compile(
    r"\b(?:connect|link|tie|bind|associate|hook\s+up|join)\s+(?=[\w ]{1,30}?\s+(?:with|to)\s+[\w ]{1,30}?\s+column\b)",
    re.I,
)
_POINTER_TAIL_RE = re.compile(
    r"(\bcolumn)\s*[,;]\s*(?:this|that|it|there|here)(?:\s+is|'s)\s+(?:where\s+(?:the\s+)?[\w ]{1,40}?\s+"
    r"(?:is|are|lives?|sits?|is\s+kept)|(?:the|our)\s+[\w ]{1,40}?)\s*(?=[.!]?\s*$)",
    re.I,
)
_SORRY_RE = re.compile(r"^\s*(?:sorry|apologies|pardon\s+me)\s*(?:,|\s+but)\s+(?=\w[^.!]*\?)", re.I)
_ANY_WAY_RE = re.compile(r"\bis\s+there\s+(?:any|some)\s+(way|chance)\s+(?=to\b|you\s+could\b)", re.I)
# (only after a question: a tag after a statement asks for agreement, 'Kunde means customer, ok?', and stays)
_TAG_RE = re.compile(
    r"(?P<q>(?:^|[.!?]\s+)(?:(?:sorry|please|so|and)\s*,?\s+)?(?:is|are|can|could|would|will|do|does|any\s+chance)\b"
    r"[^.!?\n]*?),\s*(?:eh|right|yeah|yes|ok|okay|no|hey|innit|huh|mate|bud)\s*\?",
    re.I,
)
_DOWN_TO_LOWER_RE = re.compile(
    r"\b(?:take|bring|get|knock|put|turn)\s+(?P<x>(?:every|all(?:\s+the)?|each|the)\s+[\w ]{1,20}?)\s+down\s+to\s+"
    r"(?:lower\s*case|small\s+letters)\b",
    re.I,
)
_NO_CAPITAL_TAIL_RE = re.compile(
    r"\s*[,;]\s*(?:with\s+)?(?:not\s+(?:a|one)\s+(?:single\s+)?capital(?:\s+letter)?|no\s+capitals?(?:\s+letters?)?)"
    r"(?:\s+left)?(?:\s+(?:on|in)\s+(?:it|them|any))?\s*(?=[.!]?\s*$)",
    re.I,
)


def _one(word: str) -> str:
    return _PLURAL_RE.sub("", word) if word.islower() and len(word) > 3 else word


def _pairs(m: re.Match[str]) -> str:
    said = f"in {m['c']}, {m['a']} means {_one(m['p'])}"
    return said + (f" and {m['b']} means {_one(m['q'])}" if m["b"] else "")


def spoken_form(message: str) -> str:
    """The message with each form above rewritten; a message with none of them comes back as it was."""
    text = _DESCRIBED_PAIRS_RE.sub(_pairs, message)
    text = _FORMAL_PAIRS_RE.sub(_pairs, text)
    text = _FORMAL_SCOPE_RE.sub("", text)
    text = _USE_THEN_RE.sub(lambda m: f"use {m['a']} for {m['f']}; if {m['a']} is {m['e']}, use {m['b']}", text)
    if _LINK_RE.search(text):
        text = _POINTER_TAIL_RE.sub(r"\1", _LINK_RE.sub("map ", text))
    text = _TAG_RE.sub(lambda m: f"{m['q']}?", text)
    text = _ANY_WAY_RE.sub(r"is there a \1 ", _SORRY_RE.sub("", text))
    if _DOWN_TO_LOWER_RE.search(text):
        text = _NO_CAPITAL_TAIL_RE.sub("", _DOWN_TO_LOWER_RE.sub(lambda m: f"make {m['x']} lowercase", text))
    return text
