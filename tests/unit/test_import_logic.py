"""Import logic without AWS: what an idempotency key stands for, company ids, the poll shape per status."""

from __future__ import annotations

import pytest

from ferry.api.schemas.imports import ImportPublic
from ferry.aws.dynamo import RunRecord
from ferry.core.errors import InvalidRequest
from ferry.imports.service import ImportRequest, hash_idempotency_key, scope_of


def test_the_same_request_has_the_same_fingerprint_whatever_was_omitted() -> None:
    plain = ImportRequest("mig_x", None, False)
    assert plain.fingerprint() == ImportRequest("mig_x", [], False).fingerprint()
    assert plain.fingerprint() != ImportRequest("mig_x", ["file_a"], False).fingerprint()
    assert plain.fingerprint() != ImportRequest("mig_x", None, True).fingerprint()
    assert plain.fingerprint() != ImportRequest("mig_y", None, False).fingerprint()
    two = ImportRequest("mig_x", ["file_a", "file_b"], False)
    assert two.fingerprint() != ImportRequest("mig_x", ["file_b", "file_a"], False).fingerprint()  # order matters


def test_any_key_up_to_255_characters_fits_the_table() -> None:
    stored = hash_idempotency_key("é" * 255)  # 510 bytes of UTF-8, stored as a fixed-length hash
    assert len(stored) == 64 and stored == hash_idempotency_key("é" * 255)


@pytest.mark.parametrize("company_id", ["", "a b", "-x", "x" * 129, "a/b", "a#b"])
def test_a_company_id_we_cannot_store_is_400(company_id: str) -> None:
    with pytest.raises(InvalidRequest):
        scope_of("acct_x", company_id)


def test_company_scopes_are_per_account() -> None:
    assert scope_of("acct_a", "acme") != scope_of("acct_b", "acme")
    assert scope_of("acct_a", "acme-42.eu:x@y") == "CO#acct_a#acme-42.eu:x@y"


def _import(**changes: object) -> RunRecord:
    base = {"account_id": "acct_x", "migration_id": "mig_x", "company_id": "acme", "run_id": "run_x",
            "kind": "import", "status": "running", "heartbeat_at": "t", "created_at": "t",
            "updated_at": "t"}  # fmt: skip
    return RunRecord.model_validate({**base, **changes})


REVIEW = {
    "questions": [
        {
            "id": "contacts.email.type",
            "question": "1 email in Contacts is not a valid email address — what should happen to it?",
            "context": "Email must be a valid email address.",
            "details": {
                "sheet_id": "contacts",
                "column": "email",
                "affected_count": 1,
                "sample_values": ["x"],
                "error": "type",
            },
            "columns": ["email"],
            "options": [{"id": "delete_rows", "label": "Delete these rows", "action": "delete_invalid_rows"}],
            "allow_custom": True,
        }
    ],
    "proposed_patch": {
        "summary": "Delete the 1 row.",
        "actions": [
            {
                "question_id": "contacts.email.type",
                "sheet_id": "contacts",
                "column": "email",
                "error": "type",
                "action": "delete_invalid_rows",
            }
        ],
    },
}


def test_the_public_import_has_only_the_fields_of_its_status() -> None:
    common = {"run_id", "status", "created_at", "updated_at", "migration_id"}
    assert set(ImportPublic.of(_import(status="queued", message="m")).model_dump()) == common | {"progress_message"}
    parked = ImportPublic.of(_import(status="needs_attention", needs_attention=REVIEW, report={"totalRows": 1}))
    body = parked.model_dump()
    assert set(body) == common | {"report", "needs_attention"}
    # the options' patch actions and the actions' rule stay inside
    assert body["needs_attention"]["questions"][0]["options"] == [{"id": "delete_rows", "label": "Delete these rows"}]
    assert body["needs_attention"]["proposed_patch"]["actions"] == [
        {"question_id": "contacts.email.type", "sheet_id": "contacts", "column": "email",
         "action": "delete_invalid_rows"}
    ]  # fmt: skip
    assert set(ImportPublic.of(_import(status="completed", report={"totalRows": 1})).model_dump()) == common | {
        "report"
    }
    assert set(ImportPublic.of(_import(status="failed", error="e")).model_dump()) == common | {"error"}
    failed = ImportPublic.of(_import(status="failed", error="e", report={"totalRows": 1}))
    assert set(failed.model_dump()) == common | {"error", "report"}
    assert set(ImportPublic.of(_import(status="canceled", report={"totalRows": 1})).model_dump()) == common
