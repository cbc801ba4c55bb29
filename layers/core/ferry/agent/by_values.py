"""Value evidence that must not carry a mapping on its own, however well the values fit.

A real header that names no field ('CC', 'Alias', 'Sender' over e-mails), in a sheet whose other headers the
vocabulary mostly reads, says the column is something the template does not name; that its values are e-mails says
only what kind of thing it holds, not that it is the record's own. Such a column is asked about, never applied. A
header that is itself a value of the field's kind ('John', 'a@a.com', '06061': the file's first row read as its
header) is no header at all, and there the values decide, as without a header row; so they do when the headers are
shifted (another column's header names the field over values that contradict it), and in a sheet of headers in a
language the vocabulary lacks ('E-posta' beside 'Ad', 'Soyad').

And a yes/no field named by a role ('Supervisor' for 'Manager') over many distinct names holds the role's holder, not
a flag: no header makes such values a yes or a no.
"""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import NAMING_HEADER, ScoredSheet
from ferry.agent.profile import profile_column

# Header evidence below which a pair stands on its values alone (score_pair's reasons say 'matched by its values').
_NAMES_NOTHING = 0.3
# Kinds of value people exchange: a column of them is anyone's ('CC', 'Referrer'), not surely the record's.
_WHOSE_KINDS = frozenset({"email", "phone", "url"})


def _header_is_a_value(col: ColumnInfo, fld: FieldInfo) -> bool:
    p = profile_column([col.header])
    share = {"email": p.email, "url": p.url, "phone": p.phone + p.phone_digits, "postal": p.postal,
             "region": p.region, "street": p.street, "given": p.given_name, "surname": p.surname,
             "fullname": p.full_name, "country": p.country, "date": p.date, "datetime": p.date, "number": p.number,
             "integer": p.number}.get(fld.kind, 0.0)  # fmt: skip
    return share >= 0.5


def on_values_alone(scored: ScoredSheet, i: int, j: int) -> bool:
    """Whether pair (i, j) would be applied on its values alone under a real header that names nothing, for a kind of
    value that as often belongs to someone else as to the record (an e-mail, a phone number, a web address); a given
    name or a postcode under an unknown word is the record's own far more often (a header in another language)."""
    col, fld, pair = scored.columns[i], scored.fields[j], scored.pairs[i][j]
    if fld.kind not in _WHOSE_KINDS or col.no_header or col.json_path is not None or pair.header >= _NAMES_NOTHING:
        return False
    shifted = any(row[j].header >= NAMING_HEADER and row[j].conflict for row in scored.pairs)
    return not shifted and _reads_the_sheet(scored, i) and not _header_is_a_value(col, fld)


def _reads_the_sheet(scored: ScoredSheet, i: int) -> bool:
    """Whether the vocabulary reads most of the sheet's other headers: then one it cannot read names something else
    ('CC' beside 'First Name' and 'Company'), not the field in a language it lacks."""
    others = [c for r, c in enumerate(scored.columns) if r != i and c.json_path is None]
    return 2 * sum(bool(c.concepts) for c in others) > len(others)


def names_not_flags(col: ColumnInfo, fld: FieldInfo) -> bool:
    """Many distinct values none of which is a yes or a no, under a yes/no field: not placeholders of a flag."""
    p = col.profile
    return fld.spec.type == "boolean" and not p.boolean and p.distinct > 3 and not p.placeholder
