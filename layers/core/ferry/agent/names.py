"""Given names: a broad, international list (gender-guesser's name dictionary, ~45,000 first names from 54
countries) read once, lazily, as a set of folded names. Used to tell given names, full names and surnames apart
in a column's values; it needs no rows beyond the samples, so it works on files of two rows.

The dictionary also lists names that are everyday words in English (Long, Sun, The, Will); those and names rare in
every country are left out, so a product title or a street is not taken for a person.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from ferry.agent.normalize import fold

# Names the dictionary holds that are, in a header or a value, far more often ordinary words.
_WORDS = frozenset(
    {
        "the", "an", "and", "long", "sun", "will", "young", "art", "buck", "cash", "day", "dot", "early", "gay", "king",
        "lane", "major", "rich", "river", "sky", "star", "sunny", "west", "win", "wing", "gold", "ash", "jet", "do",
        "so", "in", "on", "to", "is", "it", "my", "no", "le", "la", "de", "da", "du", "di", "el", "al", "ma", "mo",
        "li", "lo", "un", "en", "ha", "ho", "hi", "yes", "son", "man", "tan", "van", "von", "der", "den", "min", "max",
        "new", "old", "web", "net", "pro", "city", "page", "price", "sale", "unit", "box", "case", "general", "central",
    }
)  # fmt: skip
_MIN_FREQUENCY = 2  # the dictionary's frequency scale is 1 (rare) .. 13 (very common) in some country


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Folded given names common somewhere (frequency >= 2 in at least one country), everyday words left out."""
    try:
        data = resources.files("gender_guesser").joinpath("data", "nam_dict.txt").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - the dataplane layer pins it
        return frozenset()
    names: set[str] = set()
    for line in data.splitlines():
        if not line or line[0] in "#=":
            continue
        parts = line.split()
        if len(parts) < 2:
            continue
        frequencies = [int(ch, 16) for ch in line[30:] if ch in "0123456789abcdefABCDEF"]
        if max(frequencies, default=0) < _MIN_FREQUENCY:
            continue
        name = fold(parts[1].replace("+", "-"))
        if len(name) > 1 and name not in _WORDS:
            names.add(name)
    return frozenset(names)


def is_given_name(token: str, extra: frozenset[str] = frozenset()) -> bool:
    """True when a single word is a known given name (case and accents ignored)."""
    folded = fold(token.strip(".,"))
    return folded in extra or folded in given_names()
