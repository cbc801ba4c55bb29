# ruff: noqa: RUF001
"""Issue 15: a workbook whose used cells span a huge range is rejected before calamine materialises it.

A 5 KB XLSX with one cell at XFD1048576 made python-calamine allocate every cell of the range (512 GB)
and abort the process, so the real `sniff` runs in a subprocess here: an abort fails the test instead
of killing the test run.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
import xlsxwriter

from ferry.core.domain import FileManifest
from ferry.core.errors import FileRejected

SniffBytes = Callable[..., tuple[FileManifest, Path]]


def _workbook(build: Callable[[xlsxwriter.Workbook], None]) -> bytes:
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    build(workbook)
    workbook.close()
    return buffer.getvalue()


def _one_far_cell(workbook: xlsxwriter.Workbook) -> None:
    sheet = workbook.add_worksheet()
    sheet.write_row(0, 0, ["name", "city"])
    sheet.write_row(1, 0, ["Ann", "Oslo"])
    sheet.write(1048575, 16383, "x")


def _sniff_in_subprocess(path: Path) -> dict[str, object]:
    script = textwrap.dedent(
        f"""
        import json
        from ferry.core.errors import FileRejected
        from ferry.ingest import sniff
        try:
            manifest = sniff({str(path)!r}, "bomb.xlsx")
        except FileRejected as exc:
            print(json.dumps({{"rejected": exc.reason}}))
        else:
            print(json.dumps({{"ready": [s.row_count for s in manifest.sheets]}}))
        """
    )
    # The child imports `ferry` from where this process does.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(path for path in sys.path if path)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False, env=env
    )
    assert done.returncode == 0, f"sniff died (exit {done.returncode}): {done.stderr[-2000:]}"
    answer: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return answer


def test_one_cell_at_xfd1048576_is_rejected_not_a_crash(tmp_path: Path) -> None:
    data = _workbook(_one_far_cell)
    assert len(data) < 10_000
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(data)

    answer = _sniff_in_subprocess(path)

    reason = str(answer.get("rejected"))
    assert reason.startswith("The sheet 'Sheet1' declares cells out to XFD1048576 (1,048,576 rows × 16,384 columns)")
    assert "Ferry reads sheets up to" in reason


def test_a_styled_but_empty_far_cell_does_not_count(sniff_bytes: SniffBytes) -> None:
    def build(workbook: xlsxwriter.Workbook) -> None:
        sheet = workbook.add_worksheet()
        sheet.write_row(0, 0, ["name", "city"])
        sheet.write_row(1, 0, ["Ann", "Oslo"])
        sheet.write_blank(1048575, 16383, None, workbook.add_format({"bold": True}))

    manifest, _ = sniff_bytes(_workbook(build), "styled.xlsx")

    assert [sheet.row_count for sheet in manifest.sheets] == [1]


def test_a_wide_but_bounded_sheet_is_read(sniff_bytes: SniffBytes) -> None:
    def build(workbook: xlsxwriter.Workbook) -> None:
        sheet = workbook.add_worksheet()
        sheet.write_row(0, 0, [f"c{n}" for n in range(300)])
        for row in range(1, 50):
            sheet.write_row(row, 0, [str(row * n) for n in range(300)])

    manifest, _ = sniff_bytes(_workbook(build), "wide.xlsx")

    assert manifest.sheets[0].row_count == 49
    assert len(manifest.sheets[0].columns) == 300


def test_a_sheet_past_the_cell_limit_is_rejected_with_the_limit(sniff_bytes: SniffBytes) -> None:
    def build(workbook: xlsxwriter.Workbook) -> None:
        sheet = workbook.add_worksheet("Data")
        sheet.write_row(0, 0, ["a", "b"])
        sheet.write(99_999, 999, "far")

    with pytest.raises(FileRejected) as rejected:
        sniff_bytes(_workbook(build), "far.xlsx", max_sheet_cells=1_000_000)

    assert rejected.value.reason.startswith(
        "The sheet 'Data' declares cells out to ALL100000 (100,000 rows × 1,000 columns); "
        "Ferry reads sheets up to 1,000,000 cells"
    )


def test_cells_without_references_or_with_a_namespace_prefix_are_placed_by_position() -> None:
    from ferry.ingest.sheet_bounds import _used_boxes

    xml = (
        b'<x:worksheet xmlns:x="s"><x:sheetData>'
        b'<x:row r="3"><x:c><x:v>1</x:v></x:c><x:c s="1"/><x:c><x:v>2</x:v></x:c></x:row>'
        b'<x:row><x:c r="E9"><x:v>3</x:v></x:c></x:row>'
        b"</x:sheetData></x:worksheet>"
    )

    boxes = list(_used_boxes(io.BytesIO(xml)))

    assert boxes == [(2, 2, 0, 0), (2, 2, 2, 2), (8, 8, 4, 4)]
