"""Forms of a whole message that wrap a command without changing it (round 8 of issue 13): over-polite frames,
a command said as the denial of its opposite, and a line of the preview quoted back. Each is rewritten to the plain
command the families already read, so what it means is still decided by the families, the resolver and `fit.py`.

Kept apart from `voices.py` (code, dictation, lists) because these are register, not notation: how politely, how
negatively, or with what quoted, a person says the same command.
"""

from __future__ import annotations

import re

_Rule = tuple[re.Pattern[str], str]

# --- courtesy: a frame around the command ('I would be most grateful if you could kindly X, if at all possible') ---

_ADVERBS = r"(?:(?:possibly|perhaps|kindly|please|just|maybe|at all|also)\s+)*"
COURTESY: list[_Rule] = [
    # 'would you be so (very) kind as to X', 'could you be good enough to X'
    (re.compile(rf"\b(?:would|could|will|might|can)\s+you\s+{_ADVERBS}be\s+(?:so\s+(?:very\s+)?kind\s+as|"
                r"(?:kind|good)\s+enough|so\s+good\s+as)\s+to\s+", re.I), ""),
    # 'I would be (most / ever so) grateful if (, where ..., ) you could X'
    (re.compile(r"\b(?:i|we)(?:'d|\s+would|\s+should)\s+be\s+(?:\w+\s+){0,2}?(?:grateful|obliged|thankful|"
                r"appreciative|glad|delighted|pleased)\s+if\s*,?\s*", re.I), ""),
    (re.compile(r"\b(?:it\s+would\s+be|that\s+would\s+be)\s+(?:\w+\s+){0,2}?(?:great|lovely|helpful|brilliant|"
                r"wonderful|appreciated)\s+if\s*,?\s*", re.I), ""),
    # the 'you could' the frame above leaves before its verb: at the start or after the fronted condition
    (re.compile(rf"(^|,\s*)you\s+(?:could|would|can|might)\s+{_ADVERBS}(?!be\b|have\b|not\b)", re.I), r"\1"),
    # 'might you possibly X', 'would you kindly X' (a modal with a courtesy adverb: never a question of fact)
    (re.compile(r"^(?:might|could|would|will|can)\s+you\s+(?:possibly|perhaps|kindly|please)\s+(?:please\s+)?",
                re.I), ""),
    # 'would it be possible (, at all,) to X'
    (re.compile(r"^(?:would|will|is)\s+it\s+be\s+(?:at\s+all\s+)?possible\s*,?\s*(?:at\s+all\s*,?\s*)?"
                r"(?:for\s+you\s+)?to\s+", re.I), ""),
    (re.compile(r"^is\s+it\s+(?:at\s+all\s+)?possible\s*,?\s*(?:at\s+all\s*,?\s*)?(?:for\s+you\s+)?to\s+", re.I),
     ""),
    # trailing conditions of courtesy: 'if that is at all possible', 'if you'd be so kind', 'if you don't mind'
    (re.compile(r"\s*,?\s*if\s+(?:that|it|this)(?:'s|\s+is|\s+were|\s+would\s+be)\s+(?:at\s+all\s+)?"
                r"(?:possible|ok(?:ay)?|alright|all\s+right|not\s+too\s+much\s+(?:trouble|bother))\b", re.I), ""),
    (re.compile(r"\s*,?\s*if\s+you(?:'d|\s+would)\s+be\s+so\s+kind\b", re.I), ""),
    (re.compile(r"\s*,?\s*if\s+you\s+(?:don'?t|do\s+not)\s+mind\b", re.I), ""),
    # a label that only announces the request: 'Quick one:', 'One thing:', 'Anyway,'
    (re.compile(r"(^|(?<=[.!?]\s))(?:(?:just\s+)?(?:a\s+)?quick\s+(?:one|question|thing|request)|one\s+(?:more\s+)?"
                r"thing|small\s+(?:thing|request)|anyway|anyhow|that\s+said|by\s+the\s+way|btw)\s*[:,\u2013\u2014-]\s*",
                re.I), r"\1"),
    # an apology before the request: 'Sorry for the fuss: …', 'Apologies for the delay, …' (with what it is for, so a
    # bare 'sorry,' that corrects a word said just before stays)
    (re.compile(r"(^|(?<=[.!?]\s))(?:(?:so|really|very)\s+)?(?:sorry|apologies|my\s+apologies)\s+(?:for|about|to)\s+"
                r"(?:\w+\s+){0,4}?\w+\s*[:,\u2013\u2014-]\s*", re.I), r"\1"),
    # 'obviously', 'just so you know', 'at all': said for tone
    (re.compile(r"\s*,?\s*(?:obviously|of course|as you (?:might|may) know|just so you know|as it happens)\b\s*"
                r"(?:[\u2013\u2014-]\s*)?", re.I), ", "),
    (re.compile(r"\s*,\s*(?=[.!?,]|$)"), ""),  # the comma such a word leaves at the end of a sentence
]  # fmt: skip

