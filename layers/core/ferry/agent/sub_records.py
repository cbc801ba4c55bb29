"""Columns of a numbered list of sub-records ('packagings_1_weight_measured', 'packagings_2_weight_measured';
'Emergency 1 Name', 'Emergency 2 Name'): the n-th packaging's weight or the n-th emergency contact's name, not the
record's own. The group word names nothing of the template's vocabulary; where it does ('Phone 2 - Value', 'Address 1
Country', 'Organization 1 - Name') the group is the field itself, and its members stay candidates. A which-column
question offering only such columns asks about values of another record: whatever the answer, the field would hold
the wrong thing, so it is not asked, and its slot is free for a question whose answer moves the record's own values."""

from __future__ import annotations

import re

from ferry.agent.evidence import ColumnInfo
from ferry.agent.models import SheetMatch
from ferry.agent.pairs import ScoredSheet
from ferry.agent.synonyms import concepts_of

# A group word, its number, then the member's own words ('packagings_1_weight', 'Emergency 1 Name', 'Option1 Value').
_NUMBERED = re.compile(r"^([A-Za-z]+)[ _.-]?(\d+)[ _.-]+[A-Za-z]")


def _group_of(col: ColumnInfo) -> tuple[str, str] | None:
    found = _NUMBERED.match(col.header.strip())
    return (found.group(1).lower(), found.group(2)) if found else None


def sub_record_columns(columns: list[ColumnInfo]) -> set[str]:
    """The columns that belong to a numbered group of at least two members whose group word names no concept."""
    numbers: dict[str, set[str]] = {}
    for col in columns:
        group = _group_of(col)
        if group:
            numbers.setdefault(group[0], set()).add(group[1])
    groups = {word for word, seen in numbers.items() if len(seen) >= 2 and not concepts_of(word)}
    return {c.source for c in columns if (g := _group_of(c)) and g[0] in groups}


def drop_sub_record_questions(scored: ScoredSheet, result: SheetMatch) -> None:
    """Withdraw the which-column questions whose every offered column is a numbered sub-record's."""
    members = sub_record_columns(scored.columns)
    if not members:
        return
    for question in list(result.questions):
        if question.kind != "which_column" or question.blocks:
            continue
        offered = [
            n for o in question.options if o.label.startswith("'") for n in re.findall(r"'([^']*)'", o.label)[:1]
        ]
        if offered and all(name in members for name in offered):
            result.questions.remove(question)
