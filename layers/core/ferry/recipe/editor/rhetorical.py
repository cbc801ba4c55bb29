"""Round 34: a rhetorical question beside a plain request, and its own answer, request nothing.

'Must every contact have an email? I think not. Make email optional …' and 'What is a company, if not the domain its
people write from? Take company from Organization …' put the reason as a question (answered at once, or answering
itself with 'if not'); the whole message was asked back because the question was not understood. When another
sentence of the message is no question, a question the editor does not understand as a request, and a bare 'no'
answering it, are set aside (the session still asks when the rest is not understood either). A question that may
object to the request ('Why would anyone …?') or is answered yes ('Must every contact have an email? Of course.')
stays: the reason may contradict the request, so the message is asked back. A message of questions only is left
whole (a question about the recipe's state is answered, not dropped).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ferry.recipe.editor.context import has_pronoun

# a question's opening: a wh-word or an auxiliary before its subject
_QUESTION_RE = re.compile(
    r"^(?:(?:so|but|and|well|now|tell me),?\s+)?(?:what|who|which|where|how|must|should|shall|is|are|was|were|does|"
    r"do|did|has|have|can|could|would|will|isn't|aren't|doesn't|don't|mustn't|shouldn't)\b",
    re.I,
)
# a request put as a question ('Could you please put the Notes somewhere?', 'Is it possible to …?'): never set aside,
# whether or not the editor reads it
_REQUEST_QUESTION_RE = re.compile(
    r"^(?:(?:so|but|and|well|now|hey|hi|ok(?:ay)?),?\s+)?(?:(?:can|could|would|will|won'?t|wouldn'?t|might|may)\s+"
    r"(?:you|u|ya|we|i|someone|somebody|anyone|it be possible)\b|(?:is|isn'?t)\s+it\s+possible|is there (?:a|any) way|"
    r"any chance|how about|what about|shall we|why not)",
    re.I,
)
# a question that may object to what is asked: never set aside
_OBJECTION_RE = re.compile(r"\b(?:why|how come)\b", re.I)
_YES_RE = re.compile(
    r"^(?:yes|yeah|yep|of course|sure(?:ly)?|certainly|definitely|absolutely|obviously|naturally)\b(?!,?\s+not\b)",
    re.I,
)
# the question's own answer, said as a bare no
_NO_ANSWER_RE = re.compile(
    r"^(?:(?:i\s+)?(?:think|guess|suppose|say|hope)\s+not|not|no|nope|(?:of course|surely|certainly)\s+not|hardly|"
    r"i doubt it|not really|no way)\s*[.!]*$",
    re.I,
)
_SENTENCE_RE = re.compile(r"[^.!?]+(?:[.!?]+|$)\s*")


def without_rhetorical(message: str, understood: Callable[[str], bool]) -> str:
    """The message without its rhetorical questions (and their bare 'no'), when a sentence that is no question
    is left; `understood` says whether the editor reads a sentence as an instruction."""
    sentences = _SENTENCE_RE.findall(message)
    if "".join(sentences) != message or len(sentences) < 2:
        return message
    drop: set[int] = set()
    for i, sentence in enumerate(sentences):
        text = sentence.strip()
        if not (text.endswith("?") and _QUESTION_RE.match(text)) or _OBJECTION_RE.search(text):
            continue
        after = sentences[i + 1].strip() if i + 1 < len(sentences) else ""
        if _YES_RE.match(after) or _REQUEST_QUESTION_RE.match(text) or has_pronoun(after) or understood(text):
            # answered yes (the reason may contradict the request), a request put as a question, or the question
            # says what the next sentence's pronoun means ('where do the Notes go? put them in some field')
            return message
        drop.add(i)
        if _NO_ANSWER_RE.match(after):
            drop.add(i + 1)
    kept = [s for i, s in enumerate(sentences) if i not in drop]
    if not drop or not any(not s.strip().endswith("?") for s in kept):
        return message
    return "".join(kept).strip()
