"""A bare 'text' of sentences is the record's description (round 50, issue 12): a ticket's 'text' ('drive is not
detected by OS'), a deal's and an article's 'text' ('Agile coaching daily rate for Scrum master and team agile
coach') hold what the record is about in words, the description. The word alone is too wide to read as the field
(Aimeos' 'text content', a 'Text Color', a 'Text ID' are other things), so only a header that is 'text' and nothing
else (the record's own word left out: 'Ticket Text'), over sentences of several words, with no other column reading
the description, is applied to it. A 'text' of codes or of a word or two, two such columns, and a sheet with a
'Description' beside keep their reading."""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import APPLIED_SCORE, NAMING_HEADER, QUESTION_FLOOR, PairScore

_BARE = frozenset({"text"})
# Fewest words in a sentence, the share of values that must be sentences ('Need access' is a short one), and the
# fewest different values, for a column to read as sentences.
_WORDS = 3
_SHARE = 0.75
_DIFFERENT = 2


def _bare_text(col: ColumnInfo) -> bool:
    header = (col.stripped_norm or col.norm).strip()
    return col.json_path is None and (col.norm.strip() in _BARE or header in _BARE)


def _sentences(col: ColumnInfo) -> bool:
    values = [v.strip() for v in col.samples if v.strip()]
    sentences = sum(len(v.split()) >= _WORDS for v in values)
    return len(set(values)) >= _DIFFERENT and col.profile.number == 0 and sentences >= _SHARE * len(values)


def prose_text_as_description(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Apply the description from the one bare 'text' column of sentences when no other column reads it."""
    texts = [i for i, col in enumerate(columns) if _bare_text(col)]
    if len(texts) != 1 or not _sentences(columns[texts[0]]):
        return
    i = texts[0]
    if any(p.score >= QUESTION_FLOOR for p in pairs[i]):
        return  # the column already reads as something
    for j, fld in enumerate(fields):
        if fld.concepts.get("description", 0.0) < 1.0:
            continue
        if any(_reads(pairs[k], j) for k in range(len(columns)) if k != i):
            continue  # another column reads the description
        reason = f"'{columns[i].header}' holds sentences about each record: its description"
        pair = pairs[i][j]
        pairs[i][j] = PairScore(APPLIED_SCORE, max(pair.header, NAMING_HEADER), pair.fit, [*pair.reasons, reason])
        return


def _reads(row: list[PairScore], j: int) -> bool:
    # A column reading the description as its best field ('Details'); a 'subject', a kind of description, reads
    # its own field better and is no rival.
    return row[j].score >= QUESTION_FLOOR and row[j].score >= max(p.score for p in row)
