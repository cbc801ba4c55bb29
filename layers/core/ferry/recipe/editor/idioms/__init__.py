"""Everyday forms of the grammar's commands, said in its own words: word tables and rewrite rules the lexicon
compiles with its own (tried only on a clause the families did not understand as typed), and `message_idioms`, the
forms read on the whole message before it is cut into clauses. One module a kind of voice; the order below is the
order they are tried in.
"""

from __future__ import annotations

from ferry.recipe.editor.idioms import forms, frames, general, paraphrase, registers, shapes, spoken, topics
from ferry.recipe.editor.idioms.topics import spreadsheet_functions

_MODULES = (forms, topics, registers, shapes, paraphrase, frames, spoken, general)
TABLES: list[dict[str, tuple[str, ...]]] = [m.IDIOMS for m in _MODULES]
RULES = [rule for m in _MODULES for rule in m.RULES]

__all__ = ["RULES", "TABLES", "message_idioms", "spreadsheet_functions"]


def message_idioms(text: str) -> str:
    """The message with each module's whole-message forms said plainly, in turn ('A and B should be C and D';
    'Why is X empty? Map it to Y'; 'from A - no wait, from B')."""
    for module in _MODULES:
        text = module.message_idioms(text)
    return text
