"""Issue 15: a CSV mixing UTF-8 lines with cp1252 lines is never read as mojibake.

Such a file used to be read whole as cp1252: `ready`, executed with no invalid cell, exporting `ZoÃ«`. Now
each line is read in the encoding it is in (UTF-8, and the legacy code page for the lines UTF-8 refuses),
the manifest says so, and the engine (polars fast path or not) reads the same text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ferry.core.domain import FileManifest, Template
from ferry.engine import execute, read_output
from ferry.ingest import polars_csv_options
from ferry.recipe import Recipe
from tests.unit.ingest.helpers import all_rows, only_sheet

SniffBytes = Callable[..., tuple[FileManifest, Path]]

MIXED = (
    b"id,name,city\n"
    + "1,Zoë Martin,Zürich\n".encode()
    + "2,Café Noir,Orléans\n".encode("cp1252")
    + b"3,Plain Ascii,Oslo\n"
    + "4,Bjørn Dæhlie,Tromsø\n".encode()
    + "5,Hélène Côté,Besançon\n".encode("cp1252")
)
EXPECTED = [
    ["1", "Zoë Martin", "Zürich"],
    ["2", "Café Noir", "Orléans"],
    ["3", "Plain Ascii", "Oslo"],
    ["4", "Bjørn Dæhlie", "Tromsø"],
    ["5", "Hélène Côté", "Besançon"],
]


def test_a_mixed_file_is_read_line_by_line_and_the_manifest_says_so(sniff_bytes: SniffBytes) -> None:
    manifest, path = sniff_bytes(MIXED)

    assert (manifest.encoding, manifest.fallback_encoding) == ("utf-8", "cp1252")
    assert manifest.notes == [
        "2 lines of this file are not UTF-8 like the rest (lines 3 and 6); they were read as cp1252 "
        "(Windows Western European). Check those rows."
    ]
    assert only_sheet(manifest).row_count == 5
    assert all_rows(path, manifest) == EXPECTED
    assert polars_csv_options(manifest, "sheet_1") is None


def test_the_engine_exports_the_text_not_mojibake(sniff_bytes: SniffBytes, tmp_path: Path) -> None:
    manifest, path = sniff_bytes(MIXED)
    template = Template.model_validate(
        {"name": "People", "sheet_id": "people", "fields": [
            {"key": "name", "type": "string"}, {"key": "city", "type": "string"}]}
    )  # fmt: skip
    recipe = Recipe.model_validate(
        {"templates": [{"sheet_id": "people", "source": {"file_id": "f", "sheet_id": "sheet_1"},
                        "fields": [{"field": "name", "column": "name"}, {"field": "city", "column": "city"}]}]}
    )  # fmt: skip

    result = execute(recipe, [template], {"f": (path, manifest)}, tmp_path / "out")

    frame = read_output(result.outputs["people"])
    assert frame["name"].to_list() == [row[1] for row in EXPECTED]
    assert frame["city"].to_list() == [row[2] for row in EXPECTED]
    exported = "".join(frame["name"].to_list() + frame["city"].to_list())
    assert "Ã" not in exported and "\ufffd" not in exported


def test_a_late_stray_byte_in_a_utf8_file_is_read_in_the_code_page(sniff_bytes: SniffBytes) -> None:
    ascii_rows = b"".join(b"%d,plain ascii row number %d\n" % (n, n) for n in range(60_000))
    data = b"id,name\n" + "0,Zoë\n".encode() + ascii_rows + b"99999,Caf\xe9\n"

    manifest, path = sniff_bytes(data)

    assert (manifest.encoding, manifest.fallback_encoding) == ("utf-8", "cp1252")
    assert manifest.notes[0].startswith("1 line of this file is not UTF-8 like the rest (line 60003)")
    rows = all_rows(path, manifest)
    assert rows[0] == ["0", "Zoë"] and rows[-1] == ["99999", "Café"]


def test_a_pure_cp1252_file_has_no_note(sniff_bytes: SniffBytes) -> None:
    manifest, _ = sniff_bytes("nom;ville\nFrançois Lefèvre;Orléans\nHélène Côté;Besançon\n".encode("cp1252"))

    assert (manifest.encoding, manifest.fallback_encoding, manifest.notes) == ("cp1252", None, [])


def test_mostly_cp1252_with_one_utf8_line_is_not_garbled(sniff_bytes: SniffBytes) -> None:
    # Read whole as cp1252, this file used to be `ready` with 'ZoÃ«' in it.
    lines = ["id,name"] + [f"{n},Café Müller {n}" for n in range(20)]
    data = "\n".join(lines).encode("cp1252") + "\n99,Zoë Martin\n".encode()

    manifest, path = sniff_bytes(data)

    assert (manifest.encoding, manifest.fallback_encoding) == ("utf-8", "cp1252")
    rows = all_rows(path, manifest)
    assert rows[0] == ["0", "Café Müller 0"] and rows[-1] == ["99", "Zoë Martin"]
    assert manifest.notes[0].startswith("20 lines of this file are not UTF-8 like the rest (lines 2, 3, 4, 5 and 6, …)")


def test_a_code_page_line_is_decoded_whole_even_where_its_bytes_happen_to_be_utf8(sniff_bytes: SniffBytes) -> None:
    # 'Ü' then '”' in cp1252 (DC 94) is also a valid UTF-8 sequence (a Syriac letter): the line is cp1252.
    data = b"id,name\n" + "1,Zoë\n".encode() + "2,Jörg “MÜ” Müller\n".encode("cp1252") + "3,Chloé\n".encode()

    manifest, path = sniff_bytes(data)

    assert all_rows(path, manifest) == [["1", "Zoë"], ["2", "Jörg “MÜ” Müller"], ["3", "Chloé"]]


def test_a_mixed_file_with_cr_line_breaks(sniff_bytes: SniffBytes) -> None:
    data = MIXED.replace(b"\n", b"\r")

    manifest, path = sniff_bytes(data)

    assert manifest.fallback_encoding == "cp1252"
    assert "(lines 3 and 6)" in manifest.notes[0]
    assert all_rows(path, manifest) == EXPECTED
