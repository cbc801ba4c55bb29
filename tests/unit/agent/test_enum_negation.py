"""Enum values that negate an allowed value are never mapped onto it by their spelling."""

from __future__ import annotations

from ferry.agent.enums import map_enum_values


def test_a_negated_value_is_not_read_as_the_value_it_negates() -> None:
    # Given: status values as CRM and shop exports write them, against a status of active/draft/archived
    mapping = map_enum_values(["Active", "Inactive", "not active", "Enabled"], ["active", "draft", "archived"])
    # Then: 'Active' and its synonym 'Enabled' are active; 'Inactive' and 'not active' are left for the person
    assert mapping.mapping == {"Active": "active", "Inactive": None, "not active": None, "Enabled": "active"}
    assert mapping.method["Inactive"] == "the opposite of an allowed value"


def test_a_negated_value_still_maps_when_the_negation_is_itself_allowed() -> None:
    # Given: a subscriber status that has both 'subscribed' and 'unsubscribed'
    mapping = map_enum_values(["Unsubscribed", "Subscribed"], ["subscribed", "unsubscribed", "bounced", "pending"])
    # Then: each maps to itself
    assert mapping.mapping == {"Unsubscribed": "unsubscribed", "Subscribed": "subscribed"}
