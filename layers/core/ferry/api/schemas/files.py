"""Request and response bodies of the Files routes (XCreate / XPublic), mapped explicitly from file records."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from ferry.aws.dynamo import FileRecord
from ferry.core.domain import Strict
from ferry.core.text import Name
from ferry.migrations.files import MAX_FILENAME_LENGTH, NewUpload


class SheetPublic(BaseModel):
    """One sheet (a CSV file has one) of an ingested file."""

    sheet_id: str
    name: str
    columns: list[str]
    row_count: int


class FilePublic(BaseModel):
    """An uploaded file and where its ingestion stands."""

    file_id: str
    filename: str
    content_type: str
    size: int | None = Field(description="Bytes: as declared until the upload is ingested, then as stored.")
    status: Literal["pending_upload", "ready", "rejected"]
    sheets: list[SheetPublic] | None = Field(default=None, description="When `ready`: what the file holds.")
    error: str | None = Field(default=None, description="When `rejected`: why, in plain language.")
    created_at: str
    updated_at: str

    @classmethod
    def of(cls, record: FileRecord) -> FilePublic:
        """The public view of a stored file."""
        return cls(
            file_id=record.file_id,
            filename=record.filename,
            content_type=record.content_type,
            size=record.size,
            status=record.status,
            sheets=[SheetPublic(**s.model_dump()) for s in record.sheets] if record.sheets is not None else None,
            error=record.error,
            created_at=record.created_at,
            updated_at=record.updated_at,
        )


class FileCreate(Strict):
    """Start an upload."""

    filename: Name = Field(min_length=1, max_length=1024, examples=["contacts.csv"])
    content_type: str | None = Field(default=None, max_length=255, examples=["text/csv"])
    size: int | None = Field(
        default=None, ge=0, strict=True, description="Bytes; when given, the upload must be exactly this size."
    )


class UploadInstructions(BaseModel):
    """How to send the bytes: a presigned PUT straight to storage."""

    url: str
    method: Literal["PUT"] = "PUT"
    headers: dict[str, str] = Field(description="Send these headers with the PUT, exactly.")
    expires_at: str


class FileUploadPublic(BaseModel):
    """A pending file and the upload that will fill it."""

    file_id: str
    filename: str = Field(max_length=MAX_FILENAME_LENGTH)
    status: Literal["pending_upload"] = "pending_upload"
    upload: UploadInstructions

    @classmethod
    def of(cls, new: NewUpload) -> FileUploadPublic:
        """The public view of a new upload."""
        return cls(
            file_id=new.file.file_id,
            filename=new.file.filename,
            upload=UploadInstructions(url=new.upload.url, headers=new.upload.headers, expires_at=new.expires_at),
        )


class FileList(BaseModel):
    """A migration's files, oldest first."""

    files: list[FilePublic]
