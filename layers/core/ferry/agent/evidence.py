"""The evidence for one (column, field) pair: what the header says (names, synonyms in seven languages, spelling)
and what the values say (kinds of value, names, JSON inside cells), each with a reason a person can read."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler

from ferry.agent.abbreviations import cut_short_compound
from ferry.agent.alternative_words import same_word_twice, thing_or_its_key
from ferry.agent.annotations import without_annotation
from ferry.agent.code_legends import with_legend_states
from ferry.agent.enums import EnumMapping, map_enum_values
from ferry.agent.header_forms import of_phrase_concepts, without_access_groups
from ferry.agent.index_suffixes import without_index_suffix
from ferry.agent.instruction_rows import instruction_row, is_instruction
from ferry.agent.lexicon import ENTITY_WORDS, NAME_WORDS, SUFFIX_WORDS
from ferry.agent.namespaces import without_namespace
from ferry.agent.normalize import fold, join_tokens, normalize_header, strip_hints
from ferry.agent.person_paths import person_path_prefix
from ferry.agent.profile import ColumnProfile, profile_column
from ferry.agent.role_logins import role_written_as_login
from ferry.agent.shared_prefix import system_prefix
from ferry.agent.short_suffix import short_tag_suffix
from ferry.agent.stems import FORM_HEADER, same_stems, stem
from ferry.agent.synonyms import (
    BROADER,
    CONCEPTS,
    SOFT_WORDS,
    concepts_of,
    concepts_of_words,
    corrected_words,
    has_other_party,
    header_words,
    singular,
    singular_phrase,
    vocabulary_words,
)
from ferry.agent.tax_basis import without_tax_basis
from ferry.core.domain import SheetManifest, Template, TemplateField

# Concepts whose values look alike; a header naming a sibling is evidence *against* the field.
SIBLINGS: tuple[frozenset[str], ...] = (
    frozenset({"first_name", "last_name", "full_name", "middle_name", "salutation"}),
    frozenset({"created_at", "updated_at", "birth_date", "close_date", "hire_date", "end_date", "purchase_date",
               "end_of_life"}),
    frozenset({"phone", "mobile", "fax"}),
    frozenset({"city", "state", "country", "street", "postal_code", "street2"}),
    frozenset({"company", "deal_name", "full_name", "product_name", "subject"}),
    frozenset({"amount", "revenue", "employees", "probability", "age", "price", "cost", "sale_price", "salary",
               "stock_quantity", "weight", "purchase_cost"}),
    frozenset({"status", "stage", "type"}),
)  # fmt: skip

# What a string field's values should look like, from the concept it names.
_CONCEPT_KIND: dict[str, str] = {
    "email": "email", "phone": "phone", "mobile": "phone", "fax": "phone", "website": "url", "linkedin": "url",
    "created_at": "date", "updated_at": "date", "birth_date": "date", "close_date": "date", "hire_date": "date",
    "end_date": "date", "purchase_date": "date", "end_of_life": "date", "country": "country",
    "first_name": "given", "last_name": "surname", "full_name": "fullname", "revenue": "number",
    "employees": "number", "amount": "number", "age": "number", "probability": "number", "price": "number",
    "cost": "number", "sale_price": "number", "salary": "number", "stock_quantity": "number", "weight": "number",
    "purchase_cost": "number", "street": "street", "street2": "street2", "state": "region", "postal_code": "postal",
}  # fmt: skip

# Concepts whose values are words, never bare numbers.
TEXTUAL = frozenset(
    {"unit", "category", "brand", "supplier", "manufacturer", "industry", "city", "company", "job_title", "department",
     "state", "lead_source", "deal_name", "product_name", "subject", "full_name", "first_name", "last_name",
     "location", "language", "channel", "requester", "assignee", "owner", "manager", "middle_name", "county"}
)  # fmt: skip

# Header words that make a column the second choice for its concept ('Home Country' after 'Work Country').
SECONDARY_WORDS = frozenset(
    {"home", "other", "personal", "private", "secondary", "alternate", "alt", "additional", "2", "3", "4", "5"}
)
_LABEL_KEYS = ("type", "label", "kind", "category", "tag", "name", "rel", "primary", "is_primary", "main")
_PREFERRED_LABELS = frozenset({"work", "business", "office", "primary", "main", "default", "pref", "preferred"})


@dataclass
class FieldInfo:
    """A template field with its names, concepts and the kind of value it expects."""

    spec: TemplateField
    norms: set[str]
    compacts: set[str]
    concepts: dict[str, float]
    words: set[str]
    raw_words: set[str]
    desc_words: set[str]
    fuzzy_targets: list[str]
    kind: str
    allowed_norm: frozenset[str] = frozenset()

    @property
    def key_field(self) -> bool:
        return self.spec.required or self.spec.unique


@dataclass
class ColumnInfo:
    """A source column (or one value inside its JSON cells) with its header evidence and value profile."""

    name: str
    source: str
    header: str
    samples: list[str]
    filled: int
    norm: str
    compact: str
    words: set[str]
    raw_words: set[str]
    concepts: dict[str, float]
    profile: ColumnProfile
    other_party: bool
    matched: str = ""  # the header as matched: without bracketed format hints ('Weight (lbs)' → 'Weight')
    stripped_norm: str = ""  # the header without the template's record words ('asset notes' → 'notes')
    suffix: str | None = None  # a trailing form word the concepts were found without ('stage_id' → 'id')
    json_path: str | None = None
    json_label: str = ""
    rows: int = 0  # data rows in the sheet
    no_header: bool = False  # the sheet has no header row: its values are all there is
    locale: str = ""  # the language code the header ends with ('name.en' → 'en'), matched without it
    enum_cache: dict[str, EnumMapping] = field(default_factory=dict)

    @property
    def top_concept(self) -> tuple[str, float] | None:
        if not self.concepts:
            return None
        return max(self.concepts.items(), key=lambda kv: (kv[1], kv[0]))

    @property
    def empty(self) -> bool:
        return self.filled == 0 and not self.samples


def content(words: tuple[str, ...] | set[str]) -> set[str]:
    return {w for w in words if w not in SOFT_WORDS and len(w) > 1}


def entity_words(template: Template) -> frozenset[str]:
    """The words a template's records go by ('company', 'account', 'organization' for a companies template)."""
    own = {singular(w) for w in header_words(template.name) + header_words(template.sheet_id)}
    found: set[str] = set()
    for entity, words in ENTITY_WORDS.items():
        if entity in own or own & {singular(w) for w in words}:
            found.update(words)
    return frozenset(found)


