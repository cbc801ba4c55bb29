"""Everyday forms of the same commands, said in the grammar's own words (round 9 of issue 13).

Like the lexicon (which compiles these tables and rules with its own), nothing here decides what a name means:
columns, fields and values stay as typed, and the families, the resolver and `fit.py` still read the result. The
rules are tried only on a clause the families did not understand as typed, except `message_idioms`, which works on
the whole message: the sentence cutter would otherwise part the two lists it pairs, or move a fronted phrase.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_Rule = tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]
_OBJ = r"(?P<obj>(?:it|them|this|that|those|these|the\s+\w+|\w+)(?:\s+\w+)?)"

# canonical words ← everyday words that mean them
IDIOMS: dict[str, tuple[str, ...]] = {
    # a column not wanted ('don't bother with the Notes')
    "don't import": ("don't bother with", "do not bother with", "don't bother importing", "do not bother importing",
                     "no need to import", "no need for"),
    # what rows lack, said with an empty value ('contacts that have an empty email')
    "without": ("that have an empty", "which have an empty", "who have an empty", "that has an empty",
                "which has an empty", "with an empty", "that have a blank", "which have a blank", "with a blank"),
    # where a field's value comes from ('created_at should take its value from Signup Date')
    "should come from": ("should take its value from", "should take its values from", "should get its value from",
                         "should get its values from", "should pull from", "should pull its value from"),
    "comes from": ("takes its value from", "takes its values from", "gets its value from", "gets its values from",
                   "pulls from"),
    # any field is some field: the choice is still asked about
    "some field": ("any field", "whatever field", "any old field", "a field somewhere"),
    "should go somewhere": ("should come somewhere", "should come in somewhere", "should be somewhere"),
    # 'don't chuck the row' (an Australian's 'drop'; 'chuck X in a field' is a put, read first below)
    "drop": ("chuck",),
}  # fmt: skip

_PEOPLE = r"(?:anyone|anybody|everyone|everybody|someone|somebody|whoever|people|folks|those|the ones)"
_LACKING = r"(?:without|with no|lacking|that have no|who have no|who don'?t have|who do not have|missing)"
_MODAL = r"(?:should|must|shall|needs?\s+to|has\s+to|have\s+to|is\s+to|are\s+to)"

RULES: list[_Rule] = [
    # 'chuck the notes in a field': a put (before 'chuck' alone is read as a drop)
    (re.compile(rf"\bchuck\s+{_OBJ}\s+(?=in\b|into\b|under\b)", re.I), r"put \g<obj> "),
    # 'remove Notes from the mapping': not imported
    (re.compile(r"\b(?:remove|take|delete|drop|exclude|strip)\s+(?P<obj>(?!rows?\b)[^,;]{1,40}?)\s+(?:out\s+of|from)\s+"
                r"(?:the\s+|my\s+|your\s+)?mappings?\b", re.I), r"don't import \g<obj>"),
    # an object fronted before a speaker who does not need it, pointed at again ('notes column we dont need that one')
    (re.compile(r"^(?P<obj>(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)\s+(?:we|i)\s+(?:don't|do not|won't|will not)\s+"
                r"(?:really\s+)?(?:need|want|use)\s+(?:that|this)(?:\s+one)?$", re.I), r"don't import \g<obj>"),
    # people said for rows ('ditch anyone without an email')
    (re.compile(rf"\b{_PEOPLE}\s+(?={_LACKING}\b)", re.I), "rows "),
    # 'nothing without an email should get imported'
    (re.compile(rf"^(?:nothing|none|no\s+(?:rows?|contacts?|records?|entries|one))\s+(?:without|with no|lacking)\s+"
                rf"(?P<x>.+?)\s+(?:{_MODAL}\s+|may\s+|can\s+|will\s+)?(?:be|get|gets|is|goes|go)\s+(?:imported|kept|"
                r"loaded|included|through|in)$", re.I), r"drop rows without \g<x>"),
    # 'should stay out of the import': not imported
    (re.compile(rf"\b({_MODAL})\s+(?:stay|be\s+kept|be\s+left|remain)\s+out(?:\s+of\s+(?:the\s+)?(?:import|migration|"
                r"file|upload|load))?\b", re.I), r"\1 not be imported"),
    # 'should end up split across first and last name': should be split into them
    (re.compile(rf"\b({_MODAL})\s+end\s+up\s+(?:being\s+)?(?=(?:\w+ed|split)\b)", re.I), r"\1 be "),
    (re.compile(r"\b(split|divided|separated|broken up)\s+(?:across|between|over)\s+(?=(?:the\s+)?(?:first|given)\b)",
                re.I), r"\1 into "),
    # 'the same email is coming multiple times': it appears more than once
    (re.compile(r"\b(?:is\s+|are\s+)?(?:coming|comes|come|appearing|appears|appear|occurring|occurs|occur|"
                r"showing\s+up|shows\s+up|show\s+up|present|there)\s+(?:multiple|many|several|a\s+few|more\s+than\s+one"
                r"|more)\s+times?\b", re.I), "appears more than once"),
    (re.compile(r"\b(appears?|occurs?|exists?|shows?\s+up)\s+once\b", re.I), r"\1 only once"),
    # an adverb between a subject and its modal ('Notes also should come somewhere')
    (re.compile(r"^(?P<s>[\w' -]{2,30}?)\s+(?:also|too|still|definitely|really|certainly|absolutely)\s+"
                r"(?=(?:should|must|needs?\s+to|has\s+to|have\s+to)\b)", re.I), r"\g<s> "),
    # 'make all emails to lower case': the non-native 'to' before the case
    (re.compile(r"\b(make|turn|put)\s+(?P<o>[^,;]{1,40}?)\s+to\s+(?=(?:lower|upper)(?:[\s-]?case)?\b)", re.I),
     r"\1 \g<o> "),
    # 'from Mobile only': the column, only
    (re.compile(r"\bfrom\s+(?P<c>(?:the\s+)?[\w' -]{2,30}?)\s+only\b", re.I), r"from \g<c>"),
    # 'If there is not Organization': no Organization; 'after the @ of the email': its domain
    (re.compile(r"\bthere\s+is\s+not\s+(?!an?\b|any\b|the\b|enough\b|much\b|many\b)", re.I), "there is no "),
    # ('whatever's after the @ in their email', 'the part after the @': the same domain)
    (re.compile(r"\b(?:from\s+)?(?:what(?:ever)?(?:'s|\s+(?:comes|is))\s+|the\s+(?:part|bit|text)\s+)?after\s+the\s+@\s+"
                r"(?:of|in)\s+(?:the\s+|their\s+|its\s+|his\s+|her\s+)?(?P<c>e-?mails?)\b", re.I),
     r"from the \g<c> domain"),
    # 'please to create one': a non-native infinitive after please
    (re.compile(r"\bplease\s+to\s+(?=\w)", re.I), ""),
    (re.compile(r"^to\s+(?=(?:create|make|build|generate|use|take|put|drop|remove|keep|split|map|set|fill)\b)", re.I),
     ""),
    # 'the proper British format': the adjective of approval says nothing about the format
    (re.compile(r"\b(?:proper|standard|usual|normal|regular|good\s+old|classic|typical)\s+(?=(?:british|uk|european|"
                r"american|us)\s+(?:format|locale|style|way|order)\b)", re.I), ""),
]  # fmt: skip

# 'Deutschland and USA need to be DE and US': two values paired with two others, in order
_PAIRED_RE = re.compile(
    r"(?P<pre>\b(?i:the\s+)?(?P<col>[\w-]+)\s+(?:values?|column\s+(?:says|has|holds|shows|contains)|says|has)\s+)?"
    # (the values may end a sentence of their own when a pronoun opens the next: 'Land has A and B; those should …')
    r"(?P<a1>[A-Z][\w.-]*)\s+and\s+(?P<a2>[A-Z][\w.-]*)(?:\s*,?\s+|\s*[;.]\s+(?=(?i:those|these|they|both)\b))"
    r"(?:(?i:those|these|they|which|both)\s+)?"
    r"(?:need\s+to|needs\s+to|should|must|have\s+to|has\s+to|ought\s+to|are\s+to|are\s+meant\s+to)\s+"
    r"(?:be|become|turn\s+into|read)\s+(?P<b1>[\w.-]+)\s+and\s+(?P<b2>[\w.-]+)(?:\s*,?\s*respectively)?",
)


def _paired(m: re.Match[str]) -> str:
    where = f"in {m['col']}, " if m["pre"] else ""
    return f"{where}{m['a1']} is {m['b1']} and {m['a2']} is {m['b2']}"


# a correction after a denial ('it isn't, it's day first'): what it is, said once
_CORRECTED_RE = re.compile(
    r"\b(?:it|that|they)\s+(?:isn'?t|is\s+not|aren'?t|are\s+not)\s*(?:[,;\u2013\u2014]|\s-)\s*"
    r"(?=(?:it|they)(?:'s|\s+is|'re|\s+are)\s)",
    re.I,
)
# 'don't keep the emails in mixed case': a description of the data, not a case of its own (the clause beside it
# says which case: 'lower them'); alone, it is asked about as any description is
_MIXED_CASE_RE = re.compile(
    r"\b(?:don'?t|do\s+not)\s+(?:keep|leave)\s+(?P<x>(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)\s+in\s+mixed\s+case\b", re.I
)
# 'the test contacts, the ones with test in Lifecycle': the apposition says which rows
_APPOSITION_RE = re.compile(
    r"(?:\bthe\s+)?(?:[\w-]+\s+)?\b(?:contacts|rows|records|entries|people),\s+(?:i\.e\.\s+|that is,?\s+|namely\s+)?"
    r"(?:the ones|those|the rows|the contacts|the records)\s+(?:with|that have|having|marked)\s+(?:as\s+)?"
    r"(?P<v>[\w-]+)\s+(?:in|as|under)\s+(?:the\s+)?(?P<c>[\w' -]+?)(?:\s+column)?(?=\s*(?:[.!;]|$))",
    re.I,
)
# 'every contact should end up with a country - US if none is given': the value is the field's fallback
_EVERY_HAS_RE = re.compile(
    r"\b(?:every|each|all)\s+(?:contacts?|rows?|records?|entries|entry)\s+(?:should|must|needs?\s+to|has\s+to|"
    r"have\s+to)?\s*(?:end\s+up\s+with|ends\s+up\s+with|have|has|get|gets)\s+(?:an?\s+)?(?P<x>[\w -]+?)\s*"
    r"(?:[\u2013\u2014:,;]|\s-)\s*(?P<v>[\w-]+)\s+if\s+(?:none|nothing|no\s+\w+)(?:\s+is\s+(?:given|set|there|"
    r"provided|known))?\b",
    re.I,
)


# 'the contacts which have not email': a non-native 'have not' is what rows lack (said before the sentence is cut,
# so a phrase fronted with it stays where it is, as 'For the contacts without email, ...' does)
_HAVE_NOT_RE = re.compile(r"\b(?:that|which|who)\s+(?:has|have)\s+not\s+(?!been\b|got\b|yet\b|any\b)(?:an?\s+)?", re.I)


def message_idioms(text: str) -> str:
    """'The Land values Deutschland and USA need to be DE and US' → 'in Land, Deutschland is DE and USA is US';
    'contacts which have not email' → 'contacts without email'; 'it isn't, it's day first' → 'it's day first'; a
    denied mixed case as a description; rows restated in apposition; 'every contact should have X - V if none'."""
    text = _HAVE_NOT_RE.sub("without ", _PAIRED_RE.sub(_paired, text))
    text = _CORRECTED_RE.sub("", text)
    text = _MIXED_CASE_RE.sub(r"\g<x> are in mixed case", text)
    text = _APPOSITION_RE.sub(r"rows where \g<c> is \g<v>", text)
    return _EVERY_HAS_RE.sub(r"if \g<x> is empty, use \g<v>", text)
