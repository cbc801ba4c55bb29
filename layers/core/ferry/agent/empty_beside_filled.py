"""An empty column reading a field at auto level gives way to a filled column beside it that reads the field too: an
empty column has nothing to import (rounds 36 and 37, issue 12; one rule since round 38).

- Places (round 36): Casdoor's user workbook has an empty 'country_code' (the phone's calling region) beside a
  'region' of country codes (DE, CH, US). The header alone must not take the field from the values: the filled column
  is the field (lifted to it), the empty one is left out. Only places: their values say what they are (a country code
  is no state name), while their headers are used loosely for one another ('region' for a country, 'country' for a
  state); a filled column's header must name a place or nothing, and no other field may want it.
- Keys (round 37): Zendesk's empty 'external_id' beside its filled bare 'id'. Keys are named as loosely ('id' for
  external_id); only a bare 'id'/'uuid'/'guid' that already reads the field at auto level takes it, so no column is
  applied on weaker evidence than before, while an empty 'Notes' or 'first_name' beside a filled look-alike is still
  the field, just not filled here."""

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
from ferry.agent.row_ids import ask_row_id_or_named_key
from ferry.agent.value_keys import MOST

# A place field's concept -> the profile share of values that are such places.
_PLACE_SHARES = {"country": "country", "state": "region"}
# The values must fit a place field's allowed values at least in part (and most be places of its kind: MOST).
_FITS = 0.5
# Headers that say only 'the record's key'.
_BARE_KEYS = frozenset({"id", "uuid", "guid"})


def filled_over_empty(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """The filled column takes the field from the empty columns that only name it (see the module's note)."""
    for j, fld in enumerate(fields):
        empty = [i for i, c in enumerate(columns) if c.empty and pairs[i][j].score >= AUTO_SCORE]
        if not empty:
            continue
        keys = [
            i
            for i, c in enumerate(columns)
            if not c.empty and c.header.strip().casefold() in _BARE_KEYS and pairs[i][j].score >= AUTO_SCORE
        ]
        if keys and ask_row_id_or_named_key(columns, fld, pairs, j, keys[0], empty):
            continue
        filled = keys[0] if keys else _place_column(columns, fields, pairs, j)
        if filled is None:
            continue
        if not keys:
            reason = (
                f"'{columns[filled].header}' holds the {fld.spec.key} values; the empty column beside it only names it"
            )
            pair = pairs[filled][j]
            pairs[filled][j] = PairScore(APPLIED_SCORE, NAMING_HEADER, pair.fit, [*pair.reasons, reason])
        for e in empty:
            why = f"'{columns[e].header}' is empty; '{columns[filled].header}' holds the {fld.spec.key} values"
            pairs[e][j] = PairScore(min(pairs[e][j].score, LEFT_OUT_SCORE), pairs[e][j].header, pairs[e][j].fit, [why])


def _place_column(
    columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]], j: int
) -> int | None:
    """The one filled column of a place field's places, under the auto line and wanted by no other field."""
    fld = fields[j]
    shares = [share for concept, share in _PLACE_SHARES.items() if fld.concepts.get(concept, 0.0) >= SURE_HEADER]
    if len(shares) != 1:
        return None
    filled = [i for i, c in enumerate(columns) if not c.empty and _holds_places(c, fld, shares[0], pairs[i][j])]
    if len(filled) != 1 or pairs[filled[0]][j].score >= AUTO_SCORE:
        return None
    if any(pairs[filled[0]][k].score >= AUTO_SCORE for k in range(len(fields)) if k != j):
        return None  # another field wants the filled column
    return filled[0]


def _holds_places(col: ColumnInfo, fld: FieldInfo, share: str, pair: PairScore) -> bool:
    """Values that are places of the field's kind under a header that names a place or nothing."""
    if getattr(col.profile, share) < MOST or pair.fit < _FITS:
        return False
    named = [c for c, s in col.concepts.items() if s >= NAMING_HEADER]
    return all(c in fld.concepts or siblings(c, fld.concepts) for c in named)
