"""A bare name that names a site after its town is no surname (round 60, issue 12): Les emplois' Pôle emploi agencies
file has a bare 'NOM' ('TREVOUX', 'BOURG EN BRESSE PARME', 'MEXIMIEUX') beside the town it stands in ('COMMUNE':
'TREVOUX', 'BOURG EN BRESSE', 'MEXIMIEUX'), and no given-name column. An office, agency or shop named for its town
is a place's name, not a contact's surname: when at least half of a bare name column's values are, or begin with, a
town of the file's own city column, the surname field's pair is asked, never applied. A people file whose 'Nom' sits
beside a 'Prénom' keeps its surname, whatever towns its surnames match; so do surnames that match no town of the
file."""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import BARE_NAMES, PairScore, ask_pairs

# Share of a name column's values that must name a town of the file before the column reads as sites named for them.
_TOWN_SHARE = 0.5
# Fewest values needed to say so: one surname that is also a town ('Paris') is chance.
_FEWEST_VALUES = 3


def sites_named_for_towns(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Ask, rather than apply, the surname of a bare name column whose values are mostly the file's towns."""
    surnames = [j for j, f in enumerate(fields) if f.concepts.get("last_name", 0.0) >= 0.9]
    if not surnames or any(c.concepts.get("first_name", 0.0) >= 0.9 for c in columns):
        return  # no surname field, or a given name beside the name: a person's name
    towns = {_words(v) for c in columns if c.concepts.get("city", 0.0) >= 0.9 for v in c.samples if v.strip()}
    towns.discard("")
    if not towns:
        return
    for i, col in enumerate(columns):
        values = [_words(v) for v in col.samples if v.strip()]
        if col.json_path is not None or col.norm not in BARE_NAMES or len(values) < _FEWEST_VALUES:
            continue
        named = sum(any(v == t or v.startswith(t + " ") for t in towns) for v in values)
        if named < _TOWN_SHARE * len(values):
            continue
        why = f"'{col.header}' names sites after the file's towns, not a person's surname: asked"
        ask_pairs(pairs, i, surnames, why)


def _words(value: str) -> str:
    """The value's words, lower-case, hyphens as spaces: 'Bourg-en-Bresse' is 'bourg en bresse'."""
    return " ".join(value.replace("-", " ").lower().split())
