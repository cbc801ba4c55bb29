"""Round 23 (issue 13): the usual requests in words the clause readings did not know, said the plain way on the
whole message before anything reads it (`api.edit_recipe`). Found as dev28's and dev29's misses; each rule is a form:

- a value pair led by a verb of translation or rendering ("'Kunde' translates to customer", 'render Deutschland as
  DE', 'let Kunde be served as customer'), a pair list said with contractions ("Deutschland's DE and USA's US"), and
  a pair of values named before and rendered after with a pronoun ('Land has A and B; list those as C and D');
- a suggestion said as a question ('may I suggest the Signup Date column?'): the command to use it;
- undo in other words ('retcon', 'walk back', 'rewind', 'unwind' the last change);
- 'an optional field' / 'a required field' said of a field ('Could email be made an optional field in our
  records?');
- a no-op list item beside a real one ('2) rest imported as usual'): what is not changed asks for nothing;
- a softening 'just' after a fronted phrase ('Those test rows, just leave them out').

A question stays a question: no rule turns a message ending in '?' into a value pair ('what does Kunde translate
to?'), and a suggestion asked of Ferry ('Would you suggest …?') is left alone.
"""

from __future__ import annotations

import re

_CLAUSE = r"(?:^|(?<=[.!?;:,]\s)|(?<=\n)|(?<=\)\s))"
# the verbs of giving a value another form: 'render / list / show / write / serve X as Y'
_RENDER = r"(?:render|list|show|write|serve|output|display|present|spell|pour|record|enter)"
_RENDERED = (
    r"(?:rendered|listed|shown|written|served|output|outputted|displayed|presented|spelt|spelled|poured|recorded|"
    r"entered|translated|known|called|counted)"
)
# one value, said in up to three words ('Deutschland', 'the USA', a quoted part)
_VALUE = r"[\w\u27e6\u27e7'-]+(?:\s+[\w\u27e6\u27e7'-]+){0,2}"
# what a rendering may not be a value of: a date order, a case, a format or a field's kind
_NOT_A_VALUE = (
    r"(?!(?:an?\s+|the\s+)?(?:day|month|year|dd|mm|yyyy|european|iso|american|british|dates?|text|numbers?|"
    r"strings?|empty|blank|missing|null|lower|upper|small|capital|lowercase|uppercase|title|e\.?164|fields?|"
    r"columns?|a\s+list|separate|one|two|first|last|they|you|it|we|I|he|she|is|are|usual|default|"
    r"(?:a|an)\s+(?:preview|table|list|file|sheet|report))\b)"
)
_TRANSLATES_RE = re.compile(
    # (only the verbs of translating and rendering: 'Signup Date corresponds to created_at' names a field, and
    # round 18 keeps 'Kunde corresponds to …' asked)
    r"\b(?:translates|is\s+translated|renders|is\s+rendered|comes\s+out|goes\s+out)\s+(?:to|as|into)\s+"
    + _NOT_A_VALUE
    + r"(?=[\w\u27e6'\"])",
    re.I,
)
_RENDER_RE = re.compile(_CLAUSE + r"(?:please\s+)?" + _RENDER + rf"\s+(?={_VALUE}\s+as\s+" + _NOT_A_VALUE + r")", re.I)
# 'let Kunde be served as customer' → 'treat Kunde as customer'
_LET_BE_RE = re.compile(
    rf"\blet\s+(?P<x>{_VALUE})\s+be\s+{_RENDERED}\s+as\s+" + _NOT_A_VALUE,
    re.I,
)
# "Deutschland's DE and USA's US": a list of two or more pairs with a contracted 'is' (a single "X's Y" is a
# possessive: 'the company's website')
_WORD = r"(?:[A-Z][\w-]*|\u27e6\d+\u27e7)"
# (a pair's second word is a value, never a verdict: "Deutschland's fine and USA's fine")
_CODE = r"(?!(?:fine|ok|okay|good|bad|better|worse|best|right|wrong|correct|empty|blank|missing|gone|done)\b)\w+"
_PAIR_LIST_RE = re.compile(
    rf"(?<![\w'])(?<!the\s)(?<!their\s)(?<!its\s)({_WORD})'s\s+{_CODE}((?:\s*,\s*|\s+and\s+|,\s*and\s+)"
    rf"(?:{_WORD})'s\s+{_CODE})+"
    r"(?=\s*(?:[,.;!]|$))"
)
# 'Land has Deutschland and USA; list those as DE and US': the two values named before, rendered in order
_RESPECTIVE_RE = re.compile(
    r"\b(?:has|holds|contains|says|uses|shows)\s+(?P<a>\w+)\s+and\s+(?P<b>\w+)\s*[;,.:]\s*(?:so\s+|please\s+)?"
    r"(?:(?:" + _RENDER + r"|map|translate|turn|change|convert|treat|make)\s+(?:those|these|them|they)\s+"
    r"(?:as|to|into)\s+)(?P<c>\w+)\s+and\s+(?P<d>\w+)(?:,?\s+respectively)?",
    re.I,
)
# 'may I suggest the Signup Date column?' / 'I'd suggest the Signup Date column' → 'use the Signup Date column'
_SUGGEST_RE = re.compile(
    # (the speaker's own offer: 'Do I suggest the wrong column?' asks about it)
    r"(?:\b(?:may|might|can|could)\s+I|(?:^|(?<=[.!;:,]\s))I(?:\s+would|'d|\s+might|\s+can)?)\s+(?:humbly\s+)?"
    r"(?:suggest|recommend|propose|"
    r"put\s+forward|offer)\s+(?!that\b|we\b|you\b|they\b|it\b|this\b|nothing\b|something\b|\w+ing\b)(?P<obj>[^.;!?]{2,60}?)\s*\?",
    re.I,
)
# 'How about the Signup Date column for created_at?': a source offered for a field ('What about the Notes?' asks)
_HOW_ABOUT_RE = re.compile(
    r"(?:^|(?<=[.!;:,]\s))(?:how|what)\s+about\s+(?:using\s+)?(?!we\b|you\b|I\b)"
    r"(?P<obj>[^.;!?]{2,40}?\s+(?:for|as)\s+(?!(?:now|me|us|later|a\s+moment|a\s+while|today|example|instance)\b)"
    r"(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)\s*\?",
    re.I,
)
# 'Would the Signup Date column do for created_at?': a column offered for a field
_WOULD_DO_RE = re.compile(
    r"^(?:(?:for|in)\s+(?P<scope>[\w-]+(?:\s+[\w-]+)?),\s*)?(?:would|could|might)\s+"
    r"(?!(?:it|that|this|you|we|they|I|he|she|everything|anything|something|one|either)\b)(?P<obj>(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,2}?"
    r"(?:\s+column)?)\s+(?:do|work|serve|suit)(?:\s+(?:for|as)\s+(?P<f>(?:the\s+)?[\w-]+(?:\s+[\w-]+)?))?\s*\?\s*$",
    re.I,
)
_SUGGEST_PLAIN_RE = re.compile(
    r"(?:^|(?<=[.!;:,]\s))I(?:\s+would|'d)\s+(?:humbly\s+)?(?:suggest|recommend)\s+"
    r"(?=(?:the|using)\s+[^.;!?]{2,60}?(?:column|field|one)\b)",
    re.I,
)
_UNDO_WORDS_RE = re.compile(
    r"\b(?:retcon|walk\s+back|rewind|unwind|back\s+out|unsay|unmake|reverse\s+course\s+on)\s+"
    r"(?=(?:that|this|the|my|your|it)\b)(?:(?:that|this|it)\b(?:\s+last\s+(?:change|edit))?|"
    r"(?:the|my|your|that|this)\s+last\s+(?:change|edit|step))|"
    # 'pretend that last change never happened'
    r"\bpretend\s+(?:that|the|my)\s+(?:last\s+)?(?:change|edit)\s+never\s+happened\b",
    re.I,
)
# 'an optional field' said of a field is 'optional'; 'in our records / in the system' says where it is kept
_FIELD_KIND_RE = re.compile(
    r"\b(?:an?\s+)?(optional|required|mandatory|compulsory)\s+(?:field|column|value|attribute)\b"
    r"(?:\s+(?:in|of|on)\s+(?:our|the|your)\s+(?:records|system|database|data|crm|import|template))?",
    re.I,
)
_REST = (
    r"(?:(?:the|all\s+the|all)\s+)?(?:rest|everything\s+else|all\s+else|(?:all\s+)?(?:the\s+)?other\s+(?:rows|records|"
    r"contacts|columns|fields)|remaining\s+(?:rows|records|contacts|columns))"
)
_AS_USUAL = (
    r"(?:as\s+usual|as\s+normal|normally|as\s+is|as\s+before|unchanged|like\s+normal|the\s+usual\s+way|"
    r"as\s+they\s+are|as\s+it\s+is|the\s+same)"
)
_NO_OP = (
    # 'rest imported as usual', 'everything else: no change', 'import the rest as usual', 'nothing else changes'
    rf"(?:{_REST}\s+(?:is\s+|are\s+|gets?\s+|should\s+be\s+|to\s+be\s+|can\s+be\s+|stays?\s+|remains?\s+)?"
    r"(?:imported|brought\s+(?:in|over)|loaded|processed|handled|kept|migrated|goes\s+in|go\s+in|comes?\s+in|"
    rf"comes?\s+across)?\s*{_AS_USUAL}|{_REST}\s*[:,-]?\s*(?:no\s+change|unchanged|untouched|nothing\s+to\s+do)|"
    rf"(?:import|keep|leave|bring\s+in|load)\s+{_REST}\s+{_AS_USUAL}|nothing\s+else\s+(?:changes|to\s+change))"
)
# a list item or closing clause that changes nothing, beside others ('2) rest imported as usual'): the item goes
_NO_OP_ITEM_RE = re.compile(
    r"(?m)(?:\n[ \t]*(?:\d{1,2}[.)]|[-*\u2022])[ \t]*|[,;][ \t]*(?:and\s+)?)" + _NO_OP + r"[ \t]*[.!]?[ \t]*$",
    re.I,
)
# a closing word of urgency after the request ('…, leave them out, chop-chop'): no instruction of its own
_URGENCY_RE = re.compile(
    r",\s*(?:chop[- ]chop|pronto|sharpish|quick(?:[- ]quick)?|asap|right\s+away|straight\s+away|at\s+once|"
    r"on\s+the\s+double|soonest|quick\s+smart|double\s+quick)\s*(?=[.!]?\s*$)",
    re.I,
)
# 'Those test rows, just leave them out': the 'just' softens a command after a fronted phrase
_JUST_RE = re.compile(
    r"(?<=,\s)just\s+(?=(?:leave|drop|remove|delete|skip|ignore|exclude|bin|chuck|toss|use|take|map|put|keep|"
    r"import|lowercase|split|treat|read|fill|set|make)\b)",
    re.I,
)


