"""A path through another record's reference is not this record's key (issue 12, round 29).

Exports that flatten a reference write the referenced record's attribute under a path: iTop's 'org_id->name' and
'manager_id->email', the 'parent_id/name' or 'partner_id.email' of other tools (a colon is a type annotation, not a
path: 'external_id:excluded'). The column holds the other record's name or e-mail (an organisation, a manager), so its
'id' word names the link, never the row's own number: the pair with the template's key is left out instead of being
offered as the record's id.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import PairScore

# '<thing>_id', '<thing> id' or '<thing>Id', an arrow, slash or dot, then the attribute read through it ('Paid/Unpaid'
# is no path: its 'id' ends a word).
_PATH = re.compile(r"[^\W\d_](?:[_ ][iI][dD]|I[dD])\s*(?:->|/|\.)\s*[^\W\d_]+")


def paths_are_no_own_key(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Leave out every pair of the template's key with a column read through a reference (see the module's note)."""
    for j, fld in enumerate(fields):
        if not fld.key_field:
            continue
        for i, col in enumerate(columns):
            if pairs[i][j].score > 0 and reference_path(col.header):
                reason = f"'{col.header}' reads another record through its reference; it is not this record's id"
                pairs[i][j] = replace(
                    pairs[i][j], score=0.0, header=0.0, record_key=False, reasons=[*pairs[i][j].reasons, reason]
                )


def reference_path(header: str) -> bool:
    """Whether the header is a path from a reference to an attribute ('org_id->name', 'parent_id/name')."""
    return _PATH.search(header) is not None
