"""A subject is each record's own line; a handful of values repeated over many rows routes it (round 50, issue 12):
Boston 311's 'subject' holds the department a case is sent to ('Public Works Department' on half of 100 rows, nine
values in all) while 'case_title' holds each case's own words ('Needle Pickup', 42 different). When every different
value of the column was seen (fewer than the sniffer keeps) and they are few for its rows, and another column reads
the subject from its header with values more varied, that column is the subject and the repeated one is left out of
it. A 'Subject' of varied lines, a repeated 'Subject' with no other column reading the subject, and a short sheet
(too few rows to tell a routing field from chance repeats) keep their reading."""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import APPLIED_SCORE, LEFT_OUT_SCORE, NAMING_HEADER, QUESTION_FLOOR, PairScore

# Different values the sniffer keeps of a column (ColumnManifest.samples: up to 10); fewer means all were seen.
_KEPT = 10
# Fewest filled rows, and the largest share of them that may be different values, for a column to route.
_ROWS = 30
_DIFFERENT_SHARE = 0.2


def _routes(col: ColumnInfo) -> bool:
    seen = len(col.samples)
    return 0 < seen < _KEPT and col.filled >= _ROWS and seen <= _DIFFERENT_SHARE * col.filled


def subject_over_routing(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Give the subject to the varied column reading it, away from a column of a few values repeated."""
    for j, fld in enumerate(fields):
        if fld.concepts.get("subject", 0.0) < 1.0:
            continue
        readers = [i for i in range(len(columns)) if pairs[i][j].score >= QUESTION_FLOOR]
        routing = [i for i in readers if _routes(columns[i])]
        varied = [
            i
            for i in readers
            if i not in routing
            and pairs[i][j].header >= NAMING_HEADER
            and not pairs[i][j].conflict
            and len(columns[i].samples) > max(len(columns[r].samples) for r in routing or [i])
        ]
        if len(routing) != 1 or len(varied) != 1:
            continue
        r, v = routing[0], varied[0]
        pair, own = pairs[r][j], pairs[v][j]
        why = f"'{columns[r].header}' repeats a few values over its rows: it routes each record, '{columns[v].header}'"
        pairs[r][j] = PairScore(LEFT_OUT_SCORE, pair.header, pair.fit, [*pair.reasons[:1], why + " is its subject"])
        reason = f"its values are each record's own, where '{columns[r].header}' repeats a few"
        pairs[v][j] = PairScore(max(own.score, APPLIED_SCORE), own.header, own.fit, [*own.reasons, reason])
