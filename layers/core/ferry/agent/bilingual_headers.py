"""A bilingual header 'X/y': a native word, a slash, the English key a system exports it under (BlueKing user
management's '籍贯/region', '邮箱/email'; issue 12, round 55).

The native half is what the file's people read; the English half is the exporting system's own key, which may name
another notion in another system's words: 籍贯 is one's native place, kept under bk-user's key 'region', not the
state of an address. So when the native half names no field the lexicon knows (籍贯), the English half's reading is
asked about, never applied on its own. When the native half names a field ('邮箱/email', '手机号/phone_number': a
mobile number for the phone) the pair stands as it was: near concepts (mobile, phone) are not told apart safely.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import AUTO_SCORE, PairScore
from ferry.agent.synonyms import concepts_of

# A pair kept below the auto-apply line: still the best candidate, asked about.
_ASKED = round(AUTO_SCORE - 0.01, 4)
# Native words (no Latin letter, at least one letter of another script), a slash, an English key.
_BILINGUAL = re.compile(r"^\s*([^/A-Za-z]*[^\W\d_A-Za-z][^/A-Za-z]*)\s*/\s*([A-Za-z][A-Za-z0-9 _.-]*)\s*$")


def native_half_rules(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Ask, rather than apply, a bilingual header's pair when its native half names nothing (see the module's note)."""
    for i, col in enumerate(columns):
        match = _BILINGUAL.match(col.header)
        if not match:
            continue
        if concepts_of(match.group(1)):
            continue
        native, key = match.group(1).strip(), match.group(2).strip()
        for j in range(len(fields)):
            pair = pairs[i][j]
            if pair.score < AUTO_SCORE:
                continue
            reason = f"'{native}' (the header's own-language half) names no field we know; '{key}' may mean another"
            pairs[i][j] = replace(pair, score=_ASKED, reasons=[*pair.reasons, reason])
