"""Render a Step Functions definition (JSONPath ASL) as a Mermaid state diagram, for the docs.

    python -m local.asl_diagram statemachines/run.asl.json

Every state becomes a node (named by its sentence-like state name); `Next`, `Default`, Choice branches
and `Catch` targets become edges (a Catch edge is labelled with the errors it catches).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def _node_ids(states: dict[str, Any]) -> dict[str, str]:
    return {name: f"s{i}" for i, name in enumerate(states)}


_COMPARISONS = (("GreaterThanEquals", ">="), ("LessThanEquals", "<="), ("GreaterThan", ">"), ("LessThan", "<"))


def _choice_label(rule: dict[str, Any]) -> str:
    """A short label of a Choice rule: the compared variable's last part and the value."""
    variable = str(rule.get("Variable", "")).rsplit(".", 1)[-1]
    for key, value in rule.items():
        if key not in ("Variable", "Next") and not isinstance(value, (dict, list)):
            sign = next((s for word, s in _COMPARISONS if word in key), "=")
            return f"{variable} {sign} {value}" if variable else str(value)
    nested = rule.get("And") or rule.get("Or") or []
    return " / ".join(_choice_label(r) for r in nested) or "rule"


def mermaid(definition: dict[str, Any]) -> str:
    """The Mermaid `stateDiagram-v2` text of an ASL definition."""
    states: dict[str, Any] = definition["States"]
    ids = _node_ids(states)
    lines = ["stateDiagram-v2"]
    for name, node in ids.items():
        lines.append(f'    state "{name}" as {node}')
    lines.append(f"    [*] --> {ids[definition['StartAt']]}")
    for name, state in states.items():
        here = ids[name]
        for rule in state.get("Choices", []):
            lines.append(f"    {here} --> {ids[rule['Next']]}: {_choice_label(rule)}")
        if "Default" in state:
            lines.append(f"    {here} --> {ids[state['Default']]}: otherwise")
        if "Next" in state:
            lines.append(f"    {here} --> {ids[state['Next']]}")
        for catch in state.get("Catch", []):
            errors = ", ".join(e.removeprefix("States.") for e in catch.get("ErrorEquals", []))
            lines.append(f"    {here} --> {ids[catch['Next']]}: {errors}")
        if state["Type"] in ("Succeed", "Fail") or state.get("End"):
            lines.append(f"    {here} --> [*]")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    print(mermaid(json.loads(Path(args[0]).read_text(encoding="utf-8"))), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
