"""A header naming a person's part in the record by the login it is written in: 'Assignee Username', 'Owner Login'.

The login word says how the person is written, not what the column is: the column names who is assigned, who owns
it, as 'stage_id' names a stage (ferry.agent.evidence reads such trailing form words). Read so only for the words of a
person's role on a record (assignee, owner, manager, requester, director): before another word a login is of
something that is no person's role ('Customer Username' may be a company's account, 'Creator Username' an author's),
and stays the login it says.
"""

from __future__ import annotations

# Trailing words that say a person is written as the name they sign in with.
LOGIN_WORDS = frozenset({"username", "login", "userlogin"})

# Concepts of a person's part in a record, the ones a login stands for.
ROLE_CONCEPTS = frozenset({"assignee", "owner", "manager", "requester", "director"})

# As a code-like form word ('stage_id'): the role, not sure enough alone to outrank the header's own name.
ROLE_BY_LOGIN = 0.9


def role_written_as_login(words: tuple[str, ...], head_concepts: dict[str, float]) -> dict[str, float]:
    """The role concepts of a header `words` that ends in a login word, read without it (`head_concepts` are the
    concepts of the words before it)."""
    if len(words) < 2 or words[-1] not in LOGIN_WORDS:
        return {}
    return {c: round(ROLE_BY_LOGIN * s, 4) for c, s in head_concepts.items() if c in ROLE_CONCEPTS}
