"""Numbered levels of a country's administrative divisions in a qualified address block ('Home L1', 'Permanent L0',
'home_adm1', 'Office Admin Level 1'), as gazetteer-based systems write them: level 0 is the country, level 1 its first
division (a state, province or region). Deeper levels name districts, towns or villages by each country's own
hierarchy, so nothing is read from them. Only a block question offers such a column; nothing is applied on it."""

from __future__ import annotations

import re

from ferry.agent.evidence import ColumnInfo

# 'l 1', 'adm 1', 'admin 1', 'admin level 1', 'level 0' (the normalised header splits the digit off), with an
# optional 'name' after the number ('ADM1_EN' aside: a language suffix is read off before).
_LEVEL = re.compile(r"^(?:l|adm|admin|admin level|administrative level|level) ?([01])(?: name)?$")
_CONCEPT_OF_LEVEL = {"0": "country", "1": "state"}


def level_concepts(col: ColumnInfo, qualifiers: frozenset[str]) -> set[str]:
    """The address concept a qualified header's numbered division level names ('Home L1': state), if any."""
    rest = " ".join(w for w in (col.norm or "").split(" ") if w not in qualifiers)
    found = _LEVEL.match(rest)
    return {_CONCEPT_OF_LEVEL[found.group(1)]} if found else set()
