"""Re-readings of a scored sheet made after every other pass (round 34, issue 12):

- the bare words of round 33 (`bare_words`);
- a column whose header ends in a language code ('name.es', 'Name (DE)', 'title [en]') beside the plain column of the
  same header is a translation: the plain column is the source language and takes the field, reading at least as
  well as its translation does; the translation is left out (a person may still add it, never silently applied);
- a barcode on a template with no barcode field but one tag its records are labelled with (an asset tag): the code
  scanned on an asset is its tag. One distinct code per row is applied; repeated codes (a model's EAN, shared by
  several assets) are only asked;
- columns whose values say what their header does not (round 35, `value_reads`);
- an empty column beside a filled one that holds its places, and worded states of an active flag (round 36,
  `values_over_headers`);
- a header read only through a one-letter correction over numbers its field never holds (second hunt,
  `misspelt_headers`), and one address part named for home and for work, asked (`home_or_work`);
- a short description naming the record when no other column does is its name, and ids under '<another thing>
  <field>' (a part's state) are asked (round 47, `description_as_name`, `part_states`);
- a bare 'text' of sentences is the description, a bare 'membership' of tier words the customer group (round 50,
  `prose_text`, `membership_tiers`); a column named for the side opposite to its field's label ('homephone' for a
  'Work phone') is left out, and a yes/no column naming a status value is kept free for the status (round 51,
  `opposite_sides`, `state_flag_columns`);
- a banking identifier is no record's key, a title of degrees beside a salutation is not the salutation, and an id
  named for a place is not the place, a provider's support contact is not the holder, and a bare 'type' none of
  whose values is the field's is asked (round 52, `bank_identifiers`, `courtesy_columns`, `id_suffixed_places`,
  `provider_contacts`, `bare_type_values`);
- a key built from a repeated column's value is a sub-record's key (round 53, `composite_keys`), and one
  employee's id is no count of employees (`count_headers`);
- a ticket's bare 'date' and a party's start ('start_date', 'Eintritt') are when the record was created (round 54,
  `record_dates`);
- another table's keys under an id-suffixed header are no coded value of an enum, and a remark on another column
  is not the record's notes, and a qualified type or status none of whose words is the field's is asked (round 57,
  `id_suffixed_enums`, `sibling_remarks`, `bare_type_values`);
- a header ending in an id word is no quantity, amount or price, and a bare 'Company' of items with no supplier or
  manufacturer column is asked, and an Indonesian neighbourhood line (RT/RW, no street word) is no street (round 58,
  `id_suffixed_measures`, `company_as_maker`, `neighbourhood_lines`);
- a bare name of sites named for the file's own towns is no contact's surname, and a French 'voie' over street names
  is the street (round 60, `sites_named_for_towns`, `named_ways`).
"""

from __future__ import annotations

from ferry.agent.asset_stickers import sticker_codes
from ferry.agent.bank_identifiers import bank_ids_are_no_keys
from ferry.agent.bare_type_values import ask_a_qualified_state_of_other_values, ask_a_type_of_other_values
from ferry.agent.bare_words import reread_bare_words
from ferry.agent.company_as_maker import ask_a_bare_company_of_items
from ferry.agent.composite_keys import composite_keys_are_sub_records
from ferry.agent.count_headers import ids_are_no_counts
from ferry.agent.courtesy_columns import salutation_beside_a_title
from ferry.agent.description_as_name import description_as_name
from ferry.agent.evidence import ColumnInfo, FieldInfo, without_locale
from ferry.agent.home_or_work import ask_home_or_work_part
from ferry.agent.id_suffixed_enums import ids_are_no_codes
from ferry.agent.id_suffixed_measures import ids_are_no_measures
from ferry.agent.id_suffixed_places import ids_named_for_places
from ferry.agent.membership_tiers import membership_as_group
from ferry.agent.misspelt_headers import numbers_under_a_misspelling
from ferry.agent.named_ways import named_ways_are_streets
from ferry.agent.neighbourhood_lines import neighbourhood_lines_are_no_streets
from ferry.agent.opposite_sides import ask_the_other_side
from ferry.agent.pairs import (
    APPLIED_SCORE,
    ASKED_SCORE,
    CANDIDATE_FLOOR,
    LEFT_OUT_SCORE,
    NAMING_HEADER,
    PairScore,
)
from ferry.agent.part_states import ids_of_a_part
from ferry.agent.prose_text import prose_text_as_description
from ferry.agent.provider_contacts import provider_contacts_are_no_holders
from ferry.agent.record_dates import record_start_dates
from ferry.agent.scanned_code_tags import ask_empty_scanned_codes, sole_tag_field
from ferry.agent.sibling_remarks import remarks_on_other_columns
from ferry.agent.sites_named_for_towns import sites_named_for_towns
from ferry.agent.state_flag_columns import free_state_flags
from ferry.agent.value_reads import reread_values
from ferry.agent.values_over_headers import values_over_headers

