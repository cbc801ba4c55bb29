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


# The record words of a party that is as often an organisation as a person: a customer, client, buyer, supplier or
# account is a business as often as someone (round 49: GreaterWMS's '客户名称', a warehouse's customer, is a company).
_MAYBE_ORGANISATION = frozenset(
    {"customer", "customers", "client", "clients", "buyer", "buyers", "supplier", "suppliers", "vendor", "vendors",
     "account", "accounts", "kunde", "kunden", "cliente", "clientes", "fournisseur", "proveedor", "lieferant"}
)  # fmt: skip


def header_alone_names_maybe_an_organisation(col: ColumnInfo) -> bool:
    """An empty or placeholder '<customer|supplier|account> name': with no values, nothing says the names are
    people's, so a split into the first and the last name is asked, not applied ('Customer Name' of 'Acme Ltd')."""
    no_values = col.profile.n == 0 or col.profile.placeholder
    return no_values and not col.no_header and bool(_MAYBE_ORGANISATION & col.words)
