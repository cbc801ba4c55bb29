"""How validation errors read: plain messages naming the field."""

from __future__ import annotations

import local  # noqa: F401 - puts the core layer on sys.path
from ferry.api.errors import describe_validation_errors


def test_names_the_nested_field() -> None:
    errors = [
        {
            "type": "literal_error",
            "loc": ("body", "templates", 0, "fields", 2, "type"),
            "msg": "Input should be 'string' or 'integer'",
        }
    ]
    message, param = describe_validation_errors(errors)
    assert param == "templates[0].fields[2].type"
    assert message == "`templates[0].fields[2].type`: Input should be 'string' or 'integer'."


def test_unknown_and_missing_fields() -> None:
    assert describe_validation_errors([{"type": "extra_forbidden", "loc": ("body", "owner"), "msg": "x"}]) == (
        "`owner` is not a known field.",
        "owner",
    )
    assert describe_validation_errors([{"type": "missing", "loc": ("body", "name"), "msg": "x"}]) == (
        "`name` is required.",
        "name",
    )
    assert describe_validation_errors([{"type": "missing", "loc": ("body",), "msg": "x"}]) == (
        "A JSON request body is required.",
        None,
    )


def test_value_errors_lose_pydantics_prefix_and_count_the_rest() -> None:
    errors = [
        {"type": "value_error", "loc": ("body", 0), "msg": "Value error, template 'a' repeats field keys: x"},
        {"type": "missing", "loc": ("body", 1, "name"), "msg": "Field required"},
        {"type": "missing", "loc": ("body", 2, "name"), "msg": "Field required"},
    ]
    message, param = describe_validation_errors(errors)
    assert param == "body[0]"
    assert message == "`body[0]`: template 'a' repeats field keys: x. (2 more problems in the request.)"


def test_query_parameters() -> None:
    errors = [
        {"type": "less_than_equal", "loc": ("query", "limit"), "msg": "Input should be less than or equal to 100"}
    ]
    assert describe_validation_errors(errors) == ("`limit`: Input should be less than or equal to 100.", "limit")
