"""`ferry` (or `python -m ferry`), the command line: plan a recipe for local files, then preview or run it.

    ferry plan FILE [FILE ...] --templates templates.json [--json] [--answer ID=OPTION ...]
               [--recipe-out recipe.json]
        prints the plan: per template the field mappings with confidence and rationale, the columns left
        out, the planner's questions, and the recipe (`--recipe-out` writes it for `execute --recipe`)
    ferry preview FILE [FILE ...] --templates templates.json --recipe recipe.json [-n 50] [--json]
        prints the first rows per template as a table, cells that fail a rule marked `!` (`--json`: as JSON)
    ferry execute FILE [FILE ...] --templates templates.json --recipe recipe.json --out DIR
        writes DIR/report.json and per template DIR/<sheet_id>/{valid,invalid,all}.csv and rows/*.parquet;
        a progress bar on stderr when stderr is a terminal, nothing of it in a pipe

FILE is `path` or `file_id=path`. For `plan` a bare path's file_id is its file name; for `execute` and
`preview` a bare path is bound to the recipe's only file_id.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ferry.core.domain import FileManifest, Template, check_unique_sheet_ids
from ferry.core.errors import FileRejected
from ferry.core.outcomes import Answer
from ferry.recipe import Recipe

if TYPE_CHECKING:
    from ferry.agent.planner import Plan


def _load_templates(path: str) -> list[Template]:
    data: Any = json.loads(Path(path).read_text(encoding="utf-8"))
    items = data if isinstance(data, list) else data.get("templates", [data])
    templates = [Template.model_validate(t) for t in items]
    check_unique_sheet_ids(templates)
    return templates


def _inputs(files: list[str], recipe: Recipe) -> dict[str, Any]:
    from ferry.ingest import sniff

    file_ids = sorted({t.source.file_id for t in recipe.templates})
    inputs: dict[str, Any] = {}
    for spec in files:
        file_id, sep, path = spec.partition("=")
        if not sep:
            path = spec
            if len(file_ids) != 1:
                raise SystemExit(f"give FILE as file_id=path; the recipe reads files {', '.join(file_ids)}")
            file_id = file_ids[0]
        inputs[file_id] = (path, sniff(path, Path(path).name))
    return inputs


def plan_files(
    files: list[str], templates: list[Template], answers: list[str] | None = None
) -> tuple[Plan, dict[str, str]]:
    """Plan local files onto `templates` with the configured planner; the plan and each file_id's path.

    `files` are `path` (its file_id is the file name) or `file_id=path`; `answers` are `QUESTION_ID=OPTION_ID`
    or `QUESTION_ID=custom text`, applied to the plan's questions. Raises ValueError on an answer to no
    question, FileRejected on a file ingestion would refuse.
    """
    from ferry.agent.choice import planner_from_settings
    from ferry.ingest import sniff

    paths: dict[str, str] = {}
    for spec in files:
        file_id, sep, path = spec.partition("=")
        if not sep:
            path, file_id = spec, Path(spec).name
            n = 2
            while file_id in paths:
                file_id, n = f"{Path(spec).name}_{n}", n + 1
        paths[file_id] = path
    manifests: dict[str, FileManifest] = {file_id: sniff(path, Path(path).name) for file_id, path in paths.items()}
    planner = planner_from_settings()
    plan = planner.generate(manifests, templates, {file_id: Path(path).name for file_id, path in paths.items()})
    if answers:
        plan = planner.answer(plan, [_answer(plan, text) for text in answers])
    return plan, paths


def _answer(plan: Plan, text: str) -> Answer:
    question_id, sep, value = text.partition("=")
    question = next((q for q in plan.questions if q.id == question_id.strip()), None)
    if not sep or question is None:
        asked = ", ".join(q.id for q in plan.questions) or "none"
        raise ValueError(f"--answer {text!r} answers no question of the plan (its questions: {asked})")
    value = value.strip()
    if any(o.id == value for o in question.options):
        return Answer(question_id=question.id, option_id=value)
    if not question.allow_custom:
        raise ValueError(f"--answer {text!r}: pick one of {', '.join(o.id for o in question.options)}")
    return Answer(question_id=question.id, custom=value)


def format_plan(plan: Plan, paths: dict[str, str]) -> str:
    """The plan as text for a person: per template its mappings, the columns left out, the open questions
    and the recipe."""
    lines = [f"Planned by the {plan.planner} planner. {plan.summary}", ""]
    for tr in plan.recipe.templates:
        lines += _template_lines(plan, tr.sheet_id, paths.get(tr.source.file_id, tr.source.file_id))
    lines += _left_out_lines(plan, paths)
    if plan.questions:
        lines.append("Questions (a run waits here for the answers; rerun with --answer ID=OPTION):")
        for q in plan.questions:
            lines.append(f"  {q.id}: {q.question}")
            if q.context:
                lines.append(f"      {q.context}")
            lines += [f"      {o.id}  {o.label}" for o in q.options]
            if q.allow_custom:
                lines.append(f"      or your own answer: --answer {q.id}='...'")
        lines.append("")
    lines.append("Recipe (for `python -m ferry execute FILE ... --recipe`; --recipe-out writes it to a file):")
    lines.append(recipe_json(plan.recipe))
    return "\n".join(lines)


def _template_lines(plan: Plan, sheet_id: str, path: str) -> list[str]:
    """One template's mappings: field <- column, confidence, rationale, and the transform below."""
    template = next(t for t in plan.templates if t.sheet_id == sheet_id)
    source = next(tr.source for tr in plan.recipe.templates if tr.sheet_id == sheet_id)
    rows = []
    for m in (m for m in plan.mappings if m["template"] == template.name):
        columns = [c["column"] for c in m.get("sources") or ([m["source"]] if m["source"] else [])]
        confidence = f"{math.floor(m['confidence'] * 100) / 100:.2f}" if columns else ""  # 0.997 is not 1.00
        ops = " > ".join(_op_text(op) for op in m.get("transform", []))
        rows.append((m["field"], " + ".join(columns) or "(not mapped)", confidence, m["rationale"], ops))
    width = [max((len(r[i]) for r in rows), default=0) for i in range(3)]
    lines = [f"{template.name} ({sheet_id}) <- {path}, {source.sheet_id}"]
    for field, column, confidence, rationale, ops in rows:
        lines.append(f"  {field:<{width[0]}}  <- {column:<{width[1]}}  {confidence:>{width[2]}}  {rationale}")
        if ops:
            lines.append(f"  {'':<{width[0]}}     {ops}")
    mapped = {m["field"] for m in plan.mappings if m["template"] == template.name and m["source"]}
    missing = [f.key for f in template.fields if f.required and f.key not in mapped]
    if missing:
        lines.append(f"  required but not mapped: {', '.join(missing)} (every row is flagged invalid without it)")
    return [*lines, ""]


