"""Round 29 (issue 13): figures and asides of dev35's and dev36's voices, said the plain way. Each is a form, never a
sentence, and a message ending in '?' is never rewritten by a figure (a figure asked about changes nothing):

- a column cut away: 'snip / clip / chop X off', 'crop X out (of the frame / shot)', 'throw / toss X overboard' are
  'leave X out' (never what is cut off a value: spaces, a prefix, a country code);
- rows removed: '<rows …> walk(s) the plank / vanish(es) / disappear(s) (from the import)' are 'drop <rows …>';
  'every last one of them / 'em' is 'them' (never the last of a set of repeats); 'extract / weed out the later
  duplicates' is 'drop …'; a motto before a dedup ('One email, one patient file.') goes;
- a column kept: "Don't make X disappear / vanish" is "Don't just bin X", 'I want them to reappear somewhere' is
  'put them somewhere'; 'X is a piece / card I don't want to sacrifice / lose.' is 'X:'; ', your move' goes;
- a step undone: 'take back / belay / scrap / cancel / retract / rewind that last move / order / edit' is 'undo the
  last change'; '(put / go) back to how it looked / the way she was afore that change' is 'back to the version before';
- a split: 'X needs a parting' is 'split X', ': A on one side, B on the other' is ' into A and B', 'X is one wide shot;
  I need two frames, A and B' is 'split X into A and B', 'part / cut (it) just before the last word' goes (the split's
  own rule), as does a particle said to stay with the surname ("a 'van der' stays with it", 'roots and all');
- a gap: 'Patchy X expected; in the gaps, ' is 'where X is empty, '; 'swap in' is 'use'; 'will be drawn from' is
  'comes from'; '; the rest keep X' goes (the rest are as they were);
- a proclamation, a show or a trick: 'Hear ye, hear ye!', 'Let it be known (…):', 'By royal decree,', "Tonight's big
  question:", 'For my next trick,', "Here's the secret behind X:", 'Abracadabra:', 'Nothing up my sleeve.' go;
  'whosoever is A (in C) shall be named B' is 'A (in C) means B';
- a pirate's words, read only where one of them is said ('Arr', 'matey', 'ye scallywag', 'savvy', 'afore'): the
  interjection and the vocative go, 'afore' is 'before', "'em" is 'them';
- a reason or aside after the request goes: 'No stress / rush / worries.', 'X (numbers) mostly / usually are empty',
  'not every1 gave us one', 'some r in caps like …', a short lower-case apology ('sry one hand', 'sorry baby crying
  brb');
- learners' word order: 'Rows which email does not have, please remove' is 'remove rows which do not have email',
  'X we do not need' is 'we do not need X', 'For them Germany please take' is 'please take Germany for them' (and a
  verb said last after 'please'), 'Please like this read' is 'Please read it like this', 'In C column is written A
  and B, but F needs codes.' goes before the pairs.
"""

from __future__ import annotations

import re

_NOT_A_COLUMN = (
    r"(?!(?:the\s+|any\s+|all\s+)?(?:white\s*space|spaces?|blanks?|padding|zeros?|leading|trailing|extra|dots?|"
    r"dashes?|country\s+codes?|prefix|suffix|domain|area\s+codes?)\b)"
)
_X = r"(?P<x>(?:the\s+)?[\w' ]{1,30}?(?:\s+column)?)"
_ROWS_SUBJECT = r"(?P<s>(?:any|every|each|all|the)\s+(?:rows?|records?|contacts?|entr(?:y|ies))\b[^.!?:;\n]*?)"
_SENT_END = r"(?=\s*(?:[,.;:!\n]|$))"

