"""`ferry execute|preview` (`python -m ferry`) on the example file, and the installed `ferry` command."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ferry.__main__ import main
from ferry.core.domain import Template
from ferry.recipe import recipe_from_mapping

from .conftest import EXAMPLE, PEOPLE_MAPPING


@pytest.fixture
def args(tmp_path: Path, people: Template) -> list[str]:
    templates = tmp_path / "templates.json"
    templates.write_text(json.dumps([people.model_dump(exclude_none=True)]))
    recipe = tmp_path / "recipe.json"
    recipe.write_text(recipe_from_mapping(PEOPLE_MAPPING, people, "f1", "sheet_1").model_dump_json(by_alias=True))
    return [str(EXAMPLE), "--templates", str(templates), "--recipe", str(recipe)]


def test_execute_writes_exports_and_report(args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["execute", *args, "--out", str(out)]) == 0
    report = json.loads((out / "report.json").read_text())
    assert report["totalRows"] == 1000
    valid = list(csv.DictReader((out / "people" / "valid.csv").open(encoding="utf-8", newline="")))
    invalid = list(csv.DictReader((out / "people" / "invalid.csv").open(encoding="utf-8", newline="")))
    every = list(csv.DictReader((out / "people" / "all.csv").open(encoding="utf-8", newline="")))
    assert len(valid) + len(invalid) == 1000 and len(invalid) == report["invalidCellCount"]
    assert {r["_row"] for r in invalid} >= {"420", "474", "526"}
    assert len(every) == 1000 and [r["_row"] for r in every] == [str(i) for i in range(1, 1001)]
    assert list((out / "people" / "rows").glob("*.parquet")) and not (out / ".ferry-work").exists()
    assert "1000 rows" in capsys.readouterr().out


def test_preview_prints_json_with_json(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["preview", *args, "-n", "3", "--json"]) == 0
    (sheet,) = json.loads(capsys.readouterr().out)
    assert len(sheet["rows"]) == 3 and "_row" not in sheet["rows"][0]


def test_preview_prints_a_table_with_flagged_cells_marked(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    # When: a person previews the first 500 rows of the example file (rows 420 and 474 have bad cells)
    assert main(["preview", *args, "-n", "500"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    # Then: a title, a header row of the template's columns, one line per row, columns aligned
    assert lines[0].startswith("People (people): first 500 of 1,000 rows; about ")
    header = lines[1]
    assert header.split() == ["row", "first_name", "last_name", "age", "team", "manager", "email"]
    rows = [line for line in lines[2:] if line.startswith("  ") and line.split()[0].isdigit()]
    assert len(rows) == 500 and rows[0].split()[0] == "1"
    email_at = header.index("email")
    assert all(line[email_at - 2 : email_at] == "  " for line in rows if len(line) > email_at)
    # And: no cell is wider than the cut, long ones end in "…"
    cells = [cell.strip() for line in rows for cell in line.split("  ")]
    assert max(len(cell) for cell in cells) <= 31 and any(cell.endswith("…") for cell in cells)
    # And: flagged cells carry "!" and the legend names the row, column and rule
    flagged = [line for line in rows if "!" in line]
    assert {line.split()[0] for line in flagged} >= {"420", "474"}
    assert "  ! the cell fails a rule:" in lines
    legend = lines[lines.index("  ! the cell fails a rule:") + 1 :]
    assert "    row 420, email: fails `type` (zsa zsa.lipson@mailmail.com)" in legend


def test_execute_in_a_pipe_prints_no_progress_bar(
    args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # capsys's stderr is not a terminal, as in a pipe
    assert main(["execute", *args, "--out", str(tmp_path / "out")]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and "\r" not in captured.out and "rows read" not in captured.out


def test_execute_on_a_terminal_draws_the_progress_bar(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    err = Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    assert main(["execute", *args, "--out", str(tmp_path / "out")]) == 0
    text = err.getvalue()
    assert "\rPeople [" in text and "1,000/1,000 rows read" in text
    assert text.endswith("\n")


def test_the_installed_ferry_command_describes_its_three_subcommands() -> None:
    # `make` installs the project into .venv: the command works without PYTHONPATH, from any directory
    ferry = Path(sys.executable).parent / "ferry"
    if not ferry.exists():
        pytest.fail(f"{ferry} is missing: `make venv` installs the project (pip install -e . --no-deps)")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run([str(ferry), "--help"], capture_output=True, text=True, env=env, cwd="/", check=False)
    assert result.returncode == 0, result.stderr
    commands = result.stdout.split("commands:", 1)[1]
    for name in ("plan", "preview", "execute"):
        assert f"\n  {name} " in commands  # the top-level description lists it
        assert f"\n    {name} " in result.stdout.split("positional arguments:", 1)[1]  # with its help line


def test_bad_recipe_column_is_a_clear_error(
    args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    recipe = Path(args[4])
    recipe.write_text(recipe.read_text().replace('"column":"years"', '"column":"age_years"'))
    assert main(["preview", *args]) == 2
    assert "age_years" in capsys.readouterr().err
