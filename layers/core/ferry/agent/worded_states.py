"""A bare 'Status' of employment states in words, for a yes/no active flag (round 36, issue 12): midPoint's HR feed
writes 'Active', 'Long-term leave', 'Former employee' where other systems write active/inactive. Each value is a state
when one of its words says whether the person is still there (active, current), gone (former, terminated, resigned)
or away for a while (leave, suspended); the rest of the value ('employee', 'long-term') only qualifies it.

With one value current and another ended the values are the flag's, in words: the column is applied with a value
map (current → true, ended → false); a paused state ('Long-term leave') is neither, and is asked as a value."""

from __future__ import annotations

import re
from dataclasses import replace

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import APPLIED_SCORE, NAMING_HEADER, PairScore

# Words of a value that say the record is current, has ended, or is paused.
_CURRENT = frozenset({"active", "current", "employed"})
_ENDED = frozenset({"inactive", "former", "terminated", "left", "retired", "resigned", "dismissed", "deceased"})
_PAUSED = frozenset({"leave", "suspended", "sabbatical"})
_WORD = re.compile(r"[a-z]+")
# A bare header for a record's state, and the words of a yes/no field that name one (as in `record_state`).
_BARE_STATE = frozenset({"status", "state"})
_FLAG_WORDS = frozenset({"active", "inactive", "enabled", "disabled"})


def _reading(value: str) -> str | None:
    words = set(_WORD.findall(value.lower()))
    if words & _ENDED:
        return "false"
    if words & _PAUSED:
        return "paused"
    return "true" if words & _CURRENT else None


def worded_states(samples: list[str]) -> bool:
    """Whether every value is a record's state in words, one of them current ('Active') and one ended ('Former')."""
    readings = [_reading(v) for v in {v.strip() for v in samples if v.strip()}]
    return None not in readings and "true" in readings and "false" in readings


def state_value_map(samples: list[str]) -> dict[str, dict[str, str] | list[str]]:
    """The hints of a flag read from worded states: current → true, ended → false, paused ones left to ask; none for
    values that are not worded states ('yes', 'no' need no map)."""
    if not worded_states(samples):
        return {}
    values = list(dict.fromkeys(v for v in samples if v.strip()))
    value_map = {v: r for v in values if (r := _reading(v)) in ("true", "false")}
    return {"value_map": value_map, "unmatched_values": [v for v in values if v not in value_map]}


def states_for_an_active_flag(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """A bare 'Status' of worded states, current and ended, is applied to the template's active flag."""
    if any("status" in f.concepts for f in fields):
        return  # the template keeps the state itself
    for j, fld in enumerate(fields):
        if fld.spec.type != "boolean" or not fld.words & _FLAG_WORDS:
            continue
        for i, col in enumerate(columns):
            if col.no_header or col.norm not in _BARE_STATE or not worded_states(col.samples):
                continue
            reason = f"'{col.header}' holds states in words, current and ended: the {fld.spec.key} flag's yes and no"
            pair = pairs[i][j]
            pairs[i][j] = replace(pair, score=max(pair.score, APPLIED_SCORE), header=NAMING_HEADER, reasons=[reason])