# Fewest rows whose codes must all differ before a barcode is read as one tag per asset.
_FEWEST_CODES = 3


def reread_late(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Each class of the module's docstring, in turn."""
    reread_bare_words(columns, fields, pairs)
    _plain_beside_translation(columns, fields, pairs)
    _barcode_as_tag(columns, fields, pairs)
    ask_empty_scanned_codes(columns, fields, pairs)
    reread_values(columns, fields, pairs)
    values_over_headers(columns, fields, pairs)
    numbers_under_a_misspelling(columns, fields, pairs)
    ask_home_or_work_part(columns, fields, pairs)
    description_as_name(columns, fields, pairs)
    ids_of_a_part(columns, fields, pairs)
    prose_text_as_description(columns, fields, pairs)
    membership_as_group(columns, fields, pairs)
    ask_the_other_side(columns, fields, pairs)
    free_state_flags(columns, fields, pairs)
    bank_ids_are_no_keys(columns, fields, pairs)
    salutation_beside_a_title(columns, fields, pairs)
    ids_named_for_places(columns, fields, pairs)
    ids_are_no_codes(columns, fields, pairs)
    remarks_on_other_columns(columns, fields, pairs)
    provider_contacts_are_no_holders(columns, fields, pairs)
    ask_a_type_of_other_values(columns, fields, pairs)
    ask_a_qualified_state_of_other_values(columns, fields, pairs)
    composite_keys_are_sub_records(columns, fields, pairs)
    ids_are_no_counts(columns, fields, pairs)
    record_start_dates(columns, fields, pairs)
    ids_are_no_measures(columns, fields, pairs)
    ask_a_bare_company_of_items(columns, fields, pairs)
    neighbourhood_lines_are_no_streets(columns, fields, pairs)
    sites_named_for_towns(columns, fields, pairs)
    named_ways_are_streets(columns, fields, pairs)


def _plain_beside_translation(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    # A bracketed code ('Name (DE)') was read as a format hint and dropped with it: read it from the header again.
    readings = [without_locale(c.header) if c.json_path is None else (c.header, "") for c in columns]
    plain = {
        c.matched.strip().casefold(): i for i, c in enumerate(columns) if not readings[i][1] and c.json_path is None
    }
    for t, col in enumerate(columns):
        base, locale = readings[t]
        p = plain.get(base.strip().casefold()) if locale else None
        if p is None or p == t:
            continue
        for j in range(len(fields)):
            theirs, own = pairs[t][j], pairs[p][j]
            if theirs.score > own.score and theirs.header >= NAMING_HEADER and not theirs.conflict:
                # The same field in the source language: its values are of the kind the translation's are.
                reason = f"'{columns[p].header}' is the source of its translation '{col.header}', which names the field"
                pairs[p][j] = PairScore(theirs.score, own.header, theirs.fit, [*own.reasons[:1], reason])
            if theirs.score >= CANDIDATE_FLOOR:
                reason = (
                    f"'{col.header}' translates '{columns[p].header}' into '{locale}'; the plain column is the field"
                )
                pairs[t][j] = PairScore(min(theirs.score, LEFT_OUT_SCORE), theirs.header, theirs.fit, [reason])


def _barcode_as_tag(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    j = sole_tag_field(fields)
    if j is None:
        return
    for i, col in enumerate(columns):
        top = col.top_concept
        barcode = top is not None and top[0] == "barcode" and top[1] >= 0.9
        sticker = not barcode and sticker_codes(col)
        if not (barcode or sticker) or col.empty:
            continue
        values = [v.strip() for v in col.samples if v.strip()]
        if not values or any(" " in v for v in values):
            continue  # words, not a code
        if sticker:
            one_each = len(set(values)) == col.filled  # every filled row's code is its own, however few rows
        else:
            one_each = len(values) >= _FEWEST_CODES and len(set(values)) == len(values)
        score = APPLIED_SCORE if one_each else ASKED_SCORE
        if score > pairs[i][j].score:
            reason = (
                f"'{col.header}' is the code scanned on the record: its {fields[j].spec.key}, with no barcode field"
            )
            header = NAMING_HEADER if one_each else 0.75
            pairs[i][j] = PairScore(score, header, pairs[i][j].fit, [reason])
