"""A login name ('username', 'Login') is how a person signs in: the key the records are known by in some systems, only
a handle in others, so alone it is still offered for the template's key field (an external id, an employee number).
Beside another candidate ('studentid', 'Employee No') it is the weaker guess: the which-column question about the key
offers the other columns first and the login name last."""

from __future__ import annotations

import re

from ferry.agent.evidence import ColumnInfo
from ferry.agent.models import SheetMatch
from ferry.agent.pairs import ScoredSheet
from ferry.agent.record_keys import key_field_of

# Whole headers that name a sign-in name ('username', 'User Name', 'login'), folded to words.
LOGIN_HEADERS = frozenset({"username", "user name", "login", "login name", "loginname", "user login"})


def _login_name(col: ColumnInfo) -> bool:
    return col.norm in LOGIN_HEADERS


def _offered_column(label: str) -> str | None:
    quoted = re.findall(r"'([^']*)'", label)
    return quoted[0] if label.startswith("'") and quoted else None


def demote_login_names(scored: ScoredSheet, result: SheetMatch) -> None:
    """Offer a login name last in the which-column question about the template's key field when another column is
    offered too."""
    key_field = key_field_of(scored.fields)
    if key_field is None:
        return
    key = key_field.spec.key
    question = next((q for q in result.questions if q.field == key and q.kind == "which_column"), None)
    match = result.match_for(key)
    if question is None or match is None or match.auto_applied:
        return
    by_source = {c.source: c for c in scored.columns}
    columns = [o for o in question.options if _offered_column(o.label)]
    logins = [o for o in columns if (n := _offered_column(o.label)) in by_source and _login_name(by_source[n])]
    if not logins or len(logins) == len(columns):
        return
    others = [o for o in columns if o not in logins]
    question.options = others + logins + [o for o in question.options if not _offered_column(o.label)]
    for number, o in enumerate(question.options, start=1):
        o.id = f"opt_{number}"
    first = _offered_column(others[0].label)
    if match.column in {_offered_column(o.label) for o in logins} and first is not None:
        match.column, match.columns = first, [first]
