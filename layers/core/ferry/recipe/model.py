"""The mapping recipe: declarative, versioned JSON that says how source columns become template fields.

Polars-free so the API function can import it to validate recipes.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ferry.core.domain import SheetManifest, Template
from ferry.recipe.spec import DateFormatError, check_portable_regex, compile_date_format


class RecipeError(ValueError):
    """A recipe does not fit the templates or the source sheets it names."""


class _Op(BaseModel):
    model_config = ConfigDict(extra="forbid")

    def columns(self) -> list[str]:
        """Source columns the op reads besides the field's own column."""
        return []


class Trim(_Op):
    """Strip surrounding white space (blank becomes null)."""

    op: Literal["trim"] = "trim"


class Case(_Op):
    """Change letter case."""

    op: Literal["case"] = "case"
    to: Literal["lower", "upper", "title"]


class NullTokens(_Op):
    """Turn placeholder values ('N/A', 'NULL', ...) into null, compared case-insensitively."""

    op: Literal["null_tokens"] = "null_tokens"
    tokens: list[str] | None = Field(default=None, description="Defaults to spec.DEFAULT_NULL_TOKENS.")


class ParseDate(_Op):
    """Parse a date into ISO `YYYY-MM-DD`; unparseable values stay as they are (and fail the date rule)."""

    op: Literal["parse_date"] = "parse_date"
    order: Literal["MDY", "DMY", "YMD"] = "MDY"
    formats: list[str] | None = None

    @field_validator("formats")
    @classmethod
    def _formats_compile(cls, v: list[str] | None) -> list[str] | None:
        for fmt in v or []:
            try:
                compile_date_format(fmt)
            except DateFormatError as exc:
                raise ValueError(str(exc)) from None
        return v


class ParseDatetime(_Op):
    """Parse a date-time into ISO 8601 UTC `YYYY-MM-DDTHH:MM:SSZ` (no zone given: `assume_offset`)."""

    op: Literal["parse_datetime"] = "parse_datetime"
    order: Literal["MDY", "DMY", "YMD"] = "MDY"
    formats: list[str] | None = None
    assume_offset: str = Field(default="Z", description="Offset of values without a zone, e.g. 'Z' or '+02:00'.")

    _check_formats = field_validator("formats")(ParseDate._formats_compile.__func__)  # type: ignore[attr-defined]


class ToNumber(_Op):
    """Read a human number: currency symbols/codes, grouping, `%` (divides by 100), scientific notation."""

    op: Literal["to_number"] = "to_number"
    decimal: Literal[".", ","] = "."
    percent: bool = Field(default=True, description="A trailing % divides by 100.")


class ToBoolean(_Op):
    """Map yes/no-like values to 'true'/'false'."""

    op: Literal["to_boolean"] = "to_boolean"
    true_values: list[str] | None = None
    false_values: list[str] | None = None


class PhoneE164(_Op):
    """Format a phone number as E.164 (`+14155550123`), numbers without a country code read in `region`."""

    op: Literal["phone_e164"] = "phone_e164"
    region: str | None = Field(default=None, description="ISO 3166 alpha-2 default region, e.g. 'US'.")


class EmailNormalize(_Op):
    """Trim and lower-case an email address; strips a `mailto:` prefix and angle brackets."""

    op: Literal["email_normalize"] = "email_normalize"


class UrlToDomain(_Op):
    """Keep only the host of a URL, lower-cased, without `www.`."""

    op: Literal["url_to_domain"] = "url_to_domain"


class Split(_Op):
    """Keep one part of the value split on `sep`."""

    op: Literal["split"] = "split"
    sep: str = Field(min_length=1)
    part: Literal["first", "last", "index"] = "first"
    index: int = 0


class SplitName(_Op):
    """One part of a person's full name: `first` (given names) or `last` (the last name with its particles).

    "Ludwig van Beethoven" → first "Ludwig", last "van Beethoven"; "Smith, John" → first "John", last "Smith";
    a single word is a first name.
    """

    op: Literal["split_name"] = "split_name"
    part: Literal["first", "last"]


