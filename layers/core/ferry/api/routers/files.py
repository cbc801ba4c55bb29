"""Files of a migration: presigned uploads straight to S3, then read or delete."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from ferry.api.deps import BlobsDep, CurrentAccount, SettingsDep, StoreDep
from ferry.api.schemas.files import FileCreate, FileList, FilePublic, FileUploadPublic
from ferry.migrations import files

router = APIRouter(prefix="/migrations/{migration_id}/files", tags=["files"])


@router.post("", status_code=status.HTTP_201_CREATED, summary="Start an upload: get a presigned PUT URL")
def create_file(
    migration_id: str, body: FileCreate, account: CurrentAccount, db: StoreDep, blobs: BlobsDep, settings: SettingsDep
) -> FileUploadPublic:
    """Record a pending file and answer a presigned PUT; the upload triggers ingestion."""
    new = files.create_upload(
        db,
        blobs,
        settings,
        account.account_id,
        migration_id,
        filename=body.filename,
        content_type=body.content_type,
        size=body.size,
    )
    return FileUploadPublic.of(new)


@router.get("", summary="List the migration's files")
def list_files(migration_id: str, account: CurrentAccount, db: StoreDep) -> FileList:
    """Every file of the migration, oldest first."""
    return FileList(files=[FilePublic.of(f) for f in files.list_files(db, account.account_id, migration_id)])


@router.get("/{file_id}", summary="Get a file and its ingestion status")
def get_file(migration_id: str, file_id: str, account: CurrentAccount, db: StoreDep) -> FilePublic:
    """A file; poll it until `status` is `ready` or `rejected`."""
    return FilePublic.of(files.get_file(db, account.account_id, migration_id, file_id))


@router.delete(
    "/{file_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Delete a file, its upload and its manifest",
)
def delete_file(migration_id: str, file_id: str, account: CurrentAccount, db: StoreDep, blobs: BlobsDep) -> Response:
    """Delete the file, its uploaded bytes and its manifest."""
    files.delete_file(db, blobs, account.account_id, migration_id, file_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
