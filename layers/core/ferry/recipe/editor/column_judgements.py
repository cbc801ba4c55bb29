"""A judgement of a column, then its removal: 'The Notes column is clutter. Drop it.' unmaps the column.

'<the X column> is <judgement>' says what the speaker thinks of the column, so the 'it' of a removal after it is the
column, never the rows where X holds the judgement's word ('clutter' read as a value dropped rows). Said as 'Drop
the X column.' A message that speaks of rows or values ('rows whose Notes say clutter', 'drop them', a quoted
value) is a row filter and is left as typed.
"""

from __future__ import annotations

import re

# '<the / that / this / our X column> is / 's / seems (just / pure / a / total …) <one to three words>', then a
# removal of 'it' in the same or the next sentence
_JUDGED_REMOVAL_RE = re.compile(
    r"\b(?P<subject>(?:the|that|this|our|your|my)\s+(?P<column>[A-Za-z][\w-]*(?:\s[A-Za-z][\w-]*)?)\s+column)\s+"
    r"(?:is|'s|seems|looks)\s+(?:(?:just|pure|only|total|utter|complete|basically|really|so|a|an)\s+)*"
    r"(?P<judgement>[a-z][\w-]*(?:\s[a-z][\w-]*){0,2})\s*(?:[.!;,]|\s+-|\s+and)\s*(?:so\s+)?(?:please\s+|just\s+)*"
    r"(?:(?:drop|remove|delete|bin|ditch|scrap|cut|lose|kill|axe|nuke|get\s+rid\s+of)\s+it\b|"
    r"(?:leave|take|throw|keep|cut)\s+it\s+out\b)",
    re.I,
)


def judged_column_removal(message: str) -> str:
    """'The Notes column is clutter. Drop it.' → 'Drop the Notes column.'; anything else as typed."""
    return _JUDGED_REMOVAL_RE.sub(lambda m: f"Drop the {m['column']} column", message)
