"""Headers written as a vocabulary's term ('dcterms:title', 'Dublin Core:Title', 'schema:name', 'foaf:givenName'):
the prefix names the vocabulary (Dublin Core, schema.org, FOAF), the term after the colon the field. The header is
matched on the term. A colon with a space around it ('Checked Out To: Username') is a label's punctuation, not a
vocabulary prefix, and stays."""

from __future__ import annotations

import re

# A one- or two-word prefix of letters, a colon touching both words, then the term.
_NAMESPACED = re.compile(r"^([A-Za-z]+(?: [A-Za-z]+)?):([A-Za-z][\w .-]*)$")


def without_namespace(header: str) -> str:
    """The term of a namespaced header ('Dublin Core:Title' → 'Title'); any other header unchanged."""
    found = _NAMESPACED.match(header.strip())
    return found.group(2) if found else header
