"""Headers that name a person, not a person's name: 'Person', 'Contact', 'Kontakt', 'Ansprechpartner'.

Under such a header a column often points at someone the system already holds (Gibbon's staff import takes a
username or an e-mail under 'Person'), so the header alone cannot say the column holds names to split into the
first and the last name. Values can ('Ada Lovelace', 'Grace Hopper'); with none, or only numbered placeholders, the
split is asked, not applied. A header that says 'name' ('Full Name', 'Contact Name', 'nom complet') still decides
alone.
"""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo

# Word stems that make a header name a name in the languages the full-name vocabulary holds ('name', 'nom',
# 'nombre', 'nome', 'naam', 'namen').
_NAME_STEMS = ("name", "nom", "naam", "namn")

# Below the sheet's auto-apply score: the split is proposed and asked (ferry.agent.second_look.ask_split).
ASK_SPLIT_SCORE = 0.6


def names_no_name(col: ColumnInfo) -> bool:
    """Whether the header names a person without a word for a name ('Person', 'Contact')."""
    return not any(stem in word for word in col.words for stem in _NAME_STEMS)


def header_alone_names_a_party(col: ColumnInfo) -> bool:
    """An empty or placeholder column whose header names a person, not a name: no evidence of names to split."""
    no_values = col.profile.n == 0 or col.profile.placeholder
    return no_values and not col.no_header and names_no_name(col)
