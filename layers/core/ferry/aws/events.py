"""EventBridge: every run status change is announced on the bus as `ferry.run.status_changed`.

Announcements are best effort: the status change is already committed when the event is put, so a
failure to put is logged, never raised (consumers that must not miss one re-read the run).
"""

from __future__ import annotations

import json
from typing import Any

from ferry.aws import clients as aws
from ferry.core.config import get_settings
from ferry.core.observability import logger

SOURCE = "ferry"
STATUS_CHANGED = "ferry.run.status_changed"


class EventBus:
    """The Ferry event bus. `client` is an optional boto3 EventBridge client (tests inject one)."""

    def __init__(self, bus_name: str | None = None, client: Any = None) -> None:
        self._bus_name = bus_name
        self._client = client

    @property
    def bus_name(self) -> str:
        """The bus name (from settings unless given)."""
        return self._bus_name or get_settings().event_bus_name

    @property
    def client(self) -> Any:
        """The injected client, else the shared lazily created one."""
        return self._client or aws.client("events")

    def status_changed(
        self,
        *,
        account_id: str,
        migration_id: str,
        run_id: str,
        kind: str,
        old_status: str,
        new_status: str,
        at: str,
        company_id: str | None = None,
    ) -> None:
        """Announce that a run (or a company's import, with `company_id`) moved from `old_status` to `new_status`."""
        detail: dict[str, Any] = {
            "account_id": account_id,
            "migration_id": migration_id,
            **({"company_id": company_id} if company_id is not None else {}),
            "run_id": run_id,
            "kind": kind,
            "old_status": old_status,
            "new_status": new_status,
            "at": at,
        }
        entry = {
            "Source": SOURCE,
            "DetailType": STATUS_CHANGED,
            "Detail": json.dumps(detail, separators=(",", ":")),
            "EventBusName": self.bus_name,
            "Resources": [],
        }
        try:
            response = self.client.put_events(Entries=[entry])
            if response.get("FailedEntryCount"):
                logger.warning("status change event not accepted", run_id=run_id, new_status=new_status)
        except Exception:
            logger.exception("status change event not put", run_id=run_id, new_status=new_status)
