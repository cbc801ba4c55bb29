"""Messages that name a change inside a frame that asks for none, found by the fourth hunt for misapplied readings
(issue 13): the change waits on someone's approval, it is a counterfactual, it is what another system does, it is
meant for another file, it was voted down or only toyed with, it is taken back mid-message, or it is said in
sarcasm. Each is asked back (`fit.misfit_question`) instead of applied: a question is the safe failure, a wrong
change the worst.
"""

from __future__ import annotations

import re

# a condition nobody has met yet: 'If the client agrees, …', '… only if legal signs off', 'Provided the team agrees,
# …', 'Should the client confirm, …', 'Assuming the auditors are fine with it, …' (a condition on the data, 'If a row
# has no email, drop it', names no one who decides)
_APPROVAL = (
    r"(?:agrees?|approves?|signs?\s+off|confirms?|says?\s+so|okays?|OKs?|decides?|complains?|objects?|"
    r"gives?\s+(?:the\s+|us\s+the\s+)?(?:go-ahead|green\s+light|ok|okay)|(?:is|are)\s+(?:fine|ok|okay|happy)\s+with\s+"
    r"(?:it|that|this))"
)
_UNMET_CONDITION_RE = re.compile(
    r"\b(?:if|provided(?:\s+that)?|providing|assuming|once|unless|in\s+case|as\s+soon\s+as|until|till|pending)\s+"
    r"(?:[\w'-]+\s+){0,4}?" + _APPROVAL + r"\b|"
    r"^\W*should\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+)?\s+(?:agree|approve|confirm|sign\s+off|say\s+so|decide)\b|"
    # the approval as a noun: 'Pending sign-off from legal, …', 'subject to approval', 'after the go-ahead'
    r"\b(?:pending|subject\s+to|awaiting|until|after|once\s+we\s+(?:get|have))\s+(?:[\w'-]+\s+){0,2}?"
    r"(?:sign-?off|approval|confirmation|go-ahead|green\s+light)\b",
    re.I,
)
# the answer is still out: '…; I'll check.', '… - still checking that', 'waiting to hear', "I haven't agreed yet"
_UNSETTLED_RE = re.compile(
    r"\b(?:I'll|I\s+will|let\s+me|we'll)\s+(?:check|confirm|double-check|verify|find\s+out)(?:\s+(?:that|it|first))?"
    r"\s*[.!]?\s*$|\bstill\s+(?:checking|confirming|waiting|verifying)\b|\bwaiting\s+to\s+hear\b|"
    r"\b(?:I|we)\s+haven't\s+(?:agreed|decided|confirmed)\b",
    re.I,
)
# a counterfactual: 'Had we dropped …', 'If we had lowercased …', '…, had it been my call', "I'd have kept …" (never
# a complaint that asks: 'I would have liked the emails lowercased')
_COUNTERFACTUAL_RE = re.compile(
    r"^\W*had\s+(?:we|I|you|they|he|she)\b|\bif\s+(?:we|I|you|they|he|she)\s+had\s+(?!to\b)\w+|\bhad\s+it\s+been\b|"
    r"\b(?:I|we|you)(?:'d|\s+would)\s+have\s+(?!liked|preferred|wanted|expected|thought|hoped)\w+(?:ed|en|pt)\b",
    re.I,
)
# what another system does, said as one sentence about it: 'In Salesforce we map …', 'HubSpot drops …', 'Our ERP
# reads dates day-first' ('Our CRM chokes on duplicates. So keep …' goes on to ask, and what the system the data goes
# to needs or accepts is a request: 'Our CRM only accepts lower-case emails')
_SYSTEM = (
    r"(?:salesforce|hubspot|pipedrive|mailchimp|zoho|marketo|zendesk|freshdesk|sap|netsuite|quickbooks|xero|"
    r"dynamics|monday|airtable|notion|(?:our|the|my)\s+(?:(?:old|previous|former|legacy|other|last)\s+)?"
    r"(?:crm|erp|system|tool|platform|software|app|vendor))"
)
_OTHER_SYSTEM_RE = re.compile(r"^\W*(?:in\s+)?" + _SYSTEM + r"\b[^.;!?]*[.!]?\s*$", re.I)
_ASKS_RE = re.compile(
    r"\b(?:so|please|pls|could|can|should|must|need|needs|make|do|same|too|here|also|requires?|accepts?|expects?|"
    r"wants?|only|chokes?|treats?|won't|can't|cannot|doesn't|breaks?)\b",
    re.I,
)
# rows or values of another file: 'Lowercase the emails in the Deals template', 'Split the names in the other file'
_OTHER_FILE_RE = re.compile(
    r"\b(?:in|for|from|on)\s+the\s+(?!(?:same|whole|entire|current|source|main|uploaded|this|import|new|final|"
    r"first|one|original|output|target|export|destination|resulting|imported|migrated|clean|cleaned|master|attached|"
    r"shared|given|provided|above|sample|csv|excel|xlsx|data|input)\b)(?P<name>[\w-]+)\s+(?:file|sheet|tab|template|list|workbook|spreadsheet|import)s?\b",
    re.I,
)
_LIKE_RE = re.compile(r"\b(?:same\s+as|like|as)\s*$", re.I)
# a change voted down or only toyed with: 'The team voted against lowercasing …', 'We toyed with the idea of …'
_TURNED_DOWN_RE = re.compile(
    r"\b(?:voted|decided|argued|advised|ruled)\s+against\b|\b(?:toyed|flirted)\s+with\b|\bvetoed\b", re.I
)
# a request taken back mid-message: 'Default the country to US. Actually no, leave it blank.'
_TAKEN_BACK_RE = re.compile(
    r"[.;!-]\s*(?:(?:uh|um|hmm|oh|well|wait|actually|sorry)[,\s]+)+no\b[,.]?\s+"
    r"(?:leave|keep|don't|do\s+not|forget|skip|ignore)\b",
    re.I,
)
# ask first, maybe later, someone might want it: 'Before you lowercase …, ask me', 'I might drop … tomorrow',
# 'Maybe map … later', 'the client might want …'
_NOT_YET_RE = re.compile(
    r"\bbefore\s+(?:you|we)\s+[^,.;]+,\s*(?:ask|check\s+with|talk\s+to|run\s+it\s+by)\s+(?:me|us)\b|"
    r"\b(?:ask|check\s+with)\s+(?:me|us)\s+(?:first|before)\b|"
    r"\b(?:I|we)\s+(?:might|may)\s+(?!as\s+well|want|need|have|also|just|not)\w+[^.;]*\b(?:later|tomorrow|"
    r"next\s+(?:week|month|time)|at\s+some\s+point|eventually)\b|"
    r"\b(?:maybe|perhaps|possibly)\b[^.;]*\b(?:later|tomorrow|next\s+(?:week|month|time)|at\s+some\s+point|"
    r"eventually)\b|"
    r"\b(?:client|customer|they|he|she|team|boss|manager|legal)\s+(?:might|may)\s+(?:want|prefer|decide|ask)\b",
    re.I,
)
# sarcasm: '…, what could go wrong', '…? As if.', 'Right, and I suppose …'
_SARCASM_RE = re.compile(
    r"\bwhat\s+could\s+(?:possibly\s+)?go\s+wrong\b|[.?!,]\s*as\s+if\s*[.!]*\s*$|"
    r"^\W*(?:right|sure|oh\s+sure|yeah),?\s+and\s+I\s+suppose\b|"
    r"^\W*(?:oh\s+sure|oh\s+great|oh\s+yes|yeah\s+sure),?\s+and\s+(?:let's|why\s+not)\b",
    re.I,
)
_CHECKS: list[tuple[re.Pattern[str], str]] = [
    (_UNMET_CONDITION_RE, "it waits on someone's approval"),
    (_UNSETTLED_RE, "it is not settled yet"),
    (_COUNTERFACTUAL_RE, "it says what would have been, not what to do"),
    (_TURNED_DOWN_RE, "it says the change was turned down or only considered"),
    (_TAKEN_BACK_RE, "it takes the change back"),
    (_NOT_YET_RE, "it asks for no change yet"),
    (_SARCASM_RE, "it reads as sarcasm"),
]


def framed(message: str, names: list[str]) -> str | None:
    """Why a message that names a change asks for none here and now, or None. `names` are the templates' and sheets'
    own names: 'in the Contacts sheet' is this import."""
    text = message.strip()
    for pattern, why in _CHECKS:
        if pattern.search(text):
            return why
    if _OTHER_SYSTEM_RE.search(text) and not _ASKS_RE.search(text):
        return "it says what another system does"
    own = {n.lower() for n in names}
    for m in _OTHER_FILE_RE.finditer(text):
        if _LIKE_RE.search(text[: m.start()]):  # 'Use Mobile for phone, same as for the other sheet': a comparison
            continue
        name = m["name"].lower()
        if name not in own and name.rstrip("s") not in own and name + "s" not in own:
            return f"it is about {m.group(0).split(None, 1)[1]}, not this import"
    return None