def sheet_noise(sheet: SheetManifest, template: Template) -> frozenset[str]:
    """Words that carry no meaning in this sheet: the template's record words, a prefix or tag most headers share."""
    noise = set(entity_words(template)) | person_path_prefix(sheet, template) | system_prefix(sheet, template)
    firsts: dict[str, int] = {}
    for col in sheet.columns:
        words = header_words(col.header or col.name)
        if len(words) > 1:
            firsts[words[0]] = firsts.get(words[0], 0) + 1
    for word, count in firsts.items():
        # A prefix most headers share, or a short unknown one several share ('pa' of paCity, paCountry, paState).
        shared = count >= 0.5 * len(sheet.columns) or (len(word) <= 3 and word not in vocabulary_words())
        if count >= 3 and shared and not concepts_of(word):
            noise.add(word)
    lasts = Counter(w[-1] for col in sheet.columns if len(w := header_words(col.header or col.name)) > 1)
    for word, count in lasts.items():
        # A suffix most headers share that is no word the vocabulary knows: the record's tag ('nom_adh', 'ville_adh':
        # a member's), never a form word ('Start Date', 'Company Name', 'owner_id').
        if (
            count >= 3
            and count >= 0.5 * len(sheet.columns)
            and word not in vocabulary_words()
            and not concepts_of(word)
        ):
            noise.add(word)
    noise |= short_tag_suffix(sheet, vocabulary_words(), lambda w: bool(_without_locale(f"x_{w}")[1]))
    return frozenset(noise)


def _strip(words: tuple[str, ...], noise: frozenset[str]) -> tuple[str, ...]:
    kept = tuple(w for w in words if w not in noise and singular(w) not in noise)
    return kept if kept and content(kept) else words


def field_info(spec: TemplateField, noise: frozenset[str] = frozenset()) -> FieldInfo:
    names = [spec.key, *([spec.label] if spec.label else []), *(spec.aliases or [])]
    norms = {normalize_header(n) for n in names} - {""}
    norms |= {join_tokens(_strip(header_words(n), noise)) for n in names} - {""}
    norms |= {singular_phrase(n) for n in norms}
    concepts: dict[str, float] = {}
    labelled = {c for n in names[1:] for c, s in concepts_of(n).items() if s >= 0.9}
    for n, name in enumerate(names):
        found = concepts_of(name)
        if _strip(header_words(name), noise) in _RECORD_KEYS - {("number",)}:
            # A field named after the template's record and a key word ('employee_id' of employees) is the record's id.
            found["id"] = 1.0
        for concept, strength in found.items():
            if n == 0 and labelled and concept not in labelled and siblings(concept, dict.fromkeys(labelled, 1.0)):
                continue  # the key 'name' of a field labelled 'Company name' is the company, not a person's name
            concepts[concept] = max(concepts.get(concept, 0.0), strength)
    if any(s >= 0.9 for s in concepts.values()):
        # A field that names a concept outright is that concept; partial hits ('name' in 'first_name') are noise.
        concepts = {c: s for c, s in concepts.items() if s >= 0.9}
    words: set[str] = set()
    raw_words: set[str] = set()
    for name in names:
        words |= content(header_words(name))
        raw_words |= set(header_words(name))
    desc_words = {w for w in content(header_words(spec.description or "")) if len(w) >= 4}
    fuzzy_targets = sorted(norms)
    for concept, strength in concepts.items():
        if strength >= 0.9:
            fuzzy_targets.extend(normalize_header(p) for p in CONCEPTS[concept][:6])
    kind: str = spec.type
    if spec.type == "string":
        strong = [c for c, s in concepts.items() if s >= 0.9 and c in _CONCEPT_KIND]
        kind = _CONCEPT_KIND[sorted(strong)[0]] if strong else "string"
    allowed = frozenset(norm_value(v) for v in spec.values or [])
    return FieldInfo(
        spec=spec,
        norms=norms,
        compacts={n.replace(" ", "") for n in norms},
        concepts=concepts,
        words=words,
        raw_words=raw_words,
        desc_words=desc_words,
        fuzzy_targets=list(dict.fromkeys(fuzzy_targets)),
        kind=kind,
        allowed_norm=allowed,
    )


