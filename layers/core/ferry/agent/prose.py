"""Whether a column's values are the text of a description or notes field, read both ways (issue 12).

- *Tags under a note header are no description* (round 29). A header that names only a kind of a text field ('Note',
  'notitie' for a product's description) is applied when the template has no field of its own kind, on the ground
  that no value can confirm free text. Values can deny it: a description or a note is prose, and a column of one
  short word a row ('bio', 'dem'; placeholders such as 'AAAA') holds tags or codes that label the record, not text
  that describes it. Such a pair is left out, neither applied nor offered; a header naming the field itself
  ('Description' of 'AAAA') is not touched.
- *Prose under a header that names nothing* (round 28): whole sentences of several words ('Minus eos consequatur
  nobis. Magnam ratione sed …') are only ever free text: names, codes, categories and titles do not end in a full
  stop after a word, and a subject is one line. Under a header that says nothing of the field ('post_cache' for a
  ticket's first message) such values are worth a place in the question budget and outrank a guess the matcher was
  unsure of; never applied, as a sheet may hold several columns of prose (a short and a long description).
"""

from __future__ import annotations

import re
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


# A word of two letters or more closing a sentence.
_SENTENCE_END = re.compile(r"[A-Za-z\u00C0-\u024F]{2,}[.!?](\s|$)")
# Mean words per value, and share of values holding a full sentence, from which values are prose.
_PROSE_WORDS = 6
_PROSE_SHARE = 0.5


def prose(col: ColumnInfo) -> bool:
    """Whether a column's values are prose: several words per value, most of them with a sentence's end."""
    values = [v.strip() for v in col.samples if v.strip()]
    if not values or col.profile.url > 0 or col.profile.json > 0:
        return False
    words = sum(len(v.split()) for v in values) / len(values)
    sentences = sum(bool(_SENTENCE_END.search(v)) for v in values) / len(values)
    return words >= _PROSE_WORDS and sentences >= _PROSE_SHARE


def prose_for_free_text(col: ColumnInfo, fld: FieldInfo) -> bool:
    """Whether column `col` holds prose and `fld` is a field of free text (a description, notes)."""
    return any(fld.concepts.get(c, 0.0) >= 0.9 for c in _PROSE) and prose(col)
