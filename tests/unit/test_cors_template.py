"""CORS in the deployed stack follows the template's CorsOrigins parameter: it feeds FERRY_CORS_ORIGINS, preflights
reach the app without the authorizer, gateway-made errors are readable from the page only when origins are set,
the bucket takes uploads from any page, and local mode sets the parameter from the environment."""

from __future__ import annotations

import re
from typing import Any

import pytest
from pydantic import ValidationError

from ferry.core.config import Settings
from local.template import TEMPLATE_PATH, Template, load_raw, parameters_from_environment

RAW = load_raw(TEMPLATE_PATH)
HAS_CORS = "HasCorsOrigins"
GOOD = ["", "https://app.example.com", "https://app.example.com,http://localhost:5173", "https://crm.example.org:8443"]
BAD = [
    "*",
    "https://app.example.com/",
    "app.example.com",
    "https://app.example.com/embed",
    "https://a.example.com, *",
    "https://app.example.com?x=1",
]


def _api_events() -> list[dict[str, Any]]:
    events = RAW["Resources"]["ApiFunction"]["Properties"]["Events"]
    return [e["Properties"] for e in events.values() if e["Type"] == "Api"]


def _if_cors(value: Any) -> Any:
    """The value a header gets when origins are set; fails unless it is absent when they are not."""
    assert isinstance(value, dict) and list(value) == ["Fn::If"], value
    condition, when_set, when_empty = value["Fn::If"]
    assert condition == HAS_CORS and when_empty == {"Ref": "AWS::NoValue"}
    return when_set


def test_the_parameter_is_off_by_default_and_feeds_the_api_function() -> None:
    # Given the template
    parameter = RAW["Parameters"]["CorsOrigins"]
    # Then CORS is off unless the operator names origins, and the API function reads them
    assert parameter["Type"] == "String" and parameter["Default"] == ""
    assert RAW["Conditions"][HAS_CORS] == {"Fn::Not": [{"Fn::Equals": [{"Ref": "CorsOrigins"}, ""]}]}
    variables = RAW["Resources"]["ApiFunction"]["Properties"]["Environment"]["Variables"]
    assert variables["FERRY_CORS_ORIGINS"] == {"Ref": "CorsOrigins"}


@pytest.mark.parametrize("value", GOOD)
def test_the_parameter_and_the_setting_accept_exact_origins(value: str) -> None:
    # Then CloudFormation takes it (AllowedPattern matches the whole value) and so does the app
    assert re.fullmatch(RAW["Parameters"]["CorsOrigins"]["AllowedPattern"], value)
    assert Settings(cors_origins=value).cors_origin_list == [o for o in value.split(",") if o]


@pytest.mark.parametrize("value", BAD)
def test_the_parameter_and_the_setting_refuse_wildcards_paths_and_bare_hosts(value: str) -> None:
    assert not re.fullmatch(RAW["Parameters"]["CorsOrigins"]["AllowedPattern"], value)
    with pytest.raises(ValidationError, match="FERRY_CORS_ORIGINS"):
        Settings(cors_origins=value)


def test_every_path_behind_an_authorizer_has_a_preflight_route_without_one() -> None:
    # Given the API function's routes
    events = _api_events()
    guarded = {e["Path"] for e in events if e["Method"] != "OPTIONS" and e.get("Auth", {}).get("Authorizer") != "NONE"}
    preflights = {e["Path"]: e for e in events if e["Method"] == "OPTIONS"}
    # Then each path a page calls with its token takes a preflight with no key and no authorizer (the app answers)
    assert guarded and guarded <= set(preflights)
    for path in guarded:
        assert preflights[path]["Auth"] == {"Authorizer": "NONE", "ApiKeyRequired": False}
    # And API Gateway itself answers no preflight (a static mock would hold one origin, not a list)
    assert "Cors" not in RAW["Resources"]["Api"]["Properties"]


def test_gateway_made_errors_are_readable_from_the_page_only_when_origins_are_set() -> None:
    # Given the answers API Gateway makes itself (bad key, throttling, too large, its own failures)
    responses = RAW["Resources"]["Api"]["Properties"]["GatewayResponses"]
    # Then the default 4xx and 5xx are there, and every one (a listed type does not inherit the defaults)
    assert {"DEFAULT_4XX", "DEFAULT_5XX", "UNAUTHORIZED", "THROTTLED"} <= set(responses)
    for name, response in responses.items():
        headers = response["ResponseParameters"]["Headers"]
        # names the caller's Origin back, lets the page read Retry-After, and varies on Origin: when set only
        assert _if_cors(headers["Access-Control-Allow-Origin"]) == "method.request.header.origin", name
        assert _if_cors(headers["Access-Control-Expose-Headers"]) == "'Retry-After'", name
        assert _if_cors(headers["Vary"]) == "'Origin'", name


def test_the_bucket_takes_uploads_from_a_page_on_any_origin() -> None:
    # Given the data bucket: a page PUTs the file to its presigned URL and follows a large export's redirect
    rules = RAW["Resources"]["DataBucket"]["Properties"]["CorsConfiguration"]["CorsRules"]
    # Then any origin may (the presigned URL is the credential; a redirected fetch says `Origin: null`)
    assert any({"PUT", "GET"} <= set(r["AllowedMethods"]) and r["AllowedOrigins"] == ["*"] for r in rules)


def test_local_mode_sets_the_parameter_from_the_environment() -> None:
    # Given `FERRY_CORS_ORIGINS=https://app.example.com make run`
    template = Template.load()
    overrides = parameters_from_environment(template, {"FERRY_CORS_ORIGINS": "https://app.example.com"})
    # Then the template parameter is overridden, so the API function's environment carries it
    assert overrides["CorsOrigins"] == "https://app.example.com"
    local = Template.load(overrides=overrides)
    variables = local.function_properties("ApiFunction")["Environment"]["Variables"]
    assert local.resolve(variables["FERRY_CORS_ORIGINS"]) == "https://app.example.com"
