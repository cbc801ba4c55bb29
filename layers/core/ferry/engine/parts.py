"""A template's output directory: the row parts (`rows/part-*.parquet`) and the CSV exports.

`PartWriter` is the writing side of stage 3, shared by the executor (ferry.engine.executor) and a reviewed
patch (ferry.imports.patches): each finished part becomes the next Parquet row part and is appended to
`valid.csv` and `invalid.csv` (`all.csv` too when asked), and its rows are counted for the report.
`write_export_from_parts` writes an export from the committed parts afterwards, byte for byte what a
`PartWriter` would have written: the API asks for `all` only when someone downloads it.
"""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import ExitStack
from pathlib import Path
from typing import IO

import polars as pl

from ferry.core.domain import Template
from ferry.engine.csv_export import EXECUTE_EXPORTS, ExportFilter, export_frames, write_export
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


def write_export_from_parts(parts: Iterable[Path], dest: Path, export: ExportFilter = "all") -> int:
    """Write one export of a template from its output row parts (in row order), one part in memory at a time:
    the same bytes a `PartWriter` writing that export gives. Returns the data row count."""
    rows = 0
    with dest.open("wb") as fh:
        for n, part in enumerate(parts):
            out = export_frames(pl.read_parquet(part), (export,))[export]
            write_export(out, fh, header=n == 0)
            rows += out.height
    return rows


class PartWriter:
    """Writes the finished parts of one template's output into `dest` (its `rows/` made already), in row order.

    A context manager: the exports (`exports`, by default those every execute writes) are open while it is.
    It counts what the report needs: `rows`, `invalid` rows and the `output` profile tally of the fields (into
    `output` when given, e.g. a scale-out part's tally that travels to the report).
    """

    def __init__(
        self,
        template: Template,
        dest: Path,
        exports: tuple[ExportFilter, ...] = EXECUTE_EXPORTS,
        output: ProfileTally | None = None,
    ) -> None:
        self.template = template
        self.dest = dest
        self.exports = exports
        self.columns = [f.key for f in template.fields]
        self.output = output if output is not None else ProfileTally(self.columns)
        self.rows = 0
        self.invalid = 0
        self.parts = 0
        self._stack = ExitStack()
        self._exports: dict[ExportFilter, IO[bytes]] = {}

    def __enter__(self) -> PartWriter:
        with ExitStack() as stack:
            self._exports = {name: stack.enter_context((self.dest / f"{name}.csv").open("wb")) for name in self.exports}
            self._stack = stack.pop_all()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stack.close()

    def write(self, frame: pl.DataFrame) -> str:
        """Write `frame` (`_row`, fields, `_errors`) as the next part; the part's file name (`part-00000.parquet`)."""
        name = f"part-{self.parts:05d}.parquet"
        write_output(frame, self.dest / "rows" / name)
        for export, export_rows in export_frames(frame, self.exports).items():
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
