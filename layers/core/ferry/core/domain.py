"""Domain types shared across concerns: who a request acts for, target templates and ingested file manifests.

API request/response bodies live with the API (ferry.api.schemas); recipe models with ferry.recipe.
"""

import re
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ferry.core.patterns import pattern_problem
from ferry.core.text import Name, Text

FieldType = Literal["string", "integer", "number", "boolean", "date", "datetime", "email", "phone", "url", "enum"]

_KEY_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")

# Template limits (docs/api.md, Limits): a migration and its templates are one DynamoDB item (400 KB),
# so past these a save would fail; they are answered 400 (counts) or 413 (total size) naming the limit.
MAX_FIELDS_PER_TEMPLATE = 500
MAX_TEMPLATES_PER_MIGRATION = 100
MAX_ENUM_VALUES = 2_000
MAX_ENUM_VALUE_LENGTH = 500
MAX_TEMPLATES_JSON_BYTES = 256 * 1024


@dataclass(frozen=True)
class AccountKey:
    """Who a request acts for: the account, and the default connection profile of its key."""

    account_id: str
    profile_id: str | None = None


class Strict(BaseModel):
    """Unknown fields are an error (400), never silently dropped."""

    model_config = ConfigDict(extra="forbid")


class TemplateField(Strict):
    key: str
    label: Name | None = None
    type: FieldType
    required: bool = False
    unique: bool = False
    values: list[Text] | None = Field(default=None, description="Allowed values; required for `enum`.")
    pattern: str | None = None
    # strict: a bool is not a number; allow_inf_nan: NaN and Infinity (which JSON cannot carry) are refused
    min: float | None = Field(default=None, strict=True, allow_inf_nan=False)
    max: float | None = Field(default=None, strict=True, allow_inf_nan=False)
    description: Text | None = None
    aliases: list[Name] | None = None

    @field_validator("key")
    @classmethod
    def _key_shape(cls, v: str) -> str:
        if not _KEY_RE.match(v):
            raise ValueError("must start with a letter or _ and hold only letters, digits and _ (max 64)")
        return v

    @field_validator("pattern")
    @classmethod
    def _pattern_runs(cls, v: str | None) -> str | None:
        """Only patterns the engine matches in linear time and compiles (`ferry.core.patterns`)."""
        if v is not None and (why := pattern_problem(v)) is not None:
            raise ValueError(f"pattern {why}")
        return v

    @field_validator("values")
    @classmethod
    def _values_bounded(cls, v: list[str] | None) -> list[str] | None:
        if v is not None and len(v) > MAX_ENUM_VALUES:
            raise ValueError(f"lists {len(v):,} values; an enum holds at most {MAX_ENUM_VALUES:,}")
        if v is not None and any(len(value) > MAX_ENUM_VALUE_LENGTH for value in v):
            raise ValueError(f"holds a value longer than {MAX_ENUM_VALUE_LENGTH} characters")
        return v

    @model_validator(mode="after")
    def _enum_has_values(self) -> "TemplateField":
        if self.type == "enum" and not self.values:
            raise ValueError(f"field {self.key!r} is an enum and needs a non-empty `values` list")
        if self.values is not None and len(set(self.values)) != len(self.values):
            raise ValueError(f"field {self.key!r} lists a value twice in `values`")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"field {self.key!r} has min greater than max")
        return self


class Template(Strict):
    name: Name = Field(min_length=1, max_length=200)
    sheet_id: str
    fields: list[TemplateField] = Field(min_length=1)

    @field_validator("sheet_id")
    @classmethod
    def _sheet_id_shape(cls, v: str) -> str:
        if not _KEY_RE.match(v):
            raise ValueError("must start with a letter or _ and hold only letters, digits and _ (max 64)")
        return v

    @field_validator("fields")
    @classmethod
    def _fields_bounded(cls, v: list[TemplateField]) -> list[TemplateField]:
        if len(v) > MAX_FIELDS_PER_TEMPLATE:
            raise ValueError(f"has {len(v):,} fields; a template holds at most {MAX_FIELDS_PER_TEMPLATE:,}")
        return v

    @model_validator(mode="after")
    def _unique_keys(self) -> "Template":
        keys = [f.key for f in self.fields]
        dupes = sorted({k for k in keys if keys.count(k) > 1})
        if dupes:
            raise ValueError(f"template {self.sheet_id!r} repeats field keys: {', '.join(dupes)}")
        return self


def check_unique_sheet_ids(templates: list[Template]) -> None:
    ids = [t.sheet_id for t in templates]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise ValueError(f"templates repeat sheet_id: {', '.join(dupes)}")


# --- ingestion manifests: what a file holds and how to read it again -----------------------------


class ColumnManifest(BaseModel):
    name: str = Field(description="Column name used downstream: trimmed, blank/duplicate headers renamed.")
    header: str = Field(description="The header cell exactly as found in the file ('' when blank).")
    samples: list[str] = Field(default_factory=list, description="Up to 10 distinct non-blank values.")
    filled: int = Field(default=0, description="Rows with a non-blank value in this column.")


class SheetManifest(BaseModel):
    sheet_id: str = Field(description="Stable id within the file: 'sheet_1', 'sheet_2', ...")
    name: str
    columns: list[ColumnManifest]
    row_count: int = Field(description="Data rows below the header (blank rows not counted).")
    header_row: int = Field(description="0-based record index of the header row (title rows above skipped).")
    header_rows: int = Field(
        default=1, description="Stacked header rows from header_row down (merged header cells), joined per column."
    )
    blank_rows: int = Field(default=0, description="Fully blank records below the header, skipped by readers.")
    ragged_rows: int = Field(
        default=0,
        description="Records from the header down whose cell count differs from len(columns) "
        "(short rows padded, blank extra cells dropped).",
    )

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


class FileManifest(BaseModel):
    format: Literal["csv", "xlsx", "xls", "ods"]
    size_bytes: int
    encoding: str | None = Field(default=None, description="Python codec of a CSV file, e.g. 'utf-8-sig'.")
    delimiter: str | None = None
    quotechar: str | None = '"'
    line_terminator: Literal["\n", "\r\n", "\r"] | None = None
    quoted_newlines: bool = False
    line_terminators: list[Literal["\n", "\r\n", "\r"]] = Field(
        default_factory=list,
        description="Every kind of line break found (between records or inside quoted cells), most frequent first.",
    )
    irregular_quoting: bool = Field(
        default=False, description="Quotes inside unquoted cells or after a closing quote: readers disagree there."
    )
    fallback_encoding: str | None = Field(
        default=None,
        description="A UTF-8 file with some lines in a legacy code page: the Python codec those lines (the bytes "
        "UTF-8 refuses) are read in. Readers decode with `ferry.ingest.encoding.fallback_errors`.",
    )
    notes: list[str] = Field(
        default_factory=list, description="What ingestion decided that a person should check, in plain language."
    )
    sheets: list[SheetManifest]
