"""Ingestion: sniff an uploaded CSV/TSV/XLSX/XLS/ODS into a FileManifest and read its rows back.

`sniff` decides ready or rejected; `iter_rows` gives the importer the data rows as text;
`polars_csv_options` says when polars may read a CSV directly; `cell_text` is how a workbook
cell becomes text everywhere.
"""

from ferry.ingest.cells import cell_text
from ferry.ingest.polars_options import polars_csv_options
from ferry.ingest.rows import iter_rows
from ferry.ingest.sniffer import sniff

__all__ = ["cell_text", "iter_rows", "polars_csv_options", "sniff"]
