"""Sure-looking pairs that a second reading shows to be a choice, caught before the assignment (issue 12, round 27).

Ways a header reads as a field at full strength while the file does not say the column is that field:

- *Dialling codes under a country header* ('Country Code' of '+49', '+1'): the values are telephone prefixes, which
  no country field holds; the pair is left out, not applied with a question about values that can never fit.
- *One header, two fields of the template* ('Département' beside 'Ville' and 'Code postal', a synonym both of the team
  and of the state): the header alone reads as either, the values cannot tell; the pair is asked, never applied to
  whichever field happens to come first.
- *A database's UUIDs for an article number* (OpenMRS' 'Uuid' offered as the SKU, the template's key): a UUID is
  the row's id in the exporting system, never the code a product is stocked and ordered by; the pair is left out.
- *Two sure columns for a field whose description names an event* ('Created' and 'Signup Date' for a created_at
  described as 'When the contact signed up'): the column naming the described event keeps the field; a generic
  timestamp beside it (when the row was made in the other system) is only asked about.

Round 29 adds three readers kept in their own modules: a tax rate is no tax class (`tax_rates`), short tags under a
note header are no description (`prose`), a path through another record's reference is not the record's own id
(`ref_paths`).

The other way round, `record_state` raises an empty bare 'Status' to a candidate for a yes/no 'is_active'.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ferry.agent.bilingual_headers import native_half_rules
from ferry.agent.evidence import ColumnInfo, FieldInfo, content
from ferry.agent.numbered_placeholders import slots_name_no_field
from ferry.agent.pairs import AUTO_SCORE, SURE_HEADER, PairScore
from ferry.agent.prose import tags_are_no_prose
from ferry.agent.record_state import status_for_a_state_flag
from ferry.agent.ref_paths import paths_are_no_own_key
from ferry.agent.synonyms import header_words
from ferry.agent.tax_rates import rates_are_no_tax_class
from ferry.agent.value_keys import MOST, UUID_KEY

# A pair kept below the auto-apply line: still the best candidate, asked about (score_pair's scale).
_ASKED = round(AUTO_SCORE - 0.01, 4)
# An international dialling prefix: '+49', '+1', '0049'.
_DIAL_CODE = re.compile(r"^(?:\+|00)\d{1,4}$")
# Two fields read this close on one header are one reading of it, not a better and a worse one.
_TIE = 0.02
# Values below this fit say nothing of the field: the header alone carried the pair.
_HEADER_ALONE_FIT = 0.3
# Words compared by their first letters: 'signup' and 'signed' share the event ('sign').
_STEM = 4


def reread_pairs(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """The last adjustments of the pair scores before the assignment (see the module's note)."""
    _dial_codes_are_no_country(columns, fields, pairs)
    _uuids_are_no_article_number(columns, fields, pairs)
    rates_are_no_tax_class(columns, fields, pairs)
    tags_are_no_prose(columns, fields, pairs)
    paths_are_no_own_key(columns, fields, pairs)
    _one_header_two_fields(columns, fields, pairs)
    _described_event_first(columns, fields, pairs)
    status_for_a_state_flag(columns, fields, pairs)
    native_half_rules(columns, fields, pairs)
    slots_name_no_field(columns, fields, pairs)


def _most_match(col: ColumnInfo, pattern: re.Pattern[str]) -> bool:
    values = [v.strip() for v in col.samples if v.strip()]
    return bool(values) and sum(bool(pattern.fullmatch(v)) for v in values) >= MOST * len(values)


def _uuids_are_no_article_number(
    columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]
) -> None:
    for j, fld in enumerate(fields):
        if fld.concepts.get("sku", 0.0) < SURE_HEADER:
            continue
        for i, col in enumerate(columns):
            if pairs[i][j].score > 0 and _most_match(col, UUID_KEY):
                reason = "its values are UUIDs: the row's id in another system, not an article number"
                pairs[i][j] = replace(pairs[i][j], score=0.0, record_key=False, reasons=[*pairs[i][j].reasons, reason])


def _dial_codes_are_no_country(
    columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]
) -> None:
    for j, fld in enumerate(fields):
        if "country" not in fld.concepts:
            continue
        for i, col in enumerate(columns):
            if pairs[i][j].score > 0 and _most_match(col, _DIAL_CODE):
                reason = f"its values ({', '.join(col.samples[:3])}) are dialling codes, not countries"
                pairs[i][j] = replace(pairs[i][j], score=0.0, reasons=[*pairs[i][j].reasons, reason])


def _surely(pair: PairScore) -> bool:
    return pair.score >= AUTO_SCORE and pair.header >= SURE_HEADER


def _one_header_two_fields(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    for i, col in enumerate(columns):
        if col.no_header:
            continue
        sure = [j for j, pair in enumerate(pairs[i]) if _surely(pair) and not pair.split and not pair.record_key]
        if len(sure) < 2:
            continue
        # A sense another column holds surely ('description' beside 'summary') leaves this one the other.
        sure = [j for j in sure if not any(r != i and _surely(pairs[r][j]) for r in range(len(columns)))]
        if len(sure) < 2:
            continue
        top = max(pairs[i][j].score for j in sure)
        tied = [j for j in sure if pairs[i][j].score >= top - _TIE]
        if len(tied) < 2 or any(pairs[i][j].fit >= _HEADER_ALONE_FIT for j in tied):
            continue  # one reading is ahead, or the values side with one of them
        named = " and ".join(fields[j].spec.key for j in tied)
        for j in tied:
            reason = f"'{col.header}' names {named} alike and its values do not tell which"
            pairs[i][j] = replace(pairs[i][j], score=_ASKED, reasons=[*pairs[i][j].reasons, reason])


def _stems(words: set[str]) -> set[str]:
    return {w[:_STEM] for w in words if len(w) >= _STEM}


def _described_event_first(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    for j, fld in enumerate(fields):
        if fld.spec.type != "date" or not fld.desc_words:
            continue
        event = _stems(fld.desc_words) - _stems(fld.words)
        sure = [i for i, row in enumerate(pairs) if row[j].score >= AUTO_SCORE and not row[j].split]
        if len(sure) < 2:
            continue
        naming = [i for i in sure if _stems(content(header_words(columns[i].header))) & event]
        if not naming or len(naming) == len(sure):
            continue
        for i in sure:
            if i not in naming:
                reason = f"'{columns[naming[0]].header}' names the {fld.spec.key} as described; this one is generic"
                pairs[i][j] = replace(pairs[i][j], score=_ASKED, reasons=[*pairs[i][j].reasons, reason])
