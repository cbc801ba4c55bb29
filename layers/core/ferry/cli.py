"""Command line: run or preview a recipe on local files.

    python -m ferry execute FILE [FILE ...] --templates templates.json --recipe recipe.json --out DIR
        writes DIR/report.json and per template DIR/<sheet_id>/{valid,invalid,all}.csv and rows/*.parquet
    python -m ferry preview FILE [FILE ...] --templates templates.json --recipe recipe.json [-n 50]

FILE is `path` (bound to the recipe's only file_id) or `file_id=path`.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import Any

from ferry.models import Template, check_unique_sheet_ids
from ferry.recipe import Recipe


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


def main(argv: list[str] | None = None) -> int:
    """Entry point of `python -m ferry`; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m ferry", description="Run a Ferry mapping recipe locally.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("execute", "preview"):
        p = sub.add_parser(name)
        p.add_argument("files", nargs="+", metavar="FILE", help="path, or file_id=path")
        p.add_argument("--templates", required=True, help="JSON list of templates")
        p.add_argument("--recipe", required=True, help="recipe JSON")
        if name == "execute":
            p.add_argument("--out", required=True, help="output directory")
        else:
            p.add_argument("-n", type=int, default=50, help="rows per template")
    args = parser.parse_args(argv)

    from ferry.engine import execute, preview

    try:
        templates = _load_templates(args.templates)
        recipe = Recipe.model_validate_json(Path(args.recipe).read_text(encoding="utf-8"))
        inputs = _inputs(args.files, recipe)
        if args.command == "preview":
            print(json.dumps(preview(recipe, templates, inputs, n=args.n), indent=2, ensure_ascii=False))
            return 0
        out = Path(args.out)
        work = out / ".ferry-work"
        result = execute(recipe, templates, inputs, work)
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
