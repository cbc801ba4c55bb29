"""A provider's support contact is not the record's holder (round 52, issue 12): an asset register carries the
vendor's or manufacturer's support desk ('Support Name', 'Support Email', 'Support Phone Number': CARE's asset import,
'email@support.com'), which the values alone made the e-mail of the person holding the asset. A header qualified by
a support or service desk, a vendor, a supplier, a manufacturer or a warranty names whom to call about the record, not
to whom it is assigned: the pair of an assignee field is left out (a person may still map it). An 'Email', 'User
Email' or 'Assigned Email' column is read as before, and so is a ticket's 'Support Agent' (an agent of the desk is the
assignee of the ticket)."""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import CANDIDATE_FLOOR, LEFT_OUT_SCORE, PairScore

# Qualifiers of a contact that belongs to the provider of the record, not to its holder.
_PROVIDER_WORDS = frozenset({
    "support", "helpdesk", "servicedesk", "vendor", "supplier", "manufacturer", "warranty", "maintainer",
    "lieferant", "hersteller", "fournisseur", "fabricant", "proveedor", "fabricante",
})  # fmt: skip
_PROVIDER_PHRASES = ("help desk", "service desk", "customer service", "customer care")
# Words that say the person is the desk's own agent, who may be assigned the record.
_AGENT_WORDS = frozenset({"agent", "engineer", "technician", "assignee", "assigned", "owner"})


def _provider_contact(col: ColumnInfo) -> bool:
    words = set(col.raw_words)
    if words & _AGENT_WORDS:
        return False
    return bool(words & _PROVIDER_WORDS) or any(p in col.norm for p in _PROVIDER_PHRASES)


def provider_contacts_are_no_holders(
    columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]
) -> None:
    """Leave out an assignee field's pair whose column is a provider's support contact."""
    for j, fld in enumerate(fields):
        if "assignee" not in fld.concepts:
            continue
        for i, col in enumerate(columns):
            pair = pairs[i][j]
            if pair.score < CANDIDATE_FLOOR or col.json_path is not None or not _provider_contact(col):
                continue
            reason = f"'{col.header}' is the provider's support contact, not the holder ({fld.spec.key})"
            pairs[i][j] = PairScore(LEFT_OUT_SCORE, 0.0, 0.0, [*pair.reasons, reason], pair.conflict)
