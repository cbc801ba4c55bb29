"""One address part given twice, for home and for work, with no other part to tell whose address the record's is
(second hunt, issue 12): 'Office Zip' beside 'Home Zip' in a people file. 'home' lowers a header as a second choice,
so the workplace's code was applied, while a person's own address is where they live (the corpus labels an
employee's home address as theirs). Only for people kept without the company they work for: a business contact's
work address is theirs (the corpus labels a contact's work country as the contact's), and a company's is its office.
With no block of two or more parts to go by (blocks.address_blocks, which asks between whole blocks), the part is
asked, never applied, the home column first."""

from __future__ import annotations

from ferry.agent.blocks import ADDRESS_CONCEPTS, address_blocks, qualifier_of
from ferry.agent.evidence import ColumnInfo, FieldInfo
from ferry.agent.pairs import ASKED_SCORE, NAMING_HEADER, QUESTION_FLOOR, PairScore, ScoredSheet

_HOME = frozenset({"home", "residential", "household", "family"})
_WORK = frozenset({"work", "office", "business"})
_PERSON_KINDS = frozenset({"given", "surname", "fullname"})
# A header naming the field under a qualifier: 'home' lowers a naming header by this much (evidence.header_score).
_QUALIFIED_NAMING = NAMING_HEADER * 0.94
# The runner-up's score: still a candidate the question offers, never past the first.
_RUNNER_UP = ASKED_SCORE - 0.02


def ask_home_or_work_part(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Ask a lone address part named once for home and once for work, the record's likelier address first."""
    if not any(f.kind in _PERSON_KINDS for f in fields) or any("company" in f.concepts for f in fields):
        return  # no people, or business contacts: the work address is the record's own
    if address_blocks(ScoredSheet(columns, fields, pairs)):
        return  # whole blocks: asked between as blocks
    for j, fld in enumerate(fields):
        top = max(fld.concepts.items(), key=lambda kv: (kv[1], kv[0]))[0] if fld.concepts else None
        if top not in ADDRESS_CONCEPTS:
            continue
        naming = [i for i in range(len(columns)) if pairs[i][j].header >= _QUALIFIED_NAMING]
        if any(qualifier_of(columns[i]) is None for i in naming):
            continue  # a plain 'Zip' beside them is the record's own
        by_qualifier = {
            q: i for i in naming if (q := qualifier_of(columns[i])) is not None and pairs[i][j].score >= QUESTION_FLOOR
        }
        if not (set(by_qualifier) & _HOME and set(by_qualifier) & _WORK) or len(by_qualifier) != 2:
            continue
        home = next(q for q in by_qualifier if q in _HOME)
        work = next(q for q in by_qualifier if q in _WORK)
        names = [columns[by_qualifier[q]].header for q in (home, work)]
        why = f"'{names[0]}' and '{names[1]}' are the {fld.spec.key} of two addresses, the person's home first"
        for rank, qualifier in enumerate((home, work)):
            i = by_qualifier[qualifier]
            pair = pairs[i][j]
            score = ASKED_SCORE if rank == 0 else min(pair.score, _RUNNER_UP)
            pairs[i][j] = PairScore(score, pair.header, pair.fit, [*pair.reasons[:1], why])