def norm_value(value: str) -> str:
    return " ".join(fold(value).replace("_", " ").split())


_RECORD_LABELS = frozenset({"label", "title", "display name"})
_RECORD_KEYS = frozenset(
    {("id",), ("code",), ("key",), ("ref",), ("reference",), ("uuid",), ("number",), ("nummer",), ("nr",), ("numero",)}
)


# Form words after which a header still holds the thing in words, not a code for it.
_WORDING_SUFFIXES = frozenset({"name", "label", "text"})


def _header_concepts(header: str, noise: frozenset[str]) -> tuple[dict[str, float], str, str | None]:
    """Concepts of the header, of the header without the sheet's noise words, and without a trailing form word."""
    found = concepts_of(header)
    words = header_words(header)
    stripped = _strip(words, noise)
    if stripped != words:
        # Partial hits that lean on the record's own word ('account' in 'Account Number') say nothing.
        found = {c: s for c, s in found.items() if s >= 0.9}
        for concept, strength in concepts_of_words(stripped).items():
            found[concept] = max(found.get(concept, 0.0), round(0.97 * strength, 4))
        if stripped in _RECORD_KEYS:
            # The record's own id or code ('Supplier ID', 'Issue ID', 'supplier.code') is its identifier.
            found["id"] = max(found.get("id", 0.0), 0.95)
    readings = [_alternatives_concept(header), of_phrase_concepts(words), cut_short_compound(header)]
    for concept, strength in [item for reading in readings for item in reading.items()]:
        found[concept] = max(found.get(concept, 0.0), strength)
    suffix = None
    if len(stripped) > 1 and stripped[-1] in SUFFIX_WORDS:
        # A lookup read without its form word ('stage_id' is a stage); an id's or a login's id ('login_id') stays an id.
        # 'Team Name', 'Category Label' hold the thing itself in words; 'stage_id', 'unit code' a code for it, and
        # 'Owner.Name' a field of a related record (both asked).
        weight = 0.95 if stripped[-1] in _WORDING_SUFFIXES and "." not in header else 0.9
        for concept, strength in concepts_of_words(stripped[:-1]).items():
            if concept not in ("id", "login") and weight * strength > found.get(concept, 0.0):
                found[concept] = round(weight * strength, 4)
                suffix = stripped[-1]
    if suffix is None:
        for concept, strength in role_written_as_login(stripped, concepts_of_words(stripped[:-1])).items():
            if strength > found.get(concept, 0.0):
                found[concept], suffix = strength, stripped[-1]
    return without_access_groups(found, words), join_tokens(stripped), suffix


# A header of two or three alternatives joined by a slash ('City/Village', 'County/District', 'Team/Department').
_ALTERNATIVES = re.compile(r"^\s*([^/]*[A-Za-z][^/]*)(?:/([^/]*[A-Za-z][^/]*)){1,2}\s*$")


def _alternatives_concept(header: str) -> dict[str, float]:
    """The one concept a slash-joined header names when its alternatives name it and nothing else: 'City/Village'
    is a city, its second word unknown; 'County/District' a county twice. Alternatives naming two concepts
    ('Phone/Fax', 'City/State') are a merged column, and say nothing here; nor does a group before the field ('Google
    Shopping / MPN'), whose first part is several words naming nothing."""
    if "/" not in header or "://" in header or not _ALTERNATIVES.match(header):
        return same_word_twice(header)
    named: set[str] = set()
    for part in header.split("/"):
        strong = {c for c, s in concepts_of(part).items() if s >= 0.9}
        if not strong and len(header_words(part)) > 1:
            return {}  # 'Google Shopping / MPN': a group, then the field in it; no alternatives
        named |= strong
    return {named.pop(): 0.95} if len(named) == 1 else thing_or_its_key(named)


