"""Headers whose words point at one field while they name something else, caught before the assignment.

'Phone Country', 'Company Country' in a contacts template: a header holding the words of two of the template's fields,
neither as the whole header, names an attribute of one of them (the phone's country, the company's country), not
surely the record's own; values of the right kind cannot say whose it is, so the pair is asked, never applied.

A bare 'Name' of people's names in a template whose records are no people (deals, companies) beside a column that
names the record's name ('Deal Title'): the bare word is a person's name there, and does not keep the field from the
column that names it. Likewise a header naming an enum field outright over few of its values ('Status' of
active/inactive) beside a column that names it too and holds its values ('Lifecycle Stage' of lead/customer).
"""

from __future__ import annotations

from dataclasses import replace

from ferry.agent.blocks import ADDRESS_CONCEPTS
from ferry.agent.evidence import ColumnInfo, FieldInfo, enum_mapping, related
from ferry.agent.pairs import AUTO_SCORE, BARE_NAMES, NAMING_HEADER, SURE_HEADER, PairScore

# A pair kept below the auto-apply line: still the best candidate, asked about (score_pair's scale).
_ASKED = round(AUTO_SCORE - 0.01, 4)
# Header evidence of a field named by one word among others ('country' in 'Phone Country').
_PART = 0.6
# Share of a column's values that are the enum's own for it to say it holds the field.
_VALUES_FIT = 0.8
# Below it, a column that names an enum outright holds some other state ('inactive' read as 'churned' at best).
_FEW_VALUES = 0.5
_PERSON_KINDS = frozenset({"given", "surname", "fullname"})
# The parts of a postal address: one named inside another ('address city') is the same address.
_ADDRESS = frozenset({*ADDRESS_CONCEPTS, "county"})


def _other_fields(col: ColumnInfo, fields: list[FieldInfo], j: int) -> list[str]:
    """The other fields whose word the header holds beside field j's ('phone' in 'Phone Country' for country); none
    when a concept names the whole header, or when field j's own name holds every word ('Salary Currency')."""
    # 'id' is a form word of codes ('countryid'), read by the foreign-key rules, not a field the header names.
    parts = {c: s for c, s in col.concepts.items() if s >= _PART and c != "id"}
    if len(parts) < 2 or any(s >= NAMING_HEADER for s in parts.values()):
        return []
    foreign = [c for c in parts if not related(c, fields[j].concepts)]
    if len(foreign) == len(parts):
        return []  # no word of the header names field j
    if set(foreign) <= _ADDRESS and any(c in _ADDRESS for c in fields[j].concepts):
        return []  # 'address country': the address holds its country, which is the record's own
    return sorted({f.spec.key for k, f in enumerate(fields) if k != j for c in foreign if related(c, f.concepts)})


def ask_two_fields_in_one_header(
    columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]
) -> None:
    for i, col in enumerate(columns):
        if col.no_header or col.json_path is not None:
            continue
        for j, pair in enumerate(pairs[i]):
            if pair.score < AUTO_SCORE or pair.split or not (others := _other_fields(col, fields, j)):
                continue
            reason = f"its header names {', '.join(others)} as well, so whose {fields[j].spec.key} it is is asked"
            pairs[i][j] = replace(pair, score=_ASKED, reasons=[*pair.reasons, reason])


def bare_name_of_people(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    if any(f.kind in _PERSON_KINDS for f in fields):
        return
    for j, fld in enumerate(fields):
        if fld.spec.type != "string" or not any(row[j].header >= NAMING_HEADER for row in pairs):
            continue
        for i, col in enumerate(columns):
            pair = pairs[i][j]
            if col.norm not in BARE_NAMES or col.profile.full_name < 0.6 or pair.score < AUTO_SCORE:
                continue
            rivals = [r for r, row in enumerate(pairs) if r != i and row[j].header >= NAMING_HEADER]
            if rivals:
                reason = f"its values are people's names; '{columns[rivals[0]].source}' names {fld.spec.key}"
                pairs[i][j] = replace(pair, score=_ASKED, reasons=[*pair.reasons, reason])


def values_beat_a_bare_name(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """'Status' of active/inactive beside 'Lifecycle Stage' of lead/customer, for a status of lead/customer/churned: the
    column that names the field outright, few of whose values are the field's, does not keep the field from a
    column whose header names it too and whose values are the field's own (the header-named one holds another
    state: an account's, a legal form, a stage's number)."""
    for j, fld in enumerate(fields):
        if fld.spec.type != "enum" or not fld.allowed_norm or "country" in fld.concepts:
            continue
        fitting = [
            r
            for r, col in enumerate(columns)
            if pairs[r][j].header >= _PART and not col.empty and enum_mapping(col, fld).coverage >= _VALUES_FIT
        ]
        for i, col in enumerate(columns):
            pair = pairs[i][j]
            if not fitting or i in fitting or col.empty or pair.header < SURE_HEADER or pair.score < AUTO_SCORE:
                continue
            if enum_mapping(col, fld).coverage < _FEW_VALUES:
                reason = f"few of its values are a {fld.spec.key}; '{columns[fitting[0]].source}' holds them"
                pairs[i][j] = replace(pair, score=_ASKED, reasons=[*pair.reasons, reason])
