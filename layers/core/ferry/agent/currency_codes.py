"""A column of currency codes under a header naming a currency is worth asking about for the template's currency field
(round 38, issue 12; dev27's Workday 'employee_compensation_currency' of USD/MXN/BRL/EUR for salary_currency).

A long compound header reads the field only weakly ('employee compensation currency' is a synonym at 0.4), so the
column fell under the question floor and a column of pay amounts whose header shares the field's words was asked
instead. Codes that are all ISO 4217 currencies are value evidence the profile does not read: the pair is lifted to
a question (never applied: several such columns often stand side by side, and which currency the field wants only
the person knows), its header's strength kept as the order among them.
"""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import ASKED_SCORE, AUTO_SCORE, PairScore
from ferry.recipe.spec import ISO_CURRENCIES

_CURRENCY = "currency"


def codes_for_a_currency(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Lift each (currency-code column, currency field) pair to a question, ordered by how well the header reads."""
    targets = [j for j, f in enumerate(fields) if _CURRENCY in f.concepts and f.spec.type in ("string", "enum")]
    for i, col in enumerate(columns):
        if not targets or _CURRENCY not in col.concepts or not _all_currency_codes(col):
            continue
        for j in targets:
            pair = pairs[i][j]
            lifted = min(ASKED_SCORE + 0.1 * pair.header, AUTO_SCORE - 0.01)
            if pair.score < lifted:
                pair.score = round(lifted, 4)
                pair.reasons.append(f"its values are currency codes ({', '.join(dict.fromkeys(col.samples[:3]))})")


def _all_currency_codes(col: ColumnInfo) -> bool:
    values = {s.strip() for s in col.samples if s.strip()}
    return bool(values) and values <= ISO_CURRENCIES
