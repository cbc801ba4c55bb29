"""A bare address part ('region', 'district') beside an address written as paths ('person.address.city',
'person.address.street'): the sheet says whose address is which by the path, so the bare part outside it belongs to
another record (an event's jurisdiction, a case's reporting region), not to the address the template fills. Its
mapping is not applied; the column is left out."""

from __future__ import annotations

import re

from ferry.agent.models import SheetMatch
from ferry.agent.pairs import ScoredSheet

# A path segment naming an address ('person.address.city', 'home/address/zip').
_ADDRESS_PATH = re.compile(r"address[./]\w", re.IGNORECASE)
# Separators of a path into a record.
_PATH = re.compile(r"\w[./]\w")
# Address parts that are bare words outside the path block.
_PARTS = ("city", "state", "postal_code", "country", "county")
# Columns of the address under a path that make it the sheet's address block.
_BLOCK_MIN = 2


def leave_out_bare_parts(scored: ScoredSheet, result: SheetMatch) -> None:
    """Withdraw applied address parts from bare headers when the sheet writes its address as paths."""
    if sum(bool(_ADDRESS_PATH.search(c.header)) for c in scored.columns) < _BLOCK_MIN:
        return
    by_source = {c.source: c for c in scored.columns}
    concepts = {f.spec.key: f.concepts for f in scored.fields}
    for match in result.matches:
        if not match.auto_applied or len(match.columns) != 1 or not any(p in concepts[match.field] for p in _PARTS):
            continue
        col = by_source.get(match.columns[0])
        if col is None or col.no_header or _PATH.search(col.header) or "address" in col.raw_words:
            continue
        match.auto_applied = False
        match.rationale = f"'{col.header}' stands outside the sheet's address paths: another record's {match.field}"
