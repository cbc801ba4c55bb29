"""Numbered slots a template leaves for a user's own fields: 'customer1', 'customer2' on BlueKing CMDB's host import
template, 'field1', 'custom_2', 'attribute 3' (issue 12, round 55).

A generic stem (a custom field, a field, an attribute, an extra, a column), a running number, the same stem with
another number beside it, and no value under any of them: the columns wait for whatever a user defines, they name no
field of ours. 'customer1' reads as the customer's company by its stem alone; applied, it is a wrong pair. Numbered
columns of a field a record holds several of ('phone1', 'address2'), or slots with values, stay as they were.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import PairScore

# The words templates number their user-defined slots with: custom (and its common slip 'customer'), field,
# attribute, extra, column, property, parameter, user-defined.
_SLOT_STEMS = frozenset(
    {"custom", "customer", "customfield", "field", "attr", "attribute", "extra", "column", "col", "property", "prop"}
    | {"param", "parameter", "udf", "userfield", "userdefined", "reserved", "spare"}
)
_NUMBERED = re.compile(r"^\s*([A-Za-z]+(?:[ _-]?[A-Za-z]+)?)[ _-]?(\d{1,2})\s*$")


def slots_name_no_field(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Leave out every pair of an empty numbered slot column that has a numbered sibling (see the module's note)."""
    slots: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for i, col in enumerate(columns):
        match = _NUMBERED.match(col.header)
        if not match or col.filled or col.no_header:
            continue
        stem = re.sub(r"[ _-]", "", match.group(1)).lower()
        if stem in _SLOT_STEMS:
            slots[stem].append((i, match.group(2)))
    for numbered in slots.values():
        if len({number for _, number in numbered}) < 2:
            continue
        for i, _ in numbered:
            reason = f"'{columns[i].header}' is a numbered slot for a field of the user's own, empty, naming no field"
            for j in range(len(fields)):
                if pairs[i][j].score > 0:
                    pairs[i][j] = replace(pairs[i][j], score=0.0, reasons=[*pairs[i][j].reasons, reason])
