"""A column of words between an address's street and its state or postal code, whose header names nothing: the
city, by its place in the address (round 28).

Where an address runs street, city, state, postal code (as in the United States and many exports modelled on them),
and the street and the state (or postal code) are read from their own columns, applied or proposed, a column of
words between them whose header says nothing of any field ('Riverside', the first row's value, in a file without a
header row) is most likely the city: asked, never applied, as its values alone cannot tell a city from a surname. A
file without a header row asks it whatever its budget (values and places are all it has); a file with one, only
within its question budget.
"""

from __future__ import annotations

import re

from ferry.agent import questions as ask
from ferry.agent.calibrate import calibrated
from ferry.agent.evidence import ColumnInfo
from ferry.agent.left_out import question_budget
from ferry.agent.models import SheetMatch
from ferry.agent.pairs import QUESTION_FLOOR, UNSURE, ScoredSheet

# Fields read before and after the city in a written address.
_BEFORE_CITY = frozenset({"street", "street2"})
_AFTER_CITY = frozenset({"state", "postal_code"})
# Header evidence below which a header says nothing of a field: a value, or a word the vocabulary does not know.
_SILENT_HEADER = 0.3
# Share of a column's values that must be words (not numbers, codes of a state, or street addresses).
_WORDS = 0.8
CITY_WHY = "It sits between the street and the state or postal code, where an address has its city"


def ask_city_in_address_run(scored: ScoredSheet, result: SheetMatch) -> None:
    """Ask whether the first column of words between a street and a state or postal code (applied or proposed) fills
    the city, when nothing fills or asks about the city and the column's header names nothing."""
    j = next((k for k, f in enumerate(scored.fields) if f.concepts.get("city", 0.0) >= 0.9), None)
    if j is None or any(q.field == scored.fields[j].spec.key for q in result.questions):
        return
    if any(m.auto_applied and m.field == scored.fields[j].spec.key for m in result.matches):
        return
    headerless = any(c.no_header for c in scored.columns)
    if not may_ask(scored, result):
        return
    concepts_of_field = {f.spec.key: set(f.concepts) for f in scored.fields}
    # Its neighbours read as address parts, applied or proposed (a street asked about is still a street's place).
    read_as: dict[str, set[str]] = {}
    for m in result.matches:
        for c in m.columns:
            read_as.setdefault(c, set()).update(concepts_of_field.get(m.field, set()))
    used = {c for m in result.matches if m.auto_applied for c in m.columns}
    named = {c for q in result.questions for o in q.options for c in re.findall(r"'([^']*)'", o.label)}
    order = [c for c in scored.columns if c.json_path is None]
    for k in range(1, len(order) - 1):
        col = order[k]
        before, after = read_as.get(order[k - 1].source, set()), read_as.get(order[k + 1].source, set())
        if col.source in used or not before & _BEFORE_CITY or not after & _AFTER_CITY:
            continue
        if col.source in named and not headerless:
            continue
        if not _words_under_a_silent_header(scored, col):
            continue
        ask_about(scored, result, col, j, CITY_WHY)
        return


def may_ask(scored: ScoredSheet, result: SheetMatch) -> bool:
    """A file without a header row asks about its values whatever its budget; a file with one, within it."""
    return any(c.no_header for c in scored.columns) or len(result.questions) < question_budget(scored)


def ask_about(scored: ScoredSheet, result: SheetMatch, col: ColumnInfo, j: int, why: str) -> None:
    """Ask whether `col` fills field j, on evidence that is no header's; a yes maps it, nothing is applied."""
    result.questions.append(ask.conflict(scored.fields[j], col, why))
    match = result.match_for(scored.fields[j].spec.key)
    if match is not None:  # a yes maps the column asked about, whatever the assignment proposed
        match.column, match.columns, match.auto_applied = col.source, [col.source], False
        match.confidence = min(calibrated(QUESTION_FLOOR), UNSURE)
        match.rationale = why[0].lower() + why[1:]


def _words_under_a_silent_header(scored: ScoredSheet, col: ColumnInfo) -> bool:
    """Values that are words (no numbers, no street addresses, no state codes) under a header that names no field."""
    i = scored.columns.index(col)
    p = col.profile
    if col.empty or p.n < 1 or p.alpha < _WORDS or p.number > 0 or p.street > 0.2 or p.region > 0.5:
        return False
    return max((pair.header for pair in scored.pairs[i]), default=0.0) < _SILENT_HEADER
