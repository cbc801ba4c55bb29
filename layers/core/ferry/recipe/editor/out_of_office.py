"""Round 26 (issue 13): a request inside an out-of-office auto-reply, found as dev32's misses. A message that opens
as an automatic reply ('Automatic reply:', 'Out of office:', 'Thank you for your message.', "I'm out of the office
until the 20th.", 'I am on leave until 5 January with limited access to email.') holds sentences of the absence
around the request: the thanks, the absence and the return, who to contact when it is urgent, a sign-off. Those
sentences go, and so does the marker before the request ('Before I go:', 'Meanwhile,', 'In the meantime,'), so the
request is read alone.

Only a message that opens with the frame is read so (a message that quotes an auto-reply further in is left as it
was); an absence sentence that says anything more ("I'm away until Monday, so don't change anything yet") is no
frame; an auto-reply with no request left comes back as it was (it is still not understood, never applied).
"""

from __future__ import annotations

import re

_HEADER_RE = re.compile(
    r"^\s*(?:automatic\s+reply|auto-?\s?reply|autoreply|out[\s-]+of[\s-]+(?:the\s+)?office(?:\s+reply)?|ooo)"
    r"\s*[:\u2013\u2014-]\s*",
    re.I,
)
# 'Thank you for your message.', 'Thanks for your email!'
_THANKS_RE = re.compile(
    r"^(?:thank\s+you|thanks|many\s+thanks)\s+(?:(?:very|so)\s+much\s+)?for\s+(?:your|the)\s+(?:message|e-?mail|"
    r"mail|note|enquiry|inquiry|reaching\s+out)$",
    re.I,
)
# what may follow the absence: its end and how to reach the speaker ('until 14 December with limited access …')
_UNTIL = r"(?:\s*,?\s*(?:until|till|through|from|for|on|this|next|today|returning|with|and)\b[\w ,'/-]*)?"
# what may follow a return: 'Back on Monday 9th', 'returning 3 January'
_ON = r"(?:\s+(?:in\s+the\s+office\s+)?(?:on|from|after|next|this|the|\d)\b[\w ,'/-]*)?"
# the absence and the return: "I am out of the office until 14 December with limited access to email",
# "I'm on annual leave until the 3rd", 'Back on Monday 9th', 'I will reply on my return'
_ABSENCE_RE = re.compile(
    r"^(?:(?:i|we)(?:'m|'re|\s+am|\s+are)\s+(?:currently\s+|now\s+)?(?:out\s+of\s+(?:the\s+|my\s+)?office|"
    r"away(?:\s+from\s+(?:the|my)\s+(?:office|desk))?|on\s+(?:annual\s+|parental\s+|sick\s+|study\s+)?leave|"
    r"on\s+(?:holiday|vacation|pto|a\s+break)|off\s+(?:work|sick)|travelling|traveling)" + _UNTIL + r"|"
    r"(?:i'll\s+be\s+|i\s+will\s+be\s+|i'm\s+|i\s+am\s+)?(?:back|returning)" + _ON + r"|"
    r"i(?:'ll|\s+will)\s+(?:reply|respond|get\s+back\s+to\s+you|answer)(?:\s+(?:to\s+your\s+(?:message|e-?mail)\s+)?"
    r"(?:on\s+my\s+return|when\s+i(?:'m|\s+am)\s+back|as\s+soon\s+as\s+(?:i\s+can|possible)|after\s+[\w ]{1,20}))?"
    r"|(?:i\s+have|i'll\s+have|i\s+will\s+have|with)\s+(?:limited|no)\s+access\s+to\s+(?:e-?mail|my\s+e-?mail))$",
    re.I,
)
# words that make a sentence more than an absence: "I'm away until Monday, so don't change anything yet"
_MORE_RE = re.compile(r"\b(?:so|but|please|don't|do\s+not|can|could|should|must|need|needs|drop|keep)\b", re.I)
# who to reach when it cannot wait: 'For urgent matters contact Dana Ruiz', 'If urgent, please call the helpdesk'
_URGENT_RE = re.compile(
    r"^(?:for\s+(?:urgent|anything\s+urgent|urgent\s+matters|urgent\s+(?:issues|requests|enquiries))|"
    r"if\s+(?:it\s+is\s+|it's\s+|this\s+is\s+|your\s+(?:message|matter)\s+is\s+)?urgent|in\s+urgent\s+cases|"
    r"in\s+my\s+absence)\s*,?\s*(?:please\s+)?(?:contact|call|e-?mail|reach|ring|write\s+to)\b[^.!?\n]*$",
    re.I,
)
# a sign-off: 'Kind regards, Helen', 'Thanks, Sam', 'Best wishes'
_SIGN_OFF_RE = re.compile(
    r"^(?i:(?:kind|best|warm)\s+regards|regards|best(?:\s+wishes)?|cheers|thanks|many\s+thanks|sincerely|"
    r"yours(?:\s+sincerely)?)\s*,?\s*(?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?)?$"
)
# the marker before the request: 'Before I go:', 'One thing before then:', 'Meanwhile,', 'In the meantime,'
_MARKER_RE = re.compile(
    r"^(?:(?:one\s+thing\s+)?before\s+(?:i\s+(?:go|leave)|then|i'm\s+off)|meanwhile|in\s+the\s+meantime|"
    r"while\s+i(?:'m|\s+am)\s+(?:away|out|off)|until\s+(?:then|i(?:'m|\s+am)\s+back|i\s+return))\s*[:,\u2013\u2014-]\s*",
    re.I,
)
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+|\s*\n\s*")


def _absence(sentence: str) -> bool:
    plain = sentence.strip().rstrip(".!")
    if _THANKS_RE.match(plain) or _URGENT_RE.match(plain) or _SIGN_OFF_RE.match(plain):
        return True
    return _ABSENCE_RE.match(plain) is not None and not _MORE_RE.search(plain)


def out_of_office_request(message: str) -> str:
    """The request inside an auto-reply, alone; any other message comes back as it was."""
    header = _HEADER_RE.match(message)
    body = message[header.end() :] if header else message
    sentences = [s for s in _SENTENCE_RE.split(body.strip()) if s.strip()]
    if not sentences or not (header or _absence(sentences[0])):
        return message
    if _SIGN_OFF_RE.match(sentences[0].strip().rstrip(".!")):
        return message  # ('Thanks, drop the test rows.' opens with thanks, not with an absence)
    kept = [s for s in sentences if not _absence(s)]
    if len(kept) == len(sentences) and not header:
        return message
    request = " ".join(_MARKER_RE.sub("", s.strip(), count=1) for s in kept).strip()
    return request or message
