"""A header that names only a person's name ('user_name', 'Contact Name') over values that are whole person names,
for a field holding the person in a part of the record (requester, assignee, owner, manager, authors).

The header is broader than the field (`pairs.names_broader`: any person's name, not the requester's), so it is never
applied. But when its values are people's names written in full ('gertrude price') and the field holds a person, the
values confirm what the header leaves open: which person is for the person to say, and the column is worth a place in
the question budget rather than left out unnoticed (round 28; round 21 found full names right for the one free field
of people's names and never waste).
"""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.role_logins import ROLE_CONCEPTS

# Concepts of a field that holds a person by their part in the record.
PERSON_ROLES = ROLE_CONCEPTS | {"authors"}
# Share of sampled values that must be whole person names ('Ada Lovelace', not 'Ada' or 'ada_l').
FULL_NAMES = 0.8


def people_for_a_role(col: ColumnInfo, fld: FieldInfo) -> bool:
    """Whether column `col`, whose header says only 'a person's name', holds whole person names for field `fld`,
    which holds a person in a role: a question, never a mapping."""
    if fld.kind == "email" or not any(s >= 0.9 and c in PERSON_ROLES for c, s in fld.concepts.items()):
        return False
    if col.other_party or col.empty or col.profile.placeholder or col.profile.n < 1:
        return False
    return col.concepts.get("full_name", 0.0) > 0 and col.profile.full_name >= FULL_NAMES
