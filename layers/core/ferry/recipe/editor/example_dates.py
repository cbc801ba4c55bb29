"""Round 33 (issue 13): one reading of an example date ('03/04/2024 is 3 April', 'Example 14/02/2023, this one is
14 February', '25/03/2024 is the twenty-fifth of March'), where rounds 30 and 32 had two (one dropped the example
after an order, the other turned it into the order):

- when the message says the order elsewhere ('day first', 'the day comes before the month', 'DD/MM', 'the first
  number is the day'), the example only shows it again: it goes, with its 'Example' / 'e.g.' and its separator;
- otherwise an example whose reading shows which number is the day is that order: 'day first' or 'month first'; an
  example that shows neither ('05/05/2024 is 5 May') or fits neither, or whose day is spelled out, is left as typed.

A date's order said by the numbers' places ('first number is the day, second (number) is (the) month') is 'day
first' (and the other way round 'month first'). Read by `workshop_figures.workshop_figured`, which leaves a message
ending in '?' as typed.
"""

from __future__ import annotations

import re

from ferry.recipe.editor.negation_guard import unless_negated
from ferry.recipe.spec import MONTHS

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
_EXAMPLE_RE = re.compile(
    # the separator before it (kept when the example becomes the order) and an 'Example' / 'For example' / 'e.g.'
    r"(?P<sep>[;,:]|(?<=[.!])|^)?(?P<intro>\s*\b(?:(?:for\s+)?(?:example|instance)|e\.g\.|eg\b|i\.e\.|so)\s*[:,]?)?\s*"
    r"(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-]\d{2,4}"
    # what it is: 'is', 'means', '=', ', this one is', ', that's'
    r"(?:\s*,\s*(?:this|that|which)(?:\s+one)?(?:\s+is|'s|\u2019s)|\s+(?:is|means|=|reads\s+as|stands\s+for|"
    r"that's|that\u2019s))\s+(?:the\s+)?"
    rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH})|(?P<m2>{_MONTH})\s+(?:the\s+)?"
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?|(?P<words>[a-z][\w -]{{2,29}}?)\s+of\s+(?P<m3>[A-Z][a-z]+))\b",
    re.I,
)
# the order said in words: 'day first', 'the day comes before the month', 'DD/MM'
_ORDER_SAID_RE = re.compile(r"\bday\b[^.!?\n]{0,40}\b(?:first|then|before)\b|\bDD[/.]MM\b", re.I)
# the order said by the numbers' places: 'first number is the day, second number is month'
_PLACES_RE = re.compile(
    r"\b(?:the\s+)?first\s+(?:number|figure|part|one|digits?)\s+(?:is|are|means|=)\s+(?:the\s+)?(?P<x>day|month)"
    r"(?:\s*[,;]\s*(?:and\s+)?(?:the\s+)?second(?:\s+(?:number|figure|part|one|digits?))?\s+(?:is|are|means|=)\s+"
    r"(?:the\s+)?(?:day|month))?\b",
    re.I,
)


def _order(m: re.Match[str]) -> str | None:
    """'day first' or 'month first' when the example's reading shows which number is the day, else None."""
    a, b = int(m["a"]), int(m["b"])
    if m["words"] is not None or a == b:
        return None
    day = int(m["d1"] or m["d2"])
    month = MONTHS[(m["m1"] or m["m2"]).lower()[:3]]
    if (a, b) == (day, month):
        return "day first"
    if (a, b) == (month, day):
        return "month first"
    return None


def example_dated(message: str) -> str:
    """`message` with its date order said by the numbers' places as 'day / month first', and each example date read
    once: gone when the order is said elsewhere, the order it shows when not, as typed when it shows none."""
    said = _PLACES_RE.sub(unless_negated(r"\g<x> first"), message)
    examples = list(_EXAMPLE_RE.finditer(said))
    if not examples:
        return said
    rest = _EXAMPLE_RE.sub(" ", said)
    if _ORDER_SAID_RE.search(rest):
        # the example shows the order said: it goes, with its separator (a sentence's end stays)
        return _EXAMPLE_RE.sub(lambda m: m.group(0) if m["sep"] is None else "", said)
    # words in the reading ('the twenty-fifth of March') show no order without one said: as typed
    return _EXAMPLE_RE.sub(_as_order, said)


def _as_order(m: re.Match[str]) -> str:
    order = _order(m)
    return m.group(0) if order is None else f"{m['sep'] or ''} {order}"
