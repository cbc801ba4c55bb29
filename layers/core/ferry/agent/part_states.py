"""Ids under '<another thing> <field>' are no sure state of the record (round 47, issue 12): OpenNMS's
'InterfaceStatus' of '1' is the status of one of a node's network interfaces, a part of the record, not the node's
own status. Its header reads 'status' only through a compound whose head is the field's word and whose other word
(not the record's own word) names another thing, and its values are ids of a list the file does not hold, matching
none of the field's allowed values: nothing confirms the column is the record's. Such a pair is asked, never applied.
Ids under a header that names the field itself ('Status', 'status_id', 'Asset Status': the record's own word) or
under the field's word with a form word after it ('titleSelect', 'Titles ID' for a salutation) are still applied with
their values asked, as before (`match._field_match`).
"""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo, FieldInfo, enum_mapping, lookup_ids
from ferry.agent.pairs import ASKED_SCORE, NAMING_HEADER, PairScore

# The header score from which ids of a list kept elsewhere are applied on the header alone (`match._field_match`).
_LOOKUP_HEADER = 0.6


def ids_of_a_part(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Ask, never apply, an enum field read from '<another thing> <field>' over lookup ids."""
    for j, fld in enumerate(fields):
        if fld.spec.type != "enum":
            continue
        for i, col in enumerate(columns):
            pair = pairs[i][j]
            if not _LOOKUP_HEADER <= pair.header < NAMING_HEADER or col.empty or not lookup_ids(col):
                continue
            words = (col.stripped_norm or col.norm).split()
            if len(words) < 2 or words[-1] != fld.spec.key:
                continue  # not '<another thing> <field>' ('titleSelect', 'Titles ID' are the field's own ids)
            if enum_mapping(col, fld).coverage > 0:
                continue  # some values are the field's own: the values speak for the column
            reason = (
                f"'{col.header}' only resembles {fld.spec.key} and its values are ids matching none of its values:"
                " perhaps the state of a part, not of the record"
            )
            score = min(pair.score, ASKED_SCORE)
            pairs[i][j] = PairScore(
                score, _LOOKUP_HEADER - 0.01, pair.fit, [*pair.reasons, reason], conflict=pair.conflict
            )
