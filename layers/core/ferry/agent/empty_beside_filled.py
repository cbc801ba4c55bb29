"""An empty column whose header names a place field, beside a filled one whose values are that place (round 36,
issue 12): Casdoor's user workbook has an empty 'country_code' (the phone's calling region) beside a 'region' of
country codes (DE, CH, US). The header alone must not take the field from the values: the filled column is the
field, the empty one is left out (it has nothing to import).

Only places: their values say what they are (a country code is no state name), while their headers are used loosely
for one another ('region' for a country, 'country' for a state); a filled column's header must name a place or
nothing, and no other field may want it."""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo, FieldInfo, siblings
from ferry.agent.pairs import (
    APPLIED_SCORE,
    AUTO_SCORE,
    LEFT_OUT_SCORE,
    NAMING_HEADER,
    SURE_HEADER,
    PairScore,
)

# A place field's concept -> the profile share of values that are such places.
_PLACE_SHARES = {"country": "country", "state": "region"}
# Most of the values must be places of the field's kind, and fit its allowed values at least in part.
_MOST = 0.8
_FITS = 0.5


def filled_over_empty(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """The filled place column takes a place field from an empty column that only names it (see the module's note)."""
    for j, fld in enumerate(fields):
        shares = [share for concept, share in _PLACE_SHARES.items() if fld.concepts.get(concept, 0.0) >= SURE_HEADER]
        if len(shares) != 1:
            continue
        empty = [i for i, c in enumerate(columns) if c.empty and pairs[i][j].score >= AUTO_SCORE]
        filled = [i for i, c in enumerate(columns) if not c.empty and _holds_places(c, fld, shares[0], pairs[i][j])]
        if not empty or len(filled) != 1 or any(pairs[i][j].score >= AUTO_SCORE for i in filled):
            continue
        f = filled[0]
        if any(pairs[f][k].score >= AUTO_SCORE for k in range(len(fields)) if k != j):
            continue  # another field wants the filled column
        reason = f"'{columns[f].header}' holds the {fld.spec.key} values; the empty column beside it only names it"
        pairs[f][j] = PairScore(APPLIED_SCORE, NAMING_HEADER, pairs[f][j].fit, [*pairs[f][j].reasons, reason])
        for e in empty:
            why = f"'{columns[e].header}' is empty; '{columns[f].header}' holds the {fld.spec.key} values"
            pairs[e][j] = PairScore(min(pairs[e][j].score, LEFT_OUT_SCORE), pairs[e][j].header, pairs[e][j].fit, [why])


def _holds_places(col: ColumnInfo, fld: FieldInfo, share: str, pair: PairScore) -> bool:
    """Values that are places of the field's kind under a header that names a place or nothing."""
    if getattr(col.profile, share) < _MOST or pair.fit < _FITS:
        return False
    named = [c for c, s in col.concepts.items() if s >= NAMING_HEADER]
    return all(c in fld.concepts or siblings(c, fld.concepts) for c in named)
