"""A yes/no column whose header names a value of the record's status is that status's flag, not a look-alike of
another field (round 51, issue 12): Northwind's 'discontinued' of 0/1 names the products status 'archived', yet was
spelled like 'sale_price' (discount-ed) and, taken for that pair, was no longer free for the status, so it was dropped.
A header that only resembles a field (no naming header) yields to the state it names; a header that names the other
field outright keeps it, and a column whose values are not yes/no is read as before. The status mapping itself is
`match`'s: the flag's 'yes' values become the named state, and what its 'no' stands for is asked."""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import LEFT_OUT_SCORE, NAMING_HEADER, PairScore
from ferry.agent.state_flags import value_named_by

# Share of a column's values that must be yes/no words or 0/1 (as `match` asks of a state flag).
_FLAG_SHARE = 0.6


def _names_a_state(col: ColumnInfo, fld: FieldInfo) -> bool:
    if fld.spec.type != "enum" or "status" not in fld.concepts or not fld.spec.values:
        return False
    if col.json_path is not None or not col.profile.n or col.profile.boolean < _FLAG_SHARE:
        return False
    return value_named_by(col.header, fld.spec.values) is not None


def free_state_flags(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Leave out the look-alike pairs of a yes/no column whose header names a status value."""
    for i, col in enumerate(columns):
        if not any(_names_a_state(col, fld) for fld in fields):
            continue
        for k, other in enumerate(fields):
            pair = pairs[i][k]
            if "status" in other.concepts or pair.header >= NAMING_HEADER or pair.score <= LEFT_OUT_SCORE:
                continue
            reason = f"'{col.header}' says yes or no to a status value: a flag, not the {other.spec.key}"
            pairs[i][k] = PairScore(LEFT_OUT_SCORE, pair.header, pair.fit, [*pair.reasons, reason])