# --- a command said as the denial of its opposite ----------------------------------------------------------------

_DONT = r"(?:don'?t|do\s+not|never|please\s+don'?t|please\s+do\s+not)"
_EMPTY = r"(?:empty|blank|unfilled|unset|without\s+a\s+value)"
_DASH = r"\s*(?:[\u2013\u2014:;,]|\s-)\s*"


def _when(cond: str) -> str:
    """'Organization is' (a condition whose 'empty' the sentence leaves out) → 'Organization is empty'."""
    cond = cond.strip()
    return cond + " empty" if re.search(r"\b(?:is|are)$", cond, re.I) else cond


def _fill_when(m: re.Match[str]) -> str:
    """'don't leave X empty when C — V' → 'X: V when C' (the field to fill, and what fills it)."""
    return f"{m.group('x')}: {m.group('v')} when {_when(m.group('c'))}"


OPPOSITES: list[tuple[re.Pattern[str], str | object]] = [
    # 'don't leave phone blank when Work Phone is empty - use the Mobile then'
    (re.compile(rf"\b{_DONT}\s+leave\s+(?:the\s+)?(?P<x>[\w -]{{1,30}}?)\s+{_EMPTY}\s+(?:when|if|where|whenever)\s+"
                rf"(?P<c>[^\u2013\u2014:;,.]{{1,50}}?){_DASH}(?:(?:so|just|then)\s+)?(?P<v>[^.;]+?)(?:\s+(?:then|instead))?"
                r"(?=[.!;]|$)", re.I), _fill_when),
    # 'don't leave country empty — US when nothing's there'
    (re.compile(rf"\b{_DONT}\s+leave\s+(?:the\s+)?(?P<x>[\w -]{{1,30}}?)\s+{_EMPTY}{_DASH}(?:(?:so|just|then)\s+)?"
                r"(?:(?:put|use|make\s+it|set\s+it\s+to|fill\s+in)\s+)?(?=[^.;!]*\b(?:when|if|where|whenever)\b)",
                re.I),
     r"\g<x>: "),
    # 'don't leave country blank - just put US' (no condition said: the field's own emptiness is it)
    (re.compile(rf"\b{_DONT}\s+leave\s+(?:the\s+)?(?P<x>[\w -]{{1,30}}?)\s+{_EMPTY}{_DASH}(?:(?:so|just|then)\s+)?"
                r"(?:(?:put|use|make\s+it|set\s+it\s+to|fill\s+in)\s+)?", re.I), r"if \g<x> is empty, "),
    # 'don't keep capital letters in the emails', 'no upper case in email'
    (re.compile(rf"\b(?:{_DONT}\s+(?:keep|want|allow|leave|have)\s+(?:any\s+)?|no\s+)"
                r"(?:capital|capitals|upper[- ]?case|uppercase|caps)(?:\s+letters)?\s+(?:in|on|for)\s+", re.I),
     "lowercase "),
    # 'don't keep that last change' (the change just made, not a named one)
    (re.compile(rf"^{_DONT}\s+(?:keep|want|apply)\s+(?:that|this|the|my)\s+(?:last\s+|latest\s+|previous\s+|recent\s+)?"
                r"(?:change|edit|update)(?=\s*[.!]*$)", re.I), "undo that"),
    # 'don't treat X as anything but German' → 'treat X as German'
    (re.compile(rf"\b{_DONT}\s+(?P<v>treat|read|count|take|consider|handle)\s+(?P<x>.{{1,60}}?)\s+as\s+"
                r"(?:anything|something)\s+(?:but|other\s+than|else\s+than|except)\s+", re.I), r"\g<v> \g<x> as "),
    # 'don't lose the notes' → 'keep the notes' (a wish to keep them, somewhere)
    (re.compile(rf"\b{_DONT}\s+lose\s+", re.I), "keep "),
]  # fmt: skip

