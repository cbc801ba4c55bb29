"""A run's thread: its events and their numbering (PK / SK):

event seq    RUN#<run>        SEQ            last allocated thread event number
thread event RUN#<run>        EVT#<seq>      event_type, text, data_json, at
event dedup  RUN#<run>        DEDUP#<key>    seq (a retried step posts its event once)
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from ferry.aws.dynamo.table import StoreBase, _json, _key, _marshal_item, _unmarshal_item


class ThreadEvent(BaseModel):
    """One event of a run's thread."""

    seq: int
    at: str
    type: str
    text: str
    data: dict[str, Any] | None = None


def _event_key(run_id: str, seq: int) -> dict[str, Any]:
    return _key(f"RUN#{run_id}", f"EVT#{seq:010d}")


class ThreadItems(StoreBase):
    """The thread event methods of `Store`."""

    def append_event(self, run_id: str, event: ThreadEvent, dedup_key: str | None = None) -> ThreadEvent | None:
        """Append an event to a run's thread with the next sequence number (`event.seq` is ignored).

        With `dedup_key`, an event already posted under that key is not posted again (None): a retried
        step's message appears once.
        """
        seq = int(
            self.client.update_item(
                TableName=self.table,
                Key=_key(f"RUN#{run_id}", "SEQ"),
                UpdateExpression="ADD seq :one",
                ExpressionAttributeValues={":one": {"N": "1"}},
                ReturnValues="UPDATED_NEW",
            )["Attributes"]["seq"]["N"]
        )
        stored = event.model_copy(update={"seq": seq})
        data = stored.model_dump(exclude={"data", "type"})
        data["event_type"] = stored.type  # `type` is every item's kind marker
        if stored.data is not None:
            data["data_json"] = _json(stored.data)
        put = self._new_put({**_event_key(run_id, seq), **_marshal_item({"type": "thread_event", **data})})
        if dedup_key is None:
            self.client.put_item(**put["Put"])
            return stored
        marker = {**_key(f"RUN#{run_id}", f"DEDUP#{dedup_key}"), "seq": {"N": str(seq)}}
        if self._transact([put, self._new_put(marker)]) is not None:
            return None  # the sequence number is skipped; readers only need order, not density
        return stored

    def list_events(self, run_id: str, after: int, limit: int) -> list[ThreadEvent]:
        """Thread events with seq > `after`, oldest first."""
        return self._query_events(run_id, after, limit, oldest_first=True)

    def latest_events(self, run_id: str, limit: int) -> list[ThreadEvent]:
        """The thread's last `limit` events, newest first."""
        return self._query_events(run_id, 0, limit, oldest_first=False)

    def _query_events(self, run_id: str, after: int, limit: int, *, oldest_first: bool) -> list[ThreadEvent]:
        items = self.client.query(
            TableName=self.table,
            KeyConditionExpression="PK = :pk AND SK BETWEEN :lo AND :hi",
            ExpressionAttributeValues={
                ":pk": {"S": f"RUN#{run_id}"},
                ":lo": {"S": f"EVT#{after + 1:010d}"},
                ":hi": {"S": "EVT#9999999999"},
            },
            ConsistentRead=True,
            ScanIndexForward=oldest_first,
            Limit=limit,
        ).get("Items", [])
        events = []
        for item in items:
            data = _unmarshal_item(item)
            raw = data.pop("data_json", None)
            data["data"] = json.loads(raw) if raw else None
            data["type"] = data.pop("event_type")
            events.append(ThreadEvent.model_validate(data))
        return events
