"""Round 33 (issue 13): figures of dev40's voices (a rally co-driver's pace notes, a poker player, a funeral
director, a birder, a lifeguard, a potter, a forager, a tattoo artist, Somali speakers' English), said the plain way.
Each is a form, never a sentence; a message ending in '?' is never rewritten (unless its last question is a request,
'Can you …?', 'Is that something you can change?'), and a figure under a negation is left as typed
(`negation_guard`):

- a swap called: '<F>: <X> out, <Y> in' is 'F comes from Y instead of X'; a call's label before it ('Pace note,',
  'Caution,') goes;
- a default called: '<F>. Empty, call / mark / make it V.' is 'Where F is empty, mark it V.'; 'Already set / there,
  leave it (be).' after it goes;
- a column let go: '<verb> the X column.' for a verb of setting aside ('fold / bury / shelve / retire / muck / park
  the X column') and 'X (column) is to be / will be laid to rest / buried / retired' are 'leave X out'; ', not part
  of the <noun> (at all)' closing a sentence goes;
- rows removed: '<rows> are / were (only) <a>, not (real) <b>. <Clear / sweep / leave / keep / take / strike> them
  out / off …' is 'Drop <rows>.'; a maxim sentence 'No X, no Y.' before a request that says it again goes; a
  reason before ', so drop …' goes;
- a learner's topic first: '<rows where …>, don't delete them' is "don't delete <rows where …>"; 'for that rows' is
  'for those rows'; a Somali 'Fadlan' (please) opening a sentence goes;
- a step undone: '<a judgement> with / on that last change.' before an undo goes; 'deal / hand / give / serve me the
  version before' is 'go back to the version before';
- required: 'play / treat / run / count X as optional / required' is 'make X optional / required'; '<someone> asks /
  wants / requests that X no longer be required, only optional' is 'make X optional';
- a case: '<verb> the X (all alike), every one / each / all in lowercase' is 'lowercase the X'; an example after it
  (': A@b.de comes out as a@b.de') goes;
- a split: 'take the wire / knife / saw / blade to X and cut / split it in two' is 'split X in two';
- a fallback: 'from C, and where there's nothing (growing) there, take it from …' is 'from C, and where C is empty,
  take it from …'; 'gather / harvest / pick F from C' is 'F comes from C';
- a mapping: 'trace / copy / lift / draw F off the C column' is 'F comes from C'; ", that's its <noun>" after it goes;
- a country code: ', these are <Nation> numbers, +NN' is ' are <Nation>'; 'If the number has (already) a code, keep
  his / its code.' goes (numbers with a code keep theirs).
"""

from __future__ import annotations

import re

from ferry.recipe.editor.lexicon import FOREIGN
from ferry.recipe.editor.negation_guard import tidied, unless_negated

_ROWS = r"(?:rows?|records?|contacts?|entr(?:y|ies)|lines?)"
# 'please' in English or in the speaker's own language, opening a request ('Por favor, the rows where …')
_PLEASE = r"(?:please|" + "|".join(re.escape(w) for w in FOREIGN["please"]) + ")"
# a column's name: capitalised words (case kept even inside a pattern that ignores it) or a quoted hole
_COL = r"(?-i:[A-Z\u27e6])[\w\u27e6\u27e7'-]*(?:\s+(?-i:[A-Z])[\w'-]*){0,2}"
_UNDO = r"(?=(?:please\s+)?(?:undo|revert|roll\b|go\s+back|put\s+|take\s+it\s+back|frog\b|squash|scrap))"

