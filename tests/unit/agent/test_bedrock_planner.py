"""The Bedrock planner against botocore's Stubber (never a network): a good tool answer, a malformed one, throttling
retried, access denied; every failure falls back to the heuristic plan and says so."""

from __future__ import annotations

from typing import Any

from botocore.stub import ANY, Stubber

from ferry.agent.bedrock import TOOL_NAME, BedrockPlanner, converse_request
from ferry.core.domain import FileManifest, Template
from ferry.recipe import recipe_json_schema
from tests.unit.agent.helpers import sheet, tool_answer

MODEL = "anthropic.claude-test-v1"
CONTACTS = Template.model_validate(
    {
        "name": "Contacts",
        "sheet_id": "contacts",
        "fields": [
            {"key": "first_name", "type": "string"},
            {"key": "last_name", "type": "string"},
            {"key": "email", "type": "email", "required": True, "unique": True},
            {"key": "phone", "type": "phone"},
            {"key": "company", "type": "string"},
        ],
    }
)
MANIFESTS = {
    "f1": FileManifest(
        format="csv",
        size_bytes=100,
        sheets=[
            sheet(
                {
                    "First": ["Ada", "Grace", "Alan"],
                    "Last": ["Lovelace", "Hopper", "Turing"],
                    "E-mail": ["ada@example.com", "grace@example.com", "alan@example.com"],
                    "Phone": ["+44 20 7946 0958", "+1 415 555 0100"],
                    "Notes": ["met at the conference", "VIP"],
                }
            )
        ],
    )
}
GOOD_RECIPE: dict[str, Any] = {
    "version": 1,
    "templates": [
        {
            "sheet_id": "contacts",
            "source": {"file_id": "f1", "sheet_id": "sheet_1"},
            "fields": [
                {"field": "email", "column": "E-mail", "ops": [{"op": "trim"}, {"op": "email_normalize"}]},
                {"field": "first_name", "column": "First", "ops": [{"op": "trim"}]},
                {"field": "last_name", "column": "Last", "ops": [{"op": "trim"}]},
                {"field": "company", "column": "Notes", "ops": [{"op": "trim"}]},
            ],
        }
    ],
}


def _tool_answer(recipe: object) -> dict[str, Any]:
    return tool_answer(TOOL_NAME, recipe, input_tokens=900, output_tokens=300)


EXPECTED_REQUEST = {
    "modelId": MODEL,
    "system": ANY,
    "messages": ANY,
    "toolConfig": {"tools": ANY, "toolChoice": {"tool": {"name": TOOL_NAME}}},
    "inferenceConfig": ANY,
}


def _planner(client: Any, pauses: list[float] | None = None, max_attempts: int = 3) -> BedrockPlanner:
    sink = pauses if pauses is not None else []
    return BedrockPlanner(MODEL, client=client, max_attempts=max_attempts, sleep=sink.append)


def _mapping(plan: Any, key: str) -> dict[str, Any]:
    return next(m for m in plan.mappings if m["field"] == key)


def test_a_good_tool_answer_is_the_plan_with_calibrated_confidence(client: Any, stubber: Stubber) -> None:
    # Given: the model answers with a valid recipe through the forced tool
    stubber.add_response("converse", _tool_answer(GOOD_RECIPE), EXPECTED_REQUEST)
    # When: the Bedrock planner plans
    plan = _planner(client).generate(MANIFESTS, [CONTACTS], {"f1": "people.csv"})
    # Then: the recipe is the model's, every template field in template order
    assert plan.planner == "bedrock" and plan.questions == []
    fields = plan.recipe.templates[0].fields
    assert [f.field for f in fields] == ["first_name", "last_name", "email", "phone", "company"]
    assert {f.field: f.column for f in fields}["phone"] is None
    # And: where the matcher agrees, its calibrated confidence; where it does not, never 0.9 or more
    email = _mapping(plan, "email")
    assert email["confidence"] >= 0.9 and email["rationale"].startswith("the model and the matcher agree")
    company = _mapping(plan, "company")
    assert company["source"]["column"] == "Notes" and company["confidence"] < 0.9
    assert "no evidence" in company["rationale"]
    phone = _mapping(plan, "phone")
    assert phone["source"] is None and phone["confidence"] == 0.0
    assert {"file_id": "f1", "sheet_id": "sheet_1", "column": "Phone"} in plan.unmapped_columns
    assert plan.summary.startswith(f"Proposed by the Bedrock model {MODEL}.") and "agrees on 3" in plan.summary


def test_a_malformed_answer_falls_back_to_the_heuristic_plan(client: Any, stubber: Stubber) -> None:
    # Given: the model names a column the sheet does not have
    bad = {
        **GOOD_RECIPE,
        "templates": [{**GOOD_RECIPE["templates"][0], "fields": [{"field": "email", "column": "Mail"}]}],
    }
    stubber.add_response("converse", _tool_answer(bad), EXPECTED_REQUEST)
    # When / Then: the heuristic plan stands in and its summary says why
    plan = _planner(client).generate(MANIFESTS, [CONTACTS])
    assert plan.planner == "heuristic"
    assert plan.summary.startswith("The Bedrock planner was not used (the model's recipe was not valid")
    assert "'Mail'" in plan.summary
    assert _mapping(plan, "email")["source"]["column"] == "E-mail"


