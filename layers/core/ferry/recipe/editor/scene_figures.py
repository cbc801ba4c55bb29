"""Round 31 (issue 13): figures and framings of dev38's voices, said the plain way. Each is a form, never a sentence;
a message ending in '?' is never rewritten (a figure asked about changes nothing), and a figure under a negation is
left as typed (`negation_guard`):

- rows that arrive missing something: '<rows> rode / moseyed / wandered / came / turned up / showed up in without
  (an) X (tag)' is '<rows> have no X' ('… that moseyed in with no X' is '… with no X');
- rows sent away: 'cut / cast / drive / run / kick / throw them / those rows out of the herd / flock / fold / pen /
  import' is 'drop them'; '<rows> (is / are) not of the flock / herd / fold' is 'not wanted'; '<rows> get(s) turned
  away / bounced / shown the door' is 'is dropped', '<row> gets in' 'is kept' (not in a clause that denies: 'No
  guest gets turned away' keeps rows); a dialect 'Them <rows>' is 'Those
  <rows>'; ', so none (of them) get(s) imported / in' after a removal goes;
- a step undone: 'stand down on / call off that last change' is 'undo that last change'; a judgement of that change
  ('That last change went wrong —') before an undo goes;
- optional: 'let X be optional / required' is 'make X optional'; 'loosen / ease / slacken the rope / reins / grip on
  X' is 'make X optional'; 'How would it feel to / What if we <request>? I think that's what we need.' is the
  request (a musing question alone is left as typed); ', so folks without one still ride through' goes;
- a mapping said as a guest list: 'X isn't on the list for F (tonight). Y is.' is 'F comes from Y, not X.';
  'F has been sitting (there) without a source. (Let's) give it (what it needs:) (the) Y (column)' is 'F comes from Y';
- a column kept out: 'X stays / remains in its enclosure / cage / pen:' is 'X:'; "don't let that column / it out
  into the import" is "don't import that column";
- a split: 'buck / saw / chop X into two lengths / pieces, A and B' is 'split X into A and B'; 'The saw / cut goes in
  ahead of / before the final word' and a particle said to stay / go with the last name ("a 'van der' or 'de' stays on
  the last-name piece", "if 'van der' like that comes, that also goes with the last name only") go: the split's own
  rule;
- asides: a vocative ('Partner,', ', partner', 'friends'), a therapist's 'I hear (that) X has been confusing.',
  "Let's name it:", ', and I wonder what that's about' before a request, and what rows that have one keep ('The ones
  already carrying a country keep theirs', 'rows with an Organization keep theirs') go.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ferry.recipe.editor.negation_guard import tidied, unless_negated

_X = r"(?P<x>(?:the\s+)?[A-Za-z\u27e6][\w'\u27e6\u27e7-]*(?:\s+[A-Za-z\u27e6][\w'\u27e6\u27e7-]*){0,2}?)"
_ROWS = r"(?:rows?|records?|contacts?|entr(?:y|ies)|lines?|ones|hands|folks|people)"
_THEM = r"(?P<o>'em|them|those(?:\s+" + _ROWS + r")?|these(?:\s+" + _ROWS + r")?)"
_LAST_CHANGE = r"(?:that|the|this|my|your)\s+(?:last|latest|previous|recent)\s+(?:change|edit|step|update|order|move)"
_ARRIVED = (
    r"(?:rode|ridden|moseyed|wandered|walked|strolled|drifted|trotted|galloped|came|come|turned\s+up|showed\s+up|"
    r"arrived|rolled)(?:\s+(?:in|up|along|through))?"
)
_PARTICLE = r"'[^'\n]{1,12}'(?:\s*(?:,|or|and)\s*'[^'\n]{1,12}')*"

_OFF_THE_LAND_RE = re.compile(
    rf"\b(?:run|chase|drive|kick|send)\s+{_THEM}\s+off\s+(?:the|our|my)\s+(?:ranch|range|farm|land|property|premises)\b",
    re.I,
)

# a row's fate at the door, read only when its clause denies nothing ('No guest gets turned away …' keeps rows)
_AT_THE_DOOR: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bgets?\s+(?:turned\s+away|bounced|shown\s+the\s+door|thrown\s+out)\b", re.I), "is dropped"),
    (re.compile(r"\bgets?\s+in(?=\s*[;,.])", re.I), "is kept"),
]
_DENIED_SUBJECT_RE = re.compile(r"\b(?:no|none|nobody|no\s+one|not|never|nothing)\b|n't\b", re.I)


def _at_the_door(plain: str) -> Callable[[re.Match[str]], str]:
    def replace(m: re.Match[str]) -> str:
        clause = re.split(r"[.;:!?\n]", m.string[: m.start()])[-1]
        return m.group(0) if _DENIED_SUBJECT_RE.search(clause) else plain

    return replace


_FIGURES: list[tuple[re.Pattern[str], str]] = [
    # rows that arrive missing something
    (re.compile(rf"\b(?:that|who|which)\s+{_ARRIVED}\s+(?:without|with\s+no|missing|lacking)\s+(?:an?\s+|any\s+)?"
                rf"{_X}(?:\s+(?:tag|field|value|entry))?(?=\s*[,.;:!\n]|$)", re.I), r"with no \g<x>"),
    (re.compile(rf"\b{_ARRIVED}\s+(?:without|with\s+no|missing|lacking)\s+(?:an?\s+|any\s+)?"
                rf"{_X}(?:\s+(?:tag|field|value|entry))?(?=\s*[,.;:!\n]|$)", re.I), r"have no \g<x>"),
    # rows sent away ('run them off the ranch' under "Don't" stays denied: the rows kept, see `scene_figured`)
    (re.compile(r"\b(?:brand|mark|tag|stamp)\s+(?:'em|them)\s+with\s+", re.I), "make them "),
    (re.compile(r"\b(?P<v>keep|leave)\s+(?P<o>the\s+rows?|them|'em|it)\s+in\s+the\s+(?:herd|flock|fold|pen|corral)\b",
                re.I), r"\g<v> \g<o>"),
    (re.compile(rf"\b(?:cut|cast|drive|run|kick|throw|turn)\s+{_THEM}\s+out\s+of\s+(?:the|our|my)\s+"
                r"(?:herd|flock|fold|pen|corral|pasture|ranch|club|import)\b", re.I), r"drop \g<o>"),
    (re.compile(r"\b(?P<v>is|are)\s+not\s+(?:of|part\s+of|one\s+of)\s+(?:the|our|this)\s+(?:flock|herd|fold|family|"
                r"tribe|crew)\b", re.I), r"\g<v> not wanted"),
    (re.compile(rf"^(\s*)them\s+(?=(?:[\w-]+\s+){{0,3}}{_ROWS}\b)", re.I), r"\1Those "),
    (re.compile(r",?\s+so\s+(?:that\s+)?(?:none|nothing|no\s+row)(?:\s+of\s+(?:them|it))?\s+(?:gets?|is|are)\s+"
                r"(?:imported|in)\b", re.I), ""),
    # a column not to be lost: said of X, then where to put it
    (re.compile(rf"^\s*{_X}\s+(?:shall|should|must|will)\s+not\s+be\s+(?:forgotten|lost|left\s+behind)\b", re.I),
     r"Don't lose \g<x>"),
    (re.compile(rf"^\s*{_X}\s+(?:is|are)\s+like\s+[^.!?\n]{{1,50}}?\s+and\s+I\s+(?:don't|do\s+not)\s+want\s+"
                r"(?:them|it)\s+(?:lost|forgotten|gone)\b", re.I), r"Don't lose \g<x>"),
    (re.compile(r"\bgive\s+(?P<o>them|it|'em)\s+a\s+home\b", re.I), r"put \g<o>"),
    # a tag said after a statement: ' only, na', ', na'
    (re.compile(r"(?:\s+only)?,\s*na\s*(?=[.!]|$)", re.I), ""),
    # a step undone
    (re.compile(rf"\b(?:stand\s+down|call\s+off|back\s+off)\s+(?:on\s+)?(?={_LAST_CHANGE}\b)", re.I), "undo "),
    (re.compile(rf"^\s*{_LAST_CHANGE}\s+(?:went|was|is|turned\s+out)\s+(?:wrong|bad|badly|a\s+mistake|sideways)\s*"
                r"(?:\u2014|\u2013|-|[.;:,!])\s*(?=(?:please\s+)?(?:undo|revert|roll\b|take\s+it\s+back|go\s+back))",
                re.I), ""),
    # optional
    (re.compile(rf"\blet\s+{_X}\s+be\s+(?P<r>optional|required|mandatory)\b", re.I), r"make \g<x> \g<r>"),
    (re.compile(rf"\b(?:loosen|ease|slacken|relax)\s+the\s+(?:rope|reins|grip|leash)\s+on\s+{_X}(?=\s*[,.;:!?\n]|$)",
                re.I), r"make \g<x> optional"),
    (re.compile(r"^\s*(?:how\s+would\s+it\s+feel\s+to|what\s+if\s+we)\s+(?P<r>[^?]{3,120})\?\s*(?:I\s+think\s+)?"
                r"(?:that's|that\s+is)\s+what\s+(?:we|I)\s+(?:need|want)\s*[.!]?\s*$", re.I), r"\g<r>."),
    (re.compile(r",?\s+so\s+(?:folks|people|contacts|rows|those|they|the\s+ones)\s+without\s+one\s+(?:can\s+)?"
                r"(?:still\s+)?(?:ride|get|come|go|make\s+it)\s+(?:through|in)\b", re.I), ""),
    # a mapping said as a guest list, or a field without a source
    (re.compile(rf"{_X}\s+(?:isn't|is\s+not|ain't)\s+on\s+the\s+list\s+for\s+(?P<f>[\w-]+)(?:\s+(?:tonight|today))?"
                r"\s*\.\s*(?P<y>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+is\s*\.", re.I),
     r"\g<f> comes from \g<y>, not \g<x>."),
    (re.compile(r"^\s*(?P<f>[\w-]+)\s+(?:has\s+been|is|was)\s+(?:sitting|left|standing)\s+(?:there\s+|empty\s+|idle\s+)?"
                r"(?:without|with\s+no)\s+(?:a\s+)?source\s*\.\s*(?:let's\s+)?give\s+it\s+(?:what\s+it\s+needs\s*:\s*)?"
                r"(?:the\s+)?(?P<y>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)(?:\s+column)?\s*[.!]?\s*$", re.I),
     r"\g<f> comes from \g<y>."),
    # a column kept out
    (re.compile(rf"^\s*{_X}\s+(?:stays|remains|lives|is\s+kept)\s+in\s+its\s+(?:enclosure|cage|pen|stall|kennel|"
                r"paddock|tank)\s*:\s*", re.I), r"\g<x>: "),
    (re.compile(r"\b(?:don't|do\s+not|never)\s+let\s+(?P<o>that\s+column|this\s+column|it)\s+out\s+(?:in)?to\s+the\s+"
                r"import\b", re.I), r"don't import \g<o>"),
    # a split
    (re.compile(rf"\b(?:buck|saw|chop|cut)\s+{_X}\s+into\s+two\s+(?:lengths|pieces|logs|parts|halves)\s*,\s*", re.I),
     r"split \g<x> into "),
    (re.compile(r"(?:^|(?<=[.;!]))\s*the\s+(?:saw|cut|blade|knife|axe)\s+goes\s+in\s+(?:just\s+|right\s+)?"
                r"(?:ahead\s+of|before)\s+the\s+(?:final|last)\s+word\s*(?:,\s*and\s+|[.;]\s*|$)", re.I), " "),
    (re.compile(rf"(?:[,;]\s*(?:and\s+)?|(?<=[.!])\s*|^\s*)(?:if\s+)?(?:an?\s+|any\s+)?{_PARTICLE}"
                r"(?:\s+like\s+that|\s+or\s+(?:similar|the\s+like|such|so))?"
                r"(?:\s+comes,?\s+(?:that|it|they))?\s+(?:also\s+)?(?:stays?|goes|go|sticks?|travels?|belongs?)"
                r"(?:\s+(?:stuck|glued|attached|put))?\s+"
                r"(?:on|with|to)\s+the\s+(?:last[- ]name|surname)(?:\s+(?:piece|part|side|only))*\s*(?=[.!;]|$)",
                re.I), ""),
    # asides
    (re.compile(r"^\s*(?:partner|pardner|friends|brothers\s+and\s+sisters),\s*", re.I), ""),
    (re.compile(r",\s*(?:partner|pardner|friends)(?=\s*[.!;])", re.I), ""),
    (re.compile(r"^\s*I\s+hear\s+(?:that\s+)?[^.!?\n]{1,60}?\s+(?:has|have)\s+been\s+(?:confusing|hard|difficult|"
                r"tricky|frustrating)\s*\.\s*", re.I), ""),
    (re.compile(r"(?:^|(?<=[.!]))\s*let's\s+(?:name|call|say)\s+(?:it|this)\s*:\s*", re.I), " "),
    (re.compile(r",?\s+and\s+I\s+wonder\s+(?:what|why|how)\s+[^.?!\n]{1,40}\.(?=\s*\S)", re.I), "."),
    (re.compile(r"(?:[;.]\s*|(?<=[.!])\s*)(?:the\s+ones|those|rows|contacts|numbers)(?:\s+(?:that\s+)?(?:already\s+)?"
                r"(?:carrying|carryin'|having|have|with|showing)\s+(?:an?\s+|its\s+|their\s+|one)?[\w ]{0,30}?)?"
                r"\s+keep\s+(?:theirs|their\s+own|its\s+own)\s*(?:[.!]\s*|$)", re.I), ". "),
]  # fmt: skip


def scene_figured(message: str) -> str:
    """`message` with the figures and framings above said the plain way; a message ending in '?' comes back as it
    was, and so does one that would be left with no words."""
    if message.rstrip().endswith("?"):
        return message
    # a removal figure under a denial keeps the denial in its plain words: "Don't run 'em off the ranch" is
    # "Don't drop them", rows said to stay
    said = _OFF_THE_LAND_RE.sub(lambda m: f"drop {m['o']}", message)
    for pattern, plain in _FIGURES:
        said = pattern.sub(unless_negated(plain), said)
    for pattern, plain in _AT_THE_DOOR:
        said = pattern.sub(_at_the_door(plain), said)
    if said == message:
        return message
    said = re.sub(r"\b(drop|make)\s+'em\b", r"\1 them", said, flags=re.I)
    return tidied(said, message)
