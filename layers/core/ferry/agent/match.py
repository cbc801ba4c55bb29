"""Scoring every (column, field) pair from header and value evidence, one-to-one assignment, and questions.

A pair's raw score combines what the header says and what the values say (ferry.agent.evidence); the fitted
calibration turns it into a confidence. What is sure is applied; what is plausible but not sure is asked, once
per column, with that column as the first option; only what is implausible is left out.
"""

from __future__ import annotations

import re

from ferry.agent import questions as ask
from ferry.agent.address_line import apply_address_line
from ferry.agent.address_run import ask_city_in_address_run
from ferry.agent.ambiguous_reads import reread_pairs
from ferry.agent.article_codes import ARTICLE_LENGTHS
from ferry.agent.assign import maximise_assignment
from ferry.agent.block_agreement import ask_part_of_another_block
from ferry.agent.blocks import QUALIFIERS, ask_address_block
from ferry.agent.budget import drop_least_useful, trade_look_alikes
from ferry.agent.by_values import names_not_flags, on_values_alone
from ferry.agent.calibrate import calibrated
from ferry.agent.category_paths import ask_category_path
from ferry.agent.compound_headers import ask_two_fields_in_one_header, bare_name_of_people, values_beat_a_bare_name
from ferry.agent.enums import country_code, map_enum_values
from ferry.agent.evidence import (
    SECONDARY_WORDS,
    ColumnInfo,
    FieldInfo,
    columns_of,
    date_concepts,
    enum_mapping,
    exact_name,
    field_info,
    header_score,
    lookup_ids,
    related,
    sheet_noise,
    siblings,
    value_fit,
)
from ferry.agent.generic_key import apply_generic_key
from ferry.agent.given_surnames import surnames_that_are_given_names
from ferry.agent.header_only import ask_header_alone, unsure_without_values
from ferry.agent.id_suffixed_enums import keys_of_another_table
from ferry.agent.late_reads import reread_late
from ferry.agent.left_out import offer_left_out, offer_within_budget, question_budget
from ferry.agent.lexicon import NOISE_WORDS
from ferry.agent.lexicon_depth import NAME_ONLY
from ferry.agent.login_names import demote_login_names
from ferry.agent.models import FieldMatch, MatchQuestion, SheetMatch
from ferry.agent.money import ask_money_in_general
from ferry.agent.normalize import fold
from ferry.agent.one_sided_flags import flag_questions
from ferry.agent.own_word import ask_synonym_beside_own_word
from ferry.agent.pairs import (
    AMBIGUOUS_HEADERS,
    AUTO_SCORE,
    BARE_NAMES,
    CANDIDATE_FLOOR,
    CLOSE_MARGIN,
    EMPTY_SURE_ROWS,
    HEADERLESS_FLOOR,
    NAMING_HEADER,
    QUESTION_FLOOR,
    REQUIRED_FLOOR,
    RIVAL_HEADER,
    SURE_HEADER,
    UNSURE,
    VALUE_KINDS,
    PairScore,
    ScoredSheet,
    names_broader,
)
from ferry.agent.record_keys import offer_record_key
from ferry.agent.second_look import (
    add_type_hints,
    ask_enum_sibling,
    ask_split,
    bare_name_beside,
    bare_name_is_title,
    field_asked,
    name_in_description,
    own_name_first,
    plainer_kind,
    primary_beside_plural,
    propose_split,
    second_line_alone,
    split_score,
)
from ferry.agent.second_party import ROLE_WORDS, mark_second_parties
from ferry.agent.state_flags import value_named_by
from ferry.agent.sub_records import drop_sub_record_questions
from ferry.agent.synonyms import SOFT_WORDS
from ferry.agent.twin_columns import is_copy
from ferry.agent.unplaced import (
    login_of_a_person,
    one_part_of_compound,
    page_metadata,
    rank_options,
)
from ferry.core.domain import SheetManifest, Template