def _respective(m: re.Match[str]) -> str:
    head = m.string[m.start() : m.start("a")]  # 'has ', kept: the values stay named where they were
    return f"{head}{m['a']} and {m['b']}; {m['a']} is {m['c']} and {m['b']} is {m['d']}"


def _pairs(m: re.Match[str]) -> str:
    return re.sub(r"'s\s+", " is ", m.group(0))


def _would_do(m: re.Match[str]) -> str:
    field = m["f"] or m["scope"]
    return f"use {m['obj']}" + (f" for {field}." if field else ".")


def reworded(message: str) -> str:
    """The message with each form above said the plain way; a message with none of them comes back as it was."""
    text = message
    text = _NO_OP_ITEM_RE.sub("", text) if _NO_OP_ITEM_RE.sub("", text).strip() else text
    text = _UNDO_WORDS_RE.sub("undo the last change", text)
    text = _FIELD_KIND_RE.sub(lambda m: m.group(1), text)
    text = _URGENCY_RE.sub("", _JUST_RE.sub("", text))
    text = _SUGGEST_RE.sub(lambda m: f"use {m['obj']}.", text)
    text = _WOULD_DO_RE.sub(_would_do, text)
    text = _HOW_ABOUT_RE.sub(lambda m: f"use {m['obj']}.", _SUGGEST_PLAIN_RE.sub("use ", text))
    if text.rstrip().endswith("?"):  # 'what does Kunde translate to?', 'Should I render X as Y?' stay questions
        return text
    text = _TRANSLATES_RE.sub("means ", text)
    text = _RESPECTIVE_RE.sub(_respective, text)
    text = _LET_BE_RE.sub(lambda m: f"treat {m['x']} as ", text)
    text = _RENDER_RE.sub("treat ", text)
    return _PAIR_LIST_RE.sub(_pairs, text)
