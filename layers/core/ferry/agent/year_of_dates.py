"""Dates under a header naming a year field (round 41, issue 12; django-import-export's 'published' of 2020-01-12):
the header names the field and each value holds its year, so 'not a number' is no evidence against it. Asked for
the year (never applied: the date is cut to its year, which a person should confirm), where the values' kind had
left it under the question floor and dropped."""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import ASKED_SCORE, PairScore

# Share of sampled values that must read as dates.
_DATES = 0.8
# Header evidence from which a synonym names the field ('published' for a year: 0.87).
_SYNONYM = 0.8


def dates_for_a_year(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Lift a column of dates under a header naming an integer 'year' field to a question about it."""
    for j, fld in enumerate(fields):
        if fld.spec.type != "integer" or "year" not in fld.concepts:
            continue
        for i, col in enumerate(columns):
            pair = pairs[i][j]
            if pair.header < _SYNONYM or pair.score >= ASKED_SCORE or col.profile.dates.share < _DATES:
                continue
            why = f"its values are dates; the year of each would be kept for {fld.spec.key}"
            pairs[i][j] = PairScore(ASKED_SCORE, pair.header, 0.0, [*pair.reasons[:1], why])
