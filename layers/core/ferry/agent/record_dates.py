"""When a record began, read from a date column whose header says so only in the record's own terms (round 54, issue
12). Before, both were read by their values alone, as any date field, and left out without a question:

- a bare 'date' ('Date', 'datum', 'fecha') over dates, the sheet's only date column, on a record whose only dates are
  its own creation and update stamps (a ticket): the one date a case log keeps is when the case was raised
  (Ushahidi's reports, DefectDojo's findings, a support-case table), not when it was last touched;
- a header naming when a person started or joined (the hire date's words: 'start_date', 'Eintritt') over dates, on a
  party's record that has no hire date (a customer, a contact, a company: a record reached by email or phone): the
  day the party began is its created_at (WooCommerce Subscriptions' start, a club's member entry). A ticket's or a
  deal's start is the work's, not the record's: they have no such reading;
- a header naming when such a record was opened or published ('date_ouverture' of a school, a directory listing's
  'Published') over dates: the day it began as well. A publication's or a product's own 'published' (a year, a
  yes/no flag) is on a template with no creation date, or fails the dates.

Either is applied only when no other column names the creation date and exactly one column is read so."""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import APPLIED_SCORE, NAMING_HEADER, PairScore

# Whole headers that say only "date", in the languages the lexicon reads.
BARE_DATE_HEADERS = frozenset({"date", "datum", "fecha", "data"})
# The stamps a record keeps of itself: a template dated by these alone dates nothing else.
_OWN_STAMPS = frozenset({"created_at", "updated_at"})
# Whole headers naming when a party's record was opened or published (French written without the article, as
# column names are).
OPENED_HEADERS = frozenset(
    {"published", "date published", "published on", "published at", "publish date", "opening date", "date ouverture"}
)
# Fields through which a party record is reached: a template with one is a customer's, a contact's or a company's.
_REACHED_BY = frozenset({"email", "phone"})
# Share of a column's values that must be dates.
_DATES = 0.9
# Share of values from which another column is a date column too (the bare 'date' would not be the only one).
_OTHER_DATES = 0.5


def _dated(col: ColumnInfo, share: float) -> bool:
    return not col.empty and col.json_path is None and col.profile.date >= share


def _bare_date(col: ColumnInfo, columns: list[ColumnInfo], fields: list[FieldInfo]) -> bool:
    """A bare 'date' over dates, no other date column beside it, on a record dated only by its own stamps."""
    dates = {f.spec.key for f in fields if f.spec.type in ("date", "datetime")}
    if dates != _OWN_STAMPS or col.norm.strip() not in BARE_DATE_HEADERS or not _dated(col, _DATES):
        return False
    return not any(_dated(other, _OTHER_DATES) for other in columns if other is not col)


def _party_start(col: ColumnInfo, fields: list[FieldInfo]) -> bool:
    """A header in the hire date's words, or naming an opening or publication, over dates, on a party's record that
    keeps no hire date."""
    keys = {f.spec.key for f in fields}
    if "hire_date" in keys or not keys & _REACHED_BY or not _dated(col, _DATES):
        return False
    if col.norm.strip() in OPENED_HEADERS:
        return True
    return col.concepts.get("hire_date", 0.0) >= 1.0 and len(col.concepts) == 1


def record_start_dates(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Apply the creation date from the one bare 'date' of a ticket, or the one start of a party's record."""
    created = [j for j, fld in enumerate(fields) if fld.spec.key == "created_at"]
    if len(created) != 1:
        return
    j = created[0]
    if any(pairs[i][j].header >= NAMING_HEADER for i in range(len(columns))):
        return  # another column names the creation date
    read = [i for i, col in enumerate(columns) if _bare_date(col, columns, fields) or _party_start(col, fields)]
    if len(read) != 1:
        return
    i = read[0]
    col, pair = columns[i], pairs[i][j]
    if col.norm.strip() in BARE_DATE_HEADERS:
        reason = f"'{col.header}' is the only date a record dated by its own stamps keeps: when it was created"
    else:
        reason = f"'{col.header}' names when the party started, opened or was published: when its record began"
    pairs[i][j] = PairScore(APPLIED_SCORE, max(pair.header, NAMING_HEADER), pair.fit, [*pair.reasons, reason])
