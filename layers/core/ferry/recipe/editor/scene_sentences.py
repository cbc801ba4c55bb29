"""Round 34: a sentence of scene beside a plain request requests nothing, and no longer blocks the message.

'That last edit doesn't work. Roll back to …', "I've got a row called Test User. Test User's career is over. …",
'The Notes column has no home. …' tell what the speaker sees before asking; the session read them as instructions it
did not understand and asked back before reading the request at all. A statement (a subject, then a verb of being,
having or seeming, negated or not) with no request, wish, condition or missing-value word in it is set aside like
background, so the rest is read; when nothing else is understood it is still what the question quotes. Kept as an
instruction: a statement whose next clause leans on it with a pronoun ('… are vermin. Clear them out': it says
which rows), and one that may be the request itself ('Phone numbers without a code are German', 'Notes must go').
"""

from __future__ import annotations

import re

from ferry.recipe.editor.context import has_pronoun

_SCENE_RE = re.compile(
    r"^(?:(?:so|and|but|well|honestly|basically|look|listen)\s*,?\s+)*(?P<subject>[\w'\u2019 -]{1,60}?)\s+"
    r"(?:(?:still|also|just|really|simply|clearly)\s+)?"
    r"(?:is|are|was|were|has|have|had|'s|\u2019s|'ve got|\u2019ve got|'re|\u2019re|"
    r"does(?:n't| not)|do(?:n't| not)|did(?:n't| not)|"
    r"is(?:n't| not)|are(?:n't| not)|was(?:n't| not)|looks?|seems?|feels?|went|got)\b",
    re.I,
)
# a wish, a modal, a condition, a missing value or a value's shape: the sentence may be (part of) the request
_MAYBE_REQUEST_RE = re.compile(
    r"\b(?:should|must|shall|need|needs|want|wants|wish|would|could|can|will|let|please|have\s+to|has\s+to|ought|"
    r"if|when|whenever|unless|otherwise|instead|only|except|no|none|nothing|without|never|empty|blank|missing|"
    r"lack\w*|null|default\w*|optional|required|mandatory|duplicat\w*|twice|same|lower\w*|upper\w*|capital\w*|"
    r"day|month|year|german\w*|country|code\w*|domain|format\w*|split|first|fall\s*back|treat\w*|means?|=)\b|[=:>]",
    re.I,
)
_PRONOUN_SUBJECT_RE = re.compile(r"(?:they|it|these|those|this|that|he|she)", re.I)
_PRONOUN_SUBJECT_RE = re.compile(r"(?:they|it|these|those|this|that|he|she)", re.I)
_PIECE_RE = re.compile(r"[^.;!?\n]+|[.;!?\n]+\s*")
# a name (a capital after the first word), a quoted value or a verb of having: the scene describes the rows' content
_NAMES_SOMETHING_RE = re.compile(r"\b[A-Z]|(?<!\w)['\"\u2018\u201c]|\b(?:have|has|had|got|hold|holds|contain\w*)\b")
_STOP_RE = re.compile(r"[.;!?\n]+\s*")
# a subject that opens with a command ('Drop rows that are …'): an instruction, never a scene
_COMMAND_OPENING_RE = re.compile(
    r"^(?:drop|remove|delete|keep|make|set|map|use|take|put|move|split|lowercase|treat|read|ignore|skip|fill|give|"
    r"get|leave|change|turn|mark|add|import|exclude|include|clear|cut)\b",
    re.I,
)


def is_scene(text: str, following: str | None) -> bool:
    """A statement of how things are that asks nothing ('That last edit doesn't work'); `following` is the next
    clause of the message (None when this is the last)."""
    text = text.strip()
    m = _SCENE_RE.match(text)
    if m is None or _COMMAND_OPENING_RE.match(m["subject"]) or _MAYBE_REQUEST_RE.search(text):
        return False
    return following is None or not has_pronoun(following)


def without_pronoun_scenes(message: str) -> str:
    """Round 35: a scene between two clauses whose own subject is a pronoun ("Rows with Lifecycle 'test' are a
    friendly; they don't count toward anything. Keep them out …") only says more of what came before; it goes, so
    the next clause's pronoun leans on the clause that named the rows or the column."""
    pieces = _PIECE_RE.findall(message)
    texts = [i for i, p in enumerate(pieces) if p.strip() and not _STOP_RE.fullmatch(p)]
    dropped: set[int] = set()
    for n, i in enumerate(texts[1:-1], start=1):
        core = pieces[i].strip()
        after = pieces[i + 1] if i + 1 < len(pieces) else ""
        before = pieces[texts[n - 1] + 1]
        m = _SCENE_RE.match(core)
        if (
            m is not None
            and _PRONOUN_SUBJECT_RE.fullmatch(m["subject"].strip())
            and not _MAYBE_REQUEST_RE.search(core)
            and not _NAMES_SOMETHING_RE.search(core[1:])  # 'they have Lifecycle set to test' says which rows
            and "?" not in after + before  # beside questions it may be what is asked about
        ):
            dropped |= {i, i + 1} if _STOP_RE.fullmatch(after) else {i}
    if not dropped:
        return message
    return "".join(p for i, p in enumerate(pieces) if i not in dropped)
