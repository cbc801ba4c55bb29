"""Test inputs built as SheetManifest objects, the way ingestion hands them to the matcher."""

from __future__ import annotations

from typing import Any

from bench.mapping.manifest import manifest_from_csv, manifest_from_rows
from ferry.core.domain import ColumnManifest, SheetManifest, Template, TemplateField

__all__ = ["CONTACTS", "manifest_from_csv", "manifest_from_rows", "sheet"]

CONTACTS = Template(
    name="Contacts",
    sheet_id="contacts",
    fields=[
        TemplateField(key="first_name", type="string"),
        TemplateField(key="last_name", type="string"),
        TemplateField(key="email", type="email", required=True, unique=True),
        TemplateField(key="phone", type="phone"),
        TemplateField(key="company", type="string"),
        TemplateField(key="created_at", type="date"),
        TemplateField(key="country", type="enum", values=["US", "DE", "FR", "GB"]),
        TemplateField(key="status", type="enum", values=["lead", "customer", "churned"]),
    ],
)


def sheet(columns: dict[str, list[str]], rows: int = 10) -> SheetManifest:
    """A manifest whose columns hold the given sample values."""
    return SheetManifest(
        sheet_id="sheet_1",
        name="test",
        columns=[ColumnManifest(name=h, header=h, samples=v, filled=rows if v else 0) for h, v in columns.items()],
        row_count=rows,
        header_row=0,
    )


def tool_answer(tool: str, tool_input: object, *, input_tokens: int, output_tokens: int) -> dict[str, Any]:
    """A Converse response in which the model calls `tool` with `tool_input`."""
    total = input_tokens + output_tokens
    return {
        "output": {
            "message": {
                "role": "assistant",
                "content": [{"toolUse": {"toolUseId": "tool_1", "name": tool, "input": tool_input}}],
            }
        },
        "stopReason": "tool_use",
        "usage": {"inputTokens": input_tokens, "outputTokens": output_tokens, "totalTokens": total},
        "metrics": {"latencyMs": 600},
    }
