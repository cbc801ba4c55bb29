"""A system's bare row id is not a business number the file names a column for (round 57, issue 12): Greenhouse's
users carry their own 'id' (4177623003) beside an 'employee_id' the company fills with its staff numbers, empty in the
export. Round 37 let a filled bare 'id' take a key field from the empty column naming it (Zendesk's 'id' beside an
empty 'external_id'), and for external_id that stands: the id the old system gave its row is what the field keeps.
Any other key field (an employee's, a customer's number) is the organisation's own number; when a column is named
exactly for it, the bare id beside it is the system's, so neither is applied: the two are asked, the named one first,
and the person says whether the system's id will do."""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import ASKED_SCORE, PairScore

# The key field whose meaning is the old system's own id for the row.
_SYSTEM_ID_FIELD = "external_id"
# The runner-up's score: still offered, never past the first.
_RUNNER_UP = ASKED_SCORE - 0.02


def ask_row_id_or_named_key(
    columns: list[ColumnInfo], fld: FieldInfo, pairs: list[list[PairScore]], j: int, row_id: int, empty: list[int]
) -> bool:
    """Ask between a bare row id and an empty column named exactly for a business key field; True if asked."""
    if fld.spec.key == _SYSTEM_ID_FIELD or not fld.key_field:
        return False
    named = [e for e in empty if columns[e].norm in fld.norms and columns[e].norm != columns[row_id].norm]
    if len(named) != 1:
        return False
    e = named[0]
    why = f"'{columns[e].header}' is named for {fld.spec.key} (empty here); '{columns[row_id].header}' is the system's"
    pairs[e][j] = pairs[e][j].asked(why)
    pair = pairs[row_id][j]
    pairs[row_id][j] = PairScore(min(pair.score, _RUNNER_UP), pair.header, pair.fit, [*pair.reasons, why])
    return True
