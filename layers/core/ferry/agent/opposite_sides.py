"""A column named for the other side of a field's own qualifier (round 51, issue 12): the employees template's phone
is labelled 'Work phone' and its street 'Home address'; a staff member's 'homephone' (Northwind's, the only phone of
the file, beside an office 'extension') is a number of the person's home, not of work, and a 'Work Address' is not the
home one. The pair is left out, never applied: earlier splits label a staff member's home phone null (Sahana's,
TimeTrex's), and a question about it would take the sheet's budget from one that matters (a later pass may still put
it to the person). A field whose label says no side ('Phone'), and a column that says none ('phone', or 'Office
Phone' for a work phone), are read as before."""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import ASKED_SCORE, LEFT_OUT_SCORE, PairScore
from ferry.agent.synonyms import concepts_of, header_words

_HOME = frozenset({"home", "personal", "private", "residential", "residence", "household"})
_WORK = frozenset({"work", "business", "office", "company", "corporate"})
# The part a glued header leaves after its qualifier ('homephone' → 'phone') must name the field this strongly.
_NAMES_FIELD = 0.9


def _side(words: set[str]) -> str | None:
    home, work = bool(words & _HOME), bool(words & _WORK)
    return "home" if home and not work else "work" if work and not home else None


def _column_side(col: ColumnInfo, concept: str) -> str | None:
    side = _side(set(col.raw_words))
    if side is not None:
        return side
    compact = col.compact
    for word in _HOME | _WORK:
        rest = compact[len(word) :]
        if compact.startswith(word) and rest and concepts_of(rest).get(concept, 0.0) >= _NAMES_FIELD:
            return "home" if word in _HOME else "work"
    return None


def ask_the_other_side(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Leave out a pair whose column is named for the side opposite to its field's label."""
    for j, fld in enumerate(fields):
        label_side = _side(set(header_words(fld.spec.label or "")))
        if label_side is None:
            continue
        for i, col in enumerate(columns):
            pair = pairs[i][j]
            if pair.score <= ASKED_SCORE or col.json_path is not None:
                continue
            concept = max(fld.concepts, key=lambda c: fld.concepts[c]) if fld.concepts else fld.spec.key
            side = _column_side(col, concept)
            if side is None or side == label_side:
                continue
            reason = f"'{col.header}' is a {side} one and {fld.spec.key} is labelled '{fld.spec.label}'"
            pairs[i][j] = PairScore(LEFT_OUT_SCORE, pair.header, pair.fit, [*pair.reasons, reason], pair.conflict)
