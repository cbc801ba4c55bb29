"""Round 24 (issue 13): what surrounds a request (heading and label lines, chat timestamps, a reason after it),
taken off before anything reads the message (`api.edit_recipe`), found as dev30's misses; each rule is a form of
wording, never a corpus string:

- a heading or label line before the request: a log's, note's or record's label ("Keeper's log:", 'Note for the
  prompt book:', 'Let the record show:', 'For the record:'), a minutes heading ('Minutes, data call 7 Dec') and its
  item labels ('- Action:', '- Agreed:', '- Decision:'; a '- Discussed:' or '- Owner:' item asks for nothing);
- a chat paste's '[14:17] Name:' prefixes, and an arrow to two parts ('Full Name → first + last') as a split;
- a reason after the request ('Work Phone is not good for this', "it's not going into the import", 'like we do
  here in Europe, not American');
- a negated frame of removal before a request that keeps the rows ("Don't drop them: where …, … and keep the row");
- 'cut X from the <anything>' and 'trim X off' as leaving X out (a removal, never a split or a whitespace trim);
- duplicates: a rule that no two rows share a value before the request ('Two X can't share one email: …'),
  'the first row stands' as keep it, rows 'stricken' as dropped;
- 'done in lowercase', 'X is dark / silent' for blank, 'is for us (the) Y' as 'is Y';
- undo said 'take that last change back', 'strike that last change (from the record)', after a 'Hold, hold.'.

A question stays a question, and a negation stays one: only a removal frame before a request that keeps the rows
is taken off.
"""

from __future__ import annotations

import re

