"""Scoring every (column, field) pair from header and value evidence, one-to-one assignment, and questions.

A pair's raw score combines what the header says and what the values say (ferry.agent.evidence); the fitted
calibration turns it into a confidence. What is sure is applied; what is plausible but not sure is asked, once
per column, with that column as the first option; only what is implausible is left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from ferry.agent import questions as ask
from ferry.agent.assign import maximise_assignment
from ferry.agent.calibrate import calibrated
from ferry.agent.enums import country_code, map_enum_values
from ferry.agent.evidence import (
    SECONDARY_WORDS,
    ColumnInfo,
    FieldInfo,
    columns_of,
    enum_mapping,
    field_info,
    header_score,
    lookup_ids,
    pct,
    related,
    sheet_noise,
    siblings,
    value_fit,
)
from ferry.agent.models import FieldMatch, MatchQuestion, SheetMatch
from ferry.core.domain import SheetManifest, Template

# Calibrated confidence at or above which a mapping is applied without asking.
AUTO_CONFIDENCE = 0.8
# Raw-score floor below which a pair is not a candidate at all.
CANDIDATE_FLOOR = 0.3
# Raw score from which a candidate that is not sure enough to apply is put to the person as a question.
QUESTION_FLOOR = 0.45
# The question floor of a sheet without a header row.
HEADERLESS_FLOOR = 0.2
# An empty column in a sheet of at most this many rows (a template, a sample) is mapped on its header alone.
EMPTY_SURE_ROWS = 50
# Two candidates for a required/unique field closer than this (raw score) are 'close': we ask.
CLOSE_MARGIN = 0.08


@dataclass
class PairScore:
    """The raw score of one (column, field) pair and the evidence behind it."""

    score: float
    header: float
    fit: float
    reasons: list[str]
    conflict: bool = False
    split: bool = False  # the column feeds this field only by splitting a full name


def score_pair(col: ColumnInfo, fld: FieldInfo) -> PairScore:
    """Combine header evidence and value evidence for one pair into a raw score in 0..1."""
    header, header_reason = header_score(col, fld)
    fit, ident, value_reason = value_fit(col, fld)
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
        # No values to check: the header alone speaks, a little less surely; it is never vetoed. In a long
        # export a column empty in every row is asked about rather than applied.
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
    # Values that disagree with a header naming the field; bare digits under a phone header disagree softly.
    disagree = header >= 0.9 and (fit <= -0.5 or (fld.kind == "phone" and fit < 0))
    return PairScore(round(min(1.0, max(0.0, score)), 4), header, fit, reasons, conflict or disagree)


@dataclass
class ScoredSheet:
    """Every pair score of a sheet against a template (columns x fields)."""

    columns: list[ColumnInfo]
    fields: list[FieldInfo]
    pairs: list[list[PairScore]]

    def ranked(self) -> list[tuple[str, str, float]]:
        """(source column, field, raw score) for every pair, best first; ties keep column/field order."""
        flat = [
            (c.source, f.spec.key, self.pairs[i][j].score)
            for i, c in enumerate(self.columns)
            for j, f in enumerate(self.fields)
        ]
        return sorted(flat, key=lambda t: -t[2])


def score_sheet(sheet: SheetManifest, template: Template) -> ScoredSheet:
    """Score every (column, field) pair of a sheet against a template."""
    noise = sheet_noise(sheet, template)
    columns = columns_of(sheet, noise)
    fields = [field_info(f, noise) for f in template.fields]
    pairs = [[score_pair(c, f) for f in fields] for c in columns]
    for i, col in enumerate(columns):
        split = split_score(col)
        for j, fld in enumerate(fields):
            if split > pairs[i][j].score and fld.kind in ("given", "surname"):
                reason = f"'{col.header}' holds full names; the {fld.spec.key} part is split from it"
                pairs[i][j] = PairScore(split, 0.0, 0.0, [reason], split=True)
    return ScoredSheet(columns, fields, pairs)


def split_score(col: ColumnInfo) -> float:
    """How surely a column holds full person names that could be split (0 when it does not)."""
    if col.json_path is not None:
        return 0.0
    strength = col.concepts.get("full_name", 0.0)
    values = col.profile.full_name if col.profile.n else 0.6
    if strength >= 0.9 and col.profile.email < 0.5 and col.profile.number < 0.5:
        return round(0.55 + 0.4 * min(1.0, values / 0.6), 4)
    if col.profile.full_name >= 0.7 and strength >= 0.45:
        return round(0.5 + 0.3 * col.profile.full_name, 4)
    return 0.0


def match_sheet(sheet: SheetManifest, template: Template) -> SheetMatch:
    """Map a sheet's columns onto a template's fields: one-to-one, calibrated, with questions when unsure."""
    scored = score_sheet(sheet, template)
    columns, fields, pairs = scored.columns, scored.fields, scored.pairs
    # Split pairs are not one-to-one candidates: a full-name column feeds first and last name together.
    # Squared, so one sure pair is not traded for two weak ones (1.0 + 0 beats 0.63 + 0.4).
    matrix = [[0.0 if p.split else p.score**2 for p in row] for row in pairs]
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
    _propose_split(scored, result)
    _propose_coalesce(sheet, scored, assigned, result)
    _phone_region(scored, result)
    used = {c for m in result.matches if m.auto_applied for c in m.columns}
    pending = {
        c for m in result.matches if not m.auto_applied and m.columns and _asked(result, m.field) for c in m.columns
    }
    result.unmapped_columns = [c.name for c in sheet.columns if c.name not in used and c.name not in pending]
    return result


def _asked(result: SheetMatch, field_key: str) -> bool:
    return any(q.field == field_key and q.kind != "enum_values" for q in result.questions)


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
    if i is None:
        # Only columns whose values do not flatly contradict the field are worth offering (no address for email).
        plausible = [r for r in ranked[:3] if pairs[r][j].score >= 0.2 and pairs[r][j].fit > -1.0]
        if fld.spec.required and plausible:
            match.rationale = "no column is a clear match"
            questions.append(ask.which_column(fld, _cols(scored, plausible, j), "No column is a clear match"))
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
    _add_type_hints(match, col, fld)
    # Competitors: other columns close behind that are not better used by another field.
    assigned_col_field = {r: c for c, r in assigned.items()}
    rivals = [
        r
        for r in ranked
        if r != i
        and columns[r].source != col.source
        and pairs[r][j].score >= max(CANDIDATE_FLOOR, pair.score - CLOSE_MARGIN)
        and not (r in assigned_col_field and pairs[r][assigned_col_field[r]].score > pairs[r][j].score)
    ]
    auto = match.confidence >= AUTO_CONFIDENCE
    lookup = fld.spec.type == "enum" and lookup_ids(col) and enum_mapping(col, fld).coverage == 0
    if col.other_party:
        auto = False
        match.rationale += f"; the header '{col.header}' suggests it belongs to someone else"
        questions.append(ask.other_party(fld, col))
    elif rivals and fld.key_field:
        auto = False
        match.rationale += f"; '{columns[rivals[0]].source}' is almost as likely"
        questions.append(ask.which_column(fld, _cols(scored, [i, *rivals[:2]], j), "Two columns are close matches"))
    elif pair.conflict and not lookup:
        auto = False
        match.rationale += "; the header and the values disagree"
        if pair.header >= 0.9:
            questions.append(ask.conflict(fld, col, "Its header and its values disagree"))
        elif pair.score >= QUESTION_FLOOR and col.profile.n >= 3:
            # Values alone may carry a column across its header, but only on a few of them at least, and asked.
            questions.append(ask.conflict(fld, col, "Its values fit, its header does not"))
    elif rivals and match.confidence < 0.9:
        auto = False
        match.rationale += f"; '{columns[rivals[0]].source}' is almost as likely"
        questions.append(ask.which_column(fld, _cols(scored, [i, *rivals[:2]], j), "Two columns are close matches"))
    elif lookup and pair.header >= 0.6:
        # Ids into a list the file does not hold: the column is the field's, its values need a map from the person.
        auto = True
        match.confidence = max(match.confidence, calibrated(pair.header))
        match.rationale += f"; its values ({ask.samples_of(col)}) look like ids of a list kept elsewhere"
    elif not auto and pair.score >= (HEADERLESS_FLOOR if col.no_header else QUESTION_FLOOR):
        why = "The best match is not sure enough to apply without asking"
        questions.append(ask.which_column(fld, _cols(scored, [i, *ranked[:3]], j), why))
    match.auto_applied = auto
    if auto:
        _enum_and_date_questions(match, col, fld, questions, lookup)
    return match


def _cols(scored: ScoredSheet, rows: list[int], j: int) -> list[ColumnInfo]:
    """The columns of `rows` worth offering for field j, in order (the first always)."""
    return [scored.columns[r] for n, r in enumerate(rows) if n == 0 or scored.pairs[r][j].score > 0]


def _add_type_hints(match: FieldMatch, col: ColumnInfo, fld: FieldInfo) -> None:
    p = col.profile
    if fld.spec.type in ("date", "datetime") or fld.kind == "date":
        match.hints["date_formats"] = p.dates.formats
        match.hints["date_order"] = p.dates.order
    if fld.spec.type == "phone" or fld.kind == "phone":
        match.hints["default_region"] = None
    if fld.spec.type == "enum" and fld.spec.values:
        mapping = map_enum_values(col.samples, fld.spec.values)
        match.hints["value_map"] = {k: v for k, v in mapping.mapping.items() if v is not None}
        match.hints["unmatched_values"] = mapping.unmatched


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


def _propose_split(scored: ScoredSheet, result: SheetMatch) -> None:
    """first_name/last_name with no confident source, and one full-name column: propose splitting it."""
    first, last = result.match_for("first_name"), result.match_for("last_name")
    if first is None or last is None or first.auto_applied or last.auto_applied:
        return
    taken = {c for m in result.matches if m.auto_applied for c in m.columns}
    best: tuple[float, ColumnInfo] | None = None
    for col in scored.columns:
        score = split_score(col)
        if col.source in taken or score == 0.0:
            continue
        if best is None or score > best[0]:
            best = (score, col)
    if best is None:
        return
    score, col = best
    share = f"{pct(col.profile.full_name)} of {col.profile.n} sampled values"
    for match, part in ((first, "first"), (last, "last")):
        match.column = col.source
        match.columns = [col.source]
        match.confidence = calibrated(score)
        match.auto_applied = match.confidence >= AUTO_CONFIDENCE
        match.hints = {"split": "full_name", "part": part}
        if match.auto_applied:
            match.rationale = (
                f"'{col.header}' holds full names ({share} start with a known given name); the {part} name is "
                "split from it (particles like 'van der' stay with the last name)"
            )
        else:
            match.rationale = (
                f"'{col.header}' may hold full names, but only {share} look like one, so it is not split into the "
                f"{part} name"
            )
        result.questions[:] = [q for q in result.questions if q.field != match.field]


def _propose_coalesce(sheet: SheetManifest, scored: ScoredSheet, assigned: dict[int, int], result: SheetMatch) -> None:
    """A gappy source column with an unused look-alike: fill the gaps from it (phone ← Work Phone, else Mobile).

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
            twin = bool(other.samples) and other.samples == col.samples and p.header >= 0.6
            if not twin and (other.raw_words & SECONDARY_WORDS) - col.raw_words:
                continue  # a home or 'other' number does not stand in for the work one
            if twin or (gappy and p.score >= 0.6 and p.fit >= 0.5 and p.header >= 0.75):
                match.columns = [col.source, other.source]
                match.hints["coalesce"] = [col.source, other.source]
                what = "repeats it" if twin else "fills in"
                match.rationale += f"; where '{col.source}' is blank, '{other.source}' {what}"
                taken.add(other.source)
                break
