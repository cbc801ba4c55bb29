"""Columns whose header alone places them wrongly or not at all: a page's metadata ('meta_title', 'SEO Description')
is about the web page, never the record's own field; a header naming one part of a two-part field ('pay_type' for
salary_currency) or a person's login (for a ticket's id) names another thing; values can name a field the header
does not ('active' for is_active, phone numbers under 'number'); and in a question, the options a person most likely
picks come first (a bare 'Name' for the record's own name before a 'Default Account', which points at another
record; the record's own 'code' before the id of a language; 'Primary Phone' before 'Business Phone')."""

from __future__ import annotations

import re

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.models import QuestionOption, SheetMatch
from ferry.agent.pairs import AMBIGUOUS_HEADERS, BARE_NAMES, PairScore, ScoredSheet
from ferry.agent.stems import stem
from ferry.agent.synonyms import header_words

# First words of a header that make it a web page's metadata: a shop's 'meta_keywords', 'metaTitle.en', 'SEO Title'.
_PAGE_WORDS = frozenset({"meta", "seo"})
# Fields that hold a record's own name, which a header saying only 'Name' may mean (Frappe's party 'Name').
RECORD_NAMES = frozenset({"company", "product_name", "full_name"})
# Qualifiers that make a column the record's main one of several ('Primary Phone', 'main_email').
_MAIN_WORDS = frozenset({"primary", "main"})


