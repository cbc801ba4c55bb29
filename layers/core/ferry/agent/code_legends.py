"""A state header that lists what its codes stand for (round 48, issue 12): QloApps' rooms file writes 'Room Status (1
= Active, 2 = Inactive, 3 = Temporarily Inactive)' over codes 1 and 3. The legend's words are a record's states, so
the header names the record's own status, whatever word stands before 'Status' ('Room' is the record there): it reads
as the status as surely as a bare 'Status' does. A legend of other words ('Payment Status (1 = Paid, 2 = Due)'), a
header with no legend, and a legend under a header that names no status are read as before; the codes' values are
still put to the person (a values question), never guessed."""

from __future__ import annotations

import re

# 'N = Word' or 'Word = N' entries, comma- or semicolon-separated, inside one pair of brackets.
_LEGEND = re.compile(r"[(\[]([^()\[\]]*=[^()\[\]]*)[)\]]")
_ENTRY = re.compile(r"^\s*(?:\w{1,3}\s*=\s*([^\W\d_][^=]*?)|([^\W\d_][^=]*?)\s*=\s*\w{1,3})\s*$")
# The words of a record's own state.
_STATE_WORDS = frozenset(
    {"active", "inactive", "enabled", "disabled", "archived", "available", "unavailable", "blocked", "suspended"}
)
# The strength of a bare 'Status' for the status.
_STATE_HEADER = 0.95
_FEWEST_ENTRIES = 2


def legend_words(header: str) -> list[str]:
    """The words a bracketed legend gives its codes ('1 = Active, 2 = Inactive' → ['active', 'inactive']); [] when
    the header has no legend of at least two entries."""
    m = _LEGEND.search(header)
    if m is None:
        return []
    words: list[str] = []
    for entry in re.split(r"[,;]", m.group(1)):
        hit = _ENTRY.match(entry)
        if hit is None:
            return []
        words.append((hit.group(1) or hit.group(2)).strip().casefold())
    return words if len(words) >= _FEWEST_ENTRIES else []


def with_legend_states(header: str, concepts: dict[str, float]) -> dict[str, float]:
    """The concepts of a header whose legend lists record states: its status read as a bare 'Status' reads."""
    if "status" not in concepts:
        return concepts
    words = legend_words(header)
    if not words or not all(set(w.split()) & _STATE_WORDS for w in words):
        return concepts
    return {**concepts, "status": max(concepts["status"], _STATE_HEADER)}
