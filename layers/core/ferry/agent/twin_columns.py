"""A column equal value for value to an applied one (round 41, issue 12): the same fact under another header, or
another fact that coincides on these rows.

'company_name' beside 'company' and 'street_1' beside 'address' repeat the applied column: their headers add nothing
but the field's own name, a suffix word ('name', 'id') or a number. A header adding any other word names a fact of
its own that happens to agree here: a household's 'family_name' beside each member's 'last_name' (one family's
members share it), Workday's 'original_hire_date' beside 'hire_date' (equal until someone is rehired). Reading such a
column into the field as a copy would put a second fact under it, so it is not taken as a twin.
"""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo
from ferry.agent.lexicon import SUFFIX_WORDS
from ferry.agent.synonyms import header_words

# Equal samples are evidence of a twin only over a few distinct values: in a one-row file the delivery address
# repeats the billing one by chance, and is not the same column.
_FEWEST_DISTINCT = 3


def is_copy(applied: ColumnInfo, other: ColumnInfo, field_key: str) -> bool:
    """Whether `other` repeats the applied column value for value under a header that adds nothing of its own."""
    if len(set(other.samples)) < _FEWEST_DISTINCT or other.samples != applied.samples:
        return False
    added = set(header_words(other.header)) - set(header_words(applied.header))
    own = set(header_words(field_key)) | SUFFIX_WORDS
    return all(word in own or word.isdigit() for word in added)
