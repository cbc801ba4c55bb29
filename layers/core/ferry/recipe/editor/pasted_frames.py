"""Round 32 (issue 13): messages pasted in a frame of another tool, said as their request. Each is a form of the
whole message, never a sentence of it:

- a unified diff ('--- current' / '+++ wanted' / '@@ phone @@' around '-field: A' / '+field: B' lines): its header
  and hunk lines go, and a removed line whose field comes back on an added line goes when it only says the field was
  unmapped ('-first_name: (not mapped)'); a diff is at least one '-field:' and one '+field:' line, so a lone
  '--- current' line or a bullet list is left as typed;
- a prompt engineer's framing: a role line ('You are a data-mapping assistant.'), the labels 'Task:', 'Change
  request:', 'Instruction:' and a 'Rules:' / 'Constraints:' heading, list numbers ('1. ', '2) ') and a closing 'Do not
  change anything else.' go (a role line or a label makes the frame: a heading above a list alone is a list), and an
  aside saying how a field is now ('(it is currently required)') goes; a framing
  with nothing after it is left as typed;
- a task line that only names the field its rules are about ('Task: set the phone field.' above 'Rules: 1. Use Work
  Phone.'): the rules are said of that field ('phone: Use Work Phone.').
"""

from __future__ import annotations

import re

_DIFF_LINE_RE = re.compile(r"^\s*(?P<sign>[-+])\s*(?P<field>[A-Za-z][\w ]{0,30}?)\s*:\s*(?P<value>.*)$")
_DIFF_HEADER_RE = re.compile(r"^\s*(?:-{3}|\+{3})(?:\s+[^\n]{0,40})?$|^\s*@@[^\n]{0,60}@@\s*$")
_UNMAPPED_RE = re.compile(r"^\(?\s*(?:not\s+mapped|unmapped|none|nothing|empty|no\s+source|-+|\u2014)\s*\)?\s*$", re.I)

_ROLE_RE = re.compile(r"^\s*you\s+are\s+(?:an?|the)\s+[^.\n]{1,60}?(?:assistant|agent|bot|helper|expert|engineer|"
                      r"model|tool)\b[^.\n]{0,40}[.:]?\s*$", re.I)  # fmt: skip
_LABEL_RE = re.compile(r"^\s*(?:#+\s*)?(?:task|change\s+request|instruction|request|goal)\s*:\s*", re.I)
_HEADING_RE = re.compile(r"^\s*(?:#+\s*)?(?:rules|constraints|requirements)\s*:?\s*$", re.I)
_NUMBER_RE = re.compile(r"^\s*(?:\d{1,2}[.)]|[-*\u2022])\s+")
_NOTHING_ELSE_RE = re.compile(
    r"(?:^|(?<=[.!;]))\s*(?:do\s+not|don't|never)\s+(?:change|touch|modify|alter)\s+anything\s+else\s*[.!]?\s*$", re.I
)
_NOW_ASIDE_RE = re.compile(
    r"\s*\(\s*(?:it\s+is|it's|which\s+is|currently)\s+(?:currently\s+|now\s+)?(?:required|optional|mandatory|"
    r"unmapped|not\s+mapped|empty|blank)(?:\s+(?:now|currently|today))?\s*\)",
    re.I,
)
_TASK_FIELD_RE = re.compile(r"^\s*(?:set|fill|map|fix|configure)\s+the\s+(?P<f>[\w-]+)\s+field\s*\.?\s*$", re.I)


def _undiffed(message: str) -> str:
    lines = message.split("\n")
    signed = [m for line in lines if (m := _DIFF_LINE_RE.match(line))]
    added = {m["field"].strip().lower() for m in signed if m["sign"] == "+"}
    if not added or not any(m["sign"] == "-" for m in signed):
        return message
    kept = []
    for line in lines:
        m = _DIFF_LINE_RE.match(line)
        if _DIFF_HEADER_RE.match(line) and not m:
            continue
        if m and m["sign"] == "-" and m["field"].strip().lower() in added and _UNMAPPED_RE.match(m["value"]):
            continue
        kept.append(line)
    return "\n".join(kept)


def _unframed(message: str) -> str:
    lines = message.split("\n")
    # a role or a label makes the frame ('Steps:' above a numbered list alone is a list, read by the list's reading)
    framed = any(_ROLE_RE.match(x) or _LABEL_RE.match(x) for x in lines)
    if not framed:
        return message
    kept: list[str] = []
    task_field = None
    for line in lines:
        if _ROLE_RE.match(line) or _HEADING_RE.match(line):
            continue
        line = _NOTHING_ELSE_RE.sub("", _NUMBER_RE.sub("", _LABEL_RE.sub("", line)))
        if (m := _TASK_FIELD_RE.match(line)) is not None:
            task_field = m["f"]
            continue
        if line.strip():
            kept.append(line.strip())
    if task_field is not None:
        if not kept:
            return message
        kept = [f"{task_field}: {line}" for line in kept]
    return "\n".join(kept) if kept else message


def unframed(message: str) -> str:
    """`message` without a pasted diff's headers or a prompt's framing (see the module's docstring)."""
    said = _unframed(_undiffed(message))
    said = _NOW_ASIDE_RE.sub("", said)
    return said if re.search(r"\w", said) else message