def _left_out_lines(plan: Plan, paths: dict[str, str]) -> list[str]:
    """Per source sheet, the columns no template reads."""
    read: dict[tuple[str, str], set[str]] = {}
    for tr in plan.recipe.templates:
        used = read.setdefault((tr.source.file_id, tr.source.sheet_id), set())
        used.update(c for fr in tr.fields for c in fr.source_columns())
        used.update(f.column for f in tr.filters if f.column)
    lines = []
    for (file_id, sheet_id), used in read.items():
        left = [
            u["column"]
            for u in plan.unmapped_columns
            if (u["file_id"], u["sheet_id"]) == (file_id, sheet_id) and u["column"] not in used
        ]
        if left:
            lines += [
                f"Not imported from {paths.get(file_id, file_id)}, {sheet_id}: {', '.join(dict.fromkeys(left))}",
                "",
            ]
    return lines


def recipe_json(recipe: Recipe) -> str:
    """The recipe as JSON with one line per field, ready for `execute --recipe`."""
    data = recipe.model_dump(mode="json", by_alias=True)
    parts = []
    for tr in data["templates"]:
        head = json.dumps({k: v for k, v in tr.items() if k != "fields"}, ensure_ascii=False)
        fields = ",\n".join("      " + json.dumps(f, ensure_ascii=False) for f in tr["fields"])
        parts.append(f'    {head[:-1]}, "fields": [\n{fields}\n    ]}}')
    templates = ",\n".join(parts)
    return f'{{\n  "version": {data["version"]},\n  "templates": [\n{templates}\n  ]\n}}'


