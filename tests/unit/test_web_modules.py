"""The console's pure JavaScript (web/*.js), run in Node: the CSV reader behind the imported-rows table, where
flagged cells come from, the recipe paths the diff names, and which credentials may travel in a URL.
Skipped where no `node` is installed (the browser tests cover the same code end to end)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

WEB = Path(__file__).resolve().parents[2] / "web"
NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="no node on this machine")


def run_module(body: str) -> Any:
    """Run an ES module that imports from web/ and prints one JSON value; that value."""
    script = (
        f'import * as table from "{(WEB / "table.js").as_uri()}";\n'
        f'import * as api from "{(WEB / "api.js").as_uri()}";\n'
        f'import * as migration from "{(WEB / "migration.js").as_uri()}";\n'
        f'import * as report from "{(WEB / "report.js").as_uri()}";\n'
        f"console.log(JSON.stringify(await (async () => {{ {body} }})()));\n"
    )
    done = subprocess.run(
        [str(NODE), "--input-type=module", "-e", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_csv_reader_keeps_quoted_commas_quotes_and_line_breaks_inside_one_cell() -> None:
    csv = 'name,note\r\n"Doe, Jane","said ""hi""\nthen left"\r\nBob,\n'
    assert run_module(f"return table.parseCsv({json.dumps(csv)});") == [
        ["name", "note"],
        ["Doe, Jane", 'said "hi"\nthen left'],
        ["Bob", ""],
    ]


def test_an_all_export_becomes_rows_numbered_by_source_row_with_each_error_on_its_own_cell() -> None:
    # Given an `all` export: the fields, then _row and _errors ("column: rule; column: rule")
    csv = (
        "first_name,email,phone,_row,_errors\n"
        'Ann,ann@example.com,+14155550100,1,""\n'
        "Bob,,12,7,email: required; phone: type\n"
    )
    rows = run_module(f"return table.exportRows({json.dumps(csv)});")
    # Then the bookkeeping columns are not shown as data, and each error sits on its cell
    assert rows["columns"] == ["first_name", "email", "phone"]
    assert rows["rows"] == [
        {"n": 1, "cells": ["Ann", "ann@example.com", "+14155550100"], "errors": None},
        {"n": 7, "cells": ["Bob", "", "12"], "errors": {"1": "required", "2": "type"}},
    ]


def test_preview_errors_land_on_the_row_they_name_counted_from_one() -> None:
    sheet = {
        "columns": ["email", "phone"],
        "rows": [{"email": "a@x.io", "phone": None}, {"email": None, "phone": "1"}],
        "errors": [
            {"row": 2, "column": "email", "error": "required"},
            {"row": 2, "column": "email", "error": "unique"},
            {"row": 9, "column": "gone", "error": "type"},
        ],
    }
    rows = run_module(f"return table.previewRows({json.dumps(sheet)});")
    assert rows == [
        {"n": 1, "cells": ["a@x.io", None], "errors": None},
        {"n": 2, "cells": [None, "1"], "errors": {"0": "required; unique"}},
    ]


def test_a_recipe_change_is_named_by_template_field_and_step() -> None:
    recipe = {"templates": [{"sheet_id": "contacts", "fields": [{"field": "email"}, {"field": "phone", "ops": [
        {"op": "trim"}, {"op": "phone_e164", "region": "US"}]}]}]}  # fmt: skip
    named = run_module(
        f"const r = {json.dumps(recipe)};"
        "return ['/templates/0/fields/1/ops/1/region', '/templates/0/dedup', '/version']"
        ".map((p) => migration.describePath(r, p));"
    )
    sep = "\u203a"  # the angle quote the page puts between the parts
    assert named == [f"contacts {sep} phone {sep} step 2 (phone_e164) {sep} region", f"contacts {sep} dedup", "version"]


def test_only_a_session_token_is_ever_put_in_a_link() -> None:
    links = run_module(
        "const token = 'sess_01ABC.s3cr3t-_x';"
        "const session = new api.FerryClient({base: 'http://h/', token});"
        "const key = new api.FerryClient({base: 'http://h', token: 'fk_live_abc'});"
        "return [session.linkUrl('/v1/x', {filter: 'valid'}), key.linkUrl('/v1/x', {filter: 'valid'}),"
        " api.isSessionToken(token), api.isSessionToken('sess_only')];"
    )
    assert links == ["http://h/v1/x?filter=valid&token=sess_01ABC.s3cr3t-_x", None, True, False]


def test_the_report_counts_valid_rows_as_total_minus_rows_with_an_invalid_cell() -> None:
    numbers = run_module("return report.reportNumbers({totalRows: 226, invalidCellCount: 13});")
    assert numbers == {"total": 226, "invalid": 13, "valid": 213}
