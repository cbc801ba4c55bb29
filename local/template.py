"""Read template.yaml the way local mode needs it: resources, properties and resolved intrinsics.

Only the intrinsics this project's template uses are resolved (Ref, Sub, GetAtt); anything else is
an error, so the template can't drift into something local mode silently ignores.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_PATH = ROOT / "template.yaml"

ACCOUNT_ID = "123456789012"
REGION = "us-east-1"
PARTITION = "aws"


class _CfnLoader(yaml.SafeLoader):
    """Turns `!Ref X` into {"Ref": X}, `!GetAtt A.B` into {"Fn::GetAtt": [A, B]}, `!Sub s` into {"Fn::Sub": s}."""


def _construct_tag(loader: _CfnLoader, tag_suffix: str, node: yaml.Node) -> dict[str, Any]:
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]
    if tag_suffix == "Ref":
        return {"Ref": value}
    if tag_suffix == "GetAtt" and isinstance(value, str):
        value = value.split(".", 1)
    return {f"Fn::{tag_suffix}": value}


_CfnLoader.add_multi_constructor("!", _construct_tag)


def load_raw(path: Path = TEMPLATE_PATH) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_CfnLoader)  # noqa: S506 - SafeLoader subclass


@dataclass
class Template:
    """template.yaml with a resolver for the intrinsics, given local physical names."""

    raw: dict[str, Any]
    base_dir: Path = ROOT
    parameters: dict[str, str] = field(default_factory=dict)
    physical: dict[str, str] = field(default_factory=dict)  # logical id -> local name
    arns: dict[str, str] = field(default_factory=dict)  # logical id -> local ARN

    @classmethod
    def load(cls, path: Path = TEMPLATE_PATH, overrides: dict[str, str] | None = None) -> Template:
        raw = load_raw(path)
        params = {k: str(v.get("Default", "")) for k, v in raw.get("Parameters", {}).items()}
        params.update(overrides or {})
        return cls(raw=raw, base_dir=path.resolve().parent, parameters=params)

    @property
    def resources(self) -> dict[str, dict[str, Any]]:
        return self.raw.get("Resources", {})

    def of_type(self, cfn_type: str) -> dict[str, dict[str, Any]]:
        return {k: v for k, v in self.resources.items() if v.get("Type") == cfn_type}

    def function_properties(self, logical_id: str) -> dict[str, Any]:
        """A function's properties with Globals.Function merged in (Environment and Layers merged too)."""
        glob = dict(self.raw.get("Globals", {}).get("Function", {}))
        props = dict(self.resources[logical_id]["Properties"])
        merged = {**glob, **props}
        env = dict(glob.get("Environment", {}).get("Variables", {}))
        env.update(props.get("Environment", {}).get("Variables", {}))
        merged["Environment"] = {"Variables": env}
        merged["Layers"] = list(glob.get("Layers", [])) + list(props.get("Layers", []))
        return merged

    def resolve(self, value: Any) -> Any:
        """Resolve Ref/Sub/GetAtt in `value` (recursively) to local names and ARNs."""
        if isinstance(value, list):
            return [self.resolve(v) for v in value]
        if not isinstance(value, dict):
            return value
        if len(value) == 1:
            ((key, arg),) = value.items()
            if key == "Ref":
                return self._ref(arg)
            if key == "Fn::Sub":
                return self._sub(arg)
            if key == "Fn::GetAtt":
                return self._get_att(arg[0], arg[1])
            if key.startswith("Fn::"):
                raise ValueError(f"local mode does not resolve {key}")
        return {k: self.resolve(v) for k, v in value.items()}

    def _pseudo(self, name: str) -> str | None:
        return {
            "AWS::AccountId": ACCOUNT_ID,
            "AWS::Region": REGION,
            "AWS::Partition": PARTITION,
            "AWS::StackName": "ferry-local",
            "AWS::URLSuffix": "amazonaws.com",
        }.get(name)

    def _ref(self, name: str) -> str:
        pseudo = self._pseudo(name)
        if pseudo is not None:
            return pseudo
        if name in self.parameters:
            return self.parameters[name]
        if name in self.physical:
            return self.physical[name]
        raise KeyError(f"!Ref {name}: no local value (not a parameter or a bootstrapped resource)")

    def _get_att(self, name: str, attribute: str) -> str:
        if attribute == "Arn" and name in self.arns:
            return self.arns[name]
        raise KeyError(f"!GetAtt {name}.{attribute}: no local value")

    def _sub(self, arg: str | list[Any]) -> str:
        text, variables = (arg, {}) if isinstance(arg, str) else (arg[0], self.resolve(arg[1]))

        def replace(match: re.Match[str]) -> str:
            token = match.group(1)
            if token in variables:
                return str(variables[token])
            if "." in token:
                name, attribute = token.split(".", 1)
                return self._get_att(name, attribute)
            return self._ref(token)

        return re.sub(r"\$\{([^}!]+)\}", replace, text)


def parameters_from_environment(template: Template, environ: dict[str, str]) -> dict[str, str]:
    """Template parameters set through the variable the template feeds them to, when that variable is set.

    `FERRY_RUN_STALE_AFTER_SECONDS=30 make run` sets RunStaleAfterSeconds, which every function that reads
    it gets, as a deployed stack's parameter override would (local mode puts the template's values into
    os.environ, so without this the template's default would win).
    """
    overrides: dict[str, str] = {}
    for logical_id in template.of_type("AWS::Serverless::Function"):
        variables = template.function_properties(logical_id)["Environment"]["Variables"]
        for name, value in variables.items():
            ref = value.get("Ref") if isinstance(value, dict) else None
            if ref in template.parameters and name in environ:
                overrides[ref] = environ[name]
    return overrides


def schedule_seconds(template: Template, logical_id: str) -> int | None:
    """The period of a function's `Schedule` event (`rate(5 minutes)` -> 300), or None when it has none."""
    for event in template.resources[logical_id]["Properties"].get("Events", {}).values():
        if event.get("Type") != "Schedule":
            continue
        expression = str(template.resolve(event["Properties"]["Schedule"])).strip()
        match = re.fullmatch(r"rate\((\d+)\s+(minute|minutes|hour|hours|day|days)\)", expression)
        if not match:
            raise ValueError(f"{logical_id}: local mode runs only rate(...) schedules, not {expression!r}")
        unit = {"minute": 60, "hour": 3600, "day": 86400}[match.group(2).rstrip("s")]
        return int(match.group(1)) * unit
    return None
