"""Where the values decide what a header alone would not (round 36, issue 12): an empty column naming a place field
gives it up to the filled column beside it that holds such places, as an empty key column does to a filled bare 'id'
(`empty_beside_filled`), and a bare 'Status' of worded states current and ended is the active flag (`worded_states`);
a system's own columns (round 37, `system_columns`); two columns of one record reading one field (round 39,
`record_twins`); keys and codes of lists kept elsewhere under a person's, a topic's or a place's header (round 39,
`lookup_values`); a column of currency codes for the currency field (round 38, `currency_codes`); dates under a
header naming a year field (round 41, `year_of_dates`); country names under a header naming a city (round 44,
`countries_under_a_place`); an empty column naming a field beside a filled candidate for it (round 45,
`empty_named_field`), a work item's group asked, not applied, as its category (round 45, `work_item_groups`); DOIs
under a header naming the DOI (round 46, `doi_values`); sentences under a count's header, left out (round 46,
`sentences_for_a_count`); a constant 'Company' beside a column naming each row's company, left out, and picture
files under a header pointing at the images (round 48, `owning_entity`, `image_files`); a few values repeated under
a subject's header, beside a varied column reading it, route the record and give the subject up (round 50,
`routing_subjects`)."""

from __future__ import annotations

from ferry.agent.countries_under_a_place import countries_under_a_city
from ferry.agent.currency_codes import codes_for_a_currency
from ferry.agent.doi_values import dois_under_their_name
from ferry.agent.empty_beside_filled import filled_over_empty
from ferry.agent.empty_named_field import filled_candidate_over_empty
from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.image_files import image_files_for_images
from ferry.agent.lookup_values import reread_lookup_values
from ferry.agent.owning_entity import owning_entity
from ferry.agent.pairs import PairScore
from ferry.agent.record_twins import reread_record_twins
from ferry.agent.routing_subjects import subject_over_routing
from ferry.agent.sentences_for_a_count import sentences_for_a_count
from ferry.agent.system_columns import reread_system_columns
from ferry.agent.worded_states import states_for_an_active_flag
from ferry.agent.work_item_groups import groups_of_work_items
from ferry.agent.year_of_dates import dates_for_a_year


def values_over_headers(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Each class of the module's docstring, in turn."""
    filled_over_empty(columns, fields, pairs)
    filled_candidate_over_empty(columns, fields, pairs)
    states_for_an_active_flag(columns, fields, pairs)
    reread_system_columns(columns, fields, pairs)
    reread_record_twins(columns, fields, pairs)
    reread_lookup_values(columns, fields, pairs)
    codes_for_a_currency(columns, fields, pairs)
    dates_for_a_year(columns, fields, pairs)
    owning_entity(columns, fields, pairs)
    image_files_for_images(columns, fields, pairs)
    countries_under_a_city(columns, fields, pairs)
    groups_of_work_items(columns, fields, pairs)
    dois_under_their_name(columns, fields, pairs)
    sentences_for_a_count(columns, fields, pairs)
    subject_over_routing(columns, fields, pairs)