def column_info(
    name: str,
    header: str,
    samples: list[str],
    filled: int,
    source: str,
    noise: frozenset[str] = frozenset(),
    json_path: str | None = None,
    json_label: str = "",
) -> ColumnInfo:
    bare = without_index_suffix(header or name)
    text, locale = _without_locale(_without_hints(without_tax_basis(without_namespace(without_annotation(bare)))))
    norm = normalize_header(text)
    concepts, stripped, suffix = _header_concepts(text, noise)
    concepts = with_legend_states(bare, concepts)
    profile = profile_column(samples)
    return ColumnInfo(
        name=name,
        source=source,
        header=header or name,
        matched=text,
        samples=samples,
        filled=filled,
        norm=norm,
        compact=norm.replace(" ", ""),
        words=content(header_words(text)),
        raw_words=set(header_words(text)),
        concepts=concepts,
        profile=profile,
        # A record word is no other party: a companies sheet's 'PARTNERID' is the partner's own (round 53).
        other_party=has_other_party(text) and has_other_party(" ".join(_strip(header_words(text), noise))),
        stripped_norm=stripped,
        suffix=suffix,
        json_path=json_path,
        json_label=json_label,
        locale=locale,
    )


def date_concepts(header: str) -> dict[str, float]:
    """A column of dates whose header leaves out the word 'date' ('Anschaffung' for Anschaffungsdatum, 'Hired' for
    hired date): the header read with it, a little less surely."""
    words = header_words(header)
    if len(words) != 1:
        return {}
    word = words[0]
    for reading in (f"{word} date", f"{word}datum", f"{word}sdatum", f"date {word}", f"fecha {word}"):
        found = {c: round(0.9 * s, 4) for c, s in concepts_of(reading).items() if s >= 0.9}
        if found:
            return found
    return {}


# A language code after a separator ('name.en', 'description_de', 'title-fr-CA', 'Name [it]'): the field in one
# language of a multilingual export. 'no', 'id' and 'is' are left out: they are words in headers too.
_LOCALE_RE = re.compile(
    r"^(?P<base>.*?[^\s._\-(\[])\s*(?:[._\-]\s*|[(\[])"
    r"(?P<code>en|de|fr|es|it|nl|pt|pl|sv|da|fi|cs|ru|ja|zh|ko|tr|el|hu|ro|nb|ca)(?:[_\-][a-z]{2})?[)\]]?$",
    re.IGNORECASE,
)


def _without_locale(header: str) -> tuple[str, str]:
    """The header without a trailing language code, and the code ('' when there is none)."""
    m = _LOCALE_RE.match(header.strip())
    if m is None or not any(ch.isalpha() for ch in m.group("base")):
        return header, ""
    return m.group("base"), m.group("code").lower()


without_locale = _without_locale  # read by late_reads: a bracketed code ('Name (DE)') the hints stripped first


def _without_hints(header: str) -> str:
    """The header without bracketed format hints ('Birthday (yyyy-mm-dd)', 'Weight (lbs)'); a bracket that names
    something ('Bemerkung (Telefon)': a remark about the phone) is part of the name and stays."""
    bare, hints = strip_hints(header)
    for hint in hints:
        format_like = len(hint.split()) == 1 or any(ch.isdigit() or ch in "=/,-:" for ch in hint)
        if not format_like or any(s >= 0.6 for s in concepts_of(hint).values()):
            return header  # 'Name (Adressattyp natürl. Person)' says whose name: a qualifier, not a format
    return bare


_VALUE_KINDS = ("email", "url", "phone", "number", "given_name", "person_name", "street", "region", "postal", "country")


def headerless(sheet: SheetManifest) -> bool:
    """True when the 'headers' are data: most name nothing and look like the values below them ('John', '08075')."""
    if len(sheet.columns) < 3:
        return False
    like = 0
    for col in sheet.columns:
        header = (col.header or "").strip()
        strengths = concepts_of(header).values()
        if not header or any(s >= 0.9 for s in strengths):
            continue
        head, body = profile_column([header]), profile_column(col.samples)
        # Capitalised words alike ('Deployment State' over 'Production') are no data row when the header names a field.
        kinds = [k for k in _VALUE_KINDS if k != "person_name" or not any(s >= 0.6 for s in strengths)]
        like += any(getattr(head, k) >= 1.0 and getattr(body, k) >= 0.5 for k in kinds) or (
            head.date >= 1.0 and body.date >= 0.5
        )
    return like >= 0.6 * len(sheet.columns)


