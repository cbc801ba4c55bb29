"""An identifier is no quantity (round 58, issue 12): a header that ends in an id word ('Stock ID', 'Stock #',
'Item No.', 'Lot Nr', 'Price Code') names which record or entry, whatever its other words, never how much of it. The
fly stocks' 'Stock ID' (a stock centre's number for the line) was read through 'stock' as the asset's quantity. The
pair of a measure field (a quantity, an amount, a price or cost, a count: the fields whose values are numbers by
concept) is left out for such a header. 'Stock', 'Quantity', 'Number of items' and 'Stock Number' (the bare word
'number' may be a count) are read as before."""

from __future__ import annotations

import re

from ferry.agent.count_headers import counts_things
from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import CANDIDATE_FLOOR, LEFT_OUT_SCORE, PairScore

# Last words of a header that name an identifier: 'ID', 'No.', '#', 'Nr', 'Nº', 'Code'.
_ID_ENDINGS = frozenset({"id", "no", "#", "nr", "nº", "code"})
# Concepts of fields that hold how much of something (their values are numbers by concept).
_MEASURES = frozenset(
    {"stock_quantity", "amount", "price", "cost", "sale_price", "purchase_cost", "revenue", "salary", "employees",
     "weight"}
)  # fmt: skip
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_TOKENS = re.compile(r"#|[^\W_]+")


def ends_in_an_id_word(header: str) -> bool:
    """Two or more words, the last an id word ('Stock ID', 'stockId', 'Item No.', 'Stock #')."""
    words = _TOKENS.findall(_CAMEL.sub(" ", header).casefold())
    return len(words) >= 2 and words[-1] in _ID_ENDINGS


def ids_are_no_measures(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Leave out a measure field's pair whose header ends in an id word and counts nothing."""
    measures = [j for j, f in enumerate(fields) if any(f.concepts.get(c, 0.0) >= 0.9 for c in _MEASURES)]
    for i, col in enumerate(columns):
        if col.json_path is not None or not ends_in_an_id_word(col.header) or counts_things(col):
            continue
        for j in measures:
            pair = pairs[i][j]
            if pair.score >= CANDIDATE_FLOOR:
                why = f"'{col.header}' ends in an id word: it names which {fields[j].spec.key} entry, not how much"
                pairs[i][j] = PairScore(LEFT_OUT_SCORE, 0.0, 0.0, [*pair.reasons, why], pair.conflict)
