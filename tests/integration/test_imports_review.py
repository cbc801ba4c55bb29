"""Company imports with review, end to end on the real stack (moto runs statemachines/import.asl.json, the
tasks run the real engine and patch pass) over a real messy file: flagged rows park the import with plain
questions and a proposed patch; a decision applies it once and re-checks; reject and timeout keep the report."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient

from tests.integration.imports_support import (
    EMAIL,
    approved_migration,
    example_rows,
    imports_url,
    poll,
    post_import,
    read_csv,
    wait_for_import,
)

INTEGER = re.compile(r"^[+-]?[0-9]+$")
FIELDS = ["first_name", "last_name", "email", "years", "team"]


def _flags() -> dict[str, list[int]]:
    """Independently of Ferry: the 1-based rows whose email is not an address, whose years is not a whole
    number, and whose years is above 90."""
    rows = example_rows()
    years = [r["years"].strip() for r in rows]
    return {
        "email.type": [i for i, r in enumerate(rows, 1) if not EMAIL.match(r["email"].strip().lower())],
        "years.type": [i for i, y in enumerate(years, 1) if y and not INTEGER.match(y)],
        "years.max": [i for i, y in enumerate(years, 1) if INTEGER.match(y) and int(y) > 90],
    }


def _first_distinct(values: list[str], n: int = 5) -> list[str]:
    out: list[str] = []
    for v in values:
        if v not in out:
            out.append(v)
    return out[:n]


def _decide(api: TestClient, headers: dict[str, str], company: str, run_id: str, **body: Any) -> Any:
    return api.post(imports_url(company, run_id, "/decisions"), json=body, headers=headers)


def test_flagged_rows_park_then_an_approval_with_one_override_completes(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    migration_id, _ = approved_migration(api, acct.headers)
    rows = example_rows()
    flags = _flags()
    # When: the migration's recipe is imported for a company
    created = post_import(api, acct.headers, "acme", "import-1", migration_id=migration_id)
    assert created.status_code == 201, created.text
    run_id = created.json()["run_id"]
    assert created.json()["poll_url"] == f"/v1/companies/acme/imports/{run_id}"
    # Then: it parks in needs_attention, in the contract's shape
    parked = wait_for_import(api, acct.headers, "acme", run_id, "needs_attention", "completed", "failed")
    assert parked["status"] == "needs_attention", parked
    assert set(parked) == {"run_id", "status", "created_at", "updated_at", "migration_id", "report", "needs_attention"}
    questions = {q["id"]: q for q in parked["needs_attention"]["questions"]}
    assert list(questions) == ["contacts.email.type", "contacts.years.type", "contacts.years.max"]
    # And: each question counts its group right and shows real offending values
    email = questions["contacts.email.type"]
    assert email["details"] == {
        "sheet_id": "contacts",
        "column": "email",
        "affected_count": len(flags["email.type"]),
        "sample_values": [rows[i - 1]["email"].strip().lower() for i in flags["email.type"]],
        "error": "type",
    }
    assert email["details"]["affected_count"] == 3
    assert email["question"] == "3 emails in Contacts are not valid email addresses — what should happen to them?"
    assert email["columns"] == ["email"] and email["allow_custom"] is True
    assert [o["id"] for o in email["options"]] == ["delete_rows", "keep_flagged"]  # email is required: no clearing
    above = questions["contacts.years.max"]
    assert above["details"]["affected_count"] == len(flags["years.max"]) == 93
    assert above["details"]["sample_values"] == _first_distinct([rows[i - 1]["years"] for i in flags["years.max"]])
    assert questions["contacts.years.type"]["details"]["sample_values"] == ["I love pizza"]
    # And: the proposed patch deletes rows missing a required valid value and clears optional bad cells
    patch = parked["needs_attention"]["proposed_patch"]
    assert [(a["question_id"], a["action"], a.get("value")) for a in patch["actions"]] == [
        ("contacts.email.type", "delete_invalid_rows", None),
        ("contacts.years.type", "set_value", ""),
        ("contacts.years.max", "set_value", ""),
    ]
    assert patch["summary"].startswith("Delete the 3 rows of Contacts whose email is not a valid email address")
    flagged_rows = set(flags["email.type"]) | set(flags["years.type"]) | set(flags["years.max"])
    assert parked["report"]["invalidCellCount"] == len(flagged_rows)
    # And: while parked nothing is exported and the company's active import is this one
    assert api.get(imports_url("acme", run_id, "/export"), headers=acct.headers).status_code == 409
    active = api.get(imports_url("acme"), params={"status": "active"}, headers=acct.headers).json()
    assert active["run"]["run_id"] == run_id and active["run"]["status"] == "needs_attention"
    # And: a decision naming an unknown question, or a malformed one, is a 400 and changes nothing
    unknown = _decide(api, acct.headers, "acme", run_id, decision="approve",
                      answers=[{"question_id": "contacts.nope.type", "option_id": "delete_rows"}])  # fmt: skip
    assert unknown.status_code == 400 and "contacts.nope.type" in unknown.json()["error"]["message"]
    for bad in ({"decision": "maybe"}, {"decision": "approve", "extra": 1}, {}):
        assert _decide(api, acct.headers, "acme", run_id, **bad).status_code == 400
    no_custom = {"question_id": "contacts.email.type", "option_id": "clear_cells"}
    assert _decide(api, acct.headers, "acme", run_id, decision="approve", answers=[no_custom]).status_code == 400
    assert poll(api, acct.headers, "acme", run_id)["status"] == "needs_attention"

    # When: the patch is approved with one override (delete the rows whose years is above 90)
    override = [{"question_id": "contacts.years.max", "option_id": "delete_rows"}]
    decided = _decide(api, acct.headers, "acme", run_id, decision="approve", answers=override)
    assert decided.status_code == 200, decided.text
    assert decided.json()["status"] == "running"
    # Then: a second decision is a 409 (the first is applied once)
    again = _decide(api, acct.headers, "acme", run_id, decision="approve")
    assert again.status_code == 409 and again.json()["error"]["code"] == "import_not_waiting"
    done = wait_for_import(api, acct.headers, "acme", run_id, "completed", "failed", "needs_attention")
    assert done["status"] == "completed", done
    # And: the report agrees with an independent computation
    deleted = set(flags["email.type"]) | set(flags["years.max"])
    cleared = [i for i in flags["years.type"] if i not in deleted]
    report = done["report"]
    assert report["totalRows"] == len(rows) - len(deleted) == 1000 - 96
    assert report["templates"] == [{"templateName": "Contacts", "sheetId": "contacts", "rowCount": 904}]
    assert report["invalidCellCount"] == 0 and report["invalidCells"] == []
    assert report["patches"] == {"cellsSet": len(cleared), "rowsDeleted": len(deleted), "duplicatesDropped": 0}
    profile = {c["column"]: c for c in report["profile"]["columns"]}
    assert profile["email"]["source"]["filled"] == profile["email"]["output"]["filled"] == 904
    assert profile["years"]["output"]["filled"] == 904 - len(cleared)
    assert profile["years"]["source"]["filled"] == 904
    # The only warning: the template has no field for the file's `manager` column (kept through the patch pass)
    assert [w["sourceColumn"] for w in report["profile"]["warnings"]] == ["manager"]
    assert report["profile"]["warnings"][0]["message"] == "`manager` (1,000 filled) is not imported"
    # And: the decision is recorded on the import: who, when, what, and what it did
    (decision,) = done["decisions"]
    assert decision["decision"] == "approve" and decision["decided_by"]["account_id"] == acct.account_id
    assert decision["decided_at"] >= parked["updated_at"]
    assert [a["action"] for a in decision["patch"]] == ["delete_invalid_rows", "set_value", "delete_invalid_rows"]
    assert decision["result"] == {"cellsSet": 1, "rowsDeleted": 96, "duplicatesDropped": 0}
    # And: the valid export agrees with the independent computation cell for cell
    export = api.get(imports_url("acme", run_id, "/export"), headers=acct.headers)
    assert export.status_code == 200 and export.headers["content-type"].startswith("text/csv")
    expected = [
        {
            "first_name": r["firstname"].strip(),
            "last_name": r["lastname"].strip(),
            "email": r["email"].strip().lower(),
            "years": "" if i in cleared else r["years"].strip(),
            "team": r["team"].strip(),
        }
        for i, r in enumerate(rows, 1)
        if i not in deleted
    ]
    assert read_csv(export.content) == expected
    invalid = api.get(imports_url("acme", run_id, "/export"), params={"filter": "invalid"}, headers=acct.headers)
    assert read_csv(invalid.content) == []
    # And: the company is free; the history lists the import
    assert api.get(imports_url("acme"), params={"status": "active"}, headers=acct.headers).json() == {"run": None}
    history = api.get(imports_url("acme"), headers=acct.headers).json()
    assert [r["run_id"] for r in history["runs"]] == [run_id] and history["next_cursor"] is None


def test_a_custom_value_is_checked_like_any_cell_and_asks_again(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    migration_id, _ = approved_migration(api, acct.headers)
    run_id = post_import(api, acct.headers, "acme", "k", migration_id=migration_id).json()["run_id"]
    wait_for_import(api, acct.headers, "acme", run_id, "needs_attention")
    # When: the three bad emails all get the same custom address, and the years groups are kept flagged
    answers = [
        {"question_id": "contacts.email.type", "custom": "  Unknown@Example.com "},
        {"question_id": "contacts.years.type", "option_id": "keep_flagged"},
        {"question_id": "contacts.years.max", "option_id": "keep_flagged"},
    ]
    assert _decide(api, acct.headers, "acme", run_id, decision="approve", answers=answers).status_code == 200
    # Then: the set value is valid, but it repeats: a fresh question about the repeats, and only that one
    again = wait_for_import(api, acct.headers, "acme", run_id, "needs_attention", "completed", "failed")
    assert again["status"] == "needs_attention", again
    (question,) = again["needs_attention"]["questions"]
    assert question["id"] == "contacts.email.unique"
    assert question["details"]["affected_count"] == 2
    assert question["details"]["sample_values"] == ["Unknown@Example.com"]
    assert question["allow_custom"] is False
    assert again["needs_attention"]["proposed_patch"]["actions"] == [
        {"question_id": "contacts.email.unique", "sheet_id": "contacts", "column": "email",
         "action": "dedup_keep_first", "key_column": "email"}
    ]  # fmt: skip
    assert again["decisions"][0]["result"] == {"cellsSet": 3, "rowsDeleted": 0, "duplicatesDropped": 0}
    # When: the proposed dedup is approved
    assert _decide(api, acct.headers, "acme", run_id, decision="approve").status_code == 200
    done = wait_for_import(api, acct.headers, "acme", run_id, "completed", "failed", "needs_attention")
    # Then: one row keeps the address, two are dropped; the kept years groups stay flagged, out of `valid`
    assert done["status"] == "completed", done
    flags = _flags()
    kept_flagged = set(flags["years.type"]) | set(flags["years.max"])
    report = done["report"]
    assert report["totalRows"] == 998
    assert report["patches"] == {"cellsSet": 3, "rowsDeleted": 0, "duplicatesDropped": 2}
    assert report["invalidCellCount"] == len(kept_flagged - set(flags["email.type"][1:]))
    assert {(c["column"], c["error"]) for c in report["invalidCells"]} == {("years", "type"), ("years", "max")}
    valid = read_csv(api.get(imports_url("acme", run_id, "/export"), headers=acct.headers).content)
    assert len(valid) == report["totalRows"] - report["invalidCellCount"]
    assert sum(1 for r in valid if r["email"] == "Unknown@Example.com") == (
        0 if flags["email.type"][0] in kept_flagged else 1
    )


def test_reject_fails_the_import_with_its_report_and_frees_the_company(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    migration_id, _ = approved_migration(api, acct.headers)
    run_id = post_import(api, acct.headers, "acme", "k", migration_id=migration_id).json()["run_id"]
    parked = wait_for_import(api, acct.headers, "acme", run_id, "needs_attention")
    # Given: answers go only with an approval
    with_answers = _decide(api, acct.headers, "acme", run_id, decision="reject",
                           answers=[{"question_id": "contacts.email.type", "option_id": "delete_rows"}])  # fmt: skip
    assert with_answers.status_code == 400
    # When: the import is rejected
    assert _decide(api, acct.headers, "acme", run_id, decision="reject").status_code == 200
    failed = wait_for_import(api, acct.headers, "acme", run_id, "failed")
    # Then: it failed in plain words with the invalid-cell report intact, and nothing is exported
    assert failed["error"].startswith("You rejected the import") and "Nothing was imported" in failed["error"]
    assert failed["report"] == parked["report"]
    assert {(c["column"], c["error"], c["count"]) for c in failed["report"]["invalidCells"]} == {
        ("email", "type", 3), ("years", "type", 1), ("years", "max", 93)
    }  # fmt: skip
    assert failed["decisions"][0]["decision"] == "reject"
    assert api.get(imports_url("acme", run_id, "/export"), headers=acct.headers).status_code == 409
    # And: a later decision is a 409; the company is free for a new import
    assert _decide(api, acct.headers, "acme", run_id, decision="approve").status_code == 409
    assert api.get(imports_url("acme"), params={"status": "active"}, headers=acct.headers).json() == {"run": None}
    assert post_import(api, acct.headers, "acme", "k2", migration_id=migration_id).status_code == 201


def test_a_decision_after_the_wait_timed_out_is_409_and_the_import_failed(api: TestClient, account, setting) -> None:  # type: ignore[no-untyped-def]
    # Given: imports wait one second for a decision
    setting("FERRY_IMPORT_DECISION_TIMEOUT_SECONDS", "1")
    acct = account()
    migration_id, _ = approved_migration(api, acct.headers)
    run_id = post_import(api, acct.headers, "acme", "k", migration_id=migration_id).json()["run_id"]
    # When: nobody decides in time
    failed = wait_for_import(api, acct.headers, "acme", run_id, "failed")
    # Then: the import failed saying so, with its report; a late decision is a 409; the company is free
    assert failed["error"].startswith("Nobody decided on the flagged rows in time")
    assert failed["report"]["invalidCellCount"] == 97
    late = _decide(api, acct.headers, "acme", run_id, decision="approve")
    assert late.status_code == 409 and late.json()["error"]["run_id"] == run_id
    assert poll(api, acct.headers, "acme", run_id)["status"] == "failed"
    assert api.get(imports_url("acme"), params={"status": "active"}, headers=acct.headers).json() == {"run": None}


def test_cancel_while_parked_frees_the_company(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    acct = account()
    migration_id, _ = approved_migration(api, acct.headers)
    run_id = post_import(api, acct.headers, "acme", "k", migration_id=migration_id).json()["run_id"]
    wait_for_import(api, acct.headers, "acme", run_id, "needs_attention")
    url = imports_url("acme", run_id)
    assert api.patch(url, json={"status": "canceled"}, headers=acct.headers).status_code == 400
    canceled = api.patch(url, json={"status": "cancel_requested"}, headers=acct.headers)
    assert canceled.status_code == 200
    assert set(canceled.json()) == {"run_id", "status", "created_at", "updated_at", "migration_id"}
    assert canceled.json()["status"] == "canceled"
    assert _decide(api, acct.headers, "acme", run_id, decision="approve").status_code == 409
    assert api.get(imports_url("acme"), params={"status": "active"}, headers=acct.headers).json() == {"run": None}
