"""The planner a deployment chose: `FERRY_PLANNER` picks the heuristic planner (the default) or Bedrock's."""

from __future__ import annotations

from ferry.agent.bedrock import BedrockPlanner
from ferry.agent.planner import HeuristicPlanner, Planner
from ferry.core.config import get_settings


def planner_from_settings() -> Planner:
    """The planner the deployment chose (`FERRY_PLANNER`: `heuristic`, the default, or `bedrock`)."""
    settings = get_settings()
    if settings.planner == "bedrock":
        return BedrockPlanner(settings.bedrock_model_id, max_attempts=settings.bedrock_max_attempts)
    return HeuristicPlanner()
