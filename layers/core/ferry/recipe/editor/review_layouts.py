"""A label before the request: a review's sections ('Pros: … Cons: … Fix: …') and a numbered remark ('Major comment
1.', 'Item 2)', 'Point 4:').

A review laid out in labelled sections says what works under one label ('Pros:', 'Positives:', 'Likes:') — praise
that asks nothing — and the trouble and its remedy under the others: the praise goes (the other sections' labels are
read as before: 'Cons: …' a scene, 'Fix: …' the request). A numbered label alone before a sentence ('Major
comment 1.', 'Reviewer 2.', 'Item 2)') is a heading: it drops out when a request follows it. A message with no
more than the labels, or whose sections are all questions, is left as typed.
"""

from __future__ import annotations

import re

# 'Label:' opening a section of a review: one or two words, then a colon (a column's name before a colon is a
# 'K: V' pair of the snippet voices: the review needs two sections or more, one of them the praise)
_SECTION_RE = re.compile(r"(?:^|(?<=[.!\n]))\s*(?P<label>[A-Z][a-z]+(?:\s[a-z]+)?)\s*:\s+")
# the section that says what is good: praise, never a request
_PRAISE_LABEL_RE = re.compile(
    r"(?:pros?|positives?|upsides?|likes?|liked|strengths?|the\s+good|good|plus(?:es)?|what\s+works)", re.I
)
# a numbered heading before a sentence: 'Major comment 1.', 'Minor comment 3:', 'Reviewer 2.', 'Item 2)', 'Point 4:'
_NUMBERED_LABEL_RE = re.compile(
    r"^\s*(?P<label>(?:[A-Z][a-z]+\s+){1,2}(?:#\s?)?(?:\d{1,3}|[IVX]{1,4}|[A-H]))\s*(?:[.:)]|\s[-\u2013\u2014])\s+"
    r"(?=[A-Z'\"])"
)
# the words of a heading that could be a row or a column instead ('Row 12:' is a row, never a heading)
_NOT_A_HEADING_RE = re.compile(r"\b(?:rows?|lines?|records?|entry|entries|columns?|fields?|version|step)\b", re.I)


def without_labels(message: str) -> str:
    """The message without a review's praise section and section labels, or a numbered heading before it."""
    return _without_numbered_label(_without_praise(message))


def _without_praise(message: str) -> str:
    sections = list(_SECTION_RE.finditer(message))
    if len(sections) < 2 or not any(_PRAISE_LABEL_RE.fullmatch(s["label"]) for s in sections):
        return message
    out, kept = [], 0
    for n, s in enumerate(sections):
        end = sections[n + 1].start() if n + 1 < len(sections) else len(message)
        out.append(message[kept : s.start()])
        if not _PRAISE_LABEL_RE.fullmatch(s["label"]):
            out.append(" " + message[s.start() : end].strip())  # the trouble and the remedy, labels and all
        kept = end
    said = "".join(out).strip()
    sentences = [x for x in re.split(r"(?<=[.!?])\s+", said) if x]
    return said if sentences and not all(x.endswith("?") for x in sentences) else message


def _without_numbered_label(message: str) -> str:
    m = _NUMBERED_LABEL_RE.match(message)
    if m is None or _NOT_A_HEADING_RE.search(m["label"]):
        return message
    rest = message[m.end() :]
    return rest if len(re.findall(r"\w+", rest)) >= 3 else message
