"""A thing's short description is its name when nothing else names it (round 47, issue 12): LubeLogger's supplies
and planner files name each part or job only in 'Description' ('Front Bumper', 'Repair Exhaust'), and the product's
name or the ticket's subject, which the template requires, has no other column. A description of a few words, with no
sentence in it, is then the record's name: its required naming field is applied from it. The column keeps its claim
on the description, so another column (a 'Notes' beside) is not pulled onto the description in its place.

Left alone: a naming field some other column reads (a 'Product Name' beside, or any candidate at all), descriptions
that are sentences or run long, and organisations' and places' names (a company's description is no company name).
"""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import APPLIED_SCORE, ASKED_SCORE, CANDIDATE_FLOOR, NAMING_HEADER, SURE_HEADER, PairScore

# Naming fields' keys: the record's own title.
_NAMING_KEYS = frozenset({"name", "subject", "title"})
# A naming field reading one of these names an organisation or a place, whose description is no name.
_NOT_A_THING = frozenset({"company", "location"})
# At most this many words, and characters, in each value of a description read as a name.
_NAME_WORDS = 5
_NAME_CHARS = 60


def description_as_name(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Apply the required naming field from the one description column of short names, when no column reads it."""
    naming = [
        j
        for j, f in enumerate(fields)
        if f.spec.required
        and f.spec.type == "string"
        and f.spec.key in _NAMING_KEYS
        and not _NOT_A_THING & set(f.concepts)
    ]
    described = [j for j, f in enumerate(fields) if "description" in f.concepts]
    if len(naming) != 1 or len(described) != 1:
        return
    n, d = naming[0], described[0]
    owners = [i for i, row in enumerate(pairs) if row[d].header >= SURE_HEADER and not row[d].conflict]
    if len(owners) != 1:
        return
    i = owners[0]
    rival = max((row[n].score for k, row in enumerate(pairs) if k != i), default=0.0)
    if columns[i].empty and rival < ASKED_SCORE:
        # Only headers read in part ('product' + unread words) could name it beside: asked, never applied
        _ask_name_or_description(columns[i], pairs[i], n, d)
        return
    if rival >= CANDIDATE_FLOOR:
        return  # another column reads the name: it keeps it
    if not _short_names(columns[i]):
        return
    reason = f"'{columns[i].header}' is the only column naming each record, in a few words: its {fields[n].spec.key}"
    pairs[i][n] = PairScore(max(APPLIED_SCORE, pairs[i][d].score), NAMING_HEADER, pairs[i][n].fit, [reason])
    # Just under the name, still owning the description (so no other column takes it in its place).
    own = pairs[i][d]
    pairs[i][d] = PairScore(min(own.score, APPLIED_SCORE - 0.05), own.header, own.fit, own.reasons)


def _ask_name_or_description(col: ColumnInfo, row: list[PairScore], n: int, d: int) -> None:
    """An empty template's only naming column is a description (round 49: GreaterWMS's '商品描述', its goods' only
    naming field): no value shows names or long texts, so it is asked as the name, not applied as the description."""
    reason = f"'{col.header}' is the only column that could name each record, and no value shows a name or a text"
    row[n] = row[n].asked(reason, keep=0, header=NAMING_HEADER)
    own = row[d]
    row[d] = PairScore(min(own.score, ASKED_SCORE - 0.05), own.header, own.fit, own.reasons)


def _short_names(col: ColumnInfo) -> bool:
    values = [v.strip() for v in col.samples if v.strip()]
    if col.empty or not values or col.profile.number >= 0.5:
        return False
    for v in values:
        if len(v) > _NAME_CHARS or len(v.split()) > _NAME_WORDS:
            return False
        if v.endswith(".") or ". " in v or "\n" in v:
            return False  # a sentence
    return True
