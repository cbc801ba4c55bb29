"""A bare 'Status' for a template whose only record state is a yes/no flag ('is_active' of employees; round 27).

Gibbon's staff import names whether a person is still at the school 'Status' (Full, Left, Expected); WP ERP's
employee list 'status' (active, inactive). With no status field in the template, the record's state is the flag's
matter. Over an empty column (an import template) the header points at it, though not surely, so the pair is raised
to a candidate worth a question, never to one applied on the header alone; where there are values, they decide: a
column of states alone (TimeTrex's 'Active'; round 30) is asked the same way, any other value says it is no state.
"""

from __future__ import annotations

from dataclasses import replace

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import QUESTION_FLOOR, PairScore

# The words of a yes/no field that name a record's state rather than a property ('is_active', 'enabled').
_STATE_WORDS = frozenset({"active", "inactive", "enabled", "disabled", "archived"})
_BARE_STATE = frozenset({"status", "state"})
# Values of a bare 'Status' that are a record's state (TimeTrex's 'Active'; round 30).
_STATE_VALUES = _STATE_WORDS | {"terminated", "suspended", "left", "retired"}
# Header evidence of a pointing, not naming, header: enough to be offered within the question budget.
_POINTS = 0.5


def points_at_state_flag(col: ColumnInfo, fld: FieldInfo) -> bool:
    """An empty bare 'Status' and a yes/no field naming a record's state (no status field assumed)."""
    # A column with no values, or one whose every value is a state ('Active', 'Inactive'): other values say they are
    # not the flag's (a user's 'status' message is no state).
    states = col.samples and all(s.strip().lower() in _STATE_VALUES for s in col.samples)
    bare = (col.empty or bool(states)) and not col.no_header and col.norm in _BARE_STATE
    return bare and fld.spec.type == "boolean" and bool(fld.words & _STATE_WORDS)


def status_for_a_state_flag(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    if any("status" in f.concepts for f in fields):
        return  # the template keeps the state itself
    for j, fld in enumerate(fields):
        for i, col in enumerate(columns):
            pair = pairs[i][j]
            if not points_at_state_flag(col, fld) or pair.score >= QUESTION_FLOOR:
                continue
            reason = f"'{col.header}' is the record's state, which the yes/no {fld.spec.key} holds here"
            # States are the flag's values in words ('Active' is yes): they do not speak against it.
            fit = max(pair.fit, 0.0)
            pairs[i][j] = replace(
                pair, score=QUESTION_FLOOR, header=max(pair.header, _POINTS), fit=fit, reasons=[reason]
            )
