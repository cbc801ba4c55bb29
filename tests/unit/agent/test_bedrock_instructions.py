"""The Bedrock planner's instruction path against botocore's Stubber (never a network): the model only reads the
message into structured readings, and those go through the editor's own session — the same resolver, the same
questions and the same result as the heuristic editor gives for the plain command; a reading that would edit
the recipe any other way changes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.stub import ANY, Stubber

from ferry.agent.bedrock import READ_TOOL, BedrockPlanner, readings_schema
from ferry.agent.planner import HeuristicPlanner
from ferry.recipe.editor import Edit
from ferry.recipe.editor.readings import INTENTS

from .dialogues import CONTACTS, SHEETS, field_of, first_recipe
from .helpers import tool_answer

MODEL = "anthropic.claude-test-v1"
HEURISTIC = HeuristicPlanner()
EXPECTED_REQUEST = {
    "modelId": MODEL,
    "system": ANY,
    "messages": ANY,
    "toolConfig": {"tools": ANY, "toolChoice": {"tool": {"name": READ_TOOL}}},
    "inferenceConfig": ANY,
}


def _reading_answer(tool_input: object) -> dict[str, Any]:
    return tool_answer(READ_TOOL, tool_input, input_tokens=700, output_tokens=60)


def _update(client: Any, stubber: Stubber, message: str, readings: object) -> Edit:
    stubber.add_response("converse", _reading_answer(readings), EXPECTED_REQUEST)
    planner = BedrockPlanner(MODEL, client=client, max_attempts=2, sleep=lambda _: None)
    return planner.update(first_recipe(), [CONTACTS], SHEETS, message)


def _same(model: Edit, heuristic: Edit) -> None:
    assert model.changed == heuristic.changed and model.revert == heuristic.revert
    assert model.recipe == heuristic.recipe
    if heuristic.question is None:
        assert model.question is None
    else:
        assert model.question is not None
        assert model.question.question == heuristic.question.question
        assert [o.label for o in model.question.options] == [o.label for o in heuristic.question.options]


def test_a_reading_is_applied_exactly_as_the_heuristic_applies_the_command(client: Any, stubber: Stubber) -> None:
    # Given: the model reads a preference as "map Mobile to phone"
    message = "I'd rather have the mobile numbers than the office ones"
    edit = _update(client, stubber, message, {"readings": [{"intent": "map", "column": "Mobile", "field": "phone"}]})
    # Then: the new version is the heuristic editor's for the plain command: phone reads Mobile
    _same(edit, HEURISTIC.update(first_recipe(), [CONTACTS], SHEETS, "Map Mobile to phone instead of Work Phone."))
    assert edit.recipe is not None and field_of(edit.recipe, "phone")["column"] == "Mobile"


def test_the_request_carries_the_message_the_columns_and_the_readings_schema(client: Any, stubber: Stubber) -> None:
    seen: list[dict[str, Any]] = []
    client.meta.events.register(
        "provide-client-params.bedrock-runtime.Converse", lambda params, **_: seen.append(params)
    )
    _update(client, stubber, "roll that back", {"readings": [{"intent": "undo"}]})
    text = seen[0]["messages"][0]["content"][0]["text"]
    assert "<message>\nroll that back\n</message>" in text and '"Work Phone"' in text and '"status"' in text
    tool = seen[0]["toolConfig"]["tools"][0]["toolSpec"]
    assert tool["inputSchema"]["json"] == readings_schema()
    assert set(tool["inputSchema"]["json"]["properties"]["readings"]["items"]["properties"]["intent"]["enum"]) == set(
        INTENTS
    )


def test_a_column_the_migration_lacks_gets_the_resolvers_question(client: Any, stubber: Stubber) -> None:
    # Given: the model names a column the sheet does not have
    edit = _update(
        client, stubber, "Handy -> phone", {"readings": [{"intent": "map", "column": "Handy", "field": "phone"}]}
    )
    # Then: nothing changes, and the question is the one the resolver asks for the same typed command
    assert not edit.changed and edit.question is not None
    _same(edit, HEURISTIC.update(first_recipe(), [CONTACTS], SHEETS, "map 'Handy' to phone"))


def test_a_vague_request_gets_the_same_question_with_its_options(client: Any, stubber: Stubber) -> None:
    edit = _update(
        client, stubber, "Notes should live somewhere", {"readings": [{"intent": "place_column", "column": "Notes"}]}
    )
    _same(edit, HEURISTIC.update(first_recipe(), [CONTACTS], SHEETS, "Put the notes somewhere."))
    assert edit.question is not None
    assert [o.label for o in edit.question.options] == ["first_name", "last_name", "Don't import it"]


def test_several_readings_are_each_applied_and_reported(client: Any, stubber: Stubber) -> None:
    readings = [
        {"intent": "case", "case": "lower", "field": "email"},
        {"intent": "drop_rows_where", "column": "Lifecycle", "value": "test"},
    ]
    edit = _update(client, stubber, "emails lower case; test rows out", {"readings": readings})
    assert edit.changed and edit.recipe is not None
    assert "lower-cased" in edit.summary and "'test'" in edit.summary
    assert [f.model_dump(exclude_none=True) for f in edit.recipe.templates[0].filters] == [
        {"column": "Lifecycle", "op": "ne", "value": "test"}
    ]


@pytest.mark.parametrize(
    "tool_input",
    [
        {"readings": []},  # the model could not read it
        {"readings": [{"intent": "set_recipe", "recipe": {"version": 9, "templates": []}}]},  # a free-form edit
        {"readings": [{"intent": "map", "field": "phone"}]},  # a reading without the name its intent needs
    ],
)
def test_no_reading_an_unknown_intent_or_a_free_form_edit_changes_nothing(
    client: Any, stubber: Stubber, tool_input: object
) -> None:
    edit = _update(client, stubber, "make it like the other one", tool_input)
    assert not edit.changed and edit.recipe is None and not edit.revert
    assert edit.question is not None and "did not understand" in edit.question.question


def test_an_undo_reading_is_the_editors_revert(client: Any, stubber: Stubber) -> None:
    edit = _update(client, stubber, "scrap that last change", {"readings": [{"intent": "undo"}]})
    assert edit.revert and not edit.changed and edit.recipe is None


def test_a_failed_call_falls_back_to_the_heuristic_reading_and_says_why(client: Any, stubber: Stubber) -> None:
    # Given: Bedrock refuses access
    stubber.add_client_error("converse", "AccessDeniedException", http_status_code=403)
    planner = BedrockPlanner(MODEL, client=client, max_attempts=2, sleep=lambda _: None)
    # When: an instruction arrives
    edit = planner.update(first_recipe(), [CONTACTS], SHEETS, "Lowercase the emails.")
    # Then: the heuristic editor applied it, and the summary says the model was not used and why
    assert edit.changed and edit.recipe is not None
    assert "Read by the heuristic editor: Bedrock answered AccessDeniedException" in edit.summary


def test_without_a_model_no_client_is_made_and_the_heuristic_reads() -> None:
    planner = BedrockPlanner("")
    edit = planner.update(first_recipe(), [CONTACTS], SHEETS, "Lowercase the emails.")
    assert edit.changed and planner._client is None
