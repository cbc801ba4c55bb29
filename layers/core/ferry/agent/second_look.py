"""Second looks at a scored sheet: passes that adjust pair scores before the assignment (a field's own name before
another that also names it, a primary value before the list it was picked from, a bare 'Name' as a ticket's subject)
and passes that revisit the matches after it (a narrower kind chosen over the plain one, enum values under a kindred
header, a record's name in its description column, a second address line alone, a full name worth splitting), so
that what is unsure is asked once and nothing plausible is left for the person to notice alone."""

from __future__ import annotations

import re
from collections.abc import Callable

from ferry.agent import questions as ask
from ferry.agent.calibrate import calibrated
from ferry.agent.enums import map_enum_values
from ferry.agent.evidence import ColumnInfo, FieldInfo, enum_mapping, lookup_ids, pct, related, siblings
from ferry.agent.given_names_alone import given_names_alone, take_as_given_name
from ferry.agent.login_beside_name import split_rank
from ferry.agent.models import FieldMatch, SheetMatch
from ferry.agent.normalize import normalize_header
from ferry.agent.others_names import names_someone_else
from ferry.agent.pairs import (
    AUTO_SCORE,
    BARE_NAMES,
    QUESTION_FLOOR,
    RIVAL_HEADER,
    SURE_HEADER,
    UNSURE,
    PairScore,
    ScoredSheet,
)
from ferry.agent.party_headers import (
    ASK_SPLIT_SCORE,
    header_alone_names_a_party,
    header_alone_names_maybe_an_organisation,
)
from ferry.agent.profile import ColumnProfile
from ferry.agent.worded_states import state_value_map

NAMING_TITLE = 0.9  # a bare 'Name' for a ticket's subject: names it, short of its own key


def plainer_kind(i: int, j: int, scored: ScoredSheet, assigned_col_field: dict[int, int]) -> int | None:
    """Another column whose header names the field's own concept, when the chosen one names a narrower kind of it
    ('fixedPhone' beside 'mobilePhone' for a phone): values that fit, not used by another field, if any."""
    col, fld = scored.columns[i], scored.fields[j]
    top = col.top_concept
    if top is None or top[0] in fld.concepts or not related(top[0], fld.concepts):
        return None
    for r, other in enumerate(scored.columns):
        pair = scored.pairs[r][j]
        if r == i or r in assigned_col_field or other.empty or other.top_concept is None:
            continue
        if other.top_concept[0] in fld.concepts and pair.fit > 0 and not pair.conflict and pair.score >= QUESTION_FLOOR:
            return r
    return None


def ask_enum_sibling(scored: ScoredSheet, result: SheetMatch) -> None:
    """'Stage' of lead/customer/churned for a status nothing fills or asks about: the header names a kindred concept,
    so the values alone are held back from applying it, but values that are the field's own vocabulary are worth a
    question (a yes maps the column), never a column the person must notice alone."""
    named = {c for q in result.questions for o in q.options for c in re.findall(r"'([^']*)'", o.label)}
    taken = {c for m in result.matches if m.auto_applied for c in m.columns} | named
    for j, fld in enumerate(scored.fields):
        match = result.matches[j]
        if match.auto_applied or field_asked(result, fld.spec.key):
            continue
        found = [i for i, c in enumerate(scored.columns) if c.source not in taken and enum_values_elsewhere(c, fld)]
        if not found:
            continue
        i = max(found, key=lambda r: scored.pairs[r][j].score)
        col = scored.columns[i]
        match.column, match.columns = col.source, [col.source]
        match.confidence = min(calibrated(scored.pairs[i][j].score), UNSURE)
        match.rationale = f"its values are {fld.spec.key} values, but its header '{col.header}' names something else"
        add_type_hints(match, col, fld)
        result.questions.append(ask.conflict(fld, col, f"Its values are {fld.spec.key} values; its header is another"))
        taken.add(col.source)


