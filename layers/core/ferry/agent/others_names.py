"""A whole name the header gives to someone else is not the record's own to split (third hunt, issue 12).

'employee.manager.name' in a staff file and 'Supervisor Name' in a people file hold full names, and with no first
and last name columns beside them the planner split them into the record's first and last name. The header says
whose name it is: a role ('supervisor', 'owner', 'sales rep') or a relation ('manager', 'spouse', 'emergency'), or a
header already read as another person's (ColumnInfo.other_party). Such a split is asked, never applied; a plain
'Name' or 'Full Name', or a dotted 'staff.name', is the record's own and is split as before.
"""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo
from ferry.agent.second_party import ROLE_WORDS
from ferry.agent.synonyms import OTHER_PARTY_WORDS, SOFT_WORDS, header_words


def names_someone_else(col: ColumnInfo) -> bool:
    """Whether the column's header names a person other than the record (a role or a relation)."""
    if col.other_party:
        return True
    if col.no_header:
        return False
    words = [w for w in header_words(col.matched or col.header) if w not in SOFT_WORDS]
    return any(w in ROLE_WORDS or w in OTHER_PARTY_WORDS for w in words)
