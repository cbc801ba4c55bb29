"""A sheet over its question budget (one question per ten columns) gives up its least useful questions first.

First go the which-column questions whose every offered column already fills another field or is empty under a header
that only resembles the field ('Sold Price', empty, beside 'Purchased Price', already the purchase cost): a right answer
moves no value of this file; since round 41 they go within the budget too. Next, a which-column question about an
optional field whose every option was found by its values alone (no offered header says anything of the field:
'goLiveDate', 'goDownDate' for when a record was created; 'Due Date' for when a ticket was updated) is a guess from the
kind of value: any date fits any date field. A right answer changes little there; a header row that names nothing (no
header row at all) keeps them, as values are all there is. Next go the questions whose first option is a property of
another field the sheet already fills: 'weight-unit' or 'Variant Weight Unit' for a product's unit of measure beside an
applied weight, 'price quantity' for the stock beside an applied price: the column describes that field's values, not
the record.

A sheet whose budget is spent still trades a look-alike guess for a better question: a column left out whose header
points at a field nothing fills or asks about ('taskId' for a ticket's id) takes the slot of a which-column question
about an optional field whose offered headers only resemble it ('Kind', 'Due Date' for a category), unless the column is
a property of a field already filled, as above. On the sheets at or over budget of the tuned splits (round 20), the
first kind was right 7 times in 12, the second 5 in 16. A column of people's jobs under a bare header ('type' of 'Social
Worker', 'Local Registrar') or a header naming the records' own key ('Asset No' for an asset tag) takes the slot of a
guess not sure enough to apply as well (round 25)."""

from __future__ import annotations

import re

from ferry.agent import questions as ask
from ferry.agent.evidence import ColumnInfo, FieldInfo, lookup_ids
from ferry.agent.job_titles import jobs_under_a_bare_header
from ferry.agent.left_out import ask_pointing_header, pointing_headers, question_budget
from ferry.agent.models import MatchQuestion, SheetMatch
from ferry.agent.pairs import ScoredSheet
from ferry.agent.prose import prose_for_free_text
from ferry.agent.stems import stem
from ferry.agent.synonyms import header_words

# Header evidence up to which an offered column's header says nothing of the field (its values alone placed it).
SILENT_HEADER = 0.3
# Header evidence below which a header only resembles the field (shares a word, is spelled alike); from it up a
# synonym or a kind of the field ('タグ(ID)' for tags: 0.87) names it.
RESEMBLES_HEADER = 0.8


def drop_least_useful(scored: ScoredSheet, result: SheetMatch) -> None:
    """Drop the which-column questions whose answer moves no value (within the budget too, round 41); over budget,
    then those about optional fields that only the values suggested, then those offering first a property of another
    field already filled, the last asked first, until within the budget."""
    budget = question_budget(scored)
    if any(c.no_header for c in scored.columns):
        return
    filled = {m.field for m in result.matches if m.auto_applied}
    used = {c for m in result.matches if m.auto_applied for c in m.columns}
    # Round 41: an answer that moves no value is not worth a question even within the budget (Jethro's empty
    # 'home_group_-_joined' and 'growth_type' for a customer group); the budget sums to over one per ten columns
    # across small files otherwise.
    result.questions[:] = [q for q in result.questions if not _moves_no_data(scored, q, used)]
    if len(result.questions) <= budget:
        return
    tiers = (
        lambda s, q: _moves_no_data(s, q, used),
        _value_guess,
        lambda s, q: _property_of_filled_field(s, q, filled),
    )
    for least_useful in tiers:
        for question in reversed(list(result.questions)):
            if len(result.questions) <= budget:
                return
            if least_useful(scored, question):
                result.questions.remove(question)


