"""A header read only through a one-letter correction, over values its field never holds (second hunt, issue 12).

'REGON' (a Polish register number) is one letter from 'region' and was read as the state. A correction is a guess
about the word; when every value is a run of five or more digits, a field that holds words (a place, a department,
an industry, a person's name) cannot be what the header means, and the pair is left out. A header that spells the
field's word itself ('Region' of region codes) is no guess and keeps what its values give it.
"""

from __future__ import annotations

import re

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import CANDIDATE_FLOOR, LEFT_OUT_SCORE, PairScore
from ferry.agent.synonyms import concepts_of_words, corrected_words, header_words

# Field kinds and concepts whose values are words: never a bare run of digits.
_WORDED_KINDS = frozenset({"region", "country", "given", "surname", "fullname"})
_WORDED_CONCEPTS = frozenset({"city", "county", "state", "country", "department", "industry"})
# A register or id number: five or more digits, perhaps grouped by spaces, dots or dashes.
_NUMBER = re.compile(r"\d[\d .\-/]{3,}\d")
_FEWEST_DIGITS = 5


def _register_number(value: str) -> bool:
    return bool(_NUMBER.fullmatch(value)) and sum(ch.isdigit() for ch in value) >= _FEWEST_DIGITS


def _read_by_correction(col: ColumnInfo) -> set[str]:
    """The concepts the header names only once a letter is corrected ('REGON' → region → state)."""
    header = col.matched or col.header
    fixed = corrected_words(header)
    if fixed is None:
        return set()
    return set(concepts_of_words(fixed)) - set(concepts_of_words(header_words(header)))


def numbers_under_a_misspelling(
    columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]
) -> None:
    """Leave out a worded field read from a corrected header over values that are all register numbers."""
    for i, col in enumerate(columns):
        values = [v.strip() for v in col.samples if v.strip()]
        if col.no_header or not values or not all(_register_number(v) for v in values):
            continue
        guessed = _read_by_correction(col)
        for j, fld in enumerate(fields):
            worded = fld.kind in _WORDED_KINDS or bool(set(fld.concepts) & _WORDED_CONCEPTS)
            pair = pairs[i][j]
            if worded and guessed & set(fld.concepts) and pair.score >= CANDIDATE_FLOOR:
                why = f"'{col.header}' reads as {fld.spec.key} only with a letter changed, and its values are numbers"
                pairs[i][j] = PairScore(LEFT_OUT_SCORE, pair.header, pair.fit, [why])
