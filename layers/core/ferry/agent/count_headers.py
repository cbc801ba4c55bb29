"""A header that counts things is no key (round 53, issue 12): 'Num_Sites' (a churn exercise's number of sites a
customer runs, '8.0', '11.0'), 'Number of Children', 'nb_salaries', 'Anzahl Mitarbeiter' say how many, never which
record. The spelling of 'num' put 'Num_Sites' to the person for the customer number; a count is not offered for a
key field (required or unique). 'Num_Client' and 'Customer No' (a number, singular: a key) are read as before.
The other way round, one employee's id is no count of employees (`ids_are_no_counts`)."""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import CANDIDATE_FLOOR, LEFT_OUT_SCORE, PairScore
from ferry.agent.synonyms import header_words, singular

# First words of a header that counts what follows ('num', 'no' and 'nbr' are read as 'number').
_COUNT_WORDS = frozenset({"number", "nb", "count", "anzahl", "aantal", "nombre", "numero", "cantidad", "quantidade"})


def counts_things(col: ColumnInfo) -> bool:
    """'<number> of <things>' or '<number> <things>' (a plural): a count of something, not an identifier."""
    words = header_words(col.matched or col.header)
    if len(words) < 2 or words[0] not in _COUNT_WORDS:
        return False
    if words[1] in {"of", "de", "di"} and len(words) > 2:
        return True
    return len(words) == 2 and singular(words[1]) != words[1]


def count_for_a_key(col: ColumnInfo, fld: FieldInfo) -> bool:
    """A count offered for a key field: never worth a question."""
    return fld.key_field and counts_things(col)


def ids_are_no_counts(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """A header naming one employee's id ('HISTORY.CHANGEDBY.EMPLOYEEID', SAP's record history) is not the number
    of employees: the pair of a count field is left out where the header names the one thing's id more strongly than
    the count and is no count itself. 'Employees', 'Number of employees' and 'Nº empleados' are read as before."""
    counts = [j for j, f in enumerate(fields) if "employees" in f.concepts]
    for i, col in enumerate(columns):
        if col.concepts.get("employee_id", 0.0) <= col.concepts.get("employees", 0.0) or counts_things(col):
            continue
        for j in counts:
            if pairs[i][j].score >= CANDIDATE_FLOOR:
                reason = f"'{col.header}' names one employee's id, not how many there are"
                pairs[i][j] = PairScore(LEFT_OUT_SCORE, 0.0, 0.0, [*pairs[i][j].reasons, reason], pairs[i][j].conflict)
