"""Round 28 (issue 13): more figures and learners' forms for the data, found as dev34's misses, each said the plain
way (after `registered`, before `comment_worded`); a form of wording, never a corpus string:

- a gardener's: 'grow / sow / raise / cultivate them one' as 'make them one'; 'plant / bed / pot X somewhere / in
  some field' as 'put X …' (', wherever they'll take' as ', wherever'); 'X are cuttings / seedlings / clippings I
  don't want on the compost / in the bin' as 'X:' (what is not wanted is losing them);
- a carrier's and a mapmaker's: 'find X a home / a place / a spot (in …)' as 'put X (in …)'; 'leave / keep X off
  the map / chart / books / list / manifest' as 'leave X out' (never denied); 'stamp / label / tag / mark it (as) Y'
  as 'make it Y'; 'read X off Y' as 'take X from Y'; 'redraw / repaint / reprint / re-letter X in lowercase' as
  'write X in lowercase';
- a guide's: a judgement 'Wrong trail / turn / path / road / route / track.' as 'That was wrong.', and 'retrace our
  steps / backtrack / double back (to)' as 'go back (to)';
- a comparison after the request, ', (just) like / same as <a thing>' at a sentence's end, goes (never one naming
  the data: 'same as the Mobile column' stays);
- 'domestic (for us / here) means C' after a number with no country code as 'domestic numbers are from C';
- learners' pairs: 'C (column) has P and Q, (need to / please) make them A and B (accordingly / respectively)' as
  'In C, P means A and Q means B'; a dash before the copula, 'P - is Q', as 'P is Q'; a closing 'Please translate /
  map / convert C accordingly' after pairs as 'In C:' before them, 'Please do this conversion / mapping' gone;
- 'pull every / each / all / any row(s) whose / where …' as 'drop …' (never 'pulled from': that is a source);
- a pointer after 'use column C', ', there is / that is where / it holds the …', goes;
- a reason said as a mapmaker's, "isn't territory we're charting", as "isn't needed"; a closing sentence that says
  the lowercase again as a figure ('This is a map with no capitals on it.') goes after a lowercase request;
- a denied removal of a named column before a request with a pronoun ("Don't just bin the Notes. Can you put them
  …?") as the request with the column for the pronoun.

A message ending in '?' is never rewritten: a figure asked about tells nothing.
"""

from __future__ import annotations

import re

from ferry.recipe.editor.negation_guard import unless_denied

_DATA_WORD_RE = re.compile(
    r"\b(?:column|field|row|value|e-?mail|phone|mobile|name|country|land|date|company|notes?|website|status|"
    r"lifecycle|organi[sz]ation|signup|created|domain)s?\b",
    re.I,
)