def score_pair(col: ColumnInfo, fld: FieldInfo) -> PairScore:
    """Combine header evidence and value evidence for one pair into a raw score in 0..1."""
    header, header_reason = header_score(col, fld)
    fit, ident, value_reason = value_fit(col, fld)
    if col.header.rstrip().endswith("?") and fld.spec.type != "boolean" and header > 0:
        # 'In stock?', 'Is featured?': a yes/no question about the field, not the field itself.
        header *= 0.6
        header_reason += " (but it asks a yes/no question)"
    if fld.spec.type == "string" and col.profile.n >= 2 and col.profile.boolean >= 0.9:
        # 'isCustomer' of true/false for the customer's number, 'company' of ja/1 for the company's name: a flag is
        # nobody's key, name or text.
        fit, ident, value_reason = -1.0, 0.0, "but its values are yes/no flags"
    multiplier = 1 + 0.1 * fit if fit >= 0 else 1 + 0.5 * fit
    header_part = header * multiplier
    value_part = ident * min(1.0, max(0.0, 0.5 + fit / 2))
    conflict = False
    top = col.top_concept
    if top is not None and top[1] >= 0.9 and header < 0.9 and not related(top[0], fld.concepts):
        # The header names another concept: values alone must not pull the column across, least of all
        # to a look-alike ('Surname' holding given names is not silently first_name).
        sibling = siblings(top[0], fld.concepts)
        value_part *= 0.4 if sibling else 0.8
        conflict = value_part > header_part
    # Agreeing evidence adds up, but never lifts a pair past certainty (a noisy-or on the weaker part).
    best_part = max(header_part, value_part)
    score = best_part + 0.3 * min(header_part, value_part) * (1 - best_part)
    if col.empty:
        # No values to check: the header alone speaks, a little less surely; it is never vetoed. A header that
        # names the field keeps enough to be applied (a long export only when it is the field's own name); any
        # other header of a column empty in every row of a long export is asked about rather than applied.
        if header >= NAMING_HEADER and (col.rows <= EMPTY_SURE_ROWS or header >= SURE_HEADER):
            score *= 0.9
        else:
            score *= 0.85 if col.rows <= EMPTY_SURE_ROWS else 0.6
    if col.other_party:
        score *= 0.6
    reasons = [r for r in (header_reason if header >= 0.3 else "", value_reason) if r]
    if col.empty and header >= 0.3:
        reasons.append("the column is empty in this file")
    if header < 0.3 and value_part > 0:
        reasons.insert(0, f"matched by its values (header '{col.header}' does not name {fld.spec.key})")
    if col.json_path is not None:
        reasons.append(f"taken from the {col.json_label} value of the JSON in column '{col.source}' ({col.json_path})")
    # Values that disagree with a header naming the field; bare digits under a phone header disagree softly; words
    # none of which is an allowed value ('short' under 'text.type') disagree with a header that only resembles it.
    disagree = header >= 0.9 and (
        fit <= -0.5 or (fld.kind == "phone" and fit < 0) or _no_allowed_word(col, fld, header)
    )
    return PairScore(round(min(1.0, max(0.0, score)), 4), header, fit, reasons, conflict or disagree)


def _confirmed(col: ColumnInfo, fld: FieldInfo, pair: PairScore) -> bool:
    """Whether header and values together are sure enough to apply without asking.

    A header that names the field (its name, a whole-header synonym) is enough unless it is a one-word header that
    means different things in different systems and there are no values to tell which; a header that only
    resembles the field needs values that agree.
    """
    if pair.header >= SURE_HEADER or (pair.header >= NAMING_HEADER and "default" not in col.raw_words):
        return not (col.empty and col.norm in AMBIGUOUS_HEADERS and col.norm != fld.spec.key)
    if names_broader(col, fld):
        # 'Price' for sale_price, 'Phone' for fax: numbers fit either, so values cannot confirm the narrower field.
        return False
    if _qualified_state(col, fld):
        # 'manufacturing_status' of 'active' for a product's status: a qualified header is the state of something
        # else, and a state word fits many vocabularies, so the values cannot confirm whose state it is.
        return False
    # 'Default Account', 'Default Warehouse': the default a record points at (a ledger, a site), not the record's own
    # value; like a look-alike header it needs values that agree.
    return pair.fit > 0 or col.json_path is not None


def _qualified_state(col: ColumnInfo, fld: FieldInfo) -> bool:
    """An enum field of words (not countries, whose names are unmistakable) named only inside a longer header."""
    if fld.spec.type != "enum" or "country" in fld.concepts:
        return False
    return max((col.concepts.get(c, 0.0) for c in fld.concepts), default=0.0) < 0.9


def _worth_asking(col: ColumnInfo, fld: FieldInfo, pair: PairScore, scored: ScoredSheet) -> bool:
    """Whether an unsure best column is worth a question about an optional field: its header names the field by a word
    for it (not a broader word, not a look-alike spelling), or, on values alone, the values are of a kind only this
    field of the template holds. Without a header row, or for a required field, the values are all there is."""
    if col.no_header or fld.spec.required or pair.record_key:
        return True
    if pair.header < 0.9 and pair.fit <= -0.5:
        return False  # a header only akin to the field, values of another kind ('Comments' of JSON records)
    if pair.header >= 0.3:
        named = pair.header >= 0.9 or any(related(c, fld.concepts) for c in col.concepts)
        return named and not names_broader(col, fld) and not _foreign_key(col, fld)
    same_kind = [f for f in scored.fields if f.kind == fld.kind]
    return pair.fit >= 0.8 and fld.kind in VALUE_KINDS and len(same_kind) == 1


def _kind_without_home(col: ColumnInfo, fld: FieldInfo, pair: PairScore, scored: ScoredSheet) -> bool:
    """A header naming a narrower kind of a text field ('Note' for a description, 'manufacturer' for a brand, 'Title'
    for a product's name) in a template with no field of its own kind: the column has no better home, and no value can
    confirm a text field, so the header is enough. Never for the record's key, which must be named outright, nor
    for a one-word header of many meanings."""
    top = col.top_concept
    if fld.key_field or col.empty or top is None or top[0] in fld.concepts or not related(top[0], fld.concepts):
        return False
    if col.norm in AMBIGUOUS_HEADERS:
        return False  # 'Type', 'kind': one word with many meanings names no kind of anything on its own
    if not 0.75 <= pair.header < NAMING_HEADER or pair.fit < 0 or fld.kind in VALUE_KINDS:
        return False
    return not any(top[0] in f.concepts for f in scored.fields)


def _foreign_key(col: ColumnInfo, fld: FieldInfo) -> bool:
    """'container_id', 'account_id' for the record's own id: the id of another record (a lookup), not this one's."""
    if "id" not in fld.concepts or col.suffix not in (None, "id", "ids"):
        return False
    words = [w for w in col.raw_words if w not in ("id", "ids") and w not in SOFT_WORDS]
    return bool(words) and "id" in col.raw_words and col.stripped_norm not in ("id", "ids")


