"""Pure logic of the store: cursors and DynamoDB attribute marshalling."""

from __future__ import annotations

import base64

import pytest

import local  # noqa: F401 - puts the core layer on sys.path
from ferry.aws.dynamo import _decode_cursor, _encode_cursor, _marshal_item, _unmarshal_item
from ferry.core.errors import InvalidRequest
from ferry.core.ids import new_id


def test_cursor_round_trip_is_url_safe() -> None:
    sort_key = "MIG#" + new_id("mig")
    cursor = _encode_cursor(sort_key)
    assert all(c.isalnum() or c in "-_" for c in cursor)
    assert _decode_cursor(cursor) == sort_key


@pytest.mark.parametrize(
    "cursor",
    [
        "",
        "!!!",
        base64.urlsafe_b64encode(b"not json").decode(),
        base64.urlsafe_b64encode(b'{"sk": 5}').decode(),
        base64.urlsafe_b64encode(b'{"sk": "FILE#file_x"}').decode(),
        base64.urlsafe_b64encode(b'{"sk": "MIG#mig_short"}').decode(),
        base64.urlsafe_b64encode(b"[1, 2]").decode(),
    ],
)
def test_foreign_cursors_are_a_400(cursor: str) -> None:
    with pytest.raises(InvalidRequest) as caught:
        _decode_cursor(cursor)
    assert caught.value.status == 400
    assert caught.value.extra["param"] == "cursor"


def test_marshalling_round_trip_drops_nones_and_keeps_ints() -> None:
    data = {"s": "x", "n": 3, "neg": -2, "b": False, "none": None, "l": ["a", 1], "m": {"k": True}}
    item = _marshal_item(data)
    assert "none" not in item
    assert item["n"] == {"N": "3"}
    assert _unmarshal_item(item) == {k: v for k, v in data.items() if v is not None}