_FIGURES: list[tuple[re.Pattern[str], str]] = [
    # a column cut away
    (re.compile(rf"\b(?:snip|clip|chop)\s+{_NOT_A_COLUMN}{_X}\s+off(?:\s+(?:completely|entirely|altogether))?"
                rf"{_SENT_END}", re.I), r"leave \g<x> out"),
    (re.compile(rf"\bcrop\s+{_NOT_A_COLUMN}{_X}\s+out(?:\s+of\s+(?:the\s+)?(?:frame|shot|picture|photo|image))?"
                rf"{_SENT_END}", re.I), r"leave \g<x> out"),
    (re.compile(rf"\b(?:throw|toss|chuck|heave|pitch)\s+{_X}\s+overboard{_SENT_END}", re.I), r"leave \g<x> out"),
    # rows removed
    (re.compile(rf"{_ROWS_SUBJECT}\s+(?:walks?\s+the\s+plank|vanish(?:es)?|disappears?|goes\s+overboard)"
                r"(?:\s+from\s+the\s+(?:import|file|list|sheet))?" + _SENT_END, re.I), r"drop \g<s>"),
    (re.compile(r"\bevery\s+last\s+one\s+of\s+(?:them|'em|em)\b", re.I), "them"),
    (re.compile(r"\b(?:extract|weed\s+out|pull\s+out|take\s+out)\s+(?=(?:the\s+)?(?:later|other|extra|second|"
                r"subsequent)\s+(?:duplicates?|copies|repeats?)\b)", re.I), "drop "),
    (re.compile(r"(?:^|(?<=[.!\n]))\s*one\s+[\w-]+(?:\s+[\w-]+)?,\s*one\s+[\w-]+(?:\s+[\w-]+){0,2}\s*[.!]\s*(?=\S)",
                re.I), ""),
    # the situation said before a denied removal: 'Some rows come in with no E-mail. Don't bin those orders: …'
    (re.compile(r"^\s*(?:some|a\s+few|many|several)\s+(?:rows|contacts|records|entries)\s+[^.!?\n]{1,40}?[.!]\s*"
                r"(?=(?:don'?t|do\s+not|never)\s)", re.I), ""),
    # a column kept
    (re.compile(rf"\b(?:don'?t|do\s+not)\s+make\s+{_X}\s+(?:disappear|vanish)\b", re.I), r"Don't just bin \g<x>"),
    (re.compile(r"\bI\s+(?:want|need|would\s+like)\s+(?P<o>them|it)\s+to\s+(?:reappear|turn\s+up|show\s+up)\b",
                re.I), r"put \g<o>"),
    (re.compile(rf"^\s*{_X}\s+(?:is|are)\s+an?\s+(?:piece|card|pawn|chip)\s+(?:I|we)\s+(?:don'?t|do\s+not)\s+"
                r"want\s+to\s+(?:sacrifice|lose|give\s+up|throw\s+away)\s*[.!]\s*", re.I), r"\g<x>: "),
    (re.compile(r",\s*your\s+(?:move|turn|call)\s*(?=[.!]?\s*$)", re.I), ""),
    (re.compile(r"\s+on\s+the\s+(?:board|map)(?=\s*,)", re.I), ""),
    # a step undone
    (re.compile(r"\b(?:take\s+back|belay|scrap|cancel|retract|rewind|revoke|withdraw)\s+(?:that|the|my)\s+last\s+"
                r"(?:move|order|edit|change|step|command|instruction|cut)\b", re.I), "undo the last change"),
    # a split
    (re.compile(r"\b(?P<x>[\w ]{1,30}?)\s+(?:needs|wants|gets)\s+a\s+parting\b", re.I), r"split \g<x>"),
    (re.compile(r"\s*:\s*(?P<a>[\w ]{1,20}?)\s+on\s+one\s+side,?\s+(?:and\s+)?(?P<b>[\w ]{1,20}?)\s+on\s+the\s+other"
                r"\b", re.I), r" into \g<a> and \g<b>"),
    (re.compile(r"\b(?P<x>[\w ]{1,30}?)\s+is\s+one\s+(?:wide\s+)?(?:shot|frame|piece|block|lump)\s*[;,.]\s*I\s+need\s+"
                r"two\s+(?:frames|shots|parts|pieces|halves)\s*[,:]\s*(?P<a>[\w ]{1,20}?)\s+and\s+(?P<b>[\w ]{1,20}?)"
                r"(?=\s*[.!;])", re.I), r"split \g<x> into \g<a> and \g<b>"),
    (re.compile(r"(?:^|(?<=[.!;]))\s*(?:part|cut)\s+(?:it\s+)?(?:just\s+|right\s+)?before\s+the\s+last\s+word\s*"
                r"(?:[,;]\s*(?:and\s+)?)?", re.I), " "),
    (re.compile(r"[,;]?\s*(?:and\s+)?(?:keep\s+)?(?:an?\s+)?(?:\u27e6\d+\u27e7|'[^']{1,12}'|van\s+der|von|van)\s+"
                r"(?:(?:stays|goes|belongs)\s+with\s+(?:it|the\s+(?:surname|last\s*name))|"
                r"in\s+the\s+(?:surname|last[- ]name)(?:\s+(?:frame|side|part))?)(?:,\s*roots\s+and\s+all)?"
                r"(?=\s*[.!)]|\s*$)", re.I), ""),
    # a gap
    (re.compile(r"\bpatchy\s+(?P<x>[\w ]{1,30}?)\s+(?:expected|forecast|likely)\s*[;,.]\s*in\s+the\s+gaps\s*,?\s*",
                re.I), r"where \g<x> is empty, "),
    # ('swap in A for B' names both, and is read as it is)
    (re.compile(r"\bswap\s+in\b(?![^.!?;\n]*\bfor\b)", re.I), "use"),
    (re.compile(r"\b(?:one\s+)?(?P<f>\w+)\s+field\s*:\s*(?P<c>[\w ]{1,30}?)\s+as\s+the\s+"
                r"(?:base|default|starting\s+point)\b", re.I), r"\g<f>: \g<c>"),
    (re.compile(r"\bwill\s+be\s+drawn\s+from\b", re.I), "comes from"),
    (re.compile(r";\s*the\s+rest\s+(?:keep|stay\s+with)\s+[\w ]{1,30}?(?=\s*[.!]|\s*$)", re.I), ""),
    # a proclamation, a show, a trick
    (re.compile(r"(?:^|(?<=[.!\n]))\s*(?:hear\s+ye,?\s*)+[.!]?\s*", re.I), ""),
    (re.compile(r"\blet\s+it\s+be\s+known(?:\s+(?:throughout|to|across)\s+[\w ]{1,30}?)?\s*:\s*", re.I), ""),
    (re.compile(r"\bby\s+(?:royal\s+)?decree\s*,\s*", re.I), ""),
    (re.compile(r"\bwhosoever\s+is\s+(?P<a>[\w\u27e6\u27e7 ]{1,30}?)\s+(?:shall|should|will)\s+be\s+(?:named|called|"
                r"proclaimed|known\s+as)\s+", re.I), r"\g<a> means "),
    (re.compile(r"(?:^|(?<=[.!\n]))\s*(?:tonight's|today's|this\s+week's|the)\s+(?:big|final|million[- ]dollar)\s+"
                r"question\s*:\s*", re.I), ""),
    (re.compile(r"(?:^|(?<=[.!\n]))\s*for\s+my\s+next\s+trick\s*,\s*", re.I), ""),
    (re.compile(r"(?:^|(?<=[.!\n]))\s*here'?s\s+the\s+secret\s+behind\s+[\w ]{1,30}?:\s*", re.I), ""),
    (re.compile(r"(?:^|(?<=[.!\n]))\s*(?:abracadabra|hey\s+presto|presto|alakazam|hocus\s+pocus)\s*[:,!]\s*",
                re.I), ""),
    (re.compile(r"(?:^|(?<=[.!\n]))\s*nothing\s+up\s+my\s+sleeves?\s*[.!]?\s*", re.I), " "),
    # reasons and asides after the request (a short apology first: what it follows may be a reason too)
    (re.compile(r"(?<=[.!?,])\s*(?:sorry|sry|soz)\b[a-z ]{0,30}(?<!\s)\s*[.!]*\s*$"), ""),
    (re.compile(r"(?<=[.!])\s*(?:it|that\s+column|not\s+a\s+(?:scrap|bit|shred|trace|word)\s+of\s+it)\s+"
                r"(?:doesn'?t\s+|does\s+not\s+|shouldn'?t\s+|should\s+not\s+)?(?:come|comes|go|goes)\s+(?:through\s+)?"
                r"(?:to|into|in)\s+the\s+import\s*[.!]*\s*$", re.I), ""),
    (re.compile(r"(?<=\bout)\s*:\s*(?:that|the|this)\s+column\s+(?:shouldn'?t|should\s+not|isn'?t|doesn'?t)\s+[^.!?\n]*"
                r"\bimport\b[^.!?\n]*", re.I), ""),
    (re.compile(r"(?<=[.!?])\s*no\s+(?:stress|rush|worries|pressure|hurry)\s*[.!]*\s*$", re.I), ""),
    (re.compile(r"(?<=[.!?])\s*[\w ]{1,30}?\s+(?:numbers|values|cells|fields)?\s*(?:(?:mostly|often|usually|mainly|"
                r"largely)\s+)?(?:are|is)\s+(?:(?:mostly|often|usually|mainly|largely)\s+)?(?:empty|blank|missing)"
                r"\s*[.!]*\s*$", re.I), ""),
    (re.compile(r"(?<=[.!?])\s*(?:not\s+all|not\s+every\w*|some)\s+(?:\w+\s+){0,2}?(?:have|has|gave|give|got|had)\s+"
                r"(?:us\s+|me\s+)?(?:one|it|an?\s+\w+|any)\s*[.!]*\s*$", re.I), ""),
    (re.compile(r"(?<=[.!?,])\s*some\s+(?:of\s+them\s+)?(?:are|r)\s+in\s+(?:caps|capitals|upper\s*case|mixed\s+case)"
                r"(?:\s+like\s+\S+?)?(?=\s*[.!]\s|\s*$)[.!]?", re.I), ""),
    # learners' word order
    (re.compile(r"\b(?P<r>rows|contacts|records)\s+which\s+(?P<x>[\w ]{1,20}?)\s+(?:does|do)\s+not\s+have\s*,\s*"
                r"(?:please\s+)?(?P<v>remove|delete|drop|exclude)\b", re.I), r"\g<v> \g<r> which do not have \g<x>"),
    (re.compile(r"(?:^|(?<=[.!]))\s*(?P<o>[A-Za-z][\w ]{2,40}?)\s+we\s+(?:do\s+not|don'?t)\s+need\s*(?=[.!]|$)",
                re.I), r" we do not need \g<o>"),
    (re.compile(r"\bfor\s+them\s+(?P<x>[\w+ ]{1,20}?)\s+please\s+take\b", re.I), r"they are from \g<x>"),
    (re.compile(r"(?:^|(?<=[.!]))\s*(?P<o>[A-Z][\w ]{2,40}?)\s+as\s+they\s+are\s+leave\s*(?=[.!]|$)"),
     r" leave \g<o> as they are"),
    (re.compile(r"\bplease\s+like\s+this\s+(?P<v>read|take|write|do)\b", re.I), r"please \g<v> it like this"),
    (re.compile(r"^\s*in\s+[\w ]{1,30}?\s+(?:column\s+)?(?:is|are)\s+written\s+[^.!?\n]*[.!]\s*(?=\S)", re.I), ""),
]  # fmt: skip