def _code_variants(a: ColumnInfo, b: ColumnInfo) -> bool:
    """'Variant Price EUR' and 'Variant Price USD': one header in two currencies or units (the only differing word
    is a code such as EUR/USD/KG, or a known unit or currency), so which one the field wants is a person's choice."""
    wa, wb = re.findall(r"[^\W_]+", a.header), re.findall(r"[^\W_]+", b.header)
    if len(wa) != len(wb) or len(wa) < 2:
        return False
    diff = [(x, y) for x, y in zip(wa, wb, strict=True) if x.casefold() != y.casefold()]
    return len(diff) == 1 and all(_is_code(w) for w in diff[0])


def _is_code(word: str) -> bool:
    return word.casefold() in NOISE_WORDS or (len(word) == 3 and word.isalpha() and word.isupper())


def _other_language(rival: ColumnInfo, col: ColumnInfo) -> bool:
    """'name.de' beside 'name.en': the same field in another language of the export, not a rival source."""
    return bool(rival.locale and col.locale) and rival.matched.casefold() == col.matched.casefold()


def _owns(pair: PairScore) -> bool:
    return pair.header >= 1.0 and pair.score >= 0.8 and not pair.conflict


def _names_it_too(col: ColumnInfo, rival: ColumnInfo, pair: PairScore) -> bool:
    """A rival whose header names the field as well and whose values agree, and that is not a known secondary of the
    chosen column (a home or second number, another address block, the same fact as a code)."""
    if pair.header < RIVAL_HEADER or pair.fit < 0 or pair.conflict or _codes(rival) != _codes(col):
        return False
    extra = rival.raw_words - col.raw_words  # none: the same header again, its second copy
    return bool(extra) and not extra & (SECONDARY_WORDS | _BLOCK_WORDS | {"address"})


def _ids_for_text(col: ColumnInfo, fld: FieldInfo) -> bool:
    return fld.spec.type == "string" and col.suffix in ("id", "ids") and lookup_ids(col) and "id" not in fld.concepts


def _ids_under_its_name(col: ColumnInfo, fld: FieldInfo) -> bool:
    """Small numbers under the bare name of a text field with no vocabulary of codes ('model' 1, 1 for an asset's
    model): ids into a list the file lacks, as plainly as under 'model_id'."""
    return fld.spec.type == "string" and fld.concepts.keys() <= NAME_ONLY and exact_name(col, fld) and lookup_ids(col)


def _partly_fits(col: ColumnInfo, fld: FieldInfo) -> bool:
    """Some of the values are of the field's kind (one email of two parses): the header decides, with a question."""
    p = col.profile
    share = {"email": p.email, "url": p.url, "phone": p.phone + p.phone_digits, "date": p.date, "datetime": p.date,
             "number": p.number, "integer": p.number, "country": p.country}.get(fld.kind)  # fmt: skip
    return share is not None and share >= 0.4


def _no_allowed_word(col: ColumnInfo, fld: FieldInfo, header: float) -> bool:
    if fld.spec.type != "enum" or not fld.allowed_norm or not col.profile.n or header >= 0.95:
        return False
    if "country" in fld.concepts or lookup_ids(col) or col.profile.alpha < 0.9:
        return False
    return enum_mapping(col, fld).coverage == 0


def score_sheet(sheet: SheetManifest, template: Template) -> ScoredSheet:
    """Score every (column, field) pair of a sheet against a template."""
    # A role word several headers share ('CEO Name', 'CEO Email') names a person, not the record: never noise.
    noise = sheet_noise(sheet, template) - ROLE_WORDS
    columns = columns_of(sheet, noise)
    fields = [field_info(f, noise) for f in template.fields]
    mark_second_parties(columns, fields, noise)
    # With a status and no address state among the fields, a record's 'state' ('State Name', 'workflow state') of
    # words that are no regions is its status: the stage a ticket or issue is in.
    state_is_status = any(f.concepts.get("status", 0.0) >= 0.9 for f in fields) and not any(
        "state" in f.concepts for f in fields
    )
    for col in columns:
        if state_is_status and "state" in col.concepts and not _regions(col) and not _beside_a_city(col, columns):
            col.concepts["status"] = max(col.concepts.get("status", 0.0), col.concepts.pop("state"))
        if not col.concepts and col.profile.n and col.profile.date >= 0.8 and not col.no_header:
            # A column of dates whose header leaves out 'date' is read with it, for the template's date fields only.
            found = date_concepts(col.matched or col.header)
            col.concepts = {c: s for c, s in found.items() if any(related(c, f.concepts) for f in fields)}
    pairs = [[score_pair(c, f) for f in fields] for c in columns]
    for i, col in enumerate(columns):
        split = split_score(col)
        for j, fld in enumerate(fields):
            if split > pairs[i][j].score and fld.kind in ("given", "surname"):
                reason = f"'{col.header}' holds full names; the {fld.spec.key} part is split from it"
                pairs[i][j] = PairScore(split, 0.0, 0.0, [reason], split=True)
    bare_name_beside(columns, fields, pairs)
    surnames_that_are_given_names(columns, fields, pairs)
    _record_key(columns, fields, pairs)
    _only_field_of_type(columns, fields, pairs)
    _article_numbers(columns, fields, pairs)
    primary_beside_plural(columns, fields, pairs)
    own_name_first(columns, fields, pairs)
    bare_name_is_title(columns, fields, pairs)
    page_metadata(columns, fields, pairs)
    one_part_of_compound(columns, fields, pairs)
    login_of_a_person(columns, fields, pairs)
    ask_two_fields_in_one_header(columns, fields, pairs)
    ask_money_in_general(columns, fields, pairs)
    bare_name_of_people(columns, fields, pairs)
    values_beat_a_bare_name(columns, fields, pairs)
    reread_pairs(columns, fields, pairs)
    reread_late(columns, fields, pairs)
    return ScoredSheet(columns, fields, pairs)


