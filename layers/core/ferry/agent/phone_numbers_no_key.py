"""A phone number is no record key (round 45, issue 12): InKind's students have a 'phone_number' of 123-456-7890,
and a people template has no phone field, so '<thing> number' with values different in every row was offered as the
records' key ('Which column holds Record id?'). A header naming a phone over values that are phone numbers holds
phone numbers wherever the template puts them; asking whether they identify the record spends the question budget on
an answer no one gives. A '<thing> number' of other values ('member number', 'Ticket No') is still offered."""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo
from ferry.agent.value_keys import MOST

# Concepts of a header naming a phone line.
_PHONE_CONCEPTS = ("phone", "mobile", "fax")
# Header evidence from which the header names one.
_NAMES = 0.9


def phone_numbers(col: ColumnInfo) -> bool:
    """The header names a phone line and most values are phone numbers (formatted, or bare runs of digits)."""
    if not any(col.concepts.get(c, 0.0) >= _NAMES for c in _PHONE_CONCEPTS):
        return False
    p = col.profile
    return p.n > 0 and max(p.phone, p.phone_digits) >= MOST
