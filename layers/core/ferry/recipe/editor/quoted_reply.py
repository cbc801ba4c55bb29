"""Round 23 (issue 13): a reply pasted from an e-mail thread, the quoted line ('> …') above the answer. The quoted
question gives what the answer is about, so the answer is read with it:

- an instruction that says 'them' or 'it' for what was asked about ('> What should we do with Notes?' then 'Put
  them somewhere') is read with the name in place of the pronoun, the quoted line gone;
- a question cut short after its verb ('> Is everything coming across?' then "Which columns aren't, exactly?") is
  read with the quoted question's predicate ("Which columns aren't coming across, exactly?").

Anything else (a quoted statement, a quoted question the answer only refuses: '> Shall I drop the test rows?' then
'No.') is left as typed: the quoted line stays part of the message.
"""

from __future__ import annotations

import re

# (an e-mail client's header line before the quote, 'On Tue, Ferry wrote:', goes with it)
_QUOTED_LINES_RE = re.compile(
    r"^(?:On\s[^\n]{1,80}wrote:[ \t]*\n)?(?P<quoted>(?:[ \t]*>[^\n]*(?:\n|$))+)\s*(?P<answer>\S[\s\S]*)$"
)
# what a quoted question is about: 'What should we do with Notes?', 'What about the Notes?', 'Where should the
# Notes go?', 'How do you want to handle Notes?'
_NAME = r"(?P<s>(?:the\s+)?[\w'-]+(?:\s+[\w'-]+){0,2}?(?:\s+column)?)"
_ASKED_ABOUT_RES = [
    re.compile(r"^(?:so\s+)?(?:what|how)\s+(?:should|shall|do|would|will|can|could)\s+(?:we|I|you)\s+"
               r"(?:want\s+to\s+)?(?:do|handle|treat|deal)\s+(?:with|about)\s+" + _NAME + r"\s*\?$", re.I),
    re.compile(r"^(?:so\s+)?(?:and\s+)?what\s+(?:about|of)\s+" + _NAME + r"\s*\?$", re.I),
    re.compile(r"^(?:so\s+)?what\s+(?:should|shall|will|would|do\s+you\s+want\s+to)\s+happen\s+(?:to|with)\s+" + _NAME
               + r"\s*\?$", re.I),
    re.compile(r"^(?:so\s+)?how\s+(?:do|would)\s+you\s+(?:want|like)\s+" + _NAME
               + r"\s+(?:handled|treated|dealt\s+with)\s*\?$", re.I),
    re.compile(r"^(?:so\s+)?where\s+(?:should|shall|do|does|will|can|could)\s+" + _NAME + r"\s+go\s*\?$", re.I),
    # a yes/no question about one column: 'Do you want the Notes imported?', 'Should we import Notes?', 'Notes:
    # import or not?' (its answer's 'them' is that column, whatever the yes or no)
    re.compile(r"^(?:so\s+)?(?:do|would)\s+you\s+(?:want|like|need)\s+" + _NAME + r"\s+(?:imported|kept|dropped|"
               r"included|mapped|brought\s+(?:over|in)|carried\s+over)\s*\?$", re.I),
    re.compile(r"^(?:so\s+)?(?:should|shall|do|can)\s+(?:we|I)\s+(?:import|keep|drop|include|map|bring\s+over|"
               r"bring\s+in)\s+" + _NAME + r"\s*\?$", re.I),
    re.compile(r"^" + _NAME + r"\s*[:,-]\s*(?:import|keep|include|bring\s+over)\s+(?:it\s+|them\s+)?or\s+not\s*\?$",
               re.I),
    re.compile(r"^(?:so\s+)?how\s+(?:should|shall|do|would)\s+(?:we|I|you)\s+(?:want\s+to\s+)?(?:handle|treat|"
               r"deal\s+with)\s+" + _NAME + r"\s*\?$", re.I),
]  # fmt: skip
# the answer's first 'them' or 'it' after a verb ('Put them somewhere'), never in 'it is', "it's", 'it was'
_PRONOUN_RE = re.compile(r"(?<=[a-z]\s)(?:them|it)\b(?!\s*(?:is|was|'s|will|would|does|doesn't)\b)")
# 'Is everything coming across?': a yes/no question's predicate, after its subject
_YES_NO_RE = re.compile(
    r"^(?:so\s+)?(?:is|are|was|were|will|does|do|did|has|have)\s+(?:(?:all|every|the)\s+(?:the\s+)?"
    r"(?!of\b)(?P<noun>\w+)|(?P<all>everything|all(?:\s+of\s+it)?|it\s+all|they\s+all)|it|they)\s+(?P<pred>[^?]{2,40}?)\s*\?$",
    re.I,
)
# 'Which ones aren't?' says no noun: the quoted question's ('Are all columns mapped?')
_NO_NOUN_RE = re.compile(r"^(?P<wh>which|what)(?:\s+ones)?(?=\s)", re.I)
# "Which columns aren't, exactly?": a question ending on its auxiliary
_CUT_SHORT_RE = re.compile(
    r"^(?P<q>[^?\n]*?\b(?:aren't|isn't|weren't|wasn't|won't|don't|doesn't|didn't|haven't|hasn't|are\s+not|is\s+not|"
    r"do\s+not|does\s+not))(?P<tail>\s*,?\s*(?:exactly|then|though|precisely|now)?)\s*\?\s*$",
    re.I,
)


def _quoted(message: str) -> tuple[str, str] | None:
    m = _QUOTED_LINES_RE.match(message.strip())
    if m is None:
        return None
    quoted = " ".join(line.strip().lstrip(">").strip() for line in m["quoted"].splitlines() if line.strip())
    return quoted, m["answer"].strip()


def replied(message: str) -> str:
    """An instruction under a quoted question, with the name it asked about for its 'them' or 'it'."""
    parts = _quoted(message)
    if parts is None:
        return message
    quoted, answer = parts
    for pattern in _ASKED_ABOUT_RES:
        if (m := pattern.match(quoted)) is not None and _PRONOUN_RE.search(answer):
            return _PRONOUN_RE.sub(m["s"], answer, count=1)
    return message


def replied_question(message: str) -> str:
    """A question cut short after its verb, under a quoted yes/no question, with that question's predicate."""
    parts = _quoted(message)
    if parts is None:
        return message
    quoted, answer = parts
    asked, cut = _YES_NO_RE.match(quoted), _CUT_SHORT_RE.match(answer)
    if asked is None or cut is None:
        return message
    question = cut["q"]
    # (the whole of an import said as 'everything' is its columns: a question about it reads, never changes)
    noun = asked["noun"] or ("columns" if asked["all"] else "")
    if noun:
        noun = noun if noun.endswith("s") else noun + "s"
        question = _NO_NOUN_RE.sub(lambda m: f"{m['wh']} {noun}", question, count=1)
    return f"{question} {asked['pred']}{cut['tail']}?"
