"""Headers that are not enough on their own: an empty column (a documented import template, a header row with no
rows) whose one-word header names a field's kind of thing, not which one.

'Status' or 'Type' for an enum field: every record has a status and a type (an account's active/inactive, an
organisation's NGO/Government), and only values can say whether they are the field's own states; without values the
column is asked about, even when the word is the field's key. 'Region' or 'Province' for an address's state in a file
that holds no other part of an address below the country (no street, city or postal code): a region of no address is
as often a grouping of countries or a sales territory; asked, not applied. Beside a street, city or postal code it is
the address's own, and with values the values tell.

An empty column whose header is only spelled like a word for a field ('Religion' like 'region') spends no place in
the sheet's question budget: a real typo is read as the word it misses (ferry.agent.synonyms.correct_typo), and no
value can back a spelling.
"""

from __future__ import annotations

from ferry.agent import questions as ask
from ferry.agent.evidence import ColumnInfo, FieldInfo, fld_names, related
from ferry.agent.models import FieldMatch, MatchQuestion
from ferry.agent.pairs import AMBIGUOUS_HEADERS, NAMING_HEADER, UNSURE
from ferry.agent.record_state import points_at_state_flag
from ferry.agent.stems import same_stems, stem

# Parts of an address below its country: one beside a region says the region is the address's.
_ADDRESS_BELOW_COUNTRY = ("street", "street2", "city", "postal_code")


def unsure_without_values(col: ColumnInfo, fld: FieldInfo, columns: list[ColumnInfo]) -> bool:
    """Whether an empty column's header alone is too little to apply it to the field (see the module's note)."""
    if not col.empty or col.no_header or col.json_path is not None:
        return False
    if _bare_word_for_states(col, fld):
        return True
    return fld.kind == "region" and col.norm != fld.spec.key and not _beside_an_address(col, columns)


def _bare_word_for_states(col: ColumnInfo, fld: FieldInfo) -> bool:
    """'Status', 'Type' for an enum of states (not countries, whose names are unmistakable)."""
    return fld.spec.type == "enum" and "country" not in fld.concepts and col.norm in AMBIGUOUS_HEADERS


def _beside_an_address(col: ColumnInfo, columns: list[ColumnInfo]) -> bool:
    return any(
        c is not col
        and max((c.concepts.get(part, 0.0) for part in _ADDRESS_BELOW_COUNTRY), default=0.0) >= NAMING_HEADER
        for c in columns
    )


def ask_header_alone(match: FieldMatch, col: ColumnInfo, fld: FieldInfo, questions: list[MatchQuestion]) -> None:
    """Not applied: asked about the column alone, as a look-alike, the first question to go when the sheet asks more
    than its budget (the header is a guess the person mostly answers 'none' to)."""
    match.confidence = min(match.confidence, UNSURE)
    match.rationale += f"; '{col.header}' can name several things and the column has no values to tell which"
    questions.append(ask.which_column(fld, [col], ask.LOOK_ALIKE_WHY))


def spelled_alike_only(col: ColumnInfo, fld: FieldInfo) -> bool:
    """An empty column whose header is only spelled like a word for the field ('Religion' like 'region'), naming nothing
    related to it, sharing no word with it, no form of its name: with no values to back it, another word, not a typo
    (typos are read as the word they miss), and no question worth a place in the sheet's budget."""
    if not col.empty or col.no_header or points_at_state_flag(col, fld):
        return False
    if any(related(c, fld.concepts) for c in col.concepts):
        return False
    if {stem(w) for w in col.words} & {stem(w) for w in fld.words | fld.desc_words}:
        return False
    return not same_stems(col.matched or col.header, [fld.spec.key, *fld_names(fld)])
