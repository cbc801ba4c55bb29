"""The `ferry` package stays a house by concern: no import circles, imports point down, rooms stay small.

docs/architecture.md draws the map these tests keep true.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "layers" / "core" / "ferry"
MAX_MODULE_LINES = 800
MAX_ENTRIES = 12  # modules and sub-packages directly under ferry/ (its own __init__.py aside)

# Imports point down: a module may import its own layer and the layers below, never one above.
LAYERS = {
    "core": 0,
    "aws": 1,
    "ingest": 2,
    "recipe": 2,
    "engine": 2,
    "agent": 2,
    "migrations": 3,
    "connections": 4,
    "runs": 5,
    "imports": 5,
    "api": 6,
    "__main__": 6,
}


def module_name(path: Path) -> str:
    parts = ("ferry", *path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imported_modules(name: str, path: Path) -> set[str]:
    """Every ferry module `name` imports anywhere in its body (a lazy import inside a function counts too)."""
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            for alias in node.names:  # `from ferry.runs import steps` imports the module ferry.runs.steps
                submodule = f"{target}.{alias.name}"
                found.add(submodule if submodule in MODULES else target)
    return {m for m in found if m in MODULES and m != name}


GRAPH = {name: imported_modules(name, path) for name, path in MODULES.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def layer_of(module: str) -> str:
    return module.split(".")[1] if "." in module else ""


def test_no_module_imports_itself_back_through_others():
    assert cycles(GRAPH) == []


def test_the_cycle_check_finds_a_circle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_imports_point_down():
    upward = [
        f"{module} imports {target}"
        for module, targets in GRAPH.items()
        for target in targets
        if layer_of(module) in LAYERS and LAYERS[layer_of(target)] > LAYERS[layer_of(module)]
    ]
    assert upward == []


def test_every_entry_of_the_package_has_a_layer():
    entries = {p.stem for p in PACKAGE.iterdir() if p.name not in {"__init__.py", "__pycache__"}}
    assert entries == set(LAYERS)
    assert len(entries) <= MAX_ENTRIES


def test_only_the_aws_adapters_import_boto3():
    outside = [
        name
        for name, path in MODULES.items()
        if layer_of(name) != "aws"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Import | ast.ImportFrom)
        and any(
            n.split(".")[0] in {"boto3", "botocore"}
            for n in ([a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""])
        )
    ]
    assert outside == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_is_too_long_to_read(name):
    lines = MODULES[name].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_MODULE_LINES, f"{name} has {lines} lines"


@pytest.mark.parametrize("name", sorted(n for n, p in MODULES.items() if p.name == "__init__.py"))
def test_every_package_says_what_lives_there(name):
    docstring = ast.get_docstring(ast.parse(MODULES[name].read_text(encoding="utf-8")))
    assert docstring and len(docstring) > 40, f"{name} needs a docstring saying what lives there"
