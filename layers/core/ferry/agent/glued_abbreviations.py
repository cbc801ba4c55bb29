"""A run-together header of short forms with no case or mark to split on (round 36, issue 12): HR and ERP feeds
write 'empnum', 'emptype', 'custno', 'acctname'. Read as the pieces it splits into, each a known short form or a
vocabulary word and at least one a short form, the header names what the expanded phrase names as a whole; two
splits that name different things (or a phrase that names nothing whole) name nothing."""

from __future__ import annotations

from functools import lru_cache

from ferry.agent.normalize import ABBREVIATIONS, join_tokens
from ferry.agent.synonyms import concepts_of_words, header_words, vocabulary_words

# Short forms written only glued to another word ('custno', 'prodcode'): alone they are too open to read.
_GLUED_ONLY = {"cust": "customer", "prod": "product"}
# A vocabulary piece this short is a syllable more often than a word ('co' + 'st' + 'ock').
_SHORTEST_WORD = 3
# The expanded phrase must name the concept as a whole ('employee number'), not as a part of a longer phrase.
_WHOLE = 0.9
# As a header whose core is a synonym (0.95), as a word cut short with a dot: the vocabulary phrase confirms the split.
_STRENGTH = 0.95


def _short_forms() -> dict[str, str]:
    return {**{k: v for k, v in ABBREVIATIONS.items() if k.isalpha() and " " not in k}, **_GLUED_ONLY}


def _splits(word: str, pieces_left: int) -> list[list[tuple[str, bool]]]:
    """Every way to cut `word` into at most `pieces_left` pieces, each (expansion, is_short_form)."""
    out: list[list[tuple[str, bool]]] = []
    forms, known = _short_forms(), vocabulary_words()
    for end in range(2, len(word) + 1):
        head, rest = word[:end], word[end:]
        readings = [(forms[head], True)] if head in forms else []
        # A two-letter word closes a header ('empid'), never starts one.
        if head in known and (len(head) >= _SHORTEST_WORD or not rest):
            readings.append((head, False))
        for reading in readings:
            if not rest:
                out.append([reading])
            elif pieces_left > 1:
                out.extend([reading, *tail] for tail in _splits(rest, pieces_left - 1))
    return out


@lru_cache(maxsize=4096)
def glued_abbreviation(header: str) -> dict[str, float]:
    """{concept: strength} of a one-word header glued from short forms ('empnum' → employee_id); {} otherwise."""
    words = header_words(header)
    if len(words) != 1 or not words[0].isalpha() or words[0] in vocabulary_words() or words[0] in _short_forms():
        return {}
    named: set[str] = set()
    for split in _splits(words[0], 3):
        if len(split) < 2 or not any(short for _, short in split):
            continue
        phrase = tuple(join_tokens([w for expansion, _ in split for w in expansion.split()]).split())
        named |= {c for c, s in concepts_of_words(phrase).items() if s >= _WHOLE}
    return {named.pop(): _STRENGTH} if len(named) == 1 else {}
