"""Step Functions access: start, stop and describe run and import executions, and answer a waiting task token.

The only module that talks to Step Functions. Task tokens pass through here and nowhere else is one
logged or returned.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from botocore.exceptions import ClientError

from ferry.aws import clients as aws
from ferry.core.config import get_settings

ExecutionStatus = Literal["RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE", "MISSING"]
TokenOutcome = Literal["sent", "expired"]

# A token that timed out, was already used, or whose execution stopped: the wait is over either way.
_TOKEN_GONE = {"TaskTimedOut", "InvalidToken", "TaskDoesNotExist"}


class Workflow:
    """A state machine: the run one, or (`machine="import"`) the import one. `client` is an optional boto3
    Step Functions client (tests inject one). Stopping an execution and answering a token work for either."""

    def __init__(
        self, state_machine_arn: str | None = None, client: Any = None, machine: Literal["run", "import"] = "run"
    ) -> None:
        self._state_machine_arn = state_machine_arn
        self._client = client
        self._machine = machine

    @property
    def state_machine_arn(self) -> str:
        """The state machine's ARN (from settings unless given)."""
        if self._state_machine_arn:
            return self._state_machine_arn
        settings = get_settings()
        return settings.import_state_machine_arn if self._machine == "import" else settings.run_state_machine_arn

    @property
    def client(self) -> Any:
        """The injected client, else the shared lazily created one."""
        return self._client or aws.client("stepfunctions")

    def start(self, name: str, payload: dict[str, Any]) -> str:
        """Start an execution named `name` (the run id, so a repeated start can never run twice); its ARN."""
        response = self.client.start_execution(
            stateMachineArn=self.state_machine_arn, name=name, input=json.dumps(payload, separators=(",", ":"))
        )
        return str(response["executionArn"])

    def stop(self, execution_arn: str, *, error: str, cause: str) -> None:
        """Stop an execution; one that already ended is left as it is."""
        try:
            self.client.stop_execution(executionArn=execution_arn, error=error, cause=cause)
        except ClientError as exc:
            if _error_code(exc) not in {"ExecutionDoesNotExist", "ExecutionNotRunning"}:
                raise

    def status(self, execution_arn: str) -> ExecutionStatus:
        """Where an execution stands; MISSING when Step Functions does not know it."""
        try:
            response = self.client.describe_execution(executionArn=execution_arn)
        except ClientError as exc:
            if _error_code(exc) == "ExecutionDoesNotExist":
                return "MISSING"
            raise
        status: ExecutionStatus = response["status"]
        return status

    def send_task_success(self, task_token: str, output: dict[str, Any]) -> TokenOutcome:
        """Resume the task waiting on `task_token` with `output`; "expired" when that wait is over."""
        try:
            self.client.send_task_success(taskToken=task_token, output=json.dumps(output, separators=(",", ":")))
        except ClientError as exc:
            if _error_code(exc) in _TOKEN_GONE:
                return "expired"
            raise
        return "sent"

    def send_task_failure(self, task_token: str, *, error: str, cause: str) -> TokenOutcome:
        """Fail the task waiting on `task_token`; "expired" when that wait is over."""
        try:
            self.client.send_task_failure(taskToken=task_token, error=error, cause=cause)
        except ClientError as exc:
            if _error_code(exc) in _TOKEN_GONE:
                return "expired"
            raise
        return "sent"


def _error_code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))
