"""A word for money in general ('Price', 'Total') read as the one field the template reads money words as.

The deal vocabulary reads 'price', 'value', 'total' as an amount, and a template field whose concept is that amount
(an asset's current value) takes such a column as surely as a synonym. But a template with another money field (an
asset's purchase cost) gives the column two homes, and numbers fit either: which one it is, is asked, never applied.
A header that names the field itself ('Value', 'Current value') keeps it; so does a money word in a template with one
money field (a deal's amount).
"""

from __future__ import annotations

from dataclasses import replace

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import AUTO_SCORE, PairScore

# The concept money words in general are read as (ferry.agent.synonyms: amount).
_MONEY_IN_GENERAL = "amount"
# Concepts of fields that hold a sum of money.
_MONEY = frozenset({"amount", "price", "sale_price", "cost", "purchase_cost", "revenue", "salary"})
# A pair kept below the auto-apply line: still the best candidate, asked about (score_pair's scale).
_ASKED = round(AUTO_SCORE - 0.01, 4)


def ask_money_in_general(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    for j, fld in enumerate(fields):
        if _MONEY_IN_GENERAL not in fld.concepts:
            continue
        others = [f.spec.key for k, f in enumerate(fields) if k != j and set(f.concepts) & _MONEY]
        if not others:
            continue
        for i, col in enumerate(columns):
            pair = pairs[i][j]
            if pair.score < AUTO_SCORE or pair.split or _names_the_field(col, fld):
                continue
            reason = f"'{col.header}' is money in general; {', '.join(others)} holds money too, so which it is is asked"
            pairs[i][j] = replace(pair, score=_ASKED, reasons=[*pair.reasons, reason])


def _names_the_field(col: ColumnInfo, fld: FieldInfo) -> bool:
    """The header is the field's key, label or an alias, whole or without the record's words."""
    return col.norm in fld.norms or col.stripped_norm in fld.norms or col.compact in fld.compacts
