"""One guard for every figure module, and the one tidy-up after its figures: a figure said under a negation ("don't
throw Notes back", 'never fail over to Mobile', 'no need to stamp it US') is not said, so it is left as typed.

A negation counts when it stands right before the figure, or one word before it ("don't just throw …"): 'not',
'never', 'no longer', 'no need to' and any "…n't" ('don't', 'shouldn't'; 'dont' typed without its apostrophe).
"""

from __future__ import annotations

import re
from collections.abc import Callable

NEGATED_RE = re.compile(r"(?:\b(?:not|never|no\s+longer|no\s+need\s+to|dont|shouldnt)|n't)\s*(?:(?<=\s)\w+\s+)?$", re.I)


def negated(m: re.Match[str]) -> bool:
    """Whether the figure `m` found stands under a negation (read on the text before it)."""
    return NEGATED_RE.search(m.string[: m.start()]) is not None


def unless_denied(m: re.Match[str], said: str) -> str:
    """`said` in place of the figure `m`, unless it is negated: then the figure as typed."""
    return m.group(0) if negated(m) else said


def unless_negated(plain: str) -> Callable[[re.Match[str]], str]:
    """A replacement for `re.sub`: the template `plain` (with its groups), unless the figure is negated."""
    return lambda m: m.group(0) if negated(m) else m.expand(plain)


def tidied(said: str, message: str) -> str:
    """`said` after a figure module's rewrites, its gaps and doubled stops closed; `message` when no words are left."""
    said = re.sub(r"[ \t]{2,}", " ", said)
    said = re.sub(r"\s+([.;,])", r"\1", said)
    said = re.sub(r"\.\s*\.", ".", said).strip()
    return said if re.search(r"\w", said) else message
