"""Round 27 (issue 13): a request laid out in a document's labelled fields, found as dev33's misses, read as the
request alone (before `trade_worded` reads the message); a layout, never a corpus string:

- a headed note: a heading that names what it is about ('Case notes on X.', 'Findings on X:', 'Memo re X.'), then
  labelled parts, the grounds ('Evidence:', 'Observation:', 'Background:', 'Reason:') and the verdict
  ('Conclusion:', 'Verdict:', 'Decision:', 'Recommendation:'): read as 'X: <the verdict>'. Without a verdict part
  the note is left as it was (its grounds ask nothing);
- a calendar invite's fields: a first line 'Subject: / Title: / Topic: / Meeting: …' and at least one more field of
  an invite ('When:', 'Time:', 'Date:', 'Where:', 'Location:', 'Attendees:', 'Organizer:', 'Duration:'): the
  invite's own fields go, its body ('Description:', 'Details:', 'Agenda:', 'Body:') is read without its label and
  its list items without their numbers or bullets; the subject is kept only when there is no body.
"""

from __future__ import annotations

import re

# 'Case notes on Signup Date.', 'Findings on Signup Date:', 'Memo re Signup Date -'
_NOTE_HEADING_RE = re.compile(
    r"^\s*(?:[\w']+\s+){0,2}?(?:notes?|findings?|report|memo|observations?|remarks?|write-?up|assessment|review)\s+"
    r"(?:on|about|re|regarding|concerning|for)\s+(?P<x>[\w ]{1,30}?)\s*(?:[.:\u2013\u2014]|\s-)\s+",
    re.I,
)
_GROUNDS = r"(?:evidence|observations?|findings?|facts?|background|context|reason(?:ing)?|analysis|exhibit\s+\w+)"
_VERDICT_RE = re.compile(
    r"(?:^|(?<=[.\n])\s*|\s)(?:conclusion|verdict|decision|outcome|result|ruling|recommendation|resolution|"
    r"action)\s*:\s*(?P<v>\S.*)$",
    re.I | re.S,
)
_GROUNDS_RE = re.compile(rf"^\s*{_GROUNDS}\s*:", re.I)

_SUBJECT_RE = re.compile(r"^\s*(?:subject|title|topic|meeting|event)\s*:\s*(?P<s>.*)$", re.I)
_INVITE_FIELD_RE = re.compile(
    r"^\s*(?:when|time|date|where|location|room|attendees|invitees|guests|organi[sz]er|duration|dial-?in|join|"
    r"link|calendar|recurrence|repeats?)\s*:",
    re.I,
)
_BODY_RE = re.compile(r"^\s*(?:description|details|agenda|body|purpose|summary)\s*:\s*(?P<b>.*)$", re.I)
_ITEM_MARK_RE = re.compile(r"^\s*(?:\d{1,2}[.)]|[-*\u2022])\s+")


def _headed_note(message: str) -> str | None:
    heading = _NOTE_HEADING_RE.match(message)
    if heading is None:
        return None
    rest = message[heading.end() :]
    verdict = _VERDICT_RE.search(rest)
    if verdict is None or not _GROUNDS_RE.match(rest[: verdict.start()] or rest):
        return None  # the heading then the verdict's grounds, or nothing is read
    return f"{heading['x']}: {verdict['v'].strip()}"


def _invite(message: str) -> str | None:
    lines = [line for line in message.splitlines() if line.strip()]
    subject = _SUBJECT_RE.match(lines[0]) if lines else None
    if subject is None or not any(_INVITE_FIELD_RE.match(line) for line in lines[1:]):
        return None
    body: list[str] = []
    in_body = False
    for line in lines[1:]:
        if _INVITE_FIELD_RE.match(line):
            in_body = False
            continue
        opened = _BODY_RE.match(line)
        if opened is not None:
            in_body = True
            line = opened["b"]
        if in_body and line.strip():
            body.append(_ITEM_MARK_RE.sub("", line).strip())
    return "\n".join(body) if body else subject["s"].strip()


def laid_out_request(message: str) -> str:
    """The request a headed note or a calendar invite holds; any other message comes back as it was."""
    return _headed_note(message) or _invite(message) or message
