"""Headers that name a person other than the record: the value is that person's, so it is asked, never applied.

'Owner Email', 'CEO Phone', 'Sales Rep Phone': a role word beside the field's word names whose value it is, as a
relative's word does ('Dads email', evidence.has_other_party); so does an actor's 'by' ('Updated By' of e-mails).
A role word alone over values of a field's kind ('Referrer' of e-mails) is that person too, when the template keeps
no field for such a person. And a compound whose head noun is a person ('Team Lead', 'Sales Person', 'Company
Contact') names that person, not its modifier, even where the head is one of the words the template's records go by
(a lead is a contact's record word, not a team's).
"""

from __future__ import annotations

from ferry.agent.evidence import ColumnInfo, FieldInfo, related
from ferry.agent.synonyms import OTHER_PARTY_WORDS, SOFT_WORDS, concepts_of, header_words

# Roles of people around a record, beyond the relatives and managers evidence already reads as someone else.
ROLE_WORDS = frozenset(
    {
        "owner", "owners", "ceo", "cfo", "cto", "coo", "rep", "reps", "representative", "supervisor", "supervisors",
        "salesperson", "recruiter", "creator", "sponsor", "approver", "reviewer", "consultant", "advisor", "adviser",
        "broker", "landlord", "tenant", "doctor", "physician", "founder", "president", "chairman", "agent", "director",
        "executive", "technician", "coordinator", "instructor", "trainer", "teacher", "tutor", "mentor", "coach",
        "guarantor", "beneficiary", "nominee", "trustee", "witness", "inspector", "auditor", "accountant", "lawyer",
        "attorney", "solicitor", "nurse", "driver", "courier", "installer", "signer", "signatory", "interviewer",
        "dispatcher",
    }
)  # fmt: skip

# Record words that are people: as the last word of a longer header they are its head noun ('Team Lead').
PERSON_HEADS = frozenset({"lead", "person", "contact"})


def _names(word: str, fld: FieldInfo) -> bool:
    return word in fld.raw_words or any(related(c, fld.concepts) for c in concepts_of(word))


def _keeps(fld: FieldInfo, role: str, rest: list[str]) -> bool:
    """Whether the field holds that person's value: it names the role and every other word of the header ('Owner
    Email' for an asset's assigned e-mail, 'Director Name' for a site's director). A yes/no field ('Manager' of a
    person) says what the record is: only the role alone names it ('Manager?'), never another's value ('Supervisor
    Email')."""
    if fld.spec.type == "boolean" and rest:
        return False
    return _names(role, fld) and all(_names(w, fld) for w in rest)


def _person_head(col: ColumnInfo, noise: frozenset[str]) -> bool:
    words = [w for w in header_words(col.matched or col.header) if w not in SOFT_WORDS]
    return len(words) >= 2 and words[-1] in PERSON_HEADS & noise and words[0] not in noise | PERSON_HEADS


def mark_second_parties(columns: list[ColumnInfo], fields: list[FieldInfo], noise: frozenset[str]) -> None:
    """Flag the columns whose header names another person's value (ColumnInfo.other_party): scored lower, asked."""
    for col in columns:
        if col.other_party or col.no_header or col.json_path is not None:
            continue
        words = [w for w in header_words(col.matched or col.header) if w not in SOFT_WORDS]
        # The template's own record word is no role ('PARTNERID' in a companies sheet: the partner's own, round 53).
        roles = [w for w in words if (w in ROLE_WORDS or w in OTHER_PARTY_WORDS) and w not in noise]
        # A role's name is the person ('Agent Name'), and so is the role of the record ('Ticket owner') or of a place
        # ('Center Director'); a word naming another field names that person's something ('Agent Email').
        rest = [w for w in words if w not in roles and w != "name" and w not in noise]
        rest = [w for w in rest if any(_names(w, f) for f in fields)]  # 'Center Director': a word naming no field
        whole = {c for c, strength in concepts_of(col.matched or col.header).items() if strength >= 0.9}
        if any(whole & set(concepts_of(r)) for r in roles):
            rest = []  # 'Line Manager', 'Account Manager': a phrase for the role itself, as 'Manager' is
        if "by" in words[1:]:
            # 'Updated By', 'Invited By', 'Referred By': the person who did it, unless the template keeps that person
            # ('Created By Name' for a ticket's requester).
            roles, rest = [col.matched or col.header], []
        someone_else = roles and not any(_keeps(f, r, rest) for r in roles for f in fields)
        if someone_else or _person_head(col, noise):
            col.other_party = True
