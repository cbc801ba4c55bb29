"""A bare 'Name' of given names alone (round 41, issue 12; Coursemology's invitation template 'John', 'Mary', with no
surname column beside it, which `second_look.bare_name_beside` reads): every value one word, each a known given name, so
there is no surname to split off: the column is the first name, as a person reading it would take it. One row is too
little to say so (decidim's single 'Brandy' was a whole name), and a header naming a whole name ('full_name') keeps its
split."""

from __future__ import annotations

from ferry.agent.calibrate import calibrated
from ferry.agent.evidence import ColumnInfo
from ferry.agent.models import FieldMatch
from ferry.agent.pairs import AUTO_SCORE, BARE_NAMES

# Rows a column needs before its given names say that it holds no surnames.
_FEWEST_ROWS = 2


def given_names_alone(col: ColumnInfo) -> bool:
    """A bare name header over at least two values, every one a single known given name."""
    p = col.profile
    return (
        col.norm in BARE_NAMES
        and p.n >= _FEWEST_ROWS
        and p.given_name >= 1.0
        and p.multiword == 0.0
        and p.email == 0.0
        and not p.placeholder
    )


def take_as_given_name(first: FieldMatch, last: FieldMatch, col: ColumnInfo) -> None:
    """Apply the column to the first name, unsplit; the last name keeps no column of it."""
    first.column, first.columns = col.source, [col.source]
    first.confidence, first.auto_applied, first.hints = calibrated(AUTO_SCORE), True, {}
    first.rationale = f"'{col.header}' holds one given name per row and nothing else: the first name, with no split"
    if last.column == col.source:
        last.column, last.columns, last.confidence, last.auto_applied, last.hints = None, [], 0.0, False, {}
        last.rationale = f"'{col.header}' holds given names only: no last name to take from it"
