"""A header of two words that each name the same one concept, with no slash between them (round 41, issue 12;
Tamanu's 'cityTown'): the two usual words for one field side by side, as 'City/Town' writes them with a slash
(`evidence._alternatives_concept`). Read as that concept, not as a longer phrase that only contains it.

A slash between a thing and a key for it ('Product Name/ID', Impler's sample of word-plus-number names) says the
column holds the one or the other: it resembles the thing's field (asked, never applied), where two fields in one
header said nothing before and the column was dropped."""

from __future__ import annotations

from ferry.agent.synonyms import concepts_of, header_words

# A word names a concept outright from this strength.
_OUTRIGHT = 0.9
# As a slash-joined pair of alternatives reads.
_STRENGTH = 0.95
# Words for people stack as a role and its head noun ('contact person', a repository's contact), not alternatives.
_PEOPLE = frozenset({"full_name"})


def same_word_twice(header: str) -> dict[str, float]:
    """{concept: strength} when the header is two different words each naming that concept and nothing else."""
    words = header_words(header)
    # A phrase the vocabulary knows whole ('contact person') reads as that phrase, not as two alternatives.
    if len(words) != 2 or words[0] == words[1] or any(s >= _OUTRIGHT for s in concepts_of(header).values()):
        return {}
    named = [{c for c, s in concepts_of(w).items() if s >= _OUTRIGHT} for w in words]
    if len(named[0]) == 1 and named[0] == named[1] and not named[0] & _PEOPLE:
        return {next(iter(named[0])): _STRENGTH}
    return {}


# Concepts of a record's key: the alternative to a thing's name in 'Name/ID', 'Name/SKU'.
_KEYS = frozenset({"id", "sku"})
# A header that only resembles the field: enough to be asked, never to be applied.
_RESEMBLES = 0.7


def thing_or_its_key(named: set[str]) -> dict[str, float]:
    """{the thing's concept: a resembling strength} for slash alternatives naming one thing and a key for it."""
    things = named - _KEYS
    if len(named) == 2 and len(things) == 1:
        return {next(iter(things)): _RESEMBLES}
    return {}
