"""Values that are keys or codes of a list kept elsewhere, under headers that name a person, a topic or a place;
read after every other pass (round 39, issue 12; Fivetran's dbt test seeds of Jira, Amazon and Recurly):

- account ids (a 24-hex key, '557058:<uuid>', a UUID) under any header ('reporter') are no person's name: left
  out, as round 37 left out hex keys under reference headers (32-hex values may be hashed names: they stay);
- whole numbers under a header that does not say they are ids (Jira's 'issue_type' 10103) are ids into a list of
  types, no category's words: left out ('Category ID' stays the field's, asked with its ids);
- upper-case constants joined by '_' (Amazon's BASE_PRODUCT, VARIATION_PARENT) name a record's kind in the system's
  own code, no category a person wrote: left out;
- a header ending in 'country' ('account_country') over hashed or encrypted values is asked for the country,
  not left to the word before it ('account' read as a company).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import ASKED_SCORE, LEFT_OUT_SCORE, QUESTION_FLOOR, PairScore
from ferry.agent.value_keys import MOST, UUID

# A 24-hex object id, a UUID, or an account id with a site prefix ('557058:<uuid>').
_ACCOUNT_ID = re.compile(rf"[0-9a-f]{{24}}|(?:\d+:)?{UUID}", re.IGNORECASE)
_CONSTANT = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*")
_JOINED_CONSTANT = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+")
_WHOLE_NUMBER = re.compile(r"\d+")
_COUNTRY_HEAD = re.compile(r".*[\s_.-]country\s*", re.IGNORECASE)
# A hashed or encrypted value: 32+ hex digits, or a long run of base64 with no space.
_HASHED = re.compile(r"[0-9a-f]{32,}|[A-Za-z0-9+/]{20,}={0,2}", re.IGNORECASE)
# Fields that hold a person: an account id under them points at a user record (an office's UUID may be a location).
_PERSON_CONCEPTS = frozenset(
    {"full_name", "first_name", "last_name", "middle_name", "requester", "assignee", "owner", "manager"}
)


def reread_lookup_values(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Each class of the module's docstring, in turn."""
    for i, col in enumerate(columns):
        values = [v.strip() for v in col.samples if v.strip()]
        if not values:
            continue
        _country_head(i, col, fields, pairs)
        for j, fld in enumerate(fields):
            pair = pairs[i][j]
            if pair.score < QUESTION_FLOOR or fld.spec.type != "string" or "id" in fld.concepts:
                continue
            why = _a_key_not_the_field(col, fld, values)
            if why:
                pairs[i][j] = PairScore(LEFT_OUT_SCORE, pair.header, pair.fit, [*pair.reasons, why])


def _a_key_not_the_field(col: ColumnInfo, fld: FieldInfo, values: list[str]) -> str:
    """Why the values are keys or codes rather than what the field holds, or ''."""
    person = any(fld.concepts.get(c, 0.0) >= 0.9 for c in _PERSON_CONCEPTS)
    if person and _share(values, _ACCOUNT_ID.fullmatch) >= MOST:
        return "its values are account ids of other records, not what the field holds"
    if fld.concepts.get("category", 0.0) < 0.9:
        return ""
    # A header that says its values are ids ('Category ID') is the field's, asked with its ids (`match`).
    if col.suffix is None and all(_WHOLE_NUMBER.fullmatch(v) for v in values):
        return "its values are ids into a list of types, not a category's words"
    if all(_CONSTANT.fullmatch(v) for v in values) and _share(values, _JOINED_CONSTANT.fullmatch) >= 0.5:
        return "its values are the system's constants for a record's kind, not a category"
    return ""


def _country_head(i: int, col: ColumnInfo, fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    values = [v.strip() for v in col.samples if v.strip()]
    if not _COUNTRY_HEAD.fullmatch(col.header) or _share(values, _HASHED.fullmatch) < MOST:
        return
    j = next((j for j, f in enumerate(fields) if f.kind == "country" and pairs[i][j].header >= 0.6), None)
    if j is None or pairs[i][j].score >= ASKED_SCORE:
        return
    own = pairs[i][j]
    why = f"the header '{col.header}' names a country; its values are hashed, so it is asked"
    # Hashed values say nothing against the header: no fit either way.
    pairs[i][j] = own.asked(why, keep=1, fit=0.0)
    for k, other in enumerate(pairs[i]):
        if k != j and other.score >= ASKED_SCORE:
            # The word before 'country' ('account') only qualifies it: the country reads first.
            pairs[i][k] = other.asked(why, keep=1, score=ASKED_SCORE * 0.9)


def _share(values: list[str], test: Callable[[str], object]) -> float:
    return sum(1 for v in values if test(v)) / len(values)
