"""Columns the assignment left out: offered in the questions already asked about their field, asked about on their
own when their header names a field nothing fills, and, within a sheet's question budget, when it only points at one.
No column a person would map is left for them to notice alone; the budget keeps the questions few."""

from __future__ import annotations

import re

from ferry.agent import questions as ask
from ferry.agent.calibrate import calibrated
from ferry.agent.count_headers import count_for_a_key
from ferry.agent.evidence import ColumnInfo, FieldInfo, related
from ferry.agent.header_only import spelled_alike_only
from ferry.agent.job_titles import JOBS_WHY, jobs_under_a_bare_header
from ferry.agent.models import MatchQuestion, SheetMatch
from ferry.agent.pairs import (
    BARE_NAMES,
    CANDIDATE_FLOOR,
    QUESTION_FLOOR,
    SURE_HEADER,
    UNSURE,
    PairScore,
    ScoredSheet,
    names_broader,
)
from ferry.agent.people_in_roles import people_for_a_role
from ferry.agent.prose import prose_for_free_text
from ferry.agent.stems import stem
from ferry.agent.synonyms import header_words
from ferry.agent.unplaced import phones_under_a_bare_header, values_name_flag

# Header evidence from which a column nothing uses or asks about joins the question already asked about its field.
LEFT_OUT_HEADER = 0.6
# Trailing form words that make a column a code for the thing its other words name, not the thing itself.
CODE_SUFFIXES = frozenset({"code", "id", "ids", "key", "ref"})


def offer_left_out(scored: ScoredSheet, result: SheetMatch, join_only: bool = False) -> None:
    """A column that nothing uses or offers, but whose header names a field already asked about, or whose header and
    values together make it a candidate for one, joins that field's question ('ManufacturerName' beside 'BrandName'
    for brand): no new question, no column the person must notice alone. A yes/no question about another column for
    the field becomes a which-column question offering both ('Phone' with odd values, 'Primary Phone' left out). At
    most four columns are offered in one question, the best evidence first. A column whose header names a field that
    nothing fills or asks about gets a question of its own, whatever its values say ('paCountry' of placeholders)."""
    named = {c for q in result.questions for o in q.options for c in re.findall(r"'([^']*)'", o.label)}
    taken = {c for m in result.matches if m.auto_applied for c in m.columns} | named
    # A yes/no question about a column already mapped (on its header, to be confirmed) stays a confirmation.
    applied = {m.field for m in result.matches if m.auto_applied}
    asked = {
        q.field: q
        for q in result.questions
        if q.kind == "which_column" or (q.kind == "header_value_conflict" and q.field not in applied)
    }
    offers: list[tuple[float, int, int]] = []
    for i, col in enumerate(scored.columns):
        if col.source in taken or col.no_header or col.json_path is not None:
            continue
        row = scored.pairs[i]
        fits = [
            k
            for k, fld in enumerate(scored.fields)
            if _left_out_fits(col, fld, row[k], asked.get(fld.spec.key))
            or (fld.spec.key not in applied and _names_field(col, fld, row[k]))
        ]
        if fits:
            j = max(fits, key=lambda k: (row[k].header, row[k].score))
            offers.append((max(row[j].header, row[j].score), i, j))
    # A code for the thing ('VendorCode') joins after the thing in words ('ManufacturerName'), the one a person picks.
    for _, i, j in sorted(offers, key=lambda t: (scored.columns[t[1]].suffix in CODE_SUFFIXES, -t[0])):
        col, fld = scored.columns[i], scored.fields[j]
        question = asked.get(fld.spec.key)
        if question is None and join_only:
            continue  # the budget is settled: a column may still join a question, never add one
        if question is None:
            # Nothing asks about the field and nothing fills it, but the header names it ('paCountry' of test
            # placeholders, 'Budget Amount' with no rows): the values may doubt it, they never veto it; asked.
            why = "Its header names the field; its values do not confirm it"
            if col.empty:
                why = "Its header names the field; the column is empty in this file"
            asked[fld.spec.key] = ask.conflict(fld, col, why)
            result.questions.append(asked[fld.spec.key])
            continue
        if question.kind == "header_value_conflict":
            question = asked[fld.spec.key] = _as_which_column(result, question, scored, fld)
        if sum(o.label.startswith("'") for o in question.options) >= 4:
            continue
        question.options.insert(len(question.options) - 1, ask.option(f"'{col.source}'", 0))
        for n, o in enumerate(question.options, start=1):
            o.id = f"opt_{n}"
        question.context += f"; '{col.source}': {ask.samples_of(col)}"