def _regions(col: ColumnInfo) -> bool:
    """Whether a column is a place: an address part by its header ('Work State', 'address state', not the bare
    word), values that are states, provinces or countries, or no values to tell."""
    if "state" not in col.raw_words or col.raw_words & (QUALIFIERS | SECONDARY_WORDS | {"address"}):
        return True
    return not col.profile.n or col.profile.region >= 0.3 or col.profile.country >= 0.3


def _beside_a_city(col: ColumnInfo, columns: list[ColumnInfo]) -> bool:
    """A 'state' with a city beside it and no other state column is the address's state ('Telangana'), whatever its
    values; beside an address state of its own ('paState'), a bare 'state' is the record's stage."""
    others = [c for c in columns if c is not col]
    city = any(c.concepts.get("city", 0.0) >= 0.9 for c in others)
    return city and not any("state" in c.raw_words or "state" in c.concepts for c in others)


def gtin_valid(text: str) -> bool:
    """An EAN-8, UPC-A, EAN-13 (ISBN-13) or GTIN-14 with a right check digit: a shop's article number, not an id."""
    digits = text.strip()
    if len(digits) not in ARTICLE_LENGTHS or not digits.isdigit() or len(set(digits)) == 1:
        return False
    body = [int(d) for d in digits[:-1]][::-1]
    total = sum(d * (3 if n % 2 == 0 else 1) for n, d in enumerate(body))
    return (10 - total % 10) % 10 == int(digits[-1])


