"""A work item's group is no category (round 45, issue 12). In a template of work items (fields for a priority and
an assignee: tickets, tasks) a header whose words, the record's own word left out, are only 'group' names the team
the item is routed to (a help desk's 'Group', 'assignment_group') or a batch of items (Orangescrum's 'Taskgroup' of
'Release 1', 'Release 2'), not the kind of item: the category is asked there, never applied on it. Elsewhere a group
stays a category ('Product Group', an asset's 'Group')."""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import ASKED_SCORE, PairScore

_GROUP_WORDS = frozenset({"group", "groups"})


def groups_of_work_items(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Cap a group's reading of a work item's category at a question (see the module's note)."""
    if not (any("priority" in f.concepts for f in fields) and any("assignee" in f.concepts for f in fields)):
        return
    for j, fld in enumerate(fields):
        if "category" not in fld.concepts:
            continue
        for i, col in enumerate(columns):
            words = set((col.stripped_norm or col.norm).split())
            if not words or not words <= _GROUP_WORDS or pairs[i][j].score <= ASKED_SCORE:
                continue
            why = f"'{col.header}' is the group a work item is routed to or planned in, not its kind"
            pair = pairs[i][j]
            pairs[i][j] = pair.asked(why, keep=1)