# A sheet is asked at most one question per this many columns (at least one) when the question only saves a column
# from being left out unnoticed: the budget goes to the columns with the most evidence first.
COLUMNS_PER_QUESTION = 10


def question_budget(scored: ScoredSheet) -> int:
    """How many questions a sheet may ask: one per ten source columns, at least one."""
    return max(1, len({c.source for c in scored.columns}) // COLUMNS_PER_QUESTION)


# Evidence from which a column still left out is worth a place in the budget: its header at least this close to the
# field's words, and values that do not contradict it.
BUDGET_HEADER = 0.4
# Values of another kind (numbers for a name, JSON records for a description) spend no budget either.
BUDGET_FIT = -0.5
# Why a column left out is asked about within the budget: a question right more often than a look-alike guess.
POINTING_WHY = "Its header points at the field, though not surely"


def offer_within_budget(scored: ScoredSheet, result: SheetMatch) -> None:
    """Columns that still nothing uses or offers, though their header points at a field nothing fills, are put to
    the person within the sheet's question budget, the best evidence first, rather than left out unnoticed: the first
    for a field is asked about on its own ('salesforce_id' for the record's id, 'pid'), the next join that question.
    A look-alike of a column already applied ('Short description' beside 'Description') is no question: asking it
    would spend the budget confirming what is already right."""
    budget = question_budget(scored)
    if len(result.questions) >= budget:
        return
    for i, j in pointing_headers(scored, result):
        key = scored.fields[j].spec.key
        question = next((q for q in result.questions if q.field == key and q.kind != "enum_values"), None)
        if question is not None:
            if question.kind == "which_column" and sum(o.label.startswith("'") for o in question.options) < 4:
                col = scored.columns[i]
                question.options.insert(len(question.options) - 1, ask.option(f"'{col.source}'", 0))
                for n, o in enumerate(question.options, start=1):
                    o.id = f"opt_{n}"
                question.context += f"; '{col.source}': {ask.samples_of(col)}"
            continue
        if len(result.questions) < budget:
            ask_pointing_header(scored, result, i, j)


def pointing_headers(scored: ScoredSheet, result: SheetMatch) -> list[tuple[int, int]]:
    """(column, field) of every column nothing uses or offers whose header points at a field nothing fills, each to
    its best such field, the best evidence first."""
    named = {c for q in result.questions for o in q.options for c in re.findall(r"'([^']*)'", o.label)}
    used = {c for m in result.matches if m.auto_applied for c in m.columns}
    filled = {m.field for m in result.matches if m.auto_applied}
    offers: list[tuple[float, float, int, int]] = []
    for i, col in enumerate(scored.columns):
        if col.source in used | named or col.no_header or col.json_path is not None or col.other_party:
            continue
        row = scored.pairs[i]
        fits = [
            j
            for j, fld in enumerate(scored.fields)
            if fld.spec.key not in filled
            and not row[j].split
            and (
                (
                    (row[j].header >= BUDGET_HEADER or _values_name_enum(col, fld, row[j]))
                    and (row[j].fit > BUDGET_FIT or _unlisted_words(col, fld, row[j]))
                    and row[j].score >= CANDIDATE_FLOOR
                )
                or values_name_flag(col, fld)
                or phones_under_a_bare_header(col, fld, scored.fields)
                or jobs_under_a_bare_header(col, fld)
                or prose_for_free_text(col, fld)
                or _ends_in_its_name(col, fld, row[j])
            )
            and (not names_broader(col, fld) or people_for_a_role(col, fld))
            and not spelled_alike_only(col, fld)
            and not count_for_a_key(col, fld)  # 'Num_Sites' is no customer number (round 53)
        ]
        if fits:
            j = max(fits, key=lambda k: (row[k].score, row[k].header))
            offers.append((row[j].score, row[j].header, i, j))
    return [(i, j) for _, _, i, j in sorted(offers, key=lambda t: (-t[0], -t[1]))]


def ask_pointing_header(scored: ScoredSheet, result: SheetMatch, i: int, j: int) -> None:
    """Ask whether column i fills field j, its header pointing at the field though not surely; a yes maps it."""
    col, fld = scored.columns[i], scored.fields[j]
    result.questions.append(ask.conflict(fld, col, JOBS_WHY if jobs_under_a_bare_header(col, fld) else POINTING_WHY))
    match = result.match_for(fld.spec.key)
    if match is not None:  # a yes maps the column asked about, whatever the assignment proposed
        match.column, match.columns, match.auto_applied = col.source, [col.source], False
        match.confidence = min(calibrated(max(scored.pairs[i][j].score, QUESTION_FLOOR)), UNSURE)
        match.rationale = "; ".join(scored.pairs[i][j].reasons) + "; asked, as its header points at the field"


def _ends_in_its_name(col: ColumnInfo, fld: FieldInfo, pair: PairScore) -> bool:
    """'T_shirt_cotton_brand' for brand: a header whose last word is the field's own one-word name (its key, label or
    an alias, in any inflection), the words before it saying which one (words the lexicon may not know), over values
    that do not contradict it: worth a place in the budget, never applied."""
    words = header_words(col.matched or col.header)
    if len(words) < 2 or pair.header <= 0 or pair.fit <= BUDGET_FIT or col.empty:
        return False
    names = [fld.spec.key, fld.spec.label or "", *(fld.spec.aliases or [])]
    own = {stem(n[0]) for n in map(header_words, names) if len(n) == 1}
    return stem(words[-1]) in own


# Share of a column's values that must be the field's own allowed words for them to name it without the header.
VALUES_NAME_FIT = 0.8


def _values_name_enum(col: ColumnInfo, fld: FieldInfo, pair: PairScore) -> bool:
    """Values that are the field's own allowed words ('subscribe', 'unsubscribe' for a subscription status) name the
    field where the header does not ('action'): worth a place in the budget, never applied. Not for a field of
    yes/no words, which many columns hold."""
    if fld.spec.type != "enum" or len(fld.allowed_norm) <= 3 or col.profile.n < 2:
        return False
    return pair.fit >= VALUES_NAME_FIT


def _unlisted_words(col: ColumnInfo, fld: FieldInfo, pair: PairScore) -> bool:
    """Words none of which the enum field lists ('Mock subtype' under 'Type' for a document type) under a header
    that names the field: the source's own vocabulary, which a values question maps; no contradiction of the header.
    Numbers are ids of a list kept elsewhere, not words."""
    if fld.spec.type != "enum" or pair.header < LEFT_OUT_HEADER or pair.fit <= -1.0 or col.profile.alpha < 0.5:
        return False
    # Named only inside a longer header ('Tax status'), it is the state of something else, not the record's. The
    # word for a kind of it names it too ('Type' for a document type).
    return max((s for c, s in col.concepts.items() if related(c, fld.concepts)), default=0.0) >= 0.9


def _names_field(col: ColumnInfo, fld: FieldInfo, pair: PairScore) -> bool:
    """Whether the header names the field by a word for its concept (not by spelling alone), however its values look."""
    if col.other_party or pair.split or pair.header < 0.9:
        return False
    # A concept word inside a longer header ('Tax status', 'Image URL') is not a name for the field.
    return any(s >= 0.9 and related(c, fld.concepts) for c, s in col.concepts.items()) or pair.header >= SURE_HEADER


# Fields that hold a record's own name, which a header saying only 'Name' may mean (Frappe's party 'Name').
_RECORD_NAMES = frozenset({"company", "product_name", "full_name"})


def _left_out_fits(col: ColumnInfo, fld: FieldInfo, pair: PairScore, question: MatchQuestion | None) -> bool:
    """Whether a left-out column is worth offering in the field's question: a header that names the field (values
    aside when the question already doubts the values), header and values together at the question floor, or a
    header saying only 'Name' for a field holding the record's own name."""
    if question is None or pair.split:
        return False
    if col.norm in BARE_NAMES and _RECORD_NAMES & set(fld.concepts) and pair.fit > -1.0:
        return True
    if pair.header >= LEFT_OUT_HEADER and (pair.fit > -1.0 or question.kind == "header_value_conflict"):
        return True
    return pair.score >= QUESTION_FLOOR and pair.header > 0 and pair.fit > -1.0


def _as_which_column(result: SheetMatch, question: MatchQuestion, scored: ScoredSheet, fld: FieldInfo) -> MatchQuestion:
    """The yes/no question about one column, turned into a which-column question offering that column first."""
    source = next((c for c in re.findall(r"'([^']*)'", question.options[0].label)), "")
    cols = [c for c in scored.columns if c.source == source][:1]
    merged = ask.which_column(fld, cols, question.context.split(". ")[0])
    result.questions[result.questions.index(question)] = merged
    return merged
