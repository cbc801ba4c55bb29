"""Mapping memory, the pure part: which column a confirmed mapping is about, what an executed recipe
confirmed, and a plan that maps remembered columns the way the account confirmed them.

A column is known by its normalised header (the matcher's `normalize_header`) and a value signature: the
kind of values it holds (`email`, `phone`, `url`, `date`, `number`, `boolean`, `text`, `mixed`, or `empty`),
so a header that means something else in another file (an `id` of numbers, an `id` of emails) is another
column. Storage is the run steps' (ferry.runs.steps loads and records; ferry.aws.dynamo.memory keeps it);
nothing here touches it.

    column_key(name) -> str                              the normalised header memory compares
    value_signature(column) -> str                       the kind of values a column holds
    confirmed_mappings(recipe, templates, sheets)        what an executed recipe confirmed, per field and column
    apply_memory(chosen, manifests, templates, memory)   the matcher's picks overridden by what was confirmed
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any, Protocol

from pydantic import BaseModel

from ferry.agent.models import FieldMatch, SheetMatch
from ferry.agent.normalize import fold, normalize_header
from ferry.core.domain import ColumnManifest, FileManifest, SheetManifest, Template
from ferry.recipe import FieldRecipe, Recipe

REMEMBERED_CONFIDENCE = 0.97
EMPTY = "empty"

_EMAIL = re.compile(r"^(mailto:)?[^@\s<>]+@[^@\s<>]+\.[A-Za-z]{2,}$", re.I)
_URL = re.compile(r"^(https?://\S+|www\.\S+\.\S+|[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(/\S*)?)$")
_ISO_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$")
_NUMERIC_DATE = re.compile(r"^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}( \d{1,2}:\d{2}(:\d{2})?)?$")
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_NAMED_DATE = re.compile(
    rf"^(\d{{1,2}}\.? )?({_MONTHS})[a-z]*\.?( \d{{1,2}}(st|nd|rd|th)?,?)? \d{{2,4}}$|^\d{{1,2}}-({_MONTHS})-\d{{2,4}}$",
    re.I,
)
_NUMBER = re.compile(r"^[-+(]?[$€£¥]?\s?(\d{1,3}([,. ']\d{3})+|\d+)([.,]\d+)?\s?%?\)?$")
_PHONE = re.compile(r"^\+?[\d\s().\-/]+((x|ext\.?)\s*\d+)?$", re.I)
_BOOLEAN = frozenset({"true", "false", "yes", "no", "y", "n", "t", "f", "0", "1", "ja", "nein", "oui", "non"})
# The order ties are settled in: the more specific kind first.
_KINDS = ("email", "url", "date", "phone", "boolean", "number", "text")


class Remembered(BaseModel):
    """A confirmed mapping the planner may apply: a column of a template's source → a field, with its ops."""

    memory_id: str
    sheet_id: str
    field: str
    normalized_header: str
    value_signature: str
    ops: list[dict[str, Any]]
    migration_id: str
    migration_name: str
    confirmed_at: str


class ConfirmedMapping(BaseModel):
    """A field of an executed recipe and the column it read, as memory keeps it."""

    sheet_id: str
    template: str
    field: str
    header: str
    normalized_header: str
    value_signature: str
    ops: list[dict[str, Any]]


class _Chosen(Protocol):
    """A template's chosen sheet and the matcher's answer for it (ferry.agent.planner.TemplateMatch)."""

    sheet_id: str
    file_id: str
    source_sheet_id: str
    match: SheetMatch


# ------------------------------------------------------------------------------------------ columns


def column_key(name: str) -> str:
    """The header memory compares: the matcher's normalised form, else (a header of no Latin letters or
    digits) its lower-cased, accent-folded words."""
    return normalize_header(name) or " ".join(fold(name).split())


def value_kind(value: str) -> str:
    """The kind of one non-blank value: email, url, date, phone, boolean, number or text."""
    text = value.strip()
    if _EMAIL.match(text):
        return "email"
    if _URL.match(text):
        return "url"
    if _ISO_DATE.match(text) or _NUMERIC_DATE.match(text) or _NAMED_DATE.match(text):
        return "date"
    if text.lower() in _BOOLEAN:
        return "boolean"
    if _NUMBER.match(text):
        return "number"
    digits = sum(ch.isdigit() for ch in text)
    if _PHONE.match(text) and digits >= 7:
        return "phone"
    return "text"