_START = r"(?:^|(?<=[.!?]\s)|(?<=\n))"
# a log's, note's or record's label before the request: "Keeper's log:", 'Note for the prompt book:'
_LABEL_NOUN = r"(?:log|log\s+entry|entry|memo|reminder|record|diary|journal|minutes|jotting)"
# ('Internal Notes:' may be a column's name: a note is a label only with its purpose, 'Note for the prompt book:')
_NOTE_NOUN = r"(?:note|notes|memo|reminder|jotting)"
# (a bare 'Notes:' names the Notes column: the label needs its owner before it or its purpose after it)
_OWNER = r"(?!(?:the|our|my|your|these|those|all|some|any)\s)[\w']+\s+(?:[\w']+\s+){0,2}"
_PURPOSE = r"\s+(?:for|from|in|to)\s+(?:the\s+|our\s+|my\s+)?[\w' -]{1,30}?"
_LABEL_RE = re.compile(
    _START + rf"(?:{_OWNER}{_LABEL_NOUN}(?:{_PURPOSE})?|{_NOTE_NOUN}{_PURPOSE}|log\s+entry|"
    r"let\s+(?:the\s+)?(?:record|minutes|log)\s+(?:show|reflect|state|note)|"
    r"let\s+it\s+be\s+(?:noted|recorded|minuted)|for\s+the\s+(?:record|minutes|log))\s*:\s*(?=\S)",
    re.I,
)
# 'Let the record reflect that X …' → 'X …'
_LET_RECORD_RE = re.compile(
    _START + r"let\s+(?:the\s+)?(?:record|minutes|log)\s+(?:show|reflect|state|note)\s+that\s+(?=\S)", re.I
)
# a minutes' heading line: 'Minutes, data call 7 Dec', 'Meeting notes (ops sync)'
_MINUTES_HEAD_RE = re.compile(
    r"^\s*(?:minutes|meeting\s+notes|meeting\s+minutes|notes\s+from\s+[^\n]{1,40}|call\s+notes)\b[^\n]{0,60}\n",
    re.I,
)
# a minutes' item that asks for nothing: what was discussed, who owns it, who attended
_MINUTES_IDLE_RE = re.compile(
    r"(?m)^[ \t]*(?:[-*\u2022]|\d{1,2}[.)])?[ \t]*(?:discussed|owner|owners|attendees|present|apologies|"
    r"raised|context|background|next\s+meeting)\s*:[^\n]*(?:\n|$)",
    re.I,
)
# a minutes' item label before what was decided: '- Action:', '• Agreed:', '- Decision:'
_MINUTES_LABEL_RE = re.compile(
    r"(?m)^([ \t]*(?:[-*\u2022]|\d{1,2}[.)])?[ \t]*)(?:action(?:\s+item)?|agreed|decision|decided|resolved|"
    r"outcome|to\s+do|todo)\s*:\s*",
    re.I,
)
# a chat paste's prefix: '[14:17] Marco: '
_CHAT_RE = re.compile(
    r"(?m)^[ \t]*\[\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?\][ \t]*(?:[A-Z][\w.'-]*(?:[ \t][A-Z][\w.'-]*)?:)?"
    r"[ \t]*"
)
# an arrow to two parts: 'Full Name → first + last' → 'split Full Name into first and last'
_ARROW_SPLIT_RE = re.compile(
    r"(?P<x>\b[\w][\w ]{0,30}?)\s*(?:\u2192|->|=>)\s*(?P<a>first(?:\s+name)?)\s*(?:\+|&|and)\s*"
    r"(?P<b>last(?:\s+name)?)\b",
    re.I,
)
_SPLIT_SAID_RE = re.compile(r"\b(?:split|divide|break|separate|cut)\b", re.I)
# a reason after the request: ', Work Phone is not good for this', "; it's not going into the import"
_REASON_RE = re.compile(
    r"[,;]\s*(?:(?:the\s+)?[\w ]{1,30}?\s+is\s+not|it(?:'s|\s+is)\s+not|it\s+isn't|it\s+doesn't)\s+"
    r"(?:good|suitable|reliable|right|useful|needed|wanted|going\s+(?:in|into)\s+the\s+import|"
    r"go(?:ing)?\s+(?:in|into)\s+the\s+import)(?:\s+enough)?(?:\s+for\s+(?:this|that|it|us|phone|the\s+\w+))?"
    r"\s*(?=[.!]?\s*$)",
    re.I,
)
# a comparison after the request: ', like we do here in Europe, not American'
_LIKE_TAIL_RE = re.compile(
    r",\s*(?:just\s+)?(?:like|as)\s+(?:we|they|people|you|everyone)\s+(?:do|write\s+it|say\s+it|have\s+it)\b"
    r"[^.!?\n]{0,40}\s*(?=[.!]?\s*$)",
    re.I,
)
# a negated removal before a request that keeps the rows: "Don't drop them: where …, … and keep the row."
_KEEP_AFTER = r"(?=[^\n]*\bkeep\s+(?:the|those|these|them|that|their)\b(?:\s+(?:row|rows|contacts?|records?))?)"
_NEGATED_FRAME_RE = re.compile(
    r"^\s*(?:don't|do\s+not|never)\s+(?:cull|drop|lose|remove|delete|discard|kill|bin|ditch|throw|toss|chuck)"
    r"(?:\s+[\w' ]{1,30}?)?(?:\s+(?:away|out|off))?\s*[:;\u2014]\s*" + _KEEP_AFTER,
    re.I,
)
# what a column is cut from: the whole of what is shown or loaded, never a value ('from the phone')
_COLLECTION = (
    r"(?:show|import|list|lineup|line-up|manifest|load|upload|migration|file|sheet|batch|export|run|record|books|"
    r"programme|program|bill|menu|cast|set|roster|line|deck|bouquet|arrangement)"
)
# 'cut X from the show' / 'trim X off': X left out of the import
_CUT_FROM_RE = re.compile(
    # (what is cut off a value is no column: 'trim the spaces off', 'cut the country code from the phone')
    r"\b(?:cut|trim|strike)\s+(?!(?:the\s+|any\s+|all\s+)?(?:white\s*space|spaces?|blanks?|padding|zeros?|leading|"
    r"trailing|extra|dots?|dashes?|country\s+codes?|prefix|suffix|domain|area\s+codes?)\b)"
    r"(?P<x>(?:the\s+)?[\w ]{1,30}?(?:\s+column)?)\s+(?:from\s+the\s+(?:[\w-]+\s+)?" + _COLLECTION + r"|off)"
    r"(?=\s*(?:[,.;!]|$))",
    re.I,
)
# duplicates: 'the first row stands and subsequent rows are stricken'
_STANDS_RE = re.compile(
    r"\b(?:the\s+)?(first|last|earliest|latest)\s+(?:row|one|entry|record)\s+stands\b(?!\s+(?:out|for|by|up)\b)", re.I
)
_STRICKEN_RE = re.compile(r"\b(?:are|is|get|be)\s+(?:stricken|struck(?:\s+out|\s+off)?)\b", re.I)
_DONE_IN_CASE_RE = re.compile(r"\bbe\s+(?:done|put|written|set)\s+in\s+(?=(?:lower|upper)\s*case\b)", re.I)
_REQUEST_QUESTION_RE = re.compile(r"^\s*(?:could|can|would)\s+(?!I\b|we\b)", re.I)
_DARK_RE = re.compile(r"\b(is|are)\s+(?:dark|silent|quiet|unlit)\b", re.I)
_FOR_US_RE = re.compile(
    r"\b(is|are|means)\s+(?:for|to)\s+(?:us|me|our\s+team)\s+(?!to\b|(?:the\s+|a\s+|an\s+)?(?:same|case)\b)"
    r"(?:the\s+|a\s+|an\s+)?",
    re.I,
)
_UNDO_RE = re.compile(
    r"\b(?:take\s+(?:that|the|my)\s+last\s+(?:change|edit)\s+back(?:\s+to\s+(?:where|how)\s+it\s+was)?|"
    r"strike\s+(?:that|the|my)\s+last\s+(?:change|edit)(?:\s+from\s+the\s+\w+)?)",
    re.I,
)
# a rule that no two rows share a value, before the request that enforces it: 'Two hives can't share one email:'
_NO_TWO_RE = re.compile(
    # (a rule that allows sharing, 'Two contacts can share an email:', is no rule against it)
    r"^\s*(?:no\s+two\s+[\w ]{1,20}?\s+(?:can|should|may|must|will)?|two\s+[\w ]{1,20}?\s+(?:can't|cannot|can\s+not|"
    r"shouldn't|should\s+not|may\s+not|must\s+not|won't))\s*share\s+(?:one|an?|the\s+same)\s+[\w -]{1,20}?\s*:\s*"
    r"(?=\S)",
    re.I,
)
_HOLD_RE = re.compile(r"^\s*hold(?:\s*,\s*hold)*\s*[.!]\s*(?=\S)", re.I)


