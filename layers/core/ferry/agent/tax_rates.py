"""A tax rate is no tax class (issue 12, round 29).

A tax class is the name of a rule ('standard', 'reduced', 'GST-18', 'IVA21') that the shop looks the rate up by; a
column of percentages under a tax header ('btw (%)' of 6, 'VAT' of 6.0, 'price tax rate' of 20.00) holds the rate
itself. Mapped onto the class, every row would name a class nobody defined, so the pair is left out: the template has
no field for a rate. Whole numbers under a header that names no rate ('tax class id' of 1, 2) stay ids of classes.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import PairScore

# A number, a percentage: '6', '6.0', '20,00', '21 %'.
_NUMBER = re.compile(r"^[-+]?\d+(?:[.,]\d+)?\s*%?$")
# Words that say the number is a rate, in the lexicon's languages ('Steuersatz', 'btw tarief', 'taux de TVA').
_RATE_WORDS = frozenset({"rate", "percent", "percentage", "pct", "satz", "tarief", "taux", "tasa", "aliquota", "taxa"})


def rates_are_no_tax_class(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Leave out every pair of a tax class with a column that holds rates (see the module's note)."""
    for j, fld in enumerate(fields):
        if "tax_class" not in fld.concepts:
            continue
        for i, col in enumerate(columns):
            if pairs[i][j].score > 0 and holds_rates(col):
                reason = f"its values ({', '.join(col.samples[:3])}) are tax rates, not the name of a tax class"
                # The header's word for tax named the rate, not the class: no header evidence is left to offer it on.
                pairs[i][j] = replace(pairs[i][j], score=0.0, header=0.0, reasons=[*pairs[i][j].reasons, reason])


def holds_rates(col: ColumnInfo) -> bool:
    """Numbers that are percentages: a '%' in the header or the values, decimals, or a header naming a rate."""
    values = [v.strip() for v in col.samples if v.strip()]
    if not values or not all(_NUMBER.match(v) for v in values):
        return False
    words = re.findall(r"[^\W\d_]+", col.header.casefold())
    return (
        "%" in col.header
        or any("%" in v or "." in v or "," in v for v in values)
        or any(w in _RATE_WORDS or w.endswith("satz") for w in words)  # a German compound ends in its head word
    )
