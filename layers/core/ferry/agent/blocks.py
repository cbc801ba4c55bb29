"""Blocks of qualified address columns: 'home_city', 'work_city', 'billing_city' in one file.

Which block is the record's own address is the person's call, not the matcher's: picking the best-scoring column
field by field mixes blocks (a work street with a billing city). When a sheet holds two or more qualified blocks of
the same address fields and no plain one, none is applied; one question offers each block whole, the most likely
first (a person's home address, a company's billing one), and the answer maps the chosen block's columns together.
Billing beside shipping alone is no question: by convention the billing block is the record's own, applied whole.
"""

from __future__ import annotations

import re

from ferry.agent.admin_levels import level_concepts
from ferry.agent.calibrate import calibrated
from ferry.agent.evidence import ColumnInfo, concepts_of
from ferry.agent.models import MatchQuestion, QuestionOption, SheetMatch
from ferry.agent.pairs import QUESTION_FLOOR, UNSURE, ScoredSheet
from ferry.agent.single_block import lone_block_asked

# The fields of a postal address, in the order a block is shown.
ADDRESS_CONCEPTS = ("street", "street2", "city", "state", "postal_code", "country")

# Header words that say whose or which address a column belongs to ('postal' and 'main' are left out: 'postal code'
# is the field itself, and a main address is the record's own; 'postal' before another address word is a block,
# see _postal_block).
QUALIFIERS = frozenset(
    {"home", "work", "business", "office", "billing", "bill", "shipping", "ship", "delivery", "mailing", "invoice",
     "residential", "physical", "family", "household"}
)  # fmt: skip

# One-letter qualifiers of shop and membership exports, alone ('b_city', 's_city') or glued to an address word
# ('pmpro_bcity', 'pmpro_scity'): billing and shipping.
_LETTER_QUALIFIERS = {"b": "billing", "s": "shipping"}
_ADDRESS_WORDS = frozenset(
    {"address", "addr", "street", "city", "town", "state", "province", "region", "zip", "zipcode", "postcode",
     "postal", "country", "phone", "fax"}
)  # fmt: skip

# The block most likely the record's own, first: a person lives at home; a company is billed at its main address.
_PERSON_ORDER = ("home", "family", "household", "residential", "mailing", "physical", "postal", "billing", "bill",
                 "invoice", "work", "business", "office", "shipping", "ship", "delivery")  # fmt: skip
_COMPANY_ORDER = ("billing", "bill", "invoice", "office", "business", "work", "mailing", "physical", "postal",
                  "shipping", "ship", "delivery", "home", "family", "household", "residential")  # fmt: skip
# Billing beside shipping or delivery only: the billing address is the record's own, applied without a question.
_BILLED = ("billing", "bill", "invoice")
_DELIVERED = frozenset({"shipping", "ship", "delivery"})
_PERSON_KINDS = frozenset({"given", "surname", "fullname"})
_BLOCK_HEADER = 0.6  # a header that names the field under a qualifier ('home' lowers it as a second choice)
MAX_BLOCKS = 4  # options shown, besides 'none'


# Fields that go with an address in its block ('home_phone' beside 'home_city'), never a block on their own.
COMPANIONS = ("phone", "fax")


def _address_field(concepts: dict[str, float]) -> str | None:
    """The address (or companion) concept a field is about, if any (its strongest concept)."""
    if not concepts:
        return None
    top = max(concepts.items(), key=lambda kv: (kv[1], kv[0]))[0]
    return top if top in ADDRESS_CONCEPTS or top in COMPANIONS else None


def address_blocks(scored: ScoredSheet) -> dict[str, dict[int, int]]:
    """Qualifier → {field index: column index} of each qualified block of address columns; a column joins its best
    address field, and each field takes the best such column of the block."""
    fields = {j: c for j, f in enumerate(scored.fields) if (c := _address_field(f.concepts))}
    best: dict[str, dict[int, tuple[float, int]]] = {}
    for i, col in enumerate(scored.columns):
        qualifier = qualifier_of(col)
        if qualifier is None or col.json_path is not None:
            continue
        # Under a one-letter qualifier the rest of the header is the field's name ('bcity': city), however faintly
        # the whole header resembles it.
        named = _unqualified_concepts(col) | level_concepts(col, QUALIFIERS)
        scores = [
            (scored.pairs[i][j].score, j)
            for j, concept in fields.items()
            if (scored.pairs[i][j].header >= _BLOCK_HEADER or concept in named)
            and not (qualifier == "postal" and concept == "postal_code" and not col.raw_words & _CODE_WORDS)
        ]
        # A column with fewer than two values joins its block on its header alone: one value ('Physical_Country' over
        # a label row's 'Country') is too few to contradict it.
        if not scores or (max(scores)[0] < QUESTION_FLOOR and not named and col.profile.n >= 2):
            continue
        score, j = max(scores)
        block = best.setdefault(qualifier, {})
        if j not in block or block[j][0] < score:
            block[j] = (score, i)
    return {
        q: {j: i for j, (_, i) in b.items()}
        for q, b in best.items()
        if sum(fields[j] in ADDRESS_CONCEPTS for j in b) >= 2
    }


