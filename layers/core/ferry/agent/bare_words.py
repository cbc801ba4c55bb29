"""One-word headers whose values say which of their meanings the file uses (round 33, issue 12):

- a bare 'Group' of '|'-separated lists ('Editors|Viewers') holds the groups a login belongs to, several per person:
  no department, which a person has one of;
- a plural 'tags' holds free labels, several per record: no identifier such as an asset tag, which is one code;
- 'template', 'class' of a few repeated words ('Edge Router', 'Access Switch') is the kind a record is filed
  under: the category, put to the person as a question (the word names it in no vocabulary);
- 'title' of short distinct phrases ('The Glass Orchard') on a template with a name and no title of its own (no
  subject, job title or salutation) is the record's own name, not its description.
"""

from __future__ import annotations

import re

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.job_titles import is_job
from ferry.agent.pairs import (
    APPLIED_SCORE,
    ASKED_SCORE,
    LEFT_OUT_SCORE,
    QUESTION_FLOOR,
    PairScore,
)

_GROUP_WORDS = frozenset({"group", "groups"})
# Several items in one cell: 'Editors|Viewers', 'sales; support'.
_LIST_SEPARATOR = re.compile(r"\s*[|;]\s*")
# Plural words for free labels: several per record, never one identifier.
_FREE_LABELS = frozenset({"tags", "labels", "keywords"})
# Words for the kind of thing a record is filed under, which no vocabulary ties to a category.
_KIND_WORDS = frozenset({"template", "templates", "class", "classification", "archetype", "blueprint"})
# The concepts a 'title' means where the template has a field for it.
_TITLE_MEANINGS = frozenset({"subject", "job_title", "salutation", "deal_name"})
# A title is a short phrase: at most this many words on average.
_TITLE_WORDS = 12
# Distinct values enough to call every row its own, when the samples are a few of many rows.
_FEW_SAMPLES = 8
# Left out: a pair no longer a candidate. Asked: a pair put to the person, not applied.


def reread_bare_words(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Each class of the module's docstring, in turn."""
    _group_memberships(columns, fields, pairs)
    _free_labels(columns, fields, pairs)
    _kind_words(columns, fields, pairs)
    _titles_as_names(columns, fields, pairs)


def _lists(col: ColumnInfo) -> bool:
    """Most filled cells hold two or more items."""
    filled = [v for v in col.samples if v.strip()]
    several = [v for v in filled if len([p for p in _LIST_SEPARATOR.split(v) if p]) >= 2]
    return bool(filled) and len(several) >= 0.5 * len(filled)


def _leave_out(pairs: list[list[PairScore]], i: int, j: int, reason: str) -> None:
    was = pairs[i][j]
    pairs[i][j] = PairScore(
        min(was.score, LEFT_OUT_SCORE), min(was.header, LEFT_OUT_SCORE), was.fit, [reason, *was.reasons]
    )


def _group_memberships(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    for i, col in enumerate(columns):
        if col.norm not in _GROUP_WORDS or not _lists(col):
            continue
        for j, fld in enumerate(fields):
            if "department" in fld.concepts and pairs[i][j].score > LEFT_OUT_SCORE:
                reason = f"'{col.header}' holds several groups per row (memberships), not one {fld.spec.key}"
                _leave_out(pairs, i, j, reason)


def _free_labels(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    for i, col in enumerate(columns):
        if col.norm not in _FREE_LABELS:
            continue
        # Values that are one distinct code each would be identifiers after all.
        codes = col.profile.n >= 2 and col.profile.distinct == col.profile.n and not _lists(col)
        for j, fld in enumerate(fields):
            if codes or fld.concepts.get("tags", 0.0) >= 0.9 or pairs[i][j].score <= LEFT_OUT_SCORE:
                continue
            if fld.spec.unique or fld.key_field or fld.spec.key.endswith(("_tag", "_id", "_number")):
                _leave_out(pairs, i, j, f"'{col.header}' holds free labels, not the {fld.spec.key} (one code)")


def _distinct(col: ColumnInfo) -> list[str]:
    return sorted({v.strip() for v in col.samples if v.strip()})


def _repeated_words(col: ColumnInfo) -> bool:
    """A few worded values repeated down the column: the values of a classification."""
    values = _distinct(col)
    worded = all(re.search(r"[^\W\d_]{2}", v) for v in values) and col.profile.number < 0.2
    return bool(values) and worded and col.filled >= 2 * len(values)


def _kind_words(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    categories = [j for j, f in enumerate(fields) if f.concepts.get("category", 0.0) >= 0.9]
    if len(categories) != 1:
        return
    j = categories[0]
    for i, col in enumerate(columns):
        if col.norm not in _KIND_WORDS or col.empty or not _repeated_words(col) or pairs[i][j].score >= ASKED_SCORE:
            continue
        if any(k != j and p.score >= QUESTION_FLOOR for k, p in enumerate(pairs[i])):
            continue  # 'class' of 'Reduced', 'Standard' has a home of its own: the tax class
        was = pairs[i][j]
        reason = f"'{col.header}' names the kind each row is filed under: perhaps its {fields[j].spec.key}"
        pairs[i][j] = was.asked(reason, first=True, header=ASKED_SCORE)


def _titles(col: ColumnInfo) -> bool:
    """Short distinct phrases, not people's names: the titles of books, films, products."""
    p, values = col.profile, _distinct(col)
    # Every row its own value (the samples hold a few distinct values at most): no salutations, no kinds.
    if len(values) < 2 or len(values) < min(col.filled, _FEW_SAMPLES) or max(p.full_name, p.given_name) >= 0.5:
        return False
    if p.number >= 0.2 or any(is_job(v) for v in values):
        return False  # 'Sales Manager', 'CEO': a contact's job title on a company's record
    return sum(len(v.split()) for v in values) / len(values) <= _TITLE_WORDS


def _titles_as_names(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    names = [j for j, f in enumerate(fields) if f.spec.key == "name"]
    if len(names) != 1 or any(_TITLE_MEANINGS & set(f.concepts) for f in fields):
        return
    j = names[0]
    for i, col in enumerate(columns):
        if col.norm != "title" or col.empty or not _titles(col):
            continue
        was = pairs[i][j]
        reason = f"'{col.header}' holds short distinct titles, and the template's only field for them is its name"
        pairs[i][j] = PairScore(
            max(was.score, APPLIED_SCORE), max(was.header, APPLIED_SCORE), was.fit, [reason, *was.reasons]
        )
        for k, other in enumerate(pairs[i]):
            if k != j and other.score > ASKED_SCORE:  # the description is the longer text beside it, if anywhere
                pairs[i][k] = other.asked(header=min(other.header, ASKED_SCORE))
