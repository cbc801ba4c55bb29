"""A record's own '<thing> ID' whose values are codes a person reads (round 51, issue 12): Superstore's 'Product ID'
of 'FUR-BO-10000112', the Fabric register's 'ID' of 'D101', 'C201'. A header naming the record's own number points
at the template's key (an sku, an asset tag) and is asked, since a database's row number ('1', '2', a UUID) is no
business code. Values that each mix letters and digits, no two alike in a fully filled column, and none a UUID or a
hex hash, are the code the business gives the record: the question's answer is already clear, so the column is
applied and the question withdrawn. Numbers, hashes, repeated codes and a rival option that names the key as well
leave the question as it was."""

from __future__ import annotations

import re

from ferry.agent import questions as ask
from ferry.agent.calibrate import calibrated
from ferry.agent.evidence import ColumnInfo
from ferry.agent.models import SheetMatch
from ferry.agent.pairs import AUTO_SCORE, ScoredSheet
from ferry.agent.record_keys import key_field_of

# Distinct values a sheet's manifest samples at most: with this many the column may hold more, all different or not.
_SAMPLE_CAP = 10
# A UUID, or a run of hex digits long enough to be a hash ('9f86d081884c7d65...'), is a machine's id.
_MACHINE_ID = re.compile(r"^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{16,})$", re.I)
# A code a person reads: letters and digits, maybe joined by dashes, dots, slashes or underscores; no spaces.
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]*$")


def _business_codes(col: ColumnInfo) -> bool:
    values = [v.strip() for v in col.samples if v.strip()]
    distinct = len(values) >= 2 and col.filled >= col.rows and (len(values) == col.filled or len(values) >= _SAMPLE_CAP)
    return distinct and all(
        _CODE.match(v) and re.search(r"[A-Za-z]", v) and re.search(r"\d", v) and not _MACHINE_ID.match(v)
        for v in values
    )


def settle_coded_key(scored: ScoredSheet, result: SheetMatch) -> bool:
    """Apply the record's own id of business codes that the which-column question about the key offers first."""
    key_field = key_field_of(scored.fields)
    if key_field is None:
        return False
    offered = ask.offered_columns(scored, result, key_field.spec.key)
    if offered is None:
        return False
    match, question, columns = offered
    i, j = columns[0], scored.fields.index(key_field)
    col, pair = scored.columns[i], scored.pairs[i][j]
    used = {c for m in result.matches if m.auto_applied for c in m.columns}
    if col.no_header or col.source in used or not pair.record_key or not _business_codes(col):
        return False
    if any(scored.pairs[r][j].header >= pair.header for r in columns[1:]):
        return False  # another option names the key as well: a real choice
    rationale = f"'{col.header}' names the record's own number and its values are codes, one per row: the key"
    ask.settle_with(result, match, question, col.source, calibrated(max(pair.score, AUTO_SCORE)), rationale)
    return True
