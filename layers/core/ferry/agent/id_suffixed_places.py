"""An id named for a place is not the place (round 52, issue 12): School Data Sync's teachers carry a 'State ID' (the
number a state's education department gives a teacher; 'WA' in the sample) that the vocabulary read as the state,
and a hotel list's 'State ID' and 'Country ID' hold the numbers of a state table. A header of a place and a separate
id word ('State ID', 'City Number', 'Province No') is asked, never applied, for the place field: its numbers are
another table's keys, and a code of letters under it ('WA') may still be the place. Only a lone one: beside another
column naming the place (SkillRx's 'region_ID' by 'region_name' 'Global') the which-column question already keeps
both before the person, and lowering the id would apply the other alone. A glued id ('countryid',
'ADDRESSCOUNTRYREGIONID', whose ISO codes are the country) and a code ('State Code', 'Region Code') are read as
before, and a country, whose id is mostly its ISO code, is not touched."""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import ASKED_SCORE, NAMING_HEADER, PairScore
from ferry.agent.synonyms import concepts_of_words, header_words

_PLACES = ("state", "city", "county", "district", "region")
_ID_WORDS = frozenset({"id", "number", "no", "nr", "num", "nummer", "identifier"})
# How strongly the header's words before the id word must name the field.
_NAMES_PLACE = 0.9


def _numbers(col: ColumnInfo) -> bool:
    values = [v.strip() for v in col.samples if v.strip()]
    return bool(values) and all(v.replace("-", "").isdigit() for v in values)


def ids_named_for_places(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Ask, rather than apply, a place field's pair whose header is '<place> <id word>'."""
    for j, fld in enumerate(fields):
        place = next((p for p in _PLACES if p in fld.concepts), None)
        if place is None or "country" in fld.concepts:
            continue
        for i, col in enumerate(columns):
            pair = pairs[i][j]
            words = header_words(col.header)
            if pair.score <= ASKED_SCORE or len(words) < 2 or words[-1] not in _ID_WORDS or col.json_path is not None:
                continue
            if concepts_of_words(words[:-1]).get(place, 0.0) < _NAMES_PLACE:
                continue
            if any(r != i and pairs[r][j].header >= NAMING_HEADER for r in range(len(columns))):
                continue  # another column names the place: the question between them stays
            why = f"'{col.header}' is an id named for the {place}: {'numbers' if _numbers(col) else 'its codes'}"
            pairs[i][j] = pair.asked(why)
