"""Company imports: start (idempotently), poll, list, cancel, decide on flagged rows, export."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from ferry.api.deps import (
    BlobsDep,
    CurrentAccount,
    ExportQueryDep,
    HistoryQueryDep,
    LifecycleDep,
    LinkAccount,
    SettingsDep,
    StoreDep,
)
from ferry.api.responses import EXPORT_RESPONSES, export_response
from ferry.api.schemas.imports import (
    ActiveImport,
    ImportCreate,
    ImportCreated,
    ImportDecision,
    ImportList,
    ImportPatch,
    ImportPublic,
)
from ferry.imports import service as imports

router = APIRouter(prefix="/companies/{company_id}/imports", tags=["imports"])


def _poll_url(company_id: str, run_id: str) -> str:
    return f"/v1/companies/{company_id}/imports/{run_id}"


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    summary="Start an import for a company (idempotent on idempotency_key)",
    responses={200: {"model": ImportCreated, "description": "The import this key already stands for."}},
)
def create_import(
    company_id: str, body: ImportCreate, account: CurrentAccount, lc: LifecycleDep, response: Response
) -> ImportCreated:
    """201 and a queued import; 200 and the same import for the same key and body; 422 for the key with
    another body; 409 with the active import's `run_id` while one is in flight."""
    request = imports.ImportRequest(body.migration_id, body.file_ids, body.extract_via_api)
    run, created = imports.create_import(lc, account.account_id, company_id, body.idempotency_key, request)
    if not created:
        response.status_code = status.HTTP_200_OK
    return ImportCreated(
        run_id=run.run_id,
        status=run.status,
        poll_url=_poll_url(company_id, run.run_id),
        created_at=run.created_at,
    )


@router.get("", summary="The company's import in flight (?status=active), or its import history newest first")
def list_imports(
    company_id: str, account: CurrentAccount, db: StoreDep, query: HistoryQueryDep
) -> ImportList | ActiveImport:
    """`{run}` with `status=active`, else one page of `{runs, next_cursor}`."""
    if query.active_only:
        active = imports.active_import(db, account.account_id, company_id)
        return ActiveImport(run=ImportPublic.of(active) if active else None)
    page, next_cursor = imports.list_imports(db, account.account_id, company_id, query.limit, query.cursor)
    return ImportList(runs=[ImportPublic.of(r) for r in page], next_cursor=next_cursor)


@router.get("/{run_id}", summary="Poll an import")
def get_import(company_id: str, run_id: str, account: CurrentAccount, db: StoreDep) -> ImportPublic:
    """The import, with the fields of its status."""
    return ImportPublic.of(imports.require_import(db, account.account_id, company_id, run_id))


@router.patch("/{run_id}", summary='Cancel an import: {"status": "cancel_requested"}')
def cancel_import(
    company_id: str, run_id: str, body: ImportPatch, account: CurrentAccount, lc: LifecycleDep
) -> ImportPublic:
    """Stop the import's execution and free the company; an import that already ended is returned unchanged."""
    return ImportPublic.of(imports.cancel_import(lc, account.account_id, company_id, run_id))


@router.post("/{run_id}/decisions", summary="Approve (optionally with answers) or reject an import's flagged rows")
def decide(
    company_id: str, run_id: str, body: ImportDecision, account: CurrentAccount, lc: LifecycleDep
) -> ImportPublic:
    """Resume an import in needs_attention exactly once; 409 when it is not waiting for a decision, 400 for
    an unknown question or option."""
    run = imports.decide(lc, account, company_id, run_id, body.decision, body.answers)
    return ImportPublic.of(run, poll_url=_poll_url(company_id, run.run_id))


@router.get(
    "/{run_id}/export",
    summary="Export a completed import's rows as CSV",
    response_class=Response,
    responses=EXPORT_RESPONSES,
)
def export_import(
    company_id: str,
    run_id: str,
    account: LinkAccount,
    db: StoreDep,
    blobs: BlobsDep,
    settings: SettingsDep,
    query: ExportQueryDep,
) -> Response:
    """The CSV of a completed import (`valid`: flagged rows left out; `invalid`/`all` add `_row` and
    `_errors`); 409 for an import in any other status."""
    run = imports.require_import(db, account.account_id, company_id, run_id)
    return export_response(blobs, settings, run, query)
