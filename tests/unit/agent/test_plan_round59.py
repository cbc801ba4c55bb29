"""The matcher's round-59 changes (issue 12), shown on the benchmark files and on small CSVs written here, with near
neighbours that must not change: a pair a late re-reading asks keeps its evidence and flags (`PairScore.asked`),
and an empty column named for a code scanned on the record is asked for the asset tag."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from ferry.agent.pairs import ASKED_SCORE, PairScore
from ferry.agent.scanned_code_tags import _scanned_code
from tests.unit.agent.helpers import applied_sources, csv_text, offered_for, plan_real_file, plan_text

ALL = {**TEMPLATES, **REAL_TEMPLATES}
ASSETS = ALL["assets"]
PRODUCTS = ALL["products"]
PUBLICATIONS = ALL["publications"]


# PairScore.asked: one way to put a pair to the person.


def test_an_asked_pair_keeps_its_evidence_and_flags() -> None:
    pair = PairScore(0.93, 0.8, 0.5, ["header says so"], conflict=True, split=True, record_key=True)
    asked = pair.asked("why")
    assert asked.score == ASKED_SCORE
    assert (asked.header, asked.fit, asked.conflict, asked.split, asked.record_key) == (0.8, 0.5, True, True, True)
    assert asked.reasons == ["header says so", "why"]
    # Near neighbour: the pair asked about is a new one; the original is unchanged
    assert pair.score == 0.93 and pair.reasons == ["header says so"]


def test_an_asked_pair_takes_the_changes_it_is_given() -> None:
    pair = PairScore(0.9, 0.7, -0.2, ["first", "second"])
    assert pair.asked("why", keep=0).reasons == ["why"]
    assert pair.asked("why", keep=1).reasons == ["first", "why"]
    assert pair.asked("why", first=True).reasons == ["why", "first", "second"]
    assert pair.asked().reasons == ["first", "second"]
    changed = pair.asked("why", header=0.88, fit=0.0, score=ASKED_SCORE * 0.9)
    assert (changed.score, changed.header, changed.fit) == (ASKED_SCORE * 0.9, 0.88, 0.0)
    assert not changed.conflict and not changed.split and not changed.record_key


def test_asreviews_place_of_countries_is_asked_as_the_country() -> None:
    # Round 44 asked it; its rebuilt pair had lost the header/value conflict, so no question was left
    plan = plan_real_file("asreview/generic_labels.csv", "dev34")
    assert "place_published" in offered_for(plan, "country")
    assert "place_published" not in applied_sources(plan).get("country", [])


def test_a_place_of_cities_is_not_asked_as_the_country(tmp_path: Path) -> None:
    # Near neighbour: cities under the same header are no country
    rows = [f"{t},{p}" for t, p in zip(("A", "B", "C", "D"), ("Berlin", "Boston", "Lyon", "Osaka"), strict=True)]
    plan = plan_text(tmp_path, csv_text("title,place_published", rows), PUBLICATIONS)
    assert "place_published" not in offered_for(plan, "country")
    assert "place_published" not in applied_sources(plan).get("country", [])


# An empty column named for a scanned code, on a template with an asset tag and no barcode field.


@pytest.mark.parametrize(
    "name", ["openbis/antibody_storage_position_template.xlsx", "openbis/sample_storage_position_template.xlsx"]
)
def test_openbis_custom_barcode_is_offered_for_the_asset_tag(name: str) -> None:
    plan = plan_real_file(name, "dev60")
    assert "Custom Barcode" in offered_for(plan, "asset_tag")
    assert "Custom Barcode" not in applied_sources(plan).get("asset_tag", [])


def _empty_code_column(header: str) -> str:
    """Four lab items by name and location, then an empty column `header` (a template file's)."""
    items = ("Microscope,Lab 1,", "Centrifuge,Lab 2,", "Pipette,Lab 1,", "Freezer,Cold room,")
    return csv_text(f"Name,Location,{header}", list(items))


@pytest.mark.parametrize("header", ["QR Code ID", "Custom Barcode", "bar code"])
def test_an_empty_scanned_code_column_is_asked_for_the_asset_tag(tmp_path: Path, header: str) -> None:
    plan = plan_text(tmp_path, _empty_code_column(header), ASSETS)
    assert header in offered_for(plan, "asset_tag")
    assert header not in applied_sources(plan).get("asset_tag", [])


def test_a_kind_of_code_is_not_asked_for_the_asset_tag(tmp_path: Path) -> None:
    # Near neighbour: 'Barcode Type' names a kind of code, not the code
    plan = plan_text(tmp_path, _empty_code_column("Barcode Type"), ASSETS)
    assert "Barcode Type" not in offered_for(plan, "asset_tag")


def test_a_qr_code_is_no_barcode_of_a_product(tmp_path: Path) -> None:
    # Near neighbour: a product template keeps EAN/UPC barcodes in a field of their own; a QR code is not read there
    items = ("Shirt,SKU-1,", "Mug,SKU-2,", "Cap,SKU-3,", "Pen,SKU-4,")
    plan = plan_text(tmp_path, csv_text("Name,SKU,QR Code ID", list(items)), PRODUCTS)
    assert "QR Code ID" not in applied_sources(plan).get("barcode", [])


def test_scanned_code_headers_are_read_from_their_words() -> None:
    for header in ("Barcode", "Custom Barcode", "bar code", "QR Code ID", "qrcode", "barcode_number", "Asset Barcode"):
        assert _scanned_code(header), header
    for header in ("Code", "QR", "Barcode Type", "QR Code Size", "Item Code", "Product Code"):
        assert not _scanned_code(header), header
