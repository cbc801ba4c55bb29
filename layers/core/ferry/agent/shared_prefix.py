"""A system's prefix on every header ('src_name', 'src_city', 'src_phone'): an import map's or a staging
table's mark, written before each field word. Like a prefix most headers share that names nothing, it is read as the
sheet's noise, so the words after it name the field; here the prefix may be a word the vocabulary knows ('src' is a
lead's source), as long as it names no field of the template. Only a prefix every header carries, joined by '_' or
'.', counts: 'Source Name' beside 'Email' stays as it is, and so does a prefix naming one of the template's fields."""

from __future__ import annotations

import re

from ferry.agent.normalize import normalize_header
from ferry.agent.synonyms import concepts_of, header_words
from ferry.core.domain import SheetManifest, Template

# A first segment of letters joined to the rest by '_' or '.' ('src_name', 'tbl.city').
_HEAD = re.compile(r"^([A-Za-z]+)[_.](?=[A-Za-z])")
_MIN_HEADERS = 3


def system_prefix(sheet: SheetManifest, template: Template) -> frozenset[str]:
    """The prefix every header of the sheet starts with, read as noise, when it names no field of the template."""
    heads = [_HEAD.match((col.header or col.name).strip()) for col in sheet.columns]
    prefixes = {m.group(1).lower() for m in heads if m}
    if len(heads) < _MIN_HEADERS or None in heads or len(prefixes) != 1:
        return frozenset()
    prefix = prefixes.pop()
    fields = set()
    for spec in template.fields:
        fields |= set(concepts_of(spec.key)) | ({normalize_header(spec.key)} if spec.key else set())
    named = set(concepts_of(prefix))
    if named & fields or prefix in fields:
        return frozenset()
    # The header words of 'src' are 'source': the prefix is noise under every spelling the words take.
    return frozenset({prefix, *header_words(prefix)})