def qualifier_of(col: ColumnInfo) -> str | None:
    """The one word saying which address a column belongs to ('home_city': home), if there is exactly one."""
    words = col.raw_words & QUALIFIERS
    if words:
        return next(iter(words)) if len(words) == 1 else None
    if _postal_block(col):
        return "postal"
    first = col.norm.split(" ")[0] if col.norm else ""
    if first in _LETTER_QUALIFIERS and len(col.norm.split(" ")) > 1:
        return _LETTER_QUALIFIERS[first]
    glued = [w for w in col.raw_words if w[:1] in _LETTER_QUALIFIERS and w[1:] in _ADDRESS_WORDS]
    return _LETTER_QUALIFIERS[glued[0][0]] if len(glued) == 1 else None


# Words that name a postal code in a postal block ('Postal_Zip'); there 'postal' alone names the block, not the code.
_CODE_WORDS = frozenset({"zip", "zipcode", "postcode", "code"})


def _postal_block(col: ColumnInfo) -> bool:
    """'Postal_City', 'Postal_Zip', 'postal address': 'postal' before another address word names the postal (mailing)
    block, beside a 'Physical_City'; 'Postal Code' alone is the field itself."""
    return "postal" in col.raw_words and bool(col.raw_words & (_ADDRESS_WORDS - {"postal", "phone", "fax"}))


def _unqualified_concepts(col: ColumnInfo) -> set[str]:
    """The concepts the header names once a one-letter qualifier is taken off ('pmpro_bcity', 'b_city': city)."""
    words = col.norm.split(" ") if col.norm else []
    if len(words) > 1 and words[0] in _LETTER_QUALIFIERS and not col.raw_words & QUALIFIERS:
        return {c for c, s in concepts_of(" ".join(words[1:])).items() if s >= 0.9}
    glued = [w for w in col.raw_words if w[:1] in _LETTER_QUALIFIERS and w[1:] in _ADDRESS_WORDS]
    if len(glued) != 1 or col.raw_words & QUALIFIERS:
        return set()
    return {c for c, s in concepts_of(glued[0][1:]).items() if s >= 0.9}


def _order(template_person: bool, blocks: dict[str, dict[int, int]]) -> list[str]:
    order = _PERSON_ORDER if template_person else _COMPANY_ORDER
    return sorted(blocks, key=lambda q: (order.index(q) if q in order else len(order), -len(blocks[q]), q))


def ask_address_block(scored: ScoredSheet, result: SheetMatch, record: str) -> None:
    """With two or more qualified address blocks and no plain address column applied, unapply the address fields and
    ask once which block is the record's own (`record`, the template's name, is named in the question)."""
    blocks = address_blocks(scored)
    if len(blocks) < 2:
        blocks = lone_block_asked(scored, result, blocks, ADDRESS_CONCEPTS)
    if not blocks:
        return
    block_columns = {scored.columns[i].source for b in blocks.values() for i in b.values()}
    plain = {
        j
        for b in blocks.values()
        for j in b
        if result.matches[j].auto_applied and any(c not in block_columns for c in result.matches[j].columns)
    }
    if any(_address_field(scored.fields[j].concepts) in ADDRESS_CONCEPTS for j in plain):
        return  # a plain 'city' beside 'billing_city': the record's own address is there already
    # A plain 'phone' beside 'home_phone' and 'work_phone' stays the record's phone; the blocks are addresses.
    blocks = {q: {j: i for j, i in b.items() if j not in plain} for q, b in blocks.items()}
    block_fields = {j for b in blocks.values() for j in b}
    own = next((q for q in _BILLED if q in blocks), None)
    if own is not None and set(blocks) - {own} <= _DELIVERED:
        _keep_block(scored, result, blocks, own)
        return
    person = any(f.kind in _PERSON_KINDS for f in scored.fields)
    order = _order(person, blocks)[:MAX_BLOCKS]
    first = blocks[order[0]]
    keys = {j: scored.fields[j].spec.key for j in block_fields}
    for j in block_fields:
        match = result.matches[j]
        column = scored.columns[first[j]].source if j in first else None
        match.auto_applied = False
        match.column, match.columns = column, [column] if column else []
        match.hints.pop("coalesce", None)
        match.confidence = min(calibrated(scored.pairs[first[j]][j].score), UNSURE) if j in first else 0.0
        match.rationale = f"the file holds {len(blocks)} address blocks ({', '.join(order)}): which to use is asked"
    result.questions[:] = [q for q in result.questions if q.field not in keys.values()]
    result.questions.append(_block_question(scored, blocks, order, keys, record))


