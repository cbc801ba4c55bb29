"""The heuristic planner: a plan from manifests (recipe, mappings, unmapped columns, questions), answers applied,
the plan kept as JSON between run steps, and the planner chosen by configuration."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ferry.agent.bedrock import BedrockPlanner
from ferry.agent.choice import planner_from_settings
from ferry.agent.planner import HeuristicPlanner, Plan
from ferry.core.config import get_settings
from ferry.core.domain import FileManifest, SheetManifest, Template
from ferry.core.outcomes import Answer
from tests.unit.agent.helpers import CONTACTS, sheet


def _manifest(*sheets: SheetManifest) -> FileManifest:
    return FileManifest(format="csv", size_bytes=100, sheets=list(sheets))


def _contacts_sheet() -> SheetManifest:
    return sheet(
        {
            "Full Name": ["Anna Schmidt", "John Smith", "Marie van der Berg"],
            "E-mail": ["anna@x.de", "john@y.com", "marie@z.fr"],
            "Work Phone": ["+49 30 1234567", "+1 415 555 0100"],
            "Signup Date": ["03/04/2024", "05/06/2023"],
            "Land": ["Deutschland", "USA", "France"],
            "Notes": ["call back", "VIP"],
        }
    )


def _field(plan: Plan, key: str) -> dict[str, object]:
    return next(m for m in plan.mappings if m["field"] == key)


def test_generate_maps_fields_with_confidence_and_asks_only_the_ambiguous_date_order() -> None:
    # Given: a contacts sheet whose signup dates could be day-first or month-first
    manifests = {"f1": _manifest(_contacts_sheet())}
    # When: the heuristic planner plans it
    plan = HeuristicPlanner().generate(manifests, [CONTACTS], {"f1": "contacts.csv"})
    # Then: email is mapped with a calibrated confidence and its transform, the notes are left over
    email = _field(plan, "email")
    assert email["source"] == {"file_id": "f1", "sheet_id": "sheet_1", "column": "E-mail"}
    assert isinstance(email["confidence"], float) and email["confidence"] >= 0.9
    assert {"op": "email_normalize"} in email["transform"]  # type: ignore[operator]
    assert {"file_id": "f1", "sheet_id": "sheet_1", "column": "Notes"} in plan.unmapped_columns
    # And: the one open question is the date order, and the date field waits for it
    assert [q.id for q in plan.questions] == ["contacts.q_created_at_date_order"]
    assert plan.summary.startswith("Contacts: ") and "contacts.csv" in plan.summary
    # And: the full name is split into first and last name in the recipe itself
    fields = {f.field: f for f in plan.recipe.templates[0].fields}
    assert [op.model_dump() for op in fields["first_name"].ops if op.op == "split_name"] == [
        {"op": "split_name", "part": "first"}
    ]
    assert fields["last_name"].column == "Full Name"


def test_answer_applies_the_date_order_and_closes_the_questions() -> None:
    planner = HeuristicPlanner()
    plan = planner.generate({"f1": _manifest(_contacts_sheet())}, [CONTACTS])
    # When: the person says the dates are day-first
    answered = planner.answer(plan, [Answer(question_id="contacts.q_created_at_date_order", option_id="opt_1")])
    # Then: no question is left and the recipe reads the dates day-first
    assert answered.questions == []
    created = next(f for f in answered.recipe.templates[0].fields if f.field == "created_at")
    assert [(op.op, getattr(op, "order", None)) for op in created.ops][-1] == ("parse_date", "DMY")


def test_a_plan_survives_its_json_state() -> None:
    plan = HeuristicPlanner().generate({"f1": _manifest(_contacts_sheet())}, [CONTACTS])
    state = plan.model_dump(mode="json", by_alias=True)
    assert Plan.model_validate(state) == plan


def test_each_template_reads_the_sheet_that_fits_it_best() -> None:
    # Given: two files, one of contacts and one of companies
    companies = Template.model_validate(
        {"name": "Companies", "sheet_id": "companies", "fields": [{"key": "name", "type": "string", "required": True},
         {"key": "website", "type": "url"}, {"key": "industry", "type": "string"}]}
    )  # fmt: skip
    accounts = sheet({"Company Name": ["Acme", "Globex"], "Website": ["acme.com"], "Industry": ["Retail"]})
    manifests = {"people": _manifest(_contacts_sheet()), "orgs": _manifest(accounts)}
    # When: both templates are planned together
    plan = HeuristicPlanner().generate(manifests, [CONTACTS, companies])
    # Then: each template reads its own file
    assert [(t.sheet_id, t.source.file_id) for t in plan.recipe.templates] == [
        ("contacts", "people"),
        ("companies", "orgs"),
    ]


def test_no_sheet_at_all_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="no sheet"):
        HeuristicPlanner().generate({"f1": _manifest()}, [CONTACTS])


@pytest.fixture
def bedrock_settings(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("FERRY_PLANNER", "bedrock")
    monkeypatch.setenv("FERRY_BEDROCK_MODEL_ID", "anthropic.claude-test")
    monkeypatch.setenv("FERRY_BEDROCK_MAX_ATTEMPTS", "2")
    get_settings.cache_clear()
    yield
    monkeypatch.undo()
    get_settings.cache_clear()


def test_the_heuristic_planner_is_the_default() -> None:
    assert isinstance(planner_from_settings(), HeuristicPlanner)


def test_settings_turn_on_the_bedrock_planner(bedrock_settings: None) -> None:
    planner = planner_from_settings()
    assert isinstance(planner, BedrockPlanner)
    assert planner.model_id == "anthropic.claude-test" and planner.max_attempts == 2
