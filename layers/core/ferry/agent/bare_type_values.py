"""A bare 'type' none of whose values is a type of the template (round 52, issue 12): the companies template's type
is a relationship (Prospect, Customer, Partner); a restaurant guide's 'type' holds cuisines ('american', 'coffee
bar': Fodor's), a payer directory's holds kinds of organisation ('prov', 'pay', 'ins': Da Vinci's) and a facility
list's a test code ('TestType': OpenLMIS). The header names the field, so the column was applied with a values
question that could place none of them: a wrong pair in each file. When not one filled value maps onto the field's
values, the pair is asked (a person confirms the column is the field), never applied. A 'Type' of Customer or
Partner, one whose values partly fit (a 'Reseller' is a partner), an empty column and a header that says more than
'type' ('Account Type') are read as before (but see `ask_a_qualified_state_of_other_values`)."""

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
            pairs[i][j] = pair.asked(reason)


# A kind or state named for the record ('Provider Type', 'Lead Status'): these words left once its record word goes.
_STATE_WORDS = frozenset({"type", "kind", "status", "state", "stage"})
# Share of the values that must be words (not codes, numbers or flags) for their misfit to say anything.
_WORDED = 0.9


def _named_for_the_record(col: ColumnInfo) -> bool:
    """'Lead Status' on contacts, 'Provider_Type' on companies: the record's word and a state word, nothing else (a
    synonym of the field as a whole, 'Employment Status' or 'Contract Type', keeps its word and is read as before)."""
    return bool(col.stripped_norm) and col.stripped_norm != col.norm and col.stripped_norm in _STATE_WORDS


def ask_a_qualified_state_of_other_values(
    columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]
) -> None:
    """Round 57: a type or status named for the record, of words none of which is one of the field's values
    ('Provider_Type' of 'Emergency Medicine', a field of medicine, for a companies type of Prospect/Customer/Partner;
    a lead's 'Lead Status' of Open/Converted/Closed for a contacts status of lead/customer/churned) is the record's
    kind or state in another system's list: asked, never applied. One value that maps ('Lead Status' of customer,
    lead), yes/no flags, codes and numbers, and a header that is a synonym of the field as a whole, are read as
    before."""
    for j, fld in enumerate(fields):
        if fld.spec.type != "enum" or not fld.allowed_norm or fld.spec.key not in _STATE_WORDS:
            continue  # the template's own type or status list; an 'employee_type' is the employment_type
        for i, col in enumerate(columns):
            pair = pairs[i][j]
            if pair.score <= ASKED_SCORE or not _named_for_the_record(col) or col.json_path is not None:
                continue
            p = col.profile
            if not p.n or p.alpha < _WORDED or p.boolean > 0 or enum_mapping(col, fld).coverage > 0:
                continue
            reason = f"none of the values of '{col.header}' is a {fld.spec.key} ({', '.join(fld.spec.values or [])})"
            pairs[i][j] = pair.asked(reason)
