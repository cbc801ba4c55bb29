"""Messages that name a change but ask for none now, found by the third hunt for misapplied readings (issue 13):
the request is someone else's and was withdrawn or only asked about, it is an indirect question, it is put off,
it sends rows or values somewhere the recipe cannot write, or it says a column is fine as it is. Each is asked
back (`fit.misfit_question`) instead of applied; a question is the safe failure, a wrong change the worst.
"""

from __future__ import annotations

import re

# someone asked a question, not for a change: 'Ms. Ito asked me whether we drop …', 'I want to know why …',
# 'asked me to find out if …', 'Kindly note whether …' (never 'if' after 'note' or 'check': 'note, if X is empty …';
# an 'if' or 'whether' with a modal after 'asks' or 'wonder' is a polite request: 'I wonder if you could …', 'The
# customer asks if email can be made …')
_INDIRECT_QUESTION_RE = re.compile(
    r"\b(?:(?:want|need|like)\s+to\s+(?:know|understand|see)|find\s+out|figure\s+out|curious|ask\s+you)\s+"
    r"(?:whether|why|if|how|what|when|who)\b|"
    r"\b(?:ask(?:s|ed|ing)?(?:\s+me|\s+us|\s+you)?|wonder(?:s|ed|ing)?)\s+(?:(?:why|how|what|when|who)\b|"
    r"(?:if|whether)\b(?![^.;!?]*?\b(?:can|could|would|might|may|will)\b))|"
    r"\b(?:note|check|see|confirm|tell\s+me|let\s+me\s+know|explain)\s+(?:whether|why|how)\b",
    re.I,
)
# a relayed wish nobody made, or asked about: 'Nobody asked me to …', 'Who asked me to …?', 'No one wants …'
_NOBODY_ASKED_RE = re.compile(
    r"\b(?:nobody|no\s+one|no-one|none\s+of\s+us|who)\s+(?:has\s+|had\s+|ever\s+|really\s+)?"
    r"(?:asked|asks|told|tells|wanted|wants|requested|said)\b",
    re.I,
)
# a relayed wish taken back since: '… asked me to X, but she has since withdrawn that', '… he changed his mind'
_WITHDRAWN_RE = re.compile(
    r"\b(?:he|she|they|[A-Z][a-z]+)(?:'s|'ve|\s+has|\s+have|\s+had)?\s+(?:since\s+|then\s+|now\s+|later\s+|just\s+)?"
    r"(?:changed\s+(?:his|her|their)\s+mind|withdr[ae]wn?|retracted|took\s+it\s+back|taken\s+it\s+back|"
    r"said\s+never\s*mind|called\s+it\s+off|cancell?ed\s+(?:it|that))",
)
_RELAY_RE = re.compile(r"\b(?:asked|asks|wants|wanted|told|requested|would\s+like|'d\s+like)\s+(?:me|us|that)\b", re.I)
# a relayed wish of another time: 'The client asked me to drop … last year'
_PAST_TIME_RE = re.compile(
    r"\b(?:last\s+(?:year|month|week|quarter|spring|summer|autumn|fall|winter)|years?\s+ago|back\s+then|"
    r"in\s+(?:19|20)\d\d)\b",
    re.I,
)
# a relayed wish said as a question: 'Jane asked me to lowercase the emails?'
_RELAYED_QUESTION_RE = re.compile(r"\b(?:asked|asks|wants|wanted|told)\s+(?:me|us)\s+to\b[^.!?]*\?", re.I)
# a request put off: 'Not now, the rows … can go', '…, but not today', 'not yet, …'
_DEFERRED_RE = re.compile(
    r"^\W*not\s+(?:now|yet|today|right\s+now|at\s+the\s+moment)\b\s*[,:;.!-]|"
    r"(?:,|\bbut)\s*(?:but\s+)?not\s+(?:today|yet|now|right\s+now|at\s+the\s+moment|this\s+time)\s*[.!]?\s*$|"
    r"\blet'?s\s+(?:wait|hold\s+off)\b",
    re.I,
)
# a request doubted right after it: '…, or should we?', '… Should I?'
_DOUBTED_RE = re.compile(
    r"(?:\bor\s+|(?:^|[.!?]\s+))(?:should|shall|would|could|must)\s+(?:we|I|it|they|you)\s*\?\s*$", re.I
)
# a reading of a value or a source said as a question: 'Kunde, read as customer?', 'phone should take from Mobile?'
_READING_ASKED_RE = re.compile(
    r"\b(?:read|treated|taken|construed|interpreted|take|takes|pull|pulls|draw|draws)\s+(?:it\s+)?(?:as|from|off)\b"
    r"[^.!;]*\?\s*$",
    re.I,
)
# a value pair said as a question: 'Kunde translates to customer?', 'Should Kunde be rendered as customer?' (round 23)
_PAIR_ASKED_RE = re.compile(
    r"\b(?:means?|translat(?:es?|ed)|render(?:s|ed)?|correspond(?:s|ed)?|equates?|convert(?:s|ed)?|"
    r"(?:shown|written|listed|served|spelt|spelled)\s+as)\b[^.!;]*\?\s*$",
    re.I,
)
# (a closing tag asks for agreement, not about the reading: 'Kunde means customer, Interessent means lead, ok?')
_TAG_RE = re.compile(r",\s*(?:ok|okay|alright|all\s+right|yes|yeah|yep|right|please|thanks|cheers)\s*\?\s*$", re.I)
_POLITE_RE = re.compile(r"\b(?:could|can|would|will|please|mind|any\s+chance)\b", re.I)
# rows or values sent somewhere the recipe does not write: 'Drop the rows … into a separate file'
_ELSEWHERE_RE = re.compile(
    r"\b(?:into|to|in|onto)\s+(?:a|an|another|their\s+own|its\s+own)\s+(?:separate\s+|new\s+|different\s+|other\s+|"
    r"extra\s+|second\s+|own\s+)?(?:file|sheet|tab|list|table|csv|spreadsheet|workbook|document|column)s?\b",
    re.I,
)
# a column said to be fine as it is: 'the company: that's fine as is'
_FINE_AS_IS_RE = re.compile(
    # (never what is left: 'and for those I'd like …, the rest is fine as it is' still asks for its change)
    r"(?<!\brest\s)(?<!\belse\s)(?<!\bothers\s)\b(?:that's|that\s+is|it's|it\s+is|they're|they\s+are|that\s+one's|"
    r"is|are)\s+(?:fine|ok|okay|good|all\s+right|alright|correct)\s+(?:as\s+(?:is|it\s+is|they\s+are)|the\s+way\s+(?:it|they)\s+(?:is|are))\b",
    re.I,
)
# round 27: a change put up for discussion, not asked for: 'discuss whether …', 'talk about using …', 'Discuss: …'
_DISCUSSED_RE = re.compile(
    r"\b(?:discuss(?:es|ed|ing)?|talk(?:s|ed|ing)?\s+(?:about|over|through)|debat(?:e|es|ed|ing)|weigh(?:ing)?\s+up)\s+"
    r"(?:whether|if|how|using|the\s+(?:idea|option|question)|options?)\b|\b(?:to\s+be|up\s+for)\s+discuss(?:ed|ion)\b|"
    r"^\W*(?:discuss|to\s+discuss|for\s+discussion|open\s+question)\s*:",
    re.I,
)
_CHECKS: list[tuple[re.Pattern[str], str]] = [
    (_DISCUSSED_RE, "it puts the change up for discussion"),
    (_INDIRECT_QUESTION_RE, "it asks a question, not for a change"),
    (_NOBODY_ASKED_RE, "it says nobody asked for it"),
    (_RELAYED_QUESTION_RE, "it asks whether to do what was relayed"),
    (_DEFERRED_RE, "it puts the change off"),
    (_DOUBTED_RE, "it doubts the change right after it"),
    (_ELSEWHERE_RE, "the recipe writes one import and cannot send rows or values elsewhere"),
    (_FINE_AS_IS_RE, "it says that is fine as it is"),
]


def not_asked(message: str) -> str | None:
    """Why a message that names a change asks for none now, or None."""
    text = message.strip()
    for pattern, why in _CHECKS:
        if pattern.search(text):
            return why
    # (a request said as a question stays one: 'could the company be taken from the domain instead?')
    asks_reading = _READING_ASKED_RE.search(text) or (_PAIR_ASKED_RE.search(text) and not _TAG_RE.search(text))
    if asks_reading and not _POLITE_RE.search(text.rsplit(".", 1)[-1]):
        return "it asks about the reading"
    if _RELAY_RE.search(text) and (_WITHDRAWN_RE.search(text) or _PAST_TIME_RE.search(text)):
        return "what was relayed was taken back or is from another time"
    return None
