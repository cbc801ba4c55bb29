"""Banking identifiers are never a record's key (round 52, issue 12): a bank account number, an IBAN, a BIC or SWIFT
code, a routing number, a sort code or a German 'Bankleitzahl' says where a person's money is kept, not which record
this is. JVerein's member import carries 'Kontonummer' (the member's bank account number) beside 'Bankleitzahl'; the
vocabulary reads 'Kontonummer' as an account's own number (a customer account in a ledger), so it was applied to the
customer number. The pair of an id field is left out when the header names a bank ('IBAN', 'Bank Account', 'BLZ'),
when the values have an IBAN's shape, or when the header is a bare account number ('Kontonummer', 'Account Number')
and another column of the sheet names a bank (the banking sibling decides). A CRM's 'Account Number' or
'Kundennummer' with no banking column beside it keeps its mapping."""

from __future__ import annotations

import re

from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import CANDIDATE_FLOOR, LEFT_OUT_SCORE, PairScore

# Header words that name a bank or one of its codes, in the vocabulary's languages (whole words).
_BANK_WORDS = frozenset({
    "iban", "bic", "swift", "blz", "bankleitzahl", "routing", "aba", "rib", "bank", "banque", "banco", "banca",
    "bankverbindung", "bankkonto", "bankrekening", "bancaire", "bancaria", "bancario", "bankname",
})  # fmt: skip
# Two-word bank codes.
_BANK_PHRASES = ("sort code", "clearing number", "codigo bancario", "code banque")
# A bare account number: the record's own account in a ledger, or a bank account where a bank column stands by.
_ACCOUNT_NUMBERS = frozenset({
    "account number", "account no", "account nr", "acct no", "account", "kontonummer", "konto nr", "konto",
    "kontonr", "konto number", "numero de compte", "numero de cuenta", "numero de conta", "numero di conto",
    "rekeningnummer", "rekening nummer", "rekening",
})  # fmt: skip
_IBAN = re.compile(r"^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$")


def _names_a_bank(col: ColumnInfo) -> bool:
    words = set(col.raw_words)
    if words & _BANK_WORDS or any(w.startswith("bank") for w in words):
        return True
    return any(p in col.norm for p in _BANK_PHRASES)


def _iban_values(col: ColumnInfo) -> bool:
    values = [v.replace(" ", "").upper() for v in col.samples if v.strip()]
    return bool(values) and all(_IBAN.match(v) for v in values)


def bank_ids_are_no_keys(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Leave out the id-field pairs of a column that holds a banking identifier."""
    ids = [j for j, f in enumerate(fields) if "id" in f.concepts]
    if not ids:
        return
    sibling = [i for i, c in enumerate(columns) if c.json_path is None and _names_a_bank(c)]
    for i, col in enumerate(columns):
        if col.json_path is not None:
            continue
        if _names_a_bank(col):
            why = f"'{col.header}' names a bank"
        elif _iban_values(col):
            why = f"'{col.header}' holds IBANs"
        elif col.norm in _ACCOUNT_NUMBERS and any(s != i for s in sibling):
            other = columns[next(s for s in sibling if s != i)].header
            why = f"'{col.header}' is a bank account number beside '{other}'"
        else:
            continue
        for j in ids:
            pair = pairs[i][j]
            if pair.score >= CANDIDATE_FLOOR:
                reason = f"{why}: a banking identifier is not the record's {fields[j].spec.key}"
                # The header's naming is taken back too, so no later pass puts the column to the person for the key.
                pairs[i][j] = PairScore(LEFT_OUT_SCORE, 0.0, 0.0, [*pair.reasons, reason], pair.conflict)