def value_signature(column: ColumnManifest) -> str:
    """The kind most of a column's sampled values are (ties: the more specific kind); `mixed` when no kind
    holds half of them, `empty` when the column holds no value."""
    samples = [s for s in column.samples if s.strip()]
    if not samples:
        return EMPTY
    counts = Counter(value_kind(s) for s in samples)
    kind = max(_KINDS, key=lambda k: (counts[k], -_KINDS.index(k)))
    return kind if counts[kind] * 2 >= len(samples) else "mixed"


def _remembrable(column: ColumnManifest) -> bool:
    """A column memory can name: a header the file gave (not one made up for a blank cell) and values."""
    return bool(column.header.strip()) and bool(column_key(column.name)) and value_signature(column) != EMPTY


# ------------------------------------------------------------------------------------------ recording


def confirmed_mappings(
    recipe: Recipe, templates: list[Template], sheets: dict[tuple[str, str], SheetManifest]
) -> list[ConfirmedMapping]:
    """What executing `recipe` confirmed: every field that reads a source column, with that column's header,
    value signature and the field's ops. Fields without a column (constants included) and columns that
    hold no value are left out."""
    names = {t.sheet_id: t.name for t in templates}
    confirmed: list[ConfirmedMapping] = []
    for tr in recipe.templates:
        sheet = sheets.get((tr.source.file_id, tr.source.sheet_id))
        if sheet is None or tr.sheet_id not in names:
            continue
        columns = {c.name: c for c in sheet.columns}
        for fr in tr.fields:
            column = columns.get(fr.column or "")
            if column is None or not _remembrable(column):
                continue
            confirmed.append(
                ConfirmedMapping(
                    sheet_id=tr.sheet_id,
                    template=names[tr.sheet_id],
                    field=fr.field,
                    header=column.name,
                    normalized_header=column_key(column.name),
                    value_signature=value_signature(column),
                    ops=[op.model_dump(mode="json", by_alias=True) for op in fr.ops],
                )
            )
    return confirmed


# ------------------------------------------------------------------------------------------ applying


def apply_memory(
    chosen: Sequence[_Chosen],
    manifests: dict[str, FileManifest],
    templates: list[Template],
    memory: list[Remembered],
) -> None:
    """Give every chosen sheet's remembered columns to the fields they were confirmed for (in place)."""
    by_template: dict[str, list[Remembered]] = {}
    for entry in memory:
        by_template.setdefault(entry.sheet_id, []).append(entry)
    by_id = {t.sheet_id: t for t in templates}
    for tm in chosen:
        manifest = manifests.get(tm.file_id)
        sheet = next((s for s in manifest.sheets if s.sheet_id == tm.source_sheet_id), None) if manifest else None
        template = by_id.get(tm.sheet_id)
        if sheet is not None and template is not None and by_template.get(tm.sheet_id):
            tm.match = remembered_match(tm.match, sheet, template, by_template[tm.sheet_id])


def remembered_match(
    match: SheetMatch, sheet: SheetManifest, template: Template, memory: list[Remembered]
) -> SheetMatch:
    """The matcher's answer for one sheet with the remembered columns applied.

    A remembered column goes to its field with the remembered ops, at REMEMBERED_CONFIDENCE, applied without
    asking; a column the matcher had put on that field is released, as is a field the matcher had given a
    remembered column (listed as unmapped unless another field reads it); questions about either are dropped.
    When two columns were confirmed for one field, the later confirmation wins.
    """
    claims = _claims(sheet, template, memory)
    if not claims:
        return match
    taken = {column for column, _ in claims.values()}
    new = match.model_copy(deep=True)
    new.matches += [FieldMatch(field=field) for field in claims if new.match_for(field) is None]
    released: set[str] = set()
    dropped: set[str] = set()
    for fm in new.matches:
        claim = claims.get(fm.field)
        if claim is not None:
            released.update(c for c in fm.columns if c != claim[0])
            _remember(fm, *claim)
            dropped.add(fm.field)
        elif fm.column in taken:
            released.update(c for c in fm.columns if c not in taken)
            fm.rationale = _given_away(claims, fm.column)
            fm.column, fm.columns, fm.auto_applied, fm.confidence, fm.hints = None, [], False, 0.0, {}
            dropped.add(fm.field)
        elif taken.intersection(fm.columns):
            fm.columns = [c for c in fm.columns if c not in taken]  # a remembered column it coalesced
    dropped |= _block_of_remembered(new, claims, taken)
    read = {c for fm in new.matches if fm.auto_applied for c in fm.columns}
    leftover = set(new.unmapped_columns) | released
    new.unmapped_columns = [c for c in sheet.column_names if c in leftover and c not in read]
    new.questions = [q for q in new.questions if q.field not in dropped]
    return new


