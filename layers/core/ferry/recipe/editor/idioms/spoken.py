"""Loose spoken shapes around a plain command (round 15 of issue 13), each said once for every wording of its kind
rather than as rows of phrases:

- a name followed by a vague head noun ('the signup date thing', 'the notes stuff'): the name;
- a place left to the reader ('wherever makes sense', 'wherever you think is best', 'whichever field suits'):
  'somewhere', and a delegation said after it ('not sure where, you pick'): gone, since 'somewhere' already asks;
- a preference said as a comparison ('better from Mobile than from Work Phone for phone') or a substitution
  ('substitute Mobile for Work Phone as the source of phone'): the plain 'use A instead of B';
- a belief verb for how values are to be read ('think it is Germany', 'assume they are German'): 'treat … as';
- rows kept off or out of the import: dropped; the rows besides the one kept said with a passive ('the rest get
  cut'): dropped; a value said again with a verb of repetition ('email is repeating'): duplicated;
- a topic said first with no comma before the speaker's wish on its pronoun ('the notes I want them kept');
- a country code said as its digits ('numbers with no +49 or other prefix'): 'no prefix';
- a sentence after a source that only says what it is not ('Phone should be Mobile. Not Work Phone.');
- 'should say US' for 'should be US'; rows marked with a value said to go ('anything marked test in X can go');
- a column named by a description and its name in apposition ('the cell column, Mobile'): the name; a condition
  that only points back at a state said just before ('X is often empty. When it is, …'): the state said again;
  'instead' with nothing it replaces; 'don't want' a column; 'the first occurrence' for the first one;
- a fallback after a sentence break ('…; failing that, from B'): part of the sentence before; a default said
  value first ('US is the default country');
- the speaker pointing at a column first ('I'm looking at the Notes column. Skip it.'): the column as the topic
  of the command after it; the speaker's 'we can' before a command verb;
- the old source in brackets ('phone <- Mobile (was Work Phone)'): 'instead of'; 'falling back to', and a
  fallback after a semicolon ('…; the email domain as the fallback'): part of the source before; 'X: some field';
- the speaker's standpoint before the command ('From a marketing POV, …', 'Speaking as the data owner, …'): gone;
- a date order said with ordinals ('first is the day, second is the month'): day first.

As in the other idiom modules, nothing here decides what a name means: columns, fields and values stay as typed,
and the families, the resolver and `fit.py` still read the result. `RULES` are tried only on a clause the families
did not understand as typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_Rule = tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]

IDIOMS: dict[str, tuple[str, ...]] = {
    # a value said again in a column, said with a verb of repetition: 'when email is repeating'
    "is duplicated": ("is repeating", "is repeated", "repeats", "appears more than once", "occurs more than once",
                      "shows up more than once", "appears twice", "shows up twice", "comes up twice"),
    # the row kept, said as an occurrence: 'only keep the first occurrence'
    "as the fallback": ("as a backup", "as the backup", "as backup", "as a fallback", "as fallback"),
    "otherwise": ("failing that", "failing which", "if that fails", "or else"),
    "the first one": ("the first occurrence", "the first instance", "the first appearance", "the first hit"),
    # a column not wanted, said bare: 'Notes. Don't want it.'
    "don't import": ("don't want", "do not want", "dont want"),
    "are duplicated": ("are repeating", "are repeated", "appear more than once", "occur more than once",
                       "show up more than once", "appear twice", "show up twice"),
}  # fmt: skip

# the words a reader is told to choose with: 'makes sense', 'you think is best', 'suits', 'you like'
_CHOICE = (
    r"(?:(?:you|it|that)\s+)?(?:(?:think|feel|find|reckon)\s+(?:is\s+|it\s+is\s+|it's\s+)?)?(?:makes?\s+(?:the\s+most\s+)?"
    r"sense|is\s+best|(?:fits|suits|works)(?:\s+(?:best|you))?|like|want|prefer|see\s+fit|best|suitable|good|"
    r"appropriate|right)"
)

RULES: list[_Rule] = [
    # a vague head noun after a name: 'the signup date thing is day first'
    (re.compile(r"\bthe\s+(?P<x>[\w-]+(?:\s+[\w-]+)?)\s+(?:thing|stuff|bit|business|column\s+thing)\b", re.I),
     r"the \g<x>"),
    # a place left to the reader: 'store them wherever makes sense', 'in whichever field you think is best'
    (re.compile(rf"\b(?:in\s+|to\s+|into\s+)?(?:wherever|whichever\s+(?:field|place|spot|column)|any\s+(?:field|place)"
                rf"\s+(?:that\s+)?)\s*{_CHOICE}\b", re.I), "somewhere"),
    (re.compile(r"\bsomewhere\s*,?\s+somewhere\b", re.I), "somewhere"),
    # a delegation after 'somewhere' ('… somewhere, not sure where, you pick'): 'somewhere' already leaves the choice
    (re.compile(r"\b(somewhere|some\s+field)[\s,]+(?:(?:i'?m\s+)?(?:not\s+sure|dunno|no\s+idea|(?:i\s+)?do\s*n[o']?t\s+"
                r"know)\s+(?:where|which)\b[\s,]*)?(?:(?:you|u)\s+(?:pick|choose|decide)|(?:your|ur)\s+(?:call|choice|"
                r"pick)|up\s+to\s+you)?\s*$", re.I), r"\1"),
    # a column given 'some field' after a colon: 'Notes: some field' is 'put Notes in some field'
    (re.compile(r"^(?P<x>[\w' -]{1,30}?)\s*:\s*(?:in\s+|into\s+)?(?:some|any)\s+field$", re.I),
     r"put \g<x> in some field"),
    # a preference as a comparison: 'better from Mobile than from Work Phone for the phone field'
    (re.compile(r"^(?:(?:it's|it\s+is|it\s+would\s+be|would\s+be)\s+)?(?:better|preferably|rather)\s+(?:to\s+take\s+|"
                r"to\s+use\s+)?(?:from\s+)?(?:the\s+)?(?P<a>[\w' -]{2,30}?)\s+than\s+(?:from\s+)?(?:the\s+)?"
                r"(?P<b>[\w' -]{2,30}?)\s+for\s+(?:the\s+)?(?P<f>[\w' -]{2,30}?)(?:\s+field)?$", re.I),
     r"use \g<a> for \g<f> instead of \g<b>"),
    # a substitution: 'substitute Mobile for Work Phone as the source of phone' (A takes B's place)
    (re.compile(r"^(?:substitute|swap\s+in|sub\s+in|put)\s+(?:the\s+)?(?P<a>[\w' -]{2,30}?)\s+"
                r"(?:for|in\s+place\s+of)\s+(?:the\s+)?(?P<b>[\w' -]{2,30}?)\s+"
                r"(?:as\s+(?:the\s+)?(?:source|input)\s+(?:of|for)|for|in)\s+(?:the\s+)?(?P<f>[\w' -]{2,30}?)"
                r"(?:\s+field)?$", re.I),
     r"use \g<a> for \g<f> instead of \g<b>"),
    # a belief verb for how values read: 'think it is Germany', 'assume they are German' (never 'don't think')
    (re.compile(r"(?<!n't\s)(?<!not\s)\b(?:think|assume|consider|regard|believe)\s+(?P<o>it|they|them|those|these)\s+"
                r"(?:is|are|as|to\s+be)\s+(?=[A-Z]\w+\s*$)"), r"treat \g<o> as "),
    # the rows besides the one kept, said with a passive or a bare verb of removal: 'the rest get cut', 'other delete'
    (re.compile(r"^(?:and\s+)?(?:the\s+)?(?P<o>rest|others|other\s+(?:rows|ones|records|entries)|remaining\s+"
                r"(?:rows|ones)|other)\s+(?:(?:should|must|can|will)\s+)?(?:(?:get|gets|be|are|go|goes)\s+)?"
                r"(?:cut|dropped|deleted|removed|binned|tossed|discarded|thrown\s+out|away|out|delete|remove|drop)$",
                re.I), "drop the rest"),
    # the row kept said as its subject with 'stay': 'only first row stay', 'the first one remains'
    (re.compile(r"^(?:only\s+)?(?:the\s+)?first\s+(?P<x>rows?|ones?|records?|entry|entries)\s+"
                r"(?:(?:should|must|can|will)\s+)?(?:stays?|remains?|survives?|is\s+kept|gets\s+kept|be\s+kept)$",
                re.I),
     r"keep only the first \g<x>"),
    # a date order said with ordinals: 'first is the day, second is the month'
    (re.compile(r"\bfirst\s+(?:is|comes|goes)\s+(?:the\s+)?day\b(?:\s*,?\s*(?:then|second|and\s+then|and)\s+"
                r"(?:is\s+|comes\s+)?(?:the\s+)?month)?", re.I), "day first"),
    # a value said as what a field should show: 'Blank countries should say US'
    (re.compile(r"\b(should|must|needs?\s+to|has\s+to|have\s+to)\s+(?:say|read|show|display)\s+(?=\S)", re.I),
     r"\1 be "),
    # rows named by a value they are marked with, said to go: 'anything marked test in Lifecycle can go'
    (re.compile(r"^(?:anything|everything|whatever(?:\s+is)?|any\s+rows?|all\s+rows?|rows?|records?|entries)\s+"
                r"(?:marked|tagged|labell?ed|flagged)(?:\s+as)?\s+(?P<v>[\w-]+)\s+in\s+(?:the\s+)?(?P<c>[\w' -]{2,30}?)"
                r"\s+(?:can|should|may|must|will)\s+(?:go|be\s+(?:dropped|removed|deleted|binned|discarded))$", re.I),
     r"drop rows where \g<c> is \g<v>"),
    # a column said to show a value: 'Lifecycle says test' is 'Lifecycle is test'
    (re.compile(r"^(?P<c>[A-Z][\w' -]{1,30}?)\s+(?:says|reads|shows)\s+(?P<v>[\w-]+)$"), r"\g<c> is \g<v>"),
    # the speaker's 'we can' before a command verb: 'We can skip the Notes column' (never 'we might', undecided)
    (re.compile(r"^(?:so\s+)?(?:we|you)\s+(?:can|could|may|might\s+as\s+well)\s+(?:just\s+|simply\s+)?(?=(?:skip|drop|"
                r"remove|delete|ignore|exclude|use|take|map|split|import|set|treat|read|lowercase|translate|fill|leave)\b)",
                re.I), ""),
    # a default said value first: 'US is the default country' is 'the default country is US'
    (re.compile(r"^(?P<v>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)\s+(?:is|should\s+be|will\s+be)\s+(?:the|our)\s+default\s+"
                r"(?P<f>[\w -]{2,20}?)$"), r"the default \g<f> is \g<v>"),
    # 'only' before the verb it limits: 'Only keep the first one' is 'keep only the first one'
    (re.compile(r"^only\s+(keep|take|import|use|retain)\s+(?!only\b)", re.I), r"\1 only "),
    # 'instead' with nothing it replaces ('Could email be optional instead?'): said for contrast with the current
    (re.compile(r"(?<=\w)\s*,?\s+instead\s*[.!?]*$", re.I), ""),
    # rows kept off the import: 'keep them off the import', 'keep the test rows out of the load'
    (re.compile(r"\bkeep\s+(?P<o>them|those|these|(?:the\s+)?[\w' -]{1,30}?\s+(?:rows|records|entries|contacts))\s+"
                r"(?:off|out\s+of)\s+(?:the\s+)?(?:import|migration|load|upload|file)\b", re.I), r"drop \g<o>"),
]  # fmt: skip


# a topic said first with no comma, then the speaker's wish on its pronoun: 'the notes I want them kept somewhere'
_TOPIC_RE = re.compile(
    r"(^|(?<=[.!?]\s))(?P<np>(?i:the|my|our|all\s+the)\s+[\w-]+(?:\s+[\w-]+)?|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+"
    r"(?=(?i:i|we)\s+(?i:want|need|would\s+like|'d\s+like|do\s*n[o']t\s+(?:need|want))\s+(?i:them|it)\b)"
)


# a country code said as its digits: 'numbers with no +49 or other prefix' are numbers with no country code
_DIAL_CODE_RE = re.compile(
    r"\b(?P<w>no|without|lacking|missing)\s+(?:an?\s+|the\s+)?\+\d{1,3}(?:\s+or\s+(?:any\s+)?(?:other|another)"
    r"(?:\s+(?:prefix|country\s+code|code|dial(?:l)?ing\s+code))?|\s+(?:prefix|country\s+code|code))(?!\w)",
    re.I,
)


# a source said, then a sentence that only says what it is not: 'Phone should be Mobile. Not Work Phone.'
_NOT_AFTER_RE = re.compile(
    r"(?P<head>(?:^|(?<=[.!?]\s))[^.!?\n]*?(?:=|:|\bfrom\b|\buse\b|\bshould\s+be\b|\bcomes?\s+from\b)[^.!?\n]*?)"
    r"\s*[.!;]\s+(?i:not)\s+(?i:from\s+)?(?i:the\s+)?(?P<x>[A-Z][\w' -]{1,30}?)\s*[.!]?\s*$"
)


# a column named by a description, then by its name in apposition: 'the cell column, Mobile'
_APPOSED_RE = re.compile(
    r"\b(?i:the)\s+[\w-]+(?:\s+[\w-]+)?\s+(?i:column|field)\s*,\s*(?P<n>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)"
    r"(?=\s*(?:[.;!?]|$))"
)
# a state said of a column, then a condition that only points back at it: 'Work Phone is often empty. When it is, …'
_ELLIPTIC_RE = re.compile(
    r"(?P<s>\b[A-Z][\w' -]{1,30}?)\s+(?P<v>is|are)\s+(?:(?:often|sometimes|usually|mostly|occasionally|frequently|"
    r"regularly)\s+)?(?P<st>empty|blank|missing)\s*[.;]\s+(?P<c>when|if|where|whenever)\s+(?:it|they|that)\s+(?:is|are)"
    r"(?:\s+(?:empty|blank|missing))?\s*,?\s+",
    re.I,
)


# a fallback said after a sentence break belongs to the source before it: 'Fill X from A; failing that, from B',
# 'Organization for company; email domain as the fallback'
_FALLBACK_AFTER_BREAK_RE = re.compile(
    r"\s*[;.]\s+(?=(?i:otherwise|else|or\s+else|failing\s+that|failing\s+which|if\s+not|if\s+that\s+fails)\b)|"
    r"\s*;\s+(?=(?i:with\s+)?(?i:the\s+)?[\w' -]{1,30}?\s+"
    r"(?i:as\s+(?:the\s+|a\s+)?(?:fallback|backup|second\s+choice))\b)"
)
# the source a field had, said in brackets after the new one: 'phone <- Mobile (was Work Phone)'
_WAS_RE = re.compile(r"\s*\((?i:was|previously|formerly|currently|not|instead\s+of)\s+(?P<x>[^()]{1,30}?)\s*\)")


# the speaker pointing at a column before the command on its pronoun: 'I'm looking at the Notes column. Skip it.'
_LOOKING_AT_RE = re.compile(
    r"(?P<lead>^|(?<=[.!?]\s))(?:(?:so|ok|okay|now)\s*,?\s+)?(?:(?:i'?m|i\s+am|we'?re|we\s+are)\s+)?(?:looking\s+at|"
    r"talking\s+about)\s+(?P<x>[^.,;:!?]{2,40}?)\s*[.,:;]\s+(?=\S)",
    re.I,
)


# the speaker's standpoint before the command: 'From a marketing POV, …', 'Speaking as the data owner, …'
_ROLE_FRAME_RE = re.compile(
    r"(?P<lead>^|(?<=[.!?]\s))(?i:from\s+(?:a|an|the|my|our)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:pov|perspective|point\s+of\s+"
    r"view|standpoint|angle)|speaking\s+as\s+(?:a|an|the)\s+[\w-]+(?:\s+[\w-]+)?)\s*,\s*"
)


def message_idioms(text: str) -> str:
    """A topic said first gets the comma that parts it from the wish on its pronoun (the session then reads the
    pronoun as the one name the topic says); a country code said as its digits is said as a country code."""
    text = _DIAL_CODE_RE.sub(r"\g<w> prefix", text)
    # a part of a value named as a part ('the domain part of the e-mail address'): the domain of it, before any
    # family reads 'domain … e-mail' as an address to build
    text = re.sub(r"\b(domain|local|user(?:name)?)\s+(?:part|portion|bit|section)\s+of\b", r"\1 of", text, flags=re.I)
    text = _NOT_AFTER_RE.sub(r"\g<head> instead of \g<x>.", text)
    text = _APPOSED_RE.sub(r"\g<n>", text)
    text = _WAS_RE.sub(r" instead of \g<x>", text)
    text = re.sub(r",\s*(?i:falling\s+back\s+(?:to|on))\s+", ", otherwise ", text)
    text = _LOOKING_AT_RE.sub(r"\g<lead>\g<x>, ", text)
    text = _ROLE_FRAME_RE.sub(r"\g<lead>", text)
    text = _FALLBACK_AFTER_BREAK_RE.sub(", ", text)
    text = re.sub(r",\s*(?i:if\s+not|if\s+that\s+fails)\s*,\s*", ", otherwise ", text)
    text = _ELLIPTIC_RE.sub(lambda m: f"{m['c'].capitalize()} {m['s']} {m['v']} {m['st']}, ", text)
    return _TOPIC_RE.sub(r"\1\g<np>, ", text)