_RULES: list[tuple[re.Pattern[str], str]] = [
    # 'grow them one on their Website's domain' -> 'make them one …'
    (
        re.compile(
            r"\b(?:grow|sow|raise|cultivate|sprout|propagate)\s+(them|it|each\s+one)\s+(one|an?\s+(?:new\s+)?"
            r"(?:e-?mail|address))\b",
            re.I,
        ),
        r"make \1 \2",
    ),
    # 'plant them somewhere in the import' -> 'put them somewhere …'
    (
        re.compile(
            r"\b(?:plant|bed|pot|transplant|replant|sow)\s+(them|it|(?:the\s+)?\w+)\s+(?=(?:somewhere|some\s+"
            r"place|anywhere|in\s+(?:some|any|one|a)\b|into\s+(?:some|any|one|a)\b|wherever))",
            re.I,
        ),
        r"put \1 ",
    ),
    (
        re.compile(
            r"\s*,\s*wherever\s+(?:they|it)(?:'ll|\s+will|\s+can|\s+might)?\s+(?:take|grow|root|thrive|fit)\b", re.I
        ),
        ", wherever",
    ),
    # 'The Notes are cuttings I don't want on the compost; …' -> 'The Notes: …'
    (
        re.compile(
            r"^(?P<x>\s*(?:the\s+)?[\w ]{1,30}?)\s+(?:are|is)\s+(?:\w+\s+)?(?:cuttings|clippings|seedlings|"
            r"seeds|bulbs|keepers|treasures|heirlooms)\s+(?:i|we)\s+(?:don't|do\s+not|won't)\s+want\s+"
            r"(?:to\s+lose|on\s+the\s+(?:compost|heap|scrap\s+heap|bonfire)|in\s+the\s+(?:bin|skip|compost))\s*"
            r"[;:,.\u2013\u2014]\s*",
            re.I | re.M,
        ),
        r"\g<x>: ",
    ),
    # 'find them a home in one of the fields' -> 'put them in one of the fields'
    (
        re.compile(
            r"\bfind\s+(them|it|(?:the\s+)?(?!(?:a|an|some|one)\b)\w+)\s+(?:a|one)\s+(?:new\s+)?(?:home|place|"
            r"spot|berth|slot|bed)\b(?!\s+(?:in|into|on|at|somewhere|anywhere)\b)",
            re.I,
        ),
        r"put \1 somewhere",
    ),
    (
        re.compile(
            r"\bfind\s+(them|it|(?:the\s+)?(?!(?:a|an|some|one)\b)\w+)\s+(?:a|one)\s+(?:new\s+)?(?:home|place|"
            r"spot|berth|slot|bed)\s+(?=(?:somewhere|anywhere)\b)",
            re.I,
        ),
        r"put \1 ",
    ),
    (
        re.compile(
            r"\bfind\s+(them|it|(?:the\s+)?(?!(?:a|an|some|one)\b)\w+)\s+(?:a|one)\s+(?:new\s+)?(?:home|place|"
            r"spot|berth|slot|bed)\s+(?=(?:in|into|on|at)\b)",
            re.I,
        ),
        r"put \1 ",
    ),
    # 'Redraw all the emails in lowercase' -> 'write all the emails in lowercase'
    (
        re.compile(
            r"\b(?:redraw|repaint|reprint|re-?letter|re-?ink|retrace)\s+(?=[\w ]{1,40}?\s+in\s+"
            r"(?:lower|small)[\s-]?(?:case|letters))",
            re.I,
        ),
        "write ",
    ),
    # 'read company off the email's domain' -> 'take company from …'
    (re.compile(r"\bread\s+(\w+(?:\s+\w+)?)\s+off\s+(?=(?:the|their|its|each)\b)", re.I), r"take \1 from "),
    # 'Wrong trail.' -> 'That was wrong.'; 'Retrace our steps to …' -> 'go back to …'
    (
        re.compile(
            r"(?:^|(?<=[.!\n]))\s*(?:that\s+was\s+the\s+|that's\s+the\s+)?wrong\s+(?:trail|turn|path|road|"
            r"route|track|way|heading|tack|fork)\s*[.!]",
            re.I,
        ),
        " That was wrong.",
    ),
    (
        re.compile(
            r"\b(?:retrace\s+(?:our|my|your|the)\s+steps|backtrack|double\s+back|head\s+back\s+down)\b(?=\s+to\b)", re.I
        ),
        "go back",
    ),
    # 'domestic for us means Germany' -> 'domestic numbers are from Germany'
    (
        re.compile(
            r"\bdomestic(?:\s+numbers?)?\s+(?:for\s+us|here|to\s+us|in\s+our\s+case)?\s*(?:means|is|=)\s+"
            r"(?=[A-Z][a-z]+\b)"
        ),
        "domestic numbers are from ",
    ),
    # 'Kunde - is customer' -> 'Kunde is customer'
    (re.compile(r"(?<=\w)\s+[-\u2013]\s+(?=(?:is|are|means?)\s+\w)", re.I), " "),
    # 'Pull every row whose Lifecycle is test' -> 'drop every row whose …'
    (
        re.compile(
            r"\bpull\s+(?=(?:every|each|all|any)\s+(?:the\s+)?(?:rows?|records?|contacts?|entr(?:y|ies))\s+"
            r"(?:whose|where|with|that|which|marked)\b)",
            re.I,
        ),
        "drop ",
    ),
    # 'use column Signup Date, there is the date of signing up' -> 'use column Signup Date'
    (
        re.compile(
            r"(\buse\s+(?:the\s+)?(?:column\s+)?[\w ]{1,30}?(?:\s+column)?)\s*,\s*(?:there|that|this|it)\s+"
            r"(?:is|holds|has|'s)\s+(?:where\s+)?(?:the|our|its)\s+[^.;!?]{1,50}",
            re.I,
        ),
        r"\1",
    ),
]
# 'that column isn't territory we're charting (in this import)' -> 'that column isn't needed'
_NOT_TERRITORY_RE = re.compile(
    r"\b(isn't|is\s+not|aren't|are\s+not)\s+(?:a\s+|an\s+|any\s+)?(?:territory|ground|land|terrain|waters|area|"
    r"country)\s+(?:that\s+)?(?:we're|we\s+are|we'll\s+be|we\s+will\s+be|i'm|i\s+am)\s+(?:charting|mapping|"
    r"surveying|exploring|covering)(?:\s+(?:in\s+this\s+(?:import|migration)|here|this\s+time))?\b",
    re.I,
)
# the same said as the reason clause after a request ('…; that column isn't territory we're charting'): it goes
_TERRITORY_REASON_RE = re.compile(
    r"\s*[;,\u2013\u2014]\s*(?:that\s+|this\s+|the\s+)?(?:column|field|one|it|they)\s+" + _NOT_TERRITORY_RE.pattern,
    re.I,
)
# a closing sentence restating a lowercase request as a figure: 'This is a map with no capitals on it.'
_NO_CAPITALS_AGAIN_RE = re.compile(
    r"(?<=[.!])\s*(?:this|that|it)(?:'s|\s+is)\s+(?:a|an|the)\s+(?:\w+\s+){0,2}?with\s+no\s+(?:capitals|capital\s+"
    r"letters|upper\s*case(?:\s+letters)?)(?:\s+(?:on|in)\s+it)?\s*[.!]?\s*$",
    re.I,
)
_LOWER_ASKED_RE = re.compile(r"\blower[\s-]?case\b|\bsmall\s+letters\b", re.I)
# "Don't just bin the Notes. Can you put them in one of the fields?" -> "Can you put the Notes in …"
_COLUMN_KEPT_THEN_RE = re.compile(
    r"^\s*(?i:(?:don't|do\s+not|never)\s+(?:just\s+)?(?:bin|drop|delete|remove|ditch|scrap|toss|dump|lose|"
    r"throw\s+away)\s+(?:them\s+|the\s+|those\s+)?)(?P<x>[A-Z][\w]*(?:\s+[A-Z][\w]*)?)\s*[.;!\u2013\u2014]\s+"
    r"(?P<rest>[^.;!]*?\b)(?:them|it)\b",
)
# 'leave Notes off the map' -> 'leave Notes out' (never denied)
_OFF_THE_MAP_RE = re.compile(
    r"\b(?:leave|keep)\s+(?P<x>(?:the\s+)?[\w ]{1,30}?)\s+off\s+(?:the|our|this|my)\s+(?:map|chart|books|list|"
    r"manifest|roster|register|ledger|inventory)\b",
    re.I,
)
# 'stamp it US' -> 'make it US'
_STAMP_RE = re.compile(r"\b(?:stamp|label|tag|mark|brand)\s+(it|them)\s+(?:as\s+)?(?=[A-Z]{2,3}\b)")
# ', same as domestic mail.' / ', like the return address on an envelope.' at a sentence's end
_COMPARISON_TAIL_RE = re.compile(
    r"\s*,\s*(?:just\s+)?(?:like|same\s+as|as\s+with|as\s+on)\s+(?P<t>(?:a|an|the|any)?\s*[a-z][a-z' ]{2,50}?)"
    r"\s*(?=[.!]|$)",
    re.M,
)
# 'Land column has Deutschland and USA, need to make them DE and US accordingly'
_PAIRS_MADE_RE = re.compile(
    r"^\s*(?:the\s+)?(?P<c>[\w ]{1,30}?)(?:\s+column)?\s+(?:has|holds|contains|shows|says)\s+(?P<p>[\w-]+)\s+and\s+"
    r"(?P<q>[\w-]+)\s*[,;]\s*(?:(?:we\s+|i\s+)?need\s+to\s+|please\s+|pls\s+)?(?:make|turn|change|convert|map)\s+"
    r"(?:them|these|those)\s+(?:into\s+|to\s+)?(?P<a>[\w-]+)\s+and\s+(?P<b>[\w-]+)\s*(?:accordingly|respectively)?"
    r"\s*(?P<end>[.!]?)",
    re.I,
)
# 'Kunde = customer, Interessent = lead. Please translate Lifecycle accordingly.'
_PAIR_SAID_RE = re.compile(r"\w\s*(?:=|->|\u2192|\bis\b|\bmeans\b)\s*\w", re.I)
_TRANSLATE_ACCORDINGLY_RE = re.compile(
    r"(?:^|(?<=[.!\n]))\s*(?:please\s+|pls\s+|kindly\s+)?(?:translate|map|convert|recode|change)\s+(?:the\s+)?"
    r"(?P<c>[\w ]{1,30}?)(?:\s+column|\s+values)?\s+(?:accordingly|that\s+way|like\s+that|as\s+such)\s*[.!]?\s*$",
    re.I,
)
_DO_CONVERSION_RE = re.compile(
    r"(?:^|(?<=[.!\n]))\s*(?:please\s+|pls\s+|kindly\s+)?(?:do|make|apply|perform)\s+(?:this|that|the|these)\s+"
    r"(?:conversions?|mappings?|translations?|changes?)\s*[.!]?\s*$",
    re.I,
)


