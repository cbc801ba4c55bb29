"""Field names of a search index carrying the index's type suffix (round 44, issue 12): Solr's dynamic fields, as
Blacklight, Spotlight and Samvera write them, end in a code of the value's type and how it is kept ('full_title_tesim':
English text, stored, indexed, multivalued; 'date_ssi', 'created_dtsi', 'count_isi', 'public_bsi'). The code says
nothing about what the column holds, as an '_id' or '_type' form word says nothing of the thing it is about: the
header is read without it. Only the codes both stored and indexed ('s', then 'i', optionally 'm') after a type code
are read so, after a snake_case name: shorter tails ('_sim', '_tim', '_ssm') are words or initials in other headers."""

from __future__ import annotations

import re

# A snake_case name, then a type code (text, English text, string, date, integer, boolean, long, float, double) and
# the stored + indexed flags, optionally multivalued.
_INDEX_SUFFIX = re.compile(r"^(?P<name>[a-z][a-z0-9]*(?:_[a-z0-9]+)*)_(?:te|t|s|dt|i|b|l|lt|it|f|d|db)sim?$")


def without_index_suffix(header: str) -> str:
    """The field name without its index type suffix ('full_title_tesim' → 'full_title'); any other header unchanged."""
    found = _INDEX_SUFFIX.match(header.strip())
    return found.group("name") if found else header