class Affix(_Op):
    """Put text before and/or after a non-blank value (e.g. prefix `info@` to a domain)."""

    op: Literal["affix"] = "affix"
    prefix: str = ""
    suffix: str = ""


class Concat(_Op):
    """Join the listed source columns with `sep`, skipping blanks (replaces the current value)."""

    op: Literal["concat"] = "concat"
    columns_: list[str] = Field(alias="columns", min_length=1)
    sep: str = " "

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def columns(self) -> list[str]:
        return list(self.columns_)


class MapValues(_Op):
    """Replace values per `mapping`, keys compared case-insensitively after trimming; others unchanged."""

    op: Literal["map_values"] = "map_values"
    mapping: dict[str, str | None]
    default: str | None = Field(default=None, description="Value for unmapped non-null values; None keeps them.")


class Default(_Op):
    """Fill null or blank values with `value`."""

    op: Literal["default"] = "default"
    value: str


class Coalesce(_Op):
    """The first non-blank of the current value and the listed source columns."""

    op: Literal["coalesce"] = "coalesce"
    columns_: list[str] = Field(alias="columns", min_length=1)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def columns(self) -> list[str]:
        return list(self.columns_)


class FillFrom(_Op):
    """When the value is blank, take `column` through its own `ops` instead (e.g. a domain built from a URL)."""

    op: Literal["fill_from"] = "fill_from"
    column: str
    ops: list[Op] = Field(default_factory=list)

    def columns(self) -> list[str]:
        cols = [self.column]
        for op in self.ops:
            cols += [c for c in op.columns() if c not in cols]
        return cols


class RegexExtract(_Op):
    """Keep capture `group` of the first match of `pattern` (null when it does not match)."""

    op: Literal["regex_extract"] = "regex_extract"
    pattern: str
    group: int = Field(default=0, ge=0)

    @model_validator(mode="after")
    def _pattern_ok(self) -> RegexExtract:
        why = check_portable_regex(self.pattern)
        if why:
            raise ValueError(f"pattern {self.pattern!r} {why}")
        if self.group > re.compile(self.pattern).groups:
            raise ValueError(f"pattern {self.pattern!r} has no group {self.group}")
        return self


class JsonExtract(_Op):
    """Read a value out of a JSON cell by a path like `$.address.city` or `$.items[0].id`."""

    op: Literal["json_extract"] = "json_extract"
    path: str = Field(pattern=r"^\$(\.[A-Za-z0-9_-]+|\[[0-9]+\])*$")


Op = Annotated[
    Trim
    | Case
    | NullTokens
    | ParseDate
    | ParseDatetime
    | ToNumber
    | ToBoolean
    | PhoneE164
    | EmailNormalize
    | UrlToDomain
    | Split
    | SplitName
    | Affix
    | Concat
    | MapValues
    | Default
    | Coalesce
    | FillFrom
    | RegexExtract
    | JsonExtract,
    Field(discriminator="op"),
]
OP_NAMES: tuple[str, ...] = tuple(
    [
        "trim",
        "case",
        "null_tokens",
        "parse_date",
        "parse_datetime",
        "to_number",
        "to_boolean",
        "phone_e164",
        "email_normalize",
        "url_to_domain",
        "split",
        "split_name",
        "affix",
        "concat",
        "map_values",
        "default",
        "coalesce",
        "fill_from",
        "regex_extract",
        "json_extract",
    ]
)


FillFrom.model_rebuild()


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SourceRef(_Strict):
    file_id: str
    sheet_id: str


