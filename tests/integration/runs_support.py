"""Helpers for run tests: a migration with a ready file, and a controllable double of the step seam."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

from ferry.core.outcomes import Answer, PreviewDraft, Question, QuestionOption, StepOutcome
from ferry.runs import steps
from tests.helpers import wait_for
from tests.integration.uploads import upload_and_wait

CONTACTS: dict[str, Any] = {
    "name": "Contacts",
    "sheet_id": "contacts",
    "fields": [
        {"key": "first_name", "type": "string", "required": True},
        {"key": "email", "type": "email", "unique": True},
    ],
}
CSV = b"First Name,Email\nAda,ada@example.com\nGrace,grace@example.com\n"


def ready_migration(api: TestClient, headers: dict[str, str], *, templates: bool = True) -> str:
    """A migration with the Contacts template and one ready CSV file; its id."""
    body = {"name": "Runs", "templates": [CONTACTS] if templates else []}
    migration_id = str(api.post("/v1/migrations", json=body, headers=headers).json()["migration_id"])
    file = upload_and_wait(api, headers, migration_id, "contacts.csv", CSV)
    assert file["status"] == "ready", file
    return migration_id


def draft(label: str = "v") -> PreviewDraft:
    """A small preview draft whose recipe differs by `label`."""
    return PreviewDraft(
        summary=f"draft {label}",
        recipe={"version": 1, "templates": [{"sheet_id": "contacts", "fields": {"email": {"columns": [label]}}}]},
        mappings=[{"template": "Contacts", "field": "email", "source": None, "confidence": 0.0, "rationale": label}],
    )


QUESTION = Question(
    id="contacts.q_email_column",
    question="Which column holds email?",
    context="Two columns look alike.",
    options=[QuestionOption(id="opt_1", label="'Email'"), QuestionOption(id="opt_2", label="'Email 2'")],
    allow_custom=True,
)


class StepDouble:
    """Stands in for ferry.runs.steps in lifecycle tests: each step waits at a gate the test opens, then
    returns what the test queued. Only the planner is replaced; the lifecycle, ASL and store are real."""

    def __init__(self, monkeypatch: Any) -> None:
        self.gate = threading.Event()
        self.gate.set()
        self.entered = threading.Event()
        self.calls: dict[str, int] = {}
        self.answers: list[list[Answer]] = []
        self.generate_outcome: Callable[[], StepOutcome] = lambda: StepOutcome(preview=draft("generate"))
        self.resume_outcome: Callable[[], StepOutcome] = lambda: StepOutcome(preview=draft("resume"))
        monkeypatch.setattr(steps, "generate", self._generate)
        monkeypatch.setattr(steps, "resume_with_answers", self._resume)

    def hold(self) -> None:
        """Steps wait at the gate until `release`."""
        self.gate.clear()
        self.entered.clear()

    def release(self) -> None:
        self.gate.set()

    def _count(self, name: str) -> None:
        self.calls[name] = self.calls.get(name, 0) + 1
        self.entered.set()
        self.gate.wait(timeout=30)

    def _generate(self, ctx: steps.StepContext) -> StepOutcome:
        self._count("generate")
        return self.generate_outcome()

    def _resume(self, ctx: steps.StepContext, answers: list[Answer]) -> StepOutcome:
        self.answers.append(answers)
        self._count("resume")
        return self.resume_outcome()


def run_status(api: TestClient, headers: dict[str, str], migration_id: str, run_id: str) -> dict[str, Any]:
    response = api.get(f"/v1/migrations/{migration_id}/runs/{run_id}", headers=headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def wait_for_status(
    api: TestClient, headers: dict[str, str], migration_id: str, run_id: str, *statuses: str, timeout: float = 30
) -> dict[str, Any]:
    """Poll the run until its status is one of `statuses`."""

    def probe() -> dict[str, Any] | None:
        body = run_status(api, headers, migration_id, run_id)
        return body if body["status"] in statuses else None

    return wait_for(probe, timeout=timeout, what=f"run {run_id} to become {'/'.join(statuses)}")
