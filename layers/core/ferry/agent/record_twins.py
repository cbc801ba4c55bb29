"""Two columns of one record that read the same field, read after every other pass (round 39, issue 12; Fivetran's
dbt test seeds of Klaviyo, Jira and Recurly):

- an empty 'custom_<field>' column (Klaviyo's 'custom_phone', 'custom_state') is a site's own copy of a standard
  column: beside a column of the record's own that reads the field at auto level ('phone_number', 'region') it gives
  way (left out), so the standard column is applied on its own evidence;
- the key people quote ('key' TP-8, a bare 'code') beside the system's internal 'id' (Jira's 10011): the bare 'id'
  reads the record's key field by its name alone, the quoted key by nothing, so the field is asked among them (never
  applied), the quoted key first; a long value under a '... key' header (a licence key, an API key) is no key
  people quote.
- the number people are shown beside a bare 'id' of UUIDs (round 41; Tamanu's 'displayId' 12345 beside its
  '9776b3ce-...'): a UUID is the database's key, which no one reads out; a '<display|public|...> id' header says its
  column is the one staff quote. Asked as above, the shown number first, even on one row.
"""

from __future__ import annotations

import re

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import ASKED_SCORE, AUTO_SCORE, LEFT_OUT_SCORE, QUESTION_FLOOR, PairScore
from ferry.agent.value_keys import MOST, UUID_KEY

# A site's own field, named by the system's custom-field prefix.
_CUSTOM = re.compile(r"\s*custom[\s_.:-]+\S", re.IGNORECASE)
# Headers of the key people quote: a bare 'key'/'code', or '<entity> key' ('issue_key').
_QUOTED_KEY = re.compile(r"\s*(?:\w+[\s_.-]+)?key\s*|\s*code\s*", re.IGNORECASE)
# A key people quote is short ('TP-8', 'INC0010001'); a long one under a '... key' header is a secret or a licence.
_SHORT_KEY = 16
_BARE_IDS = frozenset({"id", "uuid", "guid"})
# A quoted key holds a digit (TP-8, INC0010001, a hex code): words alone ('USD', 'open') are codes of a list.
_HAS_DIGIT = re.compile(r"\d")
# Words saying an id is the one people see and quote, not the database's own.
_SHOWN = frozenset({"display", "displayed", "public", "friendly", "readable", "human", "visible"})
_ID_WORDS = frozenset({"id", "number", "no"})


def reread_record_twins(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Each class of the module's docstring, in turn."""
    _standard_over_custom(columns, fields, pairs)
    _quoted_key_beside_the_id(columns, fields, pairs)
    _shown_id_beside_a_uuid(columns, fields, pairs)


def _standard_over_custom(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    custom = [_CUSTOM.match(c.header) is not None for c in columns]
    for j in range(len(fields)):
        standard = [i for i, c in enumerate(columns) if not custom[i] and pairs[i][j].score >= AUTO_SCORE]
        if not standard:
            continue
        for t, col in enumerate(columns):
            if custom[t] and col.empty and pairs[t][j].score >= AUTO_SCORE:
                why = f"'{col.header}' is an empty custom copy; '{columns[standard[0]].header}' is the standard column"
                pairs[t][j] = PairScore(LEFT_OUT_SCORE, pairs[t][j].header, pairs[t][j].fit, [why])


def _quoted_key_beside_the_id(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    ids = [i for i, c in enumerate(columns) if c.header.strip().casefold() in _BARE_IDS and not c.empty]
    keys = [k for k, c in enumerate(columns) if _QUOTED_KEY.fullmatch(c.header) and _quoted_values(c)]
    keys = [k for k in keys if "key" not in columns[k].raw_words or _short(columns[k])]
    if len(ids) != 1 or not keys:
        return
    s = ids[0]
    for j, fld in enumerate(fields):
        if not fld.key_field or pairs[s][j].score < QUESTION_FLOOR:
            continue
        quoted = [k for k in keys if pairs[k][j].score < QUESTION_FLOOR]
        if not quoted:
            continue
        _ask_quoted_first(columns, pairs, quoted[0], s, j)


def _ask_quoted_first(columns: list[ColumnInfo], pairs: list[list[PairScore]], k: int, s: int, j: int) -> None:
    """Field j asked between the quoted key k (first) and the system's id s (just below it); neither applied."""
    own = pairs[s][j]
    why = f"'{columns[k].header}' may be the key people quote; '{columns[s].header}' the system's own number"
    pairs[k][j] = pairs[k][j].asked(why, keep=0)
    pairs[s][j] = PairScore(min(own.score, ASKED_SCORE) * 0.98, own.header, own.fit, [*own.reasons[:1], why])


def _shown_id_beside_a_uuid(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    ids = [i for i, c in enumerate(columns) if c.header.strip().casefold() in _BARE_IDS and _uuids(c)]
    shown = [
        k
        for k, c in enumerate(columns)
        if c.raw_words & _SHOWN and c.raw_words & _ID_WORDS and c.samples and _short(c) and _quoted_values(c, 1)
    ]
    if len(ids) != 1 or not shown:
        return
    for j, fld in enumerate(fields):
        if fld.key_field and pairs[ids[0]][j].score >= QUESTION_FLOOR and pairs[shown[0]][j].score < AUTO_SCORE:
            _ask_quoted_first(columns, pairs, shown[0], ids[0], j)


def _uuids(col: ColumnInfo) -> bool:
    values = [v.strip() for v in col.samples if v.strip()]
    return bool(values) and all(UUID_KEY.fullmatch(v) for v in values)


def _short(col: ColumnInfo) -> bool:
    return all(len(v.strip()) <= _SHORT_KEY for v in col.samples)


def _quoted_values(col: ColumnInfo, fewest: int = 2) -> bool:
    """A value on every sampled row (at least `fewest`), differing from row to row, most of them holding a digit."""
    values = [v.strip() for v in col.samples]
    if len(values) < fewest or not all(values) or len(set(values)) < min(fewest, 2):
        return False
    return sum(1 for v in values if _HAS_DIGIT.search(v)) >= MOST * len(values)
