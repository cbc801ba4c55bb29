"""Words around a plain command that name nothing of the migration (round 14 of issue 13), by position rather
than by wording: a trailing place or time phrase ('… should be withdrawn from the collection we import', '… before
import', '… somewhere in the target', 'an optional field in the record').

The session tries these only on a clause not understood as typed, and keeps a shorter reading only when it is a
change, a note or an undo. A phrase is cut only when it names no column, field or value of the migration and carries
nothing that could be the instruction itself: a number, a quote, a negation, a condition, an ordinal, a quantity or
rows in the plural ('Drop rows from the old records' keeps its rows), a count or part ('in three parts'), a source's
rank ('from the fallback'). 'to', 'into', 'as', 'for' and 'on' are never cut: what follows them is a command's target
('set country to US', 'split X into the archive', 'treat them as German', 'use Mobile for the fallback').
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ferry.agent.enums import country_code

# where a trailing adjunct may start: a preposition of place or time, or a comparison with the current state
_ADJUNCT_START_RE = re.compile(
    r"\s*,?\s+(?=(?:from|in|within|inside|before|after|across|throughout|during|at|out\s+of|as\s+in|"
    r"rather\s+than)\s)",
    re.I,
)
# anything that could carry the instruction itself: never cut away
_CARRIES_RE = re.compile(
    r"\d|\u27e6|\b(?:not|no|never|none|nothing|without|n't|only|except|but|unless|if|when|where|whenever|which|who|"
    r"that|empty|blank|missing|first|last|each|every|all|any|same|duplicat\w*|instead|rows|records|contacts|entries|"
    r"lines|people|persons|ones|those|these|them|they|it|its|column|columns|field|fields|value|values|"
    r"and|or|then|else|otherwise|german\w*|country|phone\w*|e-?mail\w*|dates?|names?|day|month|year|upper\w*|"
    r"lower\w*|case|format\w*|two|three|four|several|parts?|pieces?|halves|words?|fallback|backup|primary|"
    r"secondary|sources?|default|mapping)\b",
    re.I,
)


# one word after a comma at the very end ('…, asante', '…, kiitos', '…, ka'): a courtesy or a tag in any language
_TRAILING_WORD_RE = re.compile(r"\s*,\s*(?P<w>[^\W\d_]{2,14})\s*[.!]*$")


def trailing_word(text: str, names: Callable[[str], bool], grammar: frozenset[str]) -> str | None:
    """The clause without one trailing word after a comma that names nothing of the migration, is no word of the
    grammar or a country, and carries nothing; None when there is no such word."""
    m = _TRAILING_WORD_RE.search(text)
    if m is None:
        return None
    word, core = m["w"], text[: m.start()].strip()
    if len(core.split()) < 2 or word.lower() in grammar or _CARRIES_RE.search(word) or names(word):
        return None
    if word.isupper() or country_code(word):  # 'US', 'Spain': a value said again
        return None
    return core


def shorter_readings(text: str, names: Callable[[str], bool]) -> Iterator[str]:
    """The clause without each trailing adjunct that names nothing, the shortest adjunct first; `names` says
    whether a phrase names something of the migration."""
    for start in reversed([m.start() for m in _ADJUNCT_START_RE.finditer(text)]):
        core, adjunct = text[:start].strip(), text[start:].strip(" ,.!")
        if len(core.split()) < 2 or _CARRIES_RE.search(adjunct) or names(adjunct):
            return  # a nearer adjunct that carries something: anything further left carries it too
        yield core
