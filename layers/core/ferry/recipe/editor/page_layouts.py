"""Round 28 (issue 13): a request inside a forwarded e-mail or a notes page's toggles, found as dev34's misses, read
as the request alone (after `laid_out_request`); a layout, never a corpus string:

- a forwarded e-mail: a forward marker line ('---------- Forwarded message ----------', '-----Original Message-----',
  'Begin forwarded message:', '--- Forwarded by … ---') then the original's header fields ('From:', 'Date:', 'Sent:',
  'Subject:', 'To:', 'Cc:'): the request is the original's body, read without its headers; the forwarder's line above
  the marker goes when it only hands the mail on ('Please see below.', 'Can you handle this?', 'please do this'). A
  forwarder's line that says no action ('FYI only', 'no action needed', "don't change anything yet") leaves the
  message as it was, and so does a marker with no body under its headers;
- a notes page with toggles: lines opened by a toggle glyph ('▾', '▼', '▸', '▶', '►', '▹'), to-do boxes ('☐', '☑',
  '☒', '✅', '[ ]', '[x]') or bullets ('•', '◦', '▪', '-'): an open toggle's ('▾', '▼') heading and the lines indented
  under it are read, the heading as a label ('Phone: …') unless a line under it names its own subject; a closed toggle
  ('▸', '▶') and its lines, a ticked to-do and a page title line above the first toggle ('📄 …', a line with no glyph)
  go. A page whose open toggles hold nothing is left as it was.
"""

from __future__ import annotations

import re

_FORWARD_MARK_RE = re.compile(
    r"^\s*(?:-{2,}\s*(?:forwarded\s+message|original\s+message|forwarded\s+by\b.*?)\s*-{2,}|"
    r"begin\s+forwarded\s+message\s*:?|forwarded\s+message\s*:?|-{2,}\s*fwd?\s*-{2,})\s*$",
    re.I | re.M,
)
_HEADER_RE = re.compile(r"^\s*(?:from|date|sent|subject|to|cc|bcc|reply-to|importance)\s*:", re.I)
_NO_ACTION_RE = re.compile(
    r"\b(?:fyi\s+only|for\s+(?:your\s+)?information\s+only|just\s+fyi|no\s+action|nothing\s+to\s+do|"
    r"don'?t\s+(?:change|do|action)\s+(?:anything|it|this)|do\s+not\s+(?:change|action)|not\s+yet|ignore\s+(?:it|this))"
    r"\b",
    re.I,
)


def _forwarded(message: str) -> str | None:
    mark = _FORWARD_MARK_RE.search(message)
    if mark is None or _NO_ACTION_RE.search(message[: mark.start()]):
        return None
    lines = message[mark.end() :].splitlines()
    at = 0
    while at < len(lines) and (not lines[at].strip() or _HEADER_RE.match(lines[at])):
        at += 1
    if at == 0 or not any(_HEADER_RE.match(line) for line in lines[:at]):
        return None  # a marker with no header fields after it is not a forward
    body = "\n".join(lines[at:]).strip()
    return body or None


_OPEN_RE = re.compile(r"^(?P<indent>\s*)[\u25be\u25bc\u25bf](?:\ufe0f)?\s*(?P<h>.*)$")
_CLOSED_RE = re.compile(r"^\s*[\u25b8\u25b6\u25ba\u25b9\u23f5](?:\ufe0f)?\s*")
_ITEM_RE = re.compile(r"^\s*(?:[\u2610\u2022\u25e6\u25aa\u2023\u2043]|\[\s\]|[-*])\s*(?P<t>.*)$")
_DONE_RE = re.compile(r"^\s*(?:[\u2611\u2612\u2705\u2714]|\[[xX]\])")
_OWN_SUBJECT_RE = re.compile(r"^\s*(?:in|for|on)\s+(?:the\s+)?\w|:")


def _toggles(message: str) -> str | None:
    lines = [line for line in message.splitlines() if line.strip()]
    if not any(_OPEN_RE.match(line) or _CLOSED_RE.match(line) for line in lines):
        return None
    said: list[str] = []
    heading: str | None = None
    under: list[str] = []
    indent = 0

    def close() -> None:
        if heading is not None and under:
            # (a label only when the heading is a name or two: 'To do before the sync' labels nothing)
            own = any(_OWN_SUBJECT_RE.search(u) for u in under) or len(heading.split()) > 2
            said.append("\n".join(under) if own else f"{heading}: " + " ".join(under))

    state = "title"
    for line in lines:
        opened, closed = _OPEN_RE.match(line), _CLOSED_RE.match(line)
        if opened or closed:
            close()
            heading, under = (opened["h"].strip(), []) if opened else (None, [])
            indent = len(opened["indent"]) if opened else 0
            state = "open" if opened else "closed"
            continue
        if state != "open" or len(line) - len(line.lstrip()) <= indent or _DONE_RE.match(line):
            continue  # the page's title, a closed toggle's lines, a ticked to-do
        item = _ITEM_RE.match(line)
        under.append((item["t"] if item else line).strip())
    close()
    return "\n".join(said) if said else None


def paged_request(message: str) -> str:
    """The request a forwarded e-mail or a toggled notes page holds; any other message comes back as it was."""
    return _forwarded(message) or _toggles(message) or message
