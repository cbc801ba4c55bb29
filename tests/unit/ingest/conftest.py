"""Fixtures for the ingestion tests: real files from shared/data/real and files written on the fly."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ferry.core.domain import FileManifest
from ferry.ingest import sniff


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[[bytes, str], Path]:
    """Write `data` to a file named `name` in a fresh directory and return its path."""

    def write(data: bytes, name: str = "upload.csv") -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return write


@pytest.fixture
def sniff_bytes(write_file: Callable[[bytes, str], Path]) -> Callable[..., tuple[FileManifest, Path]]:
    """Sniff `data` as an upload called `name`; returns the manifest and the file's path."""

    def run(data: bytes, name: str = "upload.csv", **limits: int) -> tuple[FileManifest, Path]:
        path = write_file(data, name)
        return sniff(path, name, **limits), path

    return run
