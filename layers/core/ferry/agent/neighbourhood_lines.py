"""An Indonesian neighbourhood line is no street (round 58, issue 12): a civil registry's 'alamat' (address) joins the
village and its neighbourhood units ('SEMPOR LOR  RT : 001  RW : 001  KELURAHAN/DESA SEMPOR LOR') while the street
('JL. JAMBU') stands in a column of its own. Values that name the RT and RW units (rukun tetangga, rukun warga) and no
street word ('Jl.', 'Jalan', 'Gg.', 'Gang') hold where in the village, not the street: the street field's pair of
such a column is asked, never applied. A full line with its street ('Jl. Merdeka No. 5 RT 01/RW 02') is read as
before."""

from __future__ import annotations

import re

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import PairScore, ask_pairs

_UNITS = (re.compile(r"\bRT\b\s*[:.]?\s*\d", re.I), re.compile(r"\bRW\b\s*[:.]?\s*\d", re.I))
_STREET_WORD = re.compile(r"\b(jl|jln|jalan|gg|gang|street|st|road|rd)\b\.?", re.I)


def neighbourhood_line(value: str) -> bool:
    """An RT and an RW unit and no street word."""
    return all(unit.search(value) for unit in _UNITS) and not _STREET_WORD.search(value)


def neighbourhood_lines_are_no_streets(
    columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]
) -> None:
    """Ask, rather than apply, the street of a column whose values are all neighbourhood lines."""
    streets = [j for j, f in enumerate(fields) if f.concepts.get("street", 0.0) >= 0.9]
    for i, col in enumerate(columns):
        values = [v for v in col.samples if v.strip()]
        if col.json_path is not None or not values or not all(neighbourhood_line(v) for v in values):
            continue
        ask_pairs(pairs, i, streets, f"'{col.header}' names the village's RT and RW units and no street: asked")
