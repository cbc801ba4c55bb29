"""Round 28 (issue 13): two registers found as dev34's misses, each said the plain way (after `spoken_form`, before
`comment_worded`); a form of wording, never a corpus string:

- a formal business e-mail's courtesy (the Japanese-style 'keigo' letter): its opening wishes ('I hope this message
  finds you well', 'Thank you always for your kind support'), its closing thanks and apologies ('We apologise for any
  inconvenience', 'We deeply appreciate your consideration', 'Thank you for your understanding') and its sign-off
  ('Sincerely,', 'With best regards,', 'Respectfully,' and the name lines under it) go; its request frames are said
  plainly: 'We would be (most) grateful if (…,) you could (kindly) X' as '(…,) X', 'We would like to (kindly) ask
  whether it might be possible to X' as 'please X', 'We (humbly) ask / request that X be done' as 'X should be
  done', '(please) kindly note that' gone, and 'in (the) case(s) where' as 'where';
- Tyneside (Geordie) English, only words that mean one thing there: a call before the request ('Howay (man / pet /
  lads),', 'Whey aye,'), a vocative after a clause (', pet', ', hinny', ', man'), 'divvent' / 'dinnet' as "don't",
  'cannet' as "can't", 'wor' as 'our', 'neebody' as 'nobody', 'nowt' as 'nothing', 'gannin(g)' / 'gan' as
  'going' / 'go', 'ower' as 'over', 'ye' as 'you', a closing ', like?' as '?', and "I'm not bothered" as "I don't mind".

A message with none of these comes back as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_OPENING_RE = re.compile(
    r"(?:^|(?<=[.!\n]))\s*(?:i|we)\s+(?:hope|trust)\s+(?:this\s+(?:message|e-?mail|note|letter)\s+finds\s+you\s+"
    r"(?:well|in\s+good\s+health)|you\s+are\s+(?:doing\s+)?well|all\s+is\s+well(?:\s+with\s+you)?)[.!]\s*|"
    r"(?:^|(?<=[.!\n]))\s*thank\s+you\s+(?:always\s+|very\s+much\s+|again\s+)?for\s+your\s+(?:kind\s+|continued\s+|"
    r"continuous\s+|constant\s+)*(?:support|cooperation|assistance|help)(?:\s+as\s+always)?[.!]\s*",
    re.I,
)
_CLOSING_RE = re.compile(
    r"(?:^|(?<=[.!\n]))\s*(?:(?:we|i)\s+(?:sincerely\s+|deeply\s+)?(?:apologi[sz]e|are\s+sorry)\s+for\s+(?:any|the)\s+"
    r"(?:inconvenience|trouble|bother)(?:\s+\w+){0,4}|(?:we|i)\s+(?:deeply\s+|greatly\s+|sincerely\s+|truly\s+)?"
    r"(?:appreciate|thank\s+you\s+for)\s+your\s+(?:kind\s+)?(?:consideration|understanding|patience|cooperation|"
    r"time)|thank\s+you\s+(?:very\s+much\s+)?for\s+your\s+(?:kind\s+)?(?:consideration|understanding|patience)|"
    r"(?:we|i)\s+look\s+forward\s+to\s+(?:your\s+(?:reply|response)|hearing\s+from\s+you))[.!]\s*",
    re.I,
)
_SIGN_OFF_RE = re.compile(
    r"\n\s*(?:sincerely|yours\s+(?:sincerely|faithfully|truly)|(?:with\s+)?(?:best|kind|warm)(?:est)?\s+regards|"
    r"regards|respectfully(?:\s+yours)?|with\s+(?:gratitude|appreciation|respect))\s*,?\s*(?:\n[^\n]{0,60}){0,3}\s*$",
    re.I,
)
_GRATEFUL_RE = re.compile(
    r"\b(?:we|i)\s+would\s+be\s+(?:most\s+|very\s+|deeply\s+|truly\s+)?(?:grateful|thankful|obliged|appreciative)\s+"
    r"if\s*(?P<pre>,[^,]{3,80},)?\s*you\s+(?:could|would|might)\s+(?:kindly\s+|please\s+)?",
    re.I,
)
_ASK_WHETHER_RE = re.compile(
    r"\b(?:we|i)\s+would\s+like\s+to\s+(?:kindly\s+|humbly\s+|respectfully\s+)?(?:ask|enquire|inquire)\s+"
    r"(?:you\s+)?(?:whether|if)\s+it\s+(?:might|may|would|could)\s+be\s+possible\s+(?:for\s+you\s+)?to\s+",
    re.I,
)
_ASK_THAT_RE = re.compile(
    r"\b(?:we|i)\s+(?:would\s+)?(?:humbly\s+|kindly\s+|respectfully\s+)?(?:ask|request|beg)\s+that\s+"
    r"(?P<x>(?:[\w'-]+\s+){0,3}?[\w'-]+)\s+be\s+",
    re.I,
)
_KINDLY_NOTE_RE = re.compile(r"\b(?:please\s+)?kindly\s+(?:note|be\s+advised)\s+that\s+", re.I)
_IN_CASES_RE = re.compile(r"\bin\s+(?:the\s+)?cases?\s+(?:where|when|that)\b", re.I)


def _keigo(message: str) -> str:
    said = _SIGN_OFF_RE.sub("", message)
    said = _OPENING_RE.sub(" ", said)
    said = _CLOSING_RE.sub(" ", said)
    said = _GRATEFUL_RE.sub(lambda m: f"{(m['pre'] or '').strip(', ')}, ".lstrip(", "), said)
    said = _ASK_WHETHER_RE.sub("please ", said)
    said = _ASK_THAT_RE.sub(lambda m: f"{m['x']} should be ", said)
    said = _KINDLY_NOTE_RE.sub("", said)
    said = _IN_CASES_RE.sub("where", said)
    return said


# Tyneside words with one meaning there (not 'canny', 'bairn', 'like' inside a sentence: said in other ways too)
_GEORDIE_WORDS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            r"(?:^|(?<=[.!\n]))\s*(?:howay|haway|whey\s+aye|wey\s+aye)(?:\s+(?:man|pet|lads?|hinny|like))?"
            r"\s*[,!.]\s*",
            re.I,
        ),
        " ",
    ),
    (re.compile(r"\s*,\s*(?:pet|hinny|man|marra|lads?)\s*(?=[.!?]|$)", re.I | re.M), ""),
    (re.compile(r"\b(?:divvent|divvn't|dinnet)\b", re.I), "don't"),
    (re.compile(r"\bcannet\b", re.I), "can't"),
    (re.compile(r"\bwor\b(?=\s+\w)", re.I), "our"),
    (re.compile(r"\bneebody\b", re.I), "nobody"),
    (re.compile(r"\bnowt\b", re.I), "nothing"),
    (re.compile(r"\bgannin[g']?", re.I), "going"),
    (re.compile(r"\bgan\b(?=\s+(?:in|into|to|oot|out|ower|over|back)\b)", re.I), "go"),
    (re.compile(r"\bower\b", re.I), "over"),
    (
        re.compile(
            r"\bye\b(?=\s+(?:make|find|put|take|use|drop|leave|fix|sort|get|change|give|split|map|tell|show|"
            r"gan|go|keep|do)\b)",
            re.I,
        ),
        "you",
    ),
    (re.compile(r"\bcan\s+ye\b", re.I), "can you"),
    (re.compile(r"\s*,\s*like\s*\?", re.I), "?"),
    (re.compile(r"\bI'?m\s+not\s+bothered\b", re.I), "I don't mind"),
    # 'them office lines', 'them Notes': 'them' as the determiner before a plural
    (re.compile(r"(?<=\w\s)them\s+(?=(?:\w+\s+)?[A-Za-z]+s\b(?!\s+(?:a|an|the)\b))"), "the "),
]
# a Geordie word must be there before any is read: 'ye' or 'ower' alone is old or dialect English of many places
_GEORDIE_MARK_RE = re.compile(
    r"\b(?:howay|haway|whey\s+aye|divvent|dinnet|cannet|neebody|nowt|gannin[g']?|wor|hinny)\b", re.I
)


def geordie_said(message: str) -> str:
    """The message with Tyneside words said plainly (only when one of the region's own words is there)."""
    if not _GEORDIE_MARK_RE.search(message):
        return message
    for pattern, plain in _GEORDIE_WORDS:
        message = pattern.sub(_plain_word(plain), message)
    return message


def _plain_word(plain: str) -> Callable[[re.Match[str]], str]:
    return lambda m: _same_case(m.group(0), m.expand(plain))


def _same_case(typed: str, plain: str) -> str:
    """'Neebody' -> 'Nobody': the plain word capitalised as the typed one was."""
    first = typed.lstrip()[:1]
    return plain[:1].upper() + plain[1:] if first.isupper() and plain[:1].isalpha() else plain


def registered(message: str) -> str:
    """The message with a formal e-mail's courtesy and Tyneside words said plainly."""
    said = geordie_said(_keigo(message))
    return message if said == message else " ".join(said.split()) if "\n" not in said.strip() else said.strip()