def _block_of_remembered(match: SheetMatch, claims: dict[str, tuple[str, Remembered]], taken: set[str]) -> set[str]:
    """A remembered column of one address block ('home_city' as city) answers the which-address question: the other
    fields of its block read that block, applied; the fields of every block are returned, their questions dropped."""
    fields: set[str] = set()
    for question in match.questions:
        keys = {key for block in question.blocks.values() for key in block}
        block = next((b for b in question.blocks.values() if taken & set(b.values())), None)
        if not keys & set(claims) or block is None:
            continue
        fields |= keys
        for key, column in block.items():
            fm = match.match_for(key)
            if fm is not None and key not in claims and column not in taken:
                fm.column, fm.columns, fm.auto_applied = column, [column], True
                fm.rationale = f"the address block of the remembered '{next(iter(taken & set(block.values())))}'"
    return fields


def _given_away(claims: dict[str, tuple[str, Remembered]], column: str | None) -> str:
    """Why a field lost its column: memory gave the column to another field."""
    given = sorted((field, entry.migration_name) for field, (c, entry) in claims.items() if c == column)
    fields = " and ".join(field for field, _ in given)
    return f"not mapped: '{column}' is {fields}, as confirmed in migration {given[0][1]}"


def _claims(sheet: SheetManifest, template: Template, memory: list[Remembered]) -> dict[str, tuple[str, Remembered]]:
    """Per template field, the column of the sheet memory gives it (the latest confirmation when several)."""
    keys = {f.key for f in template.fields}
    names = set(sheet.column_names)
    by_column: dict[tuple[str, str], list[Remembered]] = {}
    for entry in memory:
        by_column.setdefault((entry.normalized_header, entry.value_signature), []).append(entry)
    claims: dict[str, tuple[str, Remembered]] = {}
    for column in sheet.columns:
        if not _remembrable(column):
            continue
        for entry in by_column.get((column_key(column.name), value_signature(column)), []):
            if entry.field not in keys or not _reads_only(column.name, entry.ops, names):
                continue
            held = claims.get(entry.field)
            if held is None or (entry.confirmed_at, entry.memory_id) > (held[1].confirmed_at, held[1].memory_id):
                claims[entry.field] = (column.name, entry)
    return claims


def _reads_only(column: str, ops: list[dict[str, Any]], names: set[str]) -> bool:
    """True when the remembered ops are valid and every other column they read is in the sheet too."""
    try:
        field = FieldRecipe.model_validate({"field": "f", "column": column, "ops": ops})
    except ValueError:
        return False
    return all(c in names for c in field.source_columns())


def _remember(fm: FieldMatch, column: str, entry: Remembered) -> None:
    fm.column, fm.columns, fm.auto_applied = column, [column], True
    fm.confidence = REMEMBERED_CONFIDENCE
    fm.rationale = f"as confirmed in migration {entry.migration_name}"
    # `ops` is the recipe field's ops as given (ferry.recipe.field_from_mapping); `memory` says where from.
    fm.hints = {
        "ops": entry.ops,
        "memory": {"memory_id": entry.memory_id, "migration_id": entry.migration_id},
    }


def remembered(fm: FieldMatch | None) -> bool:
    """True when memory, not the matcher, chose this field's column."""
    return fm is not None and fm.auto_applied and "memory" in fm.hints and "ops" in fm.hints


def memory_recipe_fields(match: SheetMatch) -> dict[str, FieldRecipe]:
    """The recipe field of every remembered field of a match (for a planner that writes its own recipe)."""
    return {
        fm.field: FieldRecipe.model_validate({"field": fm.field, "column": fm.column, "ops": fm.hints["ops"]})
        for fm in match.matches
        if remembered(fm)
    }


def remembered_recipe(recipe: Recipe, chosen: Sequence[_Chosen]) -> Recipe:
    """`recipe` (a planner's own, e.g. a model's) with the remembered fields of the matcher's chosen sheets as
    memory has them; another field that read a remembered column reads nothing."""
    by_template = {tm.sheet_id: tm for tm in chosen}
    templates = []
    for tr in recipe.templates:
        tm = by_template.get(tr.sheet_id)
        same_sheet = tm is not None and (tm.file_id, tm.source_sheet_id) == (tr.source.file_id, tr.source.sheet_id)
        fields = memory_recipe_fields(tm.match) if tm is not None and same_sheet else {}
        if fields:
            taken = {f.column for f in fields.values()}
            tr = tr.model_copy(
                update={
                    "fields": [
                        fields.get(fr.field)
                        or (FieldRecipe(field=fr.field) if taken.intersection(fr.source_columns()) else fr)
                        for fr in tr.fields
                    ]
                }
            )
        templates.append(tr)
    return recipe.model_copy(update={"templates": templates})