# plain paraphrases, read in a question as well ('Can we go back to how it looked before the last change?')
_PARAPHRASES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bback\s+to\s+(?:how|the\s+way)\s+(?:it|she|things)\s+(?:was|were|looked|stood)\s+(?:before|afore)"
                r"\s+(?:the|that)\s+(?:last\s+)?change\b", re.I), "back to the version before the last change"),
    (re.compile(r"\bback\s+the\s+way\s+(?:it|she)\s+was\s+(?:before|afore)\s+(?:the|that)\s+(?:last\s+)?change\b",
                re.I), "back to the version before the last change"),
    # 'the domain off Website': 'off' for 'of' before the named column the domain is read from
    (re.compile(r"\bdomain\s+off\s+(?=(?:the\s+)?(?:[A-Z]|\u27e6))"), "domain of "),
    # a customs declaration's lines: 'X: country of origin C' is 'X are from C', 'X: declare as they are' is 'stay'
    (re.compile(r"\s*:\s*(?:country\s+of\s+origin|origin|made\s+in)\s*:?\s+(?=[A-Z])"), " are from "),
    (re.compile(r"\s*:\s*(?:declare|declared|pass)\s+as\s+(?:they|it)\s+(?:are|is)\b", re.I), " stay as they are"),
]  # fmt: skip

