"""A 'Company' that is one value in every row, beside a column naming each record's company (round 48, issue 12):
Dynamics' customer workbook writes 'Company' (the legal entity the accounts are kept in, 'USPM' on every row) beside
'Account Name' (each customer, one name per row). A single value repeated down the whole sheet says whose books the
rows are in, not which company each row is: the column that names the company with a different value on each row is
the record's company, and the constant one is left out (a person may still add it). A constant 'Company' with no
such column beside it, and two columns that both vary, are read as before."""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import APPLIED_SCORE, CANDIDATE_FLOOR, LEFT_OUT_SCORE, NAMING_HEADER, PairScore

# Fewest filled rows before one value repeated down them all reads as the sheet's owner, not a coincidence.
_FEWEST_ROWS = 3


def _distinct(col: ColumnInfo) -> set[str]:
    """The column's distinct values (the sniffer samples distinct values)."""
    return {v.strip().casefold() for v in col.samples if v.strip()}


def _constant(col: ColumnInfo) -> bool:
    return col.filled >= _FEWEST_ROWS and len(_distinct(col)) == 1


def _varying(col: ColumnInfo) -> bool:
    return len(_distinct(col)) >= _FEWEST_ROWS


def owning_entity(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Give the company field to the column naming each row's company over a constant one naming it too."""
    for j, fld in enumerate(fields):
        if fld.spec.key != "company" and fld.concepts.get("company", 0.0) < 1.0:
            continue
        named = [i for i, row in enumerate(pairs) if row[j].header >= NAMING_HEADER and row[j].score >= CANDIDATE_FLOOR]
        constant = [i for i in named if _constant(columns[i])]
        varying = [i for i in named if _varying(columns[i]) and not columns[i].other_party]
        if len(constant) != 1 or len(varying) != 1:
            continue
        c, v = constant[0], varying[0]
        own, theirs = pairs[v][j], pairs[c][j]
        reason = (
            f"'{columns[c].header}' holds one value on every row (whose books the rows are in); "
            f"'{columns[v].header}' names each record's company"
        )
        score = max(own.score, theirs.score, APPLIED_SCORE)
        pairs[v][j] = PairScore(score, own.header, own.fit, [*own.reasons, reason])
        pairs[c][j] = PairScore(LEFT_OUT_SCORE, theirs.header, theirs.fit, [reason])