def name_in_description(scored: ScoredSheet, result: SheetMatch) -> None:
    """A required name nothing fills or asks about, while a description column holds short, distinct one-line titles
    ('descripcion' of 'Alquiler de oficina/local' in an ERP's products, where the description is the name): such a
    column names the record more likely than it describes it, so it is not applied as the description but offered
    for the name, first."""
    for fld in scored.fields:
        match = result.match_for(fld.spec.key)
        if not fld.spec.required or fld.spec.type != "string" or match is None or match.auto_applied:
            continue
        if field_asked(result, fld.spec.key) or not {"product_name", "full_name", "company"} & set(fld.concepts):
            continue
        for other in result.matches:
            spec = next(f for f in scored.fields if f.spec.key == other.field)
            col = next((c for c in scored.columns if other.auto_applied and c.source == other.column), None)
            if col is None or spec.spec.required or not {"description", "notes"} & set(spec.concepts):
                continue
            p = col.profile
            if p.n < 3 or p.distinct < 0.9 * p.n or p.mean_len > 60 or p.number >= 0.5 or "\n" in "".join(col.samples):
                continue
            other.auto_applied = False
            other.confidence = min(other.confidence, UNSURE)
            other.rationale += f"; its values are short distinct titles, more likely the {fld.spec.key}"
            match.column, match.columns = col.source, [col.source]
            match.confidence = UNSURE
            why = f"No column names {fld.spec.key}; '{col.header}' holds short distinct titles"
            result.questions.append(ask.which_column(fld, [col], why))
            break


def enum_values_elsewhere(col: ColumnInfo, fld: FieldInfo) -> bool:
    """Most values, on a few rows at least, are an enum field's own allowed values (words, not yes/no flags) under a
    header whose concept is a sibling of the field's ('Stage' for a status)."""
    top = col.top_concept
    if fld.spec.type != "enum" or not fld.allowed_norm or top is None or not siblings(top[0], fld.concepts):
        return False
    if max(col.profile.n, col.filled) < 3 or col.profile.boolean >= 0.6 or lookup_ids(col):
        return False
    return enum_mapping(col, fld).coverage >= 0.8


