"""Country names under a header naming a city (round 44, issue 12): ASReview's 'place_published' (RIS's place of
publication, a city by its name) holds 'United States' and 'Germany'. The values say which place the column keeps:
the city reading is dropped, and the column is asked about as the country when the template has one (asked, not
applied: the header still names a city, and a person settles which the file means)."""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import ASKED_SCORE, AUTO_SCORE, LEFT_OUT_SCORE, SURE_HEADER, PairScore

# Nearly every value must be a country, on two rows at least.
_COUNTRIES = 0.8
_FEWEST = 2


def countries_under_a_city(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Move a column of country names off the city its header names, to a question about the country."""
    cities = [j for j, f in enumerate(fields) if f.concepts.get("city", 0.0) >= SURE_HEADER]
    countries = [j for j, f in enumerate(fields) if f.concepts.get("country", 0.0) >= SURE_HEADER]
    for i, col in enumerate(columns):
        if col.profile.n < _FEWEST or col.profile.country < _COUNTRIES or col.concepts.get("country", 0.0) > 0:
            continue
        read = [j for j in cities if pairs[i][j].score >= AUTO_SCORE]
        if not read:
            continue
        for j in read:
            why = f"'{col.header}' names a city, but its values are countries"
            pairs[i][j] = PairScore(min(pairs[i][j].score, LEFT_OUT_SCORE), pairs[i][j].header, -1.0, [why])
        for k in countries:
            if pairs[i][k].score < ASKED_SCORE:
                why = f"its values are countries, under a header naming a city ('{col.header}')"
                pairs[i][k] = pairs[i][k].asked(why, keep=0, fit=1.0)
