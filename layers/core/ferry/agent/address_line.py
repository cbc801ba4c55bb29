"""An address line the matcher was unsure of, confirmed by its neighbours: 'Venue Address' beside 'Venue City' and
'Venue Zip', which the plan applies to the city and the postal code. Columns that share a qualifier ('Venue', 'des
Mitarbeiters') and fill the rest of an address are one address; the line among them whose header names an address is
its street. Applied, and the which-column question about the street withdrawn."""

from __future__ import annotations

from ferry.agent import questions as ask
from ferry.agent.calibrate import calibrated
from ferry.agent.left_out import CODE_SUFFIXES
from ferry.agent.models import SheetMatch
from ferry.agent.pairs import UNSURE, ScoredSheet
from ferry.agent.synonyms import header_words

# Fields that, applied from columns sharing the line's qualifier, make the columns one address.
_SIBLINGS = ("city", "postal_code")
# Header evidence the line needs for the street: it names an address, however generally.
_LINE_HEADER = 0.6
# Values may look unusual for a street (test words), not contradict it.
_LINE_FIT = -0.5


def apply_address_line(scored: ScoredSheet, result: SheetMatch) -> None:
    """Apply the first option of the street's which-column question when its header shares a qualifier with the
    columns applied to the city and the postal code."""
    fld = next((f for f in scored.fields if f.kind == "street" and f.spec.key == "street"), None)
    if fld is None:
        return
    offered = ask.offered_columns(scored, result, fld.spec.key)
    if offered is None:
        return
    match, question, columns = offered
    i, j = columns[0], scored.fields.index(fld)
    col, pair = scored.columns[i], scored.pairs[i][j]
    if col.empty or col.no_header or col.suffix in CODE_SUFFIXES or pair.header < _LINE_HEADER or pair.fit <= _LINE_FIT:
        return
    words = set(header_words(col.header))
    for key in _SIBLINGS:
        sibling = result.match_for(key)
        if sibling is None or not sibling.auto_applied or len(sibling.columns) != 1:
            return
        sibling_col = next((c for c in scored.columns if c.source == sibling.columns[0]), None)
        # The qualifier: a word of the line's header also in the sibling's, which is no address word of its own.
        if sibling_col is None or not words & set(header_words(sibling_col.header)) - {"address"}:
            return
    why = f"'{col.header}' shares its qualifier with the columns applied to the city and the postal code"
    ask.settle_with(
        result, match, question, col.source, max(min(match.confidence, UNSURE), calibrated(pair.score)), why
    )