def own_name_first(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """'customer_number' beside 'id' for a field labelled 'Customer number': both count as the field's name, but the
    one that spells the field's own key or label is it; the other keeps its evidence just short of it, so that a
    tie is no choice to put to a person."""
    for j, fld in enumerate(fields):
        names = {normalize_header(n) for n in (fld.spec.key, fld.spec.label or fld.spec.key)}
        own = [i for i, c in enumerate(columns) if c.norm in names and pairs[i][j].header >= 1.0]
        if len(own) != 1 or columns[own[0]].empty:
            continue
        for i, col in enumerate(columns):
            p = pairs[i][j]
            if i != own[0] and p.header >= 1.0 and col.norm not in names:
                pairs[i][j] = PairScore(min(p.score, 0.99), 0.99, p.fit, p.reasons, p.conflict, p.split, p.record_key)


# The fields a record of people or companies is named by: a bare 'Name' there is that name, not a title.
_OWN_NAMES = frozenset({"full_name", "first_name", "last_name", "company"})


def bare_name_is_title(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """A bare 'Name' in a file of records named by a subject or title (tickets, issues, publications), in a template
    with no field of a person's or company's own name, is the record's own title ('Implement user authentication'),
    not the name of the person who raised it or works on it; values that are people's names are left as they are."""
    titles = [j for j, f in enumerate(fields) if f.concepts.get("subject", 0.0) >= 0.9]
    tops = {max(f.concepts.items(), key=lambda kv: (kv[1], kv[0]))[0] for f in fields if f.concepts}
    if len(titles) != 1 or tops & _OWN_NAMES or any(f.spec.key == "name" for f in fields):
        return
    j = titles[0]
    key = fields[j].spec.key
    for i, col in enumerate(columns):
        p = col.profile
        if col.norm not in BARE_NAMES or col.empty or max(p.person_name, p.full_name, p.given_name) >= 0.5:
            continue
        was = pairs[i][j]
        reason = f"a bare '{col.header}' in records named by their {key} is the record's own {key}"
        pairs[i][j] = PairScore(max(was.score, NAMING_TITLE), NAMING_TITLE, was.fit, [reason, *was.reasons])
        for k in range(len(fields)):
            other = pairs[i][k]
            if k != j and other.score > 0:  # the requester's or assignee's name is in another column, if anywhere
                pairs[i][k] = PairScore(min(other.score, 0.3), min(other.header, 0.3), other.fit, other.reasons)


def plurals(key: str) -> set[str]:
    word = key.replace("_", " ")
    return {word + "s", word + "es", word[:-1] + "ies" if word.endswith("y") else word + "s"}


def primary_beside_plural(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """'Categories' (a list of several) beside 'Primary Category' for one category: the primary one is the record's
    one value; the plural, though it spells the field's name, is the list it was picked from."""
    for j, fld in enumerate(fields):
        plural = [i for i, c in enumerate(columns) if c.norm in plurals(fld.spec.key) and c.norm != fld.spec.key]
        primary = [
            r
            for r, c in enumerate(columns)
            if c.raw_words & {"primary", "main"} and pairs[r][j].header >= RIVAL_HEADER and pairs[r][j].fit >= 0
        ]
        if len(plural) != 1 or len(primary) != 1 or columns[primary[0]].empty:
            continue
        i, r = plural[0], primary[0]
        was = pairs[r][j]
        reason = f"'{columns[r].header}' is the one {fld.spec.key} picked from the list '{columns[i].header}'"
        pairs[r][j] = PairScore(max(was.score, pairs[i][j].score), was.header, was.fit, [*was.reasons, reason])
        old = pairs[i][j]
        note = f"a list of several; '{columns[r].header}' holds the one {fld.spec.key}"
        pairs[i][j] = PairScore(round(min(old.score, 0.6), 4), min(old.header, 0.6), old.fit, [*old.reasons, note])


def field_asked(result: SheetMatch, field_key: str) -> bool:
    return any(
        (q.field == field_key and q.kind != "enum_values") or any(field_key in b for b in q.blocks.values())
        for q in result.questions
    )


def add_type_hints(match: FieldMatch, col: ColumnInfo, fld: FieldInfo) -> None:
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
    match.hints.update(state_value_map(col.samples) if fld.spec.type == "boolean" else {})  # 'Active' -> yes


def second_line_alone(scored: ScoredSheet, result: SheetMatch) -> None:
    """A second address line applied while no column fills the first ('Unit Num' of a community's members, no street):
    alone it continues no address, and may be a flat or a plot number of something else, so it is asked, not applied."""
    first = [f.spec.key for f in scored.fields if f.kind == "street"]
    if len(first) != 1 or any(m.auto_applied for m in result.matches if m.field == first[0]):
        return
    for fld in scored.fields:
        match = result.match_for(fld.spec.key)
        col = next((c for c in scored.columns if match is not None and c.source == match.column), None)
        if fld.kind != "street2" or match is None or not match.auto_applied or col is None:
            continue
        match.auto_applied = False
        match.confidence = min(match.confidence, UNSURE)
        match.rationale += f"; no column fills {first[0]}, the line it would continue"
        result.questions.append(
            ask.conflict(fld, col, f"It would be a second address line, but no column fills {first[0]}")
        )


# Share of e-mail addresses from which a column gives each row an owner whom a name column then names.
ADDRESSED_ROWS = 0.8


def ask_split(scored: ScoredSheet, result: SheetMatch) -> None:
    """A proposed split not sure enough to apply, of a column no question names: asked once (about the first name; a
    yes applies both parts), never left for the person to notice alone."""
    first = result.match_for("first_name")
    if first is None or first.auto_applied or first.hints.get("split") != "full_name":
        return
    named = {c for q in result.questions for o in q.options for c in re.findall(r"'([^']*)'", o.label)}
    col = next((c for c in scored.columns if c.source == first.column), None)
    if col is None or col.source in named:
        return
    # Several words, none a given name and a surname ('Central Warehouse'): no person's name to split, unless each row
    # carries an e-mail address, whose owner the name then names ('Super Man' beside super@man.com).
    addressed = any(c.profile.email >= ADDRESSED_ROWS for c in scored.columns)
    if col.profile.multiword >= 0.5 and col.profile.full_name < 0.3 and not col.profile.placeholder and not addressed:
        return
    share = f"{pct(col.profile.full_name)} of {col.profile.n} sampled values"
    fld = next(f for f in scored.fields if f.spec.key == "first_name")
    question = ask.conflict(fld, col, f"It may hold whole names ({share} look like one)")
    question.question = f"Should '{col.source}' be split into the first and the last name?"
    question.options[0].label = f"Yes, split '{col.source}' into first_name and last_name"
    result.questions.append(question)


def bare_name_beside(columns: list[ColumnInfo], fields: list[FieldInfo], pairs: list[list[PairScore]]) -> None:
    """A bare 'name' beside a column naming one part of a person's name is the other part: next to 'lastname' the
    given name (phpList, 'Nombre' beside 'Apellidos'); next to 'firstName' the surname, when it holds single words,
    not whole names (Axelor, 'Nom' of 'ROGER' beside 'Prénom' of 'Jean-Marc')."""
    given = [j for j, f in enumerate(fields) if f.kind == "given"]
    surname = [j for j, f in enumerate(fields) if f.kind == "surname"]
    if len(given) != 1 or len(surname) != 1:
        return
    g, s = given[0], surname[0]
    _bare_name(columns, pairs, named=s, other=g, fits=_not_whole_names, said=("last-name", "first name"))
    _bare_name(columns, pairs, named=g, other=s, fits=_single_words, said=("first-name", "last name"), filled=True)


def _not_whole_names(p: ColumnProfile) -> bool:
    return p.full_name < 0.5


def _single_words(p: ColumnProfile) -> bool:
    """Single words, not whole names, numbers or e-mail addresses."""
    return p.full_name < 0.3 and p.multiword < 0.5 and p.number < 0.5 and p.email <= 0


def _bare_name(
    columns: list[ColumnInfo],
    pairs: list[list[PairScore]],
    *,
    named: int,
    other: int,
    fits: Callable[[ColumnProfile], bool],
    said: tuple[str, str],
    filled: bool = False,
) -> None:
    """Score each bare-name column (whose values `fits`) for field `other` when exactly one column surely names
    field `named` and none names `other`; `said` is (the named column's kind, what the bare name then is)."""
    if any(row[other].header >= SURE_HEADER for row in pairs):
        return  # a column already names the other part
    beside = [
        c for c, row in zip(columns, pairs, strict=True) if row[named].header >= SURE_HEADER and not row[named].conflict
    ]
    if len(beside) != 1:
        return
    for i, col in enumerate(columns):
        if col.norm in BARE_NAMES and col is not beside[0] and not (filled and col.empty) and fits(col.profile):
            reason = f"header '{col.header}' beside the {said[0]} column '{beside[0].header}' is the {said[1]}"
            pairs[i][other] = PairScore(0.9, 0.9, 0.0, [reason])


def split_score(col: ColumnInfo) -> float:
    """How well a column's values split into the first and last name; a name the header gives to someone else
    ('employee.manager.name', 'Supervisor Name') is asked, never split into the record's own (agent/others_names.py)."""
    score = _whole_name_score(col)
    asked = names_someone_else(col) or header_alone_names_maybe_an_organisation(col)  # round 49: a customer's name
    return min(score, ASK_SPLIT_SCORE) if asked else score


def _whole_name_score(col: ColumnInfo) -> float:
    """How surely a column holds full person names that could be split (0 when it does not)."""
    if col.json_path is not None:
        return 0.0
    strength = col.concepts.get("full_name", 0.0)
    # Numbered placeholders ('First1 Last1') say no more than an empty column: the header decides.
    values = col.profile.full_name if col.profile.n and not col.profile.placeholder else 0.6
    if strength >= 0.9 and col.profile.email < 0.5 and col.profile.number < 0.5:
        if header_alone_names_a_party(col):
            return ASK_SPLIT_SCORE  # 'Person' with no values may point at a user: asked (agent/party_headers.py)
        return round(0.55 + 0.4 * min(1.0, values / 0.6), 4)
    if col.profile.full_name >= 0.7 and strength >= 0.45:
        return round(0.5 + 0.3 * col.profile.full_name, 4)
    if col.no_header and col.profile.full_name >= 0.7 and col.profile.n >= 2:
        # No header row: names that start with a given name are all there is; a split worth asking, never applied.
        return 0.5
    return 0.0


def propose_split(scored: ScoredSheet, result: SheetMatch) -> None:
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
        # A column with values beats an empty one ('fullname' beside an empty 'displayname'): only what is there
        # can be split.
        if best is None or split_rank(col, score) > split_rank(best[1], best[0]):  # a login gives way: round 45
            best = (score, col)
    if best is None:
        return
    score, col = best
    if given_names_alone(col):
        take_as_given_name(first, last, col)
        result.questions[:] = [q for q in result.questions if q.field not in ("first_name", "last_name")]
        return
    share = f"{pct(col.profile.full_name)} of {col.profile.n} sampled values"
    for match, part in ((first, "first"), (last, "last")):
        match.column = col.source
        match.columns = [col.source]
        match.confidence = calibrated(score)
        match.auto_applied = score >= AUTO_SCORE
        match.hints = {"split": "full_name", "part": part}
        if match.auto_applied:
            match.rationale = (
                f"'{col.header}' holds full names ({share} start with a known given name); the {part} name is "
                "split from it (particles like 'van der' stay with the last name)"
            )
        elif names_someone_else(col):
            match.rationale = f"'{col.header}' names someone else's name: asked before it is split into the {part} name"
        elif header_alone_names_a_party(col):
            match.rationale = (
                f"'{col.header}' names a person, not a name, and no value shows names to split into the {part} name"
            )
        else:
            match.rationale = (
                f"'{col.header}' may hold full names, but only {share} look like one, so it is not split into the "
                f"{part} name"
            )
        result.questions[:] = [q for q in result.questions if q.field != match.field]
