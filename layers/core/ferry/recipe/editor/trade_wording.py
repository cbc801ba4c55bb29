"""Round 25 (issue 13): wording of dev31's misses outside status updates, each read as a form the editor knows
(taken off or rewritten before `surrounds` reads the message); a form of wording, never a corpus string:

- Jira markup: a '[~name]' mention goes, '{{Full Name}}' is the name it holds;
- a purpose after a split ('… into first and last name for the seating chart / before we import');
- 'X needs splitting into …' as 'split X into …';
- 'make so that X is from (column) Y' as 'X should come from Y' (a learner's causative);
- 'Is possible to make …?' as 'Can you make …?';
- 'let go of X' as 'leave out X', and a reason after it ('; it doesn't need to come into the import');
- undo said 'step back out of that last change';
- 'attribute X to the …' as 'X takes the …'; rows 'released' (after a 'Breathe out and') as dropped;
- 'X falls outside the … scope' as 'leave X out'; 'the test rows in Y are just a drill, not real …: leave them out'
  as 'leave the test rows in Y out';
- a label before the rule: "Setter's note on X:" as 'X:', 'One RSVP per email:' taken off, a heading line over a
  Jira '|| X || field ||' table taken off;
- a correction of a date order, 'X isn't month first, it's day first' as 'X is day first';
- pairs by position: 'A and B in X - first one is P, second one is Q' as 'in X, A means P and B means Q';
- 'file them in some field' as 'put them in some field'.
"""

from __future__ import annotations

import re

_MENTION_RE = re.compile(r"\[~[\w.-]+\]\s*")
_CURLY_NAME_RE = re.compile(r"\{\{([^{}\n]{1,40})\}\}")
# a purpose after 'into first and last name': 'for the seating chart', 'before we import'
_SPLIT_PURPOSE_RE = re.compile(
    r"(\binto\s+(?:a\s+)?first(?:\s+name)?\s+and\s+(?:a\s+)?last\s+names?)\s+(?:for\s+(?:the|our|a)\s+[\w -]{1,30}?|"
    r"before\s+(?:we|you|it)\s+(?:import|load|go\s+live)\w*(?:\s+it)?)\s*(?=[.!]|$)",
    re.I,
)
_NEEDS_SPLITTING_RE = re.compile(
    r"^\s*(?P<x>(?:the\s+)?[\w ]{1,30}?)\s+(?:needs|wants|should\s+get)\s+(?:splitting|dividing|breaking\s+up)\s+"
    r"(?=into\b)",
    re.I,
)
_MAKE_SO_THAT_RE = re.compile(
    r"\bmake\s+so\s+that\s+(?P<x>[\w ]{1,30}?)\s+(?:is|comes?)\s+from\s+(?:the\s+)?(?:column\s+)?(?P<y>[\w -]{1,30}?)"
    r"(?:\s+column)?(?=\s*(?:,|\.|!|$))",
    re.I,
)
# (only a question: 'Is possible to make email not mandatory? Some have none.')
_IS_POSSIBLE_RE = re.compile(r"^\s*is\s+(?:it\s+)?possible\s+to\s+(?=(?:make|have|set)\b[^?.!\n]*\?)", re.I)
_LET_GO_RE = re.compile(r"\blet\s+go\s+of\s+(?=(?:the\s+)?[\w ]{1,30}?\s+column\b)", re.I)
_NOT_NEEDED_TAIL_RE = re.compile(
    r"[,;]\s*(?:it|they)\s+(?:doesn't|does\s+not|don't|do\s+not)\s+need\s+to\s+(?:come|go|be)\s+(?:in|into)\s+"
    r"the\s+import\s*(?=[.!]?\s*$)",
    re.I,
)
_STEP_BACK_RE = re.compile(r"\bstep\s+back\s+out\s+of\s+(?:that|the|my)\s+last\s+(?:change|edit)\b", re.I)