_PIRATE_RE = re.compile(r"\b(?:arr+|matey|scallywag|savvy|afore|ahoy|avast|me\s+hearties)\b", re.I)
_PIRATE_WORDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?:^|(?<=[.!\n]))\s*(?:arr+|ahoy|avast)(?:\s+(?:matey|me\s+hearties))?\s*[,!.]\s*", re.I), ""),
    (re.compile(r",\s*(?:ye\s+)?(?:matey|scallywag|me\s+hearties|landlubber)\b", re.I), ""),
    (re.compile(r",\s*savvy\s*\?", re.I), "."),
    (re.compile(r"\bafore\b", re.I), "before"),
    (re.compile(r"(?<=\s)'em\b", re.I), "them"),
]  # fmt: skip


def voice_figured(message: str) -> str:
    """`message` with the figures, asides and word orders above said the plain way; a message ending in '?', or one
    that would be left with no words, comes back as it was."""
    said = message
    for pattern, plain in _PARAPHRASES:
        said = pattern.sub(plain, said)
    if _PIRATE_RE.search(said):
        for pattern, plain in _PIRATE_WORDS:
            said = pattern.sub(plain, said)
    if said.rstrip().endswith("?"):
        return said
    for pattern, plain in _FIGURES:
        said = pattern.sub(plain, said)
    said = re.sub(r"[ \t]{2,}", " ", said).strip()
    return said if re.search(r"\w", said) else message
