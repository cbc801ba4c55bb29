"""statemachines/run.asl.json, the scale-out execute: the Distributed Map reads the chunk manifest from S3, retries
each part like every task, tolerates no failed part, and is reached only when the execute step split the file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ferry.runs.tasks import MAX_ATTEMPTS

ASL: dict[str, Any] = json.loads(
    (Path(__file__).resolve().parents[2] / "statemachines" / "run.asl.json").read_text(encoding="utf-8")
)
STATES = ASL["States"]


def test_the_execute_step_routes_to_the_parts_only_when_it_split_the_file() -> None:
    run = STATES["Run the import"]
    assert run["ResultPath"] == "$.execute" and run["Next"] == "Split into parts?"
    (rule,) = STATES["Split into parts?"]["Choices"]
    assert rule == {"Variable": "$.execute.parts", "NumericGreaterThan": 0, "Next": "Check the parts"}
    assert STATES["Split into parts?"]["Default"] == "Commit the import"  # below FERRY_CHUNK_ROWS: today's path
    assert STATES["Check the parts"]["Next"] == "Decide duplicates and unique values"
    assert STATES["Decide duplicates and unique values"]["Next"] == "Write the parts"
    assert STATES["Write the parts"]["Next"] == "Assemble the import"
    assert STATES["Assemble the import"]["Next"] == "Commit the import"


@pytest.mark.parametrize(("name", "step"), [("Check the parts", "check_part"), ("Write the parts", "write_part")])
def test_the_parts_are_a_distributed_map_over_the_manifest_with_no_failure_tolerated(name: str, step: str) -> None:
    parts = STATES[name]
    assert parts["Type"] == "Map"
    assert parts["ItemProcessor"]["ProcessorConfig"]["Mode"] == "DISTRIBUTED"
    reader = parts["ItemReader"]
    assert reader["Resource"] == "arn:aws:states:::s3:getObject" and reader["ReaderConfig"]["InputType"] == "JSON"
    assert reader["Parameters"] == {"Bucket.$": "$.execute.manifest.bucket", "Key.$": "$.execute.manifest.key"}
    assert parts["MaxConcurrencyPath"] == "$.execute.max_concurrency"  # the ChunkMaxConcurrency parameter
    assert parts["ToleratedFailureCount"] == 0 and "ToleratedFailurePercentage" not in parts
    assert parts["ResultPath"] is None  # nothing of the items grows the execution's state
    assert parts["Catch"][-1]["Next"] == "Record the failure"
    # each part: a bounded, retried task whose output is {} (the map's result array stays small)
    (task,) = parts["ItemProcessor"]["States"].values()
    assert task["Type"] == "Task" and task["End"] is True
    assert task["Parameters"]["Payload"] == {
        "step": step,
        "run.$": "$.run",
        "part.$": "$.part",
        "attempt.$": "$$.State.RetryCount",
    }
    assert parts["ItemSelector"] == {"run.$": "$.run", "part.$": "$$.Map.Item.Value"}
    assert task["TimeoutSeconds"] <= 900 and task["OutputPath"] is None
    (retry,) = task["Retry"]
    assert "TransientStepError" in retry["ErrorEquals"] and retry["MaxAttempts"] + 1 == MAX_ATTEMPTS
