"""Headers that are another form of a field's name ('hiring_date' for hire_date, 'Pricing' for price): the same
words once their endings are cut, where no synonym list names the form. Only the field's own names count (its key,
label and aliases), every word must match, and the values must agree before such a header is applied."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from ferry.agent.synonyms import header_words

# Endings cut from a word, the first that fits: inflections that keep the word's sense ('hiring', 'hired', 'hires').
_ENDINGS = ("ing", "ed", "es", "s", "e")
# A stem shorter than this is too short to say anything ('us' of 'use').
_MIN_STEM = 3
# Header evidence of a header that is a form of the field's name: below a naming header (0.88), so that values must
# agree before it is applied, above the bar for a question of its own.
FORM_HEADER = 0.86


def stem(word: str) -> str:
    """The word without one inflectional ending ('hiring' → 'hir', 'hire' → 'hir', 'dates' → 'dat')."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=65536)
def stems_of(text: str) -> frozenset[str]:
    """The stems of every word of a header or a name: a qualifier ('billing active') is a word the name lacks."""
    return frozenset(stem(w) for w in header_words(text) if len(w) > 1 and w.isalpha())


def same_stems(header: str, names: Iterable[str]) -> bool:
    """Whether the header is one of the names in another form: the same stems, word for word, yet not the same
    words (a header spelled like the name is matched as the name itself)."""
    own = stems_of(header)
    if not own:
        return False
    words = set(header_words(header))
    return any(stems_of(name) == own and set(header_words(name)) != words for name in names if name)
