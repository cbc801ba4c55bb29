"""Round 34: a removal's 'them' whose antecedent is rows is the rows, not a column.

'Any row with no email walks the plank. Drop every last one of 'em' and 'rows without an email address cannot be
accommodated; please remove them' said which rows go, then 'them' for those rows; read against the field the row
condition names ('email'), 'remove them' also stopped importing email. When the sentence just before (or the
clause before, in the same sentence) describes rows by a condition ('rows without X', 'any row with no X', 'rows
where …', 'records whose …') and the next one removes 'them' / ''em' / 'those', the pronoun is said as 'those rows',
so the removal is the row filter only. 'Email is junk. Remove it.' has no rows before 'it' and still unmaps.
"""

from __future__ import annotations

import re

# rows described by a condition: who the pronoun after them means
_ROWS_RE = re.compile(
    r"\b(?:rows?|records?|entries|entry|lines?|contacts?)\s+(?:(?:in|of)\s+the\s+\w+\s+)?(?:without|with\s+no|"
    r"with\s+(?:an?\s+)?(?:empty|blank|missing)|missing|lacking|that\s+(?:have|has|lack)s?\s+no|having\s+no|where|"
    r"whose|in\s+which|for\s+which)\b",
    re.I,
)
# rows said to lack the value (the sentence before): 'them' would otherwise fall on that value's column; rows 'where /
# whose …' before a bare 'drop them' are read with it as one filter already
_MISSING_ROWS_RE = re.compile(
    r"\b(?:rows?|records?|entries|entry|lines?|contacts?)\s+(?:without|with\s+no|with\s+(?:an?\s+)?(?:empty|blank|"
    r"missing)|missing|lacking|that\s+(?:have|has|lack)s?\s+no|having\s+no)\b",
    re.I,
)
# a removal whose object is a bare pronoun (a figure's 'every last one of 'em' included)
_REMOVAL_RE = re.compile(
    r"\b(?P<verb>drop|remove|delete|purge|discard|exclude|skip|cut|ditch|bin|scrap|toss|kill|get\s+rid\s+of|"
    r"throw|weed|filter|clear|take)\s+(?P<pronoun>(?:every\s+(?:last\s+|single\s+)?one\s+of\s+|all\s+of\s+)?"
    r"(?:them|'em|em)\b|those\b(?!\s+\w+s\b))",
    re.I,
)
_COURTESY_RE = re.compile(r"[\s,\-]*(?:(?:please|kindly|so|and|then|just|now|simply)[\s,]*)*", re.I)
_DENIAL_RE = re.compile(r"\b(?:no|not|never|don'?t|do not|doesn'?t)\s*$", re.I)
_PIECE_RE = re.compile(r"[^.;:!?]+[.;:!?]*")


def rows_meant(message: str) -> str:
    """The message with a removal's pronoun said as 'those rows' where the piece before it describes rows."""
    pieces = _PIECE_RE.findall(message)
    out: list[str] = []
    before = ""
    for piece in pieces:
        removal = _REMOVAL_RE.search(piece)
        lead = piece[: removal.start()] if removal else ""
        denied = _DENIAL_RE.search(lead) is not None  # 'no delete them': the negation guard reads it as typed
        if (
            removal
            and not denied
            and (_ROWS_RE.search(lead) or (_only_courtesy(lead) and _MISSING_ROWS_RE.search(before)))
        ):
            piece = piece[: removal.start("pronoun")] + "those rows" + piece[removal.end("pronoun") :]
        out.append(piece)
        before = piece
    return "".join(out) if "".join(pieces) == message else message


def _only_courtesy(lead: str) -> bool:
    """Only politeness or a joining word before the removal ('please remove them', 'so delete them')."""
    return _COURTESY_RE.fullmatch(lead) is not None
