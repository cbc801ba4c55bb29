"""Round 30 (issue 13): figures, definitions, asides and learners' word orders of dev37's voices, said the plain way.
Each is a form, never a sentence; a message ending in '?' is never rewritten by a figure (one asked about changes
nothing), and a figure under a negation is left as typed:

- a column let go: 'throw X / the whole column back', 'close out the X position', 'release X back into the water /
  pond' are 'leave X out' ('the whole column' after a sentence about X is X); 'X is a <word>, not worth keeping.' is
  'X is not worth keeping.'; 'Nothing from X goes into the import' is "don't import X"; 'Zero exposure:' goes;
- rows removed: 'burn / torch / shred / scrub every row whose …' is 'drop every row whose …'; ', and none of it
  reaches the import' after it goes;
- a step undone: 'take a mulligan on / replay that last change', 'turn back the wheel / clock (to the version
  before it)' are 'undo the last change';
- required: '(downgrade / demote / relax / move) X from required / mandatory to optional' is 'make X optional', and
  the other way round 'make X required';
- a market or an oracle: 'quoted / listed / traded in the German market / exchange' is 'German'; 'The cards / stars /
  spirits / tea leaves speak / say / tell (me) (clearly) about X:' is 'X:'; 'the spirits / the cards won't say;' goes;
- a definition: 'Let / Define F = C when C is non-empty / present; otherwise (F =) Y' is 'When C is empty, F = Y';
  'Impose / enforce uniqueness on X' is 'dedup on X';
- a gap: 'X comes up / turns up empty on a few / some <rows>. On those rows, …' is 'When X is empty, …'; '; where
  there is an X, keep it' is '; otherwise keep X';
- asides: 'Do me a favor / Be a pal,' and 'Whaddaya got … for, like …?' go; 'Read / Date every <thing> that way /
  in that order.', 'Numbers already carrying a code keep theirs.', ': no country code means +49', 'Plenty of / Half
  (of) these … without one / never gave us one' go (an example date after the order, '; 25/03/2024 is the
  twenty-fifth of March', is read by `example_dates`); 'the lot' after a
  case verb is 'them all'; "'em" after a verb is 'them'; a name particle that 'travels / sticks with the surname' goes;
- learners' word order: 'These rows not delete please' is "Don't delete these rows"; 'X have not Y' is 'X have no Y';
  'X column, this is …' is 'X is …'; 'please give it / them to F' is 'please map it to F'; after value pairs ('A
  means B'), 'Please put so / it / them in F.' goes (the pairs say it).
"""

from __future__ import annotations

import re

from ferry.recipe.editor.negation_guard import unless_negated

_X = r"(?P<x>(?:the\s+)?[A-Z\u27e6][\w'\u27e6\u27e7 ]{0,30}?)"
_END = r"(?=\s*(?:[,.;:!\n]|$))"
_ROWS = r"(?:rows?|records?|contacts?|entr(?:y|ies)|casts?|lines?)"
_ME = r"(?:I'?ll\s+|I\s+will\s+|let\s+me\s+|I'?d\s+like\s+to\s+)?"