class FieldRecipe(_Strict):
    """How one template field is filled: from `column` (or null when absent), then `ops` in order."""

    field: str
    column: str | None = None
    ops: list[Op] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _known_op(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for i, op in enumerate(data.get("ops") or []):
                name = op.get("op") if isinstance(op, dict) else getattr(op, "op", None)
                if name not in OP_NAMES:
                    known = ", ".join(OP_NAMES)
                    raise ValueError(f"field {data.get('field')!r} op {i + 1}: unknown op {name!r}; known: {known}")
        return data

    def source_columns(self) -> list[str]:
        """Every source column this field reads."""
        cols = [self.column] if self.column else []
        for op in self.ops:
            cols += [c for c in op.columns() if c not in cols]
        return cols


class Filter(_Strict):
    """Keep only rows where the output `field` (or the source `column`) compares to `value`.

    Values compare trimmed and case-insensitively; `not_null` keeps rows where the value is not blank.
    A `column` filter looks at the source cell as it is in the file, before any op.
    """

    field: str | None = None
    column: str | None = None
    op: Literal["eq", "ne", "not_null", "in", "not_in"]
    value: str | list[str] | None = None

    @model_validator(mode="after")
    def _one_target(self) -> Filter:
        if (self.field is None) == (self.column is None):
            raise ValueError("a filter names exactly one of `field` (an output field) or `column` (a source column)")
        if self.op in ("in", "not_in") and not isinstance(self.value, list):
            raise ValueError(f"filter op {self.op!r} needs a list `value`")
        if self.op in ("eq", "ne") and not isinstance(self.value, str):
            raise ValueError(f"filter op {self.op!r} needs a string `value`")
        return self


class Dedup(_Strict):
    """Drop later (or earlier) rows whose `keys` output values repeat, compared case-insensitively."""

    keys: list[str] = Field(min_length=1)
    keep: Literal["first", "last"] = "first"


class TemplateRecipe(_Strict):
    """How one template's rows are produced from one source sheet."""

    sheet_id: str
    source: SourceRef
    fields: list[FieldRecipe]
    filters: list[Filter] = Field(default_factory=list)
    dedup: Dedup | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_preview_fields(cls, data: Any) -> Any:
        """Accept the planner's `{field: {columns, hints} | None}` shape as well as a list of FieldRecipe."""
        if isinstance(data, dict) and isinstance(data.get("fields"), dict):
            data = {**data, "fields": [field_from_mapping(k, v) for k, v in data["fields"].items()]}
        return data


class Recipe(_Strict):
    """A versioned mapping recipe: one TemplateRecipe per target template."""

    version: int = 1
    templates: list[TemplateRecipe]

    def validate_against(self, templates: list[Template], sheets: dict[tuple[str, str], SheetManifest]) -> None:
        """Raise RecipeError naming the first unknown template/field, missing source sheet or column.

        `sheets` maps (file_id, sheet_id) to the sheet's manifest.
        """
        by_id = {t.sheet_id: t for t in templates}
        for tr in self.templates:
            template = by_id.get(tr.sheet_id)
            if template is None:
                raise RecipeError(f"recipe names template {tr.sheet_id!r}, which the migration does not have")
            sheet = sheets.get((tr.source.file_id, tr.source.sheet_id))
            if sheet is None:
                raise RecipeError(
                    f"template {tr.sheet_id!r} reads sheet {tr.source.sheet_id!r} of file {tr.source.file_id!r}, "
                    "which is not among the ready files"
                )
            keys = {f.key for f in template.fields}
            names = set(sheet.column_names)
            for fr in tr.fields:
                if fr.field not in keys:
                    raise RecipeError(f"template {tr.sheet_id!r} has no field {fr.field!r}")
                for col in fr.source_columns():
                    if col not in names:
                        raise RecipeError(
                            f"field {fr.field!r} of template {tr.sheet_id!r} reads column {col!r}, "
                            f"which sheet {tr.source.sheet_id!r} does not have"
                        )
            for name in [f.field for f in tr.filters if f.field] + (tr.dedup.keys if tr.dedup else []):
                if name not in keys:
                    raise RecipeError(f"template {tr.sheet_id!r} filters or dedups on unknown field {name!r}")
            for flt in tr.filters:
                if flt.column is not None and flt.column not in names:
                    raise RecipeError(
                        f"a filter of template {tr.sheet_id!r} reads column {flt.column!r}, "
                        f"which sheet {tr.source.sheet_id!r} does not have"
                    )


def field_from_mapping(field: str, spec: dict[str, Any] | str | None, ftype: str | None = None) -> dict[str, Any]:
    """A FieldRecipe dict from a planner mapping (`{columns: [...], hints: {...}}`, a column name, or None).

    Several columns become `column` + `coalesce`; hints become ops (`json_path`, a full-name `split`,
    `value_map`, dates, phone).
    With `ftype` (the template field's type) the usual normalising op for that type is added.
    An `ops` hint is the field's ops as they are (a mapping the account confirmed before): no default is added.
    """
    if spec is None:
        return {"field": field, "column": None, "ops": []}
    if isinstance(spec, str):
        spec = {"columns": [spec]}
    columns: list[str] = list(spec.get("columns") or [])
    hints: dict[str, Any] = dict(spec.get("hints") or {})
    if isinstance(hints.get("ops"), list):
        return {"field": field, "column": columns[0] if columns else None, "ops": list(hints["ops"])}
    ops: list[dict[str, Any]] = [{"op": "trim"}]
    if len(columns) > 1:
        ops.append({"op": "coalesce", "columns": columns[1:]})
    if hints.get("json_path"):
        ops.append({"op": "json_extract", "path": hints["json_path"]})
    ops.append({"op": "null_tokens"})
    if hints.get("split") == "full_name" and hints.get("part") in ("first", "last"):
        ops.append({"op": "split_name", "part": hints["part"]})
    if hints.get("value_map"):
        ops.append({"op": "map_values", "mapping": hints["value_map"]})
    order = hints.get("date_order")
    if hints.get("date_formats") or order or ftype in ("date", "datetime"):
        op: dict[str, Any] = {"op": "parse_datetime" if ftype == "datetime" else "parse_date"}
        if order in ("MDY", "DMY", "YMD"):
            op["order"] = order
        if hints.get("date_formats"):
            op["formats"] = list(hints["date_formats"])
        ops.append(op)
    if "default_region" in hints or ftype == "phone":
        ops.append({"op": "phone_e164", "region": hints.get("default_region")})
    extra = {"number": "to_number", "integer": "to_number", "boolean": "to_boolean", "email": "email_normalize"}
    if ftype in extra:
        ops.append({"op": extra[ftype]})
    return {"field": field, "column": columns[0] if columns else None, "ops": ops}


def recipe_from_mapping(
    mapping: dict[str, dict[str, Any] | str | None], template: Template, file_id: str, sheet_id: str
) -> Recipe:
    """A one-template Recipe from `{field: column | {columns, hints} | None}` with type-aware default ops."""
    types = {f.key: f.type for f in template.fields}
    fields = [field_from_mapping(k, v, types.get(k)) for k, v in mapping.items()]
    return Recipe.model_validate(
        {
            "version": 1,
            "templates": [
                {"sheet_id": template.sheet_id, "source": {"file_id": file_id, "sheet_id": sheet_id}, "fields": fields}
            ],
        }
    )


def recipe_from_plan(plan: dict[str, Any], templates: list[Template]) -> Recipe:
    """A Recipe from a preview draft's `recipe` (`{version, templates: [{sheet_id, source, fields: {...}}]}`).

    Like `Recipe.model_validate`, but planner-shaped fields (`{field: {columns, hints} | None}`) get the
    type-aware default ops of `field_from_mapping`, using each template field's type.
    """
    types = {t.sheet_id: {f.key: f.type for f in t.fields} for t in templates}
    converted = []
    for tr in plan.get("templates", []):
        fields = tr.get("fields")
        if isinstance(fields, dict):
            ft = types.get(tr.get("sheet_id", ""), {})
            tr = {**tr, "fields": [field_from_mapping(k, v, ft.get(k)) for k, v in fields.items()]}
        converted.append(tr)
    return Recipe.model_validate({**plan, "templates": converted})


def recipe_json_schema() -> dict[str, Any]:
    """The JSON Schema of a Recipe (docs/recipe.schema.json is this, checked by a test)."""
    return Recipe.model_json_schema(by_alias=True)