_ATTRIBUTE_RE = re.compile(r"\battribute\s+(?P<x>[\w]+)\s+to\s+(?=the\s+)", re.I)
_CALM_OPENER_RE = re.compile(
    r"^\s*(?:breathe\s+(?:in|out)|relax|take\s+a\s+(?:deep\s+)?breath)\s*(?:,\s*)?(?:and\s+)?", re.I
)
_RELEASE_ROWS_RE = re.compile(r"\brelease\s+(?=(?:any|all|the|those)\s+(?:\w+\s+)?rows?\b)", re.I)
_OUT_OF_SCOPE_RE = re.compile(
    r"^\s*(?P<x>(?:the\s+)?[\w ]{1,30}?)\s+falls?\s+outside\s+(?:the\s+|our\s+|this\s+)?[\w' ]{0,30}?\bscope\b"
    r"(?:\s*,\s*so\s+(?:it|they)\s+(?:stays?|remains?)\s+out\s+of\s+the\s+import)?",
    re.I,
)
_NOT_REAL_RE = re.compile(
    r"^\s*(?P<x>the\s+[\w ]{1,40}?\brows?\b[\w ]{0,30}?)\s+are\s+(?:just|only|merely)\s+(?:a\s+)?[\w -]{1,20}?,\s*"
    r"not\s+real\s+[\w ]{1,20}?\s*:\s*leave\s+them\s+out\b",
    re.I,
)
_NOTE_ON_RE = re.compile(r"^\s*(?:[\w']+\s+)?note\s+on\s+(?P<x>[\w ]{1,30}?)\s*:\s*(?=\S)", re.I)
_ONE_PER_RE = re.compile(r"^\s*one\s+[\w-]+\s+per\s+[\w ]{1,20}?\s*:\s*(?=\S)", re.I)
_TABLE_HEADING_RE = re.compile(r"^[^\n|]{1,40}:[ \t]*\n(?=[ \t]*\|\|)")
_ORDER = r"(?:day|month|year)\s+first"
_ORDER_CORRECTION_RE = re.compile(
    rf"^\s*(?:(?:yeah\s+)?nah|nope|no)?\s*,?\s*(?P<x>[\w ]{{1,30}}?)\s+(?:isn't|is\s+not)\s+{_ORDER},\s*"
    rf"(?:it's|it\s+is)\s+(?P<b>{_ORDER})\b(?:\s+like\s+we\s+(?:write|say|do)\s+it(?:\s+here)?)?",
    re.I,
)
_BY_POSITION_RE = re.compile(
    r"^\s*(?P<a>[\w-]+)\s+and\s+(?P<b>[\w-]+)\s+in\s+(?P<col>[\w ]{1,30}?)\s*[-:\u2013\u2014]\s*(?:the\s+)?first\s+"
    r"(?:one\s+)?is\s+(?P<p>[\w-]+),\s*(?:and\s+)?(?:the\s+)?second\s+(?:one\s+)?is\s+(?P<q>[\w-]+)",
    re.I,
)
_FILE_IN_RE = re.compile(r"\bfile\s+(?=(?:them|it)\s+(?:in|into|under)\s+(?:some|a|any)\s+field\b)", re.I)


def trade_worded(message: str) -> str:
    """The message with each form above rewritten; a message with none of them comes back as it was."""
    text = _CURLY_NAME_RE.sub(r"\1", _MENTION_RE.sub("", message))
    text = _SPLIT_PURPOSE_RE.sub(r"\1", text)
    text = _NEEDS_SPLITTING_RE.sub(lambda m: f"split {m['x']} ", text)
    text = _MAKE_SO_THAT_RE.sub(lambda m: f"{m['x']} should come from {m['y']}", text)
    text = _IS_POSSIBLE_RE.sub("Can you ", text)
    text = _NOT_NEEDED_TAIL_RE.sub("", _LET_GO_RE.sub("leave out ", text))
    text = _STEP_BACK_RE.sub("undo the last change", text)
    text = _ATTRIBUTE_RE.sub(lambda m: f"{m['x']} takes ", text)
    text = _RELEASE_ROWS_RE.sub("drop ", _CALM_OPENER_RE.sub("", text) if _RELEASE_ROWS_RE.search(text) else text)
    text = _OUT_OF_SCOPE_RE.sub(lambda m: f"leave {m['x']} out", text)
    text = _NOT_REAL_RE.sub(lambda m: f"leave {m['x']} out", text)
    text = _ONE_PER_RE.sub("", _NOTE_ON_RE.sub(lambda m: f"{m['x']}: ", text))
    text = _TABLE_HEADING_RE.sub("", text)
    text = _ORDER_CORRECTION_RE.sub(lambda m: f"{m['x']} is {m['b']}", text)
    text = _BY_POSITION_RE.sub(lambda m: f"in {m['col']}, {m['a']} means {m['p']} and {m['b']} means {m['q']}", text)
    return _FILE_IN_RE.sub("put ", text)
