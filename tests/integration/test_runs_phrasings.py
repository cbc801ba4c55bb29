"""Issue 13 through the API: instructions said the way people say them (a preference, a description, arrows and
a list, everyday verbs, a dedup said another way, several at once) each become a new preview version whose diff
holds the intended change; undo in other words restores the previous recipe as a new version; nonsense changes
nothing; clarify lists the columns that will not be imported however it is asked."""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient

from tests.integration.runs_support import wait_for_status
from tests.integration.test_runs_update_clarify import _csv, _preview, _run, _settle
from tests.integration.uploads import upload_and_wait
from tests.unit.agent.dialogues import CONTACTS


def _generated(api: TestClient, h: dict[str, str]) -> str:
    """A migration of the dialogues' Contacts scenario with its first preview."""
    template = CONTACTS.model_dump(exclude_none=True)
    migration_id = str(
        api.post("/v1/migrations", json={"name": "Phrasings", "templates": [template]}, headers=h).json()[
            "migration_id"
        ]
    )
    assert upload_and_wait(api, h, migration_id, "contacts.csv", _csv())["status"] == "ready"
    assert _settle(api, h, migration_id, _run(api, h, migration_id, kind="generate"))["status"] == "awaiting_approval"
    return migration_id


def _update(api: TestClient, h: dict[str, str], migration_id: str, message: str) -> tuple[dict[str, Any], str]:
    """Send an update and wait for its new preview; the preview, and the diff from the version before as text."""
    before = _preview(api, h, migration_id)["version"]
    run = _run(api, h, migration_id, kind="update", message=message)
    settled = _settle(api, h, migration_id, run)
    assert settled["status"] == "awaiting_approval", (message, settled.get("questions"))
    after = _preview(api, h, migration_id)
    assert after["version"] == before + 1, message
    diff = api.get(f"/v1/migrations/{migration_id}/preview/diff", params={"from": before}, headers=h).json()
    return after, json.dumps(diff["changes"])


def _field(preview: dict[str, Any], key: str) -> dict[str, Any]:
    fields = preview["recipe"]["templates"][0]["fields"]
    found: dict[str, Any] = next(f for f in fields if f["field"] == key)
    return found