def _keep_block(scored: ScoredSheet, result: SheetMatch, blocks: dict[str, dict[int, int]], own: str) -> None:
    """Billing beside shipping: by the convention of every CRM and shop export the billing address is the record's
    own and the shipping one where goods go. The billing block is applied whole; no field is taken from the other."""
    block_columns = {scored.columns[i].source for b in blocks.values() for i in b.values()}
    chosen = blocks[own]
    for j in {j for b in blocks.values() for j in b}:
        match = result.matches[j]
        unsure = match.column is None or _between_blocks(result, match.field, block_columns)
        if j in chosen and not match.auto_applied and unsure:
            # 'pmpro_bcity' or 'pmpro_scity', asked about or left out only because the blocks mirror each other (or
            # the header is faint): the convention answers.
            column = scored.columns[chosen[j]].source
            match.column, match.columns, match.auto_applied = column, [column], True
            match.confidence = max(match.confidence, calibrated(scored.pairs[chosen[j]][j].score))
            match.rationale += f"; the {own} address is the record's own, so '{column}' fills it"
            result.questions[:] = [q for q in result.questions if q.field != match.field]
        elif j in chosen and match.auto_applied and match.columns:
            column = scored.columns[chosen[j]].source
            if match.columns[0] != column:
                match.column, match.columns = column, [column]
                match.rationale += f"; the {own} address is the record's own, so '{column}' fills it"
        elif j not in chosen and match.auto_applied and set(match.columns) <= block_columns:
            match.auto_applied = False
            match.rationale += f"; it belongs to another address than the {own} one, which is the record's own"


def _between_blocks(result: SheetMatch, key: str, block_columns: set[str]) -> bool:
    """Whether the field's only question offers columns of the address blocks and nothing else."""
    asked = [q for q in result.questions if q.field == key and q.kind == "which_column"]
    offered = {c for q in asked for o in q.options for c in re.findall(r"'([^']*)'", o.label)}
    return len(asked) == 1 and bool(offered) and offered <= block_columns


def _block_question(
    scored: ScoredSheet, blocks: dict[str, dict[int, int]], order: list[str], keys: dict[int, str], record: str
) -> MatchQuestion:
    # Address fields first, in the order of an envelope, then the phone and fax that go with them.
    order_of = (*ADDRESS_CONCEPTS, *COMPANIONS)
    rank = {j: order_of.index(_address_field(scored.fields[j].concepts) or "phone") for j in keys}
    options: list[QuestionOption] = []
    chosen: dict[str, dict[str, str]] = {}
    samples: list[str] = []
    for n, qualifier in enumerate(order, start=1):
        block = blocks[qualifier]
        shown_order = sorted(block.items(), key=lambda ji: rank[ji[0]])
        columns = {keys[j]: scored.columns[i].source for j, i in shown_order}
        listed = ", ".join(f"'{c}'" for c in columns.values())
        options.append(QuestionOption(id=f"opt_{n}", label=f"The {qualifier} address: {listed}"))
        chosen[f"opt_{n}"] = columns
        shown = [scored.columns[i].samples[0] for _, i in shown_order if scored.columns[i].samples]
        samples.append(f"{qualifier}: {', '.join(shown) or 'empty'}")
    options.append(QuestionOption(id=f"opt_{len(options) + 1}", label="None of these: leave the address empty"))
    lead = keys[min(keys, key=lambda j: rank[j])]
    return MatchQuestion(
        id="q_address_block",
        question=f"Which of the file's addresses should fill the {record} address?",
        context=f"The file holds {len(blocks)} blocks of address columns; the first row reads {'; '.join(samples)}.",
        options=options,
        allow_custom=True,
        field=lead,
        kind="which_column",
        blocks=chosen,
    )
