"""The record's own key under a header the lexicon cannot read as one: '<thing> id', '<thing>Key', 'studentid',
'codtrans' (a code-word prefix, as Spanish exports write 'codcliente'), whose other words name nothing the template
holds and whose values differ in every row. Such a column is most likely the records' key, but the header does not
say so in words the matcher knows: it is offered in the question already asked about the template's key field (no
new question), or asked about on its own within the sheet's question budget, where it outranks a guess at an optional
field the matcher was unsure of; never applied."""

from __future__ import annotations

import re

from ferry.agent import questions as ask
from ferry.agent.evidence import ColumnInfo, FieldInfo, related
from ferry.agent.left_out import question_budget
from ferry.agent.models import MatchQuestion, SheetMatch
from ferry.agent.pairs import ScoredSheet
from ferry.agent.phone_numbers_no_key import phone_numbers
from ferry.agent.synonyms import header_words

# Trailing words that make a header a key: the thing's id, key or number ('server_id', 'PartnerKey', 'CustomerNo').
_KEY_WORDS = frozenset({"id", "key", "number", "nr", "no"})
# A code-word prefix glued to the thing ('codtrans', 'codcliente'): the thing's code.
_CODE_PREFIX = re.compile(r"^cod(?:e)?([a-z]{4,})$")
# A word run together with 'id' ('studentid'): the thing must be long enough not to be a word ending in 'id'
# ('paid', 'valid', 'rapid').
_GLUED_ID = re.compile(r"^([a-z]{4,}[^aeiou\W\d_])id$")
# At most this many columns offered in one which-column question.
_MAX_OPTIONS = 4


def offer_record_key(scored: ScoredSheet, result: SheetMatch) -> None:
    """Offer an unused column whose header reads as '<thing> key' and whose values differ in every row for the
    template's key field when nothing fills it: in its question if one is asked, else in one of its own within the
    sheet's budget of one question per ten columns."""
    key_field = key_field_of(scored.fields)
    if key_field is None:
        return
    match = result.match_for(key_field.spec.key)
    if match is not None and match.auto_applied:
        return
    named = {c for q in result.questions for o in q.options for c in re.findall(r"'([^']*)'", o.label)}
    used = {c for m in result.matches if m.auto_applied for c in m.columns}
    candidates = [
        col
        for col in scored.columns
        if col.source not in named | used
        and _keyed_header(col, scored.fields)
        and distinct_values(col)
        and not _pair_of_key_and_value(col, scored.columns)
        and not phone_numbers(col)  # round 45
    ]
    if not candidates:
        return
    question = next((q for q in result.questions if q.field == key_field.spec.key and q.kind == "which_column"), None)
    if question is not None:
        for col in candidates:
            if sum(o.label.startswith("'") for o in question.options) >= _MAX_OPTIONS:
                break
            question.options.insert(len(question.options) - 1, ask.option(f"'{col.source}'", 0))
            question.context += f"; '{col.source}': {ask.samples_of(col)}"
        for n, o in enumerate(question.options, start=1):
            o.id = f"opt_{n}"
        return
    budget = question_budget(scored)
    if any(q.field == key_field.spec.key for q in result.questions):
        return
    if len(result.questions) >= budget:
        # The budget is spent: the records' key is worth more than a guess at an optional field the matcher was
        # unsure of (what identifies a record decides every later update), so that question gives way.
        unsure = [q for q in result.questions if _optional_guess(q, scored.fields)]
        if not unsure:
            return
        result.questions.remove(unsure[-1])
    why = "Its header reads as a key and its values differ in every row"
    result.questions.append(ask.which_column(key_field, candidates[:3], why))


def _optional_guess(question: MatchQuestion, fields: list[FieldInfo]) -> bool:
    """A which-column question about an optional field, asked only because the best match was not sure enough."""
    fld = next((f for f in fields if f.spec.key == question.field), None)
    return (
        fld is not None
        and not fld.key_field
        and question.kind == "which_column"
        and question.context.startswith(ask.UNSURE_WHY)
    )


def key_field_of(fields: list[FieldInfo]) -> FieldInfo | None:
    """The template's one unique text field: its records' key (an external id, a customer number, an asset tag)."""
    keys = [f for f in fields if f.spec.unique and f.spec.type == "string"]
    if len(keys) > 1:
        keys = [f for f in keys if "id" in f.concepts]
    return keys[0] if len(keys) == 1 else None


def _keyed_header(col: ColumnInfo, fields: list[FieldInfo]) -> bool:
    """Whether the header is a thing's key ('server_id', 'PartnerKey', 'studentid', 'codtrans') and the thing is no
    field of the template (a 'company_id' among contacts is the company's key, another record's)."""
    if col.no_header or col.json_path is not None or col.other_party:
        return False
    words = list(header_words(col.matched or col.header))
    if len(words) == 2 and words[1] in _KEY_WORDS:
        thing = words[0]
    elif len(words) == 1 and (glued := _GLUED_ID.match(words[0]) or _CODE_PREFIX.match(words[0])):
        thing = glued.group(1)
    elif len(words) == 2 and words[0] in ("cod", "code"):
        thing = words[1]
    else:
        return False
    if not thing.isalpha() or any(related(c, f.concepts) for c in col.concepts for f in fields if "id" not in c):
        return False
    return not any(thing in f.raw_words or thing == f.spec.key for f in fields)


def _pair_of_key_and_value(col: ColumnInfo, columns: list[ColumnInfo]) -> bool:
    """'Metafield Key' beside 'Metafield Value': the key of a key/value pair (an attribute's name), no record's key."""
    words = header_words(col.matched or col.header)
    return any(
        (other := header_words(c.matched or c.header))[: len(words) - 1] == words[:-1] and "value" in other[1:]
        for c in columns
        if c is not col
    )


def distinct_values(col: ColumnInfo) -> bool:
    """Values in every sampled row, each different: what a key holds."""
    p = col.profile
    return p.n >= 2 and p.distinct == p.n and col.filled >= p.n