# --- a line of the preview quoted back -----------------------------------------------------------------------------

_QUOTED_LINE = re.compile(
    r"^(?:in\s+|on\s+)?(?:(?:the\s+)?(?:row|line|entry|bit|part|mapping|one)\s+(?:that|which|where\s+it)\s+"
    r"(?:says|reads|shows)|where\s+(?:it|the\s+preview)\s+(?:says|reads|shows)|the\s+preview\s+(?:says|shows))\s+"
    # (or the line's state in brackets after the field: 'created_at (not mapped)')
    r"(?P<a>[^\u2190\u2192<>=:,(]+?)\s*(?:(?:\u2190|<-|<=|\u2192|->|=>|:|=|\bis\b|\bcomes\s+from\b)\s*|(?=\())"
    r"(?P<b>\(?[^,;\u2013\u2014]+?\)?)\s*(?P<rest>(?:,|;|\u2013|\u2014|\s+(?=should\b|must\b|needs?\b|ought\b|"
    r"keep\b)).*)$",
    re.I,
)
_NOT_IMPORTED = re.compile(
    r"^\(?\s*(?:not\s+(?:imported|mapped|used)|unmapped|unused|nothing|none|empty|-+)\s*\)?$", re.I
)
_SHOULD_BE = re.compile(
    r"^[,;\s\u2013\u2014]*(?:it\s+|that\s+)?(?:should|must|needs?\s+to|ought\s+to)\s+(?:say|read|be|show|use|"
    r"come\s+from|take)\s+(?:the\s+)?(?P<c>.+?)(?:\s+(?:column|instead|then))*\s*[.!]*$",
    re.I,
)
_KEEP_IT = re.compile(r"^[,;\s\u2013\u2014]*keep\s+it\s+(?:that\s+way|like\s+that|as\s+(?:it\s+)?is)\b\s*,?\s*", re.I)


def quoted_line(sentence: str) -> str:
    """'The row that says phone ← Work Phone should say Mobile instead' → 'phone should come from Mobile instead of
    Work Phone'; 'where it says Notes → not imported, keep it that way' → 'don't import Notes'. Any other sentence,
    or a quoted line followed by something else, stays as it is (the families read 'In the line …, Kunde should …')."""
    m = _QUOTED_LINE.match(sentence.strip())
    if m is None:
        return sentence
    a, b, rest = m.group("a").strip(), m.group("b").strip(), m.group("rest")
    unmapped = bool(_NOT_IMPORTED.match(b))
    if (said := _SHOULD_BE.match(rest)) is not None:
        source = said.group("c").strip()
        return f"{a} should come from {source}" + ("" if unmapped else f" instead of {b}")
    if (kept := _KEEP_IT.match(rest)) is not None and unmapped:
        after = rest[kept.end() :].strip()
        return f"don't import {a}" + (f". {after}" if after else "")
    return sentence


def courteous(text: str) -> str:
    """The message with courtesy frames, denied opposites and quoted preview lines said as plain commands."""
    for pattern, replacement in COURTESY:
        text = pattern.sub(replacement, text)
    for pattern, repl in OPPOSITES:
        text = pattern.sub(repl, text)  # type: ignore[arg-type]
    parts = re.split(r"((?<=[.!?])\s+|\n+)", text)  # the separators kept: a list's lines stay lines
    return "".join(part if i % 2 else quoted_line(part) for i, part in enumerate(parts))
