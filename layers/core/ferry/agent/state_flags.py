"""The enum value a yes/no column's header names ('Published' → active, 'Void/Retire' → archived; round 27).

A header of alternatives joined by a slash names a value when each alternative names the same one: OpenMRS'
'Void/Retire' of 'true' says the record is archived, as 'Retired' alone would.
"""

from __future__ import annotations

import re

from ferry.agent.enums import map_enum_values
from ferry.agent.yes_no_headers import state_asked

# Only a value's own word or a listed synonym: a header spelled like a value ('Activity') names none.
_NAMING = ("same value", "synonym")
_ALTERNATIVES = re.compile(r"\s*/\s*")


def value_named_by(header: str, values: list[str], read_asked: bool = True) -> str | None:
    """The allowed value the header names outright, or None. With `read_asked`, a yes/no question ('isActive') names
    the state it asks about: for a record's status only, since 'Is customer' beside 'Is supplier' are roles a record
    may hold together, not the one kind it is."""
    parts = [state_asked(p) if read_asked else p for p in _ALTERNATIVES.split(header.strip()) if p]
    named: set[str | None] = set()
    for part in parts or [header]:
        found = map_enum_values([part], values)
        named.add(found.mapping.get(part) if found.method.get(part) in _NAMING else None)
    return named.pop() if len(named) == 1 else None
