"""A customer's bare 'membership' of a few tier words is its group (round 50, issue 12): Contoso's customers write
'membership' over 'Gold', 'Platinum', 'Base'. The word inside a longer header is a subscription's, not a tier
(Paid Memberships Pro's 'membership_id', 'membership_status', 'membership_startdate'), so only a header that is the
word and nothing else, over a few different short words (every one seen, none a number or a date), with no other
column reading the group, is applied to the customer group."""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import APPLIED_SCORE, NAMING_HEADER, QUESTION_FLOOR, PairScore

_BARE = frozenset({"membership", "memberships"})
# Different values the sniffer keeps of a column (ColumnManifest.samples: up to 10); fewer means all were seen.
_KEPT = 10
# Most words in a tier's name.
_TIER_WORDS = 2


def _tiers(col: ColumnInfo) -> bool:
    values = [v.strip() for v in col.samples if v.strip()]
    words = all(len(v.split()) <= _TIER_WORDS and not any(ch.isdigit() for ch in v) for v in values)
    return bool(values) and len(values) < _KEPT and words


def membership_as_group(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Apply the customer group from the one bare 'membership' column of tier words."""
    bare = [i for i, col in enumerate(columns) if col.json_path is None and col.norm.strip() in _BARE]
    if len(bare) != 1 or not _tiers(columns[bare[0]]):
        return
    i = bare[0]
    for j, fld in enumerate(fields):
        if fld.concepts.get("customer_group", 0.0) < 1.0:
            continue
        if any(pairs[k][j].score >= QUESTION_FLOOR for k in range(len(columns)) if k != i):
            return  # another column reads the group
        reason = f"'{columns[i].header}' names the tier each customer belongs to: its group"
        pair = pairs[i][j]
        pairs[i][j] = PairScore(APPLIED_SCORE, max(pair.header, NAMING_HEADER), pair.fit, [*pair.reasons, reason])
        return
