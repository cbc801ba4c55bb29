"""Round 34: requests said in forms the grammar reads only when said plainly.

- a passive removal: 'Any row whose Lifecycle is 'test' gets cut from the import', 'rows without an email are
  removed' is 'drop <those rows>' (the rows named by a condition, so a column is never the subject);
- 'clear out X' / 'clear X out' / 'clear them out' is 'remove X' (an exterminator's, a cleaner's removal);
- an undo back to the previous anything ('Roll back to the previous cut', 'go back to the last draft') is 'go back
  to the previous version': the noun is the speaker's word for a version;
- a mix of cases said as a mix ('a patchy mix of upper and lower case') is 'mixed case', and a verb that brings
  something down to lowercase ('Sand them all down to lowercase', 'knock the emails down to lower case') is
  'lowercase <it>';
- a purpose after the request that says only that the values will agree ('… so they match', 'so that they all line
  up') goes: it asks nothing more;
- a requirement that ceases ('the email field cease to be mandatory', 'email should stop being required', 'email
  no longer be compulsory') is 'make email optional'.
"""

from __future__ import annotations

import re

_ROWS = r"(?:any|every|each|all|all the|the|those|these)?\s*(?:rows?|records?|entries|entry|contacts?|lines?)"
_PASSIVE_REMOVAL_RE = re.compile(
    # (the rows' words hold no second clause: '… do not meet the requirements and shall be removed' is left)
    rf"^(?P<rows>{_ROWS}\s+(?:where|whose|with|without|that|which|in which|missing|lacking)\b"
    r"(?:(?!\b(?:and|but|so|not|never|do|does|don't|doesn't)\b)[^,;])+?)\s+"
    r"(?:gets?|is|are|will be|shall be)\s+(?:cut|dropped|removed|deleted|excluded|struck|taken out|thrown out|"
    r"kicked out|left out|cleared out|filtered out|weeded out)"
    r"(?:\s+(?:from|of|out of)\s+(?:the\s+)?(?:import|load|sheet|file|migration|data|list))?\s*$",
    re.I,
)
_CLEAR_OUT_RE = re.compile(r"\bclear\s+out\s+(?=\S)|\bclear\s+(?P<x>them|those rows|'em|these|those|it)\s+out\b", re.I)
_UNDO_TO_RE = re.compile(
    r"\b(?P<verb>roll|go|step|revert|take (?:it|us|me|this|things))\s+back\s+to\s+(?:the|my|our)\s+"
    r"(?P<which>previous|last|earlier|prior|old|former)\s+(?!version\b)[\w-]+\b",
    re.I,
)
_CEASE_RE = re.compile(
    r"^(?:.*?\bthat\s+)?(?P<x>(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)\s+(?:field\s+)?(?:should\s+|to\s+|must\s+)?"
    r"(?:cease\s+to\s+be|stop\s+being|no\s+longer\s+be)\s+"
    r"(?:mandatory|required|compulsory|obligatory)\b(?P<rest>.*)$",
    re.I,
)
_CASE_MIX_RE = re.compile(
    r"\ban?\s+(?:[\w-]+\s+){0,2}?mix(?:ture)?\s+of\s+upper(?:\s*-?\s*case)?\s+and\s+lower\s*-?\s*case\b", re.I
)
_DOWN_TO_LOWER_RE = re.compile(
    r"\b(?:sand|knock|bring|take|tone|turn|scale|file|shave|put)\s+(?P<x>them|it|those|these|(?:the\s+)?[\w-]+)"
    r"(?:\s+all)?\s+down\s+(?:in)?to\s+(?:lower\s*-?\s*case|small letters)\b",
    re.I,
)
_AGREE_PURPOSE_RE = re.compile(
    r",?\s+so(?:\s+that)?\s+(?:they|it|everything|all of them|the \w+)\s+(?:all\s+)?(?:match(?:es)?|line\s+up|"
    r"look\s+the\s+same|(?:are|is)\s+consistent|agree)\s*$",
    re.I,
)
_PIECE_RE = re.compile(r"[^.;!?\n]+|[.;!?\n]+")


def plainly_said(message: str) -> str:
    """The message with each of those forms said as the grammar's plain command."""
    out: list[str] = []
    for piece in _PIECE_RE.findall(message):
        core = piece.strip()
        if (m := _PASSIVE_REMOVAL_RE.match(core)) is not None:
            piece = piece.replace(core, f"drop {m['rows']}")
        elif (m := _CEASE_RE.match(core)) is not None:
            piece = piece.replace(core, f"make {m['x'].strip()} optional{m['rest']}")
        piece = _DOWN_TO_LOWER_RE.sub(lambda d: f"lowercase {d['x']}", _CASE_MIX_RE.sub("mixed case", piece))
        piece = _AGREE_PURPOSE_RE.sub("", piece)
        piece = _CLEAR_OUT_RE.sub(lambda c: f"remove {c['x']}" if c["x"] else "remove ", piece)
        piece = _UNDO_TO_RE.sub(lambda u: f"{u['verb']} back to the {u['which']} version", piece)
        out.append(piece)
    return "".join(out)
