"""Everyday ways of asking each clarify question class, rewritten to the words that class's intent listens for
(`clarify.answer_question` reads the question through `rephrase` first)."""

from __future__ import annotations

import re

_NUMBER_WORDS = re.findall(
    r"\w+",
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty",
)
# Everyday ways of asking each question class, each rewritten to the words its intent listens for. They are
# kinds of wording (a negated 'import', 'share a', 'two times', 'double-check'), not whole questions.
_ORDINAL_WORDS = re.findall(
    r"\w+",
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth",
)
_REWORDINGS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?:^|(?<=\s))#\s*(\d+)\b"), r"row \1"),
    # round 8: 'the twelfth row' is row 12; British and Australian words for dropped, imported and invalid
    (re.compile(r"\b(?:the\s+)?(" + "|".join(_ORDINAL_WORDS[1:]) + r")\s+(row|line|record|entry)\b", re.I), "ORDINAL"),
    (re.compile(r"\bflagged\s+up\b", re.I), "flagged"),
    (
        re.compile(
            r"\b(?:binned|chucked(?:\s+out)?|ditched|scrapped|axed|tossed(?:\s+out)?|culled|weeded\s+out|"
            r"kicked\s+out|got\s+rid\s+of)\b",
            re.I,
        ),
        "dropped",
    ),
    (
        re.compile(
            r"\b(?:won'?t|will not|do(?:es)?n'?t|do(?:es)? not|are not|aren'?t|is not|isn'?t|never)\s+"
            r"(?:be(?:ing)?\s+|getting\s+)?(?:go(?:ing)?|com(?:ing|e)|get(?:ting)?|mak\w* it|carried|brought|taken)"
            r"\s+(?:across|over|through)\b",
            re.I,
        ),
        "not imported",
    ),
    (re.compile(r"\b(?:dodgy|dodgey|dud|duff|wonky|bogus|rubbish|garbage|junk|iffy|dicey)\b", re.I), "invalid"),
    (re.compile(r"\b(row|line|record|entry)\s+(" + "|".join(_NUMBER_WORDS) + r")\b", re.I), "NUMBER"),
    (
        re.compile(
            r"\b(?:won'?t|will not|wo not|do(?:es)?n'?t|do(?:es)? not|are not|aren'?t|is not|isn'?t|never)\s+"
            r"(?:be\s+|being\s+|getting\s+|gets?\s+)?(?:make it(?: in(?:to)?)?|come in(?:to)?|go in(?:to)?|"
            r"get in(?:to)?|import(?:ed)?|brought (?:over|in)|bring over|carried over|carry over|migrated|migrate|"
            r"taken over|used|loaded|load|arrive|go anywhere|going anywhere|end up anywhere|ending up anywhere|taken|"
            # a bare 'use'/'take' with no object after it: 'the columns you don't use, which are they?'
            r"(?:use|take)(?=\s*(?:[,.?!;]|$|\s+(?:at all|anywhere|for anything)\b)))\b",
            re.I,
        ),
        "not imported",
    ),
    (re.compile(r"\b(?:come|comes|go|goes|get|gets)\s+not\s+(?:in(?:to)?|imported)\b", re.I), "not imported"),
    (re.compile(r"\bnot in the (?:import|migration|upload|crm)\b", re.I), "not imported"),
    (
        re.compile(
            r"\bnot\s+(?:bringing|importing|taking|carrying|loading|migrating|using|keeping)(?:\s+(?:over|in|across))?\b",
            re.I,
        ),
        "not imported",
    ),
    (
        re.compile(
            r"\b(?:lo+sing|lo+se|lost|deleted|delete|thrown out|cut|disappear\w*|vanish\w*|throw(?:n|ing)? away|"
            r"throw out|go(?:es)? away|stays? out|filtered out|left aside|leave aside|stays? behind|left behind)\b",
            re.I,
        ),
        "dropped",
    ),
    (
        re.compile(
            r"\b(?:share|sharing|shares|have|has|with)\s+(?:an?|one|the)\s+(?:same\s+)?(\w+)\b(?=.*\b(?:two|both|"
            r"several|multiple|more)\b)|\b(?:two|both|several|multiple)\s+(?:rows|records|lines|contacts)\s+"
            r"(?:share|have|with)\s+(?:an?|the|one)\s+(?:same\s+)?(\w+)",
            re.I,
        ),
        "DUP",
    ),
    (
        re.compile(r"\b(?:two times|2 times|in double|doubled|more than once|several times|double entries)\b", re.I),
        "twice",
    ),
    (
        re.compile(
            r"\b(?:not correct|not right|do(?:es)?n'?t validate|do(?:es)? not validate|won'?t validate|"
            r"not validating|fail(?:s|ing)? validation|won'?t parse|can'?t be read|unreadable|"
            r"do(?:es)?n'?t work|do(?:es)? not work|not working|won'?t work|unusable|unreachable|no good|"
            r"can'?t be (?:dialled|dialed|called|reached|used|sent to|parsed|read|formatted|validated|understood)|"
            r"cannot be (?:dialled|dialed|called|reached|used|parsed|read|formatted|validated|understood)|"
            r"unparse?able)\b",
            re.I,
        ),
        "invalid",
    ),
    (
        re.compile(
            r"\b(?:double[- ]?check|re-?check|check by hand|verify|review|look at again|trust)\b|"
            r"\b(?:should|must|need to|have to|ought to)\s+(?:check|look at|look over|go over|confirm)\b|"
            r"\bmappings?\b.*\b(?:might|could|may)\s+be\s+(?:wrong|off|mistaken|incorrect)\b|"
            r"\b(?:might|could|may)\s+(?:the\s+|a\s+|any\s+)?mappings?\s+be\s+(?:wrong|off|mistaken|incorrect)\b|"
            r"\b(?:might|could|may)\s+be\s+(?:mis-?mapped|mapped wrong|wrongly mapped)\b",
            re.I,
        ),
        "low confidence",
    ),
]


def rephrase(text: str) -> str:
    """The question with everyday wordings of each question class rewritten to that class's words."""
    for pattern, replacement in _REWORDINGS:
        if replacement == "ORDINAL":
            text = pattern.sub(lambda m: f"{m.group(2)} {_ORDINAL_WORDS.index(m.group(1).lower())}", text)
        elif replacement == "NUMBER":
            text = pattern.sub(lambda m: f"{m.group(1)} {_NUMBER_WORDS.index(m.group(2).lower())}", text)
        elif replacement == "DUP":
            text = pattern.sub(lambda m: f"have the same {m.group(1) or m.group(2)}", text)
        else:
            text = pattern.sub(replacement, text)
    return text
