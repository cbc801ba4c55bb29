"""The sweeper on its schedule, in a background thread of `make run` (EventBridge's part, played locally).

Every period it invokes SweeperFunction through moto's Lambda Invoke API with a scheduled event, so the real
handler (functions/sweeper -> ferry.runs.lifecycle.sweep_stale_runs) runs with the deployed settings: runs with
a stale heartbeat, or whose execution is gone, fail with "Import timed out" and free their migration.

The period is the template's (SweeperFunction's Schedule event); FERRY_SWEEP_INTERVAL_SECONDS overrides it.
The first sweep runs at start. Runs left in flight by the last stop have no execution any more (Step Functions
state is not restored), but the sweeper spares a run whose heartbeat is younger than
FERRY_RUN_SWEEP_GRACE_SECONDS; a second sweep one grace period after start (when that comes before the next
scheduled one) catches those, so they do not wait a whole period.
"""

from __future__ import annotations

import json
import threading
import uuid
from typing import Any

from botocore.config import Config

from ferry.core.config import get_settings
from ferry.core.observability import logger
from local.stack import LocalStack
from local.template import ACCOUNT_ID, REGION, schedule_seconds

FUNCTION = "SweeperFunction"
DEFAULT_SECONDS = 300


def interval_seconds(stack: LocalStack, environ: dict[str, str]) -> float:
    """FERRY_SWEEP_INTERVAL_SECONDS when set, else the template's schedule for SweeperFunction."""
    override = environ.get("FERRY_SWEEP_INTERVAL_SECONDS", "").strip()
    if override:
        seconds = float(override)
        if seconds <= 0:
            raise SystemExit(f"FERRY_SWEEP_INTERVAL_SECONDS must be positive, got {override!r}")
        return seconds
    return float(schedule_seconds(stack.template, FUNCTION) or DEFAULT_SECONDS)


class LocalSweeper:
    """Invokes the sweeper every `interval` seconds until stopped."""

    def __init__(self, stack: LocalStack, interval: float) -> None:
        self.stack = stack
        self.interval = interval
        self.swept: list[str] = []  # every run id swept so far (tests and the log read it)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="local-sweeper", daemon=True)
        self._client = stack.client("lambda", Config(read_timeout=180, retries={"max_attempts": 1}))

    def start(self) -> LocalSweeper:
        self._thread.start()
        return self

    def stop(self, timeout: float = 30.0) -> None:
        """Stop after the sweep in progress, if any."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def sweep_once(self) -> list[str]:
        """One scheduled invocation; the ids of the runs it failed."""
        event: dict[str, Any] = {
            "version": "0",
            "id": str(uuid.uuid4()),
            "detail-type": "Scheduled Event",
            "source": "aws.events",
            "account": ACCOUNT_ID,
            "region": REGION,
            "resources": [f"arn:aws:events:{REGION}:{ACCOUNT_ID}:rule/ferry-local-sweeper"],
            "detail": {},
        }
        response = self._client.invoke(FunctionName=FUNCTION, Payload=json.dumps(event).encode())
        payload = json.loads(response["Payload"].read() or b"{}")
        if response.get("FunctionError"):
            logger.error("local sweep failed", error=payload.get("errorMessage"), error_type=payload.get("errorType"))
            return []
        swept = [str(run_id) for run_id in payload.get("swept", [])]
        if swept:
            logger.warning("local sweep failed runs out", swept=swept)
            self.swept.extend(swept)
        return swept

    def _loop(self) -> None:
        waits = [0.0]
        grace = float(get_settings().run_sweep_grace_seconds) + 1.0
        if grace < self.interval:
            waits.append(grace)
        while True:
            wait = waits.pop(0) if waits else self.interval
            if self._stop.wait(wait):
                return
            try:
                self.sweep_once()
            except Exception:
                if self._stop.is_set():
                    return  # the stack is going away under us
                logger.exception("local sweep did not run")