def columns_of(sheet: SheetManifest, noise: frozenset[str] = frozenset()) -> list[ColumnInfo]:
    """The sheet's columns, and the values inside their JSON cells as columns of their own.

    A sheet whose first row is data (no header row) is read on its values alone, that row among them.
    """
    out: list[ColumnInfo] = []
    no_header = headerless(sheet)
    key_row = not no_header and _key_row(sheet)
    told = not no_header and instruction_row(sheet)
    for col in sheet.columns:
        if key_row and col.samples and _FIELD_KEY.fullmatch(col.samples[0].strip()):
            # A second header row of field keys ('Item.barcode' under 'Barcode') names the column; it is no value.
            col = col.model_copy(update={"samples": col.samples[1:], "filled": max(0, col.filled - 1)})
        if told and col.samples and is_instruction(col.samples[0]):
            col = col.model_copy(update={"samples": col.samples[1:], "filled": max(0, col.filled - 1)})
        if no_header:
            info = column_info(col.name, "", [col.header.strip(), *col.samples], col.filled + 1, col.name, noise)
            info.header, info.concepts, info.words, info.raw_words = col.name, {}, set(), set()
            info.norm = info.compact = info.stripped_norm = ""
            info.no_header = True
        else:
            info = column_info(col.name, col.header, col.samples, col.filled, col.name, noise)
        info.rows = sheet.row_count
        out.append(info)
        parsed = [_loads(s) for s in col.samples]
        if info.profile.json_object >= 0.8:
            # Each key of a JSON column competes as a column of its own; a match extracts it with json_extract.
            for key in info.profile.json_keys[:12]:
                values = [_text(obj.get(key)) for obj in parsed if isinstance(obj, dict)]
                values = [v for v in values if v]
                header = key if concepts_of(key) else f"{col.header or col.name} {key}"
                out.append(
                    column_info(f"{col.name}.{key}", header, values, col.filled, col.name, noise, f"$.{key}", key)
                )
        elif info.profile.json_array >= 0.8:
            out.extend(_array_columns(col.name, col.header or col.name, parsed, col.filled, noise))
    return out


# A field key as export templates write it under the header: the record and the field ('Item.barcode', 'Party.phone').
_FIELD_KEY = re.compile(r"[A-Za-z][A-Za-z0-9]*\.[A-Za-z_][A-Za-z0-9_]*")


def _key_row(sheet: SheetManifest) -> bool:
    """The first data row is a row of field keys of one record ('Item.name', 'Item.unit', ...) under most headers."""
    firsts = [c.samples[0].strip() for c in sheet.columns if c.samples]
    keys = [f.split(".")[0] for f in firsts if _FIELD_KEY.fullmatch(f)]
    return len(keys) >= 3 and len(keys) >= 0.6 * len(sheet.columns) and len(set(keys)) == 1


def _loads(sample: str) -> object:
    text = sample.strip()
    if not text or text[0] not in "[{":
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def _text(value: object) -> str:
    if value in (None, "") or isinstance(value, (dict, list)):
        return ""
    return str(value)


def _array_columns(
    name: str, header: str, parsed: list[object], filled: int, noise: frozenset[str]
) -> list[ColumnInfo]:
    """A JSON list per cell ('[{"email": …, "type": "Work"}, …]' or '["a@x.com", …]'): its preferred item.

    The item taken is the one labelled work/primary when the samples put it at one position, else the first.
    """
    lists = [obj for obj in parsed if isinstance(obj, list) and obj]
    if not lists:
        return []
    if all(not isinstance(item, (dict, list)) for lst in lists for item in lst):
        values = [_text(lst[0]) for lst in lists]
        return [column_info(f"{name}[0]", header, [v for v in values if v], filled, name, noise, "$[0]", "first")]
    counts: dict[str, int] = {}
    for lst in lists:
        for item in lst:
            if isinstance(item, dict):
                for key, value in item.items():
                    if _text(value):
                        counts[str(key)] = counts.get(str(key), 0) + 1
    value_keys = [k for k in sorted(counts, key=lambda k: -counts[k]) if k.lower() not in _LABEL_KEYS]
    if not value_keys:
        return []
    key = value_keys[0]
    positions: dict[int, int] = {}
    for lst in lists:
        for index, item in enumerate(lst):
            if isinstance(item, dict) and _preferred(item):
                positions[index] = positions.get(index, 0) + 1
                break
    index, label = 0, "first"
    if positions:
        best = max(positions, key=lambda i: positions[i])
        if positions[best] >= 0.8 * len(lists):
            index, label = best, "work/primary"
    values = [_text(lst[index].get(key)) for lst in lists if len(lst) > index and isinstance(lst[index], dict)]
    path = f"$[{index}].{key}"
    return [column_info(f"{name}{path[1:]}", header, [v for v in values if v], filled, name, noise, path, label)]


def _preferred(item: dict[str, object]) -> bool:
    return any(
        str(key).lower() in _LABEL_KEYS
        and (value is True or (isinstance(value, str) and fold(value).strip() in _PREFERRED_LABELS))
        for key, value in item.items()
    )


def related(concept: str, field_concepts: dict[str, float]) -> bool:
    if concept in field_concepts:
        return True
    if any(b in field_concepts for b in BROADER.get(concept, ())):
        return True
    return any(concept in BROADER.get(f, ()) for f in field_concepts)


def siblings(concept: str, field_concepts: dict[str, float]) -> bool:
    return any(concept in group and any(f in group for f in field_concepts) for group in SIBLINGS)


def pct(share: float) -> str:
    return f"{round(share * 100)}%"


