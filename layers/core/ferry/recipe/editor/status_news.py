"""Round 25 (issue 13): a request inside a status update, found as dev31's misses. A message that opens as a status
update ('Status update:', 'Weekly status:', 'Status (Wed):', 'Update from ops:', 'Progress note:', 'Sprint recap:')
holds sentences of news around one request; when the request is marked ('One thing for Ferry:', 'Request:', 'Ask:',
'Also, for the import, …', '…, so please …') only its sentence is read, so news such as 'still waiting on legal'
about something else neither blocks it nor is read as a change. An update with no marked request comes back as it
was (its news is still asked back, never applied).
"""

from __future__ import annotations

import re

# the status heading the message opens with
_HEAD_RE = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:status(?:\s+(?:update|report|note))?|update|progress(?:\s+(?:note|report|update))?|"
    r"(?:sprint\s+)?recap|stand-?up(?:\s+notes?)?|check-?in)(?:\s*\([^)\n]{1,20}\))?(?:\s+from\s+[\w -]{1,20}?)?"
    r"\s*:\s*(?=\S)",
    re.I,
)
# a label that marks the request among the news: 'One thing for Ferry:', 'Request:', 'One ask for the import:'
_MARKED_RE = re.compile(
    r"(?:^|(?<=[.!;]\s))(?:one\s+(?:more\s+)?(?:thing|ask|request)(?:\s+(?:for|from)\s+[\w ]{1,30}?)?|"
    r"(?:my\s+|our\s+|the\s+)?(?:request|ask|action|action\s+item|to\s+do)(?:\s+for\s+[\w ]{1,30}?)?|"
    r"for\s+(?:ferry|the\s+import|the\s+migration))\s*:\s*(?P<req>[^\n]+)",
    re.I,
)
# 'Also, for the import, X.': the request sentence after the news
_ALSO_RE = re.compile(
    r"(?:^|(?<=[.!;]\s))(?:also|and|plus)\s*,?\s+for\s+the\s+(?:import|migration)\s*,\s*(?P<req>[^\n]+)", re.I
)
# '…; they confirmed X, so please Y.': the clause holding the request, its reporting verb taken off
_SO_PLEASE_RE = re.compile(
    r"(?:^|(?<=[;:.!]\s))(?:(?:they|we|sales|support|ops|the\s+\w+)\s+(?:confirmed|agreed|said|decided)\s+(?:that\s+)?)?"
    r"(?P<req>[^;:.!\n]*,\s*so\s+please\s+[^;.!\n]+[.!]?)",
    re.I,
)
_SENTENCE_END_RE = re.compile(r"(?<=[.!])\s+(?=[A-Z])")


def _first_sentence(text: str) -> str:
    return _SENTENCE_END_RE.split(text.strip(), maxsplit=1)[0].strip()


def status_request(message: str) -> str:
    """The marked request of a status update, alone; any other message comes back as it was."""
    head = _HEAD_RE.match(message)
    if head is None:
        return message
    body = message[head.end() :]
    if sum(len(p.findall(body)) for p in (_MARKED_RE, _ALSO_RE, _SO_PLEASE_RE)) > 1:
        return message  # (two marked requests: reading one alone would apply half of what was asked)
    for pattern in (_MARKED_RE, _ALSO_RE):
        m = pattern.search(body)
        if m is not None:
            return _first_sentence(m["req"])
    m = _SO_PLEASE_RE.search(body)
    if m is not None:
        return m["req"].strip()
    return message