def _op_text(op: dict[str, Any]) -> str:
    args = [f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in op.items() if k != "op" and v is not None]
    text = f"{op['op']}({', '.join(args)})" if args else op["op"]
    return text if len(text) <= 60 else text[:57] + "..."


def _plan_command(args: argparse.Namespace) -> int:
    try:
        templates = _load_templates(args.templates)
        plan, paths = plan_files(args.files, templates, args.answer)
    except ValueError as exc:  # a malformed templates file, an answer to no question
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except FileRejected as exc:
        print(f"error: {exc.reason}", file=sys.stderr)
        return 2
    if args.recipe_out:
        Path(args.recipe_out).write_text(recipe_json(plan.recipe) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps({**plan.report(), "files": paths}, indent=2, ensure_ascii=False))
    else:
        print(format_plan(plan, paths))
    return 0


CELL_WIDTH = 30  # a longer cell is cut to this many characters, ending in "…"


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    text = " ".join(text.split())  # one line per row
    return text if len(text) <= CELL_WIDTH else text[: CELL_WIDTH - 1] + "…"


def format_preview(sheets: list[dict[str, Any]]) -> str:
    """The preview as text for a person: per template a table of its first rows (columns aligned, long cells
    cut), each cell that fails a rule marked `!`, and below it a legend naming the rule each one fails."""
    lines: list[str] = []
    for sheet in sheets:
        columns: list[str] = sheet["columns"]
        flagged = {(e["row"], e["column"]): (e["error"], e["value"]) for e in sheet["errors"]}
        head = ["row", *columns]
        body = [
            [str(row["_row"])] + [_cell(row[c]) + ("!" if (row["_row"], c) in flagged else "") for c in columns]
            for row in sheet["rows"]
        ]
        widths = [max(len(cell) for cell in column) for column in zip(head, *body, strict=False)]
        shown, total = len(sheet["rows"]), sheet["rowCount"]
        lines.append(
            f"{sheet['templateName']} ({sheet['sheetId']}): first {shown:,} of {total:,} rows; "
            f"about {sheet['invalidRowCount']:,} rows with invalid cells"
            + (
                f"; {sheet['droppedRows']['filters'] + sheet['droppedRows']['dedup']:,} dropped"
                if _dropped(sheet)
                else ""
            )
        )
        for cells in [head, *body]:
            lines.append("  " + "  ".join(cell.ljust(w) for cell, w in zip(cells, widths, strict=True)).rstrip())
        if flagged:
            lines.append("  ! the cell fails a rule:")
            lines += [
                f"    row {row}, {column}: fails `{error}` ({_cell(value) or 'empty'})"
                for (row, column), (error, value) in flagged.items()
            ]
        lines.append("")
    return "\n".join(lines).rstrip("\n")


def _dropped(sheet: dict[str, Any]) -> bool:
    dropped = sheet.get("droppedRows") or {}
    return bool(dropped.get("filters") or dropped.get("dedup"))


