"""Round 26 (issue 13): trade and hobby figures for the data, found as dev32's misses, each said the plain way
(rewritten before `surrounds` reads the message); a form of figure, never a corpus string:

- a verdict that X is worth saving before the request, 'X isn't a lost cause / a write-off / beyond saving: …',
  as 'X: …' (the positive 'X is a lost cause' is left as it was);
- a column that takes no part, 'X sits this one out', 'X can sit this round out', 'X stays on the bench',
  'leave X on the (shop) floor / bench / sidelines / shelf', as 'leave X out'; and a reason after it that the
  column is 'not part of the import';
- the second source of a fallback, 'Y is the spare / reserve / stand-in / understudy', as 'Y is the backup';
- a comparison before the request, 'X are like Y: …', as 'X: …' (never as a question, never without a request
  after the colon).
"""

from __future__ import annotations

import re

# 'A contact with no email isn't a lost cause:' / 'Rows with no email are not a write-off;'
_NOT_LOST_RE = re.compile(
    r"^\s*(?P<x>[\w' ]{1,50}?)\s+(?:isn't|is\s+not|aren't|are\s+not)\s+(?:(?:a|an)\s+)?(?:lost\s+causes?|"
    r"write-?offs?|dead\s+loss(?:es)?|hopeless(?:\s+cases?)?|goners?|(?:beyond|past)\s+(?:saving|repair|hope|help|"
    r"rescue))\s*[:;\u2013\u2014]\s*(?=\S)",
    re.I,
)
_X = r"(?P<x>(?:the\s+)?[\w ]{1,30}?(?:\s+column)?)"
# 'Notes sits this one out', 'Notes can sit this round out', 'Notes is sitting this one out'
_SIT_OUT_RE = re.compile(
    r"^\s*" + _X + r"\s+(?:(?:can|will|should|may|must|gets?\s+to)\s+sit|sits|is\s+sitting|are\s+sitting|sit)\s+"
    r"(?:this|that|the)\s+(?:one|round|time|game|dance|song|piece|match|trip|season|run)\s+out\b",
    re.I,
)
# 'Notes stays on the bench', 'Notes can stay on the sidelines'
_ON_BENCH_RE = re.compile(
    r"^\s*" + _X + r"\s+(?:(?:can|will|should|may|must)\s+(?:stay|sit|remain)|stays|sits|remains|is)\s+on\s+the\s+"
    r"(?:bench|sidelines?|shelf)\b",
    re.I,
)
# 'leave it on the shop floor', 'leave Notes on the cutting-room floor'
_LEAVE_ON_FLOOR_RE = re.compile(
    r"\bleave\s+(?P<x>it|them|(?:the\s+)?[\w ]{1,30}?(?:\s+column)?)\s+on\s+the\s+(?:[\w-]+\s+)?"
    r"(?:floor|bench|sidelines?|shelf)\b",
    re.I,
)
# a reason after leaving X out: ': it's not part of the import'
_NOT_PART_RE = re.compile(
    r"\s*[,;:\u2013\u2014]\s*(?:it's\s+not|it\s+is\s+not|it\s+isn't|it's\s+no|they're\s+not|they\s+are\s+not|"
    r"they\s+aren't)\s+(?:a\s+)?part\s+of\s+(?:the|this|our)\s+(?:import|migration|load)\s*(?=[.!]?\s*$)",
    re.I,
)
_LEFT_OUT_RE = re.compile(r"\bleave\s+[\w ]{1,30}?\s+out\b", re.I)
# 'Mobile is the spare', 'Mobile is our reserve': the fallback's second source
_SPARE_RE = re.compile(
    r"\b(is|as)\s+(?:the|our|a|its)\s+(?:spare|reserve|stand-?in|understudy|standby|second\s+string|sub)\b"
    r"(?!\s+(?:key|tyre|tire|room|part|parts|copy|bedroom|wheel)\b)",
    re.I,
)
# 'Duplicate emails are like the same patient registered twice: keep …'
_LIKE_RE = re.compile(r"^\s*(?P<x>[\w' ]{1,40}?)\s+(?:is|are)\s+(?:just\s+)?like\s+[^:;.?!\n]{1,60}:\s*(?=\S)", re.I)


_NEGATION_RE = re.compile(r"\b(?:not|never|no\s+longer|don't|doesn't|won't|shouldn't|can't|cannot)\b|n't\b", re.I)


def _leave_out(m: re.Match[str]) -> str:
    """'leave X out', unless the figure is denied ('Notes does not sit this one out', "don't leave it on the …")."""
    before = m.string[max(0, m.start() - 12) : m.start()]
    if _NEGATION_RE.search(m["x"]) or _NEGATION_RE.search(before):
        return m.group(0)
    return f"leave {m['x']} out"


def figured(message: str) -> str:
    """The message with each figure above said plainly; a message with none of them comes back as it was."""
    if message.rstrip().endswith("?"):
        return message  # ('Is Notes sitting this one out?' asks, it does not tell)
    text = _NOT_LOST_RE.sub(lambda m: f"{m['x']}: ", message)
    text = _SIT_OUT_RE.sub(_leave_out, text)
    text = _ON_BENCH_RE.sub(_leave_out, text)
    text = _LEAVE_ON_FLOOR_RE.sub(_leave_out, text)
    if _LEFT_OUT_RE.search(text):
        text = _NOT_PART_RE.sub("", text)
    text = _SPARE_RE.sub(lambda m: f"{m[1]} the backup", text)
    return _LIKE_RE.sub(lambda m: f"{m['x']}: ", text)
