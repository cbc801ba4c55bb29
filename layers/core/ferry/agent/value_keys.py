"""A system's keys as they show in values, and how many of a column's values must be of a kind before the column is
read as holding it: one spelling for the re-readings that test them (`ambiguous_reads`, `record_twins`,
`lookup_values`, `system_columns`, `empty_beside_filled`, `value_reads`; round 44, issue 12)."""

from __future__ import annotations

import re

# A UUID ('9776b3ce-2f7e-4c3a-8a6f-0e1d2c3b4a59'), as a pattern to build others on.
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
UUID_KEY = re.compile(UUID, re.IGNORECASE)
# A database's key written in hex: a long hex string (an object id, a hash) or a UUID.
HEX_KEY = re.compile(rf"[0-9a-f]{{16,}}|{UUID}", re.IGNORECASE)
# Share of a column's values that must be of a kind for the column to hold that kind.
MOST = 0.8
