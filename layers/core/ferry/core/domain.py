"""Domain types shared across concerns: who a request acts for, target templates and ingested file manifests.

API request/response bodies live with the API (ferry.api.schemas); recipe models with ferry.recipe.
"""

import re
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

FieldType = Literal["string", "integer", "number", "boolean", "date", "datetime", "email", "phone", "url", "enum"]

_KEY_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")


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
    label: str | None = None
    type: FieldType
    required: bool = False
    unique: bool = False
    values: list[str] | None = Field(default=None, description="Allowed values; required for `enum`.")
    pattern: str | None = None
    min: float | None = None
    max: float | None = None
    description: str | None = None
    aliases: list[str] | None = None

    @field_validator("key")
    @classmethod
    def _key_shape(cls, v: str) -> str:
        if not _KEY_RE.match(v):
            raise ValueError("must start with a letter or _ and hold only letters, digits and _ (max 64)")
        return v

    @field_validator("pattern")
    @classmethod
    def _pattern_compiles(cls, v: str | None) -> str | None:
        if v is not None:
            try:
                re.compile(v)
            except re.error as exc:
                raise ValueError(f"is not a valid regular expression: {exc}") from None
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
    name: str = Field(min_length=1, max_length=200)
    sheet_id: str
    fields: list[TemplateField] = Field(min_length=1)

    @field_validator("sheet_id")
    @classmethod
    def _sheet_id_shape(cls, v: str) -> str:
        if not _KEY_RE.match(v):
            raise ValueError("must start with a letter or _ and hold only letters, digits and _ (max 64)")
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
    sheets: list[SheetManifest]