def enum_mapping(col: ColumnInfo, fld: FieldInfo) -> EnumMapping:
    cached = col.enum_cache.get(fld.spec.key)
    if cached is None:
        values = fld.spec.values or []
        samples = col.samples
        if len(values) > 60:
            # Long vocabularies (GDC-size): exact matches only; fuzzy over thousands of values is slow and noisy.
            cached = EnumMapping(
                mapping={s: (s if norm_value(s) in fld.allowed_norm else None) for s in samples},
                confidence={s: (1.0 if norm_value(s) in fld.allowed_norm else 0.0) for s in samples},
            )
        else:
            cached = map_enum_values(samples, values)
        col.enum_cache[fld.spec.key] = cached
    return cached


def lookup_ids(col: ColumnInfo) -> bool:
    """Small whole numbers under a header ending in id/code ('stage_id', 'TITLE' 1/2): ids into a list we lack."""
    p = col.profile
    return p.n > 0 and p.small_int >= 0.9 and p.boolean < 0.9 and p.distinct <= 12


# Kinds whose values have a form of their own (numbers, dates, allowed words): placeholders still contradict them.
_TYPED_KINDS = frozenset({"enum", "integer", "number", "date", "datetime", "boolean"})


def value_fit(col: ColumnInfo, fld: FieldInfo) -> tuple[float, float, str]:
    """(fit in -1..1, how much the values alone identify the field 0..1, reason)."""
    p = col.profile
    if p.n == 0:
        return 0.0, 0.0, ""
    kind = fld.kind
    if p.placeholder and kind not in _TYPED_KINDS:
        return 0.0, 0.0, "samples are numbered placeholders"

    def share_fit(share: float, ident: float, what: str) -> tuple[float, float, str]:
        # A typed column tolerates a little junk; half of the values of another kind is a contradiction.
        fit = max(-1.0, min(1.0, (share - 0.75) * 4))
        return fit, ident * share if share >= 0.6 else 0.0, f"{pct(share)} of samples are {what}"

    if kind == "email":
        return share_fit(p.email, 0.8, "email addresses")
    if kind == "url":
        return share_fit(p.url, 0.6, "web addresses")
    if kind == "phone":
        if p.phone < 0.75 <= p.phone + 0.5 * p.phone_digits:
            # Bare runs of digits: phone numbers without formatting, or ids. The header decides, with a question.
            return -0.3, 0.0, f"{pct(p.phone_digits)} of samples are bare digits that may be phone numbers"
        return share_fit(p.phone, 0.65, "phone numbers")
    if kind in ("date", "datetime"):
        return share_fit(p.date, 0.45, "dates")
    if kind in ("integer", "number"):
        fit, _, reason = share_fit(p.number, 0.0, "numbers")
        return fit, 0.0, reason
    if kind == "boolean":
        if p.boolean and {s.strip() for s in col.samples} <= {"0", "1"}:
            # 0/1 alone: a flag under a header naming one ('Newsletter (0/1)'), but too common to identify it.
            return 0.5, 0.0, "samples are 0/1 flags"
        return share_fit(p.boolean, 0.35, "yes/no values")
    if kind == "country":
        return share_fit(p.country, 0.6, "countries")
    if kind == "street":
        if p.integer >= 0.8:
            return -0.6, 0.0, "but samples are numbers"
        fit, ident, reason = share_fit(p.street, 0.5, "street addresses")
        return max(fit, 0.0 if p.alpha < 0.9 else -0.2), ident, reason if p.street >= 0.6 else ""
    if kind == "street2":
        # A second address line is a flat, a floor or a house number as often as a street: only street-like values
        # speak (for it), nothing speaks against it.
        fit, ident, reason = share_fit(p.street, 0.3, "street addresses")
        return max(fit, 0.0), ident, reason if p.street >= 0.6 else ""
    if kind == "region":
        if p.number >= 0.8 and p.integer < 0.5:
            return -0.5, 0.0, "but samples are numbers"  # '7.123': a coordinate; a whole number may be a state code
        fit, ident, reason = share_fit(p.region, 0.45, "states or provinces")
        return max(fit, 0.0), ident, reason if p.region >= 0.6 else ""
    if kind == "postal":
        if p.date >= 0.5 or p.mean_len > 10:
            return -0.3, 0.0, ""
        fit, ident, reason = share_fit(p.postal, 0.3 if p.integer < 1 or any(s[:1] == "0" for s in col.samples)
                                       else 0.15, "postal codes")  # fmt: skip
        return max(fit, 0.0), ident, reason if p.postal >= 0.6 else ""
    if kind == "enum":
        return _enum_fit(col, fld)
    specific = max(p.email, p.url, p.date, p.json, p.number, p.phone if p.integer < 0.5 else 0.0)
    if kind in ("given", "surname", "fullname") and specific >= 0.8:
        return -1.0, 0.0, f"but samples are {p.kind()}"
    if kind == "given":
        if p.full_name >= 0.5:
            return -0.3, 0.0, f"{pct(p.full_name)} of samples are full names"
        if p.multiword >= 0.6 and p.full_name == 0:
            return -0.5, 0.0, f"but {pct(p.multiword)} of samples are several words, none starting with a given name"
        if p.given_name >= 0.5:
            return 0.8, 0.6 * p.given_name, f"{pct(p.given_name)} of samples are common given names"
        return (0.1 if p.person_name >= 0.6 else -0.2 if p.alpha < 0.5 else 0.0), 0.0, ""
    if kind == "surname":
        if p.given_name >= 0.5:
            return -0.8, 0.0, f"but {pct(p.given_name)} of samples are common given names"
        if p.full_name >= 0.5:
            return -0.3, 0.0, f"{pct(p.full_name)} of samples are full names"
        if p.surname >= 0.6:
            return 0.3, 0.25 * p.surname, f"{pct(p.surname)} of samples are single names that are not given names"
        return (0.2 if p.person_name >= 0.6 else -0.2 if p.alpha < 0.5 else 0.0), 0.0, ""
    if kind in ("given", "surname", "fullname") and _sentences(col):
        # 'Overriding bandwidth is not working!' under 'name' of a ticket: a title, not anybody's name.
        return -0.6, 0.0, "but samples are sentences, not names"
    if kind == "fullname":
        if p.full_name >= 0.5:
            return 0.6, 0.45 * p.full_name, f"{pct(p.full_name)} of samples are full person names"
        if p.number >= 0.8:
            return -0.5, 0.0, "but samples are numbers"
        return (-0.3 if p.email >= 0.5 or p.date >= 0.8 else 0.0), 0.0, ""
    # Plain text field: values clearly of another kind are evidence against it.
    if fld.concepts.keys() & _PERSON and _sentences(col):
        return -0.6, 0.0, "but samples are sentences, not names"
    if "images" in fld.concepts and p.url >= 0.6:
        # Image columns hold addresses of pictures (or lists of them), or file names: addresses do not count against
        # them, nor do they single one image column out over another.
        return 0.0, 0.0, f"{pct(p.url)} of samples are web addresses"
    specific = max(p.email, p.url, p.date, p.json, p.phone if p.integer < 0.5 else 0.0)
    if specific >= 0.8:
        return -0.6, 0.0, f"but samples are {p.kind()}"
    if p.json_item_keys and p.json >= 0.5:
        # Lists of records ('[{"comment": ..., "created_by": ...}]', some cut short in the sample): structured data
        # whose parts compete as columns of their own, not one text.
        return -0.6, 0.0, "but samples are lists of records (JSON)"
    if p.number >= 0.9 and fld.concepts.keys() & TEXTUAL:
        # A name, a unit or a city is not a number: numbers here are counts, or ids into a list kept elsewhere.
        return -0.5, 0.0, "but samples are numbers" + (" (ids of a list kept elsewhere?)" if lookup_ids(col) else "")
    return 0.0, 0.0, ""


