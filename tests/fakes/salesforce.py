"""Fake Salesforce REST API: describe, SOQL query with `nextRecordsUrl` paging, limits, 401 on a bad token.

Shapes follow Salesforce's: query results `{"totalSize", "done", "nextRecordsUrl", "records": [{"attributes":
{...}, ...}]}`; errors are a list `[{"message", "errorCode"}]`.
"""

from __future__ import annotations

import re
from typing import Any

from tests.fakes.server import FakeServer, Reply, Seen

GOOD_TOKEN = "00Dxx0000000001!AQ0AQgood"
VERSION = "v60.0"


def account(i: int) -> dict[str, Any]:
    return {
        "attributes": {"type": "Account", "url": f"/services/data/{VERSION}/sobjects/Account/001{i:015d}"},
        "Id": f"001{i:015d}",
        "Name": f"Company {i}",
        "Owner": {"attributes": {"type": "User"}, "Name": f"Owner {i % 3}"},
        "SystemModstamp": f"2024-05-{1 + i:02d}T08:00:00.000+0000",
    }


class FakeSalesforce:
    def __init__(self, records: dict[str, list[dict[str, Any]]], *, page_size: int = 2):
        self.records = records
        self.page_size = page_size
        self.queries: list[str] = []
        self.server = FakeServer(self.route)

    @property
    def requests(self) -> list[Seen]:
        return self.server.requests

    def route(self, seen: Seen) -> Reply:
        if seen.headers.get("authorization") != f"Bearer {GOOD_TOKEN}":
            return Reply(401, [{"message": "Session expired or invalid", "errorCode": "INVALID_SESSION_ID"}])
        root = f"/services/data/{VERSION}"
        if seen.path == f"{root}/limits":
            return Reply(200, {"DailyApiRequests": {"Max": 15000, "Remaining": 14998}})
        described = re.fullmatch(rf"{root}/sobjects/(\w+)/describe", seen.path)
        if described:
            return Reply(
                200,
                {
                    "name": described.group(1),
                    "fields": [
                        {"name": "Id", "type": "id"},
                        {"name": "Name", "type": "string"},
                        {"name": "BillingAddress", "type": "address"},
                        {"name": "SystemModstamp", "type": "datetime"},
                    ],
                },
            )
        if seen.path == f"{root}/query":
            soql = seen.query["q"][0]
            self.queries.append(soql)
            sobject = re.search(r"FROM (\w+)", soql)
            rows = self.records.get(sobject.group(1) if sobject else "", [])
            since = re.search(r"SystemModstamp > (\S+)", soql)
            if since:
                rows = [r for r in rows if r["SystemModstamp"] > since.group(1)]
            return self._page(rows, 0)
        more = re.fullmatch(rf"{root}/query/(\w+)-(\d+)", seen.path)
        if more:
            rows = self.records.get(more.group(1), [])
            return self._page(rows, int(more.group(2)), more.group(1))
        return Reply(404, [{"message": "The requested resource does not exist", "errorCode": "NOT_FOUND"}])

    def _page(self, rows: list[dict[str, Any]], start: int, sobject: str | None = None) -> Reply:
        name = sobject or (rows[0]["attributes"]["type"] if rows else "X")
        page = rows[start : start + self.page_size]
        done = start + self.page_size >= len(rows)
        body: dict[str, Any] = {"totalSize": len(rows), "done": done, "records": page}
        if not done:
            body["nextRecordsUrl"] = f"/services/data/{VERSION}/query/{name}-{start + self.page_size}"
        return Reply(200, body)
