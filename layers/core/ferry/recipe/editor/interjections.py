"""An interjection before a request: 'Uh-uh, no. That last change was a bad habit; go back …', 'Leave it! The
'test' rows are not for importing. Filter them out.'

A sentence made only of interjections (a refusal, a halt, a sound of dismay: 'No.', 'Uh-uh, no.', 'Nope!', 'Whoa,
hold on!', 'Ugh.', a command shouted alone with '!' such as 'Leave it!') says how the speaker feels, not what to
change; when a request follows it, it drops out and the request is read. Alone it is left as typed (asked back:
it names nothing to change), and so is one before a question only (the question is still asked).
"""

from __future__ import annotations

import re

# one interjection: the closed class of refusals, halts and sounds, or a short command shouted alone ('Leave it!')
_WORD = (
    r"(?:uh[- ]?uh|uh[- ]?oh|no+|nope|nah|nay|na+h|whoa+|woah|stop|halt|wait|hold\s+on|hang\s+on|hold\s+up|ugh+|"
    r"argh+|oi|hey|oh|ah|ahem|hmm+|yikes|oops|eek|tsk(?:\s+tsk)?|ts+)"
)
_INTERJECTION_RE = re.compile(rf"^\s*(?:{_WORD}(?:[\s,]+|(?=[.!])))+[.!\u2026]+\s+", re.I)
# a keeping command shouted alone ('Leave it!', 'Stay!'): a halt, never 'Drop it!' (that one names a change)
_SHOUTED_RE = re.compile(r"^\s*(?:leave\s+it|stay|sit|heel)!+\s+", re.I)


def without_interjection(message: str) -> str:
    """The message without a leading sentence of interjections when a request follows it."""
    m = _INTERJECTION_RE.match(message) or _SHOUTED_RE.match(message)
    if m is None:
        return message
    rest = message[m.end() :]
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", rest.strip()) if s]
    if not sentences or all(s.rstrip().endswith("?") for s in sentences):
        return message
    return rest
