"""A sticker is the code stuck on the record (round 46, issue 12): Bike Index's 'bike_sticker' holds the code printed
on the sticker put on a registered bike ('XXX123'), which is what an asset tag is. A header whose last word is
'sticker' over single codes is read as a barcode is (`late_reads`): the record's one tag field, applied when no
two rows share a code (however few rows: the header names the tag, the values need only not contradict it), asked
otherwise. A sticker's price, colour or count ('sticker price', 'sticker_color',
'stickers count') ends in another word and is not one; yes/no values ('has sticker') are flags, not codes."""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo
from ferry.agent.normalize import normalize_header

# The header's last word naming a stuck-on label.
_STICKER_WORDS = frozenset({"sticker", "stickers"})
# Share of yes/no values from which the column holds flags.
_FLAGS = 0.5


def sticker_codes(col: ColumnInfo) -> bool:
    """The header ends in 'sticker' and its values are no yes/no flags."""
    words = normalize_header(col.matched or col.header).split()
    if not words or words[-1] not in _STICKER_WORDS:
        return False
    return col.profile.boolean < _FLAGS