def trade_look_alikes(scored: ScoredSheet, result: SheetMatch) -> None:
    """At or over budget, each column left out whose header points at a field nothing fills or asks about, the best
    evidence first, takes the slot of a look-alike which-column question about an optional field, the last asked
    first: as many questions as before, the one more often right kept. A column of people's jobs or a header naming
    the records' own key may take the slot of a guess the matcher was unsure of, too."""
    budget = question_budget(scored)
    if len(result.questions) < budget or any(c.no_header for c in scored.columns):
        return
    look_alikes = [
        q
        for q in result.questions
        if q.context.startswith(ask.LOOK_ALIKE_WHY) and _optional_field(scored, q) is not None
    ]
    # People's jobs in a column's values ('Social Worker' under 'type') outweigh a guess not sure enough to apply too.
    unsure = [
        q for q in result.questions if q.context.startswith(ask.UNSURE_WHY) and _optional_field(scored, q) is not None
    ]
    asked = {q.field for q in result.questions}
    filled = {m.field for m in result.matches if m.auto_applied}
    for i, j in pointing_headers(scored, result) if look_alikes or unsure else []:
        key = scored.fields[j].spec.key
        # A property of a field already filled ('Variant Weight Unit' beside the weight) is no better than the guess.
        if key in asked or _describes_filled_field(scored, scored.columns[i], scored.fields[j], filled):
            continue
        # So does a header naming the records' own key ('Asset No'): what identifies a record decides every update.
        col, fld = scored.columns[i], scored.fields[j]
        outranks_a_guess = (
            scored.pairs[i][j].record_key or jobs_under_a_bare_header(col, fld) or prose_for_free_text(col, fld)
        )
        slots = look_alikes or (unsure if outranks_a_guess else [])
        if not slots:
            continue
        result.questions.remove(slots.pop())
        ask_pointing_header(scored, result, i, j)
        asked.add(key)
        if not look_alikes and not unsure:
            return


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
    return j is not None and col is not None and _describes_filled_field(scored, col, scored.fields[j], filled)


def _describes_filled_field(scored: ScoredSheet, col: ColumnInfo, fld: FieldInfo, filled: set[str]) -> bool:
    """The column's header names a field other than fld that the sheet fills before its last word ('weight-unit')."""
    words = [stem(w) for w in header_words(col.matched or col.header)]
    others = {
        stem(names[0])
        for f in scored.fields
        if f.spec.key in filled and f.spec.key != fld.spec.key
        for names in map(header_words, [f.spec.key, f.spec.label or "", *(f.spec.aliases or [])])
        if len(names) == 1
    }
    return len(words) >= 2 and any(w in others for w in words[:-1]) and words[-1] not in others


def _moves_no_data(scored: ScoredSheet, question: MatchQuestion, used: set[str]) -> bool:
    """Every column a which-column question offers already fills another field, is an empty look-alike (its
    header only resembles the field) or, for a text field, holds ids of a list the file lacks: a right answer moves no
    value of this file ('Sold Price', empty, beside 'Purchased Price', already the purchase cost). An empty column
    whose header names the field stays asked."""
    j = next((k for k, f in enumerate(scored.fields) if f.spec.key == question.field), None)
    if question.kind != "which_column" or question.blocks or j is None:
        return False
    offered = set(_offered(question))
    rows = [i for i, c in enumerate(scored.columns) if c.source in offered]
    return bool(rows) and all(
        scored.columns[i].source in used
        or (scored.columns[i].empty and scored.pairs[i][j].header < RESEMBLES_HEADER)
        or _ids_of_a_look_alike(scored, i, j)
        for i in rows
    )


def _ids_of_a_look_alike(scored: ScoredSheet, i: int, j: int) -> bool:
    """Round 42: ids into a list the file lacks under a header only resembling a text field ('PartTypeId' 14 for a
    category) would put numbers, not names, into it. A header naming the field ('カテゴリ(ID)') or a key field stays."""
    col, fld = scored.columns[i], scored.fields[j]
    if fld.spec.type != "string" or fld.key_field or "id" in fld.concepts:
        return False
    return col.suffix in ("id", "ids") and lookup_ids(col) and scored.pairs[i][j].header < RESEMBLES_HEADER


def _value_guess(scored: ScoredSheet, question: MatchQuestion) -> bool:
    """No offered column's header says anything of the field: its values alone suggested every option."""
    j = _optional_field(scored, question)
    if j is None:
        return False
    offered = set(_offered(question))
    headers = [scored.pairs[i][j].header for i, col in enumerate(scored.columns) if col.source in offered]
    return bool(headers) and max(headers) <= SILENT_HEADER
