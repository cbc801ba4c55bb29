"""A word cut short with a dot before the rest of a compound (round 34, issue 12): German and Dutch headers write
'Artikelnummer' as 'Art. Nummer' or 'art.-nummer'. The header names what the one vocabulary word starting with the cut
word and ending with the rest names; several such words (or none) name nothing."""

from __future__ import annotations

import re
from functools import lru_cache

from ferry.agent.glued_abbreviations import glued_abbreviation
from ferry.agent.normalize import fold
from ferry.agent.synonyms import CONCEPTS

# 'art. nummer', 'Art.-Nummer', 'best. nr': a cut word of at least two letters, its dot, then one word.
_CUT_SHORT = re.compile(r"^\s*([^\W\d_]{2,})\.[\s\-]*([^\W\d_]{2,})\.?\s*$")
# As a header whose core is a synonym (0.95): the expansion is a reading, the one vocabulary word confirms it.
_STRENGTH = 0.95


@lru_cache(maxsize=1)
def _one_word_phrases() -> dict[str, frozenset[str]]:
    index: dict[str, set[str]] = {}
    for concept, phrases in CONCEPTS.items():
        for phrase in phrases:
            word = fold(phrase).strip()
            if word.isalpha():
                index.setdefault(word, set()).add(concept)
    return {word: frozenset(concepts) for word, concepts in index.items()}


@lru_cache(maxsize=4096)
def cut_short_compound(header: str) -> dict[str, float]:
    """{concept: strength} of a header such as 'art. nummer' (Artikelnummer: an SKU); {} for any other header."""
    m = _CUT_SHORT.match(fold(header))
    if m is None:
        return glued_abbreviation(header)  # no dot, no case: 'empnum' is cut short and glued all the same
    stem, rest = m.group(1), m.group(2)
    words = [
        w for w in _one_word_phrases() if w.startswith(stem) and w.endswith(rest) and len(w) > len(stem) + len(rest)
    ]
    named = {c for w in words for c in _one_word_phrases()[w]}
    return {named.pop(): _STRENGTH} if len(named) == 1 else {}
