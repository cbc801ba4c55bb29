"""A money header that says on which side of tax its amount is (round 48, issue 12): shop exports write 'Pre-Tax
Retail Price', 'Pre-tax Operating Cost', 'Price before tax', 'Cost (excl. VAT)'. The tax words say how the amount is
reckoned, not what it is: the header names what it names without them ('Retail Price', a selling price). Read so only
when a money word is left ('Tax Amount', 'Pre-Tax Income Rate' of no money word, and 'Tax Rule' keep their reading)."""

from __future__ import annotations

import re

# The tax basis as a qualifier: before the amount ('Pre-Tax', 'pretax', 'after-tax'), or after it ('before tax',
# 'excl. VAT', 'incl tax', 'net of tax'), or as a bracketed note ('(excl. tax)', '(tax incl.)').
_TAX = r"(?:tax|vat|gst)"
_BASIS = re.compile(
    rf"""\(\s*(?:(?:excl|incl|ex|inc)\w*\.?\s*{_TAX}|{_TAX}\s*(?:excl|incl)\w*\.?)\s*\)   # '(excl. tax)', '(tax incl.)'
    | (?<![a-z])(?:pre|after)[\s\-_]?{_TAX}(?![a-z])                                      # 'Pre-Tax', 'pretax_'
    | (?<![a-z])(?:before|after|excluding|including|excl|incl|net\s+of)\.?[\s_]+{_TAX}(?![a-z])  # 'excl. VAT'
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Words that make what is left an amount of money.
_MONEY_WORDS = frozenset({"price", "cost", "amount", "total", "fee", "charge", "value", "salary", "revenue", "rate"})


def without_tax_basis(header: str) -> str:
    """'Pre-Tax Retail Price' → 'Retail Price'; the header unchanged when no tax basis, or no money word, is left."""
    bare = re.sub(r"\s+", " ", _BASIS.sub(" ", header)).strip(" -_")
    if bare == header.strip() or not bare:
        return header
    words = set(re.findall(r"[a-z]+", bare.casefold()))
    return bare if words & _MONEY_WORDS else header
