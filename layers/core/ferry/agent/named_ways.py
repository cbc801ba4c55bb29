"""A French 'voie' over street names is the street (round 60, issue 12): French address files name the street 'voie'
(the way: acceslibre's establishments 'voie' ' Rue Brescou', Histologe's building orders 'nom de la voie' 'Rue de la
République'), its house number in a column of its own ('numero', 'numéro de voie'). The word is kept out of the
lexicon, where a typo's correction would read English 'Void' as it; it is read here only over values that are street
names: at least two words, a street word among them ('rue', 'boulevard', 'avenue'), with or without the number. Such a
column's street pair is applied. A header that numbers the way ('numéro de voie') or names its kind ('type de voie':
'RUE', 'AVENUE') is no street name, nor is a 'voie' of other values (a medicine's 'voie d'administration': 'orale')."""

from __future__ import annotations

from dataclasses import replace

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.normalize import fold
from ferry.agent.pairs import APPLIED_SCORE, PairScore
from ferry.agent.profile import STREET_WORDS
from ferry.agent.synonyms import header_words

# Words that make a 'voie' header name something of the way other than its name: its number, its kind.
_NOT_THE_NAME = frozenset({"numero", "number", "no", "nr", "num", "n", "type", "code", "id", "kind", "nature"})
# Share of a column's values that must be street names.
_STREET_SHARE = 0.8
# Header evidence a read street name is given: the header names the street in its own language.
_WAY_HEADER = 0.9


def named_ways_are_streets(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Apply the street of a column named for the way ('voie', 'nom de la voie') whose values are street names."""
    streets = [j for j, f in enumerate(fields) if f.concepts.get("street", 0.0) >= 0.9]
    for i, col in enumerate(columns):
        words = set(header_words(col.header))
        if col.json_path is not None or "voie" not in words or words & _NOT_THE_NAME:
            continue
        values = [v for v in col.samples if v.strip()]
        if not values or sum(_street_name(v) for v in values) < _STREET_SHARE * len(values):
            continue
        for j in streets:
            pair = pairs[i][j]
            if pair.score < APPLIED_SCORE:
                why = f"'{col.header}' names the way, and its values are street names"
                pairs[i][j] = replace(
                    pair, score=APPLIED_SCORE, header=max(pair.header, _WAY_HEADER), reasons=[*pair.reasons, why]
                )


def _street_name(value: str) -> bool:
    """'Rue Brescou', 'Boulevard Carnot', '10 rue de Paris': two words or more, a street word among them."""
    words = [w.strip(".,#") for w in fold(value).split()]
    return len(words) >= 2 and any(w in STREET_WORDS for w in words)
