"""Keys of another table under an id-suffixed header are no coded value of the record's own (round 57, issue 12): a
contacts file's 'status_id' of 3, 2, 1 and 'country_id' of 18, 5, 4 beside a 'company_id' are the row numbers of a
status and a country table the file does not hold. A bare 'Status' or 'priority' of small numbers is the field in the
system's codes (1 for active, 3 for high) and stays applied with its values question; once the header itself says
'id' ('status_id', 'Country ID', 'stageId'), the numbers are another record's keys, so the column is asked for the
field, never applied. A header that explains its numbers ('Titles ID (Mr = 1, Ms = 2)') and values that are some of
the field's own ('US', 'DE' under 'country_id') are read as before."""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo, FieldInfo, enum_mapping, lookup_ids
from ferry.agent.pairs import ASKED_SCORE, PairScore
from ferry.agent.synonyms import header_words

_ID_WORDS = frozenset({"id", "ids"})


def keys_of_another_table(col: ColumnInfo, fld: FieldInfo) -> bool:
    """Whole small numbers, none a value of the enum field, under a header ending in 'id' that explains no code."""
    if fld.spec.type != "enum" or col.empty or col.json_path is not None or "=" in col.header:
        return False
    words = header_words(col.header)
    if len(words) < 2 and col.suffix not in _ID_WORDS:
        return False
    ends_in_id = (words and words[-1] in _ID_WORDS) or col.suffix in _ID_WORDS
    values = [v.strip() for v in col.samples if v.strip()]
    whole = bool(values) and all(v.isdigit() for v in values)
    return bool(ends_in_id) and whole and lookup_ids(col) and enum_mapping(col, fld).coverage == 0


def ids_are_no_codes(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Ask, rather than apply, an enum field's pair whose id-suffixed column holds only another table's keys."""
    for j, fld in enumerate(fields):
        for i, col in enumerate(columns):
            pair = pairs[i][j]
            if pair.score <= ASKED_SCORE or not keys_of_another_table(col, fld):
                continue
            why = f"'{col.header}' holds ids of another table ({', '.join(col.samples[:3])}), not {fld.spec.key} values"
            pairs[i][j] = pair.asked(why)