_FIGURES: list[tuple[re.Pattern[str], str]] = [
    # a column let go ('the whole column' after a sentence naming X is X)
    (re.compile(rf"^\s*{_X}\s+(?:is|are)\s+an?\s+[\w-]{{2,20}},\s*not\s+worth\s+(?:keeping|importing|the\s+"
                r"trouble)\s*\.\s*(?P<v>throw|toss|chuck|put|release|let\s+go)\s+(?:the\s+whole\s+column|the\s+column|"
                r"it|them)\s+back\b", re.I), r"\g<v> \g<x> back"),
    (re.compile(rf"\b(?:throw|toss|chuck|put|release|let\s+go)\s+{_X}\s+back(?:\s+(?:in(?:to)?\s+the\s+(?:water|pond|"
                rf"river|sea|lake)))?{_END}", re.I), r"leave \g<x> out"),
    (re.compile(rf"\b(?:close\s+out|liquidate|exit|unwind|sell\s+off)\s+the\s+{_X}\s+(?:position|holding|stake)"
                r"(?:\s+(?:completely|entirely|fully|altogether))?" + _END, re.I), r"leave \g<x> out"),
    (re.compile(r"(?:^|(?<=[.!;\n]))\s*zero\s+(?:exposure|allocation|position)\s*[:.,]\s*", re.I), " "),
    (re.compile(rf"\bnothing\s+(?:from|of)\s+{_X}\s+(?:goes|gets|makes\s+it|comes)\s+(?:in(?:to)?)\s+the\s+import"
                r"\b", re.I), r"don't import \g<x>"),
    (re.compile(r"(?<=[.!])\s*(?:that|the|this)\s+column\s+(?:doesn'?t|does\s+not|won'?t|will\s+not)\s+get\s+"
                r"imported\s*[.!]*\s*$", re.I), ""),
    # rows removed
    (re.compile(rf"\b(?:burn|torch|shred|scrub|incinerate)\s+(?=(?:every|each|all|any|the)\s+{_ROWS}\s+"
                r"(?:whose|where|with|that|which)\b)", re.I), "drop "),
    (re.compile(r",?\s*and\s+none\s+of\s+(?:it|them)\s+(?:reaches|goes\s+into|makes\s+it\s+into|gets\s+into)\s+the\s+"
                r"import(?=\s*[.!]?\s*$)", re.I), ""),
    # a step undone
    (re.compile(rf"\b{_ME}(?:take|have|use)\s+a\s+mulligan\s+on\s+(?:that|the|my)\s+last\s+(?:change|edit|move|shot|step)\b",
                re.I), "undo the last change"),
    (re.compile(rf"\b{_ME}replay\s+(?:that|the|my)\s+last\s+(?:change|edit|move|shot|step)\b", re.I),
     "undo the last change"),
    (re.compile(r"\bturn\s+back\s+the\s+(?:wheel|clock|hands|tide|dial)(?:\s+to\s+(?:the\s+)?version\s+before\s+"
                r"(?:it|that|the\s+last\s+change))?", re.I), "undo the last change"),
    # required and optional
    (re.compile(r"\b(?:downgrade|demote|relax|move|switch|change|loosen)\s+(?P<x>[\w-]{2,30})\s+from\s+(?:required|"
                r"mandatory|compulsory)\s+to\s+optional\b", re.I), r"make \g<x> optional"),
    (re.compile(r"\b(?:upgrade|promote|move|switch|change|tighten)\s+(?P<x>[\w-]{2,30})\s+from\s+optional\s+to\s+"
                r"(?:required|mandatory|compulsory)\b", re.I), r"make \g<x> required"),
    # a market, an oracle
    (re.compile(r"\b(?:(?:are|is)\s+)?(?:quoted|listed|traded|priced)\s+(?:in|on)\s+the\s+(?P<c>[A-Z]\w+)\s+"
                r"(?:market|exchange|bourse)\b"), r"are \g<c>"),
    (re.compile(r"(?:^|(?<=[.!\n]))\s*the\s+(?:cards|stars|spirits|tea\s+leaves|crystal\s+ball|runes|bones)\s+"
                rf"(?:speak|say|tell|show|whisper)(?:\s+me)?(?:\s+clearly)?\s+(?:about|of)\s+{_X}\s*:", re.I),
     r"\g<x>:"),
    (re.compile(r",?\s*the\s+(?:spirits|cards|stars|runes)\s+(?:won'?t|will\s+not|don'?t|do\s+not|can'?t|cannot)\s+"
                r"(?:say|tell)\s*[;,]\s*", re.I), ", "),
    # a definition
    (re.compile(r"\b(?:let|define|set)\s+(?P<f>[\w-]{2,30})\s*(?:=|:=|be)\s*(?P<c>[\w\u27e6\u27e7' -]{1,30}?)\s+"
                r"(?:when|if|where)\s+(?P=c)\s+is\s+(?:non-?empty|not\s+empty|present|given|filled|set)\s*[;,]\s*"
                r"(?:and\s+)?otherwise\s*,?\s*(?:(?P=f)\s*(?:=|:=|is)\s*)?", re.I), r"when \g<c> is empty, \g<f> = "),
    (re.compile(r"\b(?:impose|enforce|require|demand)\s+uniqueness\s+(?:on|of|for)\s+(?P<x>[\w-]{2,30})\b", re.I),
     r"dedup on \g<x>"),
    # a gap said as a situation, then 'on those rows'
    (re.compile(rf"(?:^|(?<=[.!\n]))\s*{_X}\s+(?:comes|come|turns|turn|shows|show)\s+up\s+(?:empty|blank)\s+(?:on|in)\s+"
                rf"(?:a\s+few|some|several|many)\s+{_ROWS}\s*\.\s*(?:on|in|for)\s+(?:those|these|them|such)\s+"
                rf"(?:{_ROWS}\s*)?,?\s*", re.I), r"When \g<x> is empty, "),
    (re.compile(rf";\s*where\s+there\s+is\s+(?:an?\s+)?{_X}\s*,\s*keep\s+it\b", re.I), r"; otherwise keep \g<x>"),
    # asides
    (re.compile(r"(?:^|(?<=[.!\n]))\s*(?:do\s+me\s+a\s+favou?r|be\s+a\s+pal|be\s+a\s+doll|be\s+a\s+sport)\s*[,:!.]\s*",
                re.I), " "),
    (re.compile(r"(?:^|(?<=[.!\n]))\s*(?:whaddaya|what\s+do\s+you|why\s+do\s+you|what'?cha)\s+got\s+(?P<x>[^?!\n]{1,40}?)\s+"
                r"(?P<s>in\s+(?:capitals|caps|upper\s*case|lower\s*case)|blank|empty|with\s+spaces)\s+for"
                r"(?:,\s*like\s+[^?\n]{1,40})?\?\s*", re.I), r"\g<x> are \g<s>. "),
    (re.compile(r"(?<=[.!;])\s*(?:read|date|take|parse|treat)\s+every\s+(?:date|find|one|value|day|entry)\s+"
                r"(?:that\s+way|in\s+that\s+order|like\s+that|the\s+same\s+way)\s*[.!;]?", re.I), ""),
    (re.compile(r"(?<=[.!])\s*(?:numbers|phones|ones|those)\s+(?:already\s+)?(?:carrying|having|bearing|with)\s+"
                r"(?:a|an|their\s+own)\s+(?:country\s+)?code\s+(?:keep\s+theirs|keep\s+it|stay\s+as\s+they\s+are)"
                r"\s*[.!]*\s*$", re.I), ""),
    (re.compile(r":\s*no\s+country\s+code\s+means\s+\+\d{1,3}\s*(?=[.!]|$)", re.I), ""),
    (re.compile(r"(?<=[.!?])\s*(?:plenty\s+of|lots\s+of|many|half(?:\s+of)?)\s+(?:these\s+|the\s+|our\s+)?[\w ]{1,20}?"
                r"\s+(?:\w+\s+)?(?:without\s+one|never\s+gave\s+us\s+one|have\s+none|don'?t\s+have\s+one)"
                r"(?:,\s*ya\s+know\??)?\s*[.!?]*\s*$", re.I), ""),
    (re.compile(r"\b(?P<v>lowercase|uppercase|lower-case|upper-case|capitali[sz]e|trim|drop|keep)\s+the\s+lot\b",
                re.I), r"\g<v> them all"),
    (re.compile(r"\b(?P<v>make|put|take|read|treat|keep|drop)\s+'em\b", re.I), r"\g<v> them"),
    (re.compile(r"(?<=\ball\s)(?P<w>lowercase|uppercase|lower\s+case|upper\s+case)\s*,\s*every\s+(?:one|last\s+one)\b",
                re.I), r"\g<w>"),
    (re.compile(r"[,;]?\s*(?:and\s+)?(?:an?\s+)?(?:\u27e6\d+\u27e7|'[^']{1,12}'|van\s+der|von|van|de\s+la)\s+"
                r"(?:travels|sticks|remains|lives)\s+with\s+(?:it|the\s+(?:surname|last\s*name))(?=\s*[.!)]|\s*$)",
                re.I), ""),
    # learners' word order
    (re.compile(r"\b(?P<s>these|those|such)\s+(?P<r>rows|contacts|records)\s+not\s+(?P<v>delete|remove|drop|import)"
                r"(?:\s+please)?\b", re.I), r"Don't \g<v> \g<s> \g<r>, please"),
    (re.compile(rf"\b(?P<r>(?i:some)\s+(?i:{_ROWS}))\s+have\s+not\s+(?=[A-Z\u27e6])"), r"\g<r> have no "),
    (re.compile(rf"(?:^|(?<=[.!\n]))\s*{_X}\s+column\s*,\s*(?:this|it|that)\s+is\s+", re.I), r"\g<x> is "),
    (re.compile(r"\bplease\s+give\s+(?P<o>it|them|this|that)\s+to\s+(?=[\w\u27e6])", re.I), r"please map \g<o> to "),
]  # fmt: skip
_TAG_RE = re.compile(r",\s*(?:ya|you)\s+know\s*\?\s*$", re.I)
# after value pairs ('Kunde, it means customer, Interessent means lead.'): 'Please put so / it in status.' goes
_PAIRS_RE = re.compile(r"\bmeans?\b[^.!?\n]*\bmeans?\b|\bmeans?\b[^.!?\n]*,\s*\S+\s+means?\b", re.I)
_PUT_SO_RE = re.compile(
    r"(?<=[.!])\s*(?:please\s+)?(?:put|write|store|use)\s+(?:so|it|them|this|that|these|like\s+this|like\s+that)\s+"
    r"(?:in|into|for)\s+[\w\u27e6\u27e7]{2,30}(?:\s+field)?\s*[.!]?\s*$",
    re.I,
)


def spoken_figured(message: str) -> str:
    """`message` with the figures, definitions, asides and word orders above said the plain way; a message ending in
    '?' comes back as it was, and so does one that would be left with no words."""
    said = _TAG_RE.sub(".", message)  # ', ya know?' asks nothing
    if said.rstrip().endswith("?"):
        return message
    for pattern, plain in _FIGURES:
        said = pattern.sub(unless_negated(plain), said)
    if _PAIRS_RE.search(said):
        said = _PUT_SO_RE.sub("", said)
    said = re.sub(r"[ \t]{2,}", " ", said).strip()
    return said if re.search(r"\w", said) else message
