"""Round 10 of issue 13: a question about the preview said in voices `clarify.py` did not read, put in the words
its question classes know. Only wording changes here; which question it is stays clarify's to decide."""

from __future__ import annotations

import re

from ferry.recipe.clarify_notions import in_class_words
from ferry.recipe.editor.json_patch import patch_request
from ferry.recipe.editor.quoted_reply import replied_question
from ferry.recipe.editor.registers import geordie_said

# 'Client wants to know what you do with …': the relayed question is the question (a 'client' is no field)
_RELAYED_ASK_RE = re.compile(
    r"^(?:the\s+|our\s+|my\s+)?(?:client|customer|user|boss|manager|team|they|he|she)\s+"
    r"(?:wants|would\s+like|needs|asks|is\s+asking|asked|wanted|has\s+asked)\s+(?:to\s+know\s+|me\s+)?"
    r"(?=(?:what|which|where|why|how|when|if|whether)\b)",
    re.I,
)
# 'Which columns do you not take with you?': a column left behind, said with a verb of carrying
_NOT_CARRIED_RE = re.compile(
    r"\b(?:do|does|will|would)\s+(?:you|it|ferry|the\s+import)\s+not\s+(?:take|bring|carry|import|use|map|keep)"
    r"(?:\s+(?:with\s+(?:you|it)|over|along|across|in))?\b",
    re.I,
)

# round 29 (dev36): a proclamation's ask before a question word: 'Make it known which …', 'Pray tell, whence …'
_PROCLAIMED_ASK_RE = re.compile(
    r"^(?:(?:make|let)\s+it\s+(?:be\s+)?known|pray\s+tell(?:\s+(?:me|us))?|do\s+tell(?:\s+(?:me|us))?)\s*,?\s*"
    r"(?=(?:what|which|where|why|how|when|if|whether|whence)\b)",
    re.I,
)
# round 29 (dev36): a learner's question word kept in place: 'Email field is taken from which column?'
_IN_PLACE_SOURCE_RE = re.compile(
    r"^(?P<x>[\w ]{1,30}?)(?:\s+field)?\s+(?:is|are)\s+(?:taken|read|filled|coming|come)\s+from\s+which\s+"
    r"(?:column|field|source)\s*\?",
    re.I,
)
# 'the row number twelve', 'line no. 12', 'the 12th row': the row named by its number (round 12)
_ROW_NUMBER_RE = re.compile(r"\b(row|line|record|entry)\s+(?:number|no\.?|nr\.?|num\.?|#)\s*(?=\w)", re.I)
_ORDINAL_ROW_RE = re.compile(r"\b(?:the\s+)?(\d{1,5})(?:st|nd|rd|th)\s+(row|line|record|entry)\b", re.I)


def asked_plainly(text: str) -> str:
    """'Client wants to know what you do with X' → 'what you do with X'; 'which columns do you not take with
    you?' → 'which columns are not imported?'; each class's notions in its words (`clarify_notions`)."""
    text = patch_request(text)  # round 35: a JSON Patch's 'test' op before the question is context
    text = geordie_said(text)  # round 28: Tyneside words ("aren't gannin' into the import")
    text = _RELAYED_ASK_RE.sub("", replied_question(text.strip()))  # "> Is X coming across?\nWhich aren't?"
    text = _PROCLAIMED_ASK_RE.sub("", text)
    text = _IN_PLACE_SOURCE_RE.sub(lambda m: f"Where does {m['x']} come from?", text)
    text = _ORDINAL_ROW_RE.sub(r"\2 \1", _ROW_NUMBER_RE.sub(r"\1 ", text))
    return in_class_words(_NOT_CARRIED_RE.sub("are not imported", text))
