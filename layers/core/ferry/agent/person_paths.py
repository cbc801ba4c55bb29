"""Headers written as paths through a person ('person.lastName', 'person.address.city', 'contact.email') on a
template whose records are people (it has a first and a last name): the first segment names the record itself, as
'customer' does in 'Customer Email' on a customers template, so it is read as noise and the rest of the path names
the field. Only a prefix most headers share, joined by a dot to the next word, counts: a lone 'Contact Phone' beside
a company's own phone names another party, and stays as it is."""

from __future__ import annotations

import re

from ferry.agent.lexicon import ENTITY_WORDS
from ferry.core.domain import SheetManifest, Template

# A person's words: the words a contacts template's records go by ('person', 'contact', 'personne', 'persoon', ...).
_PERSON_WORDS = frozenset(ENTITY_WORDS["contact"])
# A first path segment of letters, a dot, then the next segment ('person.lastName', 'person.address.city').
_PATH_HEAD = re.compile(r"^([A-Za-z]+)\.[A-Za-z]")
# Headers that must share the prefix: at least three, and at least half of the sheet's.
_MIN_SHARED = 3
_SHARE = 0.5


def person_path_prefix(sheet: SheetManifest, template: Template) -> frozenset[str]:
    """The person word most of the sheet's headers start their path with, when the template's records are people."""
    keys = {f.key for f in template.fields}
    if not {"first_name", "last_name"} <= keys:
        return frozenset()
    heads: dict[str, int] = {}
    for col in sheet.columns:
        found = _PATH_HEAD.match((col.header or col.name).strip())
        if found and found.group(1).lower() in _PERSON_WORDS:
            heads[found.group(1).lower()] = heads.get(found.group(1).lower(), 0) + 1
    columns = len(sheet.columns)
    return frozenset(w for w, n in heads.items() if n >= _MIN_SHARED and n >= _SHARE * columns)
