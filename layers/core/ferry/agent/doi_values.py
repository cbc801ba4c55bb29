"""DOIs under a header naming the DOI (round 46, issue 12): Springer Link's 'Item DOI' of '10.1007/11111' names the
doi field only through a prefix word ('Item': the vendor's word for a record), and its digits-only suffix was read as
phone numbers, which left it under the applying bar. Values that are all DOIs ('10.<registrant>/<suffix>', bare, as
'doi:' or as a doi.org link) confirm a header that names the field: the pair is applied. A header naming the DOI
over other values ('n/a', a publisher's page) keeps its score; DOIs under a header that names no DOI ('Link') are
left to the header as before."""

from __future__ import annotations

import re

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import APPLIED_SCORE, PairScore

_DOI = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?10\.\d{4,9}/\S+$", re.I)
# Header evidence from which a synonym names the field ('Item DOI': 0.63).
_NAMES_IT = 0.6
# Fewest filled samples, all DOIs.
_FEWEST = 1


def dois_under_their_name(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Apply a column of DOIs to the doi field its header names."""
    for j, fld in enumerate(fields):
        if "doi" not in fld.concepts:
            continue
        for i, col in enumerate(columns):
            pair = pairs[i][j]
            if pair.score >= APPLIED_SCORE or pair.header < _NAMES_IT or not _all_dois(col):
                continue
            why = f"its values are DOIs ('{col.samples[0].strip()}')"
            pairs[i][j] = PairScore(APPLIED_SCORE, pair.header, 1.0, [*pair.reasons[:1], why])


def _all_dois(col: ColumnInfo) -> bool:
    values = [v.strip() for v in col.samples if v.strip()]
    return len(values) >= _FEWEST and all(_DOI.match(v) for v in values)