def test_each_kind_of_phrasing_becomes_a_version_whose_diff_holds_the_change(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    h = account().headers
    migration_id = _generated(api, h)
    assert _field(_preview(api, h, migration_id), "phone")["column"] == "Work Phone"

    # a preference: the mobile numbers rather than the office ones
    preview, diff = _update(api, h, migration_id, "I'd rather have the mobile numbers than the office ones")
    assert _field(preview, "phone")["column"] == "Mobile" and '"Mobile"' in diff

    # a description instead of a command: the date order (the first preview settled it day first: turn it round
    # first), and a name column holding two names
    _update(api, h, migration_id, "Signup Date is MM/DD/YYYY")
    preview, diff = _update(api, h, migration_id, "Signup Date is written the European way")
    parse = next(o for o in _field(preview, "created_at")["ops"] if o["op"] == "parse_date")
    assert parse["order"] == "DMY" and '"DMY"' in diff
    preview, diff = _update(api, h, migration_id, "the Full Name column holds first and last names together")
    assert _field(preview, "first_name")["column"] == "Full Name" and '"split_name"' in diff

    # arrows and a list (the first preview already reads these two right: put them wrong first)
    _update(api, h, migration_id, "Treat Deutschland as FR and USA as GB.")
    preview, diff = _update(api, h, migration_id, "Land \u2014 Deutschland => DE; USA => US")
    mapping = next(o for o in _field(preview, "country")["ops"] if o["op"] == "map_values")["mapping"]
    assert mapping["Deutschland"] == "DE" and mapping["USA"] == "US"
    assert (
        '/mapping/Deutschland", "old": "FR", "new": "DE"' in diff and '/mapping/USA", "old": "GB", "new": "US"' in diff
    )

    # everyday verbs and another word order, two intents in one message, each reported
    preview, diff = _update(
        api, h, migration_id, "put the emails in lowercase, and leave out the rows that Lifecycle marks as test"
    )
    assert {"op": "case", "to": "lower"} in _field(preview, "email")["ops"] and '"lower"' in diff
    (dropped,) = preview["recipe"]["templates"][0]["filters"]
    assert (dropped["column"], dropped["op"], dropped["value"]) == ("Lifecycle", "ne", "test") and '"ne"' in diff
    assert "lower-cased" in preview["summary"] and "'test'" in preview["summary"]

    # a dedup said another way is the same dedup as "keep only the first row for each email"
    preview, diff = _update(api, h, migration_id, "only one row per email address, the first one wins")
    assert preview["recipe"]["templates"][0]["dedup"] == {"keys": ["email"], "keep": "first"} and '"first"' in diff


def test_undo_in_other_words_nonsense_and_the_columns_left_out(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    h = account().headers
    migration_id = _generated(api, h)
    # Given: a first change to undo
    start = _preview(api, h, migration_id)
    _update(api, h, migration_id, "Lowercase the emails.")

    # When: undone in words other than "undo that", each after a fresh change
    for wording in ("roll that back", "scrap the last change", "take it back, I changed my mind"):
        changed = _preview(api, h, migration_id)
        restored, _ = _update(api, h, migration_id, wording)
        # Then: the recipe before the change, as a new version
        assert restored["version"] == changed["version"] + 1
        assert restored["recipe"]["templates"] == start["recipe"]["templates"], wording
        _update(api, h, migration_id, "Lowercase the emails.")

    # When: nonsense
    version = _preview(api, h, migration_id)["version"]
    run = _run(api, h, migration_id, kind="update", message="asdfgh qwerty")
    asked = _settle(api, h, migration_id, run)
    # Then: a question back, and no new version
    assert asked["status"] == "blocked" and "did not understand" in asked["questions"][0]["question"]
    api.patch(f"/v1/migrations/{migration_id}/runs/{run}", json={"status": "cancel_requested"}, headers=h)
    assert _preview(api, h, migration_id)["version"] == version

    # When: clarify is asked which columns will not be imported, in words of its own
    for question in ("which source columns won't make it in?", "What from the file is not used?"):
        run = _run(api, h, migration_id, kind="clarify", message=question)
        assert _settle(api, h, migration_id, run)["status"] == "completed"
        events = api.get(f"/v1/migrations/{migration_id}/runs/{run}/thread", headers=h).json()["events"]
        (reply,) = [e for e in events if e["type"] == "reply"]
        # Then: the unmapped columns are listed, not the list of what clarify can answer
        unmapped = [c["column"] for c in _preview(api, h, migration_id)["unmapped_columns"]]
        assert unmapped and all(f"'{c}'" in reply["text"] for c in unmapped), reply["text"]
    assert wait_for_status(api, h, migration_id, run, "completed")["status"] == "completed"
    assert _preview(api, h, migration_id)["version"] == version


def test_clauses_that_lean_on_each_other_become_versions_with_the_change(api: TestClient, account) -> None:  # type: ignore[no-untyped-def]
    h = account().headers
    migration_id = _generated(api, h)

    # a statement of background, then the instruction: the instruction applied, the background said as such
    preview, diff = _update(
        api, h, migration_id, "Several addresses are written in capitals; lowercase the email field"
    )
    assert {"op": "case", "to": "lower"} in _field(preview, "email")["ops"] and '"lower"' in diff
    assert "read as background" in preview["summary"]

    # the rows named first, a pronoun after: 'remove it' means those rows
    preview, diff = _update(api, h, migration_id, "A row with no e-mail is worthless, remove it")
    assert [(f["field"], f["op"]) for f in preview["recipe"]["templates"][0]["filters"]] == [("email", "not_null")]
    assert '"not_null"' in diff

    # which row stays, said after the repeats are described: the same dedup as "keep only the latest row per email"
    preview, diff = _update(api, h, migration_id, "Some emails appear twice; keep the latest one")
    assert preview["recipe"]["templates"][0]["dedup"] == {"keys": ["email"], "keep": "last"} and '"last"' in diff