class ProgressBar:
    """One line redrawn on a terminal: per template the rows read (then the parts written, when a dedup keeping
    the last row writes them in a second pass). At most ten redraws a second, and a final newline from `close`."""

    def __init__(self, stream: TextIO, width: int = 28) -> None:
        self.stream, self.width = stream, width
        self.last = 0.0
        self.drawn = False

    def __call__(self, stage: str, template: str, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        filled = self.width * done // total if total else self.width
        bar = "#" * filled + "." * (self.width - filled)
        what = f"{done:,}/{total:,} rows read" if stage == "read" else f"{done:,}/{total:,} parts written"
        self.stream.write(f"\r{template} [{bar}] {what}\x1b[K")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()


DESCRIPTION = """Plan, preview and run Ferry mapping recipes on local files, without the API.

commands:
  plan     propose a recipe: each field's column with confidence and why, the questions, the recipe JSON
  preview  the recipe's first rows per template as a table, cells that fail a rule marked (--json: JSON)
  execute  run the recipe on whole files: valid, invalid and all rows as CSV plus a report, in --out DIR"""


def main(argv: list[str] | None = None) -> int:
    """Entry point of `ferry` and `python -m ferry`; returns the exit code."""
    parser = argparse.ArgumentParser(
        prog="ferry" if Path(sys.argv[0]).name == "ferry" else "python -m ferry",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="{plan,preview,execute}")
    plan = sub.add_parser(
        "plan",
        help="propose a recipe for the files: mappings, questions, the recipe JSON",
        description="Propose a recipe for the files: per field its column, confidence and why; the questions.",
    )
    plan.add_argument("files", nargs="+", metavar="FILE", help="path (file_id: its name), or file_id=path")
    plan.add_argument("--templates", required=True, help="JSON list of templates")
    plan.add_argument("--json", action="store_true", help="print the plan as JSON")
    plan.add_argument("--answer", action="append", metavar="ID=OPTION", help="answer a question (repeatable)")
    plan.add_argument("--recipe-out", metavar="FILE", help="write the recipe JSON to FILE")
    helps = {
        "preview": "show the recipe's first rows per template as a table (--json for JSON)",
        "execute": "run the recipe on whole files: CSV exports and a report in --out DIR",
    }
    for name, text in helps.items():
        p = sub.add_parser(name, help=text, description=text[0].upper() + text[1:] + ".")
        p.add_argument("files", nargs="+", metavar="FILE", help="path, or file_id=path")
        p.add_argument("--templates", required=True, help="JSON list of templates")
        p.add_argument("--recipe", required=True, help="recipe JSON")
        if name == "execute":
            p.add_argument("--out", required=True, help="output directory")
        else:
            p.add_argument("-n", type=int, default=50, help="rows per template")
            p.add_argument("--json", action="store_true", help="print the preview as JSON (the API's preview sheets)")
    args = parser.parse_args(argv)
    if args.command == "plan":
        return _plan_command(args)

    from ferry.engine import execute, preview
    from ferry.engine.csv_export import EXPORT_FILTERS

    try:
        templates = _load_templates(args.templates)
        recipe = Recipe.model_validate_json(Path(args.recipe).read_text(encoding="utf-8"))
        inputs = _inputs(args.files, recipe)
        if args.command == "preview":
            if args.json:
                print(json.dumps(preview(recipe, templates, inputs, n=args.n), indent=2, ensure_ascii=False))
            else:
                print(format_preview(preview(recipe, templates, inputs, n=args.n, row_numbers=True)))
            return 0
        out = Path(args.out)
        work = out / ".ferry-work"
        bar = ProgressBar(sys.stderr) if sys.stderr.isatty() else None  # quiet in pipes and logs
        try:
            # all.csv too: no API here to build it on demand, and one more export is cheap beside the others
            result = execute(recipe, templates, inputs, work, counts=bar, exports=EXPORT_FILTERS)
        finally:
            if bar is not None:
                bar.close()
    except ValueError as exc:  # RecipeError, a malformed recipe or templates file, unreadable files
        print(f"error: {exc}", file=sys.stderr)
        return 2
    # out/<sheet_id>/ holds valid.csv, invalid.csv, all.csv and rows/*.parquet; out/report.json the report
    for sheet_id, path in result.outputs.items():
        shutil.rmtree(out / sheet_id, ignore_errors=True)
        shutil.move(path, out / sheet_id)
    (out / "report.json").write_text(json.dumps(result.report, indent=2), encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)
    report = result.report
    print(f"{report['totalRows']} rows, {report['invalidCellCount']} with invalid cells; outputs in {out}")
    for sheet_id in result.outputs:
        print(f"  {sheet_id}: {out / sheet_id / 'valid.csv'} (also invalid.csv, all.csv, rows/*.parquet)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