def page_metadata(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """A column of a page's metadata ('Meta_keywords', 'metaDescription.de', 'SEO Title') holds what a search engine
    is told about the record's page, not the record's tags, description or name: no field takes it, nothing asks."""
    for i, col in enumerate(columns):
        words = header_words(col.matched or col.header)
        if not words or words[0] not in _PAGE_WORDS or len(words) < 2:
            continue
        reason = f"'{col.header}' is the web page's metadata, not the record's own field"
        for j in range(len(fields)):
            if pairs[i][j].score > 0 or pairs[i][j].header > 0:
                pairs[i][j] = PairScore(0.0, 0.0, 0.0, [reason])


# Strength from which a concept is one a field names outright (its whole name), not a part of its name.
_WHOLE = 0.9


def one_part_of_compound(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """A field named by two concepts ('salary currency') is not named by a header that names only one of them, when
    another field of the template is that one ('pay_type' names the salary, not its currency): that header's
    evidence for the compound field is dropped, its values may still speak."""
    whole = {c for f in fields for c, s in f.concepts.items() if s >= _WHOLE}
    for j, fld in enumerate(fields):
        parts = set(fld.concepts)
        if len(parts) < 2 or any(s >= _WHOLE for s in fld.concepts.values()):
            continue
        for i, col in enumerate(columns):
            named = set(col.concepts) & parts  # a part named however weakly ('Checked Out To: Email') counts
            pair = pairs[i][j]
            if pair.header <= 0 or len(named) != 1 or not named <= whole:
                continue
            reason = f"'{col.header}' names only the {named.pop()} part of {fld.spec.key}"
            pairs[i][j] = PairScore(round(max(0.0, pair.score - pair.header), 4), 0.0, pair.fit, [reason])


def login_of_a_person(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """A login ('user_name', 'username') names a person: it may be the record's own id where the records are people
    (a template with first and last names), never the id of a ticket, a product or an asset."""
    if any(f.kind in ("given", "surname") for f in fields):
        return
    for i, col in enumerate(columns):
        if col.concepts.get("login", 0.0) < _WHOLE:
            continue
        for j, fld in enumerate(fields):
            pair = pairs[i][j]
            if "id" in fld.concepts and pair.header > 0:
                reason = f"'{col.header}' is a person's login, not the id of this template's records"
                pairs[i][j] = PairScore(round(max(0.0, pair.score - pair.header), 4), 0.0, pair.fit, [reason])


def rank_options(scored: ScoredSheet, result: SheetMatch) -> None:
    """Options of a which-column question in the order a person most likely picks them: for a field holding the
    record's own name, a bare 'Name' first; a 'default …' column (a pointer to another record: 'Default Account')
    after the others; otherwise the order the evidence gave. 'None of these' stays last."""
    by_source = {c.source: c for c in scored.columns}
    for question in result.questions:
        if question.kind != "which_column" or not question.field:
            continue
        fld = next((f for f in scored.fields if f.spec.key == question.field), None)
        record_name = fld is not None and bool(RECORD_NAMES & set(fld.concepts))
        columns = [o for o in question.options if o.label.startswith("'")]
        rest = [o for o in question.options if not o.label.startswith("'")]

        j = scored.fields.index(fld) if fld is not None else -1
        offered = {by_source[n].norm for o in columns for n in re.findall(r"'([^']*)'", o.label)[:1] if n in by_source}
        coded = fld is None or fld.key_field or "id" in fld.concepts  # a field of codes wants the code

        def rank(
            option: QuestionOption,
            record_name: bool = record_name,
            j: int = j,
            coded: bool = coded,
            offered: set[str] = offered,
        ) -> int:
            names = re.findall(r"'([^']*)'", option.label)
            col = by_source.get(names[0]) if names else None
            if col is None or j < 0:
                return 1
            if (record_name and col.norm in BARE_NAMES) or scored.pairs[scored.columns.index(col)][j].record_key:
                return 0  # the record's own name or its own code ('code' before 'languageid')
            if col.raw_words & _MAIN_WORDS:
                return 0  # 'Primary Phone' before 'Business Phone': the one the record calls its own
            if not coded and col.suffix and col.norm.rsplit(" ", 1)[0] in offered - {col.norm}:
                return 2  # 'leadstate_id' after 'Leadstate': the thing in words is what a text field takes
            return 2 if "default" in col.raw_words else 1

        own = _own_names(fld) if fld is not None else set()
        # Within a rank, a header that holds the field's own name ('CategoryPath', 'Department_title') over values that
        # do not contradict it comes before one the evidence found by a related word ('ProductType', 'Groups').
        ordered = sorted(columns, key=lambda o: (rank(o), not _holds_own_name(o.label, scored, j, own)))
        if ordered == columns:
            continue
        question.options = [*ordered, *rest]
        for n, o in enumerate(question.options, start=1):
            o.id = f"opt_{n}"


# Value fit at or below which a column's values contradict the field ('Yes', 'No' under 'Website' for a URL).
_CONTRADICTED = -0.5


def _own_names(fld: FieldInfo) -> set[str]:
    """The stems of the field's one-word names: its key, label and aliases."""
    names = [fld.spec.key, fld.spec.label or "", *(fld.spec.aliases or [])]
    return {stem(words[0]) for words in map(header_words, names) if len(words) == 1}


def _holds_own_name(label: str, scored: ScoredSheet, j: int, own: set[str]) -> bool:
    names = re.findall(r"'([^']*)'", label)
    i = next((i for i, c in enumerate(scored.columns) if names and c.source == names[0]), None)
    if i is None or j < 0 or scored.pairs[i][j].fit <= _CONTRADICTED:
        return False
    col = scored.columns[i]
    return any(stem(w) in own for w in header_words(col.matched or col.header))


# Share of a column's values that must be phone numbers or bare runs of 7-15 digits for a header that surely names a
# phone field to be applied without asking: unformatted numbers ('4912345678') are how many systems store phones.
PHONE_DIGITS_SHARE = 0.95


def bare_phone_numbers(col: ColumnInfo, fld: FieldInfo) -> bool:
    """Whether a column's values are all phone numbers for a phone field, some of them bare 7-15 digit runs (which
    may as well be ids: only asked about, never applied on this alone)."""
    p = col.profile
    return fld.kind == "phone" and p.n > 0 and p.phone + p.phone_digits >= PHONE_DIGITS_SHARE


# Words that make a yes/no field's name a question ('is_active') rather than the state it names ('active').
_FLAG_WORDS = frozenset({"is", "has", "can", "flag"})
# Prefixes that turn a state into its opposite ('inactive', 'unpublished', 'non-billable').
_NEGATIONS = ("in", "un", "non-", "non", "not ")


def values_name_flag(col: ColumnInfo, fld: FieldInfo) -> bool:
    """Values that are a yes/no field's own word or its opposite ('active', 'inactive' for is_active labelled
    'Active') name the field whatever the header ('status'): worth a place in the question budget, never applied."""
    if fld.spec.type != "boolean" or col.filled < 2:
        return False
    own = {stem(w) for name in (fld.spec.key, fld.spec.label or "") for w in header_words(name)} - _FLAG_WORDS
    values = {v.strip().lower() for v in col.samples if v.strip()}

    def positive(value: str) -> str:
        for prefix in _NEGATIONS:
            if value.startswith(prefix) and stem(value[len(prefix) :]) in own:
                return value[len(prefix) :]
        return value

    return bool(own and values) and all(stem(positive(v)) in own for v in values)


def phones_under_a_bare_header(col: ColumnInfo, fld: FieldInfo, fields: list[FieldInfo]) -> bool:
    """Phone numbers (or runs of 7-15 digits) in every row under a header that names nothing ('number', 'value')
    may be the phone when the template has one phone field: worth a place in the question budget, never applied
    unasked (runs of digits are ids as often)."""
    if fld.kind != "phone" or sum(f.kind == "phone" for f in fields) != 1 or col.filled < 2:
        return False
    return (col.norm in AMBIGUOUS_HEADERS or not col.concepts) and bare_phone_numbers(col, fld)
