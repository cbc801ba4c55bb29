"""An address part applied from another address than its neighbours: 'Office City' beside 'Home Street', 'Home City'
and 'Home ZIP'. Picking the best-scoring column field by field ('home' lowers a header as a second choice) mixes two
addresses, one street with another city. When the other address parts come from columns of one qualified block and
an unused column of that block names the part as well, the lone column of another qualifier is no sure choice: the
part is asked, the block's own column first (blocks.ask_address_block handles two whole blocks)."""

from __future__ import annotations

from collections import Counter

from ferry.agent import questions as ask
from ferry.agent.blocks import ADDRESS_CONCEPTS, qualifier_of
from ferry.agent.calibrate import calibrated
from ferry.agent.models import SheetMatch
from ferry.agent.pairs import NAMING_HEADER, UNSURE, ScoredSheet


def _part(concepts: dict[str, float]) -> str | None:
    top = max(concepts.items(), key=lambda kv: (kv[1], kv[0]))[0] if concepts else None
    return top if top in ADDRESS_CONCEPTS else None


def ask_part_of_another_block(scored: ScoredSheet, result: SheetMatch) -> None:
    """Unapply an address part whose column's qualifier differs from the block the other parts were applied from,
    when that block has a column naming the part; ask which column holds it, the block's column first."""
    by_source = {c.source: i for i, c in enumerate(scored.columns)}
    applied: dict[int, int] = {}  # field index -> column index of the applied address parts
    for j, fld in enumerate(scored.fields):
        match = result.matches[j]
        if _part(fld.concepts) and match.auto_applied and len(match.columns) == 1 and match.columns[0] in by_source:
            applied[j] = by_source[match.columns[0]]
    used = {c for m in result.matches if m.auto_applied for c in m.columns}
    for j, i in applied.items():
        own = qualifier_of(scored.columns[i])
        others = Counter(qualifier_of(scored.columns[r]) for f, r in applied.items() if f != j)
        block, count = others.most_common(1)[0] if others else (None, 0)
        if own is None or block is None or block == own or count < 2 or count < sum(others.values()):
            continue
        fld = scored.fields[j]
        rivals = [
            r
            for r, col in enumerate(scored.columns)
            if col.source not in used and qualifier_of(col) == block and scored.pairs[r][j].header >= NAMING_HEADER
        ]
        if not rivals:
            continue
        match = result.matches[j]
        match.auto_applied = False
        match.confidence = min(match.confidence, UNSURE, calibrated(scored.pairs[i][j].score))
        rival = scored.columns[rivals[0]].source
        match.rationale += f"; the other address parts are the {block} address, and '{rival}' is its {fld.spec.key}"
        result.questions[:] = [q for q in result.questions if q.field != fld.spec.key]
        why = f"The other address columns are the {block} address"
        result.questions.append(ask.which_column(fld, [scored.columns[rivals[0]], scored.columns[i]], why))
