"""Values that are paths in a tree of categories ('Books > Fiction', 'Men>Shoes>Sneakers', 'Components->Diodes'): the
category, whatever the header says (round 28).

A shop's breadcrumb is written the same way in every system: the broader category first, then each narrower one after
a '>'. Such values name a category field that nothing fills or asks about even where the header names nothing (a
file without a header row, whose first row is 'Books > Fiction'): asked, never applied (a storage place is a path too:
'Room 1->Shelf 1->Box 2'). A file without a header row asks it whatever its budget; a file with one, within it.
"""

from __future__ import annotations

import re

from ferry.agent.address_run import ask_about, may_ask
from ferry.agent.evidence import ColumnInfo
from ferry.agent.models import SheetMatch
from ferry.agent.pairs import ScoredSheet

# The step between two categories of a breadcrumb: '>', '->' or '»'.
_STEP = re.compile(r"\s*-?[>»]\s*")
_LETTER = re.compile(r"[^\W\d_]")
# Share of a column's values that must be such paths.
_PATHS = 0.8
PATH_WHY = "Its values are paths of categories, the broader one first"


def category_paths(col: ColumnInfo) -> bool:
    """Whether most of a column's values are breadcrumb paths ('Books > Fiction')."""
    values = [v.strip() for v in col.samples if v.strip()]
    return bool(values) and sum(map(_path, values)) >= _PATHS * len(values)


def _path(value: str) -> bool:
    """Two or more steps, each with a letter ('5 > 3' is none), joined by '>'; no markup, list or web address."""
    if "<" in value or "|" in value or "://" in value:
        return False
    steps = _STEP.split(value)
    return len(steps) >= 2 and all(_LETTER.search(step) for step in steps)


def ask_category_path(scored: ScoredSheet, result: SheetMatch) -> None:
    """Ask whether the first column of category paths that nothing uses or offers fills the category field, when
    nothing fills or asks about it."""
    j = next((k for k, f in enumerate(scored.fields) if f.concepts.get("category", 0.0) >= 0.9), None)
    if j is None or not may_ask(scored, result):
        return
    key = scored.fields[j].spec.key
    if any(q.field == key for q in result.questions) or any(m.auto_applied and m.field == key for m in result.matches):
        return
    named = {c for q in result.questions for o in q.options for c in re.findall(r"'([^']*)'", o.label)}
    used = {c for m in result.matches if m.auto_applied for c in m.columns} | named
    for col in scored.columns:
        if col.source not in used and col.json_path is None and category_paths(col):
            ask_about(scored, result, col, j, PATH_WHY)
            return
