"""A template's output directory: the row parts (`rows/part-*.parquet`) and the three CSV exports.

`PartWriter` is the writing side of stage 3, shared by the executor (ferry.engine.executor) and a reviewed
patch (ferry.imports.patches): each finished part becomes the next Parquet row part and is appended to
`valid.csv`, `invalid.csv` and `all.csv`, and its rows are counted for the report.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import IO

import polars as pl

from ferry.core.domain import Template
from ferry.engine.csv_export import EXPORT_FILTERS, ExportFilter, export_frames, write_export
from ferry.engine.flags import error_columns, flagged_expr
from ferry.engine.report import ProfileTally, TemplateStats, filled_hash, template_stats
from ferry.recipe.model import TemplateRecipe


def write_output(frame: pl.DataFrame, path: Path) -> None:
    """Write one part of a template's output rows (with `_row` and `_errors`) as Parquet."""
    frame.write_parquet(path, compression="lz4", statistics=False)  # nothing filters on row-group stats


def output_parts(path: str | Path) -> list[Path]:
    """The Parquet parts of a committed template output directory, in row order."""
    return sorted((Path(path) / "rows").glob("part-*.parquet"))


def read_output(path: str | Path) -> pl.DataFrame:
    """A committed template output (its directory) as one frame, rows in source order."""
    parts = output_parts(path)
    return pl.concat([pl.read_parquet(p) for p in parts]) if parts else pl.DataFrame()


class PartWriter:
    """Writes the finished parts of one template's output into `dest` (its `rows/` made already), in row order.

    A context manager: the exports are open while it is. It counts what the report needs: `rows`, `invalid`
    rows and the `output` profile tally of the fields.
    """

    def __init__(self, template: Template, dest: Path) -> None:
        self.template = template
        self.dest = dest
        self.columns = [f.key for f in template.fields]
        self.output = ProfileTally(self.columns)
        self.rows = 0
        self.invalid = 0
        self.parts = 0
        self._stack = ExitStack()
        self._exports: dict[ExportFilter, IO[bytes]] = {}

    def __enter__(self) -> PartWriter:
        with ExitStack() as stack:
            self._exports = {
                name: stack.enter_context((self.dest / f"{name}.csv").open("wb")) for name in EXPORT_FILTERS
            }
            self._stack = stack.pop_all()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stack.close()

    def write(self, frame: pl.DataFrame) -> str:
        """Write `frame` (`_row`, fields, `_errors`) as the next part; the part's file name (`part-00000.parquet`)."""
        name = f"part-{self.parts:05d}.parquet"
        write_output(frame, self.dest / "rows" / name)
        for export, export_rows in export_frames(frame).items():
            write_export(export_rows, self._exports[export], header=self.parts == 0)
        self.rows += frame.height
        self.invalid += int(frame.select(flagged_expr(error_columns(frame)).sum()).item())
        self.output.add(frame.select([filled_hash(pl.col(c)).alias(c) for c in self.columns]))
        self.parts += 1
        return name

    def stats(self, recipe: TemplateRecipe, source: ProfileTally) -> TemplateStats:
        """The template's report counts: what was written, with `source` the profile of its source values."""
        return template_stats(
            self.template, recipe, rows=self.rows, invalid_rows=self.invalid, output=self.output, source=source
        )
