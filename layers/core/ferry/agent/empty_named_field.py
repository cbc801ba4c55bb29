"""An empty column naming a field gives way to a filled column of the file that is a candidate for the field (round
45, issue 12): myTurn's empty 'Categories' beside the filled 'Item Type' of carrier kinds. An empty column has
nothing to import, so applying it on its header alone takes the field from the column that carries it; the filled
column is asked for the field instead (the empty one left out), never applied on its weaker header."""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import ASKED_SCORE, AUTO_SCORE, LEFT_OUT_SCORE, QUESTION_FLOOR, PairScore

# Header evidence from which a filled column's header reads the field (a kind of it, a related word).
_READS = 0.7


def filled_candidate_over_empty(
    columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]
) -> None:
    """The filled candidate is asked for the field; the empty column naming it is left out (module note)."""
    for j, fld in enumerate(fields):
        empty = [i for i, c in enumerate(columns) if c.empty and pairs[i][j].score >= AUTO_SCORE]
        if not empty:
            continue
        filled = [i for i, c in enumerate(columns) if not c.empty and _candidate(pairs, i, j)]
        if len(filled) != 1:
            continue
        f = filled[0]
        pair = pairs[f][j]
        why = f"'{columns[f].header}' holds values for {fld.spec.key}; the empty column beside it only names it"
        pairs[f][j] = PairScore(max(pair.score, ASKED_SCORE), pair.header, pair.fit, [*pair.reasons, why])
        for e in empty:
            why = f"'{columns[e].header}' is empty; '{columns[f].header}' holds values for {fld.spec.key}"
            pairs[e][j] = PairScore(min(pairs[e][j].score, LEFT_OUT_SCORE), pairs[e][j].header, pairs[e][j].fit, [why])


def _candidate(pairs: list[list[PairScore]], i: int, j: int) -> bool:
    """A filled column under the auto line whose header reads the field and whose best field it is."""
    pair = pairs[i][j]
    if not QUESTION_FLOOR <= pair.score < AUTO_SCORE or pair.header < _READS:
        return False
    return all(p.score <= pair.score for k, p in enumerate(pairs[i]) if k != j)
