"""One qualified address block that nothing applied is one question, not one per part (round 30).

OneBody's people export keeps a person's address as the family's ('family_address1', 'family_city', 'family_state',
'family_zip'), empty in its sample: each part alone was asked as a look-alike (three questions), the budget dropped the
rest, and the state and postal code were left out unasked. Asked once as a block, a single click maps every part,
and the sheet spends one question where it spent three.
"""

from __future__ import annotations

from ferry.agent.models import SheetMatch
from ferry.agent.pairs import ScoredSheet

# Parts of an address a lone block needs to be asked whole: fewer are single fields, asked one by one.
MIN_PARTS = 3


def lone_block_asked(
    scored: ScoredSheet, result: SheetMatch, blocks: dict[str, dict[int, int]], address: tuple[str, ...]
) -> dict[str, dict[int, int]]:
    """The lone block to ask about whole ({} when there is none): at least three address parts, none of its fields
    applied from any column (an applied part says the matcher was sure of the address, asked field by field)."""
    if len(blocks) != 1:
        return {}
    ((qualifier, block),) = blocks.items()
    parts = [j for j in block if scored.fields[j].spec.key in address or _concept(scored, j) in address]
    if len(parts) < MIN_PARTS or any(result.matches[j].auto_applied for j in block):
        return {}
    return {qualifier: block}


def _concept(scored: ScoredSheet, j: int) -> str | None:
    concepts = scored.fields[j].concepts
    return max(concepts.items(), key=lambda kv: (kv[1], kv[0]))[0] if concepts else None