def test_an_answer_that_is_not_a_recipe_at_all_falls_back(client: Any, stubber: Stubber) -> None:
    stubber.add_response("converse", _tool_answer({"recipe": "email <- E-mail"}), EXPECTED_REQUEST)
    plan = _planner(client).generate(MANIFESTS, [CONTACTS])
    assert plan.planner == "heuristic" and "not valid" in plan.summary


def test_an_answer_without_the_tool_falls_back(client: Any, stubber: Stubber) -> None:
    answer = _tool_answer(GOOD_RECIPE)
    answer["output"]["message"]["content"] = [{"text": "Here is my mapping: email <- E-mail"}]
    answer["stopReason"] = "end_turn"
    stubber.add_response("converse", answer, EXPECTED_REQUEST)
    plan = _planner(client).generate(MANIFESTS, [CONTACTS])
    assert plan.planner == "heuristic" and "without a recipe" in plan.summary


def test_throttling_is_retried_with_backoff_then_succeeds(client: Any, stubber: Stubber) -> None:
    # Given: Bedrock throttles once, then answers
    stubber.add_client_error("converse", "ThrottlingException", "Too many requests", 429)
    stubber.add_response("converse", _tool_answer(GOOD_RECIPE), EXPECTED_REQUEST)
    pauses: list[float] = []
    # When: the planner plans
    plan = _planner(client, pauses).generate(MANIFESTS, [CONTACTS])
    # Then: it waited once and the model's recipe is the plan
    assert pauses == [1.0]
    assert plan.planner == "bedrock"


def test_server_errors_past_the_attempts_fall_back(client: Any, stubber: Stubber) -> None:
    for _ in range(3):
        stubber.add_client_error("converse", "InternalServerException", "boom", 500)
    pauses: list[float] = []
    plan = _planner(client, pauses, max_attempts=3).generate(MANIFESTS, [CONTACTS])
    assert pauses == [1.0, 2.0]
    assert plan.planner == "heuristic" and "InternalServerException 3 times" in plan.summary


def test_access_denied_falls_back_without_retrying(client: Any, stubber: Stubber) -> None:
    # Given: the function's role may not invoke the model
    stubber.add_client_error("converse", "AccessDeniedException", "not authorized to invoke the model", 403)
    pauses: list[float] = []
    # When / Then: one call, no pause, and the heuristic plan says Bedrock was not used
    plan = _planner(client, pauses).generate(MANIFESTS, [CONTACTS])
    assert pauses == []
    assert plan.planner == "heuristic"
    assert plan.summary.startswith("The Bedrock planner was not used (Bedrock answered AccessDeniedException)")


def test_no_model_configured_falls_back_without_a_call(client: Any, stubber: Stubber) -> None:
    plan = BedrockPlanner("", client=client).generate(MANIFESTS, [CONTACTS])
    assert plan.planner == "heuristic" and "FERRY_BEDROCK_MODEL_ID" in plan.summary


def test_any_other_failure_falls_back_too() -> None:
    class BrokenClient:
        def converse(self, **request: Any) -> dict[str, Any]:
            raise RuntimeError("connection pool is closed")

    plan = BedrockPlanner(MODEL, client=BrokenClient()).generate(MANIFESTS, [CONTACTS])
    assert plan.planner == "heuristic" and "(an unexpected RuntimeError)" in plan.summary


def test_the_request_carries_the_templates_the_samples_and_the_recipe_schema_as_the_forced_tool() -> None:
    request = converse_request(MODEL, MANIFESTS, [CONTACTS], {"f1": "people.csv"})
    (tool,) = request["toolConfig"]["tools"]
    assert tool["toolSpec"]["name"] == TOOL_NAME
    assert tool["toolSpec"]["inputSchema"]["json"] == recipe_json_schema()
    assert request["toolConfig"]["toolChoice"] == {"tool": {"name": TOOL_NAME}}
    text = request["messages"][0]["content"][0]["text"]
    assert '"people.csv"' in text and "ada@example.com" in text and '"required": true' in text
    assert "never instructions" in request["system"][0]["text"]


def test_edits_and_questions_are_the_heuristic_planners(client: Any, stubber: Stubber) -> None:
    # Given: a plan from the model
    stubber.add_response("converse", _tool_answer(GOOD_RECIPE), EXPECTED_REQUEST)
    planner = _planner(client)
    plan = planner.generate(MANIFESTS, [CONTACTS])
    sheets = {("f1", "sheet_1"): MANIFESTS["f1"].sheets[0]}
    # When: an update asks to map the phone, and a clarify asks where email comes from
    edit = planner.update(plan.recipe, [CONTACTS], sheets, "Map Phone to phone.")
    reply = planner.clarify(
        plan.recipe, [CONTACTS], {"mappings": plan.mappings, "sheets": []}, "Where does email come from?"
    )
    # Then: the instruction editor and the explainer answer, as for the heuristic planner
    assert edit.changed and edit.recipe is not None
    assert {f.field: f.column for f in edit.recipe.templates[0].fields}["phone"] == "Phone"
    assert "E-mail" in reply
    # And: the model's plan asks nothing, so answers change nothing
    assert planner.answer(plan, []) == plan
