"""update and clarify runs end to end on the real steps: the editor changes the recipe in versions, asks when a
message is ambiguous, undoes, and clarify answers from the preview without changing it."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from fastapi.testclient import TestClient

from tests.integration.runs_support import wait_for_status
from tests.integration.uploads import upload_and_wait
from tests.unit.agent.dialogues import CONTACTS, HEADER, ROWS


def _csv() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerows(ROWS)
    return out.getvalue().encode("utf-8")


def _run(api: TestClient, headers: dict[str, str], migration_id: str, **body: object) -> str:
    response = api.post(f"/v1/migrations/{migration_id}/runs", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return str(response.json()["run_id"])


def _settle(api: TestClient, headers: dict[str, str], migration_id: str, run_id: str) -> dict[str, Any]:
    """Wait for the run to stop working; answer the planner's questions with their first option."""
    while True:
        run = wait_for_status(
            api, headers, migration_id, run_id, "awaiting_approval", "blocked", "completed", "failed", timeout=60
        )
        if run["status"] != "blocked" or run.get("kind") == "update":
            return run
        answers = [{"question_id": q["id"], "option_id": q["options"][0]["id"]} for q in run["questions"]]
        sent = api.post(
            f"/v1/migrations/{migration_id}/runs/{run_id}/messages", json={"answers": answers}, headers=headers
        )
        assert sent.status_code == 200, sent.text


def _preview(api: TestClient, headers: dict[str, str], migration_id: str) -> dict[str, Any]:
    body: dict[str, Any] = api.get(f"/v1/migrations/{migration_id}/preview", headers=headers).json()
    return body


