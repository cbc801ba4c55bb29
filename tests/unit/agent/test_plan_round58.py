"""The matcher's round-58 classes of wrong auto-applied pairs (issue 12), shown on the benchmark files and on small
CSVs written here, with near neighbours that must not change: a header ending in an id word ('Stock ID', 'Item No.')
is no quantity; a bare 'Company' on a list of items with no supplier or manufacturer column is asked."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.mapping.templates import REAL_TEMPLATES, TEMPLATES
from ferry.agent.id_suffixed_measures import ends_in_an_id_word
from ferry.agent.neighbourhood_lines import neighbourhood_line
from tests.unit.agent.helpers import applied_sources, csv_text, plan_real_file, plan_text

ALL = {**TEMPLATES, **REAL_TEMPLATES}
ASSETS = ALL["assets"]
ITEMS = ("Microscope,4", "Centrifuge,2", "Pipette,12", "Freezer,1")


def _items(header: str, values: tuple[str, ...]) -> str:
    """Four lab items (a name and how many), then one column `header` holding `values`."""
    return csv_text(f"Name,Quantity,{header}", [f"{p},{v}" for p, v in zip(ITEMS, values, strict=True)])


def _fields_of(sources: dict[str, list[str]], column: str) -> set[str]:
    return {field for field, columns in sources.items() if column in columns}


# A header ending in an id word is no quantity.


def test_the_fly_stocks_stock_id_is_no_quantity() -> None:
    plan = plan_real_file("rspace/flystock_metadata.csv", "dev60")
    assert "quantity" not in _fields_of(applied_sources(plan), "Stock ID")


@pytest.mark.parametrize("header", ["Inventory ID", "stock_id"])
def test_an_id_suffixed_stock_header_over_numbers_is_no_quantity(tmp_path: Path, header: str) -> None:
    # Given: four stocks whose id column holds numbers (read through 'stock'/'inventory' as the quantity before)
    rows = [f"{n},Balancer,{v}" for n, v in zip("ABCD", ("1201", "1202", "877", "9"), strict=True)]
    plan = plan_text(tmp_path, csv_text(f"Name,Category,{header}", rows), ASSETS)
    assert "quantity" not in _fields_of(applied_sources(plan), header)


def test_id_words_are_read_at_the_end_of_a_header_only() -> None:
    for header in ("Stock ID", "stockId", "Stock #", "Item No.", "Lot Nr", "Price Code", "stock_id"):
        assert ends_in_an_id_word(header), header
    # Near neighbours: a plain quantity, 'Stock Number' (the bare 'number' may count), a bare 'ID', an id word first
    for header in ("Stock", "Quantity", "Stock Number", "ID", "ID Stock", "Number of items", "Amount / uL"):
        assert not ends_in_an_id_word(header), header


def test_a_plain_stock_column_still_takes_the_quantity(tmp_path: Path) -> None:
    # Near neighbour: 'In stock' over small counts is the quantity, as before
    text = csv_text(
        "Name,In stock", [f"{n},{v}" for n, v in zip(("A", "B", "C", "D"), ("4", "2", "12", "1"), strict=True)]
    )
    plan = plan_text(tmp_path, text, ASSETS)
    assert _fields_of(applied_sources(plan), "In stock") == {"quantity"}


# A bare 'Company' on a list of items.


def test_rspaces_antibody_company_is_not_applied_as_the_holder() -> None:
    plan = plan_real_file("rspace/antibody_import_real_data.csv", "dev60")
    assert "company" not in _fields_of(applied_sources(plan), "Company")


def test_a_bare_company_of_items_without_a_maker_column_is_asked(tmp_path: Path) -> None:
    plan = plan_text(tmp_path, _items("Company", ("Zeiss", "Eppendorf", "Gilson", "Thermo")), ASSETS)
    assert "company" not in _fields_of(applied_sources(plan), "Company")


def test_a_company_beside_supplier_and_manufacturer_columns_is_the_holder() -> None:
    # Near neighbour: Snipe-IT's asset export, 'Company' beside 'Supplier' and 'Manufacturer', is read as before
    plan = plan_real_file("snipe-it/assets-sample.csv", "train")
    assert "Company" in applied_sources(plan).get("company", [])


# An Indonesian neighbourhood line is no street.

PEOPLE = ALL["people"]
RESIDENTS = ("NAMA SATU,1996-11-02", "NAMA DUA,1947-02-06", "NAMA TIGA,1980-01-15", "NAMA EMPAT,1975-07-30")


def _residents(header: str, values: tuple[str, ...]) -> str:
    return csv_text(f"nama,tanggal lahir,{header}", [f"{p},{v}" for p, v in zip(RESIDENTS, values, strict=True)])


def test_inlislites_joined_village_line_is_not_the_street() -> None:
    plan = plan_real_file("inlislite/001_Database_Kependudukan.xlsx", "dev59")
    assert "street" not in _fields_of(applied_sources(plan), "alamat")


def test_an_address_of_rt_and_rw_units_is_not_applied_as_the_street(tmp_path: Path) -> None:
    lines = tuple(f"DESA {v} RT 00{n} RW 002" for n, v in enumerate(("KALIBENDA", "SEMPOR", "KARANG", "LOR"), 1))
    plan = plan_text(tmp_path, _residents("alamat", lines), PEOPLE)
    assert "street" not in _fields_of(applied_sources(plan), "alamat")


def test_neighbourhood_lines_need_both_units_and_no_street_word() -> None:
    assert neighbourhood_line("SEMPOR LOR   RT : 001    RW : 001    KELURAHAN/DESA SEMPOR LOR")
    assert neighbourhood_line("Desa Karang RT 03/RW 05")
    # Near neighbours: a full line with its street, one unit alone, an English street
    assert not neighbourhood_line("Jl. Merdeka No. 5 RT 01/RW 02")
    assert not neighbourhood_line("Gg. Mawar RT 01 RW 02")
    assert not neighbourhood_line("Desa Karang RT 03")
    assert not neighbourhood_line("12 Art Street")


# Header words of several systems: Japanese work-item lists, Indonesian catalogues, lab inventories.

TICKETS = ALL["tickets"]
PUBLICATIONS = ALL["publications"]


def test_pleasanters_japanese_task_headers_are_read() -> None:
    sources = applied_sources(plan_real_file("pleasanter/wbs_2019_11_25.csv", "dev59"))
    for header, field in (
        ("タイトル", "subject"),
        ("内容", "description"),
        ("状況", "status"),
        ("更新日時", "updated_at"),
    ):
        assert header in sources.get(field, []), header


def test_a_japanese_record_list_of_title_content_and_times(tmp_path: Path) -> None:
    rows = [
        f"{n},画面の修正{n},画面の文言を修正します。,{s},2024/05/0{n} 10:1{n},2024/06/0{n} 09:0{n}"
        for n, s in zip((1, 2, 3, 4), ("完了", "実施中", "未着手", "完了"), strict=True)
    ]
    plan = plan_text(tmp_path, csv_text("ID,タイトル,内容,状況,作成日時,更新日時", rows), TICKETS)
    sources = applied_sources(plan)
    assert "タイトル" in sources.get("subject", [])
    assert "更新日時" in sources.get("updated_at", []) and "作成日時" in sources.get("created_at", [])
    # Near neighbour: a bare '日時' (date and time of what?) is neither when the record was made nor changed
    dated = [f"{n},修正{n},2024/06/0{n} 09:00" for n in (1, 2, 3, 4)]
    sources = applied_sources(plan_text(tmp_path, csv_text("ID,タイトル,日時", dated), TICKETS))
    assert "日時" not in sources.get("updated_at", []) + sources.get("created_at", [])


def test_inlislites_indonesian_title_and_year_are_read() -> None:
    sources = applied_sources(plan_real_file("inlislite/sample_data_koleksi_AACR.xlsx", "dev59"))
    assert "JUDUL UTAMA" in sources.get("title", []) and "TAHUN TERBIT" in sources.get("year", [])


def test_an_indonesian_catalogue_of_titles_and_years(tmp_path: Path) -> None:
    books = ("Laskar Pelangi,Andrea Hirata,2005", "Bumi Manusia,Pramoedya Ananta Toer,1980",
             "Ronggeng Dukuh Paruk,Ahmad Tohari,1982", "Cantik Itu Luka,Eka Kurniawan,2002")  # fmt: skip
    plan = plan_text(tmp_path, csv_text("Judul,Pengarang,Tahun Terbit", list(books)), PUBLICATIONS)
    sources = applied_sources(plan)
    assert "Judul" in sources.get("title", []) and "Tahun Terbit" in sources.get("year", [])


def test_the_date_a_sample_was_received_is_its_purchase_date() -> None:
    sources = applied_sources(plan_real_file("openbis/sample_storage_position_template.xlsx", "dev60"))
    assert "Date received" in sources.get("purchase_date", [])


def test_a_received_date_on_an_inventory_and_a_plain_date_beside_it(tmp_path: Path) -> None:
    rows = [
        f"{n},2023-0{k}-1{k},2024-01-0{k}" for k, n in enumerate(("Microscope", "Centrifuge", "Pipette", "Freezer"), 1)
    ]
    sources = applied_sources(plan_text(tmp_path, csv_text("Name,Received date,Service date", rows), ASSETS))
    assert "Received date" in sources.get("purchase_date", [])
    assert "Service date" not in sources.get("purchase_date", [])
