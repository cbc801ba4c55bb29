"""Blobs.concatenate assembles an export from the parts' fragments in S3 (moto): large pieces copied server-side,
small ones topped up into parts of at least 5 MiB, each piece from its first byte on (headers skipped)."""

from __future__ import annotations

import os

import pytest

from ferry.aws.s3 import Blobs
from local.stack import LocalStack

MIB = 1024 * 1024


@pytest.mark.parametrize(
    "sizes",
    [
        [6 * MIB, 100_000, 7 * MIB, 3 * MIB],  # copy, small, then a large piece after a small one, a small last
        [1_000, 2_000, 6 * MIB, 10],  # small pieces first: topped up from the large one's head
        [3 * MIB, 3 * MIB, 3 * MIB],  # only small pieces, together above one part
        [100, 0, 50],  # tiny: one plain PUT (and an empty piece)
    ],
)
def test_pieces_end_to_end_byte_for_byte(stack: LocalStack, sizes: list[int]) -> None:
    blobs = Blobs()
    pieces, expected = [], b""
    for i, size in enumerate(sizes):
        data = os.urandom(size)
        blobs.client.put_object(Bucket=blobs.bucket, Key=f"runs/r/chunks/{i}.csv", Body=data)
        skip = 0 if i == 0 else min(7, size)  # every piece after the first loses its header
        pieces.append((f"runs/r/chunks/{i}.csv", skip))
        expected += data[skip:]
    blobs.concatenate("exports/r/t.valid.csv", pieces, "text/csv; charset=utf-8")
    stored = blobs.client.get_object(Bucket=blobs.bucket, Key="exports/r/t.valid.csv")
    assert stored["Body"].read() == expected
    assert stored["ContentType"] == "text/csv; charset=utf-8"


def test_a_missing_piece_fails_and_writes_nothing(stack: LocalStack) -> None:
    blobs = Blobs()
    blobs.client.put_object(Bucket=blobs.bucket, Key="runs/r/a", Body=b"x" * (6 * MIB))
    with pytest.raises(FileNotFoundError):
        blobs.concatenate("exports/r/out.csv", [("runs/r/a", 0), ("runs/r/gone", 0)], "text/csv")
    assert blobs.size("exports/r/out.csv") is None
    assert blobs.client.list_multipart_uploads(Bucket=blobs.bucket).get("Uploads", []) == []
