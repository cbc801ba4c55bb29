"""What the rewrite rules share: the fragments people use for arrows, missing values, rows, dropping and the
parts of a name, and the `Rule` a wording table is made of."""

from __future__ import annotations

import re
from collections.abc import Callable

ARROW = r"\s*(?:->|=>|\u2192|\u21d2|:|=|\u2014|\u2013|\s-)\s*"
MISSING = r"(?:empty|blank|missing|null|not set|not given|absent|unknown)"
ROWS = r"(?:rows?|records?|contacts?|lines?|entries|entry|people|persons?|ones)"
DROP_VERBS = (
    r"(?:drop|skip|ignore|exclude|leave out|remove|delete|filter out|throw away|discard|kick out|throw out|weed out|"
    r"get rid of|eliminate|purge|toss)"
)
FIRST = r"(?:first|given|fore)(?:\s*[-_ ]?names?)?"
LAST = r"(?:last|family)(?:\s*[-_ ]?names?)?|sur\s*[-_ ]?names?|surnames?|(?:the\s+)?name of (?:the\s+)?family"

Rule = tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]


def full(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"^(?:{pattern})$", re.I)


NOUNS = r"(?:\s+(?:numbers?|ones?|values?|columns?|entries|data|addresses))?"


def bare(phrase: str) -> str:
    """A column named with a noun after it ('the Mobile numbers', 'the Work Phone ones'): the name alone."""
    return re.sub(rf"{NOUNS}$", "", phrase.strip(), flags=re.I)
