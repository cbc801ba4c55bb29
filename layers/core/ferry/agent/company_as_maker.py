"""A bare 'Company' on a list of items may be their maker or seller (round 58, issue 12): RSpace's antibody stock
list names under 'Company' the firms that sell each reagent ('Santa Cruz', 'Abcam', beside their 'Catalog no.'),
while Snipe-IT's asset export names under 'Company' the firm that holds each asset, beside its own 'Supplier' and
'Manufacturer'. On a template with a field for the holding company and one for the supplier or manufacturer, a bare
'Company' is asked, never applied, when no other column names the supplier or manufacturer: the person says whose
company it is, the supplier or manufacturer offered beside it. With such a column beside it (Snipe-IT) it is read as
before, and so is a qualified header ('Company name', 'Owner company')."""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import ASKED_SCORE, NAMING_HEADER, PairScore, ask_pairs
from ferry.agent.synonyms import header_words

_BARE_COMPANY = frozenset({("company",), ("firma",), ("empresa",), ("société",), ("societe",), ("unternehmen",)})
_MAKERS = ("supplier", "manufacturer")


def ask_a_bare_company_of_items(
    columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]
) -> None:
    """Cap the holding company's pair of a bare 'Company' at a question and offer the maker fields beside it."""
    holders = [j for j, f in enumerate(fields) if f.concepts.get("company", 0.0) >= 0.9]
    makers = [j for j, f in enumerate(fields) if any(f.concepts.get(c, 0.0) >= 0.9 for c in _MAKERS)]
    if len(holders) != 1 or not makers:
        return
    for i, col in enumerate(columns):
        if col.json_path is not None or header_words(col.header) not in _BARE_COMPANY:
            continue
        if any(r != i and pairs[r][j].header >= NAMING_HEADER for r in range(len(columns)) for j in makers):
            continue  # a supplier or manufacturer column of its own: 'Company' is the holder
        ask_pairs(pairs, i, holders, f"a bare '{col.header}' on a list of items may be their maker or seller: asked")
        for m in makers:
            other = pairs[i][m]
            if other.score < ASKED_SCORE:
                why = f"a bare '{col.header}' on a list of items may be their {fields[m].spec.key}"
                pairs[i][m] = other.asked(why)