# ', like that will fix anything' is a clause, said in scorn, not a thing compared with: the message stays as typed
_CLAUSE_WORD_RE = re.compile(r"\b(?:will|would|could|should|can|might|is|are|was|were|does|do|did|has|have|had)\b")


def _comparison_gone(m: re.Match[str]) -> str:
    return m.group(0) if _DATA_WORD_RE.search(m["t"]) or _CLAUSE_WORD_RE.search(m["t"]) else ""


def _pairs_made(m: re.Match[str]) -> str:
    return f"In {m['c'].strip()}, {m['p']} means {m['a']} and {m['q']} means {m['b']}{m['end'] or '.'}"


def _accordingly(message: str) -> str:
    closing = _TRANSLATE_ACCORDINGLY_RE.search(message)
    before = message[: closing.start()] if closing else message
    if closing is not None and _PAIR_SAID_RE.search(before):
        return f"In {closing['c'].strip()}: {before.strip()}"
    done = _DO_CONVERSION_RE.search(message)
    if done is not None and _PAIR_SAID_RE.search(message[: done.start()]):
        return message[: done.start()].strip()
    return message


def craft_figured(message: str) -> str:
    """The message with dev34's voices' figures and learners' forms said plainly; a question comes back as it was."""
    if message.rstrip().endswith("?"):
        return message
    said = message
    for pattern, plain in _RULES:
        said = pattern.sub(plain, said)
    said = _OFF_THE_MAP_RE.sub(lambda m: unless_denied(m, f"leave {m['x']} out"), said)
    said = _STAMP_RE.sub(lambda m: unless_denied(m, f"make {m[1]} "), said)
    said = _COMPARISON_TAIL_RE.sub(_comparison_gone, said)
    said = _PAIRS_MADE_RE.sub(_pairs_made, said)
    said = _accordingly(said)
    said = _TERRITORY_REASON_RE.sub("", said)
    said = _NOT_TERRITORY_RE.sub(r"\1 needed", said)
    if _LOWER_ASKED_RE.search(said):
        said = _NO_CAPITALS_AGAIN_RE.sub("", said)
    said = _COLUMN_KEPT_THEN_RE.sub(lambda m: f"{m['rest']}the {m['x']}", said)
    return said if said == message else said.strip()
