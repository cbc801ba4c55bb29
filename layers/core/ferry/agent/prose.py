"""Tags under a note header are no description (issue 12, round 29).

A header that names only a kind of a text field ('Note', 'notitie' for a product's description) is applied when the
template has no field of its own kind, on the ground that no value can confirm free text. Values can deny it: a
description or a note is prose, and a column of one short word a row ('bio', 'dem'; placeholders such as 'AAAA')
holds tags or codes that label the record, not text that describes it. Such a pair is left out, neither applied nor
offered; a header naming the field itself ('Description' of 'AAAA') is not touched.
"""

from __future__ import annotations

from dataclasses import replace

from ferry.agent.evidence import ColumnInfo, FieldInfo, related
from ferry.agent.pairs import PairScore

# Fields that hold prose.
_PROSE = frozenset({"description", "notes"})
# Below these a column's values are short tags: most of them one word, a few letters on average.
_MULTIWORD = 0.5
_MEAN_LEN = 8


def tags_are_no_prose(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Leave out a kind-of header's pair with a prose field when its values are short tags (see the module's note)."""
    for j, fld in enumerate(fields):
        if not _PROSE & set(fld.concepts):
            continue
        for i, col in enumerate(columns):
            top = col.top_concept
            if pairs[i][j].score <= 0 or top is None or top[0] in fld.concepts or not related(top[0], fld.concepts):
                continue
            if short_tags(col):
                reason = f"its values ({', '.join(col.samples[:3])}) are short tags, not the text of a {fld.spec.key}"
                pairs[i][j] = replace(pairs[i][j], score=0.0, header=0.0, reasons=[*pairs[i][j].reasons, reason])


def short_tags(col: ColumnInfo) -> bool:
    """Two values at least, most of one word and all of a few letters on average."""
    p = col.profile
    return p.n >= 2 and p.multiword < _MULTIWORD and p.mean_len < _MEAN_LEN
