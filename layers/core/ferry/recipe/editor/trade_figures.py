"""Round 27 (issue 13): more trade figures for the data, found as dev33's misses, each said the plain way (rewritten
after `figured`, before `surrounds` reads the message); a form of figure, never a corpus string:

- a refusal to send a row back before the request, "don't return it to sender / send them back / bounce it:", goes
  (the request after it says what to do; the row is kept either way);
- a fallback's switch said as a failover, 'fail over / cut over / roll over / switch over to Y', as 'use Y', and
  after a blank condition on the fallback's first source, 'Y is the backup / fallback' as 'use Y';
- a column that fails a selection, 'X doesn't make the cut / the grade / the team' as 'leave X out' (never denied:
  'X makes the cut' is left as it was);
- a formal exclusion of a column, 'is not to be imported / migrated / loaded' as 'is not imported' (never of rows:
  'rows marked test … are not to be imported' stays as typed), and 'excluded from coverage / the policy' as
  'excluded';
- an intensifier before blank, 'dead / stone / bone / plumb blank' as 'blank';
- a column with 'no address / home / place to go (to)' before the request, and 'deliver / send / route / post them
  to some field' or 'drop them (off) in some field' as 'put them in some field' (never rows dropped: a field is
  where a column goes).

A message ending in '?' is never rewritten: a figure asked about tells nothing.
"""

from __future__ import annotations

import re

from ferry.recipe.editor.negation_guard import unless_denied

# "When a contact has no Email, don't return it to sender: build …" -> "When a contact has no Email: build …"
_NO_RETURN_RE = re.compile(
    r"\s*,?\s*(?:do\s+not|don't|never)\s+(?:return\s+(?:it|them|the\s+rows?)\s+to\s+(?:the\s+)?sender|"
    r"send\s+(?:it|them|the\s+rows?)\s+back(?:\s+to\s+(?:the\s+)?sender)?|bounce\s+(?:it|them|the\s+rows?)"
    r"(?:\s+back)?|mark\s+(?:it|them)\s+undeliverable)\s*(?=[:;\u2013\u2014]\s*\S)",
    re.I,
)
# '…; where it's empty, fail over to Mobile' -> 'use Mobile'
_FAIL_OVER_RE = re.compile(
    r"\b(?:fail|cut|roll|switch|flip|change)\s*-?\s*over\s+to\s+(?=(?:the\s+)?[\w ]{1,30})", re.I
)
# 'when that is empty, Mobile is the backup' -> 'when that is empty, use Mobile'
_BLANK_THEN_BACKUP_RE = re.compile(
    r"(?P<cond>\b(?:when|where|if)\s+(?:that|it|this|that\s+one|the\s+first)\s+(?:is|'s|are|turns\s+up)\s+"
    r"(?:empty|blank|missing)\s*,\s*)(?P<y>(?:the\s+)?[\w ]{1,30}?)\s+(?:is|as)\s+(?:the|our)\s+"
    r"(?:backup|back-up|fallback|fall-back)\b",
    re.I,
)
# 'Notes doesn't make the cut' -> 'leave Notes out'
_NOT_THE_CUT_RE = re.compile(
    r"^\s*(?P<x>(?:the\s+)?[\w ]{1,30}?(?:\s+column)?)\s+(?:doesn't|does\s+not|won't|will\s+not|didn't|did\s+not)\s+"
    r"make\s+the\s+(?:cut|grade|team|list|shortlist|squad|final\s+cut)\b",
    re.I,
)
# 'is not to be imported' -> 'is not imported'
_NOT_TO_BE_RE = re.compile(
    r"\b(is|are)\s+not\s+to\s+be\s+(imported|migrated|loaded|brought\s+in|carried\s+over|included|mapped)\b", re.I
)
_EXCLUDED_FROM_RE = re.compile(
    r"\b(excluded|exempt(?:ed)?)\s+from\s+(?:the\s+)?(?:coverage|policy|cover|scope|schedule|plan|contract)\b", re.I
)
# 'When Organization is dead blank' -> 'is blank'
_INTENSE_BLANK_RE = re.compile(
    r"\b(is|are|'s|comes?\s+up|turns?\s+up)\s+(?:dead|stone|bone|plumb|stark|flat|clean|totally|utterly)[- ]"
    r"(blank|empty)\b",
    re.I,
)
# 'The Notes have no address to go to; deliver them …' -> 'The Notes: deliver them …'
_NO_ADDRESS_RE = re.compile(
    r"^\s*(?P<x>(?:the\s+)?[\w ]{1,30}?)\s+(?:have|has)\s+(?:no|nowhere)\s*(?:address|home|place|destination)?"
    r"(?:\s+to\s+(?:go|live|land)(?:\s+to)?)?\s*[;:\u2013\u2014]\s*(?=\S)",
    re.I,
)
_DELIVER_RE = re.compile(
    r"\b(?:deliver|send|route|post|ship|forward|drop)\s+(them|it)\s+(?:off\s+)?(?:to|into|in|at)\s+"
    r"(?=(?:some|a|any|one)\s+(?:other\s+)?field\b)",
    re.I,
)


# rows said not to be imported are a filter's to read as typed ('rows marked test … are not to be imported')
_ROWS_RE = re.compile(r"\b(?:rows?|records?|entries|contacts?|lines?)\b", re.I)


def _of_a_column(m: re.Match[str], said: str) -> str:
    sentence = re.split(r"[.!?;\n]", m.string[: m.start()])[-1]
    return m.group(0) if _ROWS_RE.search(sentence) else said


def trade_figured(message: str) -> str:
    """The message with each figure above said plainly; a message with none of them comes back as it was."""
    if message.rstrip().endswith("?"):
        return message
    text = _NO_RETURN_RE.sub("", message)
    text = _FAIL_OVER_RE.sub(lambda m: unless_denied(m, "use "), text)
    text = _BLANK_THEN_BACKUP_RE.sub(lambda m: f"{m['cond']}use {m['y']}", text)
    text = _NOT_THE_CUT_RE.sub(lambda m: f"leave {m['x']} out", text)
    text = _NOT_TO_BE_RE.sub(lambda m: _of_a_column(m, f"{m[1]} not {m[2]}"), text)
    text = _EXCLUDED_FROM_RE.sub(r"\1", text)
    text = _INTENSE_BLANK_RE.sub(r"\1 \2", text)
    if _DELIVER_RE.search(text):
        text = _DELIVER_RE.sub(r"put \1 in ", _NO_ADDRESS_RE.sub(lambda m: f"{m['x']}: ", text))
    return text
