"""The state machine pictures in docs/ are the ones rendered from the ASL files today."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from local.asl_diagram import mermaid

ROOT = Path(__file__).resolve().parents[2]
BLOCK = re.compile(r"<!-- diagram:(?P<path>\S+) -->\n```mermaid\n(?P<body>.*?)```\n<!-- /diagram -->", re.S)
DOCS = sorted((ROOT / "docs").glob("*.md"))
BLOCKS = [(doc.name, m["path"], m["body"]) for doc in DOCS for m in BLOCK.finditer(doc.read_text(encoding="utf-8"))]


def test_the_run_state_machine_is_pictured() -> None:
    assert ("runs.md", "statemachines/run.asl.json") in {(doc, path) for doc, path, _ in BLOCKS}


@pytest.mark.parametrize(("doc", "path", "body"), BLOCKS, ids=[f"{d}:{p}" for d, p, _ in BLOCKS])
def test_diagram_is_current(doc: str, path: str, body: str) -> None:
    expected = mermaid(json.loads((ROOT / path).read_text(encoding="utf-8")))
    assert body == expected, f"regenerate the diagram in docs/{doc}: python -m local.asl_diagram {path}"
