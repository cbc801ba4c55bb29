"""HubSpot and Salesforce connectors against fake servers with the real APIs' paging and error shapes."""

from __future__ import annotations

import pytest

from ferry.connections.connectors.base import CredentialsRejected, parse_config, parse_credentials
from ferry.connections.connectors.hubspot import HubSpotConnector
from ferry.connections.connectors.registry import connector_class
from ferry.connections.connectors.salesforce import SalesforceConnector
from tests.fakes import hubspot as hs
from tests.fakes import salesforce as sf
from tests.fakes.hubspot import FakeHubSpot
from tests.fakes.salesforce import FakeSalesforce

pytestmark = pytest.mark.usefixtures("guard_off")


def _hubspot(fake: FakeHubSpot, token: str = hs.GOOD_TOKEN) -> HubSpotConnector:
    cls = connector_class("hubspot")
    connector = cls(parse_config(cls, {"base_url": fake.server.url}), parse_credentials(cls, {"access_token": token}))
    assert isinstance(connector, HubSpotConnector)
    return connector


def _salesforce(fake: FakeSalesforce, token: str = sf.GOOD_TOKEN) -> SalesforceConnector:
    cls = connector_class("salesforce")
    config = parse_config(cls, {"instance_url": fake.server.url})
    connector = cls(config, parse_credentials(cls, {"access_token": token}))
    assert isinstance(connector, SalesforceConnector)
    return connector


def test_hubspot_reads_every_page_following_after(hubspot: FakeHubSpot, waits: list[float]) -> None:
    # Given: five contacts served two per page
    connector = _hubspot(hubspot)
    # When: the contacts stream is read
    records = list(connector.read("contacts", None))
    # Then: all five arrive once, properties lifted to columns, over three pages chained by `after`
    assert [r["id"] for r in records] == ["1000", "1001", "1002", "1003", "1004"]
    assert records[0]["email"] == "person0@example.com" and records[0]["updatedAt"].startswith("2024-03")
    assert [r.query.get("after") for r in hubspot.requests] == [None, ["2"], ["4"]]
    assert waits == []


def test_hubspot_waits_as_told_by_retry_after_then_succeeds(waits: list[float]) -> None:
    # Given: HubSpot answers the first call with 429 and Retry-After: 1
    fake = FakeHubSpot({"contacts": [hs.contact(1)]}, rate_limit_first=True)
    fake.server.start()
    try:
        records = list(_hubspot(fake).read("contacts", None))
    finally:
        fake.server.stop()
    # Then: the client waited the second it was told and the records still arrived
    assert waits == [1.0]
    assert len(records) == 1 and len(fake.requests) == 2


def test_hubspot_bad_token_is_a_plain_credentials_error(hubspot: FakeHubSpot) -> None:
    with pytest.raises(CredentialsRejected) as raised:
        _hubspot(hubspot, token="pat-wrong").check()
    assert raised.value.status == 400
    assert "HubSpot rejected the credentials" in raised.value.message
    assert "pat-wrong" not in raised.value.message


def test_hubspot_bookmark_keeps_only_newer_records(hubspot: FakeHubSpot) -> None:
    records = list(_hubspot(hubspot).read("contacts", "2024-03-03T10:00:00.000Z"))
    assert [r["id"] for r in records] == ["1003", "1004"]


def test_hubspot_retries_a_server_error(waits: list[float]) -> None:
    from tests.fakes.server import FakeServer, Reply

    answers = [Reply(503, {"status": "error", "message": "Service Unavailable"}), Reply(200, {"results": []})]
    fake = FakeServer(lambda seen: answers.pop(0)).start()
    try:
        cls = connector_class("hubspot")
        connector = cls(parse_config(cls, {"base_url": fake.url}), parse_credentials(cls, {"access_token": "x"}))
        connector.check()
    finally:
        fake.stop()
    assert len(fake.requests) == 2 and len(waits) == 1


def test_salesforce_pages_through_next_records_url(salesforce: FakeSalesforce) -> None:
    # When: Accounts are read with fields from describe
    records = list(_salesforce(salesforce).read("Account", None))
    # Then: five records over three pages, attributes stripped, compound address fields not selected
    assert [r["Name"] for r in records] == [f"Company {i}" for i in range(5)]
    assert "attributes" not in records[0] and records[0]["Owner"] == {"Name": "Owner 0"}
    assert salesforce.queries == ["SELECT Id, Name, SystemModstamp FROM Account ORDER BY SystemModstamp"]
    assert [r.path.rsplit("/", 1)[-1] for r in salesforce.requests[-2:]] == ["Account-2", "Account-4"]


def test_salesforce_incremental_query_filters_by_bookmark(salesforce: FakeSalesforce) -> None:
    records = list(_salesforce(salesforce).read("Account", "2024-05-03T08:00:00.000+0000"))
    assert "WHERE SystemModstamp > 2024-05-03T08:00:00.000+0000" in salesforce.queries[-1]
    assert [r["Name"] for r in records] == ["Company 3", "Company 4"]


def test_salesforce_bad_token_is_rejected(salesforce: FakeSalesforce) -> None:
    with pytest.raises(CredentialsRejected):
        _salesforce(salesforce, token="bad").check()
