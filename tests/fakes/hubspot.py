"""Fake HubSpot CRM v3 objects API: `after` paging, 429 with Retry-After, 401 on a bad token.

Shapes follow HubSpot's documented responses: `{"results": [...], "paging": {"next": {"after", "link"}}}`
and errors `{"status": "error", "message", "correlationId", "category"}`.
"""

from __future__ import annotations

from typing import Any

from tests.fakes.server import FakeServer, Reply, Seen

GOOD_TOKEN = "pat-na1-good-token"


def contact(i: int) -> dict[str, Any]:
    return {
        "id": str(1000 + i),
        "properties": {
            "email": f"person{i}@example.com",
            "firstname": f"First{i}",
            "lastname": f"Last{i}",
            "hs_object_id": str(1000 + i),
        },
        "createdAt": f"2024-01-{1 + i % 28:02d}T10:00:00.000Z",
        "updatedAt": f"2024-03-{1 + i % 28:02d}T10:00:00.000Z",
        "archived": False,
    }


class FakeHubSpot:
    """`objects` maps object type -> records; pages of `page_size`; the first call may be rate-limited."""

    def __init__(self, objects: dict[str, list[dict[str, Any]]], *, page_size: int = 2, rate_limit_first: bool = False):
        self.objects = objects
        self.page_size = page_size
        self.rate_limit_first = rate_limit_first
        self.server = FakeServer(self.route)

    @property
    def requests(self) -> list[Seen]:
        return self.server.requests

    def route(self, seen: Seen) -> Reply:
        if seen.headers.get("authorization") != f"Bearer {GOOD_TOKEN}":
            return Reply(
                401,
                {
                    "status": "error",
                    "message": "Authentication credentials not found.",
                    "correlationId": "3a5c1d0e-0000-4000-8000-000000000000",
                    "category": "INVALID_AUTHENTICATION",
                },
            )
        if self.rate_limit_first:
            self.rate_limit_first = False
            return Reply(
                429,
                {
                    "status": "error",
                    "message": "You have reached your ten_secondly_rolling limit.",
                    "errorType": "RATE_LIMIT",
                    "policyName": "TEN_SECONDLY_ROLLING",
                },
                {"Retry-After": "1"},
            )
        prefix = "/crm/v3/objects/"
        if not seen.path.startswith(prefix):
            return Reply(404, {"status": "error", "message": "Not found", "category": "OBJECT_NOT_FOUND"})
        records = self.objects.get(seen.path[len(prefix) :], [])
        limit = min(int(seen.query.get("limit", ["10"])[0]), self.page_size)
        start = int(seen.query.get("after", ["0"])[0])
        page = records[start : start + limit]
        body: dict[str, Any] = {"results": page}
        if start + limit < len(records):
            after = str(start + limit)
            body["paging"] = {"next": {"after": after, "link": f"{self.server.url}{seen.path}?after={after}"}}
        return Reply(200, body)
