"""A key built from another column's value is a sub-record's key (round 53, issue 12): Ubercart Addresses' address-book
export keys each entry 'john.lefagity:Home', 'Paulie:2' — the customer's user name, a separator, the entry's own name
or number. One user name starts several keys (one customer, several addresses), so the rows are the customer's
addresses and the composite key identifies an address, not the customer: the pair of an id field is left out (its
header naming taken back, so no later pass asks it). Only a separator that joins parts of a key (':', '/', '|', '#')
and a repeated part of four characters or more count: an invoice number 'INV-001' beside a type column of 'INV', and a
key no two of whose values share the first part (each row its own parent), keep their reading."""

from __future__ import annotations

import re

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import CANDIDATE_FLOOR, LEFT_OUT_SCORE, PairScore

_JOINED = re.compile(r"^(?P<parent>.+?)[:/|#](?P<own>[^:/|#]+)$")
# Shortest parent value read as a record's key rather than a short code ('INV', 'EU').
_SHORTEST_PARENT = 4
_FEWEST_VALUES = 3


def _parent_of(col: ColumnInfo, columns: list[ColumnInfo]) -> ColumnInfo | None:
    """The column whose repeated values start every value of `col`, joined by a key separator."""
    values = [v.strip() for v in col.samples if v.strip()]
    if len(values) < _FEWEST_VALUES or len(set(values)) < len(values):
        return None
    joined = [_JOINED.match(v) for v in values]
    if None in joined:
        return None
    parents = [m.group("parent") for m in joined if m]
    # One parent starting several keys: several rows of it ('john.lefagity:Home', 'john.lefagity:work').
    if len(set(parents)) == len(parents) or any(len(p) < _SHORTEST_PARENT for p in parents):
        return None
    for other in columns:
        if other is not col and other.json_path is None and set(parents) <= {v.strip() for v in other.samples}:
            return other
    return None


def composite_keys_are_sub_records(
    columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]
) -> None:
    """Leave out the id-field pairs of a key built from a repeated column's value (see the module's docstring)."""
    ids = [j for j, f in enumerate(fields) if "id" in f.concepts]
    for i, col in enumerate(columns):
        live = [j for j in ids if pairs[i][j].score >= CANDIDATE_FLOOR]
        if not live or col.json_path is not None:
            continue
        parent = _parent_of(col, columns)
        if parent is None:
            continue
        for j in live:
            pair = pairs[i][j]
            reason = (
                f"'{col.header}' joins '{parent.header}' (several of its keys share one) to a part of its own: the key "
                f"of one of its rows, not the record's {fields[j].spec.key}"
            )
            pairs[i][j] = PairScore(LEFT_OUT_SCORE, 0.0, 0.0, [*pair.reasons, reason], pair.conflict)
