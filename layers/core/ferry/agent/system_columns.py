"""Columns a system's export adds about its own records, read after every other pass (round 37, issue 12; Fivetran's
dbt test seeds of Zendesk, ServiceNow and Shopify):

- a system's bookkeeping column ('sys_created_on', '_fivetran_synced') gives way to a filled column of the record's
  own that reads the field at auto level (ServiceNow's 'opened_at', now read as a creation date);
- (an empty key column beside the filled bare 'id', Zendesk's 'external_id', is `empty_beside_filled`'s since round
  38: one rule with round 36's places);
- a bare 'id' of hex keys (Intercom's, Workday's) is the system's own key: beside another column that reads the same
  field at auto level ('company_id', 'worker_code') the field is asked among them, not applied;
- a record's own API address ('https://x.zendesk.com/api/v2/organizations/1.json') is no website: left out;
- a bare 'state' of lower-case words that are no places (Shopify's account state: disabled, invited) is not the
  address's state: left out;
- a column of long hex keys under a reference header (ServiceNow's 'assigned_to_value', a 32-hex sys_id) points at
  another record, not the person or words the field holds: left out, as ids of other records are.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import ASKED_SCORE, AUTO_SCORE, LEFT_OUT_SCORE, PairScore
from ferry.agent.value_keys import HEX_KEY, MOST

# An API path: '/api/' or a versioned '/v2/' segment, or a '.json'/'.xml' document.
_API_ADDRESS = re.compile(r"/api/|/v\d+/|\.(?:json|xml)(?:\?|$)", re.IGNORECASE)
# Columns a system keeps about its own copy of a record: ServiceNow's 'sys_*', a sync tool's '_fivetran_*'.
_BOOKKEEPING = re.compile(r"\s*(?:_|sys_)", re.IGNORECASE)
# A header's word saying its hex values point at another record (hashed names under a plain 'name' stay names).
_REFERENCE_WORDS = frozenset({"value", "id", "ref", "reference", "key", "sys", "guid", "uuid"})


def reread_system_columns(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Each class of the module's docstring, in turn."""
    _business_over_bookkeeping(columns, fields, pairs)
    _ask_beside_a_system_id(columns, fields, pairs)
    for i, col in enumerate(columns):
        values = [v.strip() for v in col.samples if v.strip()]
        if not values:
            continue
        for j, fld in enumerate(fields):
            pair = pairs[i][j]
            if pair.score < AUTO_SCORE:
                continue
            why = _not_the_field(col, fld, values)
            if why:
                pairs[i][j] = PairScore(LEFT_OUT_SCORE, pair.header, pair.fit, [*pair.reasons, why])


def _business_over_bookkeeping(
    columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]
) -> None:
    kept = [_BOOKKEEPING.match(c.header) is not None for c in columns]
    for j in range(len(fields)):
        business = [i for i, c in enumerate(columns) if not kept[i] and not c.empty and pairs[i][j].score >= AUTO_SCORE]
        if not business:
            continue
        for b, col in enumerate(columns):
            if kept[b] and pairs[b][j].score >= AUTO_SCORE:
                why = f"'{col.header}' is the system's bookkeeping; '{columns[business[0]].header}' is the record's"
                pairs[b][j] = PairScore(LEFT_OUT_SCORE, pairs[b][j].header, pairs[b][j].fit, [why])


def _ask_beside_a_system_id(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    for s, col in enumerate(columns):
        values = [v.strip() for v in col.samples if v.strip()]
        if col.header.strip().casefold() != "id" or not values:
            continue
        if _share(values, lambda v: bool(HEX_KEY.fullmatch(v))) < MOST:
            continue  # a plain number or code may well be the record's own key
        for j in range(len(fields)):
            # One value on every row ('organization_id' of the one tenant) is no record's own key.
            rivals = [
                i
                for i, c in enumerate(columns)
                if i != s and len(set(c.samples)) > 1 and pairs[i][j].score >= AUTO_SCORE
            ]
            # Only where the bare 'id' would win: a rival that reads as well keeps its own.
            if (
                pairs[s][j].score < AUTO_SCORE
                or not rivals
                or any(pairs[i][j].score >= pairs[s][j].score for i in rivals)
            ):
                continue
            for i in [s, *rivals]:
                # Scaled, not flattened: the question still lists the best reading first.
                why = f"'{col.header}' holds the system's own keys; '{columns[rivals[0]].header}' may be the record's"
                pairs[i][j] = PairScore(pairs[i][j].score * ASKED_SCORE, pairs[i][j].header, pairs[i][j].fit, [why])


def _not_the_field(col: ColumnInfo, fld: FieldInfo, values: list[str]) -> str:
    """Why the column's values are not the field's, or '' when nothing says so."""
    if fld.kind == "url" and _share(values, lambda v: bool(_API_ADDRESS.search(v))) >= MOST:
        return "its addresses are the record's own API address, not a website"
    if fld.kind == "region" and _account_words(col, fld, values):
        return "its words are no places: a record's state, not the address's"
    if fld.spec.type == "string" and "id" not in fld.concepts and fld.kind not in ("url", "email", "phone"):
        hex_keys = _share(values, lambda v: bool(HEX_KEY.fullmatch(v))) >= MOST
        if hex_keys and col.raw_words & _REFERENCE_WORDS and "id" not in fld.spec.key:
            return "its values are hex keys of other records, not what the field holds"
    return ""


def _account_words(col: ColumnInfo, fld: FieldInfo, values: list[str]) -> bool:
    """Lower-case words ('disabled', 'invited') no place profile knows: a system's states; a place is a name."""
    if col.profile.region >= 0.3 or col.profile.country >= 0.3 or col.profile.alpha < MOST:
        return False
    return all(v.isalpha() and v.islower() for v in values) and not any(v in fld.allowed_norm for v in values)


def _share(values: list[str], test: Callable[[str], bool]) -> float:
    return sum(1 for v in values if test(v)) / len(values)
