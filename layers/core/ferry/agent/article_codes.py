"""A generic key header ('Code') over digit strings of an article number's lengths (EAN-8, UPC-A, EAN-13, GTIN-14),
in a template that has a barcode field: the values may be the shop's own key or the article's barcode (test and
in-store numbers rarely carry a right check digit), so the key is not applied; the person is asked about the
barcode, the field such values name first."""

from __future__ import annotations

from ferry.agent import questions as ask
from ferry.agent.evidence import ColumnInfo
from ferry.agent.models import MatchQuestion, SheetMatch
from ferry.agent.pairs import ScoredSheet

ARTICLE_LENGTHS = frozenset({8, 12, 13, 14})  # EAN-8, UPC-A, EAN-13, GTIN-14


def article_number_shaped(col: ColumnInfo) -> bool:
    """Every sampled value a digit string of an EAN/UPC/GTIN length."""
    values = [v.strip() for v in col.samples if v.strip()]
    return len(values) >= 2 and all(v.isdigit() and len(v) in ARTICLE_LENGTHS for v in values)


def ask_barcode_instead(scored: ScoredSheet, result: SheetMatch, col: ColumnInfo, question: MatchQuestion) -> bool:
    """Replace the key field's question with one about the template's one barcode field offering `col`; False when
    the template has no single barcode field or its match is settled."""
    targets = [f for f in scored.fields if "barcode" in f.concepts]
    match = result.match_for(targets[0].spec.key) if len(targets) == 1 else None
    if match is None or match.auto_applied:
        return False
    why = "Its values have the lengths of EAN/UPC article numbers: the barcode, or the records' own key"
    result.questions[result.questions.index(question)] = ask.which_column(targets[0], [col], why)
    match.column, match.columns = col.source, [col.source]
    return True
