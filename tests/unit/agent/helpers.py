"""Test inputs built as SheetManifest objects, the way ingestion hands them to the matcher, and the real files of
bench/mapping/real planned as an upload is."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench.mapping.manifest import manifest_from_csv, manifest_from_rows
from ferry.__main__ import plan_files
from ferry.agent.normalize import join_tokens, tokens
from ferry.agent.planner import Plan
from ferry.agent.synonyms import CONCEPTS, SOFT_WORDS, singular_phrase
from ferry.core.domain import ColumnManifest, SheetManifest, Template, TemplateField

__all__ = [
    "CONTACTS",
    "applied_sources",
    "manifest_from_csv",
    "manifest_from_rows",
    "plan_real_file",
    "sheet",
]

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


REAL_FILES = Path(__file__).resolve().parents[3] / "bench" / "mapping" / "real"


def plan_real_file(name: str, *splits: str) -> Plan:
    """Plan one file of bench/mapping/real the way an upload is planned (sniffer, then HeuristicPlanner) onto its
    labelled template; the file must belong to one of `splits`, never to the held-out test split."""
    from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
    from ferry.__main__ import plan_files

    labels = {e["file"]: e for e in json.loads((REAL_FILES / "labels.json").read_text(encoding="utf-8"))}
    entry = labels[name]
    assert entry["split"] != "test", f"{name} is held out"
    assert not splits or entry["split"] in splits, f"{name} is a {entry['split']} file, not one of {splits}"
    plan, _ = plan_files([str(REAL_FILES / name)], [{**TEMPLATES, **REAL_TEMPLATES}[entry["template"]]])
    return plan


def applied_sources(plan: Plan) -> dict[str, list[str]]:
    """field -> every source column the applied mapping reads (the main one first, then any fallback)."""
    return {m["field"]: [s["column"] for s in m.get("sources") or [m["source"]]] for m in plan.mappings if m["source"]}


def csv_text(header: str, rows: list[str]) -> str:
    """A small CSV upload's text: the header line, then one line a row."""
    return header + "\n" + "\n".join(rows) + "\n"


def kinds_csv(columns: dict[str, str], values: dict[str, list[str]], rows: int = 6) -> str:
    """A small CSV upload's text whose columns (header -> kind of value) take their rows from `values[kind]`."""
    return csv_text(",".join(columns), [",".join(values[kind][i] for kind in columns.values()) for i in range(rows)])


def plan_text(tmp_path: Path, text: str, template: Template) -> Plan:
    """The plan of a small CSV upload (`text`) onto `template`, as `ferry plan` makes it."""
    path = tmp_path / "upload.csv"
    path.write_text(text, encoding="utf-8")
    plan, _ = plan_files([str(path)], [template])
    return plan


def named_in_questions(plan: Plan, column: str) -> bool:
    """Whether any question of the plan offers `column` as an option."""
    return any(f"'{column}'" in o.label for q in plan.questions for o in q.options)


def offered_for(plan: Plan, field: str) -> set[str]:
    """The columns the plan's questions about `field` offer (a which-column option, or the column a yes maps)."""
    labels = [o.label for q in plan.questions if f".q_{field}_" in q.id for o in q.options]
    return {label.split("'")[1] for label in labels if label.count("'") >= 2}


def question_about(plan: Plan, field: str) -> list[str]:
    """The option labels of the question about `field` (question ids read '<sheet>.q_<field>_<kind>')."""
    question = next(q for q in plan.questions if f".q_{field}_" in q.id)
    return [o.label for o in question.options]


def lexicon_clashes(lexicon: dict[str, dict[str, list[str]]]) -> dict[str, set[str]]:
    """The lookup keys a data lexicon's phrases share with another concept (new or already in CONCEPTS), each with
    every concept it names: the collisions check of the vocabulary modules (lexicon_depth, lexicon_depth2)."""
    new: dict[str, set[str]] = {}
    for concept, by_language in lexicon.items():
        for phrases in by_language.values():
            for phrase in phrases:
                for key in _lookup_keys(phrase):
                    new.setdefault(key, set()).add(concept)
    existing: dict[str, set[str]] = {}
    for concept, phrases in CONCEPTS.items():
        added = {p for group in lexicon.get(concept, {}).values() for p in group}
        for phrase in phrases:
            if phrase not in added:
                for key in _lookup_keys(phrase):
                    existing.setdefault(key, set()).add(concept)
    return {
        folded: concepts | existing.get(folded, set())
        for folded, concepts in new.items()
        if len(concepts | existing.get(folded, set())) > 1
    }


def _lookup_keys(phrase: str) -> set[str]:
    """The forms a phrase is looked up by: folded, singular, and without its qualifier words ('date of creation')."""
    folded = join_tokens(tokens(phrase))
    core = " ".join(w for w in folded.split() if w not in SOFT_WORDS) or folded
    return {folded, singular_phrase(folded)} | ({core, singular_phrase(core)} if len(core.split()) > 1 else set())
