"""Sentences are no count (round 46, issue 12): PubMed's 'Citation' holds the reference of the paper ('Nature. 2021
Dec 21;1(2):10-11. doi: ...'), which the header's word matched to a publications template's 'citations', the number
of times the paper was cited. A column of which no value is a number and every value runs to several words cannot
fill a count (an integer field), whatever its header says: no row would convert. The pair is left out instead of
applied with a request to confirm. Numbers ('12'), a number with its unit ('2 boxes'), a word or two ('n/a', 'none
yet') and money among currency words (a price is no count) keep the header's reading."""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import LEFT_OUT_SCORE, PairScore

# A count: money and measures ("number") carry their figures among words ('EUR 34375;US-USD 34375').
_COUNT_TYPES = frozenset({"integer"})
# Fewest words in every value for it to read as a sentence.
_SENTENCE_WORDS = 4


def sentences_for_a_count(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Leave out a column of sentences, none a number, from a count its header names."""
    for i, col in enumerate(columns):
        if not _sentences(col):
            continue
        for j, fld in enumerate(fields):
            pair = pairs[i][j]
            if fld.spec.type not in _COUNT_TYPES or pair.score <= LEFT_OUT_SCORE:
                continue
            why = f"but its values are sentences, none a number, which {fld.spec.key} cannot hold"
            pairs[i][j] = PairScore(LEFT_OUT_SCORE, pair.header, -1.0, [*pair.reasons[:1], why])


def _sentences(col: ColumnInfo) -> bool:
    values = [v.strip() for v in col.samples if v.strip()]
    if not values or col.profile.number > 0:
        return False
    return all(len(v.split()) >= _SENTENCE_WORDS for v in values)
