"""The scale-out execute on local files: stage 1 per chunk, then the reduce, gives the same exports (byte for byte)
and report as one `execute` over the whole file — dedup and unique across chunks, byte and row chunks, the polars
reader and the Python one."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter

from ferry.core.domain import FileManifest, Template
from ferry.engine import execute, output_parts
from ferry.engine.chunks import Chunk, byte_chunks, byte_splittable, chunk_bytes_for, number, row_chunks, split_records
from ferry.engine.csv_export import EXECUTE_EXPORTS, EXPORT_FILTERS
from ferry.engine.parts import write_export_from_parts
from ferry.engine.scaleout import check_chunk, decide, report, write_chunk
from ferry.ingest import polars_csv_options, sniff
from ferry.ingest.rows import find_sheet
from ferry.recipe import Recipe, recipe_from_mapping

from .conftest import EXAMPLE, PEOPLE_MAPPING


def _recipe(people: Template, **extra: Any) -> Recipe:
    data = recipe_from_mapping(PEOPLE_MAPPING, people, "f1", "sheet_1").model_dump(by_alias=True)
    data["templates"][0].update(extra)
    return Recipe.model_validate(data)


def _chunks(path: Path, manifest: FileManifest, rows: int, by: str) -> list[Chunk]:
    sheet = find_sheet(manifest, "sheet_1")
    if by == "rows":
        return number(row_chunks("f1", "sheet_1", sheet.row_count, rows))
    data = path.read_bytes()
    split = split_records(
        [data[i : i + 4096] for i in range(0, len(data), 4096)],
        quotechar=manifest.quotechar,
        skip_records=sheet.header_row + sheet.header_rows,
        chunk_bytes=chunk_bytes_for(manifest, "sheet_1", rows, manifest.size_bytes),
    )
    return number(byte_chunks("f1", "sheet_1", split))


def _chunked(recipe: Recipe, people: Template, path: Path, manifest: FileManifest, chunks: list[Chunk], work: Path):  # type: ignore[no-untyped-def]
    """What the Distributed Map items, the decision step and the assembly do, on local files; (report, exports)."""
    data = path.read_bytes()
    work.mkdir()
    store = work / "chunks"  # stands in for the run's chunk keys in S3
    stats = []
    for chunk in chunks:
        source = work / f"source-{chunk.index}"
        if chunk.kind == "bytes":
            source.write_bytes(data[: chunk.header_end] + data[chunk.start : chunk.end])
        else:
            shutil.copy(path, source)
        stats.append(check_chunk(recipe, [people], source, manifest, chunk, store / f"{chunk.index:05d}"))

    def fetch(index: int, name: str) -> Path:
        copy = work / "fetched" / f"{index:05d}" / name
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(store / f"{index:05d}" / name, copy)
        return copy

    decisions = decide(recipe, [people], {"f1": manifest}, chunks, stats, fetch, store)
    written = []
    parts: list[Path] = []
    for chunk, s in zip(chunks, stats, strict=True):
        out = work / "written" / f"{chunk.index:05d}"
        written.append(write_chunk(recipe, [people], chunk, s, decisions, fetch, out))
        parts += output_parts(out / "people")
        assert not (out / "people" / "all.csv").exists()
        for export in EXECUTE_EXPORTS:
            shutil.copy(out / "people" / f"{export}.csv", store / f"{chunk.index:05d}" / f"people.{export}.csv")
        for which in ("source", "output"):
            name = f"people/{which}-hashes.arrow"
            shutil.copy(out / name, store / f"{chunk.index:05d}" / name)
    result = report(recipe, [people], chunks, decisions, written, fetch)
    exports = {}
    for name in EXECUTE_EXPORTS:
        pieces = [(store / f"{c.index:05d}" / f"people.{name}.csv").read_bytes() for c in chunks]
        skips = [0] + [int(w["people"]["header"][name]) for w in written[1:]]
        exports[name] = b"".join(p[skip:] for p, skip in zip(pieces, skips, strict=True))
    # `all`: as the API has it built, from every chunk's output parts in order
    write_export_from_parts(parts, work / "all.csv")
    exports["all"] = (work / "all.csv").read_bytes()
    return result, exports


def _messy_copy(tmp_path: Path, blank_rows: bool) -> Path:
    """The example file with rows repeated further down (other chunks), a quoted line break, and (for the Python
    reader) blank lines."""
    lines = EXAMPLE.read_bytes().decode("utf-8").splitlines(keepends=True)
    header, rows = lines[0], [r if r.endswith("\n") else r + "\n" for r in lines[1:]]
    body = rows + rows[10:60] + rows[500:520]
    body[200] = '"Ann\nMarie"' + body[200][body[200].index(",") :]  # a quoted line break mid-file
    if blank_rows:
        body = [r + ("\n" if i % 97 == 0 else "") for i, r in enumerate(body)]
    path = tmp_path / "people.csv"
    path.write_bytes((header + "".join(body)).encode("utf-8"))
    return path


@pytest.mark.parametrize(("by", "blank_rows"), [("bytes", False), ("rows", False), ("bytes", True)])
def test_chunked_equals_one_execute_byte_for_byte(people: Template, tmp_path: Path, by: str, blank_rows: bool) -> None:
    path = _messy_copy(tmp_path, blank_rows)
    manifest = sniff(path, path.name)
    assert (polars_csv_options(manifest, "sheet_1") is None) is blank_rows  # both readers are covered
    assert byte_splittable(manifest)
    recipe = _recipe(people, dedup={"keys": ["last_name"], "keep": "last"})  # unique email stays on too
    whole = execute(recipe, [people], {"f1": (path, manifest)}, tmp_path / "whole", exports=EXPORT_FILTERS)
    chunks = _chunks(path, manifest, 150, by)
    assert len(chunks) >= 6
    chunked_report, exports = _chunked(recipe, people, path, manifest, chunks, tmp_path / "work")
    assert chunked_report == whole.report
    for name in ("valid", "invalid", "all"):
        assert exports[name] == (whole.outputs["people"] / f"{name}.csv").read_bytes(), name
    assert whole.report["templates"][0]["rowCount"] < find_sheet(manifest, "sheet_1").row_count  # dedup dropped some


def test_a_workbook_is_chunked_by_row_ranges_and_equals_one_execute(people: Template, tmp_path: Path) -> None:
    rows = list(csv.reader(_messy_copy(tmp_path, False).open(encoding="utf-8", newline="")))
    path = tmp_path / "people.xlsx"
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("People")
    for r, row in enumerate(rows):
        sheet.write_row(r, 0, row)
    workbook.close()
    manifest = sniff(path, path.name)
    assert not byte_splittable(manifest)
    recipe = _recipe(people, dedup={"keys": ["last_name"], "keep": "first"})
    whole = execute(recipe, [people], {"f1": (path, manifest)}, tmp_path / "whole", exports=EXPORT_FILTERS)
    chunks = _chunks(path, manifest, 200, "rows")
    assert len(chunks) >= 5
    chunked_report, exports = _chunked(recipe, people, path, manifest, chunks, tmp_path / "work")
    assert chunked_report == whole.report
    for name in ("valid", "invalid", "all"):
        assert exports[name] == (whole.outputs["people"] / f"{name}.csv").read_bytes(), name


def test_two_fields_of_one_column_count_the_same_chunked_or_not(people: Template, tmp_path: Path) -> None:
    # `manager` reads the `team` column too: the source tally counts that column once for both fields
    path = _messy_copy(tmp_path, False)
    manifest = sniff(path, path.name)
    data = recipe_from_mapping({**PEOPLE_MAPPING, "manager": "team"}, people, "f1", "sheet_1").model_dump(by_alias=True)
    recipe = Recipe.model_validate(data)
    whole = execute(recipe, [people], {"f1": (path, manifest)}, tmp_path / "whole", exports=EXPORT_FILTERS)
    source = {c["column"]: c["source"] for c in whole.report["profile"]["columns"] if c["column"]}
    assert source["manager"] | {"column": "team"} == source["team"] and source["team"]["filled"] > 0
    chunked_report, _ = _chunked(recipe, people, path, manifest, _chunks(path, manifest, 150, "bytes"), tmp_path / "w")
    assert chunked_report == whole.report
