"""Well-known misspellings of everyday words that the vocabulary correction cannot reach.

`resolver.fix_typos` corrects a word to the grammar's or the template's vocabulary within one typo, but words of
three letters or fewer are only un-swapped ('mpa' → map) and the small words of English ('the', 'out', 'case',
'please') are mostly not in that vocabulary. These are the usual keyboard slips of such words; each has one reading,
so it is safe to correct wherever the word is not itself a name or value of the template (the caller checks that).
A slip with two readings ('ot' is 'to' or 'out') is read only where its neighbour settles it.
"""

from __future__ import annotations

import re
from functools import partial

# a slip → the word meant; only slips that are no English word themselves
SLIPS: dict[str, str] = {
    "teh": "the",
    "hte": "the",
    "tht": "that",
    "taht": "that",
    "thta": "that",
    "adn": "and",
    "nad": "and",
    "cse": "case",
    "csae": "case",
    "pleas": "please",
    "pleae": "please",
    "plase": "please",
    "plesae": "please",
    "pelase": "please",
    "wiht": "with",
    "wtih": "with",
    "iwth": "with",
    "jsut": "just",
    "waht": "what",
    "whcih": "which",
    "becuase": "because",
    "evry": "every",
    "evey": "every",
}

# slips whose reading depends on the next word: 'ot of' is 'out of'; 'ot' before a verb or name is 'to'
_IN_CONTEXT: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bot(?=\s+of\b)", re.I), "out"),
    (re.compile(r"\bou(?=\s+of\b)", re.I), "out"),
]


def fix_slips(text: str, known: set[str]) -> str:
    """`text` with the well-known slips of everyday words corrected, except a word the template knows as typed."""
    for pattern, word in _IN_CONTEXT:
        text = pattern.sub(partial(_in_context, word, known), text)

    def fix(m: re.Match[str]) -> str:
        typed = m.group(0)
        meant = SLIPS.get(typed.lower())
        if meant is None or typed.lower() in known:
            return typed
        return "" if meant == "please" else _cased(typed, meant)  # courtesy, which tidying has already taken off

    fixed = re.sub(r"(?<![\u27e6\d\w'])[A-Za-z]+(?![\u27e7\d\w'])", fix, text)
    return " ".join(fixed.split()) if fixed != text else text


def _in_context(meant: str, known: set[str], m: re.Match[str]) -> str:
    return m.group(0) if m.group(0).lower() in known else _cased(m.group(0), meant)


def _cased(typed: str, meant: str) -> str:
    return meant.capitalize() if typed[:1].isupper() else meant