def _arrow_split(m: re.Match[str]) -> str:
    if _SPLIT_SAID_RE.search(m.group(0)):  # 'split Full Name -> first + last' says its verb already
        return m.group(0)
    return f"split {m['x'].strip()} into {m['a']} and {m['b']}"


def without_surrounds(message: str) -> str:
    """The message with each frame above taken off; a message with none of them comes back as it was."""
    text = _CHAT_RE.sub("", message)
    head = _MINUTES_HEAD_RE.sub("", text, count=1)
    if head != text:  # minutes: the idle items go, the decided ones lose their label
        text = _MINUTES_LABEL_RE.sub(r"\1", _MINUTES_IDLE_RE.sub("", head)).strip() or text
    text = _LET_RECORD_RE.sub("", _LABEL_RE.sub("", text))
    text = _UNDO_RE.sub("undo the last change", _HOLD_RE.sub("", text))
    if text.rstrip().endswith("?"):
        # a request asked politely ('Could the emails be done in lowercase?') is the only question read here
        return _DONE_IN_CASE_RE.sub("be in ", text) if _REQUEST_QUESTION_RE.match(text) else text
    text = _DONE_IN_CASE_RE.sub("be in ", text)
    text = _ARROW_SPLIT_RE.sub(_arrow_split, text)
    text = _LIKE_TAIL_RE.sub("", _REASON_RE.sub("", text))
    text = _NO_TWO_RE.sub("", _NEGATED_FRAME_RE.sub("", text))
    text = _CUT_FROM_RE.sub(lambda m: f"leave {m['x']} out", text)
    text = _STANDS_RE.sub(lambda m: f"keep the {m[1]} row", text)
    text = _STRICKEN_RE.sub("dropped", text)
    text = _DARK_RE.sub(lambda m: f"{m[1]} blank", text)
    return _FOR_US_RE.sub(lambda m: f"{m[1]} ", text)
