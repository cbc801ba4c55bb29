"""Pure logic of files: filename sanitising, sizes, the S3 key layout."""

from __future__ import annotations

import pytest

import local  # noqa: F401 - puts the core layer on sys.path
from ferry.aws.s3 import manifest_key, parse_upload_key, upload_key
from ferry.core.errors import InvalidRequest
from ferry.core.ids import new_id
from ferry.migrations.files import human_size, sanitize_filename


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("contacts.csv", "contacts.csv"),
        ("../../etc/passwd", "passwd"),
        ("dir\\sub\\book.xlsx", "book.xlsx"),
        ("tab\there.csv", "tabhere.csv"),
        ("bidi\u202etxt.csv", "biditxt.csv"),
        ("Ünïcödé naïve.csv", "Ünïcödé naïve.csv"),
        ("a" * 400, "a" * 255),
        ("b" * 400 + ".xlsx", "b" * 250 + ".xlsx"),
    ],
)
def test_sanitize_filename(raw: str, expected: str) -> None:
    assert sanitize_filename(raw) == expected
    assert len(sanitize_filename(raw)) <= 255


@pytest.mark.parametrize("raw", ["", "   ", "/", "a/", "..", ".", "\x00\x01", "dir/.."])
def test_sanitize_filename_refuses_names_of_nothing(raw: str) -> None:
    with pytest.raises(InvalidRequest) as caught:
        sanitize_filename(raw)
    assert caught.value.extra["param"] == "filename"


@pytest.mark.parametrize(
    ("size", "text"),
    [(0, "0 bytes"), (1023, "1023 bytes"), (1536, "1.5 KB"), (536870912, "512 MB"), (2**40, "1024 GB")],
)
def test_human_size(size: int, text: str) -> None:
    assert human_size(size) == text


def test_upload_keys_round_trip() -> None:
    mig, file = new_id("mig"), new_id("file")
    key = upload_key("acct_1", mig, file, "my file (1).csv")
    parsed = parse_upload_key(key)
    assert parsed is not None
    assert (parsed.account_id, parsed.migration_id, parsed.file_id, parsed.filename) == (
        "acct_1",
        mig,
        file,
        "my file (1).csv",
    )
    assert manifest_key("acct_1", mig, file) == f"manifests/acct_1/{mig}/{file}.json"


@pytest.mark.parametrize(
    "key",
    [
        "uploads/acct_1/mig_x/file_y/a.csv",
        "manifests/acct_1/" + "mig_" + "0" * 26 + "/f.json",
        "uploads/acct_1/" + "mig_" + "0" * 26 + "/" + "file_" + "0" * 26 + "/",
        "uploads/acct_1/" + "mig_" + "0" * 26 + "/" + "file_" + "0" * 26 + "/a/b.csv",
        "uploads//" + "mig_" + "0" * 26 + "/" + "file_" + "0" * 26 + "/a.csv",
    ],
)
def test_foreign_keys_are_not_upload_keys(key: str) -> None:
    assert parse_upload_key(key) is None
