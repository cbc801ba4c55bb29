"""A login is no person's name to split while a column headed by a name stands beside it (round 45, issue 12):
OpenSRP's practitioners have 'User Name' (USER-NAME, an account) and 'Name' (REHAM, the person). Both headers read
as a whole name, so the split went to the first; the header that also names a login gives way to one that does not.
A login alone is still proposed as before, as is a 'username' of full names beside nothing better."""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo

# Header evidence from which a header names a login ('User Name', 'username', 'login').
_LOGIN = 0.9


def split_rank(col: ColumnInfo, score: float) -> tuple[bool, bool, float]:
    """How a column ranks as the one to split into first and last name: filled first, then not a login, then by
    score."""
    return (not col.empty, col.concepts.get("login", 0.0) < _LOGIN, score)
