"""A bare 'type' none of whose values is a type of the template (round 52, issue 12): the companies template's type
is a relationship (Prospect, Customer, Partner); a restaurant guide's 'type' holds cuisines ('american', 'coffee
bar': Fodor's), a payer directory's holds kinds of organisation ('prov', 'pay', 'ins': Da Vinci's) and a facility
list's a test code ('TestType': OpenLMIS). The header names the field, so the column was applied with a values
question that could place none of them: a wrong pair in each file. When not one filled value maps onto the field's
values, the pair is asked (a person confirms the column is the field), never applied. A 'Type' of Customer or
Partner, one whose values partly fit (a 'Reseller' is a partner), an empty column and a header that says more than
'type' ('Account Type') are read as before."""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo, FieldInfo, enum_mapping
from ferry.agent.pairs import ASKED_SCORE, PairScore

# Headers that say only 'type' (or 'kind') in the vocabulary's languages.
_BARE_TYPES = frozenset({"type", "kind", "typ", "tipo", "art", "genre", "soort"})


def ask_a_type_of_other_values(
    columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]
) -> None:
    """Ask, rather than apply, a bare 'type' none of whose values is one of the enum field's values."""
    for j, fld in enumerate(fields):
        if fld.spec.type != "enum" or not fld.allowed_norm or "type" not in fld.concepts:
            continue
        for i, col in enumerate(columns):
            pair = pairs[i][j]
            if pair.score <= ASKED_SCORE or col.norm not in _BARE_TYPES or col.json_path is not None:
                continue
            if not any(v.strip() for v in col.samples) or enum_mapping(col, fld).coverage > 0:
                continue
            reason = f"none of the values of '{col.header}' is a {fld.spec.key} ({', '.join(fld.spec.values or [])})"
            pairs[i][j] = PairScore(ASKED_SCORE, pair.header, pair.fit, [*pair.reasons, reason], pair.conflict)
