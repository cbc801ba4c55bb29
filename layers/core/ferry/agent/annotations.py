"""Headers that carry more than a name: a type or flag written beside it ('age:int', 'date:date_of_birth',
'external_id:excluded', as configuration-driven importers such as the Community Health Toolkit's write them), or a
number sign for 'number' ('Employee #', '# of Employees'). The header is matched on the name the annotation leaves.

A colon between a name and one of these words is an annotation, as is a cast's double colon ('email::text') and a
type with its length ('status:varchar(20)') after a name of several words ('Birth Date:date'; round 51); any other
colon is left to `namespaces` (a vocabulary's prefix, 'dcterms:title') or is a label's punctuation ('Checked Out To:
Username'). A lookup written into
the header ('location:_id OF place WHERE ...') is no annotation and stays as it is: it holds another record's id.
"""

from __future__ import annotations

import re

# Value types and import flags a header may carry beside its name.
TYPE_WORDS = frozenset(
    {
        "int", "integer", "long", "bigint", "float", "double", "decimal", "number", "numeric", "num",
        "string", "str", "text", "varchar", "char", "bool", "boolean", "date", "datetime", "timestamp", "time",
        "json", "excluded", "ignored", "skip",
    }
)  # fmt: skip

# Two words joined by one colon that touches both ('age:int'); no spaces, so a label's 'To: Username' stays.
_ANNOTATED = re.compile(r"^\s*([A-Za-z_][\w.-]*):([A-Za-z_][\w.-]*)\s*$")
# A type after a name of several words or after a cast's double colon ('Birth Date:date', 'email::text',
# 'status:varchar(20)'; round 51): the colon touches the type, and a length or precision may follow it.
_TYPED = re.compile(r"^\s*(?P<name>[^:]*[^\W\d_][^:]*?)\s*(?:::|:)(?P<type>[A-Za-z]+)(?:\(\d+(?:,\s*\d+)?\))?\s*$")
# A number sign after a word ('Employee #', 'Order#') or before 'of' ('# of Employees').
_TRAILING_SIGN = re.compile(r"(?<=[A-Za-z.])\s*#\s*$")
_LEADING_SIGN = re.compile(r"^\s*#\s*(?=of\b)", re.IGNORECASE)


def without_annotation(header: str) -> str:
    """The name a typed or flagged header leaves ('age:int' → 'age', 'date:date_of_birth' → 'date_of_birth'), with a
    number sign read as the word ('Employee #' → 'Employee number'); any other header unchanged."""
    found = _ANNOTATED.match(header)
    if found:
        name, note = found.group(1), found.group(2)
        if note.lower() in TYPE_WORDS and name.lower() not in TYPE_WORDS:
            return name
        if name.lower() in TYPE_WORDS and note.lower() not in TYPE_WORDS:
            return note
    typed = _TYPED.match(header)
    if typed and typed.group("type").lower() in TYPE_WORDS and typed.group("name").strip().lower() not in TYPE_WORDS:
        return typed.group("name").strip()
    text = _TRAILING_SIGN.sub(" number", header)
    return _LEADING_SIGN.sub("number ", text)
