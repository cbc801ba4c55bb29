"""Surnames that are given names too ('Last Name' of 'Grant', 'Cole'): when values cannot tell, the header decides."""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import SURE_HEADER, PairScore


def surnames_that_are_given_names(
    columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]
) -> None:
    """'Last Name' of 'Grant', 'Cole' beside 'First Name' of 'Peter', 'Richard': many surnames are given names too, so
    such values contradict a header naming the last name only when the first-name column holds given names less often
    (the columns swapped). When it holds them at least as often, the values cannot tell, and the header decides."""
    given = [j for j, f in enumerate(fields) if f.kind == "given"]
    surname = [j for j, f in enumerate(fields) if f.kind == "surname"]
    if len(given) != 1 or len(surname) != 1:
        return
    g, s = given[0], surname[0]
    firsts = [c for c, row in zip(columns, pairs, strict=True) if row[g].header >= SURE_HEADER and not row[g].conflict]
    if len(firsts) != 1:
        return
    for i, col in enumerate(columns):
        pair = pairs[i][s]
        if pair.header < SURE_HEADER or not pair.conflict or col.profile.given_name < 0.5:
            continue
        if col.profile.full_name >= 0.5 or firsts[0].profile.given_name < col.profile.given_name:
            continue
        reasons = [r for r in pair.reasons if "given names" not in r]
        reasons.append(
            f"its values can be given names too, as often as those of '{firsts[0].header}', so the header decides"
        )
        pairs[i][s] = PairScore(round(min(1.0, pair.header), 4), pair.header, 0.0, reasons)
