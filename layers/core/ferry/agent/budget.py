"""A sheet over its question budget (one question per ten columns) gives up its least useful questions first.

A which-column question about an optional field whose every option was found by its values alone (no offered header
says anything of the field: 'goLiveDate', 'goDownDate' for when a record was created; 'Due Date' for when a ticket
was updated) is a guess from the kind of value: any date fits any date field. A right answer changes least there,
so such questions go first; a header row that names nothing (no header row at all) keeps them, as values are all
there is. Next go the questions whose first option is a property of another field the sheet already fills: 'weight-unit'
or 'Variant Weight Unit' for a product's unit of measure beside an applied weight, 'price quantity' for the stock
beside an applied price: the column describes that field's values, not the record.
"""

from __future__ import annotations

import re

from ferry.agent.left_out import COLUMNS_PER_QUESTION
from ferry.agent.models import MatchQuestion, SheetMatch
from ferry.agent.pairs import ScoredSheet
from ferry.agent.stems import stem
from ferry.agent.synonyms import header_words

# Header evidence up to which an offered column's header says nothing of the field (its values alone placed it).
SILENT_HEADER = 0.3


def drop_least_useful(scored: ScoredSheet, result: SheetMatch) -> None:
    """Over budget, drop the which-column questions about optional fields that only the values suggested, then those
    offering first a property of another field already filled, the last asked first, until within the budget."""
    budget = max(1, len({c.source for c in scored.columns}) // COLUMNS_PER_QUESTION)
    if len(result.questions) <= budget or any(c.no_header for c in scored.columns):
        return
    filled = {m.field for m in result.matches if m.auto_applied}
    for least_useful in (_value_guess, lambda s, q: _property_of_filled_field(s, q, filled)):
        for question in reversed(list(result.questions)):
            if len(result.questions) <= budget:
                return
            if least_useful(scored, question):
                result.questions.remove(question)


def _optional_field(scored: ScoredSheet, question: MatchQuestion) -> int | None:
    """The index of the optional, non-key field a which-column question asks about (None for any other question)."""
    if question.kind != "which_column" or question.blocks or question.field is None:
        return None
    j = next((k for k, f in enumerate(scored.fields) if f.spec.key == question.field), None)
    if j is None or scored.fields[j].spec.required or scored.fields[j].key_field:
        return None
    return j


def _offered(question: MatchQuestion) -> list[str]:
    return [n for o in question.options if o.label.startswith("'") for n in re.findall(r"'([^']*)'", o.label)[:1]]


def _property_of_filled_field(scored: ScoredSheet, question: MatchQuestion, filled: set[str]) -> bool:
    """The first offered column names another field the sheet fills before its last word ('weight-unit': weight)."""
    j = _optional_field(scored, question)
    offered = _offered(question)
    col = next((c for c in scored.columns if offered and c.source == offered[0]), None)
    if j is None or col is None:
        return False
    words = [stem(w) for w in header_words(col.matched or col.header)]
    others = {
        stem(names[0])
        for f in scored.fields
        if f.spec.key in filled and f.spec.key != question.field
        for names in map(header_words, [f.spec.key, f.spec.label or "", *(f.spec.aliases or [])])
        if len(names) == 1
    }
    return len(words) >= 2 and any(w in others for w in words[:-1]) and words[-1] not in others


def _value_guess(scored: ScoredSheet, question: MatchQuestion) -> bool:
    """No offered column's header says anything of the field: its values alone suggested every option."""
    j = _optional_field(scored, question)
    if j is None:
        return False
    offered = set(_offered(question))
    headers = [scored.pairs[i][j].header for i, col in enumerate(scored.columns) if col.source in offered]
    return bool(headers) and max(headers) <= SILENT_HEADER