# Concepts whose values are people's names (a requester, an assignee): sentences under them are something else.
_PERSON = frozenset({"requester", "assignee", "owner", "manager", "full_name", "middle_name", "director"})


# A name as catalogues write it, surname first, life dates last ('Andrews, John Nevins 1891-1980'): no sentence.
_NAME_WORD = r"[A-Z][\w.'\u2019-]*"
_CATALOGUE_NAME = re.compile(rf"{_NAME_WORD}, {_NAME_WORD}(?: {_NAME_WORD})*(?:,? \(?\d{{4}}-(?:\d{{4}})?\)?)?")


def _type_of_another_thing(col: ColumnInfo, concept: str) -> bool:
    """'PackageType', 'MountingType': a type qualified by a noun other than the record's is that thing's type."""
    return concept == "type" and len(col.stripped_norm.split()) >= 2 and col.stripped_norm.endswith(" type")


def _sentences(col: ColumnInfo) -> bool:
    """Most values are sentences: four or more words, or ending like one ('!', '?', '.')."""
    values = [v.strip() for v in col.samples if v.strip() and not _CATALOGUE_NAME.fullmatch(v.strip())]
    like = sum(len(v.split()) >= 4 or (len(v.split()) >= 2 and v[-1] in "!?.") for v in values)
    return bool(values) and like >= 0.6 * len(values) and col.profile.full_name < 0.5


def _enum_fit(col: ColumnInfo, fld: FieldInfo) -> tuple[float, float, str]:
    if not fld.allowed_norm:
        return 0.0, 0.0, ""
    mapping = enum_mapping(col, fld)
    if not mapping.mapping:
        return 0.0, 0.0, ""
    cov = sum(mapping.confidence[v] for v, t in mapping.mapping.items() if t is not None) / len(mapping.mapping)
    fit = max(-1.0, min(1.0, (cov - 0.4) / 0.6))
    if "country" in fld.concepts and col.profile.country >= 0.6:
        # Countries outside the allowed list are still countries: a question about values, not about the column.
        fit = max(fit, 0.5)
    if exact_name(col, fld) or header_score(col, fld)[0] >= 0.9 or (cov == 0 and lookup_ids(col)):
        # The header names the field outright, or the values are ids into a list the file does not hold:
        # unknown values are a question about values, not about the column.
        fit = max(fit, -0.2)
    # Yes/no style value lists are common to many columns; they identify a field only weakly.
    generic = len(fld.allowed_norm) <= 3 and fld.allowed_norm <= {"yes", "no", "true", "false", "unknown"}
    ident = cov * (0.35 if generic else 0.75) if cov >= 0.5 else 0.0
    return fit, ident, f"{pct(mapping.coverage)} of sampled values match allowed values"


