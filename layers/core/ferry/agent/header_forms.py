"""Two forms of header the word lists miss.

'Date of Registration' is 'Registration Date' said the other way round: a date, time or place 'of' something reads
as that something's date ('Date of Registration' is when the record was registered, its creation date), where the
words alone only spell like another field ('Date of Birth').

'User Groups', 'Permission Group', 'Security Groups' are the groups a login's rights come from, not the department a
person works in: the record's own word ('user' of an employee) or a rights word before 'group' makes it an access
group, however much 'group' alone is a team or a department. A pay word before it ('Wage Group', 'Tax Group') is a
pay grade or a tax class: another kind of group again.
"""

from __future__ import annotations

from ferry.agent.synonyms import concepts_of_words

# Heads of an 'X of Y' header that read as 'Y X' ('date of registration': registration date).
_OF_HEADS = frozenset({"date", "time", "day", "year", "place"})
# How much of the 'Y X' reading's strength the inverted header keeps: a little below the plain wording.
OF_WEIGHT = 0.95
_GROUP_WORDS = frozenset({"group", "groups", "team", "teams"})
# Words before 'group' that make it another kind of group: of logins granting rights, or of pay ('Wage Group').
_ACCESS_WORDS = frozenset(
    {"user", "users", "permission", "permissions", "security", "access", "rights", "privilege", "privileges", "role",
     "roles", "acl", "login", "account", "wage", "pay", "salary", "tax", "price", "pricing", "discount"}
)  # fmt: skip
# The most a department may draw from an access group's header: a resemblance, never a name.
ACCESS_GROUP_CAP = 0.3


def of_phrase_concepts(words: tuple[str, ...]) -> dict[str, float]:
    """Concepts of 'Date of Registration' read as 'Registration Date' (nothing for any other header)."""
    if len(words) < 3 or len(words) > 4 or words[0] not in _OF_HEADS or words[1] != "of":
        return {}
    return {c: round(OF_WEIGHT * s, 4) for c, s in concepts_of_words((*words[2:], words[0])).items() if s >= 0.9}


def access_group(words: tuple[str, ...]) -> bool:
    """'User Groups', 'Permission Group': a rights word right before a group word."""
    return any(w in _GROUP_WORDS and i > 0 and words[i - 1] in _ACCESS_WORDS for i, w in enumerate(words))


def without_access_groups(found: dict[str, float], words: tuple[str, ...]) -> dict[str, float]:
    """An access group's header names no department."""
    if "department" in found and access_group(words):
        found["department"] = min(found["department"], ACCESS_GROUP_CAP)
    return found
