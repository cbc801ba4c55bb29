"""An address line the matcher was unsure of, confirmed by its neighbours: 'Venue Address' beside 'Venue City' and
'Venue Zip', which the plan applies to the city and the postal code. Columns that share a qualifier ('Venue', 'des
Mitarbeiters') and fill the rest of an address are one address; the line among them whose header names an address is
its street. Applied, and the which-column question about the street withdrawn."""

from __future__ import annotations

from ferry.agent import questions as ask
from ferry.agent.address_paths import leave_out_bare_parts
from ferry.agent.calibrate import calibrated
from ferry.agent.evidence import ColumnInfo
from ferry.agent.left_out import CODE_SUFFIXES
from ferry.agent.models import MatchQuestion, SheetMatch
from ferry.agent.pairs import UNSURE, ScoredSheet
from ferry.agent.questions import option
from ferry.agent.synonyms import header_words

# Fields that, applied from columns sharing the line's qualifier, make the columns one address.
_SIBLINGS = ("city", "postal_code")
# Address parts other than the line: a header naming one of them as strongly as a street is not the line.
_OTHER_PARTS = ("street2", "city", "state", "postal_code", "country", "county")
# Header evidence the line needs for the street: it names an address, however generally.
_LINE_HEADER = 0.6
# Values may look unusual for a street (test words), not contradict it.
_LINE_FIT = -0.5


def apply_address_line(scored: ScoredSheet, result: SheetMatch) -> None:
    """Apply the first option of the street's which-column question when its header shares a qualifier with the
    columns applied to the city and the postal code."""
    leave_out_bare_parts(scored, result)  # first: a bare part beside address paths is no sibling of the line
    fld = next((f for f in scored.fields if f.kind == "street" and f.spec.key == "street"), None)
    if fld is None:
        return
    offered = ask.offered_columns(scored, result, fld.spec.key)
    if offered is None:
        return
    match, question, columns = offered
    _other_parts_last(scored, question, columns)
    i, j = columns[0], scored.fields.index(fld)
    col, pair = scored.columns[i], scored.pairs[i][j]
    if col.empty or col.no_header or col.suffix in CODE_SUFFIXES or pair.header < _LINE_HEADER or pair.fit <= _LINE_FIT:
        return
    if _names_other_part(col):
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


def _names_other_part(col: ColumnInfo) -> bool:
    """'person.address.district': the address word is the block's; the header's own word names another part."""
    return any(col.concepts.get(c, 0.0) >= col.concepts.get("street", 0.0) for c in _OTHER_PARTS)


def _other_parts_last(scored: ScoredSheet, question: MatchQuestion, columns: list[int]) -> None:
    """Offer the columns whose headers name another address part after the rest (in place, options and indices)."""
    ordered = sorted(columns, key=lambda i: _names_other_part(scored.columns[i]))
    if ordered == columns:
        return
    labels = {o.label: o for o in question.options}
    offered = [labels[f"'{scored.columns[i].source}'"] for i in ordered if f"'{scored.columns[i].source}'" in labels]
    rest = [o for o in question.options if o not in offered]
    question.options = [option(o.label, n) for n, o in enumerate([*offered, *rest], start=1)]
    columns[:] = ordered