def _article_numbers(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Values that are valid EAN/UPC/ISBN numbers under a header that names nothing (no header row, a header in a
    language the lexicon lacks) point to the template's one barcode field: a check digit is seldom right by chance,
    but an article number can serve as the SKU too, so it is asked, never applied."""
    targets = [j for j, f in enumerate(fields) if "barcode" in f.concepts]
    if len(targets) != 1:
        return
    j = targets[0]
    for i, col in enumerate(columns):
        values = [v for v in col.samples if v.strip()]
        if len(values) < 3 or max(p.header for p in pairs[i]) >= CANDIDATE_FLOOR:
            continue
        if sum(gtin_valid(v) for v in values) >= 0.8 * len(values) and pairs[i][j].score < QUESTION_FLOOR:
            reason = "its values are EAN/UPC article numbers (their check digits are right)"
            pairs[i][j] = PairScore(0.5, 0.0, pairs[i][j].fit, [reason])


# Headers that are only a form word for a code: the record's own code when nothing else in the header says whose.
_BARE_CODES = frozenset({"code", "reference", "ref"})


def _record_key(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """A header naming the record's own number or id ('Inventarnummer', 'idusers', 'Asset ID') points to the
    template's one unique text field when no field is called an id (an asset tag, a ticket number): a likely key,
    asked rather than applied unless the header says more."""
    # With a field called an id, the header's own 'id' names it; a bare 'Code' names nothing, so it is still pointed.
    id_field = any("id" in f.concepts for f in fields)
    keys = [j for j, f in enumerate(fields) if f.spec.unique and f.spec.type == "string"]
    if len(keys) != 1:
        return
    j = keys[0]
    if any(row[j].header >= NAMING_HEADER for row in pairs):
        return  # a column names the key itself ('Variant Sku'): a database id beside it is not a rival
    for i, col in enumerate(columns):
        # A bare code word naming no field of this template ('reference', an SKU's word, among customers) is bare too.
        bare = col.stripped_norm in _BARE_CODES and not any(
            related(c, f.concepts) for c in col.concepts for f in fields
        )
        if id_field and not bare:
            continue
        strength = 0.9 if bare else col.concepts.get("id", 0.0)  # a bare 'Code' is the record's own, as its 'ID' is
        top = col.top_concept or ("id", strength)
        unread = re.search(r"[^\W\d_a-z]", fold(col.header))  # words in a script the lexicon cannot read
        if strength < 0.9 or (top != ("id", strength) and not bare) or len(col.stripped_norm.split()) != 1 or unread:
            continue  # only the record's own number: 'Status (ID)' is the id of a status, not of the record
        header = round(0.8 * strength, 4)
        if header > pairs[i][j].header:
            fit, _, _ = value_fit(col, fields[j])
            reason = f"header '{col.header}' names the record's own number; {fields[j].spec.key} is the template's key"
            score = header * (1 + 0.1 * fit if fit >= 0 else 1 + 0.5 * fit)
            pairs[i][j] = PairScore(round(min(score, 0.79), 4), header, fit, [reason], record_key=True)


# Raw score a headerless column of whole numbers gets for the template's only whole-number field: a candidate worth a
# question (above the headerless floor), never applied (below the question floor of a sheet with headers).
ONLY_OF_TYPE = 0.4


def _only_field_of_type(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """Without a header row, small whole numbers (a stock count, a quantity) point to the template's one whole-number
    field when it has exactly one: too common a kind of value to apply, enough to ask. Two such fields: no guess."""
    ints = [j for j, f in enumerate(fields) if f.spec.type == "integer"]
    if len(ints) != 1:
        return
    j = ints[0]
    for i, col in enumerate(columns):
        p = col.profile
        # Postal codes and codes of fixed width are whole numbers too: only short, unpadded counts qualify.
        counts = (
            p.small_int >= 0.8 and p.postal < 0.5 and p.mean_len <= 4 and not any(s[:1] == "0" for s in col.samples)
        )
        if col.no_header and p.n >= 3 and counts and pairs[i][j].score < ONLY_OF_TYPE:
            reason = (
                f"the file has no header row; its values are small whole numbers, the kind {fields[j].spec.key} holds"
            )
            pairs[i][j] = PairScore(ONLY_OF_TYPE, 0.0, pairs[i][j].fit, [reason])


# Words that put a column in another address block of the same record (the invoice or delivery address).
_BLOCK_WORDS = frozenset({"billing", "bill", "shipping", "ship", "delivery", "invoice", "mailing", "postal"})


def match_sheet(sheet: SheetManifest, template: Template) -> SheetMatch:
    """Map a sheet's columns onto a template's fields: one-to-one, calibrated, with questions when unsure."""
    scored = score_sheet(sheet, template)
    columns, fields, pairs = scored.columns, scored.fields, scored.pairs
    # Split pairs are not one-to-one candidates: a full-name column feeds first and last name together.
    # Squared, so one sure pair is not traded for two weak ones (1.0 + 0 beats 0.63 + 0.4).
    matrix = [[0.0 if p.split else p.score**2 for p in row] for row in pairs]
    # A column that is the field's own name, with values that agree, keeps the field: a synonym elsewhere
    # ('title' beside 'salutation') must not take it because the swap frees a look-alike for another field.
    for j in range(len(fields)):
        owners = {i for i, row in enumerate(pairs) if _owns(row[j])}
        for i in range(len(pairs)):
            if owners and i not in owners:
                matrix[i][j] = 0.0
    # Without a header row the values are all there is: weaker value evidence is still worth a question.
    floor = HEADERLESS_FLOOR if any(c.no_header for c in columns) else CANDIDATE_FLOOR
    assigned = dict((j, i) for i, j in maximise_assignment(matrix, floor**2))
    # A real column taken by one JSON value may not be taken again by its parent or a sibling value.
    result = SheetMatch()
    used_sources: dict[str, str] = {}
    for j in sorted(assigned, key=lambda j: -matrix[assigned[j]][j]):
        source = columns[assigned[j]].source
        if source in used_sources and (columns[assigned[j]].json_path is None):
            del assigned[j]
        else:
            used_sources.setdefault(source, fields[j].spec.key)
    for j, fld in enumerate(fields):
        result.matches.append(_field_match(j, fld, assigned.get(j), scored, assigned, result.questions))
    ask_synonym_beside_own_word(scored, result)
    propose_split(scored, result)
    ask_enum_sibling(scored, result)
    name_in_description(scored, result)
    second_line_alone(scored, result)
    _propose_coalesce(sheet, scored, assigned, result)
    _phone_region(scored, result)
    offer_left_out(scored, result)
    ask_split(scored, result)
    apply_generic_key(scored, result)
    apply_address_line(scored, result)
    offer_within_budget(scored, result)
    offer_record_key(scored, result)
    demote_login_names(scored, result)
    ask_address_block(scored, result, template.name)
    ask_part_of_another_block(scored, result)
    ask_city_in_address_run(scored, result)
    ask_category_path(scored, result)
    drop_sub_record_questions(scored, result)  # the n-th packaging's weight is no product's
    _within_budget(scored, result)
    drop_least_useful(scored, result)
    trade_look_alikes(scored, result)
    trade_look_alikes(scored, result)  # a column the first trade freed from a dropped question may trade in turn
    offer_left_out(scored, result, join_only=True)  # a question the budget steps asked late takes its columns too
    rank_options(scored, result)
    used = {c for m in result.matches if m.auto_applied for c in m.columns}
    pending = {
        c
        for m in result.matches
        if not m.auto_applied and m.columns and field_asked(result, m.field)
        for c in m.columns
    }
    result.unmapped_columns = [c.name for c in sheet.columns if c.name not in used and c.name not in pending]
    return result


# Kinds of field whose values are words, never whole numbers
_WORDY_KINDS = frozenset({"street", "region", "country", "fullname", "given", "surname", "email", "url"})


def _names_outright(col: ColumnInfo, fld: FieldInfo, pair: PairScore) -> bool:
    """Whether a header names the field outright (its name, a whole-header synonym), so that values disagreeing with
    it are no reason to leave it out: not a one-word header of many meanings ('Name', 'nombre' for a first name)
    unless it is the field's own key, and not a column of ids into a list the file does not hold."""
    if pair.header < SURE_HEADER or col.empty or lookup_ids(col):
        return False
    if fld.kind in _WORDY_KINDS and col.profile.integer >= 0.9:
        return False  # whole numbers under 'address' or 'country': ids into another table, asked about, not mapped
    if names_not_flags(col, fld):
        return False  # 'Supervisor' of people's names for a yes/no 'Manager': the role's holder, not a flag
    return col.norm == fld.spec.key or col.norm not in AMBIGUOUS_HEADERS | BARE_NAMES


def _within_budget(scored: ScoredSheet, result: SheetMatch) -> None:
    """A sheet asked more questions than its budget of one per ten columns drops its look-alike questions (a header
    that only resembles the field, one column offered, nothing else joined) until it is within it: they are the
    questions least often right, and the column stays listed as not imported."""
    budget = question_budget(scored)
    for question in reversed(list(result.questions)):
        if len(result.questions) <= budget:
            return
        columns = [o for o in question.options if o.label.startswith("'")]
        if question.kind == "which_column" and question.context.startswith(ask.LOOK_ALIKE_WHY) and len(columns) == 1:
            result.questions.remove(question)


def _field_match(
    j: int,
    fld: FieldInfo,
    i: int | None,
    scored: ScoredSheet,
    assigned: dict[int, int],
    questions: list[MatchQuestion],
) -> FieldMatch:
    columns, pairs = scored.columns, scored.pairs
    key = fld.spec.key
    ranked = sorted(range(len(columns)), key=lambda r: -pairs[r][j].score)
    candidates = [(columns[r].source, calibrated(pairs[r][j].score)) for r in ranked[:3] if pairs[r][j].score > 0]
    match = FieldMatch(field=key, candidates=candidates)
    if i is not None and pairs[i][j].score < AUTO_SCORE and _qualified_state(columns[i], fld):
        # 'Tax status' is the state of something else: a yes/no 'Published' beside it says the record's own state.
        i = i if _state_flag(scored, fld, assigned) is None else None
    if i is None:
        # Only columns whose values do not flatly contradict the field are worth offering (no address for email).
        plausible = [r for r in ranked[:3] if pairs[r][j].score >= REQUIRED_FLOOR and pairs[r][j].fit > -1.0]
        flag = _state_flag(scored, fld, assigned)
        if fld.spec.required and plausible:
            match.rationale = "no column is a clear match"
            questions.append(ask.which_column(fld, _cols(scored, plausible, j), "No column is a clear match"))
        elif fld.spec.required and fld.spec.type == "string" and (texts := _free_text(scored, assigned)):
            # No header row, and no kind of value names the field: the columns of distinct words are offered.
            match.rationale = "the file has no header row and no column's values say which holds it"
            why = "The file has no header row; these columns hold distinct words"
            questions.append(ask.which_column(fld, [columns[r] for r in texts], why))
        elif flag is not None:
            # 'Active' of TRUE/FALSE for a status that can be 'active': the column says yes or no to one of the
            # field's values. Its 'yes' values become that value; what a 'no' stands for only the person knows, so
            # those stay unmatched (flagged, never guessed) and the mapping is applied and asked to be confirmed.
            value = _flag_value(flag, fld)
            match.rationale = f"'{flag.header}' says yes or no to the {fld.spec.key} value '{value}'"
            match.column, match.columns, match.auto_applied = flag.source, [flag.source], True
            match.confidence = min(calibrated(0.5), UNSURE)
            yes = [v for v in dict.fromkeys(flag.samples) if map_enum_values([v], ["true"]).mapping.get(v) == "true"]
            match.hints["value_map"] = dict.fromkeys(yes, value)
            match.hints["unmatched_values"] = [v for v in dict.fromkeys(flag.samples) if v.strip() and v not in yes]
            questions.extend(flag_questions(fld, flag, match))
        else:
            match.rationale = "no column matches"
        return match
    col, pair = columns[i], pairs[i][j]
    match.column = col.source
    match.columns = [col.source]
    match.confidence = calibrated(pair.score)
    match.rationale = "; ".join(pair.reasons) or "weak similarity"
    if col.json_path is not None:
        match.hints["json_path"] = col.json_path
    add_type_hints(match, col, fld)
    # Competitors: other columns close behind that are not better used by another field.
    assigned_col_field = {r: c for c, r in assigned.items()}
    rivals = [
        r
        for r in ranked
        if r != i
        and columns[r].source != col.source
        and pairs[r][j].score >= max(CANDIDATE_FLOOR, pair.score - CLOSE_MARGIN)
        and not (r in assigned_col_field and pairs[r][assigned_col_field[r]].score > pairs[r][j].score)
        and not _other_language(columns[r], col)
        and not pair.header >= 1.0 > pairs[r][j].header  # the field's own name beats a synonym of it
    ]
    auto = pair.score >= AUTO_SCORE
    if auto and on_values_alone(scored, i, j):
        auto = False  # 'CC' of e-mails: a real header naming nothing; the values say its kind, not whose it is
        match.confidence = min(match.confidence, UNSURE)
    lookup = fld.spec.type == "enum" and lookup_ids(col) and enum_mapping(col, fld).coverage == 0
    plain = plainer_kind(i, j, scored, assigned_col_field)
    if col.other_party:
        auto = False
        match.rationale += f"; the header '{col.header}' suggests it belongs to someone else"
        questions.append(ask.other_party(fld, col))
    elif rivals and fld.key_field:
        auto = False
        match.rationale += f"; '{columns[rivals[0]].source}' is almost as likely"
        if not (col.empty and all(_foreign_key(c, fld) for c in (col, *(columns[r] for r in rivals)))):
            questions.append(ask.which_column(fld, _cols(scored, [i, *rivals[:2]], j), "Two columns are close matches"))
    elif pair.conflict and not lookup and pair.header >= SURE_HEADER and (pair.fit > -0.5 or _partly_fits(col, fld)):
        # The header names the field and the values only look unusual (bare digits under 'Phone'), or only some
        # fit: mapped on the header alone, as an empty column would be, and asked.
        auto = True
        match.confidence = max(match.confidence, calibrated(pair.header * 0.85))
        match.rationale += "; its values look unusual for it, so it is mapped and you are asked to confirm"
        questions.append(ask.conflict(fld, col, "Its header names the field; its values look unusual"))
    elif pair.conflict and not lookup and _names_outright(col, fld, pair):
        # A header that names the field, values that disagree (placeholders, test data, an odd format): the values
        # may doubt the header, never veto it. Mapped on the header and asked, so the person confirms or undoes it.
        auto = True
        match.confidence = max(min(match.confidence, UNSURE), calibrated(pair.header * 0.8))
        match.rationale += "; the header and the values disagree, so it is mapped and you are asked to confirm"
        questions.append(ask.conflict(fld, col, "Its header and its values disagree"))
    elif pair.conflict and not lookup:
        auto = False
        match.rationale += "; the header and the values disagree"
        if pair.header >= 0.9:
            questions.append(ask.conflict(fld, col, "Its header and its values disagree"))
        elif pair.score >= QUESTION_FLOOR and max(col.profile.n, col.filled) >= 3:
            # Values alone may carry a column across its header, but only on a few of them at least, and asked.
            questions.append(ask.conflict(fld, col, "Its values fit, its header does not"))
    elif plain is not None:
        # 'mobilePhone' took phone while 'fixedPhone' names the phone itself: a narrower kind is no sure choice
        # over the plain one; asked, the plain one first.
        auto = False
        match.confidence = min(match.confidence, UNSURE)
        match.rationale += f"; '{columns[plain].source}' names {key} itself, '{col.header}' a narrower kind of it"
        questions.append(ask.which_column(fld, [columns[plain], col], "Two columns hold such values"))
    elif rivals and (
        pair.score < 0.9
        or any(_code_variants(columns[r], col) for r in rivals)
        or (pair.header < SURE_HEADER and any(_names_it_too(col, columns[r], pairs[r][j]) for r in rivals))
    ):
        # Judged on the raw score: the calibrated confidence is coarse, and two near-equal columns are a choice; so
        # are the same column in two currencies or units ('Price EUR', 'Price USD'), however sure each is, and a
        # synonym beside a header that names the field as well ('Thumbnail', 'Image 1'), unless it is a secondary.
        auto = False
        match.confidence = min(match.confidence, UNSURE)
        match.rationale += f"; '{columns[rivals[0]].source}' is almost as likely"
        # Empty look-alikes (Product Height) are no choice, nor flags that fit a yes/no field on their values alone
        # ('isContact', 'isSupplier' for a marketing opt-in): any flag fits one.
        flags_only = fld.spec.type == "boolean" and pair.header < 0.3
        if (not col.empty and not flags_only) or _worth_asking(col, fld, pair, scored):
            questions.append(ask.which_column(fld, _cols(scored, [i, *rivals[:2]], j), "Two columns are close matches"))
    elif (_ids_for_text(col, fld) and pair.header < 1.0) or _ids_under_its_name(col, fld):
        # 'Default group ID' of small numbers for a text field: ids into a list the file does not hold. The column
        # is the field's, but what the ids stand for only the person knows: asked, not applied; a header only spelled
        # like the field ('companySet_importId' for notes) is no reason to ask.
        auto = False
        match.rationale += f"; its values ({ask.samples_of(col)}) look like ids of a list kept elsewhere"
        if pair.header >= 0.6:
            questions.append(ask.conflict(fld, col, "Its values look like ids of a list kept elsewhere, not names"))
    elif lookup and pair.header >= 0.6 and not keys_of_another_table(col, fld):
        # Ids into a list the file does not hold: the column is the field's, its values need a map from the person.
        auto = True
        match.confidence = max(match.confidence, calibrated(pair.header))
        match.rationale += f"; its values ({ask.samples_of(col)}) look like ids of a list kept elsewhere"
    elif auto and unsure_without_values(col, fld, scored.columns):
        auto = False  # 'Status' of no values for a status of lead/customer: whose states, only values could say
        ask_header_alone(match, col, fld, questions)
    elif (
        auto and not col.no_header and not _confirmed(col, fld, pair) and not _kind_without_home(col, fld, pair, scored)
    ):
        auto = False
        match.confidence = min(match.confidence, UNSURE)
        if col.empty:
            match.rationale += f"; '{col.header}' can name several things and the column has no values to tell which"
        else:
            match.rationale += "; the header only resembles the field and the values do not confirm it"
        if fld.spec.required or not names_broader(col, fld):  # a broader word ('Price' for sale_price) is no name
            questions.append(ask.which_column(fld, _cols(scored, [i, *ranked[:3]], j), ask.LOOK_ALIKE_WHY))
    elif not auto and col.no_header and pair.fit >= 0.8 and fld.kind in VALUE_KINDS and col.profile.n >= 2:
        # No header row: the values are all there is, and these are unmistakably of the field's kind (phone
        # numbers, postal codes, states) in no other column: they carry the mapping on their own.
        auto = True
        match.confidence = max(match.confidence, calibrated(AUTO_SCORE))
        match.rationale += "; the file has no header row, and no other column holds such values"
    elif (
        not auto
        and pair.score >= (HEADERLESS_FLOOR if col.no_header else QUESTION_FLOOR)
        and _worth_asking(col, fld, pair, scored)
    ):
        questions.append(ask.which_column(fld, _cols(scored, [i, *ranked[:3]], j), ask.UNSURE_WHY))
    match.auto_applied = auto
    if auto:
        _enum_and_date_questions(match, col, fld, questions, lookup)
    return match


def _free_text(scored: ScoredSheet, assigned: dict[int, int]) -> list[int]:
    """In a sheet without a header row, the unused columns of distinct words (not numbers, not one repeated value),
    those of a few words first: where a required text field (a name) most likely is."""
    used = set(assigned.values())
    found = []
    for r, col in enumerate(scored.columns):
        p = col.profile
        if not col.no_header or r in used or p.n < 2 or p.alpha < 0.8 or p.number >= 0.5 or p.distinct < 0.8 * p.n:
            continue
        if 3 <= p.mean_len <= 80:
            found.append((p.multiword - abs(p.mean_len - 20) / 60, r))
    return [r for _, r in sorted(found, key=lambda t: -t[0])[:3]]


def _state_flag(scored: ScoredSheet, fld: FieldInfo, assigned: dict[int, int]) -> ColumnInfo | None:
    """An unused yes/no column whose header is one of an enum field's values, or a word for one ('Active', 'Published'
    for a status that can be 'active'), if any."""
    if fld.spec.type != "enum" or not fld.allowed_norm or not fld.spec.values:
        return None
    used = set(assigned.values())
    for r, col in enumerate(scored.columns):
        if r in used or not col.profile.n or col.profile.boolean < 0.6:
            continue
        if col.norm in fld.allowed_norm or value_named_by(col.header, fld.spec.values, "status" in fld.concepts):
            return col
    return None


def _flag_value(flag: ColumnInfo, fld: FieldInfo) -> str:
    """The allowed value a yes/no column's header names ('Published' → 'active')."""
    values = fld.spec.values or []
    named = value_named_by(flag.header, values)
    return named or next((v for v in values if fold(v) == flag.norm), flag.norm)


def _codes(col: ColumnInfo) -> bool:
    """Whether a column holds short codes ('CA', 'USA', 'QC'), not the names they stand for."""
    values = [v.strip() for v in col.samples if v.strip()]
    return bool(values) and sum(len(v) <= 3 and v.isalnum() and v.isupper() for v in values) >= 0.8 * len(values)


def _cols(scored: ScoredSheet, rows: list[int], j: int) -> list[ColumnInfo]:
    """The columns of `rows` worth offering for field j, in order (the first always)."""
    return [scored.columns[r] for n, r in enumerate(rows) if n == 0 or scored.pairs[r][j].score > 0]


def _enum_and_date_questions(
    match: FieldMatch, col: ColumnInfo, fld: FieldInfo, questions: list[MatchQuestion], lookup: bool
) -> None:
    if match.hints.get("date_order") is None and col.profile.dates.ambiguous:
        questions.append(ask.date_order(fld.spec.key, col))
    if match.hints.get("unmatched_values"):
        questions.append(ask.enum_values(match, col, fld, lookup))


def _phone_region(scored: ScoredSheet, result: SheetMatch) -> None:
    """Phone numbers without a country code are read in the sheet's dominant country, when one column says so."""
    counts: dict[str, int] = {}
    for col in scored.columns:
        if col.profile.country >= 0.8:
            for sample in col.samples:
                code = country_code(sample)
                if code:
                    counts[code] = counts.get(code, 0) + 1
    if not counts:
        return
    region = max(sorted(counts), key=lambda c: counts[c])
    for match in result.matches:
        if "default_region" in match.hints:
            match.hints["default_region"] = region


def _propose_coalesce(sheet: SheetManifest, scored: ScoredSheet, assigned: dict[int, int], result: SheetMatch) -> None:
    """A gappy source column with an unused look-alike: fill the gaps from it (phone ← Phone, else Work Phone).

    A column that repeats the mapped one value for value ('company' beside 'company_name') is used the same way,
    so it is not reported as left out.
    """
    taken = {c for m in result.matches for c in m.columns}
    for j, fld in enumerate(scored.fields):
        i = assigned.get(j)
        match = result.matches[j]
        if i is None or not match.auto_applied or fld.spec.unique or match.hints.get("split"):
            continue
        col = scored.columns[i]
        gappy = sheet.row_count > 0 and col.filled < 0.95 * sheet.row_count
        for r, other in enumerate(scored.columns):
            if other.source in taken or other.json_path is not None or col.json_path is not None:
                continue
            p = scored.pairs[r][j]
            twin = is_copy(col, other, fld.spec.key) and p.header >= 0.6  # agent/twin_columns.py
            if (other.raw_words & _BLOCK_WORDS) - col.raw_words:
                continue  # 'billing_email' beside 'customer_email': another block's, no stand-in (round 53)
            if not twin and (other.raw_words & (SECONDARY_WORDS | {"mobile", "cell"})) - col.raw_words:
                continue  # a home, 'other' or mobile number does not stand in for the work one
            if not twin and _codes(other) != _codes(col):
                continue  # 'Country Code' beside 'Country': the same fact as a code, not a name to fill gaps with
            if twin or (gappy and p.score >= 0.6 and p.fit >= 0.5 and p.header >= 0.75):
                match.columns = [col.source, other.source]
                match.hints["coalesce"] = [col.source, other.source]
                what = "repeats it" if twin else "fills in"
                match.rationale += f"; where '{col.source}' is blank, '{other.source}' {what}"
                taken.add(other.source)
                break
