"""Lint Step Functions definitions with cfn-lint's ASL rules (E3601...).

cfn-lint does not look inside a SAM state machine's DefinitionUri file, so each file is wrapped in a
raw AWS::StepFunctions::StateMachine resource, which it does check.
    python -m local.asl_lint statemachines/*.asl.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from cfnlint.api import ManualArgs, lint


def lint_definition(path: Path) -> list[str]:
    definition = json.loads(path.read_text(encoding="utf-8"))
    template = {
        "Resources": {
            "StateMachine": {
                "Type": "AWS::StepFunctions::StateMachine",
                "Properties": {"RoleArn": "arn:aws:iam::123456789012:role/x", "Definition": definition},
            }
        }
    }
    matches = lint(json.dumps(template), config=ManualArgs(regions=["us-east-1"]))
    return [f"{m.rule.id} {m.message}" for m in matches]


def main(argv: list[str]) -> int:
    paths = [Path(p) for p in argv if not p.endswith("*.asl.json")]  # an unmatched glob means no files yet
    failed = 0
    for path in paths:
        problems = lint_definition(path)
        for problem in problems:
            print(f"{path}: {problem}")
        failed += bool(problems)
    print(f"ASL lint: {len(paths)} file(s), {failed} with problems")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
