"""A remark on another column is not the record's notes (round 57, issue 12): DATEV's master-data file writes a
'Bemerkung (...)' beside each contact column it annotates ('Bemerkung (Telefon)' by 'Telefon', 'Bemerkung (Sonstige)'
by 'Sonstige'): the bracket names the column the remark is about. A notes or description header whose bracketed part
is, word for word, the header of another column of the file is left out of those fields; a bracket naming no column
('Notes (internal)', 'Bemerkung (Kunde)' in a file without a 'Kunde' column) is read as before."""

from __future__ import annotations

import re

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import LEFT_OUT_SCORE, PairScore

_BRACKETED = re.compile(r"^(.+?)\s*[(\[]([^()\[\]]+)[)\]]\s*$")
_FREE_TEXT = ("notes", "description")


def _remark_on(col: ColumnInfo, headers: set[str]) -> str | None:
    found = _BRACKETED.match(col.header.strip())
    if found is None:
        return None
    about = found.group(2).strip().casefold()
    return about if about in headers else None


def remarks_on_other_columns(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Leave a remark on another column of the file out of the record's notes and description."""
    headers = {c.header.strip().casefold() for c in columns if c.json_path is None}
    for i, col in enumerate(columns):
        about = _remark_on(col, headers - {col.header.strip().casefold()})
        if about is None:
            continue
        for j, fld in enumerate(fields):
            pair = pairs[i][j]
            if pair.score <= LEFT_OUT_SCORE or not any(fld.concepts.get(c, 0.0) >= 0.9 for c in _FREE_TEXT):
                continue
            why = f"'{col.header}' is a remark on the column '{about}', not the record's {fld.spec.key}"
            pairs[i][j] = PairScore(LEFT_OUT_SCORE, 0.0, pair.fit, [why])  # nor offered: its header names a remark