def fld_names(fld: FieldInfo) -> list[str]:
    """The field's label and aliases: the names a person gave it."""
    return [*([fld.spec.label] if fld.spec.label else []), *(fld.spec.aliases or [])]


def exact_name(col: ColumnInfo, fld: FieldInfo) -> bool:
    return col.norm in fld.norms or col.compact in fld.compacts or singular_phrase(col.norm) in fld.norms


def header_score(col: ColumnInfo, fld: FieldInfo) -> tuple[float, str]:
    """How surely the header names the field (0..1), and why."""
    best, reason = _header_score(col, fld)
    secondary = {w for w in col.raw_words if w in SECONDARY_WORDS} - fld.raw_words
    if secondary and best > 0:
        # 'Home Country' beside 'Work Country': both name the field, the qualified one a little less surely.
        best *= 0.94
    return best, reason


def _header_score(col: ColumnInfo, fld: FieldInfo) -> tuple[float, str]:
    if exact_name(col, fld):
        return 1.0, f"header '{col.header}' is the field name"
    if col.stripped_norm and col.stripped_norm != col.norm and col.stripped_norm in fld.norms:
        return 0.97, f"header '{col.header}' is the field name (its other words name the record)"
    if fld.spec.key == "name" and (
        (col.stripped_norm in _RECORD_LABELS and col.stripped_norm != col.norm) or col.stripped_norm in NAME_WORDS
    ):
        # The record's own label or title ('item label', 'supplier.label') is its name, and so is the word for
        # 'name' in another language ('nombre', 'Bezeichnung') in a template whose records are not people.
        return 0.92, f"header '{col.header}' names the record: its name"
    fixed = corrected_words(col.matched or col.header)
    if fixed is not None and " ".join(fixed) in fld.norms:
        return 0.92, f"header '{col.header}' is a misspelling of {fld.spec.key}"
    best, reason = 0.0, ""
    for concept, strength in col.concepts.items():
        if concept in fld.concepts:
            # A synonym is a little less sure than the field's own name, so the exact name wins a tie.
            s = 0.97 * strength * fld.concepts[concept]
            if s > best:
                best, reason = s, f"header '{col.header}' is a synonym of {fld.spec.key}"
        elif related(concept, fld.concepts) and not _type_of_another_thing(col, concept):
            s = 0.8 * strength * max(fld.concepts.values())
            if s > best:
                best, reason = s, f"header '{col.header}' is a kind of {fld.spec.key}"
    if best >= 0.9:
        return best, reason
    top = col.top_concept
    if top is not None and top[1] >= 0.9 and not related(top[0], fld.concepts):
        # The header is a known word for something else ('Stadt' is city): a look-alike spelling means nothing.
        return best, reason
    if best < FORM_HEADER and same_stems(col.matched or col.header, [fld.spec.key, *fld_names(fld)]):
        return FORM_HEADER, f"header '{col.header}' is another form of the name {fld.spec.key}"
    fuzzy = 0.0
    for target in fld.fuzzy_targets:
        f = max(fuzz.ratio(col.norm, target), fuzz.token_sort_ratio(col.norm, target)) / 100
        if min(len(col.compact), len(target)) >= 5:
            f = max(f, JaroWinkler.similarity(col.compact, target.replace(" ", "")) - 0.04)
        fuzzy = max(fuzzy, f)
    h_fuzzy = max(0.0, (fuzzy - 0.6) / 0.4) * 0.85
    if h_fuzzy > best:
        best, reason = h_fuzzy, f"header '{col.header}' is spelled like {fld.spec.key}"
    # Words are compared by their stems: 'Hiring Manager' shares 'hire' with a 'hire date', 'orders' 'order'.
    own = {stem(w) for w in col.words}
    if own and fld.words:
        theirs = {stem(w) for w in fld.words}
        overlap = len(own & theirs) / len(own | theirs)
        if 0.8 * overlap > best:
            best, reason = 0.8 * overlap, f"header '{col.header}' shares words with {fld.spec.key}"
    if fld.desc_words and own:
        hits = own & {stem(w) for w in fld.desc_words}
        if hits and min(0.5, 0.25 * len(hits)) > best:
            best, reason = min(0.5, 0.25 * len(hits)), f"header words appear in the description of {fld.spec.key}"
    return best, reason
