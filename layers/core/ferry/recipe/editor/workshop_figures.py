"""Round 32 (issue 13): figures of dev39's voices (craftspeople, a poll worker, Burmese speakers' English), said the
plain way. Each is a form, never a sentence; a message ending in '?' is never rewritten, and a figure under a
negation is left as typed (`negation_guard`):

- bad material thrown out: '<rows> are bad / defective / rotten / cracked <material>' is 'drop <rows>'; 'throw /
  toss / cast them on the scrap heap / burn pile / slag heap / reject bin' is 'drop them'; a row that 'doesn't get
  counted' is dropped;
- a case forged: 'hammer / press / beat / pound / grind every X flat into lowercase' is 'lowercase every X'; 'Not one
  capital (letter) left standing.' after it goes;
- a step undone: 'frog it: rip / unravel / unpick back to the version before' is 'go back to the version before';
  a judgement of the last change ('… has gone wrong.', '… cracked in the quench.') before an undo goes;
- a date's order: '<X> reads / is read / is written day first' is '<X> is day first'; 'day is in front, month is
  behind' is 'day first'; an example date is read by `example_dates` (round 33: one reading for the two rounds'
  forms); a tool of the trade before it ('Under the loupe,') goes.
"""

from __future__ import annotations

import re

from ferry.recipe.editor.example_dates import example_dated
from ferry.recipe.editor.negation_guard import tidied, unless_negated

_ROWS = r"(?:rows?|records?|contacts?|entr(?:y|ies)|lines?)"
_MATERIAL = (
    r"(?:iron|steel|metal|ore|timber|wood|lumber|stock|material|yarn|wool|thread|stone|clay|glass|cloth|fabric|"
    r"leather|silver|gold|batch|goods)"
)
_FIGURES: list[tuple[re.Pattern[str], str]] = [
    # bad material thrown out
    (re.compile(rf"^(?P<r>\s*(?:the\s+|all\s+|any\s+)?{_ROWS}\b[^.!?;:\n]{{0,40}}?)\s+(?:are|is)\s+(?:bad|defective|"
                rf"flawed|faulty|rotten|cracked|spoiled|spoilt|scrap|waste|brittle)\s+{_MATERIAL}\b", re.I | re.M),
     r"Drop \g<r>"),
    (re.compile(r"\b(?:throw|toss|cast|put|send|chuck|dump)\s+(?P<o>them|those(?:\s+rows)?|it)\s+(?:on|onto|into|in|"
                r"to)\s+the\s+(?:scrap|slag|burn|junk|rubbish|reject)\s*(?:heap|pile|bin|barrel)\b", re.I),
     r"drop \g<o>"),
    (re.compile(r"\b(?P<s>(?:an?|any|every|each)\s+(?:row|record|contact|entry)\s+(?:without|with\s+no)\s+"
                r"[^.;:!?\n]{1,30}?)\s+(?:doesn't|does\s+not|won't|will\s+not)\s+(?:get\s+)?count(?:ed)?\b", re.I),
     r"\g<s> is dropped"),
    # a case forged
    (re.compile(r"\b(?:hammer|press|beat|pound|grind|forge|flatten|squash|knock)\s+(?P<x>(?:every|all|each|the)\s+"
                r"(?:of\s+the\s+)?[\w-]+)\s+(?:flat\s+|down\s+)?(?:in)?to\s+lower[\s-]?case\b", re.I),
     r"lowercase \g<x>"),
    (re.compile(r"(?:^|(?<=[.!]))\s*not\s+(?:one|a\s+single)\s+(?:capital|upper[\s-]?case)(?:\s+letters?)?\s+left"
                r"(?:\s+standing)?\s*[.!]?", re.I), " "),
    # a step undone
    (re.compile(r"\bfrog\s+it\s*[:,\u2014-]\s*(?:rip|unravel|unpick|pull)\s+(?:it\s+)?back\s+to\b", re.I),
     "go back to"),
    (re.compile(r"\b(?:rip|unravel|unpick)\s+(?:it\s+)?back\s+to\s+(?=the\s+(?:version|state|way)\b)", re.I),
     "go back to "),
    (re.compile(r"^\s*(?:that|the|this|my|your)\s+(?:last|latest|previous|recent)\s+(?:change|edit|step|update)\s+"
                r"(?:has\s+gone\s+wrong|went\s+wrong|(?:cracked|broke|shattered|split)\s+in\s+the\s+(?:quench|kiln|"
                r"firing|forge|mould|mold))\s*[.;:,!\u2014-]\s*(?=(?:please\s+)?(?:undo|revert|roll\b|go\s+back|put\s+"
                r"|take\s+it\s+back|frog\b))", re.I), ""),
    (re.compile(r"\bput\s+the\s+recipe\s+back\s+(?=the\s+way|how|as)", re.I), "put it back "),
    # a date's order
    (re.compile(r"\b(?:reads|is\s+read|is\s+written|are\s+written|are\s+read|read)\s+(?P<o>day|month)[\s-]first\b",
                re.I), r"is \g<o> first"),
    (re.compile(r"\bday\s+(?:is\s+|comes\s+)?in\s+(?:front|first)\s*,\s*(?:and\s+)?month\s+(?:is\s+|comes\s+)?"
                r"(?:behind|after|second|last)\b", re.I), "day first"),
    (re.compile(r"\bmonth\s+(?:is\s+|comes\s+)?in\s+(?:front|first)\s*,\s*(?:and\s+)?day\s+(?:is\s+|comes\s+)?"
                r"(?:behind|after|second|last)\b", re.I), "month first"),
    (re.compile(r"^\s*(?:under|through|with)\s+the\s+(?:loupe|glass|lens|microscope|magnifier)\s*,\s*", re.I | re.M),
     ""),
]  # fmt: skip


def workshop_figured(message: str) -> str:
    """`message` with the figures above said the plain way; a message ending in '?' comes back as it was, and so
    does one that would be left with no words."""
    if message.rstrip().endswith("?"):
        return message
    said = message
    for pattern, plain in _FIGURES:
        said = pattern.sub(unless_negated(plain), said)
    said = example_dated(said)  # round 33: one reading of an example date (`example_dates`)
    if said == message:
        return message
    return tidied(said, message)
