"""Scoring every (column, field) pair from header and value evidence, one-to-one assignment, and questions."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler

from ferry.agent.assign import maximise_assignment
from ferry.agent.calibrate import calibrated
from ferry.agent.enums import EnumMapping, country_code, map_enum_values
from ferry.agent.models import FieldMatch, MatchQuestion, QuestionOption, SheetMatch
from ferry.agent.normalize import fold, normalize_header
from ferry.agent.profile import ColumnProfile, profile_column
from ferry.agent.synonyms import (
    BROADER,
    CONCEPTS,
    SOFT_WORDS,
    concepts_of,
    corrected_words,
    has_other_party,
    header_words,
    singular_phrase,
)
from ferry.core.domain import SheetManifest, Template, TemplateField

# Calibrated confidence at or above which a mapping is applied without asking.
AUTO_CONFIDENCE = 0.8
# Raw-score floor below which a pair is not a candidate at all.
CANDIDATE_FLOOR = 0.3
# Two candidates for a required/unique field closer than this (raw score) are 'close': we ask.
CLOSE_MARGIN = 0.08

# Concepts whose values look alike; a header naming a sibling is evidence *against* the field.
_SIBLINGS: tuple[frozenset[str], ...] = (
    frozenset({"first_name", "last_name", "full_name", "middle_name", "salutation"}),
    frozenset({"created_at", "updated_at", "birth_date", "close_date"}),
    frozenset({"phone", "mobile", "fax"}),
    frozenset({"city", "state", "country", "street", "postal_code"}),
    frozenset({"company", "deal_name", "full_name"}),
    frozenset({"amount", "revenue", "employees", "probability", "age"}),
    frozenset({"status", "stage", "type"}),
)

# What a string field's values should look like, from the concept it names.
_CONCEPT_KIND: dict[str, str] = {
    "email": "email", "phone": "phone", "mobile": "phone", "fax": "phone", "website": "url", "linkedin": "url",
    "created_at": "date", "updated_at": "date", "birth_date": "date", "close_date": "date", "country": "country",
    "first_name": "given", "last_name": "surname", "full_name": "fullname", "revenue": "number",
    "employees": "number", "amount": "number", "age": "number", "probability": "number",
}  # fmt: skip


@dataclass
class _Field:
    spec: TemplateField
    norms: set[str]
    compacts: set[str]
    concepts: dict[str, float]
    words: set[str]
    desc_words: set[str]
    fuzzy_targets: list[str]
    kind: str
    allowed_norm: frozenset[str] = frozenset()

    @property
    def key_field(self) -> bool:
        return self.spec.required or self.spec.unique


@dataclass
class _Column:
    name: str
    source: str
    header: str
    samples: list[str]
    filled: int
    norm: str
    compact: str
    words: set[str]
    concepts: dict[str, float]
    profile: ColumnProfile
    other_party: bool
    json_key: str | None = None
    enum_cache: dict[str, EnumMapping] = field(default_factory=dict)

    @property
    def top_concept(self) -> tuple[str, float] | None:
        if not self.concepts:
            return None
        return max(self.concepts.items(), key=lambda kv: (kv[1], kv[0]))


@dataclass
class PairScore:
    """The raw score of one (column, field) pair and the evidence behind it."""

    score: float
    header: float
    fit: float
    reasons: list[str]
    conflict: bool = False
    split: bool = False  # the column feeds this field only by splitting a full name


def _content(words: tuple[str, ...] | set[str]) -> set[str]:
    return {w for w in words if w not in SOFT_WORDS and len(w) > 1}


def _field_info(spec: TemplateField) -> _Field:
    names = [spec.key, *([spec.label] if spec.label else []), *(spec.aliases or [])]
    norms = {normalize_header(n) for n in names} - {""}
    norms |= {singular_phrase(n) for n in norms}
    concepts: dict[str, float] = {}
    for name in names:
        for concept, strength in concepts_of(name).items():
            concepts[concept] = max(concepts.get(concept, 0.0), strength)
    if any(s >= 0.9 for s in concepts.values()):
        # A field that names a concept outright is that concept; partial hits ('name' in 'first_name') are noise.
        concepts = {c: s for c, s in concepts.items() if s >= 0.9}
    words: set[str] = set()
    for name in names:
        words |= _content(header_words(name))
    desc_words = {w for w in _content(header_words(spec.description or "")) if len(w) >= 4}
    fuzzy_targets = sorted(norms)
    for concept, strength in concepts.items():
        if strength >= 0.9:
            fuzzy_targets.extend(normalize_header(p) for p in CONCEPTS[concept][:6])
    kind: str = spec.type
    if spec.type == "string":
        strong = [c for c, s in concepts.items() if s >= 0.9 and c in _CONCEPT_KIND]
        kind = _CONCEPT_KIND[sorted(strong)[0]] if strong else "string"
    allowed = frozenset(_norm_value(v) for v in spec.values or [])
    return _Field(
        spec=spec,
        norms=norms,
        compacts={n.replace(" ", "") for n in norms},
        concepts=concepts,
        words=words,
        desc_words=desc_words,
        fuzzy_targets=list(dict.fromkeys(fuzzy_targets)),
        kind=kind,
        allowed_norm=allowed,
    )


def _norm_value(value: str) -> str:
    return " ".join(fold(value).replace("_", " ").split())


def _column_info(
    name: str, header: str, samples: list[str], filled: int, source: str, json_key: str | None = None
) -> _Column:
    norm = normalize_header(header or name)
    return _Column(
        name=name,
        source=source,
        header=header or name,
        samples=samples,
        filled=filled,
        norm=norm,
        compact=norm.replace(" ", ""),
        words=_content(header_words(header or name)),
        concepts=concepts_of(header or name),
        profile=profile_column(samples),
        other_party=has_other_party(header or name),
        json_key=json_key,
    )


def _columns_of(sheet: SheetManifest) -> list[_Column]:
    out: list[_Column] = []
    for col in sheet.columns:
        info = _column_info(col.name, col.header, col.samples, col.filled, col.name)
        out.append(info)
        if info.profile.json_object >= 0.8:
            # Each key of a JSON column competes as a column of its own; a match extracts it with a json_path.
            for key in info.profile.json_keys[:12]:
                values: list[str] = []
                for sample in col.samples:
                    try:
                        obj = json.loads(sample)
                    except ValueError:
                        continue
                    if isinstance(obj, dict) and obj.get(key) not in (None, ""):
                        values.append(str(obj[key]))
                out.append(_column_info(f"{col.name}.{key}", key, values, col.filled, col.name, json_key=key))
    return out


def _related(concept: str, field_concepts: dict[str, float]) -> bool:
    if concept in field_concepts:
        return True
    if any(b in field_concepts for b in BROADER.get(concept, ())):
        return True
    return any(concept in BROADER.get(f, ()) for f in field_concepts)


def _siblings(concept: str, field_concepts: dict[str, float]) -> bool:
    return any(concept in group and any(f in group for f in field_concepts) for group in _SIBLINGS)


def _pct(share: float) -> str:
    return f"{round(share * 100)}%"


def _enum_mapping(col: _Column, fld: _Field) -> EnumMapping:
    cached = col.enum_cache.get(fld.spec.key)
    if cached is None:
        values = fld.spec.values or []
        samples = col.samples
        if len(values) > 60:
            # Long vocabularies (GDC-size): exact matches only; fuzzy over thousands of values is slow and noisy.
            cached = EnumMapping(
                mapping={s: (s if _norm_value(s) in fld.allowed_norm else None) for s in samples},
                confidence={s: (1.0 if _norm_value(s) in fld.allowed_norm else 0.0) for s in samples},
            )
        else:
            cached = map_enum_values(samples, values)
        col.enum_cache[fld.spec.key] = cached
    return cached


def _value_fit(col: _Column, fld: _Field) -> tuple[float, float, str]:
    """(fit in -1..1, how much the values alone identify the field 0..1, reason)."""
    p = col.profile
    if p.n == 0:
        return 0.0, 0.0, ""
    kind = fld.kind

    def share_fit(share: float, ident: float, what: str) -> tuple[float, float, str]:
        # A typed column tolerates a little junk; half of the values of another kind is a contradiction.
        fit = max(-1.0, min(1.0, (share - 0.75) * 4))
        return fit, ident * share if share >= 0.6 else 0.0, f"{_pct(share)} of samples are {what}"

    if kind == "email":
        return share_fit(p.email, 0.8, "email addresses")
    if kind == "url":
        return share_fit(p.url, 0.6, "web addresses")
    if kind == "phone":
        return share_fit(p.phone, 0.65, "phone numbers")
    if kind in ("date", "datetime"):
        return share_fit(p.date, 0.45, "dates")
    if kind in ("integer", "number"):
        fit, _, reason = share_fit(p.number, 0.0, "numbers")
        return fit, 0.0, reason
    if kind == "boolean":
        return share_fit(p.boolean, 0.35, "yes/no values")
    if kind == "country":
        return share_fit(p.country, 0.6, "countries")
    if kind == "enum":
        if not fld.allowed_norm:
            return 0.0, 0.0, ""
        mapping = _enum_mapping(col, fld)
        if not mapping.mapping:
            return 0.0, 0.0, ""
        cov = sum(mapping.confidence[v] for v, t in mapping.mapping.items() if t is not None) / len(mapping.mapping)
        fit = max(-1.0, min(1.0, (cov - 0.4) / 0.6))
        if _exact_name(col, fld):
            # The header names the field outright: unknown values are a question about values, not about the column.
            fit = max(fit, -0.2)
        # Yes/no style value lists are common to many columns; they identify a field only weakly.
        generic = len(fld.allowed_norm) <= 3 and fld.allowed_norm <= {"yes", "no", "true", "false", "unknown"}
        ident = cov * (0.35 if generic else 0.75) if cov >= 0.5 else 0.0
        return fit, ident, f"{_pct(mapping.coverage)} of sampled values match allowed values"
    specific = max(p.email, p.url, p.date, p.json_object, p.number, p.phone if p.integer < 0.5 else 0.0)
    if kind in ("given", "surname", "fullname") and specific >= 0.8:
        return -1.0, 0.0, f"but samples are {p.kind()}"
    if kind == "given":
        if p.full_name >= 0.5:
            return -0.3, 0.0, f"{_pct(p.full_name)} of samples are full names"
        if p.given_name >= 0.5:
            return 0.6, 0.5 * p.given_name, f"{_pct(p.given_name)} of samples are common given names"
        return (0.1 if p.person_name >= 0.6 else -0.2 if p.alpha < 0.5 else 0.0), 0.0, ""
    if kind == "surname":
        if p.given_name >= 0.5:
            return -0.8, 0.0, f"but {_pct(p.given_name)} of samples are common given names"
        if p.full_name >= 0.5:
            return -0.3, 0.0, f"{_pct(p.full_name)} of samples are full names"
        return (0.2 if p.person_name >= 0.6 else -0.2 if p.alpha < 0.5 else 0.0), 0.0, ""
    if kind == "fullname":
        if p.full_name >= 0.5:
            return 0.6, 0.45 * p.full_name, f"{_pct(p.full_name)} of samples are full person names"
        return (-0.3 if p.email >= 0.5 or p.number >= 0.8 or p.date >= 0.8 else 0.0), 0.0, ""
    # Plain text field: values clearly of another kind are evidence against it.
    specific = max(p.email, p.url, p.date, p.json_object, p.phone if p.integer < 0.5 else 0.0)
    if specific >= 0.8:
        return -0.6, 0.0, f"but samples are {p.kind()}"
    return 0.0, 0.0, ""


def _exact_name(col: _Column, fld: _Field) -> bool:
    return col.norm in fld.norms or col.compact in fld.compacts or singular_phrase(col.norm) in fld.norms


def _header_score(col: _Column, fld: _Field) -> tuple[float, str]:
    if _exact_name(col, fld):
        return 1.0, f"header '{col.header}' is the field name"
    fixed = corrected_words(col.header)
    if fixed is not None and " ".join(fixed) in fld.norms:
        return 0.92, f"header '{col.header}' is a misspelling of {fld.spec.key}"
    best, reason = 0.0, ""
    for concept, strength in col.concepts.items():
        if concept in fld.concepts:
            s = strength * fld.concepts[concept]
            if s > best:
                best, reason = s, f"header '{col.header}' is a synonym of {fld.spec.key}"
        elif _related(concept, fld.concepts):
            s = 0.8 * strength * max(fld.concepts.values())
            if s > best:
                best, reason = s, f"header '{col.header}' is a kind of {fld.spec.key}"
    if best >= 0.95:
        return best, reason
    top = col.top_concept
    if top is not None and top[1] >= 0.9 and not _related(top[0], fld.concepts):
        # The header is a known word for something else ('Stadt' is city): a look-alike spelling means nothing.
        return best, reason
    fuzzy = 0.0
    for target in fld.fuzzy_targets:
        f = max(fuzz.ratio(col.norm, target), fuzz.token_sort_ratio(col.norm, target)) / 100
        if min(len(col.compact), len(target)) >= 5:
            f = max(f, JaroWinkler.similarity(col.compact, target.replace(" ", "")) - 0.04)
        fuzzy = max(fuzzy, f)
    h_fuzzy = max(0.0, (fuzzy - 0.6) / 0.4) * 0.85
    if h_fuzzy > best:
        best, reason = h_fuzzy, f"header '{col.header}' is spelled like {fld.spec.key}"
    if col.words and fld.words:
        overlap = len(col.words & fld.words) / len(col.words | fld.words)
        if 0.8 * overlap > best:
            best, reason = 0.8 * overlap, f"header '{col.header}' shares words with {fld.spec.key}"
    if fld.desc_words and col.words:
        hits = col.words & fld.desc_words
        if hits and min(0.5, 0.25 * len(hits)) > best:
            best, reason = min(0.5, 0.25 * len(hits)), f"header words appear in the description of {fld.spec.key}"
    return best, reason


def score_pair(col: _Column, fld: _Field) -> PairScore:
    """Combine header evidence and value evidence for one pair into a raw score in 0..1."""
    header, header_reason = _header_score(col, fld)
    fit, ident, value_reason = _value_fit(col, fld)
    multiplier = 1 + 0.1 * fit if fit >= 0 else 1 + 0.5 * fit
    header_part = header * multiplier
    value_part = ident * max(fit, 0.0)
    conflict = False
    top = col.top_concept
    if top is not None and top[1] >= 0.9 and header < 0.9 and not _related(top[0], fld.concepts):
        # The header names another concept: values alone must not pull the column across, least of all
        # to a look-alike ('Surname' holding given names is not silently first_name).
        sibling = _siblings(top[0], fld.concepts)
        value_part *= 0.4 if sibling else 0.8
        conflict = value_part > header_part
    # Agreeing evidence adds up, but never lifts a pair past certainty (a noisy-or on the weaker part).
    best_part = max(header_part, value_part)
    score = best_part + 0.3 * min(header_part, value_part) * (1 - best_part)
    if col.filled == 0 and col.samples == []:
        score *= 0.5
    if col.other_party:
        score *= 0.6
    reasons = [r for r in (header_reason if header >= 0.3 else "", value_reason) if r]
    if header < 0.3 and value_part > 0:
        reasons.insert(0, f"matched by its values (header '{col.header}' does not name {fld.spec.key})")
    if col.json_key is not None:
        reasons.append(f"taken from the JSON key '{col.json_key}' of column '{col.source}'")
    return PairScore(
        round(min(1.0, max(0.0, score)), 4),
        header,
        fit,
        reasons,
        conflict or (header >= 0.9 > fit >= -1 and fit <= -0.5),
    )


@dataclass
class ScoredSheet:
    """Every pair score of a sheet against a template (columns x fields)."""

    columns: list[_Column]
    fields: list[_Field]
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
    columns = _columns_of(sheet)
    fields = [_field_info(f) for f in template.fields]
    pairs = [[score_pair(c, f) for f in fields] for c in columns]
    for i, col in enumerate(columns):
        split = _split_score(col)
        for j, fld in enumerate(fields):
            if split > pairs[i][j].score and fld.kind in ("given", "surname"):
                reason = f"'{col.header}' holds full names; the {fld.spec.key} part is split from it"
                pairs[i][j] = PairScore(split, 0.0, 0.0, [reason], split=True)
    return ScoredSheet(columns, fields, pairs)


def _split_score(col: _Column) -> float:
    """How surely a column holds full person names that could be split (0 when it does not)."""
    if col.json_key is not None:
        return 0.0
    strength = col.concepts.get("full_name", 0.0)
    values = col.profile.full_name if col.profile.n else 0.6
    if strength >= 0.9 and col.profile.email < 0.5 and col.profile.number < 0.5:
        return round(0.55 + 0.4 * min(1.0, values / 0.6), 4)
    if col.profile.full_name >= 0.7 and strength >= 0.45:
        return round(0.5 + 0.3 * col.profile.full_name, 4)
    return 0.0


def _option(label: str, index: int) -> QuestionOption:
    return QuestionOption(id=f"opt_{index}", label=label)


def match_sheet(sheet: SheetManifest, template: Template) -> SheetMatch:
    """Map a sheet's columns onto a template's fields: one-to-one, calibrated, with questions when ambiguous."""
    scored = score_sheet(sheet, template)
    columns, fields, pairs = scored.columns, scored.fields, scored.pairs
    # Split pairs are not one-to-one candidates: a full-name column feeds first and last name together.
    matrix = [[0.0 if p.split else p.score for p in row] for row in pairs]
    assigned = dict((j, i) for i, j in maximise_assignment(matrix, CANDIDATE_FLOOR))
    # A real column taken by one JSON key may not be taken again by its parent or a sibling key.
    result = SheetMatch()
    used_sources: dict[str, str] = {}
    for j in sorted(assigned, key=lambda j: -matrix[assigned[j]][j]):
        source = columns[assigned[j]].source
        if source in used_sources and (columns[assigned[j]].json_key is None):
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
    fld: _Field,
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
            questions.append(_which_column_question(fld, plausible, scored, j, "No column is a clear match"))
        else:
            match.rationale = "no column matches"
        return match
    col, pair = columns[i], pairs[i][j]
    match.column = col.source
    match.columns = [col.source]
    match.confidence = calibrated(pair.score)
    match.rationale = "; ".join(pair.reasons) or "weak similarity"
    if col.json_key is not None:
        match.hints["json_path"] = f"$.{col.json_key}"
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
    if col.other_party:
        auto = False
        match.rationale += f"; the header '{col.header}' suggests it belongs to someone else"
        questions.append(
            MatchQuestion(
                id=f"q_{key}_other_party",
                question=f"Is '{col.header}' the record's own {fld.spec.label or key}?",
                context=f"The header suggests the value belongs to another person. Samples: {_samples(col)}.",
                options=[_option(f"Yes, map '{col.header}' to {key}", 1), _option(f"No, leave {key} empty", 2)],
                field=key,
                kind="other_party",
            )
        )
    elif rivals and fld.key_field:
        auto = False
        match.rationale += f"; '{columns[rivals[0]].source}' is almost as likely"
        questions.append(_which_column_question(fld, [i, *rivals[:2]], scored, j, "Two columns are close matches"))
    elif pair.conflict:
        auto = False
        match.rationale += "; the header and the values disagree"
        if fld.key_field:
            questions.append(
                MatchQuestion(
                    id=f"q_{key}_conflict",
                    question=f"Should '{col.header}' fill {fld.spec.label or key}?",
                    context=f"Its header and its values disagree. Samples: {_samples(col)}.",
                    options=[_option(f"Yes, map '{col.header}' to {key}", 1), _option(f"No, leave {key} empty", 2)],
                    field=key,
                    kind="header_value_conflict",
                )
            )
    elif rivals and match.confidence < 0.9:
        auto = False
        match.rationale += f"; '{columns[rivals[0]].source}' is almost as likely"
    elif not auto and fld.spec.required and pair.score >= 0.45:
        questions.append(_which_column_question(fld, [i, *ranked[:3]], scored, j, "The best match is uncertain"))
    match.auto_applied = auto
    if auto:
        _enum_and_date_questions(match, col, fld, questions)
    return match


def _samples(col: _Column, k: int = 3) -> str:
    return ", ".join(f"'{s}'" for s in col.samples[:k]) or "none"


def _which_column_question(fld: _Field, rows: list[int], scored: ScoredSheet, j: int, why: str) -> MatchQuestion:
    key = fld.spec.key
    seen: list[int] = []
    for r in rows:
        if r not in seen and scored.pairs[r][j].score > 0:
            seen.append(r)
    options = [_option(f"'{scored.columns[r].source}'", n) for n, r in enumerate(seen[:3], start=1)]
    options.append(_option(f"None of these: leave {key} empty", len(options) + 1))
    context = "; ".join(f"'{scored.columns[r].source}': {_samples(scored.columns[r])}" for r in seen[:3])
    return MatchQuestion(
        id=f"q_{key}_column",
        question=f"Which column holds {fld.spec.label or key}?",
        context=f"{why}. {context}",
        options=options,
        allow_custom=True,
        field=key,
        kind="which_column",
    )


def _add_type_hints(match: FieldMatch, col: _Column, fld: _Field) -> None:
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


def _enum_and_date_questions(match: FieldMatch, col: _Column, fld: _Field, questions: list[MatchQuestion]) -> None:
    key = fld.spec.key
    if match.hints.get("date_order") is None and col.profile.dates.ambiguous:
        questions.append(
            MatchQuestion(
                id=f"q_{key}_date_order",
                question=f"Are the dates in '{col.header}' day-first or month-first?",
                context=f"Samples: {_samples(col)}; {col.profile.dates.evidence}.",
                options=[_option("Day first (DD/MM/YYYY)", 1), _option("Month first (MM/DD/YYYY)", 2)],
                field=key,
                kind="date_order",
            )
        )
    unmatched: list[str] = match.hints.get("unmatched_values", [])
    if unmatched:
        shown = ", ".join(f"'{v}'" for v in unmatched[:5])
        allowed = fld.spec.values or []
        options = [_option(f"Make {'them' if len(unmatched) > 1 else 'it'} '{v}'", k) for k, v in enumerate(allowed, 1)]
        options.append(_option("Leave empty", len(options) + 1))
        questions.append(
            MatchQuestion(
                id=f"q_{key}_values",
                question=f"What should {shown} in '{col.header}' become in {fld.spec.label or key}?",
                context=f"No allowed value matches: {', '.join(allowed)}. Answer with a custom mapping such as "
                f"'{unmatched[0]}={allowed[0]}' to map values one by one.",
                options=options,
                allow_custom=True,
                field=key,
                kind="enum_values",
            )
        )


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
    best: tuple[float, _Column] | None = None
    for col in scored.columns:
        score = _split_score(col)
        if col.source in taken or score == 0.0:
            continue
        if best is None or score > best[0]:
            best = (score, col)
    if best is None:
        return
    score, col = best
    for match, part in ((first, "first"), (last, "last")):
        match.column = col.source
        match.columns = [col.source]
        match.confidence = calibrated(score)
        match.auto_applied = match.confidence >= AUTO_CONFIDENCE
        match.hints = {"split": "full_name", "part": part}
        if match.auto_applied:
            match.rationale = (
                f"'{col.header}' holds full names ({_pct(col.profile.full_name)} of samples); "
                f"the {part} name is split from it (particles like 'van der' stay with the last name)"
            )
        else:
            match.rationale = (
                f"'{col.header}' may hold full names, but only {_pct(col.profile.full_name)} of samples look like "
                f"one, so it is not split into the {part} name"
            )
        result.questions[:] = [q for q in result.questions if q.field != match.field]


def _propose_coalesce(sheet: SheetManifest, scored: ScoredSheet, assigned: dict[int, int], result: SheetMatch) -> None:
    """A gappy source column with an unused look-alike: fill the gaps from it (phone ← Work Phone, else Mobile)."""
    taken = {c for m in result.matches for c in m.columns}
    for j, fld in enumerate(scored.fields):
        i = assigned.get(j)
        match = result.matches[j]
        if i is None or not match.auto_applied or fld.spec.unique or match.hints.get("split"):
            continue
        col = scored.columns[i]
        if sheet.row_count == 0 or col.filled >= 0.95 * sheet.row_count:
            continue
        for r, other in enumerate(scored.columns):
            if other.source in taken or other.json_key is not None:
                continue
            p = scored.pairs[r][j]
            if p.score >= 0.6 and p.fit >= 0.5 and p.header >= 0.6:
                match.columns = [col.source, other.source]
                match.hints["coalesce"] = [col.source, other.source]
                match.rationale += f"; where '{col.source}' is blank, '{other.source}' fills in"
                taken.add(other.source)
                break