_FIGURES: list[tuple[re.Pattern[str], str]] = [
    # a swap called
    (re.compile(rf"^\s*(?:(?:pace|call|stage|team|roster|lineup|line-up)\s+(?:note|change|call)s?\s*[,:\u2014-]\s*)?"
                rf"(?P<f>[a-z][\w]*)\s*(?::|,|\u2014|-)\s*(?P<x>{_COL})\s+out\s*[,;/]\s*(?P<y>{_COL})\s+in\b",
                re.I | re.M), r"\g<f> comes from \g<y> instead of \g<x>"),
    # a default called
    (re.compile(r"^\s*(?:(?:caution|note|heads\s+up|watch\s+out|careful)\s*[,:!]\s*)?(?P<f>[a-z]\w*)\s*[.:]\s*"
                r"(?:if\s+|when\s+|where\s+)?(?:it's\s+|it\s+is\s+)?(?:empty|blank|missing)\s*[,:]\s*(?:call|mark|make|"
                r"set|stamp)\s+it\s+(?P<v>[A-Z]{2,3}|'[^']{1,12}')\b", re.I | re.M),
     r"Where \g<f> is empty, mark it \g<v>"),
    (re.compile(r"(?<=[.!])\s*(?:if\s+|when\s+)?(?:it's\s+|it\s+is\s+)?already\s+(?:set|there|filled|given)\s*,\s*"
                r"leave\s+it(?:\s+be|\s+alone|\s+as\s+it\s+is)?\s*[.!]?", re.I), ""),
    # a column let go
    (re.compile(r"\s*,\s*not\s+(?:a\s+)?part\s+of\s+the\s+\w+(?:\s+at\s+all)?(?=\s*[.!]?\s*$)", re.I | re.M), ""),
    (re.compile(rf"^\s*(?:fold|bury|shelve|retire|muck|park|mothball)\s+(?P<x>the\s+{_COL}\s+column)\s*(?=[.;!])",
                re.I | re.M), r"Leave \g<x> out"),
    (re.compile(rf"\b(?P<x>(?:the\s+)?{_COL}(?:\s+column)?)\s+(?:is|are)\s+(?:to\s+be|going\s+to\s+be|will\s+be)\s+"
                r"(?:laid\s+to\s+rest|buried|retired|put\s+to\s+rest|mothballed)\b", re.I), r"leave \g<x> out"),
    # rows removed
    (re.compile(rf"(?P<r>(?:the\s+)?{_ROWS}\b[^.!?\n]{{0,60}}?)\s+(?:are|were)\s+(?:only\s+|just\s+|merely\s+)?"
                r"[^.!?,\n]{1,30},\s*not\s+[^.!?\n]{1,30}[.!;:]\s*(?:clear|sweep|leave|keep|take|strike|cross|weed|"
                r"throw|toss|kick|get|cut|scrub)\s+them\s+(?:out|off)\b[^.!?\n]*", re.I), r"Drop \g<r>"),
    (re.compile(r"^\s*no\s+\w+\s*,\s*no\s+\w+\s*[.!]\s*(?=[^.!?]*\b(?:drop|remove|delete|skip|exclude)\b)", re.I), ""),
    (re.compile(rf"(?:^|(?<=[.!]))\s*[^.!?\n]{{3,80}},\s*so\s+(?=(?:please\s+)?(?:drop|remove|delete|skip|exclude)\s+"
                rf"(?:every|all|any|the)\s+{_ROWS}\b)", re.I), " "),
    # a learner's topic first: 'the rows where X is empty, don't delete them' is "don't delete the rows where …";
    # 'for that rows' is 'for those rows' (a speaker's own 'please' is lexicon.FOREIGN's)
    (re.compile(rf"^\s*(?:{_PLEASE}\s*,?\s*)?(?P<r>(?:the\s+)?{_ROWS}\s+(?:where|with|without|that)\b[^.!?,\n]{{3,60}}),"
                rf"\s*(?P<n>don't|do\s+not)"
                r"\s+(?P<v>delete|drop|remove|lose|skip)\s+them\b", re.I | re.M), r"\g<n> \g<v> \g<r>"),
    (re.compile(r"\b(?P<f>for)\s+that\s+(?=rows\b|records\b|contacts\b)", re.I), r"\g<f> those "),
    # a step undone
    (re.compile(r"\b(?:deal|hand|give|serve|bring)\s+(?:me|us)\s+(?=the\s+(?:version|one|recipe)\s+(?:before|from\s+"
                r"before)\b)", re.I), "go back to "),
    (re.compile(r"^\s*(?:[\w']+\s+){1,4}(?:with|on|about)\s+(?:that|the|this|my|your)\s+(?:last|latest|previous|"
                rf"recent)\s+(?:change|edit|step|update)\s*[.;:,!\u2014-]\s*{_UNDO}", re.I), ""),
    # required
    (re.compile(r"\b(?:play|treat|run|count|have)\s+(?P<x>[\w\u27e6\u27e7-]+)\s+as\s+(?P<s>optional|required)\b",
                re.I), r"make \g<x> \g<s>"),
    (re.compile(r"^\s*(?:[\w']+\s+){0,3}(?:asks?|wants?|requests?|would\s+like|prefers?|insists?)\s+that\s+"
                r"(?P<x>[\w\u27e6\u27e7-]+)\s+no\s+longer\s+be\s+required(?:\s*,\s*(?:only|just)\s+optional)?\b",
                re.I | re.M), r"make \g<x> optional"),
    # a case
    (re.compile(r"\b(?:\w+)\s+(?P<x>the\s+[\w-]+)\s+(?:all\s+)?(?:alike|the\s+same)?\s*,?\s*(?:every\s+one|each(?:\s+"
                r"one)?|all\s+of\s+them)\s+in\s+lower[\s-]?case\b", re.I), r"lowercase \g<x>"),
    (re.compile(r"(?<=lowercase\s)(?P<x>the\s+[\w-]+)\s*[:;,]\s*\S+@\S+\s+(?:comes\s+out\s+as|becomes|turns\s+into|"
                r"should\s+come\s+out\s+as|means|is)\s+\S+@\S+?(?=[.!]?\s*$)", re.I), r"\g<x>"),
    # a split
    (re.compile(rf"\btake\s+(?:the|a|my)\s+(?:wire|knife|saw|blade|shears|scissors|cleaver)\s+to\s+(?P<x>{_COL})\s+"
                r"and\s+(?:cut|split|slice|chop)\s+it\s+in\s+(?:two|half)\b", re.I), r"split \g<x> in two"),
    # a fallback
    (re.compile(rf"\bfrom\s+(?P<c>{_COL})\s*,\s*(?:and\s+)?where\s+there(?:'s|\u2019s|\s+is)\s+nothing(?:\s+\w+ing)?"
                r"\s+(?:there|in\s+it)\b", re.I), r"from \g<c>, and where \g<c> is empty"),
    (re.compile(rf"^\s*(?:gather|harvest|pick|forage)\s+(?P<f>[a-z]\w*)\s+from\s+(?=(?:the\s+)?{_COL})", re.I | re.M),
     r"\g<f> comes from "),
    # a mapping
    (re.compile(rf"\b(?:trace|copy|lift|draw)\s+(?P<f>[a-z]\w*)\s+off\s+(?:of\s+)?(?:the\s+)?(?P<c>{_COL})\s+column"
                r"(?:\s*,\s*that(?:'s|\u2019s|\s+is)\s+(?:its|the)\s+\w+)?", re.I), r"\g<f> comes from \g<c>"),
    # a country code
    (re.compile(r"\s*,\s*(?:these|those|they)\s+are\s+(?P<n>[A-Z][a-z]+)\s+(?:numbers|ones)\s*(?:,\s*|\(\s*)?"
                r"\+\d{1,3}\)?", re.I), r" are \g<n>"),
    (re.compile(r"(?:^|(?<=[.!]))\s*(?:if|when|where)\s+(?:the|a)\s+(?:phone\s+)?number\s+(?:has\s+already|already\s+"
                r"has|has)\s+(?:a|its)\s+(?:country\s+)?code\s*,\s*keep\s+(?:his|her|its|their|the|that)\s+(?:own\s+)?"
                r"(?:country\s+)?code\s*[.!]?", re.I), " "),
]  # fmt: skip


# a request put as a question at the end ('Can you set it that way?') asks for the change: not a question to keep
_REQUEST_QUESTION_RE = re.compile(
    r"(?:^|[.!]\s+)(?:(?:can|could|would|will)\s+you(?!\s+(?:say|tell|show|confirm|check|explain|think|know|agree|"
    r"mind\s+telling))|is\s+(?:that|this|it)\s+something\s+(?:you|we))\b[^.!?]*\?+\s*$",
    re.I,
)


def call_figured(message: str) -> str:
    """`message` with the figures above said the plain way; a message ending in '?' comes back as it was (unless its
    question is a request, 'Can you …?'), and so does one that would be left with no words."""
    if message.rstrip().endswith("?") and not _REQUEST_QUESTION_RE.search(message):
        return message
    said = message
    for pattern, plain in _FIGURES:
        said = pattern.sub(unless_negated(plain), said)
    if said == message:
        return message
    return tidied(said, message)