def test_update_versions_questions_undo_and_clarify(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    # Given: the Contacts scenario of the agent dialogues, generated to a first preview
    acct = account()
    h = acct.headers
    template = CONTACTS.model_dump(exclude_none=True)
    migration_id = api.post("/v1/migrations", json={"name": "Dialogues", "templates": [template]}, headers=h).json()[
        "migration_id"
    ]
    assert upload_and_wait(api, h, migration_id, "contacts.csv", _csv())["status"] == "ready"
    first = _settle(api, h, migration_id, _run(api, h, migration_id, kind="generate"))
    assert first["status"] == "awaiting_approval", first
    v1 = _preview(api, h, migration_id)

    # When: an update moves a field to another column
    run = _run(api, h, migration_id, kind="update", message="Map Mobile to phone instead of Work Phone.")
    assert _settle(api, h, migration_id, run)["status"] == "awaiting_approval"
    # Then: a new version reads phone from Mobile, its rows show it, and the diff names the change
    v2 = _preview(api, h, migration_id)
    assert v2["version"] == v1["version"] + 1 and "Mobile" in v2["summary"]
    phone = next(m for m in v2["mappings"] if m["field"] == "phone")
    assert phone["source"]["column"] == "Mobile" and phone["confidence"] == 1.0
    assert v2["sheets"][0]["rows"][1]["phone"] is None  # Jane Smith has a work phone but no mobile
    diff = api.get(f"/v1/migrations/{migration_id}/preview/diff", params={"from": v1["version"]}, headers=h).json()
    assert {"op": "replace", "path": "/version", "old": v1["version"], "new": v2["version"]} in diff["changes"]
    assert any(c.get("new") == "Mobile" for c in diff["changes"]), diff

    # When: an ambiguous instruction
    run = _run(api, h, migration_id, kind="update", message="Put the notes somewhere.")
    blocked = _settle(api, h, migration_id, run)
    # Then: the run asks where, and nothing changed yet
    assert blocked["status"] == "blocked" and blocked["questions"][0]["options"]
    assert _preview(api, h, migration_id)["version"] == v2["version"]
    # When: it is answered with the option that keeps the notes out
    question = blocked["questions"][0]
    dont = next(o for o in question["options"] if "import" in o["label"].lower())
    sent = api.post(
        f"/v1/migrations/{migration_id}/runs/{run}/messages",
        json={"answers": [{"question_id": question["id"], "option_id": dont["id"]}]},
        headers=h,
    )
    assert sent.status_code == 200, sent.text
    assert wait_for_status(api, h, migration_id, run, "awaiting_approval", "failed")["status"] == "awaiting_approval"
    v3 = _preview(api, h, migration_id)
    assert v3["version"] == v2["version"] + 1

    # When: undo
    run = _run(api, h, migration_id, kind="update", message="Undo that.")
    assert _settle(api, h, migration_id, run)["status"] == "awaiting_approval"
    v4 = _preview(api, h, migration_id)
    # Then: the recipe is the one of the version before, in a new version
    assert v4["version"] == v3["version"] + 1 and "version" in v4["summary"]
    assert v4["recipe"]["templates"] == v2["recipe"]["templates"]

    # When: a clarify question about a flagged row and about the mapping
    run = _run(api, h, migration_id, kind="clarify", message="Where does email come from?")
    assert _settle(api, h, migration_id, run)["status"] == "completed"
    events = api.get(f"/v1/migrations/{migration_id}/runs/{run}/thread", headers=h).json()["events"]
    (reply,) = [e for e in events if e["type"] == "reply"]
    # Then: the answer names the source column, and the preview did not move
    assert "E-mail" in reply["text"]
    assert _preview(api, h, migration_id)["version"] == v4["version"]

    # When: a message the editor cannot read
    run = _run(api, h, migration_id, kind="update", message="asdfgh")
    asked = _settle(api, h, migration_id, run)
    # Then: a question back, never a silent change
    assert asked["status"] == "blocked" and asked["questions"]
    api.patch(f"/v1/migrations/{migration_id}/runs/{run}", json={"status": "cancel_requested"}, headers=h)
    assert _preview(api, h, migration_id)["version"] == v4["version"]


AMBIGUOUS = (
    b"Name,Email,Joined\nAda,ada@example.com,03/04/2024\nGrace,grace@example.com,05/06/2023\n"
    b"Alan,alan@example.com,11/12/2022\n"
)
SIGNUPS = {
    "name": "Signups",
    "sheet_id": "signups",
    "fields": [
        {"key": "name", "type": "string", "required": True},
        {"key": "email", "type": "email", "required": True},
        {"key": "joined", "type": "date"},
    ],
}


def test_dates_the_file_cannot_settle_park_with_a_question_answered_once(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    # Given: a file whose dates read both ways (no day above 12)
    acct = account()
    h = acct.headers
    migration_id = api.post("/v1/migrations", json={"name": "Dates", "templates": [SIGNUPS]}, headers=h).json()[
        "migration_id"
    ]
    assert upload_and_wait(api, h, migration_id, "signups.csv", AMBIGUOUS)["status"] == "ready"
    # When: generate runs
    run_id = _run(api, h, migration_id, kind="generate")
    blocked = wait_for_status(api, h, migration_id, run_id, "blocked", "awaiting_approval", "failed")
    # Then: it parks with a plain question about the date order
    assert blocked["status"] == "blocked", blocked
    (question,) = blocked["questions"]
    assert "day-first or month-first" in question["question"] and "Joined" in question["question"]
    day_first = next(o for o in question["options"] if o["label"].startswith("Day first"))
    answer = {"answers": [{"question_id": question["id"], "option_id": day_first["id"]}]}
    url = f"/v1/migrations/{migration_id}/runs/{run_id}/messages"
    # When: it is answered (and then answered again)
    assert api.post(url, json=answer, headers=h).status_code == 200
    again = api.post(url, json=answer, headers=h)
    # Then: the second answer is a 409, the first resumed the run to a preview that reads the dates day-first
    assert again.status_code == 409 and again.json()["error"]["code"] == "run_not_blocked"
    assert wait_for_status(api, h, migration_id, run_id, "awaiting_approval", "failed")["status"] == "awaiting_approval"
    rows = _preview(api, h, migration_id)["sheets"][0]["rows"]
    assert [r["joined"] for r in rows] == ["2024-04-03", "2023-06-05", "2022-12-11"]


def _diff(api: TestClient, headers: dict[str, str], migration_id: str, since: int) -> str:
    response = api.get(f"/v1/migrations/{migration_id}/preview/diff", params={"from": since}, headers=headers)
    assert response.status_code == 200, response.text
    return json.dumps(response.json()["changes"])


def test_update_reads_other_wordings_through_the_api(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    # Given: the Contacts scenario generated to a first preview
    acct = account()
    h = acct.headers
    template = CONTACTS.model_dump(exclude_none=True)
    migration_id = api.post("/v1/migrations", json={"name": "Wordings", "templates": [template]}, headers=h).json()[
        "migration_id"
    ]
    assert upload_and_wait(api, h, migration_id, "contacts.csv", _csv())["status"] == "ready"
    assert _settle(api, h, migration_id, _run(api, h, migration_id, kind="generate"))["status"] == "awaiting_approval"
    v1 = _preview(api, h, migration_id)

    # When: a preference and an arrow list in one message
    message = "I'd prefer Mobile for phone. Lifecycle: test -> churned"
    assert _settle(api, h, migration_id, _run(api, h, migration_id, kind="update", message=message))["status"] == (
        "awaiting_approval"
    )
    # Then: one new version whose diff holds both changes
    v2 = _preview(api, h, migration_id)
    assert v2["version"] == v1["version"] + 1
    changes = _diff(api, h, migration_id, v1["version"])
    assert '"Mobile"' in changes and '"churned"' in changes

    # When: a description of rows to drop, then dedup said another way
    for message in ("records with Lifecycle test are fake", "each email should appear only once"):
        run = _run(api, h, migration_id, kind="update", message=message)
        done = _settle(api, h, migration_id, run)
        assert done["status"] == "awaiting_approval", (message, done.get("questions"))
    v4 = _preview(api, h, migration_id)
    # Then: two more versions, the diff names the filter and the dedup
    assert v4["version"] == v2["version"] + 2
    changes = _diff(api, h, migration_id, v2["version"])
    assert "filters" in changes and "dedup" in changes

    # When: undo in other words
    run = _run(api, h, migration_id, kind="update", message="roll it back")
    assert _settle(api, h, migration_id, run)["status"] == "awaiting_approval"
    # Then: the recipe before the dedup, as a new version
    v5 = _preview(api, h, migration_id)
    assert v5["version"] == v4["version"] + 1
    assert v5["recipe"]["templates"][0].get("dedup") is None
    assert v5["recipe"]["templates"][0]["filters"] == v4["recipe"]["templates"][0]["filters"]

    # When: clarify asks about unmapped columns in other words
    run = _run(api, h, migration_id, kind="clarify", message="Which columns are we not bringing over?")
    assert _settle(api, h, migration_id, run)["status"] == "completed"
    events = api.get(f"/v1/migrations/{migration_id}/runs/{run}/thread", headers=h).json()["events"]
    (reply,) = [e for e in events if e["type"] == "reply"]
    # Then: the answer lists them, and nothing moved
    assert "'Work Phone'" in reply["text"] and "'Notes'" in reply["text"]
    assert _preview(api, h, migration_id)["version"] == v5["version"]

    # When: nonsense
    run = _run(api, h, migration_id, kind="update", message="zxcv qwop")
    asked = _settle(api, h, migration_id, run)
    # Then: a question back, and no new version
    assert asked["status"] == "blocked" and asked["questions"]
    api.patch(f"/v1/migrations/{migration_id}/runs/{run}", json={"status": "cancel_requested"}, headers=h)
    assert _preview(api, h, migration_id)["version"] == v5["version"]
