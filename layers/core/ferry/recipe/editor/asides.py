"""Clauses said beside an instruction that are never one themselves (round 13 of issue 13), by kind rather than
by wording: a reason ('since nobody can reach them'), the speaker's not knowing ('I don't really get what Notes is
for'), a complaint about the last change said with a verb ('that last change broke something'), and what a system
of the speaker's does with the data ('Our CRM chokes on duplicate addresses'); since round 14, what the speaker
says of themselves ('I am not very good with computers'), a wish for the reader ('Hope you had a good weekend'), a
check that the command is right ('Is that right?') and a bare go-ahead ('Please do it'), each in closed words that
cannot name a column, field or value.

The session skips such a clause only when the rest of the message is understood (as it does any remark); alone,
it is still asked about. None of them may hold a modal, a wish, a condition or a command of its own.
"""

from __future__ import annotations

import re

# a reason, its conjunction first: 'since nobody can reach them', 'because our CRM is case sensitive'
_REASON_RE = re.compile(r"^(?:because|since|cause|cuz|coz|given\s+that|seeing\s+(?:as|that))\s+\S", re.I)
# the speaker not knowing or wondering: 'I don't really get what Notes is for', 'no idea why it's there'
_UNKNOWING_RE = re.compile(
    r"^(?:(?:honestly|tbh|ok|so|well)\s*,?\s+)?(?:(?:i|we)\s+(?:do\s*n[o']t|dont|really\s+do\s*n[o']t)\s+(?:really\s+|"
    r"even\s+|quite\s+|fully\s+)?(?:get|understand|know|see|follow|remember)|(?:i|we)\s+(?:wonder|have\s+no\s+idea)|"
    r"no\s+idea|not\s+sure)\s+(?:what|why|how|who|where)\b",
    re.I,
)
# a complaint about the change just made, said with a verb: 'that last change broke something'
_BROKE_RE = re.compile(
    r"^(?:(?:hmm+|oh|ugh|well|so|on\s+reflection|on\s+second\s+thoughts?|in\s+hindsight|actually|sorry)\s*,?\s+)?"
    r"(?:that|this|the|your|my)\s+(?:last\s+|latest\s+|previous\s+|recent\s+)?"
    r"(?:change|edit|update|version|step)\s+(?:(?:just\s+|kind\s+of\s+|totally\s+)?(?:broke|has\s+broken|ruined|"
    r"wrecked|messed\s+(?:\w+\s+)?up|screwed\s+(?:\w+\s+)?up|made\s+(?:a\s+)?mess\s+of)"
    r"(?:\s+(?:it|something|things|everything|stuff|the\s+[\w-]+))?|"
    # 'the last change wasn't what we wanted': a verdict on it, with no change of its own
    r"(?:was\s*n[o']t|was\s+not|is\s*n[o']t|is\s+not)\s+(?:really\s+|quite\s+)?(?:what\s+(?:we|i)\s+(?:wanted|"
    r"meant|asked\s+for|had\s+in\s+mind|expected)|right|correct|good|ok|okay|it))$",
    re.I,
)
# what a system of the speaker's does with the data, said first: 'Our CRM chokes on duplicate addresses'
_SYSTEM_RE = re.compile(
    r"^(?:(?:so|and|but|ok|okay|well|honestly|basically)\s*,?\s+)*(?:our|my|the)\s+(?:crm|system|tool|software|app|"
    r"database|db|platform|newsletter(?:\s+tool)?|mailing\s+(?:tool|list)|erp|backend|mail\s+server|website)\s+"
    r"(?!(?:is|are|should|must|needs?|wants?|can|could|would|will|shall|has\s+to|have\s+to)\b)\w+s\b",
    re.I,
)
# the speaker said of themselves: 'I am not very good with computers', "I'm new to all this"
_SPEAKER_RE = re.compile(
    r"^(?:(?:hello|hi|hey|dear\s+\w+|ok|so|well)\s*,?\s+)*(?:i\s+am|i'm|im)\s+(?:not\s+)?(?:(?:very|really|so|too|"
    r"that|a\s+bit|quite|pretty|terribly|still|fairly|rather)\s+)*(?:good|great|bad|new|old|slow|clueless|hopeless|"
    r"familiar|comfortable|confident|techy|technical|handy|experienced|an?\s+(?:beginner|novice|newbie|amateur|"
    r"retiree|pensioner|non-techie|layman|newcomer))(?:\s+(?:with|at|to|about|in)\s+(?:these\s+|this\s+|the\s+|all\s+)?"
    r"(?:computers?|technology|tech|this|it|things|stuff|spreadsheets?|excel|software|such\s+things|all\s+this|"
    r"these\s+things|data))?\s*[.!]?$",
    re.I,
)
# a wish for the reader, never with a word an instruction is said with: 'Hope you had a good weekend'
_WISH_RE = re.compile(r"^(?:i\s+|we\s+)?hope\s+(?:you|your|all|everyone|everything)\b[\w\s',]{0,50}[.!]?$", re.I)
# a check that what was asked is right, and a bare go-ahead: 'Is that right?', 'Please do it', 'Thank you kindly'
_CHECK_RE = re.compile(
    r"^(?:(?:is|was)\s+(?:that|this|it)\s+(?:right|correct|ok|okay|alright|fine|clear|possible|doable)|"
    r"(?:does|did)\s+(?:that|this|it)\s+make\s+sense|(?:(?:please|kindly|so|then|just)\s+)*(?:do|action|apply)\s+"
    r"(?:it|this|that)(?:\s+(?:please|now|for\s+me))*|go\s+ahead|"
    # a go-ahead to read as said: 'please understand it so', 'read them like that'
    r"(?:(?:please|kindly)\s+)?(?:understand|interpret|read|take|see)\s+(?:(?:it|them|this|that)\s+)?(?:so|like\s+that|"
    r"like\s+this|that\s+way|this\s+way|accordingly|as\s+such)|"
    # a go-ahead that points at the request before it: 'please change that', 'can you sort that (out)?'
    r"(?:(?:please|kindly|so|then|just|can\s+you|could\s+you|can\s+u)\s+)*(?:change|sort|fix|handle|arrange|"
    r"update)\s+(?:that|this|it)(?:\s+(?:out|please|for\s+me|for\s+us|accordingly))*|(?:thank\s+you|thanks)(?:\s+(?:kindly|very\s+much|"
    r"so\s+much|a\s+lot|in\s+advance))?)\s*[.!?]?$",
    re.I,
)
# a leading interjection, a 'no' of dismay among them ('ugh no', 'argh', 'oh no no'): said first, it is tone only
_INTERJECTION_RE = re.compile(
    r"^(?:(?:ugh+|argh+|agh+|ahh*|oh+|ohh*|oops|whoops|yikes|geez|jeez|gosh|dang|damn|darn|meh|welp|hmm+|eh|gah|"
    r"ack|oy|oi|wait|nope|nah|no+)\s*[,!.]*\s*){1,4}$",
    re.I,
)
# a modal, wish, negation, condition or command word: any of those may be the instruction itself
_MAY_INSTRUCT_RE = re.compile(
    r"\b(?:should|must|shall|need|needs|want|wants|would|could|can|will|let|please|have\s+to|has\s+to|not|no|"
    r"never|n't|if|when|whenever|unless|otherwise|instead|only|undo|revert|drop|remove|delete|keep|map|use|put|"
    r"set|split|skip|ignore|import|lowercase|make|treat|fill)\b",
    re.I,
)


def is_aside(text: str, first: bool) -> bool:
    """A clause said beside an instruction that is none itself; a system's behaviour only as the first clause."""
    text = text.strip()
    if first and _INTERJECTION_RE.match(text) and re.search(r"[a-z]", text, re.I):
        return True
    if _SPEAKER_RE.match(text) or _CHECK_RE.match(text):
        return True
    if _WISH_RE.match(text) and not _MAY_INSTRUCT_RE.search(text):
        return True
    if (_REASON_RE.match(text) and not re.search(r"\d", text)) or _BROKE_RE.match(text):
        return True
    if _UNKNOWING_RE.match(text):
        return not re.search(r"\b(?:so|then|just|please)\s+(?:drop|remove|delete|keep|map|use|put|set|split)\b", text)
    return first and bool(_SYSTEM_RE.match(text)) and not _MAY_INSTRUCT_RE.search(text)
