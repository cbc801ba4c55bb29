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

Round 35 (dev42's forms):
- a requirement relaxed ('relax / lift / loosen / drop / waive the requirement on / for email', 'the requirement on
  email') is 'make email optional'; a purpose after it that says only the same ('so that it becomes optional') goes;
- a removal 'out of the <anything>' ('Leave it out of the build', 'keep Notes out of the mix') is 'out': the noun
  is the speaker's word for the import; ', not even passed / routed / carried through' after it says 'completely';
- a place given ('Give it a spot / a room / a home in one of the fields', 'Fit it into whichever field …', 'X needs
  a room somewhere in …') is 'put X in …' / 'put X somewhere' (the field left open: the editor asks which);
- values 'translated / converted into the F field's codes / values, P as A …' are 'translated: P as A …';
- a split described by its parts after a colon ('Split it: the surname is the last word, carried with any 'van'
  …, and the rest is the first name') is 'Split it.': the parts are the split the editor makes, particles and all;
- a removal denied in the passive ('Rows without an email should not be discarded') is 'don't drop <those rows>'
  (read then by the kept-rows rules with the request after it);
- a request asked of someone named ('I would ask the authors / the team to keep …', 'I'd ask you to …') is the
  request itself;
- after a fallback ('… fell back to Mobile for the contacts that have no Work Phone'), 'keep X where it's there /
  where there is one / where it is set' restates the fallback's first choice and goes.
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
_RELAXED_RE = re.compile(
    r"\b(?:relax|lift|loosen|drop|waive|remove|ease)\s+(?:the\s+)?requirement\s+(?:on|for|of)\s+(?:the\s+)?"
    r"(?P<x>[\w-]+)(?:\s+field)?(?:,?\s+so(?:\s+that)?\s+(?:it|the\s+field|\w+)\s+(?:becomes|is|turns)\s+optional)?",
    re.I,
)
_OUT_OF_RE = re.compile(
    r"\b(?P<verb>leave|keep)\s+(?P<x>it|them|(?:the\s+)?[\w-]+(?:\s+column)?)\s+out\s+of\s+(?:the|this|our|my)\s+"
    r"(?!rows?\b|records?\b|list\b)[\w-]+(?:\s+(?!and\b|but\b|completely\b|entirely\b|altogether\b)[a-z][\w-]*)?"
    r"(?P<tail>(?:\s+completely|\s+entirely|\s+altogether)?"
    r"(?:,?\s+not\s+even\s+(?:passed|routed|carried|sent|piped|run)\s+through)?)",
    re.I,
)
_NOT_EVEN_THROUGH_RE = re.compile(r",?\s+not\s+even\s+(?:passed|routed|carried|sent|piped|run)\s+through\b", re.I)
_PLACE_GIVEN_RE = re.compile(
    r"\b(?:give|find)\s+(?P<x>it|them|(?:the\s+)?[\w-]+(?:\s+column)?)\s+an?\s+(?:\w+\s+)?"
    r"(?:spot|place|room|home|slot|bed|seat|berth|corner)\s+(?P<where>in\b|somewhere\b)"
    r"|\bfit\s+(?P<y>it|them|(?:the\s+)?[\w-]+(?:\s+column)?)\s+(?:in)?to\s+(?=(?:one|any|some|whichever|a)\b)",
    re.I,
)
_NEEDS_PLACE_RE = re.compile(
    r"^(?P<x>(?:the\s+)?[\w-]+(?:\s+column)?)\s+(?:needs|wants|deserves)\s+an?\s+(?:\w+\s+)?"
    r"(?:spot|place|room|home|slot|bed|seat|berth|corner)\s+somewhere\b.*$",
    re.I,
)
_TRANSLATED_INTO_RE = re.compile(
    r"\b(?P<verb>translated|converted|mapped|turned)\s+(?:in)?to\s+(?:the\s+)?[\w-]+(?:\s+field)?(?:'s|\u2019s)?\s+"
    r"(?:codes|values)\s*[,:]",
    re.I,
)
_DENIED_PASSIVE_RE = re.compile(
    rf"^(?P<rows>{_ROWS}\s+(?:where|whose|with|without|that|which|missing|lacking)\b[^,;]+?)\s+"
    r"(?:should|must|shall|may|can|will)\s*(?:not|n't)\s+be\s+(?:cut|dropped|removed|deleted|discarded|excluded|"
    r"thrown\s+(?:out|away)|filtered\s+out|left\s+out)\s*$",
    re.I,
)
_ASKED_OF_RE = re.compile(
    r"\bI(?:\s+would|'d|\u2019d)\s+(?:like\s+to\s+)?ask\s+(?:you|the\s+[\w-]+|[\w-]+)\s+(?:kindly\s+)?to\s+", re.I
)
_SPLIT_BY_PARTS_RE = re.compile(
    r"\b(?P<split>split\s+(?:it|them|(?:the\s+)?[\w-]+(?:\s+[\w-]+)?))\s*:\s*(?P<parts>[^.!?\n]*"
    r"\b(?:last|first|given|family)\s+(?:word|name)s?\b[^.!?\n]*|[^.!?\n]*\bsurname\b[^.!?\n]*)",
    re.I,
)
_FALLBACK_RE = re.compile(
    r"\b(?:fall(?:s|ing)?\s+back|fell\s+back|when(?:ever)?|where|if)\b[^.!?]*\b(?:no|empty|blank|missing|without|lack\w*)\b",
    re.I,
)
_KEPT_WHERE_THERE_RE = re.compile(
    r"(?:^|(?<=[.;!]))\s*keep\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:where|when|if)\s+(?:(?:it's|it\s+is|it\u2019s)\s+"
    r"(?:there|present|set|filled(?:\s+in)?|available)|there\s+is\s+one|there's\s+one|it\s+exists)\s*[.!]?\s*$",
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
        elif (m := _DENIED_PASSIVE_RE.match(core)) is not None:
            piece = piece.replace(core, f"don't drop {m['rows']}")
        elif (m := _NEEDS_PLACE_RE.match(core)) is not None:
            piece = piece.replace(core, f"put {m['x']} somewhere")
        piece = _ASKED_OF_RE.sub("", piece)
        piece = _RELAXED_RE.sub(lambda r: f"make {r['x']} optional", piece)
        piece = _OUT_OF_RE.sub(lambda o: f"{o['verb']} {o['x']} out", piece)
        piece = _NOT_EVEN_THROUGH_RE.sub("", piece)
        piece = _PLACE_GIVEN_RE.sub(_put, piece)
        piece = _TRANSLATED_INTO_RE.sub(lambda t: f"{t['verb']}:", piece)
        piece = _DOWN_TO_LOWER_RE.sub(lambda d: f"lowercase {d['x']}", _CASE_MIX_RE.sub("mixed case", piece))
        piece = _AGREE_PURPOSE_RE.sub("", piece)
        piece = _CLEAR_OUT_RE.sub(lambda c: f"remove {c['x']}" if c["x"] else "remove ", piece)
        piece = _UNDO_TO_RE.sub(lambda u: f"{u['verb']} back to the {u['which']} version", piece)
        out.append(piece)
    said = _SPLIT_BY_PARTS_RE.sub(lambda p: p["split"], "".join(out))
    if _FALLBACK_RE.search(said) and (k := _KEPT_WHERE_THERE_RE.search(said)) and k.start() > 0:
        said = said[: k.start()].rstrip() or said
    return said


def _put(m: re.Match[str]) -> str:
    """'give it a spot in …' → 'put it in …'; 'fit it into whichever …' → 'put it in whichever …'."""
    if m["y"]:
        return f"put {m['y']} in "
    return f"put {m['x']} {m['where']}"
