"""Dates under a header naming a year field (round 41, issue 12; django-import-export's 'published' of 2020-01-12):
the header names the field and each value holds its year, so 'not a number' is no evidence against it. Asked for
the year (never applied: the date is cut to its year, which a person should confirm), where the values' kind had
left it under the question floor and dropped.

Round 42: a header naming the date a work came out ('date', 'publish_date', 'date issued': Bulkrax's Dublin Core
'date' of 1930, Buttondown's 'publish_date') over dates or bare years is asked for the year too, when the template
has no date field that the column could fill instead; a record-keeping date ('date_created') is no such header."""

from __future__ import annotations

import re

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import ASKED_SCORE, PairScore

# Share of sampled values that must read as dates.
_DATES = 0.8
# Header evidence from which a synonym names the field ('published' for a year: 0.87).
_SYNONYM = 0.8
# Words that, beside 'date', say the date is when the work came out.
_OUT_WORDS = frozenset(
    {"date", "publish", "published", "publication", "pub", "issue", "issued", "release", "released", "print", "printed"}
)
# Header evidence that names a field by a word for it (`match._worth_asking`).
_NAMES_THE_YEAR = 0.9
_BARE_YEAR = re.compile(r"[12]\d{3}")


def dates_for_a_year(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Lift a column of dates under a header naming an integer 'year' field to a question about it."""
    no_date_field = not any(f.spec.type in ("date", "datetime") for f in fields)
    for j, fld in enumerate(fields):
        if fld.spec.type != "integer" or "year" not in fld.concepts:
            continue
        for i, col in enumerate(columns):
            pair = pairs[i][j]
            if pair.score >= ASKED_SCORE:
                continue
            header = pair.header
            if no_date_field and _date_a_work_came_out(col):
                # With no date field to fill, the date a work came out names its year as 'published' does.
                header = max(header, _NAMES_THE_YEAR)
            elif pair.header < _SYNONYM or col.profile.dates.share < _DATES:
                continue
            why = f"its values are dates; the year of each would be kept for {fld.spec.key}"
            pairs[i][j] = pair.asked(why, keep=1, header=header, fit=0.0)


def _date_a_work_came_out(col: ColumnInfo) -> bool:
    """'date', 'publish_date', 'release date' over dates or bare four-digit years; the record's own word is no other
    word ('post_date' of a posts export: round 44)."""
    words = set(col.stripped_norm.split()) or col.words
    if "date" not in words or not words <= _OUT_WORDS or not col.samples:
        return False
    years = sum(bool(_BARE_YEAR.fullmatch(value.strip())) for value in col.samples)
    return col.profile.dates.share >= _DATES or years == len(col.samples)
