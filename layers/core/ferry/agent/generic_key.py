"""A header that is only a generic word for a record's key ('Code', 'Identifier', 'Reference') over values that differ
in every row: the records' own key. The lexicon cannot tie such a word to one field (a 'code' may be a postal code, a
'reference' another record's), so the matcher asks; but when the question is about the template's key field, that
column is offered first, no other offered column names the key as well, and nothing else fills it, what the question
asks is already answered: the column is applied and the question withdrawn, which saves the sheet's question budget
for the columns that need it."""

from __future__ import annotations

import re

from ferry.agent import questions as ask
from ferry.agent.article_codes import article_number_shaped, ask_barcode_instead
from ferry.agent.calibrate import calibrated
from ferry.agent.coded_keys import settle_coded_key
from ferry.agent.evidence import ColumnInfo
from ferry.agent.models import SheetMatch
from ferry.agent.pairs import AUTO_SCORE, NAMING_HEADER, ScoredSheet
from ferry.agent.record_keys import key_field_of

# Separators of a path into another record ('user.importId', 'partner_id/id'): that record's field, not this one's.
_PATH = re.compile(r"\w[./]\w")
# Header evidence a key column offered beside paths into other records needs to be taken as the records' own.
_OWN_KEY_HEADER = 0.6


# Whole headers that are a bare record id, and the last words of a header that names another record's id.
_BARE_IDS = frozenset({"id", "uuid", "guid"})


def _names_other_record(col: ColumnInfo) -> bool:
    """'organization_id', 'parentId', 'List Id': a thing's name before the id word, so the id of another record."""
    words = col.norm.split()
    return len(words) >= 2 and words[-1] in _BARE_IDS


def _own_beside_paths(col: ColumnInfo, others: list[ColumnInfo], header: float) -> bool:
    """'importId' beside 'user.importId' and 'team.importId', or a bare 'id' beside 'organization_id': the one key that
    is no path into, nor id of, another record is this record's own."""
    if not others or header < _OWN_KEY_HEADER or _PATH.search(col.header):
        return False
    if col.norm in _BARE_IDS and all(_names_other_record(c) or _PATH.search(c.header) for c in others):
        return True
    return all(_PATH.search(c.header) for c in others)


# Distinct values a sheet's manifest samples at most: a column with this many may hold more, all different or not.
_SAMPLE_CAP = 10


def _unique(col: ColumnInfo) -> bool:
    """A value in every row, no two alike: as many distinct samples as filled rows (or the samples' cap reached)."""
    n = len(col.samples)
    return n >= 2 and col.filled >= col.rows and (n == col.filled or n >= _SAMPLE_CAP)


# Whole headers that say only "the record's key", naming no thing ('Code', 'Identifier', 'Reference', 'Ref').
GENERIC_KEY_HEADERS = frozenset({"code", "identifier", "reference", "ref", "key"})


def _own_key_rival(scored: ScoredSheet, col: ColumnInfo, j: int) -> bool:
    """A column whose header names the key field as well and whose values differ in every row: the record's own key,
    maybe; an organisation's id repeated over its clients is not."""
    return scored.pairs[scored.columns.index(col)][j].header >= NAMING_HEADER and _unique(col)


def apply_generic_key(scored: ScoredSheet, result: SheetMatch) -> None:
    """Apply a generic key header ('Code'), or the one key beside paths into other records ('importId' beside
    'user.importId'), of distinct values to the template's key field when the which-column question about that field
    offers it first and no other option's header names the key as well."""
    key_field = key_field_of(scored.fields)
    if key_field is None or settle_coded_key(scored, result):
        return  # no key, or a record's own id of business codes settled it (round 51)
    offered = ask.offered_columns(scored, result, key_field.spec.key)
    if offered is None:
        return
    match, question, columns = offered
    i, j = columns[0], scored.fields.index(key_field)
    col, pair = scored.columns[i], scored.pairs[i][j]
    used = {c for m in result.matches if m.auto_applied for c in m.columns}
    if col.no_header or col.source in used or not _unique(col):
        return
    others = [scored.columns[r] for r in columns[1:]]
    beside_paths = _own_beside_paths(col, others, pair.header)
    if col.norm not in GENERIC_KEY_HEADERS and not beside_paths:
        return
    # Another option that names the key at least as well ('Code' beside 'Product code') leaves a real choice.
    if not beside_paths and any(scored.pairs[scored.columns.index(c)][j].header >= pair.header for c in others):
        return
    # 'company_id' on companies names this record's key, not another's (round 37): beside a bare 'id', a real choice;
    # values repeated over rows ('organization_id' of their tenant) are no record's own key.
    if beside_paths and any(_own_key_rival(scored, c, j) for c in others):
        return
    # Digits of an article number's length name a barcode as well as a key: asked about the barcode instead.
    if not beside_paths and article_number_shaped(col) and ask_barcode_instead(scored, result, col, question):
        return
    why = "is the one key no path into another record" if beside_paths else "names only a key"
    rationale = f"'{col.header}' {why} and its values differ in every row: the records' own key"
    ask.settle_with(result, match, question, col.source, calibrated(max(pair.score, AUTO_SCORE)), rationale)
