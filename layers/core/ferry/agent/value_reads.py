"""Columns whose values say what their header does not (round 35, issue 12), read after every other pass:

- a bare 'Group' or 'Role' of one role name per row ('Delegates', 'Staff', 'Admins') is the permission group a login
  has, no department or team: the unit a person belongs to is named otherwise;
- a column the vocabulary cannot read whose values name units ('Department A', 'Sales Team') is the department;
- a column the vocabulary cannot read whose values are nearly all country names is asked about as the country,
  whatever its header (never applied: 'Nationality' and 'Export Markets' hold countries too, and are no address);
- a column of timestamps named for registering ('member_register_time', 'registration time') is the moment the
  record signed up: the template's creation or subscription date;
- the record's own id ('user_id' on a list of users) beside another key (the e-mail) is the external id, when the
  template keeps one apart from its key and every row holds its own id.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import (
    APPLIED_SCORE,
    ASKED_SCORE,
    AUTO_SCORE,
    LEFT_OUT_SCORE,
    NAMING_HEADER,
    PairScore,
)
from ferry.agent.value_keys import MOST

_ROLE_HEADERS = frozenset({"group", "groups", "role", "roles", "user group", "usergroup", "user role"})
# Names of what a person may do in a system or a meeting: permission groups, not organisational units.
_ROLE_NAMES = frozenset(
    {
        "admin", "administrator", "superuser", "super user", "staff", "member", "user", "guest", "visitor",
        "delegate", "observer", "editor", "viewer", "reader", "author", "contributor", "moderator", "owner",
        "maintainer", "reporter", "developer", "participant", "speaker", "attendee", "subscriber", "customer",
        "anonymous", "everyone", "default", "operator", "agent", "supervisor", "reviewer", "manager", "student",
        "teacher", "volunteer", "registered", "public", "internal", "external", "committee",
    }
)  # fmt: skip
# Words that name an organisational unit inside a value ('Department A', 'Sales Team', 'Abteilung 3').
_UNIT_WORDS = frozenset(
    {"department", "dept", "team", "division", "unit", "section", "abteilung", "departamento", "departement", "squad"}
)
# Header words for registering, the moment a record signed up.
_REGISTER_WORDS = frozenset({"register", "registered", "registration", "signup", "enrolled", "enrollment", "enrolment"})
# The only other words such a header may hold: whose registration, and that it is a moment ('registration expiry' is
# no sign-up).
_MOMENT_WORDS = frozenset({"time", "date", "datetime", "timestamp", "ts", "at", "on", "of", "account", "customer"})
# Nouns for the people a record of people is: their own id is the record's id.
_PERSON_NOUNS = frozenset({"user", "member", "subscriber", "contact", "person", "participant", "recipient", "profile"})
_ID_HEADER = re.compile(r"^([a-z]+)[ _]?id$")
# Share of values that must be of a kind before the values decide, and the fewest values read.
_FEWEST = 3


def reread_values(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Each class of the module's docstring, in turn."""
    _role_groups(columns, fields, pairs)
    _unit_values(columns, fields, pairs)
    _country_values(columns, fields, pairs)
    _register_moment(columns, fields, pairs)
    _own_id_beside_key(columns, fields, pairs)


def _values(col: ColumnInfo) -> list[str]:
    return [v.strip() for v in col.samples if v.strip()]


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _share(values: list[str], test: Callable[[str], bool]) -> float:
    return sum(1 for v in values if test(v)) / len(values) if values else 0.0


def _apply(pairs: list[list[PairScore]], i: int, j: int, reason: str) -> None:
    was = pairs[i][j]
    if was.score < APPLIED_SCORE:
        pairs[i][j] = PairScore(
            APPLIED_SCORE, max(was.header, NAMING_HEADER), max(was.fit, 0.0), [reason, *was.reasons]
        )


def _unique(fields: list[FieldInfo], concept: str) -> int | None:
    found = [j for j, f in enumerate(fields) if f.concepts.get(concept, 0.0) >= 0.9]
    return found[0] if len(found) == 1 else None


def _role_name(value: str) -> bool:
    text = value.casefold()
    return text in _ROLE_NAMES or _singular(text) in _ROLE_NAMES


def _role_groups(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    for i, col in enumerate(columns):
        values = _values(col)
        if col.norm not in _ROLE_HEADERS or len(values) < _FEWEST or _share(values, _role_name) < MOST:
            continue
        for j, fld in enumerate(fields):
            if "department" in fld.concepts and pairs[i][j].score > LEFT_OUT_SCORE:
                was = pairs[i][j]
                reason = f"'{col.header}' holds role names (permission groups), not the {fld.spec.key}"
                pairs[i][j] = PairScore(
                    LEFT_OUT_SCORE, min(was.header, LEFT_OUT_SCORE), was.fit, [reason, *was.reasons]
                )


def _names_a_unit(value: str) -> bool:
    return bool(set(re.findall(r"[^\W\d_]+", value.casefold())) & _UNIT_WORDS)


def _unit_values(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    j = _unique(fields, "department")
    if j is None:
        return
    for i, col in enumerate(columns):
        values = _values(col)
        if col.concepts or len(values) < _FEWEST or _share(values, _names_a_unit) < MOST:
            continue
        _apply(pairs, i, j, f"the values of '{col.header}' name units ('{values[0]}'): its {fields[j].spec.key}")


def _country_values(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    j = _unique(fields, "country")
    if j is None:
        return
    for i, col in enumerate(columns):
        if col.concepts or len(_values(col)) < _FEWEST or col.profile.country < MOST:
            continue
        if any(k != j and p.score >= AUTO_SCORE for k, p in enumerate(pairs[i])):
            continue  # a field of its own already holds it
        was = pairs[i][j]
        if was.score < ASKED_SCORE:
            reason = f"the values of '{col.header}' are country names: perhaps its {fields[j].spec.key}"
            pairs[i][j] = PairScore(
                ASKED_SCORE, max(was.header, ASKED_SCORE), max(was.fit, 0.0), [reason, *was.reasons]
            )


def _register_moment(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    j = _unique(fields, "created_at")
    if j is None:
        return
    for i, col in enumerate(columns):
        sure = any(s >= AUTO_SCORE for s in col.concepts.values())  # a weak reading ('account': a company) is none
        if sure or not col.profile.n or col.profile.date < MOST or not col.raw_words & _REGISTER_WORDS:
            continue
        if col.raw_words - _REGISTER_WORDS - _MOMENT_WORDS - _PERSON_NOUNS:
            continue
        _apply(pairs, i, j, f"'{col.header}' is when the record registered: its {fields[j].spec.key}")


def _own_id_beside_key(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    j = _unique(fields, "id")
    if j is None or fields[j].key_field or not any(f.key_field for f in fields):
        return  # the id is the template's key, asked about as such
    if not any("first_name" in f.concepts or "email" in f.concepts for f in fields):
        return  # a record of people: their own id is the record's
    for i, col in enumerate(columns):
        found = _ID_HEADER.match(col.norm)
        values = _values(col)
        if found is None or found.group(1) not in _PERSON_NOUNS or len(values) < _FEWEST:
            continue
        if len(set(values)) != len(values) or any(" " in v for v in values):
            continue  # one code per row, or it is no record's own id
        if any(pairs[k][j].score >= pairs[i][j].score and k != i for k in range(len(columns))):
            continue  # another column reads as the id at least as well
        _apply(pairs, i, j, f"'{col.header}' is each row's own id beside the key: its {fields[j].spec.key}")
